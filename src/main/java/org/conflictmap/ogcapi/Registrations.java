package org.conflictmap.ogcapi;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.incidents.IncidentType;
import org.conflictmap.incidents.Queryables;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.GeometryType;
import org.conflictmap.layers.Label;
import org.conflictmap.layers.Marks;
import org.conflictmap.layers.Paint;
import org.conflictmap.layers.Queryable;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.TileStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The server's collections, one registration each (their order is the order of {@code /ogc/collections}
 * and of the layers in a vector tile; their tile styles' paints are the raster basemap, drawn in the
 * paints' order: land 10, lakes 20, rivers 30, districts 40, provinces 50, country outlines 60, then
 * the Durand Line 70 and the crossings 80, which the {@code base} style leaves to the web map). The incidents first: the editable collection of every geometry
 * type, then the same incidents one geometry type each, read-only, for GDAL and QGIS, which type a layer
 * from its first page; then the gazetteer's layers, each of one type ({@code places} serves every place
 * as one point, the full geometries are in the collection of the place's kind).
 */
@Configuration(proxyBeanMethods = false)
class Registrations {
    /** What an incidents collection can be filtered by: the {@link Queryables}. */
    static final List<Queryable> INCIDENT_QUERYABLES = Queryables.ALL.stream()
            .map(a -> new Queryable(
                    a.name(),
                    a.type() == Integer.class
                            ? "integer"
                            : a.type() == Boolean.class
                                    ? "boolean"
                                    : a.type() == Instant.class ? "date-time" : "string",
                    a.description(),
                    a.values()))
            .toList();
    /** The columns every flat export of incidents carries: the queryables (after ACLED's own). */
    static final List<String> INCIDENT_EXPORT_FIELDS =
            Queryables.ALL.stream().map(Queryables.Attribute::name).toList();

    static final List<String> PLACE_TILE_ATTRIBUTES =
            List.of("id", "name", "name:en", "name:ps", "name:fa", "name:ur", "kind", "country", "population");
    static final String INCIDENTS_ABOUT = "Incidents of the Afghanistan–Pakistan border conflict. ";
    static final String CLAIMS_ABOUT =
            "Every claim is kept whole in 'claims' with its claimant, party, side, figures and sources; "
                    + "killed_min/killed_max only summarise them.";
    /** A gazetteer collection's CSV columns: it downloads as GeoJSON, CSV and GeoPackage (the export's {@code LayerDownloads}). */
    static final List<String> PLACE_DOWNLOADS =
            List.of("id", "name", "kind", "country", "admin1", "population", "alt_names", "longitude", "latitude");

    static final String GAZETTEER =
            " from the gazetteer (Natural Earth, GeoNames, geoBoundaries; crossings curated), all as ";
    /** The Durand Line's colour in the raster, and the crossings' names. */
    static final String BORDER = "#8b2e16";
    /**
     * The raster labels' priorities: who keeps the room where two names would collide (lower first). Spaced, so
     * that a new layer's names (a district's, from a high zoom) go between them.
     */
    static final int CAPITALS = 10, PROVINCES = 20, CROSSINGS = 30, CITIES = 40;

    /** Lakes and rivers in the raster basemap. */
    static final String WATER = "#a9c6d8";

    /**
     * The incidents' marks by type, from the one vocabulary of types ({@link IncidentType}): the raster styles'
     * colours, {@code /map.png}'s legend and the page's legend, symbols and type filters.
     */
    @Bean
    Marks incidentMarks() {
        return new Marks(
                "type",
                Arrays.stream(IncidentType.values())
                        .map(t -> new Marks.Mark(t.id(), t.label(), t.colour(), t.shape()))
                        .toList());
    }

    @Bean
    @Order(10)
    Collection incidents() {
        return new Collection(
                "incidents",
                "Incidents with contested claims",
                INCIDENTS_ABOUT + "Geometry at its precision (a province-level report is the province area). "
                        + CLAIMS_ABOUT,
                GeometryType.ANY,
                Source.Incidents.all(),
                INCIDENT_QUERYABLES,
                TileStyle.incidents(),
                INCIDENT_EXPORT_FIELDS,
                true);
    }

    @Bean
    @Order(11)
    Collection incidentsPoints() {
        return typedIncidents(
                "incidents-points",
                "Incidents located at a point",
                GeometryType.POINT,
                "Those of 'incidents' located at a point (an exact or near place), read-only, all as point. ");
    }

    @Bean
    @Order(12)
    Collection incidentsLines() {
        return typedIncidents(
                "incidents-lines",
                "Incidents along a line",
                GeometryType.MULTILINESTRING,
                "Those of 'incidents' located along a line (the border line itself, named without provinces), read-only, "
                        + "all as multilinestring. ");
    }

    @Bean
    @Order(13)
    Collection incidentsAreas() {
        return typedIncidents(
                "incidents-areas",
                "Incidents located in an area",
                GeometryType.MULTIPOLYGON,
                "Those of 'incidents' located in an area (a district, a province, a border segment's 5 km band, a country), "
                        + "read-only, all as multipolygon. ");
    }

    private static Collection typedIncidents(String id, String title, GeometryType type, String about) {
        return new Collection(
                id,
                title,
                INCIDENTS_ABOUT + about + CLAIMS_ABOUT,
                type,
                Source.Incidents.ofDimension(type.dimension()),
                INCIDENT_QUERYABLES,
                null,
                INCIDENT_EXPORT_FIELDS,
                false);
    }

