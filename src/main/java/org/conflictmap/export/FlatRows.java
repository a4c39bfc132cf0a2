package org.conflictmap.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.conflictmap.incidents.AdminAreas;
import org.conflictmap.incidents.Claim;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentType;
import org.conflictmap.incidents.PlaceRef;
import org.conflictmap.incidents.Queryables;
import org.conflictmap.incidents.Source;
import org.locationtech.jts.io.WKTWriter;

/**
 * Incidents and their claims as flat rows, for the tabular formats. Incident columns are the OGC
 * {@link Queryables}; claims get their own table (one row per claim, keyed by incident id) so that
 * no claim is ever squeezed into one number.
 */
final class FlatRows {
    /** The claims table's columns. */
    static final List<String> CLAIM_COLUMNS = List.of(
            "incident_id",
            "claim_no",
            "claimant",
            "party",
            "side",
            "killed",
            "wounded",
            "captured",
            "posts_captured",
            "posts_destroyed",
            "aircraft_downed",
            "statement",
            "stated_at",
            "sources");
    /** ACLED's export columns this server can fill, first in the CSV so ACLED tooling finds them. */
    static final List<String> ACLED_COLUMNS = List.of(
            "event_id_cnty",
            "event_date",
            "time_precision",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "country",
            "admin1",
            "admin2",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "notes",
            "fatalities",
            "area_wkt");

    private FlatRows() {}

    static Object value(Queryables.Attribute a, Incident i) {
        Object v = a.value().apply(i);
        return v instanceof Instant t ? t.toString() : v;
    }

    static List<Object[]> claims(Incident i) {
        return claims(i.id(), i.claims(), i.sources());
    }

    static List<Object[]> claims(String id, List<Claim> claims, List<Source> sourceList) {
        List<Object[]> rows = new ArrayList<>();
        Map<String, Source> sources = sourceList.stream().collect(Collectors.toMap(Source::id, s -> s));
        int n = 1;
        for (Claim c : claims) {
            rows.add(new Object[] {
                id,
                n++,
                c.claimant(),
                c.party(),
                c.side(),
                c.killed(),
                c.wounded(),
                c.captured(),
                c.postsCaptured(),
                c.postsDestroyed(),
                c.aircraftDowned(),
                c.statement(),
                c.statedAt() == null ? null : c.statedAt().toString(),
                c.sources().stream()
                        .map(sources::get)
                        .map(s -> s.outlet()
                                + (s.wire() == null ? "" : " (" + s.wire() + ")")
                                + (s.published() == null ? "" : ", " + s.published()))
                        .collect(Collectors.joining("; "))
            });
        }
        return rows;
    }

    /**
     * The incident columns after ACLED's: every queryable, each once. The two a name shares with ACLED
     * ({@code time_precision}, {@code geo_precision}: ACLED's codes 1–3 there) follow under their own
     * names with this server's words ({@code day}, {@code province}, …), which the codes cannot hold.
     */
    static final List<String> QUERYABLE_COLUMNS = Queryables.ALL.stream()
            .map(a -> ACLED_COLUMNS.contains(a.name()) ? a.name() + "_name" : a.name())
            .toList();

    /**
     * The ACLED-compatible leading columns. {@code fatalities} is the most conservative claim: the
     * smallest killed figure any claim gives (empty when no claim gives one); every claim stays whole
     * in the {@code claims} column and the claims table. {@code area_wkt} carries the whole location of
     * an incident reported for an area or a line. {@code country}, {@code admin1} and {@code admin2} are
     * {@code admin}'s ({@link AdminAreas}); {@code geo_precision} is ACLED's code: 1 an exact point, 2 a point
     * near a town or within one district (with that district as {@code admin2}, which the ACLED import reads
     * back as the district), 3 a province or wider.
     */
    static Object[] acled(Incident i, AdminAreas.Admin admin) {
        var p = i.point();
        IncidentType type = IncidentType.of(i.type());
        return new Object[] {
            i.id(),
            i.occurred().start().toString().substring(0, 10),
            switch (i.occurred().precision()) {
                case "week" -> 2;
                case "month" -> 3;
                default -> 1;
            },
            type.acledEvent(),
            type.acledSubEvent(),
            i.actors().isEmpty() ? null : i.actors().get(0),
            i.actors().size() > 1 ? i.actors().get(1) : null,
            admin.country(),
            admin.admin1(),
            admin.admin2(),
            i.places().stream().map(PlaceRef::name).collect(Collectors.joining("; ")),
            round(p.getY()),
            round(p.getX()),
            switch (i.geoPrecision()) {
                case "exact" -> 1;
                case "near", "district" -> 2;
                default -> 3;
            },
            i.sources().stream().map(Source::outlet).distinct().collect(Collectors.joining("; ")),
            i.summary(),
            i.claims().stream()
                    .map(Claim::killed)
                    .filter(Objects::nonNull)
                    .min(Integer::compare)
                    .orElse(null),
            i.geometry().getDimension() == 0 ? null : new WKTWriter().write(i.geometry())
        };
    }

    /**
     * A CSV cell a spreadsheet shows as data, never runs as a formula (OWASP's "CSV injection"): a
     * text that starts with {@code = + - @}, a tab or a carriage return gets a leading {@code '}, which
     * Excel, LibreOffice and Google Sheets hide and read as "this is text". Numbers leave as numbers
     * (a negative longitude stays {@code -70.1}): they are Java numbers here, never text from a sender,
     * so no formula can hide in them; a text that merely looks like a number ({@code -5} as a title) is
     * escaped like any other.
     */
    static Object spreadsheetSafe(Object cell) {
        if (cell instanceof CharSequence text && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }

    /** {@code = + - @ TAB CR}: the characters a spreadsheet may take as the start of a formula. */
    static final String FORMULA_START = "=+-@\t\r";

    /** {@code row} with every cell {@link #spreadsheetSafe}. */
    static List<Object> spreadsheetSafe(List<Object> row) {
        List<Object> out = new ArrayList<>(row.size());
        row.forEach(c -> out.add(spreadsheetSafe(c)));
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 100000) / 100000.0;
    }
}
