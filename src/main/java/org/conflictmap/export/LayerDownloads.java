package org.conflictmap.export;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.PlaceFeatures;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.Tables;
import org.conflictmap.ogcapi.LayerGeometry;
import org.conflictmap.ogcapi.RowFeatures;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The downloads of a collection that is not the incidents': a gazetteer collection ({@link Source.Places}) or a table
 * layer ({@link Source.Table}) registered with export fields. One path for both: each feature as GeoJSON (its OGC
 * item, of the collection's geometry type), as a CSV row (its export fields, a point on it as longitude and
 * latitude) or as a GeoPackage feature (its export fields but the point's, at its geometry, of the collection's
 * type: {@link GeoPackageWriter}, NGA's writer), in the order of their ids. The gazetteer is in memory; a table's rows stream from the store ({@link Tables#forEach},
 * forward only, as the incidents' exports do), each written as it comes: memory stays flat whatever the count.
 */
final class LayerDownloads {
    /** The formats a gazetteer collection or a table layer downloads as. */
    static final Set<ExportFormat> FORMATS = Set.of(ExportFormat.GEOJSON, ExportFormat.CSV, ExportFormat.GPKG);

    /** The CSV's columns a gazetteer collection may name as its export fields, in any order. */
    static final List<String> PLACE_FIELDS = List.of(
            "id",
            "name",
            "kind",
            "country",
            "admin1",
            "population",
            "label_rank",
            "alt_names",
            "longitude",
            "latitude");

    private LayerDownloads() {}

    /**
     * One feature of a download: its OGC item, its geometry (of the collection's type), the geometry its CSV row's
     * point lies on, its values by export field (but {@code longitude} and {@code latitude}, the point's).
     */
    record Entry(
            Supplier<ObjectNode> feature,
            Supplier<Geometry> geometry,
            Supplier<Geometry> located,
            Function<String, Object> field) {}

    /** The places of gazetteer collection {@code c} among {@code all}, in the order of their ids. */
    static List<Entry> places(Collection c, List<Place> all, ObjectMapper json) {
        Set<String> kinds = ((Source.Places) c.source()).kinds();
        return all.stream()
                .filter(p -> kinds.contains(p.kind()))
                .sorted(Comparator.comparing(Place::id))
                .map(p -> new Entry(
                        () -> {
                            ObjectNode feature = PlaceFeatures.feature(p, json);
                            feature.set("geometry", GeoJson.geometry(LayerGeometry.of(c, p)));
                            return feature;
                        },
                        () -> LayerGeometry.of(c, p),
                        p::geometry,
                        field -> place(field, p)))
                .toList();
    }

    /**
     * The rows of table layer {@code c}, in the order of their ids, as {@link Tables#forEach} reads them from the store
     * (forward only, a fetch at a time): each is written before the next is read.
     */
    static FileWriters.Source<Entry> rows(Collection c, Tables tables, ObjectMapper json) {
        Source.Table table = (Source.Table) c.source();
        return each -> ExportRows.rethrowingIo(() -> tables.forEach(
                table,
                Tables.Select.ALL,
                ExportRows.unchecked(row -> each.accept(new Entry(
                        () -> RowFeatures.feature(c, row, RowFeatures.geometry(c, row), json),
                        () -> RowFeatures.geometry(c, row),
                        () -> RowFeatures.geometry(c, row),
                        row.properties()::get)))));
    }

    /** These entries, in their order. */
    static FileWriters.Source<Entry> of(List<Entry> entries) {
        return each -> {
            for (Entry e : entries) {
                each.accept(e);
            }
        };
    }

    static void write(
            ExportFormat f, Collection c, FileWriters.Source<Entry> entries, ObjectMapper json, OutputStream out)
            throws IOException {
        if (f == ExportFormat.CSV) {
            csv(c, entries, out);
        } else if (f == ExportFormat.GPKG) {
            GeoPackageWriter.write(c, columns(c), entries, out);
        } else {
            geojson(entries, json, out);
        }
    }

    private static void geojson(FileWriters.Source<Entry> entries, ObjectMapper json, OutputStream out)
            throws IOException {
        BufferedOutputStream o = new BufferedOutputStream(out, 1 << 16);
        o.write("{\"type\":\"FeatureCollection\",\"features\":[\n".getBytes(StandardCharsets.UTF_8));
        boolean[] first = {true};
        entries.forEach(e -> {
            if (!first[0]) {
                o.write(",\n".getBytes(StandardCharsets.UTF_8));
            }
            first[0] = false;
            o.write(json.writeValueAsBytes(e.feature().get()));
        });
        o.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
        o.flush();
    }

    private static void csv(Collection c, FileWriters.Source<Entry> entries, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter csv = new CSVPrinter(
                w,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(c.exportFields().toArray(String[]::new))
                        .get());
        entries.forEach(e -> {
            Geometry point = e.located().get().getInteriorPoint();
            List<Object> row = new ArrayList<>();
            for (String field : c.exportFields()) {
                row.add(
                        switch (field) {
                            case "longitude" -> point.getCoordinate().x;
                            case "latitude" -> point.getCoordinate().y;
                            default -> e.field().apply(field);
                        });
            }
            csv.printRecord(FlatRows.spreadsheetSafe(row));
        });
        csv.flush();
    }

    /** The export fields but the point's, with the kind of their values: a GeoPackage's columns. */
    private static Map<String, Class<?>> columns(Collection c) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (String field : c.exportFields()) {
            if (c.source() instanceof Source.Table table && !Source.Table.POINT_FIELDS.contains(field)) {
                out.put(
                        field,
                        switch (table.type(field)) {
                            case "integer" -> Long.class;
                            case "number" -> Double.class;
                            case "boolean" -> Boolean.class;
                            case "date-time" -> Instant.class;
                            default -> String.class;
                        });
            } else if (c.source() instanceof Source.Places && !Source.Table.POINT_FIELDS.contains(field)) {
                out.put(field, field.equals("population") || field.equals("label_rank") ? Long.class : String.class);
            }
        }
        return out;
    }

    private static Object place(String field, Place p) {
        return switch (field) {
            case "id" -> p.id();
            case "name" -> p.name();
            case "kind" -> p.kind();
            case "country" -> p.country();
            case "admin1" -> p.admin1();
            case "population" -> p.population();
            case "label_rank" -> p.labelRank();
            case "alt_names" -> p.altNames() == null ? null : String.join("; ", p.altNames());
            default ->
                throw new IllegalArgumentException(
                        "a gazetteer collection's export fields are among " + PLACE_FIELDS + ": " + field);
        };
    }
}
