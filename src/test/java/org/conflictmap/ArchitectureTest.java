package org.conflictmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The package table of ARCHITECTURE.md ("Features (packages)"), held against the compiled classes:
 * every package is in the table, every arrow of the code is one the table allows, and neither the
 * code nor the table has a cycle. The table is read from the document itself, so they cannot drift.
 */
class ArchitectureTest {
    private static final String ROOT = "org.conflictmap";
    /** The server's compiled classes only (scanning the whole class path for the package took ~40 s more). */
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target", "classes"));

    private static final Map<String, Set<String>> TABLE = table(Path.of("ARCHITECTURE.md"));

    @Test
    void theTableListsEveryPackageAndNoOther() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            String rest =
                    c.getPackageName().equals(ROOT) ? "" : c.getPackageName().substring(ROOT.length() + 1);
            if (!rest.isEmpty()) {
                packages.add(rest.split("\\.")[0]);
            }
        }
        assertThat(TABLE.keySet()).as("the packages of ARCHITECTURE.md's table").isEqualTo(packages);
        TABLE.forEach((p, deps) ->
                assertThat(packages).as("what " + p + " depends on").containsAll(deps));
    }

    @Test
    void everyArrowIsOneTheTableAllows() {
        for (Map.Entry<String, Set<String>> row : TABLE.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : TABLE.keySet()) {
                if (!other.equals(row.getKey()) && !row.getValue().contains(other)) {
                    forbidden.add(ROOT + "." + other + "..");
                }
            }
            if (!forbidden.isEmpty()) {
                noClasses()
                        .that()
                        .resideInAPackage(ROOT + "." + row.getKey() + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because("ARCHITECTURE.md lets " + row.getKey() + " depend on " + row.getValue() + " only")
                        .check(CLASSES);
            }
        }
    }

    /** The other half of "the table and the code together": an arrow the table allows is one the code has. */
    @Test
    void everyArrowOfTheTableIsInTheCode() {
        Map<String, Set<String>> code = new TreeMap<>();
        for (JavaClass c : CLASSES) {
            String from = feature(c);
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = feature(d.getTargetClass());
                if (from != null && to != null && !from.equals(to)) {
                    code.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        Map<String, Set<String>> unused = new TreeMap<>();
        TABLE.forEach((p, deps) -> {
            Set<String> left = new TreeSet<>(deps);
            left.removeAll(code.getOrDefault(p, Set.of()));
            if (!left.isEmpty()) {
                unused.put(p, left);
            }
        });
        assertThat(unused)
                .as("arrows of ARCHITECTURE.md's table that no class has (drop them from the table)")
                .isEmpty();
    }

    /** The feature package of a server class ({@code incidents} for {@code org.conflictmap.incidents.X}), or null. */
    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(ROOT + ".")) {
            return null;
        }
        return p.substring(ROOT.length() + 1).split("\\.")[0];
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theTableHasNoCycle() {
        Set<String> done = new HashSet<>();
        for (String p : TABLE.keySet()) {
            visit(p, new ArrayList<>(), done);
        }
    }

    @Test
    void theDataLayerKnowsNothingOfHttp() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".web..", "org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
                .because(
                        "repositories throw the domain's errors (org.conflictmap.errors); web.ProblemHandler maps them")
                .check(CLASSES);
    }

    /**
     * The parsers of what a request sends, inside {@code incidents} ({@code IncidentJson}, {@code IncidentEdits},
     * {@code AcledImport}, {@code Cql2}, {@code CqlSql}, {@code DateRange}, {@code IncidentChanges}' cursor) and in
     * {@code geo} ({@code Bbox}, {@code GeoJson}), refuse input with the domain's {@code errors.Invalid} and
     * {@code errors.Malformed}, which {@code web.ProblemHandler} answers with the same 400s; only the edge writes HTTP
     * problems: the handlers ({@code *Controller}), {@code IfMatch} (the {@code If-Match} header, a 412) and
     * {@code IncidentParams} (the query parameters, read with {@code web.Params}).
     */
    @Test
    void theParsersRefuseInTheDomainsWordsNotAsHttpProblems() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".incidents..", ROOT + ".geo..")
                .and()
                .haveSimpleNameNotEndingWith("Controller")
                .and()
                .haveNameNotMatching(".*Controller\\$.*")
                .and()
                .doNotHaveSimpleName("IfMatch")
                .and()
                .doNotHaveSimpleName("IncidentParams")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".web.ApiProblem")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".web.ApiProblem$FieldError")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".web.Params")
                .because("a parser throws errors.Invalid or errors.Malformed; web.ProblemHandler makes them 400s")
                .check(CLASSES);
    }

    /**
     * A request is parsed once, at the edge: in every feature package (all but {@code web}, {@code security} and
     * {@code overload}, which are the edge), only the handlers ({@code *Controller} and its nested types), the servlet filters in
     * front of them ({@code *Filter}) and the parsers the handlers call read the servlet request; every class
     * below them takes the typed value ({@code ogcapi.OgcRequest}, {@code incidents.IncidentQuery},
     * {@code export.ExportRequest}).
     */
    @Test
    void belowTheHandlersNothingReadsTheServletRequest() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..")
                .and()
                .resideOutsideOfPackages(ROOT + ".web..", ROOT + ".security..", ROOT + ".overload..")
                .and()
                .haveSimpleNameNotEndingWith("Controller")
                .and()
                .haveNameNotMatching(".*Controller\\$.*") // a handler's own parser (tiles' TileAsk.of)
                .and()
                .haveSimpleNameNotEndingWith("Filter")
                .and()
                .doNotHaveSimpleName("ExportRequests")
                .and()
                .doNotHaveSimpleName("OgcRequests")
                .and()
                .doNotHaveSimpleName("IfMatch")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.servlet..")
                .because(
                        "the handler parses its request once (OgcRequests, IfMatch, ExportRequests) and hands on a typed value")
                .check(CLASSES);
    }

    /**
     * Typed rows, not {@code ResultSet}s, cross packages (issue 23): outside {@code store} (whose dialect reads a
     * column for the others), no public or protected method of a public class takes or returns a JDBC {@code ResultSet} or a
     * {@code RowMapper}; each package reads its own tables into its own values ({@code incidents.StoredRow},
     * {@code incidents.MapRow}, {@code gazetteer.Place}).
     */
    @Test
    void noResultSetCrossesAPackage() {
        Set<String> jdbc = Set.of(
                "java.sql.ResultSet",
                "org.springframework.jdbc.core.RowMapper",
                "org.springframework.jdbc.core.ResultSetExtractor",
                "org.springframework.jdbc.core.RowCallbackHandler");
        List<String> open = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            if (c.getPackageName().startsWith(ROOT + ".store")
                    || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue; // a class other packages cannot see hands nothing across
            }
            for (JavaCodeUnit m : c.getCodeUnits()) {
                boolean visible = m.getModifiers().contains(JavaModifier.PUBLIC)
                        || m.getModifiers().contains(JavaModifier.PROTECTED);
                if (visible
                        && (jdbc.contains(m.getRawReturnType().getName())
                                || m.getRawParameterTypes().stream().anyMatch(t -> jdbc.contains(t.getName())))) {
                    open.add(m.getFullName());
                }
            }
        }
        assertThat(open).as("methods that hand a ResultSet to another package").isEmpty();
    }

    /**
     * ARCHITECTURE.md's "Adding a store": nothing outside {@code store} asks which store it runs on; the others ask
     * the dialect for SQL or a capability ({@code SpatialDialect.of} is the one switch over {@code Vendor}).
     */
    @Test
    void onlyTheStoreKnowsItsVendor() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".store..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".store.Vendor")
                .orShould()
                .callMethod(ROOT + ".store.SpatialDialect", "vendor")
                .because("vendor differences live in store.SpatialDialect's records")
                .check(CLASSES);
    }

    private static void visit(String p, List<String> path, Set<String> done) {
        assertThat(path)
                .as("a cycle in ARCHITECTURE.md's table: " + path + " → " + p)
                .doesNotContain(p);
        if (done.contains(p)) {
            return;
        }
        path.add(p);
        for (String d : TABLE.getOrDefault(p, Set.of())) {
            visit(d, path, done);
        }
        path.remove(path.size() - 1);
        done.add(p);
    }

    /** Package → the packages it may depend on, from the rows {@code | `name` | what | a, b |} of the section. */
    static Map<String, Set<String>> table(Path document) {
        List<String> lines;
        try {
            lines = Files.readAllLines(document);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "ARCHITECTURE.md is not readable from " + Path.of("").toAbsolutePath(), e);
        }
        int start = lines.indexOf("## Features (packages)");
        assertThat(start)
                .as("ARCHITECTURE.md has a section '## Features (packages)'")
                .isNotNegative();
        Map<String, Set<String>> table = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String name = cells[1].strip().replace("`", "");
                String deps = cells[cells.length - 1].strip();
                Set<String> allowed = new TreeSet<>();
                if (!deps.equals("–") && !deps.equals("-")) {
                    for (String d : deps.split(",")) {
                        allowed.add(d.strip().replace("`", ""));
                    }
                }
                assertThat(table.put(name, allowed))
                        .as("package " + name + " has one row")
                        .isNull();
            }
        }
        assertThat(table).as("the package table of ARCHITECTURE.md").isNotEmpty();
        return table;
    }
}
