package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.PlaceRef;
import org.conflictmap.incidents.Source;
import org.conflictmap.incidents.TimeInterval;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** A second outlet's report refines a draft's place and time only when it is finer and consistent with them. */
class DraftsMergeTest {
    static final GeometryFactory GEO = new GeometryFactory(new PrecisionModel(), 4326);
    /** A province-sized square around Khost, and a day in Afghan time. */
    static final Geometry PROVINCE = GEO.toGeometry(new Envelope(69.5, 70.5, 33.0, 34.0));

    static final TimeInterval DAY =
            new TimeInterval(Instant.parse("2026-05-06T19:30:00Z"), Instant.parse("2026-05-07T19:29:59Z"), "day");

    static Incident incident(String id, TimeInterval when, String precision, Geometry where, String source) {
        return new Incident(
                id,
                "Air strike",
                null,
                "air_strike",
                "draft",
                when,
                precision,
                List.of(new PlaceRef("af-province-khost", "Khost")),
                List.of(),
                null,
                List.of("ingest"),
                List.of(),
                List.of(new Source(source, "AFP", null, LocalDate.parse("2026-05-08"), null)),
                where,
                0,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    static Incident merged(Incident draft, Incident report) {
        return Drafts.merge(
                        draft,
                        new Drafts.Proposal(report, List.of(), List.of()),
                        report.sources().get(0))
                .incident();
    }

    @Test
    void aTownInsideTheProvinceAndANightInsideTheDayReplaceThem() {
        TimeInterval evening = new TimeInterval(
                Instant.parse("2026-05-07T12:30:00Z"), Instant.parse("2026-05-07T17:30:00Z"), "part_of_day");
        Incident town = incident("draft-b", evening, "near", GEO.createPoint(new Coordinate(69.9, 33.3)), "S1");
        Incident m = merged(incident("draft-a", DAY, "province", PROVINCE, "S1"), town);
        assertThat(m.geoPrecision()).isEqualTo("near");
        assertThat(m.geometry().getGeometryType()).isEqualTo("Point");
        assertThat(m.occurred()).isEqualTo(evening);
        assertThat(m.sources()).hasSize(2);
    }

    @Test
    void aFarPlaceOrATimeOutsideTheDraftsIsNotTaken() {
        TimeInterval nextDay = new TimeInterval(
                Instant.parse("2026-05-08T12:30:00Z"), Instant.parse("2026-05-08T17:30:00Z"), "part_of_day");
        Incident far = incident("draft-b", nextDay, "near", GEO.createPoint(new Coordinate(66.0, 31.0)), "S1");
        Incident m = merged(incident("draft-a", DAY, "province", PROVINCE, "S1"), far);
        assertThat(m.geoPrecision()).isEqualTo("province");
        assertThat(m.geometry()).isEqualTo(PROVINCE);
        assertThat(m.occurred()).isEqualTo(DAY);
    }

    @Test
    void aCoarserSecondReportLeavesTheFinerDraft() {
        Incident town = incident("draft-a", DAY, "near", GEO.createPoint(new Coordinate(69.9, 33.3)), "S1");
        Incident m = merged(town, incident("draft-b", DAY, "province", PROVINCE, "S1"));
        assertThat(m.geoPrecision()).isEqualTo("near");
        assertThat(m.geometry().getGeometryType()).isEqualTo("Point");
    }

    static Incident titled(String title, TimeInterval when, String precision, Geometry where, PlaceRef place) {
        return new Incident(
                "draft-" + place.id(),
                title,
                null,
                "air_strike",
                "draft",
                when,
                precision,
                List.of(place),
                List.of(),
                null,
                List.of("ingest"),
                List.of(),
                List.of(new Source("S1", "AFP", null, LocalDate.parse("2026-05-08"), null)),
                where,
                0,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void aRefinedPlaceAndDayAreRetitledButAnEditorsTitleIsKept() {
        TimeInterval twoDays =
                new TimeInterval(Instant.parse("2026-05-05T19:30:00Z"), Instant.parse("2026-05-07T19:29:59Z"), "day");
        TimeInterval night = new TimeInterval(
                Instant.parse("2026-05-07T15:30:00Z"), Instant.parse("2026-05-07T19:29:59Z"), "part_of_day");
        PlaceRef khost = new PlaceRef("af-province-khost", "Khost");
        PlaceRef town = new PlaceRef("geonames-1", "Spera");
        String made = Drafts.title("air_strike", List.of(khost), twoDays, "AF");
        assertThat(made).isEqualTo("Air strike — Khost (2026-05-06)");
        Incident report = titled(
                Drafts.title("air_strike", List.of(town), night, "AF"),
                night,
                "near",
                GEO.createPoint(new Coordinate(69.9, 33.3)),
                town);
        Incident m = merged(titled(made, twoDays, "province", PROVINCE, khost), report);
        assertThat(m.title()).isEqualTo("Air strike — Spera (2026-05-07)");
        Incident kept = merged(titled("Strike on a madrassa in Khost", twoDays, "province", PROVINCE, khost), report);
        assertThat(kept.title()).isEqualTo("Strike on a madrassa in Khost");
        assertThat(kept.occurred()).isEqualTo(night);
    }
}
