package org.conflictmap.geocoding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The geocoder.
 *
 * @param maxTextBytes        the largest text {@code POST /api/geocode/text} takes (default 1 MiB; more is a 413)
 * @param evidencePopulation  a town or city is found in running text on its name alone only from this
 *                            population up (default 20000); smaller ones need a cue word or a mention of
 *                            their province in the same text
 * @param cityDefault         a bare name shared by a province and its capital means the city when the city
 *                            has at least this population (default 100000: Kabul, Kandahar), else the province
 */
@ConfigurationProperties("conflictmap.geocoding")
record GeocodingProperties(
        @DefaultValue("1048576") int maxTextBytes,
        @DefaultValue("20000") long evidencePopulation,
        @DefaultValue("100000") long cityDefault) {
    GeocodingProperties {
        if (maxTextBytes < 1024 || evidencePopulation < 0 || cityDefault < 0) {
            throw new IllegalArgumentException("conflictmap.geocoding: max-text-bytes >= 1024, populations >= 0");
        }
    }
}
