package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.conflictmap.Gdal;
import org.conflictmap.geo.Wkb;
import org.conflictmap.incidents.Claim;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.TimeInterval;
import org.conflictmap.web.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * A text stored before control characters were refused (a store written by an older server) still
 * makes a KML GDAL can read: each refused character becomes U+FFFD, the rest of the text stays.
 */
class KmlLegacyTextTest {
    @TempDir
    Path dir;

    @Test
    void controlCharactersAndLoneSurrogatesBecomeReplacementCharacters() throws Exception {
        var point = Wkb.FACTORY.createPoint(new Coordinate(70.1, 34.2));
        point.setSRID(4326);
        Instant day = Instant.parse("2031-03-01T00:00:00Z");
        Claim claim = new Claim(
                "Spokes\u0007person",
                "un",
                "unspecified",
                2,
                null,
                null,
                null,
                null,
                null,
                "said \u001b[31m",
                null,
                List.of());
        Incident legacy = new Incident(
                "zz-legacy",
                "bell\u0007 esc\u001b lone\uD800 ok \uD83D\uDEF0",
                "form\u000Cfeed",
                "air_strike",
                "published",
                new TimeInterval(day, day.plusSeconds(86_399), "day"),
                "exact",
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(claim),
                List.of(),
                point,
                1,
                day,
                day);
        Path kml = dir.resolve("legacy.kml");
        try (OutputStream out = Files.newOutputStream(kml)) {
            KmlWriter.write(each -> each.accept(legacy), FileLayers.INCIDENTS, out);
        }
        String read = Gdal.ogrinfo("-ro", "-q", kml.toString(), "incidents");
        assertThat(read)
                .doesNotContain("ERROR")
                .contains("title (String) = bell\uFFFD esc\uFFFD lone\uFFFD ok \uD83D\uDEF0")
                .contains("Spokes\uFFFDperson");
        assertThat(Texts.xmlSafe("tab\tline\nok")).isEqualTo("tab\tline\nok");
        assertThat(Texts.fault("x\uDC00")).contains("U+DC00", "character 2");
        assertThat(Texts.fault("\uD83D\uDEF0 fine")).isNull();
    }
}
