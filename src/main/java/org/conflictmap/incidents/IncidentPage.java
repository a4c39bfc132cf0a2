package org.conflictmap.incidents;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.geo.Wkb;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of {@code GET /api/incidents}, written to the client as the rows come from the store: the
 * FeatureCollection's head, each Feature, then {@code numberMatched}, {@code numberReturned}, the time
 * stamp and the links. Nothing holds the page: ten concurrent {@code limit=100000} over 30,000
 * incidents, each built as a tree of every Feature, ran the server out of memory (issue 18). The full
 * view sends the stored Feature texts as they are (as OGC items do); the map view builds one lean Feature
 * at a time; {@code asof} reads the page of the history's matches (counted as the others are).
 *
 * @param query  the filter and page
 * @param asof   the time to read the data set at, or null for now
 * @param lean   the map view ({@code view=map})
 * @param link   the href of the page starting at an offset (the request's own parameters, read before streaming)
 */
record IncidentPage(IncidentQuery query, Instant asof, boolean lean, IntFunction<String> link) {
    private static final byte[] HEAD =
            "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8);

    /** Writes the page; an I/O failure of the client comes out as itself. */
    void write(IncidentRepository incidents, ObjectMapper json, OutputStream out) throws IOException {
        BufferedOutputStream o = new BufferedOutputStream(out, 1 << 16);
        o.write(HEAD);
        long[] returned = {0};
        long matched;
        try {
            if (asof != null) {
                incidents.streamAsOf(
                        asof,
                        query,
                        i -> feature(
                                o,
                                returned,
                                json.writeValueAsBytes(
                                        lean ? IncidentFeatures.mapFeature(i) : IncidentFeatures.feature(i))));
            } else if (lean) {
                // the same area (a province, a border segment) is simplified once, not once per report on it
                Map<ByteBuffer, Geometry> shapes = new HashMap<>();
                incidents.streamColumns(
                        query,
                        IncidentsController.MAP_COLUMNS,
                        rs -> feature(
                                o,
                                returned,
                                json.writeValueAsBytes(IncidentFeatures.mapFeature(
                                        rs.getString(1),
                                        shown(shapes, rs.getBytes("wkb")),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(11),
                                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                                        rs.getObject(6, OffsetDateTime.class).toInstant(),
                                        rs.getString(12),
                                        rs.getBoolean(7),
                                        rs.getObject(8, Integer.class),
                                        rs.getObject(9, Integer.class),
                                        Arrays.stream(rs.getString(10).split("\\|"))
                                                .filter(x -> !x.isEmpty())
                                                .toList()))));
            } else {
                incidents.streamFeatures(query, f -> feature(o, returned, f));
            }
            boolean lastPage = returned[0] < query.limit() && (returned[0] > 0 || query.offset() == 0);
            matched = lastPage
                    ? query.offset() + returned[0]
                    : asof != null ? incidents.countAsOf(asof, query) : incidents.count(query);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        o.write(tail(json, matched, returned[0]));
        o.flush();
    }

    /** The map's geometry of these WKB bytes: a point as it is, an area simplified once per page. */
    private static Geometry shown(Map<ByteBuffer, Geometry> shapes, byte[] wkb) {
        ByteBuffer key = ByteBuffer.wrap(wkb);
        Geometry known = shapes.get(key);
        if (known != null) {
            return known;
        }
        Geometry g = Wkb.read(wkb);
        if (g.getDimension() == 0) {
            return g;
        }
        Geometry shown = IncidentFeatures.mapGeometry(g);
        shapes.put(key, shown);
        return shown;
    }

    private static void feature(OutputStream o, long[] returned, byte[] feature) {
        try {
            if (returned[0]++ > 0) {
                o.write(',');
            }
            o.write(feature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What follows the features: the counts, the time stamp, asof and the links, closing the collection. */
    private byte[] tail(ObjectMapper json, long matched, long returned) {
        ObjectNode fc = json.createObjectNode();
        fc.put("numberMatched", matched);
        fc.put("numberReturned", returned);
        fc.put("timeStamp", Instant.now().toString());
        if (asof != null) {
            fc.put("asof", asof.toString());
        }
        ArrayNode links = fc.putArray("links");
        links.addObject().put("rel", "self").put("type", GeoJson.MEDIA_TYPE).put("href", link.apply(query.offset()));
        if (query.offset() + returned < matched) {
            links.addObject()
                    .put("rel", "next")
                    .put("type", GeoJson.MEDIA_TYPE)
                    .put("href", link.apply(query.offset() + query.limit()));
        }
        if (query.offset() > 0) {
            links.addObject()
                    .put("rel", "prev")
                    .put("type", GeoJson.MEDIA_TYPE)
                    .put("href", link.apply(Math.max(0, query.offset() - query.limit())));
        }
        return ("]," + fc.toString().substring(1)).getBytes(StandardCharsets.UTF_8);
    }
}
