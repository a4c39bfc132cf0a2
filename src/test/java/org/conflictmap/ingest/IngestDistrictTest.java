package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.gazetteer.Place;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A district the text names as such gives the draft its geometry (admin2 precision), while the event is
 * matched and merged by its province.
 */
@OnH2gis
class IngestDistrictTest {
    @Autowired
    EventExtractor extractor;

    @Test
    void aNamedDistrictIsTheGeometryAndItsProvinceTheEventsPlace() {
        List<EventExtractor.Event> events = extractor.extract(
                "On Monday, a roadside bomb hit a police vehicle in Pakistan's Bajaur district, killing three policemen, local police said.",
                LocalDate.of(2026, 3, 3));
        assertThat(events).hasSize(1);
        EventExtractor.Event e = events.get(0);
        assertThat(e.places().values()).extracting(Place::kind).doesNotContain("district");
        assertThat(e.districts().values()).extracting(Place::kind).containsExactly("district");
        Places.Where where = Places.where(ArticleIngest.withDistricts(e), false, null);
        assertThat(where.precision()).isEqualTo("district");
    }
}
