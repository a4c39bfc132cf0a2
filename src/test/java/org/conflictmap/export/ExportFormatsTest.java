package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.GeometryType;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Source;
import org.conflictmap.ogcapi.Enclosures.Enclosure;
import org.conflictmap.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * "Adding an export format" (ARCHITECTURE.md), walked for every registered format: its constant is
 * all the controller, the refusals and the OGC enclosure links need, and docs/EXPORT.md describes it.
 * ExportContractTest downloads each one on both stores.
 */
class ExportFormatsTest {
    @Test
    void everyFormatIsFoundByItsExtensionInAnyCase() {
        for (ExportFormat f : ExportFormat.values()) {
            assertThat(ExportFormat.of(f.extension())).isSameAs(f);
            assertThat(ExportFormat.of(f.extension().toUpperCase(Locale.ROOT))).isSameAs(f);
            assertThat(f.fileName("incidents"))
                    .startsWith("incidents-")
                    .endsWith("." + f.extension() + (f == ExportFormat.SHP ? ".zip" : ""));
        }
    }

    @Test
    void anUnknownFormatIsA404ListingEveryFormat() {
        assertThatThrownBy(() -> ExportFormat.of("xlsx")).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(p.getMessage()).endsWith("formats: " + String.join(", ", ExportFormat.EXTENSIONS));
        });
        assertThat(ExportFormat.EXTENSIONS).containsExactly("geojson", "csv", "shp", "gpkg", "kml", "fgb");
    }

    @Test
    void theIncidentsCollectionLinksEveryFormatAndNoOtherCollectionDoes() {
        ExportEnclosures enclosures = new ExportEnclosures(new Layers(List.of(
                new Collection(
                        "incidents",
                        "Incidents",
                        "all of them",
                        GeometryType.ANY,
                        Source.Incidents.all(),
                        List.of(),
                        null,
                        List.of("id"),
                        true),
                new Collection(
                        "places",
                        "Places",
                        "the gazetteer",
                        GeometryType.POINT,
                        new Source.Places(java.util.Set.of("city")),
                        List.of(),
                        null,
                        List.of(),
                        false))));
        List<Enclosure> links = enclosures.of("incidents");
        assertThat(links)
                .extracting(Enclosure::path)
                .containsExactlyElementsOf(Arrays.stream(ExportFormat.values())
                        .map(f -> "/api/export/incidents." + f.extension())
                        .toList());
        assertThat(links)
                .extracting(Enclosure::mediaType)
                .containsExactlyElementsOf(Arrays.stream(ExportFormat.values())
                        .map(ExportFormat::mediaType)
                        .toList());
        assertThat(enclosures.of("places")).isEmpty();
    }

    @Test
    void docsExportDescribesEveryFormat() throws IOException {
        String doc = Files.readString(Path.of("docs", "EXPORT.md"));
        for (ExportFormat f : ExportFormat.values()) {
            assertThat(doc).as(f.title()).contains("| `" + f.extension() + "` |");
        }
    }

    @Test
    void onlyFormatsWithTablesTakeTheTableParameter() {
        assertThat(Arrays.stream(ExportFormat.values()).filter(ExportFormat::hasTables))
                .containsExactly(ExportFormat.CSV);
    }
}
