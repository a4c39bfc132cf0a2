package org.conflictmap.incidents;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.conflictmap.errors.Invalid;
import org.conflictmap.errors.Malformed;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.geo.Wkb;
import org.conflictmap.web.Texts;
import org.conflictmap.web.Times;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports ACLED-style CSV (ACLED's export columns; extra columns are ignored). Each row becomes one
 * published incident with one claim: ACLED's fatality count, attributed to ACLED and the row's
 * source — it is a coder's estimate, not a government figure. Rows are checked one by one; a bad
 * row is reported with its line number and skipped, or, with {@code atomic}, the whole import
 * changes nothing. Rows are written in batches (100k rows never sit in one statement or in memory),
 * but all batches commit together at the end: a file that breaks half way (a cut upload, a quote
 * never closed, a store that fails) changes nothing, and the editor can fix it and send it again,
 * rather than find out which 2,000 of its rows went in.
 */
@Component
public class AcledImport {
    static final Set<String> REQUIRED = Set.of("event_id_cnty", "event_date", "event_type", "latitude", "longitude");
    static final Map<String, String> SUB_EVENT_TYPES = Map.of(
            "air/drone strike", "air_strike",
            "shelling/artillery/missile attack", "shelling",
            "remote explosive/landmine/ied", "remote_explosive",
            "suicide bomb", "suicide_bomb",
            "armed clash", "armed_clash",
            "grenade", "remote_explosive");
    static final DateTimeFormatter ACLED_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    static final int MAX_ERRORS = 1000;
    static final String EDITOR_PREFIX = "import:";

    private final IncidentRepository incidents;
    private final TransactionTemplate tx;
    private final IncidentsProperties properties;
    private final Map<String, Place> provinces = new HashMap<>();
    /** Districts by country and folded name (any of their names and aliases); a name may repeat across provinces. */
    private final Map<String, List<Place>> districts = new HashMap<>();

    AcledImport(
            IncidentRepository incidents, TransactionTemplate tx, IncidentsProperties properties, Gazetteer gazetteer) {
        this.incidents = incidents;
        this.tx = tx;
        this.properties = properties;
        for (Place p : gazetteer.all()) {
            if (p.kind().equals("province")) {
                for (String name : p.allNames()) {
                    provinces.putIfAbsent(p.country() + "|" + Names.fold(name), p);
                }
            }
            if (p.kind().equals("district")) {
                for (String name : p.allNames()) {
                    List<Place> same =
                            districts.computeIfAbsent(p.country() + "|" + Names.fold(name), k -> new ArrayList<>());
                    if (!same.contains(p)) {
                        same.add(p);
                    }
                }
            }
        }
    }

    /** One refused row: its line in the file, the column, and why. */
    public record RowError(long line, String field, String message) {}

    /**
     * What an import did. {@code created + updated} rows were written; {@code unchanged} rows of this server's own
     * CSV would have changed nothing of their incident and were left alone; {@code rejected} were not written.
     * {@code unknownAdmin2} rows read named an {@code admin2} that is no district of the gazetteer in the row's
     * province (or country): they were imported as if they had no {@code admin2}.
     */
    public record Report(
            long rows,
            long created,
            long updated,
            long unchanged,
            long rejected,
            long unknownAdmin2,
            boolean atomic,
            List<RowError> errors) {
        public Report {
            errors = List.copyOf(errors);
        }

        public long imported() {
            return created + updated;
        }
    }

    /** After a bulk import this large, the planner's statistics are refreshed (they said 111 rows after 100,000). */
    static final long ANALYZE_AFTER = 5_000;

    /**
     * Reads the CSV and writes its rows in one transaction. A file that cannot be read as ACLED CSV (no
     * header, missing columns, broken anywhere) is a 400 and changes nothing; so is any bad row when
     * {@code atomic}.
     */
    public Report run(Reader csv, boolean atomic, String editor) {
        return run(csv, atomic, editor, rows -> {});
    }

    /** As {@link #run(Reader, boolean, String)}, telling {@code progress} the rows read after each batch. */
    public Report run(Reader csv, boolean atomic, String editor, LongConsumer progress) {
        List<Incident> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        long[] counts = new long[6]; // created, updated, rows, rejected, unchanged, unknown admin2
        Map<String, Long> seen = new HashMap<>();
        String who = EDITOR_PREFIX + editor;
        Runnable flush = () -> {
            if (!rows.isEmpty()) {
                List<Incident> batch = List.copyOf(rows);
                rows.clear();
                int created = incidents.upsertInTransaction(batch, who);
                counts[0] += created;
                counts[1] += batch.size() - created;
                progress.accept(counts[2]);
            }
        };
        Runnable all = () -> {
            try (CSVParser parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get()
                    .parse(csv)) {
                List<String> header = parser.getHeaderNames().stream()
                        .map(h -> h.strip().toLowerCase(Locale.ROOT))
                        .toList();
                List<String> missing = REQUIRED.stream()
                        .filter(c -> !header.contains(c))
                        .sorted()
                        .toList();
                if (!missing.isEmpty()) {
                    throw new Invalid(
                            "the CSV lacks the ACLED columns " + missing,
                            missing.stream()
                                    .map(c -> new Invalid.Reason(c, "missing column"))
                                    .toList());
                }
                Map<String, String> columns = new LinkedHashMap<>();
                parser.getHeaderNames().forEach(h -> columns.put(h.strip().toLowerCase(Locale.ROOT), h));
                for (CSVRecord r : parser) {
                    counts[2]++;
                    long line = r.getRecordNumber() + 1;
                    try {
                        Row read = row(r, columns);
                        Incident i = read.incident();
                        Long first = seen.putIfAbsent(i.id(), line);
                        if (first != null) {
                            throw new RowProblem("event_id_cnty", "repeats the event of line " + first);
                        }
                        if (read.unknownAdmin2()) {
                            counts[5]++;
                        }
                        if (read.unchanged()) {
                            counts[4]++; // re-imported as exported: no new version, history row or change event
                            continue;
                        }
                        rows.add(i);
                    } catch (RowProblem e) {
                        if (errors.size() < MAX_ERRORS) {
                            errors.add(new RowError(line, e.field, e.getMessage()));
                        }
                        counts[3]++;
                        continue;
                    }
                    if (rows.size() >= properties.importBatchSize()) {
                        flush.run();
                    }
                }
                flush.run();
            } catch (IOException | UncheckedIOException e) {
                // commons-csv wraps its CSVException; say what it says (it names the line), never its class name
                Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
                throw new Malformed("the CSV could not be read after " + counts[2] + " rows; nothing was imported: "
                        + clip(String.valueOf(cause.getMessage()), 160));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new Malformed("the CSV is malformed after " + counts[2] + " rows; nothing was imported: "
                        + clip(String.valueOf(e.getMessage()), 160));
            }
            if (atomic && counts[3] > 0) {
                throw new AtomicFailure(errors);
            }
            if (counts[0] + counts[1] > 0) {
                incidents.bumpVersion(); // once, at the end: upsertInTransaction leaves it to the transaction's owner
            }
        };
        try {
            tx.executeWithoutResult(s -> all.run());
        } catch (AtomicFailure f) {
            throw new Invalid(
                    f.errors.size() + " row(s) are invalid; --atomic: nothing was imported",
                    f.errors.stream()
                            .limit(100)
                            .map(e -> new Invalid.Reason("line " + e.line() + " " + e.field(), e.message()))
                            .toList());
        }
        if (counts[0] + counts[1] >= ANALYZE_AFTER) {
            incidents.analyze();
        }
        return new Report(counts[2], counts[0], counts[1], counts[4], counts[3], counts[5], atomic, errors);
    }

    /**
     * Whether a row of this server's own CSV, read into {@code row}, changes nothing of the {@code stored} incident:
     * the columns a round trip takes (summary, type, time, place and its precision) are as stored. Re-importing an
     * export whole wrote a new version of every incident (a history row, a webhook and live-map event each, and
     * every editor's open review stale) to change nothing.
     */
    static boolean sameContent(Incident row, Incident stored) {
        return Objects.equals(row.summary(), stored.summary())
                && row.type().equals(stored.type())
                && row.occurred().equals(stored.occurred())
                && row.geoPrecision().equals(stored.geoPrecision())
                && row.geometry().equalsExact(stored.geometry());
    }

    /**
     * A row read: the incident to write, or {@code unchanged}: the stored incident, which the row would not change;
     * {@code unknownAdmin2}: the row's {@code admin2} names no district of its province.
     */
    private record Row(Incident incident, boolean unchanged, boolean unknownAdmin2) {
        Row(Incident incident, boolean unchanged) {
            this(incident, unchanged, false);
        }
    }

    private Row row(CSVRecord r, Map<String, String> columns) {
        String eventId = get(r, columns, "event_id_cnty");
        if (eventId == null) {
            throw new RowProblem("event_id_cnty", "empty");
        }
        // this server's own CSV export names its incidents by id: such a row updates the incident (issue 24)
        Incident existing =
                eventId.matches(Incident.ID_PATTERN) ? incidents.byId(eventId).orElse(null) : null;
        String slug = Names.slug(eventId);
        String id = existing != null ? existing.id() : "acled-" + slug;
        if (existing == null && (slug.isEmpty() || !id.matches(Incident.ID_PATTERN))) {
            throw new RowProblem("event_id_cnty", "cannot make an incident id of '" + clip(eventId) + "'");
        }
        LocalDate date = date(get(r, columns, "event_date"));
        String timePrecision = switch (String.valueOf(get(r, columns, "time_precision"))) {
            case "2" -> "week";
            case "3" -> "month";
            default -> "day";
        };
        String ownTime = get(r, columns, "time_precision_name");
        if (existing != null && ownTime != null && Vocabulary.TIME_PRECISIONS.contains(ownTime)) {
            timePrecision = ownTime;
        }
        LocalDate first = switch (timePrecision) {
            case "week" -> date.minusDays(3);
            case "month" -> date.withDayOfMonth(1);
            default -> date;
        };
        LocalDate last = switch (timePrecision) {
            case "week" -> date.plusDays(3);
            case "month" -> date.withDayOfMonth(date.lengthOfMonth());
            default -> date;
        };
        TimeInterval occurred = new TimeInterval(
                first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1),
                timePrecision);
        double lat = number(get(r, columns, "latitude"), "latitude", -90, 90);
        double lon = number(get(r, columns, "longitude"), "longitude", -180, 180);
        String geoPrecision = switch (String.valueOf(get(r, columns, "geo_precision"))) {
            case "2" -> "near";
            case "3" -> "province";
            default -> "exact";
        };
        String ownGeo = get(r, columns, "geo_precision_name");
        if (existing != null && ownGeo != null && Vocabulary.GEO_PRECISIONS.contains(ownGeo)) {
            geoPrecision = ownGeo;
        }
        String eventType = get(r, columns, "event_type");
        String subType = get(r, columns, "sub_event_type");
        String type = subType == null ? null : SUB_EVENT_TYPES.get(subType.toLowerCase(Locale.ROOT));
        if (type == null) {
            type = eventType != null && eventType.equalsIgnoreCase("Battles") ? "armed_clash" : "other";
        }
        List<PlaceRef> places = new ArrayList<>();
        Geometry geometry = Wkb.FACTORY.createPoint(new Coordinate(lon, lat));
        String country = country(get(r, columns, "country"), get(r, columns, "iso"));
        Place province = province(country, get(r, columns, "admin1"));
        if (province != null) {
            places.add(new PlaceRef(province.id(), province.name()));
            if (geoPrecision.equals("province")) {
                geometry = province.geometry();
            }
        }
        String admin2 = get(r, columns, "admin2");
        Place district = admin2 == null ? null : district(country, province, admin2);
        if (district != null && geoPrecision.equals("near") && !"near".equals(ownGeo)) {
            // ACLED's 2: "a small part of a region" or "near a town", coded to a nearby point; its admin2 is the
            // district that point lies in, so the district is where the event is known to be (see INCIDENTS.md).
            // 1 (the named town's point) stays a point; 3 (a larger region) stays the province: its admin2 is
            // only the district of the provincial capital ACLED put the point on. This server's own CSV writes a point
            // near a town as 2 with the point's district too, and says so in geo_precision_name: that one stays a
            // point.
            places.add(new PlaceRef(district.id(), district.name()));
            geoPrecision = "district";
            geometry = district.geometry();
        }
        boolean unknownAdmin2 = admin2 != null && district == null;
        String area = get(r, columns, "area_wkt");
        if (existing != null && area != null) {
            try {
                geometry = new WKTReader(Wkb.FACTORY).read(area);
            } catch (ParseException e) {
                throw new RowProblem("area_wkt", "not WKT: " + clip(area));
            }
        }
        geometry.setSRID(4326);
        String location = get(r, columns, "location");
        String title = clip((subType != null ? subType : eventType) + (location != null ? " in " + location : ""), 300);
        String outlet = get(r, columns, "source");
        List<Source> sources =
                List.of(new Source("S1", outlet == null ? "ACLED" : clip(outlet, 200), null, null, null));
        Integer fatalities = get(r, columns, "fatalities") == null
                ? null
                : wholeNumber(get(r, columns, "fatalities"), "fatalities", 1_000_000);
        List<Claim> claims = List.of(new Claim(
                "ACLED" + (outlet == null ? "" : " (coded from " + clip(outlet, 200) + ")"),
                "independent",
                "unspecified",
                fatalities,
                null,
                null,
                null,
                null,
                null,
                "ACLED's fatality estimate for the event",
                null,
                List.of("S1")));
        List<String> actors = new ArrayList<>();
        for (String a : List.of("actor1", "actor2")) {
            String v = get(r, columns, a);
            if (v != null) {
                actors.add(clip(v, 200));
            }
        }
        String notes = get(r, columns, "notes");
        if (existing != null) {
            // the CSV flattens claims, sources and places: a round trip keeps the stored ones whole, and
            // the stored time and point where the row's day and (5-decimal) coordinates still match them
            if (existing.occurred().precision().equals(timePrecision)
                    && existing.occurred()
                            .start()
                            .atZone(ZoneOffset.UTC)
                            .toLocalDate()
                            .equals(date)) {
                occurred = existing.occurred();
            }
            if (area == null
                    && Math.abs(existing.point().getY() - lat) < 1e-5
                    && Math.abs(existing.point().getX() - lon) < 1e-5) {
                geometry = existing.geometry();
            }
            if (area != null && geometry.equalsExact(existing.geometry(), 1e-5)) {
                geometry = existing.geometry(); // the export's 5 decimals: the stored geometry, not its rounding
            }
            try {
                String own = get(r, columns, "type");
                Incident updated = new Incident(
                        id,
                        existing.title(),
                        notes == null ? null : clip(notes, 4000),
                        own != null && Vocabulary.TYPES.contains(own) ? own : type,
                        existing.status(),
                        occurred,
                        geoPrecision,
                        existing.places(),
                        existing.actors(),
                        existing.operation(),
                        existing.tags(),
                        existing.claims(),
                        existing.sources(),
                        geometry,
                        existing.version(),
                        existing.created(),
                        existing.updated());
                return sameContent(updated, existing) ? new Row(existing, true) : new Row(updated, false);
            } catch (IllegalArgumentException e) {
                throw new RowProblem("row", e.getMessage());
            }
        }
        try {
            return new Row(
                    new Incident(
                            id,
                            title,
                            notes == null ? null : clip(notes, 4000),
                            type,
                            "published",
                            occurred,
                            geoPrecision,
                            places,
                            actors,
                            null,
                            List.of("acled"),
                            claims,
                            sources,
                            geometry,
                            0,
                            null,
                            null),
                    false,
                    unknownAdmin2);
        } catch (IllegalArgumentException e) {
            throw new RowProblem("row", e.getMessage());
        }
    }

    /** The gazetteer's country code of ACLED's {@code country} or numeric {@code iso}; null for another country. */
    private static String country(String country, String iso) {
        return "Pakistan".equalsIgnoreCase(country) || "586".equals(iso)
                ? "PK"
                : "Afghanistan".equalsIgnoreCase(country) || "4".equals(iso) ? "AF" : null;
    }

    private Place province(String code, String admin1) {
        if (admin1 == null || code == null) {
            return null;
        }
        return provinces.get(code + "|" + Names.fold(admin1));
    }

    /**
     * The district {@code admin2} names (any of its names or the gazetteer's aliases, accents and case ignored) in
     * the row's province; without a known province, the country's only district of that name; else null.
     */
    private Place district(String code, Place province, String admin2) {
        if (code == null) {
            return null;
        }
        List<Place> named = districts.getOrDefault(code + "|" + Names.fold(admin2), List.of());
        if (province != null) {
            return named.stream()
                    .filter(d -> Objects.equals(d.admin1(), province.admin1()))
                    .findFirst()
                    .orElse(null);
        }
        return named.size() == 1 ? named.get(0) : null;
    }

    private static LocalDate date(String s) {
        if (s == null) {
            throw new RowProblem("event_date", "empty");
        }
        try {
            return Times.date(s);
        } catch (DateTimeException e) {
            try {
                return Times.date(s, ACLED_DATE);
            } catch (DateTimeException e2) {
                throw new RowProblem("event_date", "'" + clip(s) + "' is neither 2026-02-27 nor 27 February 2026");
            }
        }
    }

    private static double number(String s, String field, double min, double max) {
        if (s == null) {
            throw new RowProblem(field, "empty");
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new RowProblem(field, "'" + clip(s) + "' is not a number");
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new RowProblem(field, s + " is outside " + (long) min + ".." + (long) max);
        }
        return v;
    }

    /** A count: 0..max, written without a fraction (ACLED's fatalities; {@code 1.7} is an error, not 1). */
    private static int wholeNumber(String s, String field, int max) {
        double v = number(s, field, 0, max);
        if (v != Math.rint(v)) {
            throw new RowProblem(field, "'" + clip(s) + "' is not a whole number");
        }
        return (int) v;
    }

    private static String get(CSVRecord r, Map<String, String> columns, String name) {
        String header = columns.get(name);
        if (header == null || !r.isSet(header)) {
            return null;
        }
        String v = r.get(header);
        String fault = Texts.fault(v);
        if (fault != null) {
            throw new RowProblem(name, fault);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String clip(String s) {
        return clip(s, 60);
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    /** A row that cannot become an incident. */
    private static final class RowProblem extends RuntimeException {
        final String field;

        RowProblem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /** Rolls an atomic import back. */
    private static final class AtomicFailure extends RuntimeException {
        final List<RowError> errors;

        AtomicFailure(List<RowError> errors) {
            super("atomic import failed", null, false, false);
            this.errors = errors;
        }
    }
}
