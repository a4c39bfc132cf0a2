package org.conflictmap.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The gazetteer and the places API, the same assertions on both stores. */
class PlacesContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        Gazetteer gazetteer;

        @Autowired
        PlaceRepository repository;

        @Autowired
        TransactionTemplate tx;

        @Autowired
        ObjectMapper json;

        Http http() {
            return new Http(port);
        }

        @Test
        void torkhamIsThePublishedCrossingPoint() {
            Http.Response r = http().get("/api/places?q=Torkham");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("application/geo+json");
            JsonNode first = r.json().get("features").get(0);
            assertThat(first.get("properties").get("kind").asString()).isEqualTo("crossing");
            JsonNode xy = first.get("geometry").get("coordinates");
            assertThat(xy.get(0).asDouble()).isCloseTo(71.0847, org.assertj.core.data.Offset.offset(0.0005));
            assertThat(xy.get(1).asDouble()).isCloseTo(34.1147, org.assertj.core.data.Offset.offset(0.0005));
        }

        @Test
        void noPlaceNameCarriesStrayWhiteSpace() {
            assertThat(gazetteer.all())
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.name())
                            .as(p.id())
                            .isEqualTo(p.name().strip().replaceAll("\\s+", " ")));
            assertThat(gazetteer.all()).anySatisfy(p -> assertThat(p.name()).isEqualTo("Zanda Jan"));
        }

        @Test
        void thirtyFourAfghanProvincesWithPaktiaAndPaktikaApart() {
            JsonNode fc =
                    http().get("/api/places?kind=province&country=AF&limit=100").json();
            List<String> names = new ArrayList<>();
            fc.get("features")
                    .forEach(f -> names.add(f.get("properties").get("name").asString()));
            assertThat(names).hasSize(34).contains("Daykundi", "Panjshir", "Paktia", "Paktika", "Khost", "Kunar");
            JsonNode paktia = http().get("/api/places/af-province-paktia").json();
            JsonNode paktika = http().get("/api/places/af-province-paktika").json();
            assertThat(paktia.get("properties").get("admin1").asString()).isEqualTo("AF-PIA");
            assertThat(paktika.get("properties").get("admin1").asString()).isEqualTo("AF-PKA");
            assertThat(paktia.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
        }

        @Test
        void pakistanHasItsCurrentProvincesWithoutFata() {
            JsonNode fc = http().get("/api/places?kind=province&country=PK").json();
            List<String> names = new ArrayList<>();
            fc.get("features")
                    .forEach(f -> names.add(f.get("properties").get("name").asString()));
            assertThat(names)
                    .contains("Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh")
                    .noneMatch(n -> n.contains("F.A.T.A") || n.contains("Federally"));
        }

        @Test
        void durandLineCarriesComputedAndPublishedLength() {
            JsonNode p = http().get("/api/places/border-durand-line").json().get("properties");
            assertThat(p.get("kind").asString()).isEqualTo("border");
            assertThat(p.get("length_km").asDouble()).isBetween(2240.0, 2250.0);
            assertThat(p.get("published_length_km").asDouble()).isEqualTo(2611.0);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Spin Boldak", "spīn bōldak", "SPIN-BOLDAK"})
        void searchIgnoresCaseAccentsAndDashes(String q) {
            JsonNode fc = http().get("/api/places?q=" + q.replace(" ", "%20")).json();
            List<String> ids = new ArrayList<>();
            fc.get("features").forEach(f -> ids.add(f.get("id").asString()));
            assertThat(ids).contains("geonames-1123906", "crossing-chaman-spin-boldak");
        }

        @Test
        void searchFindsAlternateNamesInOtherScripts() {
            JsonNode fc = http().get("/api/places?q="
                            + java.net.URLEncoder.encode("کابل", java.nio.charset.StandardCharsets.UTF_8))
                    .json();
            List<String> ids = new ArrayList<>();
            fc.get("features").forEach(f -> ids.add(f.get("id").asString()));
            assertThat(ids).contains("geonames-1138958");
        }

        @Test
        void placesAreNamedInEachReadersScriptWithTheirCountry() {
            JsonNode pashto = http().get("/api/places/names?lang=ps").json();
            assertThat(pashto.get("lang").asString()).isEqualTo("ps");
            java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
            pashto.get("places").forEach(p -> byId.put(p.get(0).asString(), p));
            assertThat(byId.get("geonames-1168197").get(2).asString())
                    .as("Peshawar in Pashto")
                    .isEqualTo("پېښور");
            assertThat(byId.get("geonames-1176615").get(3).asString())
                    .as("Islamabad's country")
                    .isEqualTo("PK");
            assertThat(byId.get("af-province-khost").get(2).asString()).isEqualTo("خوست");
            assertThat(byId.get("border-durand-line").get(2).asString())
                    .as("the border, in no country")
                    .isEqualTo("د ډیورنډ کرښه");
            assertThat(byId.get("border-durand-line").get(3).isNull()).isTrue();
            JsonNode dari = http().get("/api/places/names?lang=fa-AF").json();
            assertThat(dari.get("lang").asString()).isEqualTo("fa");
            JsonNode english = http().get("/api/places/names").json();
            assertThat(english.get("places").get(0).get(2).isNull())
                    .as("English: no second name")
                    .isTrue();
            Http.Response bad = http().get("/api/places/names?lang=de");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).isEqualTo("application/problem+json");
        }

        @Test
        void bboxLimitsToTheBox() {
            JsonNode fc = http().get("/api/places?kind=crossing&bbox=70.5,33.5,71.5,34.5")
                    .json();
            assertThat(fc.get("features")).hasSize(1);
            assertThat(fc.get("features").get(0).get("id").asString()).isEqualTo("crossing-torkham");
        }

        @Test
        void pagingWithLimitAndOffsetDoesNotRepeat() {
            JsonNode a =
                    http().get("/api/places?kind=province&limit=20&offset=0").json();
            JsonNode b =
                    http().get("/api/places?kind=province&limit=20&offset=20").json();
            List<String> ids = new ArrayList<>();
            a.get("features").forEach(f -> ids.add(f.get("id").asString()));
            b.get("features").forEach(f -> ids.add(f.get("id").asString()));
            assertThat(ids).hasSize(40).doesNotHaveDuplicates();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "bbox=1,2,3",
                    "bbox=10,10,5,5",
                    "bbox=0,-95,10,10",
                    "bbox=a,b,c,d",
                    "limit=-1",
                    "limit=abc",
                    "limit=1000000",
                    "offset=-5",
                    "kind=volcano",
                    "country=Afghanistan"
                })
        void badParametersAreProblems(String query) {
            Http.Response r = http().get("/api/places?" + query);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).isNotBlank();
        }

        @Test
        void unknownPlaceIs404Problem() {
            Http.Response r = http().get("/api/places/no-such-place");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }

        /**
         * Pakistani towns whose only Arabic-script name in GeoNames is Urdu are named in Dari by the project's marked
         * letter-by-letter transliteration (geodata/names-fa-transliterated.json), not in Latin letters; Urdu readers
         * keep the Urdu spelling, and a place a source names in Dari keeps that name.
         */
        @Test
        void pakistaniTownsWithOnlyAnUrduNameAreNamedInDariByAMarkedTransliteration() {
            java.util.Map<String, java.util.Map<String, String>> names = new java.util.HashMap<>();
            for (String lang : new String[] {"fa", "ur"}) {
                http().get("/api/places/names?lang=" + lang)
                        .json()
                        .get("places")
                        .forEach(p -> names.computeIfAbsent(lang, k -> new java.util.HashMap<>())
                                .put(
                                        p.get(0).asString(),
                                        p.get(2).isNull() ? null : p.get(2).asString()));
            }
            java.util.Map<String, String> expected = java.util.Map.of(
                    "geonames-1177662", "گوجرانواله", // Gujranwala
                    "geonames-1164909", "سیالکوت", // Sialkot
                    "geonames-1180289", "دیره غازی خان", // Dera Ghazi Khan
                    "geonames-1181096", "چنیوت"); // Chiniot
            expected.forEach((id, fa) -> {
                assertThat(names.get("fa").get(id)).as(id + " in Dari").isEqualTo(fa);
                assertThat(names.get("ur").get(id))
                        .as(id + " in Urdu: GeoNames' own spelling")
                        .isNotEqualTo(fa)
                        .matches(".*[ٹڈڑںےہھ].*");
                JsonNode props = http().get("/api/places/" + id).json().get("properties");
                assertThat(props.get("name_fa_transliterated").asString()).isEqualTo(fa);
                assertThat(props.get("name_fa_transliterated_from").asString())
                        .isEqualTo(names.get("ur").get(id));
            });
            assertThat(names.get("fa").get("geonames-1168197"))
                    .as("Peshawar keeps the Persian-letter name GeoNames gives")
                    .isEqualTo(LocalNames.of(gazetteer.get("geonames-1168197").orElseThrow(), "fa"))
                    .isNotNull();
            assertThat(gazetteer.get("geonames-1168197").orElseThrow().properties())
                    .doesNotContainKey("name_fa_transliterated");
            assertThat(names.get("fa").get("geonames-1183883"))
                    .as("Bahawalnagar: GeoNames' only Urdu name is Bahawalpur's, so none")
                    .isNull();
        }

        @Test
        void loadingTwiceChangesNothingAndAChangedFileReloads(@org.junit.jupiter.api.io.TempDir Path dir)
                throws Exception {
            int before = repository.count();
            assertThat(gazetteer.load(new GeodataFiles(new DefaultResourceLoader(), "classpath:geodata/", json), tx))
                    .isFalse();
            assertThat(repository.count()).isEqualTo(before);

            // a copy of geodata/ with one alias added is a changed file: it re-loads, and the alias is found
            Path src = Path.of("geodata");
            try (var files = Files.walk(src)) {
                for (Path p : files.toList()) {
                    Path to = dir.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            Path aliases = dir.resolve("gazetteer-aliases.json");
            Files.writeString(
                    aliases,
                    Files.readString(aliases).replace("\"Angur Adda\"", "\"Angur Adda\", \"Angoorada Testname\""));
            try {
                assertThat(gazetteer.load(new GeodataFiles(new DefaultResourceLoader(), "file:" + dir + "/", json), tx))
                        .isTrue();
                assertThat(repository.count()).isEqualTo(before);
                assertThat(http().get("/api/places?q=angoorada%20testname")
                                .json()
                                .get("features"))
                        .hasSize(1);
            } finally {
                gazetteer.load(new GeodataFiles(new DefaultResourceLoader(), "classpath:geodata/", json), tx);
            }
            assertThat(http().get("/api/places?q=angoorada%20testname").json().get("features"))
                    .isEmpty();
        }
    }
}
