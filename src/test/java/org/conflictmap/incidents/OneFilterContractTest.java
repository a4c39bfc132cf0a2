package org.conflictmap.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23's "one filter, a request parsed once": the filter parameters are read one way ({@link IncidentParams})
 * wherever they are taken. Before, {@code /api/incidents} lower-cased a {@code type} and OGC's items did not; now
 * the same parameters, in any case, select the same incidents from {@code /api/incidents}, the OGC items and the
 * GeoJSON download, on both stores.
 */
class OneFilterContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    abstract static class Contract {
        /** The bundled data set's span: rows that other tests write are dated 2031. */
        static final String BUNDLED = "datetime=2025-01-01/2026-12-31";

        @LocalServerPort
        int port;

        @Test
        void theSameFilterParametersSelectTheSameIncidentsEverywhereInAnyCase() {
            Set<String> lower = ids("/api/incidents?limit=1000&" + BUNDLED + "&type=air_strike,shelling");
            assertThat(lower).as("the bundled air strikes and shelling").hasSizeGreaterThanOrEqualTo(2);
            for (String query : Set.of("type=AIR_STRIKE,Shelling", "type=air_strike,%20SHELLING")) {
                String q = BUNDLED + "&" + query;
                assertThat(ids("/api/incidents?limit=1000&" + q))
                        .as("/api/incidents?" + q)
                        .isEqualTo(lower);
                assertThat(ids("/ogc/collections/incidents/items?limit=1000&" + q))
                        .as("OGC items ?" + q)
                        .isEqualTo(lower);
                assertThat(ids("/api/export/incidents.geojson?" + q))
                        .as("the GeoJSON download ?" + q)
                        .isEqualTo(lower);
            }
            Set<String> all = ids("/api/incidents?limit=1000&" + BUNDLED);
            assertThat(all).as("the filter narrows").hasSizeGreaterThan(lower.size());
            for (String path : Set.of(
                    "/api/incidents?type=Air_Strike,bogus",
                    "/ogc/collections/incidents/items?type=Air_Strike,bogus",
                    "/api/export/incidents.geojson?type=Air_Strike,bogus")) {
                Http.Response r = new Http(port).get(path);
                assertThat(r.status()).as(path).isEqualTo(400);
                assertThat(r.body()).as(path).contains("type");
            }
        }

        private Set<String> ids(String path) {
            Http.Response r = new Http(port).get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            Set<String> ids = new TreeSet<>();
            for (JsonNode f : r.json().get("features")) {
                JsonNode id = f.has("id") ? f.get("id") : f.get("properties").get("id");
                ids.add(id.asString());
            }
            return ids;
        }
    }
}
