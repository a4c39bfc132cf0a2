package org.conflictmap.incidents;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.errors.Invalid;
import org.conflictmap.errors.Malformed;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar conflict-map-server.jar import <file.csv> [--atomic] [--cluster] [--spring/conflictmap options]}:
 * imports an ACLED-style CSV into the configured store without starting the web server. With
 * {@code --cluster} on PostgreSQL it then rewrites the incidents table in time order ({@code CLUSTER}
 * on the paging index): pages of OGC items and exports read neighbouring rows instead of one row per
 * page of the table (10,000 items by bbox: ~170 -> ~80 ms in the store), the tiles' table along its
 * spatial index, and vacuums both. CLUSTER locks the table
 * against reads while it runs (~4 s per 100,000 incidents): for a bulk load, not a live server. Exit code 0
 * when every row was imported, 3 when some rows were rejected (listed), 1 when nothing was changed
 * (unreadable file, an atomic import with bad rows, a store that cannot be reached).
 */
public final class ImportCommand {
    private ImportCommand() {}

    /** True when the arguments ask for this command. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && args[0].equals("import");
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        boolean atomic = false;
        boolean cluster = false;
        Path file = null;
        List<String> rest = new ArrayList<>();
        for (int k = 1; k < args.length; k++) {
            if (args[k].equals("--atomic")) {
                atomic = true;
            } else if (args[k].equals("--cluster")) {
                cluster = true;
            } else if (args[k].startsWith("--")) {
                rest.add(args[k]);
            } else if (file == null) {
                file = Path.of(args[k]);
            } else {
                out.println("import: one CSV file at a time (got " + args[k] + " too)");
                return 1;
            }
        }
        if (file == null || !Files.isReadable(file)) {
            out.println(
                    "usage: java -jar conflict-map-server.jar import <file.csv> [--atomic] [--cluster] [--spring.profiles.active=postgis ...]"
                            + (file == null ? "" : "\nimport: cannot read " + file));
            return 1;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        rest.add("--spring.main.banner-mode=off");
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext context = app.run(rest.toArray(String[]::new));
                Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long size = Files.size(file);
            long started = System.nanoTime();
            AcledImport.Report r = context.getBean(AcledImport.class).run(csv, atomic, "cli", rows -> {
                double s = (System.nanoTime() - started) / 1e9;
                out.printf("\rimport: %,d rows (%.0f rows/s, file %,d bytes)", rows, rows / Math.max(s, 1e-3), size);
                out.flush();
            });
            out.println();
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(
                    "import: %d rows read, %d created, %d updated, %d unchanged, %d rejected%s in %.1f s%n",
                    r.rows(),
                    r.created(),
                    r.updated(),
                    r.unchanged(),
                    r.rejected(),
                    atomic ? " (atomic)" : "",
                    seconds);
            if (r.unknownAdmin2() > 0) {
                out.printf(
                        "import: %d rows name an admin2 that is no district of the gazetteer (kept at their"
                                + " point or province)%n",
                        r.unknownAdmin2());
            }
            r.errors().forEach(e -> out.printf("  line %d, %s: %s%n", e.line(), e.field(), e.message()));
            if (cluster) {
                long c0 = System.nanoTime();
                boolean done = context.getBean(IncidentRepository.class).cluster();
                out.printf(
                        done
                                ? "import: incidents table ordered by time (CLUSTER) in %.1f s%n"
                                : "import: --cluster does nothing on the embedded store%n",
                        (System.nanoTime() - c0) / 1e9);
            }
            return r.rejected() == 0 ? 0 : 3;
        } catch (Invalid e) {
            out.println("import: nothing imported: " + e.getMessage());
            e.reasons().stream().limit(50).forEach(f -> out.println("  " + f.field() + ": " + f.reason()));
            return 1;
        } catch (Malformed e) {
            out.println("import: nothing imported: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("import: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
