package org.conflictmap.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A raster label as a value: what it names from which zoom, and the registrations it refuses. */
class LabelTest {

    @Test
    void aPlaceIsNamedFromTheZoomItsPopulationEarns() {
        Label towns = Label.names(40, "city", "town")
                .populous(4, 1_500_000)
                .populous(6, 300_000)
                .populous(8, 50_000)
                .populous(10, 5_000);
        assertThat(towns.shows(3, 9_000_000L))
                .as("before the first populous zoom")
                .isFalse();
        assertThat(towns.shows(4, 1_500_000L)).isTrue();
        assertThat(towns.shows(5, 1_100_000L)).isFalse();
        assertThat(towns.shows(6, 1_100_000L)).isTrue();
        assertThat(towns.shows(9, 49_999L)).isFalse();
        assertThat(towns.shows(9, 50_000L)).isTrue();
        assertThat(towns.shows(14, 5_000L)).isTrue();
        assertThat(towns.shows(14, null)).as("no known population").isFalse();
        assertThat(Label.names(10).shows(0, null)).as("none asked").isTrue();
    }

    @Test
    void aLabelRefusesWhatItCouldNotDraw() {
        assertThatThrownBy(() -> Label.names(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Label.names(1).from(23)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Label.names(1).letters("red", 11, Label.Weight.BOLD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Label.names(1).letters("#222222", 2, Label.Weight.BOLD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Label.names(1).halo(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Label.names(1, "City")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Label.names(1).field("name; drop")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAGazetteerLayerNamesItsPlacesAndOnlyOfItsKinds() {
        TileStyle style = new TileStyle(0, null, false, List.of("id"));
        assertThatThrownBy(() -> new Collection(
                        "named-incidents",
                        "Named incidents",
                        "Incidents with labels.",
                        GeometryType.ANY,
                        Source.Incidents.all(),
                        List.of(),
                        TileStyle.incidents().labelled(Label.names(1)),
                        List.of(),
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels");
        assertThatThrownBy(() -> new Collection(
                        "named-lakes",
                        "Named lakes",
                        "Lakes with a town's label.",
                        GeometryType.MULTIPOLYGON,
                        new Source.Places(Set.of("lake")),
                        List.of(),
                        style.labelled(Label.names(1, "town")),
                        List.of(),
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels");
        assertThatThrownBy(
                        () -> new TileStyle(0, Set.of("lake"), false, List.of("id")).labelled(Label.names(1, "town")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Collection(
                                "named-lakes",
                                "Named lakes",
                                "Lakes, named.",
                                GeometryType.MULTIPOLYGON,
                                new Source.Places(Set.of("lake")),
                                List.of(),
                                style.labelled(Label.names(1).from(8)),
                                List.of(),
                                false)
                        .tiles()
                        .minZoom(Label.names(1).from(8)))
                .isEqualTo(8);
    }
}
