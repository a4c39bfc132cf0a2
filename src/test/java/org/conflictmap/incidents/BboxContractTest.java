package org.conflictmap.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.geo.Bbox;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A box finds exactly the incidents whose geometry meets it, whatever their size, on both stores: the embedded
 * store narrows by its own grid-cell key (db/migration/h2/V60), so geometries on the cells' edges, of every size
 * class and on the class boundaries, against boxes from a hundredth of a degree to twenty degrees, are checked
 * against JTS.
 */
class BboxContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    abstract static class Contract {
        static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

        @Autowired
        IncidentRepository repository;

        @Test
        void aBoxFindsEveryIncidentItMeetsAndNoOther() {
            Random random = new Random(60);
            Incident base = repository.byId("2026-02-26-torkham-shelling").orElseThrow();
            String prefix = "bbox-" + Long.toHexString(random.nextLong() & 0xffffffL) + "-";
            Map<String, Geometry> made = new TreeMap<>();
            // sizes around the embedded store's classes (0.05, 0.5, 5 degrees) and past them
            double[] sizes = {0, 0, 0, 0.01, 0.05, 0.0500001, 0.3, 0.5, 0.51, 2, 5, 5.2, 12};
            for (int k = 0; k < 90; k++) {
                double size = sizes[k % sizes.length];
                // corners on cell edges (multiples of 0.05) half of the time
                double x = random.nextBoolean() ? 62 + 0.05 * random.nextInt(300) : 62 + 14 * random.nextDouble();
                double y = random.nextBoolean() ? 26 + 0.05 * random.nextInt(260) : 26 + 12 * random.nextDouble();
                Geometry g = size == 0
                        ? GEOMETRIES.createPoint(new Coordinate(x, y))
                        : GEOMETRIES.toGeometry(new Envelope(x, x + size, y, y + size * (0.3 + random.nextDouble())));
                String id = prefix + k;
                repository.create(copy(base, id, g), "test");
                made.put(id, g);
            }
            List<String> misses = new ArrayList<>();
            double[] widths = {0.01, 0.04, 0.05, 0.09, 0.2, 0.7, 1.4, 3, 11, 20};
            for (int k = 0; k < 60; k++) {
                double w = widths[k % widths.length];
                double x = k % 3 == 0 ? 61 + 0.05 * random.nextInt(320) : 61 + 16 * random.nextDouble();
                double y = k % 3 == 0 ? 25 + 0.05 * random.nextInt(280) : 25 + 14 * random.nextDouble();
                Bbox box = new Bbox(x, y, x + w, y + w * 0.8);
                Geometry boxGeometry = GEOMETRIES.toGeometry(box.envelope());
                TreeSet<String> expected = new TreeSet<>();
                made.forEach((id, g) -> {
                    if (g.intersects(boxGeometry)) {
                        expected.add(id);
                    }
                });
                TreeSet<String> found = new TreeSet<>();
                for (Incident i : repository.find(new IncidentQuery(
                        box, null, null, null, null, null, null, null, null, IncidentQuery.MAX_LIMIT, 0))) {
                    if (i.id().startsWith(prefix)) {
                        found.add(i.id());
                    }
                }
                if (!found.equals(expected)) {
                    misses.add(box + ": expected " + expected + ", found " + found);
                }
            }
            assertThat(misses).isEmpty();
            for (String id : made.keySet()) {
                repository.delete(id, null, "test");
            }
        }

        static Incident copy(Incident base, String id, Geometry geometry) {
            return new Incident(
                    id,
                    base.title(),
                    base.summary(),
                    base.type(),
                    base.status(),
                    base.occurred(),
                    geometry.getDimension() == 0 ? "exact" : "province",
                    base.places(),
                    base.actors(),
                    base.operation(),
                    base.tags(),
                    base.claims(),
                    base.sources(),
                    geometry,
                    1,
                    base.created(),
                    base.updated());
        }
    }
}
