package org.conflictmap.store;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the store from the configured data source, prepares it ({@link SpatialDialect#prepare}: H2GIS
 * functions, or a check that PostGIS is there) and only then runs the vendor's Flyway migrations.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    /** The application's data source, refused at once while the store is unreachable ({@link FailFastDataSource}). */
    @Bean
    static BeanPostProcessor failFastStore() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds
                                && !(bean instanceof FailFastDataSource)
                                && "dataSource".equals(name)
                        ? new FailFastDataSource(ds)
                        : bean;
            }
        };
    }

    @Bean
    SpatialDialect spatialDialect(DataSource dataSource, StoreProperties properties) {
        try (Connection c = dataSource.getConnection()) {
            SpatialDialect dialect = SpatialDialect.of(Vendor.of(c.getMetaData()));
            if (dialect.embedded()) {
                Files.createDirectories(properties.dataDir());
            }
            return dialect;
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    "the database cannot be reached: " + e.getSQLState()
                            + " (check spring.datasource.url / CONFLICTMAP_DB_URL and that the server runs)",
                    e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create the data directory " + properties.dataDir(), e);
        }
    }

    @Bean
    FlywayMigrationStrategy prepareStoreThenMigrate(SpatialDialect dialect) {
        return flyway -> {
            prepare(flyway, dialect);
            flyway.migrate();
        };
    }

    private static void prepare(Flyway flyway, SpatialDialect dialect) {
        DataSource ds = flyway.getConfiguration().getDataSource();
        try (Connection c = ds.getConnection()) {
            log.info("{}", dialect.prepare(c));
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    "the store could not be prepared (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** Checks that PostGIS is usable and says precisely what is missing when it is not. */
    static final class PostgisCheck {
        static final String AVAILABLE = "SELECT default_version FROM pg_available_extensions WHERE name = 'postgis'";
        static final String INSTALLED = "SELECT extversion FROM pg_extension WHERE extname = 'postgis'";
        static final String FULL_VERSION = "SELECT postgis_full_version()";

        private PostgisCheck() {}

        static String requirePostgis(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                String available = single(s, AVAILABLE);
                String installed = single(s, INSTALLED);
                if (installed == null && available == null) {
                    throw new StoreUnavailableException(
                            "PostGIS is not installed on this PostgreSQL server: install the"
                                    + " package postgresql-" + majorVersion(c)
                                    + "-postgis-3 (scripts/setup-postgis does it), then"
                                    + " run CREATE EXTENSION postgis in database '" + c.getCatalog() + "'");
                }
                if (installed == null) {
                    throw new StoreUnavailableException("the PostGIS extension (version " + available + " is available)"
                            + " is not enabled in database '" + c.getCatalog() + "': run CREATE EXTENSION postgis"
                            + " as a superuser, or scripts/setup-postgis");
                }
                return single(s, FULL_VERSION);
            }
        }

        private static int majorVersion(Connection c) throws SQLException {
            return c.getMetaData().getDatabaseMajorVersion();
        }

        private static String single(Statement s, String sql) throws SQLException {
            try (var rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
