package org.conflictmap.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.h2.tools.Recover;
import org.h2.tools.RunScript;

/**
 * {@code java -jar conflict-map-server.jar recover [--data-dir DIR] [--force]}: rebuilds an embedded store
 * that no longer opens (after a crash, a full disk, a copied half file), without starting the server.
 *
 * <p>It moves the damaged file aside into {@code DIR/damaged-<time>/} (kept, never deleted), has H2's
 * {@link Recover} tool read every row it still can from it into a SQL script there, and runs that
 * script into a new store, which only then takes the store's name: an interrupted recovery leaves the
 * damaged file where it was put aside and no half store. A store that opens is left alone unless
 * {@code --force}. The directory is {@code --data-dir}, else {@code --conflictmap.store.data-dir}, else
 * {@code CONFLICTMAP_DATA_DIR}, else {@code ./data} (as the server). Exit code 0 when the store opens
 * afterwards, 1 when there is nothing to recover or the recovery failed (the damaged file stays aside).
 */
public final class RecoverCommand {
    static final String NAME = "conflictmap";
    static final String FILE = NAME + ".mv.db";
    static final String COUNT_INCIDENTS = "SELECT COUNT(*) FROM incidents";
    static final String USAGE = "usage: java -jar conflict-map-server.jar recover [--data-dir DIR] [--force]";

    private RecoverCommand() {}

    /** True when the arguments ask for this command. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && args[0].equals("recover");
    }

    public static int run(String[] args, PrintStream out) {
        Path dir = Path.of(System.getenv().getOrDefault("CONFLICTMAP_DATA_DIR", "./data"));
        boolean force = false;
        for (int k = 1; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--force")) {
                force = true;
            } else if (a.equals("--data-dir") && k + 1 < args.length) {
                dir = Path.of(args[++k]);
            } else if (a.startsWith("--data-dir=") || a.startsWith("--conflictmap.store.data-dir=")) {
                dir = Path.of(a.substring(a.indexOf('=') + 1));
            } else {
                out.println(USAGE + "\nrecover: unknown argument " + a);
                return 1;
            }
        }
        dir = dir.toAbsolutePath().normalize();
        Path store = dir.resolve(FILE);
        if (!Files.isRegularFile(store)) {
            out.println("recover: there is no embedded store at " + store + " (nothing to recover)\n" + USAGE);
            return 1;
        }
        if (inUse(dir)) {
            out.println("recover: " + store + " is in use by another process (a server on this directory?);"
                    + " stop it first. Nothing was changed.");
            return 1;
        }
        String problem = openProblem(dir);
        if (problem == null && !force) {
            out.println("recover: " + store + " opens normally; nothing to do (--force rebuilds it anyway)");
            return 0;
        }
        out.println("recover: " + store
                + (problem == null ? " opens; rebuilding it as asked" : " does not open: " + problem));
        Path aside =
                dir.resolve("damaged-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.createDirectories(aside);
            Files.move(store, aside.resolve(FILE));
            out.println("recover: moved the damaged file to " + aside.resolve(FILE));
            try {
                Recover.execute(aside.toString(), NAME);
            } catch (SQLException | RuntimeException e) {
                out.println("recover: H2's recovery tool stopped early (" + e.getMessage() + "); using what it wrote");
            }
            Path script = aside.resolve(NAME + ".h2.sql");
            if (!Files.isRegularFile(script)) {
                out.println("recover: H2's recovery tool could read nothing from the file; it stays in " + aside);
                return 1;
            }
            String rebuilding = "jdbc:h2:file:" + dir.resolve(NAME + "-recovering");
            RunScript.execute(rebuilding, "sa", "", script.toString(), StandardCharsets.UTF_8, false);
            Files.move(dir.resolve(NAME + "-recovering.mv.db"), store);
        } catch (IOException | SQLException e) {
            out.println("recover: failed (" + e.getMessage() + "); the damaged file is kept in " + aside);
            return 1;
        }
        String after = openProblem(dir);
        if (after != null) {
            out.println("recover: the rebuilt store does not open either (" + after + "); the damaged file is kept in "
                    + aside);
            return 1;
        }
        out.println("recover: done; " + incidents(dir) + " incidents in the rebuilt store " + store
                + ". Start the server as before; the damaged file and the recovery script stay in " + aside);
        return 0;
    }

    /** Null when the store opens, else H2's reason in one line. */
    static String openProblem(Path dir) {
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "")) {
            return null;
        } catch (SQLException e) {
            return DamagedStoreFailureAnalyzer.firstLine(e.getMessage());
        }
    }

    /** True when another process holds the store open: moving it aside would lose what that process writes next. */
    static boolean inUse(Path dir) {
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "")) {
            return false;
        } catch (SQLException e) {
            return DamagedStoreFailureAnalyzer.locked(e);
        }
    }

    private static long incidents(Path dir) {
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(COUNT_INCIDENTS)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(NAME) + ";IFEXISTS=TRUE";
    }
}
