package org.conflictmap.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The geocoder against the team's own evaluation set (src/test/resources/geocoding/dispatches.json:
 * short dispatches written for this project, each with the places a reader would map). Precision and
 * recall over (dispatch, place) pairs must both reach 0.95; metonymic capitals do not count as places.
 */
@OnH2gis
class GeocoderEvaluationTest {
    static final double THRESHOLD = 0.95;

    @Autowired
    Geocoder geocoder;

    @Autowired
    ObjectMapper json;

    @Test
    void precisionAndRecallOnTheEvaluationSet() throws Exception {
        JsonNode set;
        try (InputStream in = getClass().getResourceAsStream("/geocoding/dispatches.json")) {
            set = json.readTree(in);
        }
        int truePositives = 0;
        int found = 0;
        int expected = 0;
        StringBuilder misses = new StringBuilder();
        for (JsonNode d : set) {
            LocalDate published = d.hasNonNull("published")
                    ? LocalDate.parse(d.get("published").asString())
                    : null;
            Set<String> got = new LinkedHashSet<>();
            for (Geocoder.Mention m :
                    geocoder.parse(d.get("text").asString(), published).mentions()) {
                if (!m.metonymic()) {
                    got.add(m.place().id());
                }
            }
            Set<String> want = new LinkedHashSet<>();
            d.get("expected").forEach(e -> want.add(e.asString()));
            found += got.size();
            expected += want.size();
            for (String id : got) {
                if (want.contains(id)) {
                    truePositives++;
                }
            }
            if (!got.equals(want)) {
                misses.append("\n  ")
                        .append(d.get("text").asString())
                        .append("\n    expected ")
                        .append(want)
                        .append(" got ")
                        .append(got);
            }
        }
        double precision = found == 0 ? 1 : (double) truePositives / found;
        double recall = expected == 0 ? 1 : (double) truePositives / expected;
        System.out.printf(
                "Geocoder evaluation: %d dispatches, precision %.3f, recall %.3f%s%n",
                set.size(), precision, recall, misses);
        assertThat(set.size()).isGreaterThanOrEqualTo(30);
        assertThat(precision).as("precision" + misses).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(recall).as("recall" + misses).isGreaterThanOrEqualTo(THRESHOLD);
    }
}
