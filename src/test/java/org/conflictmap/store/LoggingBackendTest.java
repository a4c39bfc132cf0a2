package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.conflictmap.geo.Geodesy;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.slf4j.LoggerFactory;

/**
 * The GeoTools wrapper bundles an old, unrelocated SLF4J API; it is ordered last in the pom so that
 * Boot's SLF4J 2 and Logback win. This fails if that ever changes.
 */
class LoggingBackendTest {
    @Test
    void logbackIsTheSlf4jBackend() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(ch.qos.logback.classic.LoggerContext.class);
        String slf4jJar = LoggerFactory.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        assertThat(slf4jJar).contains("slf4j-api-2.").doesNotContain("geotools");
    }

    @Test
    void geoToolsStillWorksBesideIt() {
        // Kabul to Islamabad, about 375 km on the ellipsoid
        double m = Geodesy.distanceMetres(new Coordinate(69.17233, 34.52813), new Coordinate(73.04329, 33.72148));
        assertThat(m / 1000).isBetween(360.0, 390.0);
    }
}
