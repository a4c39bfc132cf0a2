package org.conflictmap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The two stores every contract test runs on. Each gives one Spring context per test JVM (Spring
 * caches it across test classes): a fresh H2GIS file store under {@code target/test-stores/}, and a
 * freshly re-created PostGIS database on the local server ({@code CONFLICTMAP_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/}; database {@code CONFLICTMAP_TEST_PG_DB}, default
 * {@code conflictmap_test}). Nothing is mocked: a missing PostGIS fails the PostGIS tests.
 */
public final class TestStores {
    /** The editor token every test store accepts (conflictmap.security.editor-tokens). */
    public static final String EDITOR_TOKEN = "test-editor-token-" + UUID.randomUUID();
    /** The Authorization header value for {@link #EDITOR_TOKEN}, for {@code Http} calls. */
    public static final String EDITOR_AUTH = "Bearer " + EDITOR_TOKEN;

    private TestStores() {}

    /** Runs the annotated test against the embedded H2GIS store. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = H2gis.class)
    public @interface OnH2gis {}

    /** Runs the annotated test against a real PostGIS database. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = Postgis.class)
    public @interface OnPostgis {}

    /**
     * Runs the annotated test against an embedded H2GIS store of its own context: for a test that adds beans
     * (a registration) and so gets a context beside the shared one, whose file is open there.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = OwnH2gis.class)
    public @interface OnOwnH2gis {}

    /** A fresh embedded store in a directory of its own for each context it starts. */
    public static final class OwnH2gis implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Path dir = Path.of("target", "test-stores", "h2gis-own-" + UUID.randomUUID())
                    .toAbsolutePath();
            TestPropertyValues.of(
                            "conflictmap.store.data-dir=" + dir,
                            "conflictmap.security.editor-tokens=test-editor:" + EDITOR_TOKEN)
                    .applyTo(context);
        }
    }

    public static final class H2gis implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        static final Path DIR =
                Path.of("target", "test-stores", "h2gis-" + UUID.randomUUID()).toAbsolutePath();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "conflictmap.store.data-dir=" + DIR,
                            "conflictmap.security.editor-tokens=test-editor:" + EDITOR_TOKEN)
                    .applyTo(context);
        }
    }

    public static final class Postgis implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        public static final String SERVER = env("CONFLICTMAP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        public static final String DB = env("CONFLICTMAP_TEST_PG_DB", "conflictmap_test");
        public static final String USER = env("CONFLICTMAP_TEST_PG_USER", "postgres");
        private static boolean created;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            recreateOnce();
            TestPropertyValues.of(
                            "spring.datasource.url=" + SERVER + DB,
                            "spring.datasource.username=" + USER,
                            "spring.datasource.password=",
                            "conflictmap.security.editor-tokens=test-editor:" + EDITOR_TOKEN)
                    .applyTo(context);
        }

        private static synchronized void recreateOnce() {
            if (created) {
                return;
            }
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + DB);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "PostgreSQL is not reachable at " + SERVER + ": run scripts/setup-postgis (scripts/test does)",
                        e);
            }
            try (Connection c = DriverManager.getConnection(SERVER + DB, USER, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION postgis");
            } catch (SQLException e) {
                throw new IllegalStateException("PostGIS is not installed: run scripts/setup-postgis", e);
            }
            created = true;
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }
    }
}
