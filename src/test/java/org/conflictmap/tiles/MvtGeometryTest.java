package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conflictmap.geo.Wkb;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The server's vector tile geometry: Nangarhar's outline (Natural Earth, as the gazetteer holds it) rounded to the
 * z3 tile's grid crosses itself; it must still reach a reader that drops invalid polygons, valid and wound as the
 * MVT specification says, at every zoom from 0 to 12.
 */
class MvtGeometryTest {

    static Geometry nangarhar() throws Exception {
        JsonNode all = new ObjectMapper()
                .readTree(Files.readString(Path.of("geodata/sources/admin1_afg_pak_ne10m_post2018.geojson")));
        for (JsonNode f : all.get("features")) {
            if (f.get("properties").get("name").asString().equals("Nangarhar")) {
                return new GeoJsonReader(Wkb.FACTORY).read(f.get("geometry").toString());
            }
        }
        throw new AssertionError("no Nangarhar in the provinces");
    }

    @Test
    void anAreaThatRoundingMakesCrossItselfReachesTheReaderValidAndWound() throws Exception {
        Geometry m = Mercator.project(nangarhar());
        Coordinate centre = m.getCentroid().getCoordinate();
        int invalidBefore = 0;
        for (int z = 0; z <= 12; z++) {
            double size = 2 * Mercator.HALF / (1 << z);
            int x = (int) Math.floor((centre.x + Mercator.HALF) / size);
            int y = (int) Math.floor((Mercator.HALF - centre.y) / size);
            Envelope tile = Mercator.tile(z, x, y);
            Geometry raw = io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter.createTileGeom(
                    m, tile, Wkb.FACTORY, MvtLayerParams.DEFAULT, null);
            if (raw != null && !raw.isValid()) {
                invalidBefore++;
            }
            List<Geometry> parts = MvtGeometry.parts(m, tile);
            assertThat(parts).as("z%d", z).isNotEmpty();
            List<Geometry> features = new ArrayList<>();
            for (Geometry p : parts) {
                assertThat(p.isValid()).as("z%d part valid", z).isTrue();
                assertThat(Orientation.isCCW(((Polygon) p).getExteriorRing().getCoordinateSequence()))
                        .as("z%d exterior ring positive in tile numbers", z)
                        .isTrue();
                p.setUserData(Map.of("id", "nangarhar"));
                features.add(p);
            }
            byte[] mvt = MvtEncoder.encode(
                    new JtsMvt(new JtsLayer("areas", features)),
                    MvtLayerParams.DEFAULT,
                    new UserDataKeyValueMapConverter());
            List<Geometry> read = new ArrayList<>(
                    MvtReader.loadMvt(new ByteArrayInputStream(mvt), Wkb.FACTORY, new TagKeyValueMapConverter())
                            .getLayers()
                            .iterator()
                            .next()
                            .getGeometries());
            assertThat(read).as("z%d: what a checking reader keeps", z).hasSameSizeAs(parts);
        }
        assertThat(invalidBefore)
                .as("tiles where rounding alone left the outline invalid (the case under test)")
                .isPositive();
    }

    /**
     * Every district (558, geoBoundaries) in every WorldCRS84Quad z6 tile it reaches: wherever the grid's rounding
     * leaves a part, the server writes a valid part (11 tiles' outlines crossed themselves, and JTS's reducer refused
     * one of them: before the fallback, that tile failed whole and GDAL read 492 districts).
     */
    @Test
    void everyDistrictInEveryTileItReachesIsWrittenValid() throws Exception {
        JsonNode all = new ObjectMapper().readTree(Files.readString(Path.of("geodata/sources/admin2_afg_pak.geojson")));
        int z = 6;
        double size = WorldCrs84Quad.tileDegrees(z);
        int districts = 0;
        int repaired = 0;
        for (JsonNode f : all.get("features")) {
            Geometry g = new GeoJsonReader(Wkb.FACTORY).read(f.get("geometry").toString());
            Envelope e = g.getEnvelopeInternal();
            boolean written = false;
            for (int col = (int) Math.floor((e.getMinX() + 180) / size);
                    col <= (int) Math.floor((e.getMaxX() + 180) / size);
                    col++) {
                for (int row = (int) Math.floor((90 - e.getMaxY()) / size);
                        row <= (int) Math.floor((90 - e.getMinY()) / size);
                        row++) {
                    Envelope tile = TileGrid.WORLD_CRS84_QUAD.tile(z, col, row);
                    Geometry rounded = io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter.createTileGeom(
                            g, tile, Wkb.FACTORY, MvtLayerParams.DEFAULT, null);
                    List<Geometry> parts = MvtGeometry.parts(g, tile);
                    if (rounded != null && !rounded.isEmpty()) {
                        assertThat(parts)
                                .as("%s in %d/%d", f.get("id"), col, row)
                                .isNotEmpty();
                        repaired += rounded.isValid() ? 0 : 1;
                    }
                    parts.forEach(p -> assertThat(p.isValid()).isTrue());
                    written |= !parts.isEmpty();
                }
            }
            districts += written ? 1 : 0;
        }
        assertThat(districts).isEqualTo(558);
        assertThat(repaired).as("tiles whose rounded outline crossed itself").isPositive();
    }
}
