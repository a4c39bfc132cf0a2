package org.conflictmap.ogcapi;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.conflictmap.geo.Bbox;
import org.conflictmap.incidents.DateRange;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.incidents.Vocabulary;
import org.conflictmap.web.Params;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.filter.Filter;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.filter.text.cql2.CQLException;
import org.geotools.filter.text.ecql.ECQL;
import org.locationtech.jts.geom.Geometry;

/**
 * Which incidents a request selects: the SQL part (bbox, datetime, type, party, contested, q) goes to
 * the store; a CQL2 text {@code filter} is parsed with GeoTools ECQL and evaluated on each candidate
 * against the {@link Queryables}. Used by the OGC items and by every export, so both select alike.
 */
public record IncidentFilter(IncidentQuery query, Filter cql) {
    public static final Set<String> PARAMS = Set.of("bbox", "datetime", "type", "party", "contested", "q", "filter",
            "filter-lang", "filter-crs");
    static final SimpleFeatureType TYPE = featureType();

    public IncidentFilter {
        java.util.Objects.requireNonNull(query, "query");
    }

    /** Reads the selection parameters; anything malformed is a 400 naming the parameter. */
    public static IncidentFilter parse(java.util.function.Function<String, String> param) {
        String lang = param.apply("filter-lang");
        if (lang != null && !lang.isBlank() && !lang.equals("cql2-text") && !lang.equals("ecql")) {
            throw Params.invalid("filter-lang", "only cql2-text is supported");
        }
        String crs = param.apply("filter-crs");
        if (crs != null && !crs.isBlank() && !crs.equals("http://www.opengis.net/def/crs/OGC/1.3/CRS84")
                && !crs.equals("http://www.opengis.net/def/crs/EPSG/0/4326")) {
            throw Params.invalid("filter-crs", "filters are in CRS84 (longitude, latitude)");
        }
        IncidentQuery q = new IncidentQuery(Bbox.parse(param.apply("bbox"), "bbox"),
                DateRange.parse(param.apply("datetime"), "datetime"), list("type", param.apply("type"), Vocabulary.TYPES),
                list("party", param.apply("party"), Vocabulary.PARTIES), Params.bool("contested", param.apply("contested")),
                Params.text("q", param.apply("q"), 200), null, null, null, IncidentQuery.MAX_LIMIT, 0);
        return new IncidentFilter(q, cql(Params.text("filter", param.apply("filter"), 4000)));
    }

    /** Every selected incident, in time order; {@code offset}/{@code limit} page over the matches. */
    public long stream(IncidentRepository incidents, int offset, int limit, Consumer<Incident> each) {
        if (cql == null) {
            incidents.stream(query.withPage(limit, offset), each);
            return -1;
        }
        long[] matched = {0};
        Predicate<Incident> test = this::matches;
        incidents.stream(query, i -> {
            if (test.test(i)) {
                if (matched[0] >= offset && matched[0] < (long) offset + limit) {
                    each.accept(i);
                }
                matched[0]++;
            }
        });
        return matched[0];
    }

    boolean matches(Incident i) {
        return cql == null || cql.evaluate(feature(i));
    }

    static SimpleFeature feature(Incident i) {
        SimpleFeatureBuilder b = new SimpleFeatureBuilder(TYPE);
        for (Queryables.Attribute a : Queryables.ALL) {
            Object v = a.value().apply(i);
            b.set(a.name(), v instanceof java.time.Instant t ? Date.from(t) : v);
        }
        b.set("geometry", i.geometry());
        return b.buildFeature(i.id());
    }

    private static Filter cql(String text) {
        if (text == null) {
            return null;
        }
        String ecql = text.replaceAll("(?i)\\b(TIMESTAMP|DATE)\\s*\\(\\s*'([^']*)'\\s*\\)", "$2")
                .replaceAll("(?i)\\bS_(INTERSECTS|WITHIN|CONTAINS|DISJOINT|EQUALS|TOUCHES|CROSSES|OVERLAPS)\\s*\\(", "$1(");
        Filter f;
        try {
            f = ECQL.toFilter(ecql);
        } catch (CQLException | RuntimeException e) {
            String why = e instanceof CQLException c && c.getMessage() != null ? c.getMessage().lines().findFirst().orElse("") : "";
            throw Params.invalid("filter", "not a CQL2 text expression this server understands"
                    + (why.isBlank() ? "" : ": " + (why.length() > 160 ? why.substring(0, 160) + "…" : why)));
        }
        for (String name : propertyNames(f)) {
            if (!Queryables.BY_NAME.containsKey(name) && !name.equals("geometry")) {
                throw Params.invalid("filter", "'" + name + "' is not a queryable; see /ogc/collections/incidents/queryables");
            }
        }
        return f;
    }

    private static Set<String> propertyNames(Filter f) {
        Set<String> names = new java.util.TreeSet<>();
        f.accept(new org.geotools.filter.visitor.DefaultFilterVisitor() {
            @Override
            public Object visit(org.geotools.api.filter.expression.PropertyName expression, Object data) {
                names.add(expression.getPropertyName());
                return data;
            }
        }, null);
        return names;
    }

    private static Set<String> list(String name, String value, List<String> vocabulary) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String v : value.split(",")) {
            out.add(Params.oneOf(name, v.strip().toLowerCase(Locale.ROOT), Set.copyOf(vocabulary)));
        }
        return out;
    }

    private static SimpleFeatureType featureType() {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName("incidents");
        for (Queryables.Attribute a : Queryables.ALL) {
            b.add(a.name(), a.type() == java.time.Instant.class ? Date.class : a.type());
        }
        b.add("geometry", Geometry.class);
        b.setDefaultGeometry("geometry");
        return b.buildFeatureType();
    }
}
