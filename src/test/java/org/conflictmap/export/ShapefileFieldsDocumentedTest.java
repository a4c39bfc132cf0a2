package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.conflictmap.incidents.Queryables;
import org.junit.jupiter.api.Test;

/** docs/EXPORT.md maps every Shapefile field to its full name: the table cannot drift from the code. */
class ShapefileFieldsDocumentedTest {

    @Test
    void everyDbfFieldNameIsInTheDocumentedMapping() throws Exception {
        String doc = Files.readString(Path.of("docs/EXPORT.md"));
        for (Queryables.Attribute a : FileWriters.SHP_ATTRIBUTES) {
            assertThat(doc).as(a.name()).contains("| `" + a.name() + "` | `" + a.shortName() + "` |");
        }
        assertThat(doc).doesNotContain("| `claims` | `claims` |");
        for (String column : FlatRows.CLAIM_COLUMNS) {
            assertThat(doc).as(column).contains("`" + (column.length() > 10 ? column.substring(0, 10) : column) + "`");
        }
    }
}
