package org.conflictmap.ogcapi;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.conflictmap.geo.Bbox;
import org.conflictmap.incidents.Cql2;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentParams;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.layers.Source;
import org.conflictmap.web.Params;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Which incidents a request selects: bbox, datetime, type, party, contested, q and a CQL2
 * {@code filter} (text or, with {@code filter-lang=cql2-json}, JSON: read by {@link Cql2Text} or
 * {@link Cql2Json}: a {@link Cql2} tree held in the {@link IncidentQuery}, which the store's filter compiler writes as SQL), all run by the store. Used by the OGC items and by every export, so both select alike.
 */
public record IncidentFilter(IncidentQuery query) {
    public static final Set<String> PARAMS =
            Set.of("bbox", "datetime", "type", "party", "contested", "q", "filter", "filter-lang", "filter-crs");
    /** The filter languages: CQL2 text (the default) and CQL2 JSON. */
    public static final Set<String> LANGUAGES = Set.of("cql2-text", "cql2-json");

    private static final String LAT_LON = "http://www.opengis.net/def/crs/EPSG/0/4326";
    /** The CRS a filter's geometries may be in: CRS84, or EPSG:4326 with its latitude-first axis order. */
    static final Set<String> FILTER_CRS = Set.of(Crs.CRS84, LAT_LON);

    /** The longest filter read, in characters (a GET's URL or a search body). */
    static final int MAX_FILTER_CHARS = 20_000;

    public IncidentFilter {
        Objects.requireNonNull(query, "query");
    }

    /** Reads the selection parameters; anything malformed is a 400 naming the parameter. */
    public static IncidentFilter parse(Function<String, String> param) {
        Cql2 cql = filter(param);
        List<Bbox> boxes = Bboxes.parse(param.apply("bbox"));
        IncidentQuery q = IncidentParams.query(
                param,
                boxes == null || boxes.size() > 1 ? null : boxes.get(0),
                null,
                null,
                null,
                IncidentQuery.MAX_LIMIT,
                0);
        if (boxes != null && boxes.size() > 1) {
            // a bbox across the antimeridian: either half, as a CQL2 condition the store runs
            Cql2 halves = new Cql2.Or(boxes.stream()
                    .map(b -> (Cql2) new Cql2.Predicate(
                            "s_intersects",
                            new Cql2.Property("geometry"),
                            Cql2Text.boxGeometry(b.minLon(), b.minLat(), b.maxLon(), b.maxLat())))
                    .toList());
            cql = cql == null ? halves : new Cql2.And(List.of(halves, cql));
        }
        return new IncidentFilter(cql == null ? q : q.withFilter(cql));
    }

    /**
     * The CQL2 {@code filter} in its {@code filter-lang} (cql2-text unless cql2-json), its geometries in longitude,
     * latitude order whatever its {@code filter-crs}; null without one. Read alike for every collection that takes a
     * filter (the incidents' and a table's items); anything malformed is a 400 naming the parameter.
     */
    static Cql2 filter(Function<String, String> param) {
        String lang = Params.oneOf("filter-lang", param.apply("filter-lang"), LANGUAGES);
        String crs = Params.oneOf("filter-crs", param.apply("filter-crs"), FILTER_CRS);
        Cql2 cql = cql(Params.text("filter", param.apply("filter"), MAX_FILTER_CHARS), lang);
        if (cql != null && LAT_LON.equals(crs)) {
            Cql2.geometries(cql, IncidentFilter::swapAxes);
        }
        return cql;
    }

    /** The same selection over incidents of these statuses (published only unless an editor asks). */
    public IncidentFilter withStatuses(Collection<String> statuses) {
        return new IncidentFilter(query.withStatuses(Set.copyOf(statuses)));
    }

    /** Incident {@code id} alone (when published), for {@link #within} to test whether a collection holds it. */
    static IncidentFilter byId(String id) {
        return new IncidentFilter(
                IncidentQuery.all().withFilter(new Cql2.Comparison("=", new Cql2.Property("id"), new Cql2.Text(id))));
    }

    /** This selection within a collection's own rows: its source's condition added to the store's query. */
    public IncidentFilter within(Source.Incidents source) {
        return new IncidentFilter(query.and(source.where()));
    }

    /** Every selected incident, in time order; {@code offset}/{@code limit} page over the matches. */
    public void stream(IncidentRepository incidents, int offset, int limit, Consumer<Incident> each) {
        incidents.stream(query.withPage(limit, offset), each);
    }

    /** The stored GeoJSON Feature text of every selected incident, in time order, paged. */
    public void streamFeatures(IncidentRepository incidents, int offset, int limit, Consumer<byte[]> each) {
        incidents.streamFeatures(query.withPage(limit, offset), each);
    }

    /** A latitude, longitude geometry (EPSG:4326's order) turned into longitude, latitude, in place. */
    private static void swapAxes(Geometry g) {
        g.apply((CoordinateFilter) c -> {
            double x = c.x;
            c.x = c.y;
            c.y = x;
        });
        g.geometryChanged();
    }

    /** The filter in its language: cql2-text unless {@code filter-lang} says cql2-json. */
    private static Cql2 cql(String text, String lang) {
        if (text == null) {
            return null;
        }
        return lang != null && lang.equals("cql2-json") ? Cql2Json.parse(text) : Cql2Text.parse(text);
    }

    /**
     * How deep a filter may nest (parentheses, NOTs, function arguments, JSON objects). The parser
     * and the SQL translation recurse once per level: issue 18 saw a filter nested 1,000 deep
     * overflow the request thread's stack (a 500 and 141 KB of trace in the log per request); no
     * hand-written filter needs more than a few levels.
     */
    static final int MAX_DEPTH = 32;
}
