package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.conflictmap.TestStores;
import org.junit.jupiter.api.Test;

/** The start-up check says exactly what is missing when a database lacks PostGIS. */
class PostgisCheckTest {
    static final String DB = TestStores.Postgis.DB + "_nopostgis";

    @Test
    void aDatabaseWithoutTheExtensionIsRefusedWithTheFix() throws Exception {
        try (Connection c = DriverManager.getConnection(
                        TestStores.Postgis.SERVER + "postgres", TestStores.Postgis.USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB);
        }
        try (Connection c = DriverManager.getConnection(TestStores.Postgis.SERVER + DB, TestStores.Postgis.USER, "")) {
            assertThatThrownBy(() -> StoreConfiguration.PostgisCheck.requirePostgis(c))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("CREATE EXTENSION postgis")
                    .hasMessageContaining(DB)
                    .hasMessageNotContaining("jdbc:");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION postgis");
            }
            assertThat(StoreConfiguration.PostgisCheck.requirePostgis(c)).startsWith("POSTGIS=");
        } finally {
            try (Connection c = DriverManager.getConnection(
                            TestStores.Postgis.SERVER + "postgres", TestStores.Postgis.USER, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            }
        }
    }
}
