package org.conflictmap.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: types told apart by shape AND colour, colour-blind safe. Every pair of {@link IncidentType}s'
 * colours stays at least {@link #MIN_DE} apart (CIELAB ΔE*76) in normal vision and under simulated protanopia,
 * deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity 1, applied to linear RGB), and
 * every type has its own shape, so no two types differ by colour alone. Okabe and Ito's set's closest pair is
 * {@code cross_border_fire} and {@code other} under deuteranopia (ΔE 9.7); the raster palette it replaced had
 * {@code remote_explosive} and {@code shoot_down_claim} 3.7 apart there, which this simulation must catch.
 */
class ColourBlindSafetyTest {
    static final double MIN_DE = 8;

    /** Machado et al. 2009, severity 1.0: linear RGB to the simulated linear RGB, row-major. */
    static final Map<String, double[]> SIMULATIONS = new LinkedHashMap<>();

    static {
        SIMULATIONS.put("normal", new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        SIMULATIONS.put("protanopia", new double[] {
            0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998
        });
        SIMULATIONS.put("deuteranopia", new double[] {
            0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881
        });
        SIMULATIONS.put("tritanopia", new double[] {
            1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900
        });
    }

    @Test
    void everyPairOfTypeColoursStaysApartUnderEachColourVisionDeficiency() {
        IncidentType[] types = IncidentType.values();
        List<String> tooClose = new ArrayList<>();
        double worst = Double.MAX_VALUE;
        for (Map.Entry<String, double[]> sim : SIMULATIONS.entrySet()) {
            for (int a = 0; a < types.length; a++) {
                for (int b = a + 1; b < types.length; b++) {
                    double de = deltaE(
                            lab(simulate(types[a].colour(), sim.getValue())),
                            lab(simulate(types[b].colour(), sim.getValue())));
                    worst = Math.min(worst, de);
                    if (de < MIN_DE) {
                        tooClose.add(sim.getKey() + ": " + types[a].id() + "/" + types[b].id() + " " + de);
                    }
                }
            }
        }
        assertThat(tooClose).as("pairs closer than ΔE " + MIN_DE).isEmpty();
        assertThat(worst).as("the closest pair (Okabe-Ito: ~9.7)").isBetween(MIN_DE, 12.0);
    }

    @Test
    void everyTypeHasItsOwnShape() {
        Set<String> shapes = new HashSet<>();
        for (IncidentType t : IncidentType.values()) {
            assertThat(shapes.add(t.shape()))
                    .as(t.id() + "'s shape " + t.shape() + " is another's")
                    .isTrue();
        }
    }

    @Test
    void theSimulationCatchesTheReplacedRasterPalette() {
        // the raster marks' colours before issue 21's one palette: remote_explosive and shoot_down_claim
        double deutan = deltaE(
                lab(simulate("#7f8c8d", SIMULATIONS.get("deuteranopia"))),
                lab(simulate("#16a085", SIMULATIONS.get("deuteranopia"))));
        assertThat(deutan).isBetween(3.0, 4.5);
        double normal = deltaE(
                lab(simulate("#7f8c8d", SIMULATIONS.get("normal"))),
                lab(simulate("#16a085", SIMULATIONS.get("normal"))));
        assertThat(normal).as("told apart in normal vision").isGreaterThan(20);
    }

    @Test
    void theConversionMatchesKnownValues() {
        // sRGB white and black, and pure sRGB red (L 53.24, a 80.09, b 67.20)
        assertThat(lab(simulate("#ffffff", SIMULATIONS.get("normal")))[0])
                .isCloseTo(100, org.assertj.core.data.Offset.offset(0.05));
        assertThat(lab(simulate("#000000", SIMULATIONS.get("normal")))[0])
                .isCloseTo(0, org.assertj.core.data.Offset.offset(0.05));
        double[] red = lab(simulate("#ff0000", SIMULATIONS.get("normal")));
        assertThat(red[0]).isCloseTo(53.24, org.assertj.core.data.Offset.offset(0.1));
        assertThat(red[1]).isCloseTo(80.09, org.assertj.core.data.Offset.offset(0.2));
        assertThat(red[2]).isCloseTo(67.20, org.assertj.core.data.Offset.offset(0.2));
    }

    /** A {@code #rrggbb} colour as seen under the simulation: linear RGB, clamped to 0..1. */
    static double[] simulate(String hex, double[] m) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] lin = {linear(rgb >> 16 & 0xff), linear(rgb >> 8 & 0xff), linear(rgb & 0xff)};
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            double v = m[3 * r] * lin[0] + m[3 * r + 1] * lin[1] + m[3 * r + 2] * lin[2];
            out[r] = Math.min(1, Math.max(0, v));
        }
        return out;
    }

    private static double linear(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** CIELAB (D65) of a linear sRGB colour. */
    static double[] lab(double[] lin) {
        double x = 0.4124564 * lin[0] + 0.3575761 * lin[1] + 0.1804375 * lin[2];
        double y = 0.2126729 * lin[0] + 0.7151522 * lin[1] + 0.0721750 * lin[2];
        double z = 0.0193339 * lin[0] + 0.1191920 * lin[1] + 0.9503041 * lin[2];
        double fx = f(x / 0.95047);
        double fy = f(y / 1.0);
        double fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        double d = 6 / 29.0;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4 / 29.0;
    }

    static double deltaE(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }
}
