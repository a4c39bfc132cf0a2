package org.conflictmap.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.geo.Geodesy;
import org.locationtech.jts.geom.Geometry;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the project's geodata files ({@code geodata/sources/*.geojson}, copied from the shared
 * openly-licensed sources, and {@code geodata/gazetteer-aliases.json}) into {@link Place}s. What
 * comes out depends on the bytes of these files alone, so {@link #contentHash()} decides whether a
 * store needs re-loading.
 */
final class GeodataFiles {
    /** Bump when the mapping below changes, so stores re-load even though no file changed. */
    static final int MAPPING_VERSION = 2;
    /** The Durand Line's commonly published length, shown beside the computed one. */
    static final double DURAND_PUBLISHED_KM = 2611;

    static final String COUNTRIES = "sources/countries_ne10m.geojson";
    static final String PROVINCES = "sources/admin1_afg_pak_ne10m_post2018.geojson";
    static final String DURAND = "sources/durand_line_ne10m.geojson";
    static final String CROSSINGS = "sources/crossings_curated.geojson";
    static final String GEONAMES = "sources/places_geonames_afg_pak.geojson";
    static final String NE_PLACES = "sources/places_ne10m_afg_pak.geojson";
    static final String KEY_PLACES = "sources/key_places_afg_pak.geojson";
    static final String BOUNDARIES = "sources/boundary_lines_ne10m.geojson";
    static final String RIVERS = "sources/rivers_ne10m.geojson";
    static final String LAKES = "sources/lakes_ne10m.geojson";
    static final String DISTRICTS = "sources/admin2_afg_pak.geojson";
    static final String MORE_CROSSINGS = "sources/crossings_afg_pak_more.geojson";
    static final String ALIASES = "gazetteer-aliases.json";
    /** Dari names the sources lack, transliterated from GeoNames' Urdu spellings, each marked so (see the file). */
    static final String FA_TRANSLITERATED = "names-fa-transliterated.json";

    static final List<String> ALL = List.of(
            COUNTRIES,
            PROVINCES,
            DURAND,
            CROSSINGS,
            GEONAMES,
            NE_PLACES,
            KEY_PLACES,
            BOUNDARIES,
            RIVERS,
            LAKES,
            DISTRICTS,
            MORE_CROSSINGS,
            ALIASES,
            FA_TRANSLITERATED);

    private static final Map<String, String> ISO2 = Map.of(
            "AFG", "AF", "PAK", "PK", "IRN", "IR", "TKM", "TM", "UZB", "UZ", "TJK", "TJ", "CHN", "CN", "IND", "IN",
            "KGZ", "KG", "OMN", "OM");

    private final ResourceLoader resources;
    private final String location;
    private final ObjectMapper json;
    private final Map<String, byte[]> bytes = new LinkedHashMap<>();

    GeodataFiles(ResourceLoader resources, String location, ObjectMapper json) {
        this.resources = resources;
        this.location = location;
        this.json = json;
    }

    private byte[] bytes(String file) {
        return bytes.computeIfAbsent(file, f -> {
            Resource r = resources.getResource(location + f);
            try (InputStream in = r.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("geodata file missing or unreadable: " + location + f, e);
            }
        });
    }

    private JsonNode read(String file) {
        return json.readTree(bytes(file));
    }

    /** SHA-256 over every file and the mapping version. */
    String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("mapping-" + MAPPING_VERSION).getBytes());
            for (String f : ALL) {
                sha.update(f.getBytes());
                sha.update(bytes(f));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Place> places() {
        Map<String, Place> out = new LinkedHashMap<>();
        countries(out);
        provinces(out);
        durandLine(out);
        crossings(out);
        moreCrossings(out);
        districts(out);
        populatedPlaces(out);
        lines(out, BOUNDARIES, "boundary");
        lines(out, RIVERS, "river");
        lakes(out);
        withAliases(out);
        withTransliterations(out);
        return List.copyOf(out.values());
    }

    private static void put(Map<String, Place> out, Place p) {
        if (out.putIfAbsent(p.id(), p) != null) {
            throw new IllegalStateException("two gazetteer entries share the id " + p.id());
        }
    }

    private void countries(Map<String, Place> out) {
        for (JsonNode f : read(COUNTRIES).get("features")) {
            JsonNode p = f.get("properties");
            String a3 = text(p, "iso_a3");
            String name = text(p, "name");
            String id = "country-" + (a3 != null ? a3.toLowerCase() : Names.slug(name));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("iso_a3", a3);
            props.put("role", text(p, "role"));
            int rank = "focus".equals(text(p, "role")) ? 1 : 2;
            put(
                    out,
                    new Place(
                            id,
                            name,
                            "country",
                            a3 == null ? null : ISO2.get(a3),
                            null,
                            List.of(),
                            null,
                            rank,
                            clean(props),
                            COUNTRIES,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
    }

    private void provinces(Map<String, Place> out) {
        for (JsonNode f : read(PROVINCES).get("features")) {
            JsonNode p = f.get("properties");
            String country = "AFG".equals(text(p, "adm0_a3")) ? "AF" : "PK";
            String name = text(p, "name");
            String id = country.toLowerCase() + "-province-" + Names.slug(name);
            List<String> alts = new ArrayList<>();
            String ne = text(p, "name_ne");
            if (ne != null && !ne.equals(name) && !ne.contains("+")) {
                alts.add(ne);
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("adm1_code", text(p, "adm1_code"));
            props.put("note", text(p, "note"));
            put(
                    out,
                    new Place(
                            id,
                            name,
                            "province",
                            country,
                            text(p, "iso_3166_2"),
                            alts,
                            null,
                            3,
                            clean(props),
                            PROVINCES,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
    }

    private void durandLine(Map<String, Place> out) {
        JsonNode f = read(DURAND).get("features").get(0);
        Geometry line = GeoJson.readTrusted(f.get("geometry"));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("description", text(f.get("properties"), "description"));
        props.put("length_km", Math.round(Geodesy.lengthKm(line) * 10) / 10.0);
        props.put(
                "length_note",
                "geodesic length of the 1:10m Natural Earth line, which generalises away the"
                        + " border's small bends; not the official figure");
        props.put("published_length_km", DURAND_PUBLISHED_KM);
        props.put("recognised_by_afghanistan", false);
        put(
                out,
                new Place(
                        "border-durand-line",
                        "Durand Line",
                        "border",
                        null,
                        null,
                        List.of(),
                        null,
                        1,
                        props,
                        DURAND,
                        line));
    }

    private void crossings(Map<String, Place> out) {
        for (JsonNode f : read(CROSSINGS).get("features")) {
            JsonNode p = f.get("properties");
            String name = text(p, "name");
            List<String> alts = new ArrayList<>();
            String altText = text(p, "alt_names");
            if (altText != null) {
                for (String a : altText.split(";")) {
                    if (!a.isBlank()) {
                        alts.add(a.strip());
                    }
                }
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("admin", text(p, "admin"));
            props.put("coordinate_source", text(p, "coordinate_source"));
            props.put("countries", List.of("AF", "PK")); // a crossing belongs to both sides
            put(
                    out,
                    new Place(
                            "crossing-" + Names.slug(name.replace("–", " ")),
                            name,
                            "crossing",
                            null,
                            null,
                            alts,
                            null,
                            2,
                            clean(props),
                            CROSSINGS,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
    }

    /** The crossings the curated file lacks (the others it repeats with the same coordinates). */
    private void moreCrossings(Map<String, Place> out) {
        for (JsonNode f : read(MORE_CROSSINGS).get("features")) {
            JsonNode p = f.get("properties");
            String id = "crossing-" + Names.slug(text(p, "id"));
            if (out.containsKey(id)) {
                continue;
            }
            List<String> alts = new ArrayList<>();
            p.path("alt_names").forEach(a -> alts.add(a.asString()));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("coordinate_source", text(p, "coord_source_url"));
            props.put("caveat", text(p, "caveat"));
            props.put("countries", List.of("AF", "PK"));
            put(
                    out,
                    new Place(
                            id,
                            text(p, "name"),
                            "crossing",
                            null,
                            null,
                            alts,
                            null,
                            2,
                            clean(props),
                            MORE_CROSSINGS,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
    }

    /**
     * Districts (ADM2): Afghanistan's 398 (geoBoundaries, ESOC/AIMS) and Pakistan's 160 (OCHA COD-AB).
     * Seven Afghan district names repeat across provinces, so the id carries the source's own id.
     */
    private void districts(Map<String, Place> out) {
        for (JsonNode f : read(DISTRICTS).get("features")) {
            JsonNode p = f.get("properties");
            List<String> alts = new ArrayList<>();
            p.path("name_variants").forEach(a -> alts.add(a.asString()));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("source_id", text(p, "id"));
            props.put("admin1_name", text(p, "admin1_name"));
            props.put(
                    "area_km2",
                    p.path("area_km2").isNumber() ? p.get("area_km2").asDouble() : null);
            props.put("disputed_area", p.path("disputed_area").asBoolean(false));
            props.put("licence", text(p, "licence"));
            put(
                    out,
                    new Place(
                            "district-" + Names.slug(text(p, "id")),
                            text(p, "name"),
                            "district",
                            text(p, "country_iso2"),
                            text(p, "admin1_iso_3166_2"),
                            alts,
                            null,
                            6,
                            clean(props),
                            DISTRICTS,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
    }

    private void populatedPlaces(Map<String, Place> out) {
        // Natural Earth and the key-places list enrich GeoNames records with the same geonameid.
        Map<Long, JsonNode> ne = new HashMap<>();
        List<JsonNode> neOnly = new ArrayList<>();
        Set<Long> geonameIds = new HashSet<>();
        for (JsonNode f : read(GEONAMES).get("features")) {
            geonameIds.add(f.get("properties").get("geonameid").asLong());
        }
        for (JsonNode f : read(NE_PLACES).get("features")) {
            JsonNode id = f.get("properties").get("geonameid");
            if (id != null && !id.isNull() && geonameIds.contains(id.asLong())) {
                ne.put(id.asLong(), f);
            } else {
                neOnly.add(f);
            }
        }
        Map<Long, JsonNode> key = new HashMap<>();
        for (JsonNode f : read(KEY_PLACES).get("features")) {
            key.put(f.get("properties").get("geonameid").asLong(), f);
        }
        for (JsonNode f : read(GEONAMES).get("features")) {
            JsonNode p = f.get("properties");
            long gid = p.get("geonameid").asLong();
            LinkedHashSet<String> alts = new LinkedHashSet<>();
            add(alts, text(p, "asciiname"));
            for (JsonNode a : p.path("alternatenames")) {
                String s = a.asString();
                if (!s.matches("[A-Z]{3,4}")) { // airport and other codes, e.g. KBL
                    alts.add(s);
                }
            }
            Integer rank = null;
            JsonNode nef = ne.get(gid);
            if (nef != null) {
                JsonNode np = nef.get("properties");
                for (String k : List.of(
                        "name",
                        "namealt",
                        "nameascii",
                        "name_en",
                        "name_de",
                        "name_es",
                        "name_fr",
                        "name_pt",
                        "name_ru",
                        "name_zh")) {
                    add(alts, text(np, k));
                }
                rank = Math.max(1, Math.min(10, np.path("scalerank").asInt(8) + 1));
            }
            JsonNode kf = key.get(gid);
            if (kf != null) {
                add(alts, text(kf.get("properties"), "label"));
                for (JsonNode a : kf.get("properties").path("alternatenames")) {
                    alts.add(a.asString());
                }
            }
            String name = kf != null && text(kf.get("properties"), "label") != null
                    ? text(kf.get("properties"), "label")
                    : text(p, "name");
            alts.remove(name);
            long pop = p.path("population").asLong(0);
            String code = text(p, "feature_code");
            boolean city = "PPLC".equals(code) || "PPLA".equals(code) || pop >= 100_000;
            if (rank == null) {
                rank = pop >= 1_000_000 ? 3 : pop >= 100_000 ? 5 : pop >= 20_000 ? 7 : pop >= 5_000 ? 8 : 9;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("geonameid", gid);
            props.put("feature_code", code);
            props.put("admin1_name", text(p, "adm1_name"));
            props.put("in_former_fata", p.path("in_former_fata").asBoolean(false));
            put(
                    out,
                    new Place(
                            "geonames-" + gid,
                            name,
                            city ? "city" : "town",
                            text(p, "country_code"),
                            text(p, "adm1_iso_3166_2"),
                            List.copyOf(alts),
                            pop > 0 ? pop : null,
                            rank,
                            clean(props),
                            GEONAMES,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
        for (JsonNode f : neOnly) {
            JsonNode p = f.get("properties");
            String name = text(p, "name");
            LinkedHashSet<String> alts = new LinkedHashSet<>();
            for (String k : List.of(
                    "namealt",
                    "nameascii",
                    "name_en",
                    "name_de",
                    "name_es",
                    "name_fr",
                    "name_pt",
                    "name_ru",
                    "name_zh")) {
                add(alts, text(p, k));
            }
            alts.remove(name);
            long pop = p.path("pop_max").asLong(0);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("admin1_name", text(p, "adm1_name"));
            props.put("featurecla", text(p, "featurecla"));
            props.put("wikidataid", text(p, "wikidataid"));
            String country = "AFG".equals(text(p, "adm0_a3")) ? "AF" : "PK";
            put(
                    out,
                    new Place(
                            "ne-" + Names.slug(name),
                            name,
                            pop >= 100_000 || p.path("adm1cap").asInt(0) == 1 ? "city" : "town",
                            country,
                            text(p, "adm1_iso_3166_2"),
                            List.copyOf(alts),
                            pop > 0 ? pop : null,
                            Math.max(1, Math.min(10, p.path("scalerank").asInt(8) + 1)),
                            clean(props),
                            NE_PLACES,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
    }

    private void lines(Map<String, Place> out, String file, String kind) {
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode f : read(file).get("features")) {
            JsonNode p = f.get("properties");
            String name = text(p, "name");
            String label;
            String country = null;
            if ("boundary".equals(kind)) {
                if ("AFG".equals(text(p, "adm0_a3_l")) && "PAK".equals(text(p, "adm0_a3_r"))) {
                    continue; // the Durand Line has its own entry
                }
                label = name != null ? name : text(p, "adm0_left") + "–" + text(p, "adm0_right") + " boundary";
            } else {
                if (name == null || "River".equals(name)) {
                    continue;
                }
                label = name;
            }
            String base = kind + "-" + Names.slug(label.replace("–", " "));
            int n = seen.merge(base, 1, Integer::sum);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("featurecla", text(p, "featurecla"));
            props.put(
                    "min_zoom",
                    p.path("min_zoom").isNumber() ? p.get("min_zoom").asDouble() : null);
            props.put(
                    "length_km",
                    p.path("length_km_geodesic_wgs84").isNumber()
                            ? p.get("length_km_geodesic_wgs84").asDouble()
                            : null);
            put(
                    out,
                    new Place(
                            n == 1 ? base : base + "-" + n,
                            label,
                            kind,
                            country,
                            null,
                            List.of(),
                            null,
                            Math.max(1, Math.min(10, (int) p.path("scalerank").asDouble(6) + 1)),
                            clean(props),
                            file,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
    }

    private void lakes(Map<String, Place> out) {
        int n = 0;
        for (JsonNode f : read(LAKES).get("features")) {
            n++;
            JsonNode p = f.get("properties");
            String name = text(p, "name");
            Map<String, Object> props = new LinkedHashMap<>();
            props.put(
                    "min_zoom",
                    p.path("min_zoom").isNumber() ? p.get("min_zoom").asDouble() : null);
            props.put("named", name != null);
            put(
                    out,
                    new Place(
                            "lake-" + (name != null ? Names.slug(name) : "unnamed-" + n),
                            name != null ? name : "Lake",
                            "lake",
                            null,
                            null,
                            List.of(),
                            null,
                            Math.max(1, Math.min(10, p.path("scalerank").asInt(6) + 1)),
                            clean(props),
                            LAKES,
                            GeoJson.readTrusted(f.get("geometry"))));
        }
    }

    private void withAliases(Map<String, Place> places) {
        perPlace(ALIASES, places, (p, names) -> {
            LinkedHashSet<String> alts = new LinkedHashSet<>(p.altNames());
            for (JsonNode a : names) {
                alts.add(a.asString());
            }
            alts.remove(p.name());
            return with(p, List.copyOf(alts), p.properties());
        });
    }

    /**
     * The Dari names of {@link #FA_TRANSLITERATED}, as the place's properties {@link LocalNames#FA_TRANSLITERATED}
     * (the Persian-letter spelling) and {@link LocalNames#FA_TRANSLITERATED_FROM} (the Urdu it was made from): marked
     * as transliterations wherever the place is served, and taken for Dari only where no source gives a name.
     */
    private void withTransliterations(Map<String, Place> places) {
        perPlace(FA_TRANSLITERATED, places, (p, names) -> {
            Map<String, Object> props = new LinkedHashMap<>(p.properties());
            props.put(LocalNames.FA_TRANSLITERATED, text(names, "fa"));
            props.put(LocalNames.FA_TRANSLITERATED_FROM, text(names, "ur"));
            return with(p, p.altNames(), props);
        });
    }

    /** Applies each entry of a project file keyed by place id ({@code _}-keys are comments) to its place. */
    private void perPlace(String file, Map<String, Place> places, BiFunction<Place, JsonNode, Place> apply) {
        for (var e : read(file).properties()) {
            if (e.getKey().startsWith("_")) {
                continue;
            }
            Place p = places.get(e.getKey());
            if (p == null) {
                throw new IllegalStateException(file + " names an unknown place id: " + e.getKey());
            }
            places.put(p.id(), apply.apply(p, e.getValue()));
        }
    }

    /** {@code p} with these alternate names and properties. */
    private static Place with(Place p, List<String> altNames, Map<String, Object> properties) {
        return new Place(
                p.id(),
                p.name(),
                p.kind(),
                p.country(),
                p.admin1(),
                altNames,
                p.population(),
                p.labelRank(),
                properties,
                p.source(),
                p.geometry());
    }

    private static void add(Set<String> set, String s) {
        if (s != null && !s.isBlank()) {
            set.add(s.strip());
        }
    }

    /**
     * A property as text, its white space collapsed: three district names in the boundary file carry stray white
     * space ("Zanda  Jan\n", "Shekh  Ali", "Warduj\n"), which readers would see and a CSV writer would break on.
     */
    private static String text(JsonNode p, String key) {
        JsonNode v = p == null ? null : p.get(key);
        return v == null || v.isNull() ? null : v.asString().strip().replaceAll("\\s+", " ");
    }

    private static Map<String, Object> clean(Map<String, Object> m) {
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
