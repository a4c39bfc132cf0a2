package org.conflictmap.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Source.Table}: a table described as data is checked when it is registered, since its names are written
 * into SQL ({@link Tables}): lower-case SQL names only, a condition without parameters, an id of a string or
 * integer, each column once; a table's tile layer carries columns it publishes and is not drawn in raster.
 */
class TableSourceTest {
    static final Source.Table CAMPS = Source.Table.of(
                    "camps", Queryable.of("id", "integer"), Queryable.text("name"), Queryable.of("opened", "date-time"))
            .timed("opened", "closed");

    static Collection camps(Source source, TileStyle tiles, List<String> exportFields) {
        return new Collection(
                "camps", "Camps", "Camps.", GeometryType.POINT, source, List.of(), tiles, exportFields, false);
    }

    @Test
    void itsSqlIsWrittenFromItsNames() {
        assertThat(CAMPS.table()).isEqualTo("camps");
        assertThat(CAMPS.condition()).isEqualTo("1 = 1");
        assertThat(CAMPS.narrowed("capacity > 100").condition()).isEqualTo("(capacity > 100)");
        assertThat(CAMPS.temporal()).containsExactly("opened", "closed");
        assertThat(CAMPS.geometry()).isEqualTo("geom");
        assertThat(CAMPS.names()).containsExactly("id", "name", "opened");
        assertThat(CAMPS.type("opened")).isEqualTo("date-time");
        assertThat(CAMPS.type("capacity")).isNull();
        assertThat(Source.Table.of("camps", Queryable.text("code")).temporal()).isNull();
        // one time column is the rows' start and end
        assertThat(Source.Table.of("camps", Queryable.text("code"))
                        .timed("seen", null)
                        .temporal())
                .containsExactly("seen", "seen");
    }

    @Test
    void namesThatAreNotPlainSqlNamesAreRefused() {
        for (String bad : List.of("Camps", "camps; DROP TABLE incidents", "camps c", "\"camps\"", "")) {
            assertThatThrownBy(() -> Source.Table.of(bad, Queryable.text("id")))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Source.Table.of("camps", Queryable.text("id"), Queryable.text(bad + "x ")))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CAMPS.narrowed("name = ?")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CAMPS.narrowed("1 = 1; DELETE FROM camps"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Source.Table.of("camps", Queryable.of("id", "boolean")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Source.Table.of("camps", Queryable.text("id"), Queryable.text("id")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Source.Table.of("camps", Queryable.text("id")).timed(null, "closed"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTablesTileLayerCarriesItsColumnsAndIsNotDrawnInRaster() {
        Collection all = camps(CAMPS, new TileStyle(0, null, false, List.of()), List.of());
        assertThat(all.tiles().attributes()).containsExactly("id", "name", "opened");
        Collection some = camps(CAMPS, new TileStyle(3, null, false, List.of("name")), List.of());
        assertThat(some.tiles().attributes()).containsExactly("name");
        assertThatThrownBy(() -> camps(CAMPS, new TileStyle(0, null, false, List.of("capacity")), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> camps(CAMPS, TileStyle.incidents(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTablesQueryablesAndDownloadsAreColumnsItPublishes() {
        // its queryables: by default its id and every published column, with their types
        assertThat(camps(CAMPS, null, List.of()).queryables())
                .containsExactly(
                        Queryable.of("id", "integer"), Queryable.text("name"), Queryable.of("opened", "date-time"));
        assertThat(queryables(List.of(Queryable.text("name"))).queryables()).containsExactly(Queryable.text("name"));
        // not a column it publishes, or of another type
        assertThatThrownBy(() -> queryables(List.of(Queryable.text("capacity"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queryables(List.of(Queryable.of("name", "integer"))))
                .isInstanceOf(IllegalArgumentException.class);
        // its downloads' columns: published ones, and a point's longitude and latitude
        assertThat(camps(CAMPS, null, List.of("id", "name", "longitude", "latitude"))
                        .exported())
                .isTrue();
        assertThatThrownBy(() -> camps(CAMPS, null, List.of("id", "capacity")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> camps(CAMPS, null, List.of("geom"))).isInstanceOf(IllegalArgumentException.class);
    }

    static Collection queryables(List<Queryable> queryables) {
        return new Collection(
                "camps", "Camps", "Camps.", GeometryType.POINT, CAMPS, queryables, null, List.of(), false);
    }
}
