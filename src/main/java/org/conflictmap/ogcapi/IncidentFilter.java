package org.conflictmap.ogcapi;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.geo.Bbox;
import org.conflictmap.incidents.DateRange;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.incidents.Vocabulary;
import org.conflictmap.web.Params;
import org.geotools.api.filter.Filter;
import org.geotools.filter.text.cql2.CQLException;
import org.geotools.filter.text.ecql.ECQL;

/**
 * Which incidents a request selects: bbox, datetime, type, party, contested, q and a CQL2 text
 * {@code filter} (parsed with GeoTools ECQL, translated to parameterised SQL by {@link CqlSql}), all
 * run by the store. Used by the OGC items and by every export, so both select alike.
 */
public record IncidentFilter(IncidentQuery query) {
    public static final Set<String> PARAMS = Set.of("bbox", "datetime", "type", "party", "contested", "q", "filter",
            "filter-lang", "filter-crs");
    private static final org.geotools.api.filter.FilterFactory FILTERS = org.geotools.factory.CommonFactoryFinder.getFilterFactory();

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
        List<Bbox> boxes = Bboxes.parse(param.apply("bbox"));
        IncidentQuery q = new IncidentQuery(boxes == null || boxes.size() > 1 ? null : boxes.get(0),
                DateRange.parse(param.apply("datetime"), "datetime"), list("type", param.apply("type"), Vocabulary.TYPES),
                list("party", param.apply("party"), Vocabulary.PARTIES), Params.bool("contested", param.apply("contested")),
                Params.text("q", param.apply("q"), 200), null, null, null, IncidentQuery.MAX_LIMIT, 0);
        Filter cql = cql(Params.text("filter", param.apply("filter"), 4000));
        if (boxes != null && boxes.size() > 1) {
            // a bbox across the antimeridian: either half, as a CQL2 condition the store runs
            Filter halves = FILTERS.or(boxes.stream().map(b -> (Filter) FILTERS.bbox("geometry", b.minLon(), b.minLat(), b.maxLon(),
                    b.maxLat(), "EPSG:4326")).toList());
            cql = cql == null ? halves : FILTERS.and(halves, cql);
        }
        return new IncidentFilter(cql == null ? q : q.withWhere(CqlSql.translate(cql)));
    }

    /** Every selected incident, in time order; {@code offset}/{@code limit} page over the matches. */
    public void stream(IncidentRepository incidents, int offset, int limit, Consumer<Incident> each) {
        incidents.stream(query.withPage(limit, offset), each);
    }

    /** The stored GeoJSON Feature text of every selected incident, in time order, paged. */
    public void streamFeatures(IncidentRepository incidents, int offset, int limit, Consumer<byte[]> each) {
        incidents.streamFeatures(query.withPage(limit, offset), each);
    }

    private static Filter cql(String text) {
        if (text == null) {
            return null;
        }
        String ecql = text.replaceAll("(?i)\\b(TIMESTAMP|DATE)\\s*\\(\\s*'([^']*)'\\s*\\)", "$2")
                .replaceAll("(?i)\\bS_(INTERSECTS|WITHIN|CONTAINS|DISJOINT|EQUALS|TOUCHES|CROSSES|OVERLAPS)\\s*\\(", "$1(");
        if (depth(ecql) > MAX_DEPTH) {
            throw Params.invalid("filter", "nested more than " + MAX_DEPTH + " levels deep");
        }
        Filter f;
        try {
            f = ECQL.toFilter(quoteBareId(ecql));
        } catch (CQLException | RuntimeException | StackOverflowError e) {
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

    /**
     * How deep a filter may nest (parentheses and NOTs). The parser, the property visitor and the SQL
     * translation recurse once per level: issue 18 saw a filter nested 1,000 deep overflow the request
     * thread's stack (a 500 and 141 KB of trace in the log per request); no hand-written filter needs
     * more than a few levels.
     */
    static final int MAX_DEPTH = 32;

    /** The deepest nesting of parentheses (outside quotes) plus the NOTs of {@code cql}. */
    static int depth(String cql) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int k = 0; k < cql.length(); k++) {
            char c = cql.charAt(k);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth--;
            }
        }
        int nots = 0;
        Matcher m = NOT.matcher(cql);
        while (m.find()) {
            nots++;
        }
        return max + nots;
    }

    private static final Pattern NOT = Pattern.compile("(?i)\\bNOT\\b");

    /**
     * ECQL reserves {@code id} (for its own feature-id syntax) where CQL2 lets it name a property:
     * a bare {@code id} outside string literals becomes the quoted identifier {@code "id"}.
     */
    static String quoteBareId(String cql) {
        StringBuilder out = new StringBuilder(cql.length() + 8);
        char quote = 0;
        for (int k = 0; k < cql.length(); k++) {
            char c = cql.charAt(k);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if ((c == 'i' || c == 'I') && cql.regionMatches(true, k, "id", 0, 2)
                    && (k == 0 || !Character.isLetterOrDigit(cql.charAt(k - 1)) && cql.charAt(k - 1) != '_')
                    && (k + 2 == cql.length() || !Character.isLetterOrDigit(cql.charAt(k + 2)) && cql.charAt(k + 2) != '_')) {
                out.append("\"id\"");
                k++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
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
}
