package org.conflictmap.tiles;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A quad-tree tile matrix set's definition as OGC 17-083r4 (Two Dimensional Tile Matrix Set 2.0) encodes it in JSON,
 * with the members of the first encoding (17-083r2: {@code type}, {@code identifier}, {@code supportedCRS},
 * {@code boundingBox}; per matrix {@code identifier}, {@code topLeftCorner}) beside them: GDAL before 3.7 (Debian 12
 * has 3.6.2) reads only those and refused the 2.0 document alone ("Invalid tiling matrix set name"). A 2.0 client
 * ignores members it does not know.
 */
final class TileMatrixSetJson {
    private TileMatrixSetJson() {}

    /**
     * What differs between the sets: identity, axes, the whole extent (min x, min y, max x, max y, from whose top left
     * corner every matrix starts), the cell size of matrix 0 in CRS units, the metres of one CRS unit at the equator
     * (for the scale denominator, with the standardised 0.28 mm pixel), matrix 0's columns (one row), and how many matrices.
     */
    record Spec(
            String id,
            String title,
            String uri,
            String crs,
            String wellKnownScaleSet,
            String[] axes,
            double[] extent,
            double cellSize0,
            double unitMetres,
            int columns0,
            int levels) {}

    static ObjectNode document(ObjectMapper json, Spec s) {
        ObjectNode d = json.createObjectNode();
        d.put("id", s.id());
        d.put("title", s.title());
        d.put("uri", s.uri());
        d.put("crs", s.crs());
        d.putArray("orderedAxes").add(s.axes()[0]).add(s.axes()[1]);
        d.put("wellKnownScaleSet", s.wellKnownScaleSet());
        // 17-083r2's names of the same (GDAL < 3.7)
        d.put("type", "TileMatrixSetType");
        d.put("identifier", s.id());
        d.put("supportedCRS", s.crs());
        ObjectNode box = d.putObject("boundingBox");
        double[] e = s.extent();
        box.put("type", "BoundingBoxType").put("crs", s.crs());
        box.putArray("lowerCorner").add(e[0]).add(e[1]);
        box.putArray("upperCorner").add(e[2]).add(e[3]);
        ArrayNode matrices = d.putArray("tileMatrices");
        for (int z = 0; z < s.levels(); z++) {
            double cell = s.cellSize0() / (1L << z);
            ObjectNode m = matrices.addObject();
            m.put("id", Integer.toString(z));
            m.put("scaleDenominator", cell * s.unitMetres() / WebMercatorQuad.PIXEL_METRES);
            m.put("cellSize", cell);
            m.put("cornerOfOrigin", "topLeft");
            m.putArray("pointOfOrigin").add(e[0]).add(e[3]);
            m.put("tileWidth", 256);
            m.put("tileHeight", 256);
            m.put("matrixWidth", (long) s.columns0() << z);
            m.put("matrixHeight", 1L << z);
            m.put("identifier", Integer.toString(z));
            m.putArray("topLeftCorner").add(e[0]).add(e[3]);
        }
        return d;
    }
}
