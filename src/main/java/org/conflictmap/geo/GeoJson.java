package org.conflictmap.geo;

import org.conflictmap.errors.Invalid;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7946 geometry in and out. Reading uses JTS's GeoJSON reader and then checks what the RFC and
 * the server require (lon/lat ranges, valid polygons); writing emits lon/lat with counter-clockwise
 * exterior rings and no {@code crs} member.
 */
public final class GeoJson {
    public static final String MEDIA_TYPE = "application/geo+json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJson() {}

    // ------------------------------------------------------------------ writing

    public static ObjectNode geometry(Geometry g) {
        ObjectNode node = NODES.objectNode();
        if (g instanceof GeometryCollection gc
                && !(g instanceof MultiPoint)
                && !(g instanceof MultiLineString)
                && !(g instanceof MultiPolygon)) {
            node.put("type", "GeometryCollection");
            ArrayNode members = node.putArray("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                members.add(geometry(gc.getGeometryN(i)));
            }
            return node;
        }
        node.put("type", g.getGeometryType());
        node.set("coordinates", coordinates(g));
        return node;
    }

    private static ArrayNode coordinates(Geometry g) {
        if (g instanceof Point p) {
            return position(p.getCoordinate());
        }
        if (g instanceof LineString l) {
            return positions(l.getCoordinates());
        }
        if (g instanceof Polygon p) {
            ArrayNode rings = NODES.arrayNode();
            rings.add(ring(p.getExteriorRing(), true));
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                rings.add(ring(p.getInteriorRingN(i), false));
            }
            return rings;
        }
        ArrayNode parts = NODES.arrayNode();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            parts.add(coordinates(g.getGeometryN(i)));
        }
        return parts;
    }

    private static ArrayNode ring(LinearRing ring, boolean exterior) {
        Coordinate[] c = ring.getCoordinates();
        if (Orientation.isCCW(c) != exterior) {
            c = ring.reverse().getCoordinates();
        }
        return positions(c);
    }

    private static ArrayNode positions(Coordinate[] cs) {
        ArrayNode a = NODES.arrayNode(cs.length);
        for (Coordinate c : cs) {
            a.add(position(c));
        }
        return a;
    }

    private static ArrayNode position(Coordinate c) {
        ArrayNode a = NODES.arrayNode(2);
        a.add(c.x);
        a.add(c.y);
        return a;
    }

    /** A Feature with the given id, geometry (may be null) and properties. */
    public static ObjectNode feature(String id, Geometry g, ObjectNode properties) {
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        if (id != null) {
            f.put("id", id);
        }
        f.set("geometry", g == null ? NODES.nullNode() : geometry(g));
        f.set("properties", properties == null ? NODES.objectNode() : properties);
        return f;
    }

    /** An empty FeatureCollection whose {@code features} array the caller fills. */
    public static ObjectNode featureCollection() {
        ObjectNode fc = NODES.objectNode();
        fc.put("type", "FeatureCollection");
        fc.putArray("features");
        return fc;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a GeoJSON geometry object and checks it: a known type, positions in lon/lat range,
     * closed rings, and (for areas) topological validity. Any fault is a 400 naming {@code field}.
     */
    public static Geometry parseGeometry(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw invalid(field, "expected a GeoJSON geometry object");
        }
        String badPosition = badPosition(node);
        if (badPosition != null) {
            throw invalid(field, badPosition);
        }
        Geometry g;
        try {
            g = new GeoJsonReader(Wkb.FACTORY).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw invalid(field, "not a valid GeoJSON geometry");
        }
        if (g == null || g.isEmpty()) {
            throw invalid(field, "the geometry is empty");
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw invalid(
                        field, "position [" + c.x + ", " + c.y + "] is outside longitude -180..180 / latitude -90..90");
            }
        }
        IsValidOp op = new IsValidOp(g);
        if (!op.isValid()) {
            TopologyValidationError err = op.getValidationError();
            throw invalid(
                    field,
                    "invalid geometry: " + err.getMessage().toLowerCase() + " near [" + err.getCoordinate().x + ", "
                            + err.getCoordinate().y + "]");
        }
        g.setSRID(4326);
        return g;
    }

    /**
     * The first position that is not 2 or 3 numbers (RFC 7946 §3.1.1), or null. JTS's reader takes
     * {@code [70]} as longitude 70, latitude 0 and drops a fourth number: a wrong place, stored silently.
     */
    private static String badPosition(JsonNode geometry) {
        if (geometry.path("geometries").isArray()) {
            for (JsonNode member : geometry.get("geometries")) {
                String bad = member.isObject() ? badPosition(member) : null;
                if (bad != null) {
                    return bad;
                }
            }
            return null;
        }
        return badPositions(geometry.get("coordinates"));
    }

    private static String badPositions(JsonNode a) {
        if (a == null || !a.isArray() || a.isEmpty()) {
            return null; // the reader refuses these itself
        }
        if (!a.get(0).isArray()) {
            for (JsonNode n : a) {
                if (!n.isNumber()) {
                    return "a position holds something other than numbers: " + clip(a.toString());
                }
            }
            return a.size() == 2 || a.size() == 3
                    ? null
                    : "a position needs longitude and latitude (and at most an elevation): " + clip(a.toString());
        }
        for (JsonNode n : a) {
            String bad = badPositions(n);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Reads a geometry known to be good (the project's own files); faults are bugs, not 400s. */
    public static Geometry readTrusted(JsonNode node) {
        try {
            Geometry g = new GeoJsonReader(Wkb.FACTORY).read(node.toString());
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("bad geometry in the project's own data", e);
        }
    }

    private static Invalid invalid(String field, String why) {
        return new Invalid(field, why);
    }
}