    @Bean
    @Order(20)
    Collection places() {
        return new Collection(
                "places",
                "Gazetteer places (one point each)",
                "Every gazetteer entry as one point: countries, provinces, "
                        + "districts, the Durand Line, border crossings, cities and towns, rivers and lakes (Natural Earth, GeoNames, "
                        + "geoBoundaries). An area's or a line's point lies on it; its full geometry is in the collection of its kind "
                        + "(provinces, districts, rivers, …).",
                GeometryType.POINT,
                new Source.Places(Place.KINDS),
                List.of(), // no CQL2 filter on the gazetteer: no queryables
                // the tiles' places layer: what the provinces, districts and border layers do not draw
                new TileStyle(
                                0,
                                Place.KINDS.stream()
                                        .filter(k -> !Set.of("province", "district", "border", "boundary")
                                                .contains(k))
                                        .collect(Collectors.toSet()),
                                true,
                                PLACE_TILE_ATTRIBUTES)
                        .painted(
                                // the raster basemap's land (Afghanistan and Pakistan, the map's focus, lighter),
                                // water,
                                // country outlines over the provinces' dashes, and the crossings
                                Paint.fill(10, "country", "#e6e3dc").focus("#f4f1ea", "AF", "PK"),
                                Paint.fill(20, "lake", WATER),
                                Paint.line(30, "river", WATER, 1f).from(5).wider(8, 1.6f),
                                Paint.line(60, "country", "#9aa3a9", 1f),
                                Paint.diamond(80, "crossing").from(6).asReference())
                        .labelled(
                                // a capital at every zoom from 4 (Islamabad, 1.1 million, before Rawalpindi's 2
                                // million at z5), the crossings from 8 in the border's colour, the cities and towns
                                // from the zoom their population earns; the provinces' names are theirs
                                Label.names(CAPITALS, "city", "town")
                                        .where("feature_code", "PPLC")
                                        .from(4)
                                        .dotted(),
                                Label.names(CROSSINGS, "crossing")
                                        .phrase("crossing")
                                        .from(8)
                                        .letters(BORDER, 11, Label.Weight.BOLD)
                                        .right(9),
                                Label.names(CITIES, "city", "town")
                                        .populous(4, 1_500_000)
                                        .populous(6, 300_000)
                                        .populous(8, 50_000)
                                        .populous(10, 5_000)
                                        .dotted()),
                List.of(),
                false);
    }

    @Bean
    @Order(21)
    Collection countries() {
        return gazetteer("countries", "country", GeometryType.MULTIPOLYGON, "Countries of the region", null);
    }

    @Bean
    @Order(22)
    Collection provinces() {
        return gazetteer(
                "provinces",
                "province",
                GeometryType.MULTIPOLYGON,
                "Provinces of Afghanistan and Pakistan",
                new TileStyle(0, null, false, PLACE_TILE_ATTRIBUTES)
                        .painted(Paint.line(50, null, "#b5b0a5", 0.8f)
                                .dashed(3f, 3f)
                                .from(4))
                        .labelled(Label.names(PROVINCES)
                                .from(6)
                                .letters("#59636b", 11, Label.Weight.ITALIC)
                                .right(0)));
    }

    /**
     * Districts are in the vector tiles and the raster basemap from zoom 7: there a district (Afghanistan's 398:
     * 20–80 km across) is 15–60 px wide, below it their 558 outlines are a grey mesh that hides the provinces.
     * In the raster, faint and thin (fainter than the provinces' lines on the land), under the provinces'
     * dashes: enough to tell which district an incident is in.
     */
    @Bean
    @Order(23)
    Collection districts() {
        return gazetteer(
                "districts",
                "district",
                GeometryType.MULTIPOLYGON,
                "Districts of Afghanistan and Pakistan",
                new TileStyle(
                                7,
                                null,
                                false,
                                List.of(
                                        "id",
                                        "name",
                                        "name:en",
                                        "name:ps",
                                        "name:fa",
                                        "name:ur",
                                        "kind",
                                        "country",
                                        "province"))
                        .painted(Paint.line(40, null, "#d6d1c6", 0.5f)));
    }

    @Bean
    @Order(24)
    Collection crossings() {
        return gazetteer("crossings", "crossing", GeometryType.POINT, "Border crossings", null);
    }

    @Bean
    @Order(25)
    Collection border() {
        // in the raster a contested border: dashed, in the colour of the static maps' legend (tiles.Painter.BORDER)
        return gazetteer(
                "border",
                "border",
                GeometryType.MULTILINESTRING,
                "The Durand Line",
                new TileStyle(0, null, false, PLACE_TILE_ATTRIBUTES)
                        .painted(Paint.line(70, null, BORDER, 2.2f)
                                .wider(7, 3f)
                                .dashed(8f, 5f)
                                .asReference()));
    }

    @Bean
    @Order(26)
    Collection rivers() {
        return gazetteer("rivers", "river", GeometryType.MULTILINESTRING, "Rivers", null);
    }

    @Bean
    @Order(27)
    Collection lakes() {
        return gazetteer("lakes", "lake", GeometryType.MULTIPOLYGON, "Lakes and reservoirs", null);
    }

    private static Collection gazetteer(String id, String kind, GeometryType type, String title, TileStyle tiles) {
        return new Collection(
                id,
                title,
                title + GAZETTEER + type.ogcName() + ".",
                type,
                new Source.Places(Set.of(kind)),
                List.of(), // no CQL2 filter on the gazetteer: no queryables
                tiles,
                PLACE_DOWNLOADS,
                false);
    }
}
