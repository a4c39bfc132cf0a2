package org.conflictmap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs GDAL's command-line tools (installed by scripts/setup-tools) and returns what they printed. */
public final class Gdal {
    private Gdal() {
    }

    /** Whether GDAL's {@code ogrinfo} can be run here (tests that only read with GDAL skip without it, saying so). */
    public static boolean installed() {
        try {
            Process p = new ProcessBuilder("ogrinfo", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
