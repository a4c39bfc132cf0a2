package org.conflictmap.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.conflictmap.geo.GeoJson;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An incident as GeoJSON: the public contract of docs/DATA-MODEL.md. Every other output (CSV,
 * Shapefile, GeoPackage, KML, tiles) derives its columns from {@link #properties(Incident)}.
 */
public final class IncidentFeatures {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IncidentFeatures() {}

    /** The Feature: id, the geometry at its precision, and {@link #properties(Incident)}. */
    public static ObjectNode feature(Incident i) {
        return GeoJson.feature(i.id(), i.geometry(), properties(i));
    }

    /** The GeoJSON properties of an incident, in the documented order. */
    public static ObjectNode properties(Incident i) {
        ObjectNode p = NODES.objectNode();
        p.put("id", i.id());
        p.put("title", i.title());
        p.put("summary", i.summary());
        p.put("type", i.type());
        p.put("status", i.status());
        ObjectNode occurred = p.putObject("occurred");
        occurred.put("start", i.occurred().start().toString());
        occurred.put("end", i.occurred().end().toString());
        occurred.put("precision", i.occurred().precision());
        p.put("geo_precision", i.geoPrecision());
        ArrayNode places = p.putArray("places");
        i.places().forEach(r -> places.addObject().put("id", r.id()).put("name", r.name()));
        strings(p.putArray("actors"), i.actors());
        p.put("operation", i.operation());
        strings(p.putArray("tags"), i.tags());
        p.set("claims", claims(i.claims()));
        p.set("sources", sources(i.sources()));
        p.set("claims_summary", claimsSummary(i));
        p.put("contested", i.contested());
        p.put("version", i.version());
        p.put("created", text(i.created()));
        p.put("updated", text(i.updated()));
        return p;
    }

    /**
     * The lean Feature the web map loads for every incident ({@code /api/incidents?view=map}): what it
     * needs to place, filter, colour and label a marker; the panel fetches the full Feature on click.
     * {@code shown} is the geometry as {@link #mapGeometry} draws it.
     */
    static ObjectNode mapFeature(
            String id,
            Geometry shown,
            String title,
            String type,
            String geoPrecision,
            String place,
            Instant start,
            Instant end,
            String timePrecision,
            boolean contested,
            Integer killedMin,
            Integer killedMax,
            List<String> parties) {
        ObjectNode p = NODES.objectNode();
        p.put("title", title);
        p.put("type", type);
        p.put("geo_precision", geoPrecision);
        p.put("place", place);
        p.putObject("occurred")
                .put("start", start.toString())
                .put("end", end.toString())
                .put("precision", timePrecision);
        p.put("contested", contested);
        p.put("killed_min", killedMin);
        p.put("killed_max", killedMax);
        strings(p.putArray("parties"), parties);
        return GeoJson.feature(id, shown, p);
    }

    /** An incident's geometry as the map draws it: areas simplified to about 1 km, finer than an area report's meaning. */
    static Geometry mapGeometry(Geometry g) {
        return g.getDimension() == 0 ? g : TopologyPreservingSimplifier.simplify(g, 0.01);
    }

    /** {@link #mapFeature} of a whole incident (the {@code asof} path, which reads the history). */
    static ObjectNode mapFeature(Incident i) {
        int[] killed = i.figures(Claim::killed);
        return mapFeature(
                i.id(),
                mapGeometry(i.geometry()),
                i.title(),
                i.type(),
                i.geoPrecision(),
                i.placeNames(),
                i.occurred().start(),
                i.occurred().end(),
                i.occurred().precision(),
                i.contested(),
                killed == null ? null : killed[0],
                killed == null ? null : killed[1],
                i.claims().stream().map(Claim::party).distinct().toList());
    }

    public static ArrayNode claims(List<Claim> claims) {
        ArrayNode a = NODES.arrayNode();
        for (Claim c : claims) {
            ObjectNode o = a.addObject();
            o.put("claimant", c.claimant());
            o.put("party", c.party());
            o.put("side", c.side());
            o.put("killed", c.killed());
            o.put("wounded", c.wounded());
            o.put("captured", c.captured());
            o.put("posts_captured", c.postsCaptured());
            o.put("posts_destroyed", c.postsDestroyed());
            o.put("aircraft_downed", c.aircraftDowned());
            o.put("statement", c.statement());
            o.put("stated_at", text(c.statedAt()));
            strings(o.putArray("sources"), c.sources());
        }
        return a;
    }

    static ArrayNode sources(List<Source> sources) {
        ArrayNode a = NODES.arrayNode();
        for (Source s : sources) {
            a.addObject()
                    .put("id", s.id())
                    .put("outlet", s.outlet())
                    .put("wire", s.wire())
                    .put("published", text(s.published()))
                    .put("url", s.url());
        }
        return a;
    }

    /** Per side: number of claims, the parties, and the killed/wounded range over their claims. */
    static ObjectNode claimsSummary(Incident i) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, Incident.SideSummary> e : i.claimsBySide().entrySet()) {
            Incident.SideSummary s = e.getValue();
            ObjectNode side = o.putObject(e.getKey());
            side.put("claims", s.claims());
            strings(side.putArray("parties"), s.parties());
            side.put("killed_min", s.killed() == null ? null : s.killed()[0]);
            side.put("killed_max", s.killed() == null ? null : s.killed()[1]);
            side.put("wounded_min", s.wounded() == null ? null : s.wounded()[0]);
            side.put("wounded_max", s.wounded() == null ? null : s.wounded()[1]);
        }
        return o;
    }

    static ArrayNode strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
        return a;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
