package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfiguration;

/**
 * ARCHITECTURE.md's "Adding a store", walked for every {@link Vendor}: a store is one constant, one
 * dialect, one migration folder holding every version the others hold, and a nested class in every
 * contract test, so a third store cannot be half-added (nor one half-removed).
 */
class AddingAStoreTest {
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Path TEST_CLASSES = Path.of("target", "test-classes");

    @Test
    void everyVendorHasItsOwnDialect() {
        Set<Class<?>> dialects = new HashSet<>();
        for (Vendor v : Vendor.values()) {
            SpatialDialect d = SpatialDialect.of(v);
            assertThat(d.vendor())
                    .as("the dialect SpatialDialect.of(" + v + ") gives")
                    .isEqualTo(v);
            assertThat(dialects.add(d.getClass()))
                    .as(v + "'s dialect is a class of its own")
                    .isTrue();
        }
        assertThat(SpatialDialect.class.getPermittedSubclasses())
                .as("the dialects: one per vendor, no other")
                .hasSize(Vendor.values().length);
    }

    @Test
    void everyVendorHasTheSameMigrationVersions() throws IOException {
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> s = Files.list(MIGRATIONS)) {
            s.filter(Files::isDirectory)
                    .forEach(p -> folders.add(p.getFileName().toString()));
        }
        assertThat(folders)
                .as("db/migration's folders are the vendors' (Vendor.migrationFolder)")
                .isEqualTo(Arrays.stream(Vendor.values())
                        .map(Vendor::migrationFolder)
                        .collect(Collectors.toCollection(TreeSet::new)));
        Set<String> first = null;
        for (Vendor v : Vendor.values()) {
            Set<String> versions = versions(MIGRATIONS.resolve(v.migrationFolder()));
            assertThat(versions).as(v + "'s migrations").isNotEmpty();
            if (first == null) {
                first = versions;
            } else {
                assertThat(versions)
                        .as("the migration versions of " + v + " (db/migration/" + v.migrationFolder() + ") and of "
                                + Vendor.values()[0])
                        .isEqualTo(first);
            }
        }
    }

    /**
     * Every {@code *ContractTest} runs on every store: a {@code @Nested} class per vendor, whose context
     * initializer is named for the vendor ({@code TestStores.H2gis} and {@code TestStores.Postgis}, or a
     * test's own such as {@code OwnH2gis}).
     */
    @Test
    void everyContractTestRunsOnEveryVendor() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Class<?>> contracts = contractTests();
        assertThat(contracts).as("the contract tests under " + TEST_CLASSES).hasSizeGreaterThan(10);
        for (Class<?> test : contracts) {
            Set<String> stores = new TreeSet<>();
            for (Class<?> nested : test.getDeclaredClasses()) {
                ContextConfiguration config = nested.isAnnotationPresent(Nested.class)
                        ? AnnotatedElementUtils.findMergedAnnotation(nested, ContextConfiguration.class)
                        : null;
                if (config != null) {
                    Arrays.stream(config.initializers())
                            .forEach(i -> stores.add(i.getSimpleName().toLowerCase(Locale.ROOT)));
                }
            }
            for (Vendor v : Vendor.values()) {
                String name = v.name().toLowerCase(Locale.ROOT);
                if (stores.stream().noneMatch(s -> s.contains(name))) {
                    missing.add(test.getSimpleName() + " on " + v);
                }
            }
        }
        assertThat(missing)
                .as("contract tests without a nested class for a store")
                .isEmpty();
    }

    private static Set<String> versions(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .map(n -> n.substring(0, n.indexOf("__")))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<Class<?>> contractTests() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(TEST_CLASSES)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("ContractTest.class"))
                    .sorted()
                    .toList();
        }
        for (Path p : files) {
            String name =
                    TEST_CLASSES.relativize(p).toString().replace('/', '.').replace(".class", "");
            out.add(Class.forName(name, false, AddingAStoreTest.class.getClassLoader()));
        }
        return out;
    }
}
