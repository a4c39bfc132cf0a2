package org.conflictmap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs GDAL's command-line tools (installed by scripts/setup-tools) and returns what they printed. */
public final class Gdal {
    private Gdal() {}

    /** Whether GDAL's {@code ogrinfo} can be run here (tests that only read with GDAL skip without it, saying so). */
    public static boolean installed() {
        return version("ogrinfo") >= 0;
    }

    /** The version in a tool's {@code --version} ("GDAL 3.6.2, released 2023/01/02"). */
    static final Pattern VERSION = Pattern.compile("GDAL (\\d+)\\.(\\d+)\\.(\\d+)");
    /** Where scripts/setup-tools unpacks GDAL 3.10 on Debian 12, whose own GDAL is 3.6.2. */
    static final String PRIVATE_GDAL = "/opt/conflictmap-gdal/bin/";

    /**
     * A GDAL tool of version 3.7.1 or later ({@code ogrinfo}, {@code gdalinfo}, {@code ogr2ogr}) to run with {@link #run}:
     * the system's if it is that recent, else the one scripts/setup-tools unpacks beside Debian 12's 3.6.2; null when
     * there is neither (tests that need it skip, saying so). 3.7.1 is the first whose OGCAPI driver reads vector tiles
     * as Debian builds it (GDAL pull request 7993).
     */
    public static String recent(String tool) {
        if (version(tool) >= 30701) {
            return tool;
        }
        return version(PRIVATE_GDAL + tool) >= 30701 ? PRIVATE_GDAL + tool : null;
    }

    /** A tool's GDAL version as 10000 × major + 100 × minor + patch; 0 where it runs but says none, -1 where it does not run. */
    static int version(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return -1;
            }
            Matcher m = VERSION.matcher(out);
            return m.find()
                    ? Integer.parseInt(m.group(1)) * 10000
                            + Integer.parseInt(m.group(2)) * 100
                            + Integer.parseInt(m.group(3))
                    : 0;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A feature's top-level geometry in {@code ogrinfo -geom=SUMMARY} ("  MULTIPOLYGON : 2 geometries:"). */
    static final Pattern GEOMETRY = Pattern.compile("(?m)^  ([A-Z]+) :");

    /** The top-level geometry type of every feature {@code ogrinfo -geom=SUMMARY} printed, in order ("POINT", "MULTIPOLYGON"…). */
    public static List<String> geometries(String ogrinfo) {
        List<String> types = new ArrayList<>();
        Matcher m = GEOMETRY.matcher(ogrinfo);
        while (m.find()) {
            types.add(m.group(1));
        }
        return types;
    }

    /** Runs {@code ogrinfo} with the arguments; a non-zero exit or a timeout fails the test. */
    public static String ogrinfo(String... args) {
        return run("ogrinfo", args);
    }

    /** Runs a GDAL tool ({@code ogrinfo}, {@code ogr2ogr}) with the arguments. */
    public static String run(String tool, String... args) {
        List<String> cmd = new ArrayList<>(List.of(tool, "--config", "GDAL_HTTP_TIMEOUT", "30"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(tool + " timed out: " + cmd);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(tool + " failed (" + p.exitValue() + "): " + cmd + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("ogrinfo is not installed: run scripts/setup-tools (scripts/test does)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
