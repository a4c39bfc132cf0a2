package org.conflictmap.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.conflictmap.gazetteer.LocalNames;
import org.conflictmap.geo.Bbox;
import org.conflictmap.geo.Wkb;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Marks;
import org.conflictmap.layers.Paint;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.Tables;
import org.conflictmap.layers.TileStyle;
import org.conflictmap.store.DataVersion;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Renders raster (PNG) and vector (MVT) tiles and keeps them in a byte-bounded Caffeine cache whose
 * keys carry the data version: an edit makes every cached tile unreachable at once, so no tile is
 * ever served stale. Its vector layers are the collections of {@link Layers} that have a {@link TileStyle},
 * in their order, each named as its collection; the raster basemap is their styles' {@link Paint}s in the
 * paints' order, and each collection whose style marks incidents is a raster overlay of its own. An incidents
 * collection's MVT (its condition added to the filter) uses PostGIS's {@code ST_AsMVT} on PostGIS and the
 * mapbox-vector-tile-java encoder on the embedded store, as does a table's ({@code layers.Source.Table}, read by
 * {@link Tables}); gazetteer layers use the encoder on both.
 */
@Component
class TileRenderer {
    static final int SIZE = 256;
    /**
     * The raster styles besides the collections' overlays: {@code basemap} whole (the paints of the collections'
     * tile styles and the labels); {@code base} without the reference paints (Durand Line, crossings) and labels,
     * and {@code labels} (transparent) alone, which the web map layers separately so its switcher works;
     * {@code combined}, the basemap and every overlay, which takes the incident filters as the overlays do.
     */
    static final String BASEMAP = "basemap";

    static final String COMBINED = "combined";
    static final String BASE = "base";
    static final String LABELS = "labels";
    /** The raster styles that draw place labels, so differ by language ({@code ?lang=}). */
    static final Set<String> LABELLED_STYLES = Set.of(BASEMAP, COMBINED, LABELS);
    /** Every vector layer in one tile: OGC API – Tiles' dataset vector tileset ({@code /ogc/tiles/vector}). */
    static final String ALL_LAYERS = "vector";

    static final byte[] EMPTY = new byte[0];
    /**
     * The incidents layer's attributes at every zoom: what a graphic styles, filters and links by (the
     * claims summary the store keeps on every write, and the id that {@code /api/incidents/{id}} answers).
     */
    static final List<String> MVT_SUMMARY = List.of(
            "id",
            "type",
            "geo_precision",
            "start",
            "contested",
            "claims_count",
            "killed_min",
            "killed_max",
            "wounded_min",
            "wounded_max");
    /**
     * Added from {@link TilesProperties#detailMinZoom()} on: a text per incident each, which at region
     * zooms (44,000 incidents in one z5 tile of the benchmark) doubled what a tile costs to encode.
     */
    static final List<String> MVT_DETAIL = List.of("title", "time_precision", "end", "parties", "operation");

    static final List<String> MVT_ALL =
            Stream.concat(MVT_SUMMARY.stream(), MVT_DETAIL.stream()).toList();
    /** What a raster tile draws of each incident besides its geometry (attributes by name, as the MVT's). */
    static final List<String> MARK_ATTRIBUTES = List.of("type", "contested", "geo_precision");

    private final Basemap basemap;
    private final Labels labels;
    private final IncidentRepository incidents;
    private final Tables tables;
    private final DataVersion version;
    private final int detailMinZoom;
    private final Cache<String, byte[]> cache;
    private final Layers layers;
    /** The incidents' marks (their raster colours per type), registered with the layer model. */
    private final Marks marks;
    /** The basemap: every gazetteer collection's paints, in their order (equal orders in registration order). */
    private final List<Painted> paints;
    /** The collections whose incidents are a transparent raster style of their own, named as the collection. */
    private final Map<String, Source.Incidents> overlays = new LinkedHashMap<>();
    /** {@code basemap}, the overlays, {@code combined}, {@code base}, {@code labels}. */
    private final List<String> styles;
    /** The vector layers ({@link #layers()}), listed once: every tile request checks its name against them. */
    private final List<String> vectorLayers;

    /** A paint of a collection's tile style, with the kinds it paints and the first zoom it is painted at. */
    private record Painted(Paint paint, Set<String> kinds, int from) {}

    /** The incidents' marks the raster styles paint (and the static maps' legend lists). */
    Marks marks() {
        return marks;
    }

    TileRenderer(
            Basemap basemap,
            Labels labels,
            IncidentRepository incidents,
            DataVersion version,
            TilesProperties properties,
            Layers layers,
            Marks marks,
            Tables tables) {
        this.layers = layers;
        this.tables = tables;
        this.marks = marks;
        List<Painted> basemapPaints = new ArrayList<>();
        for (Collection c : layers.tiled()) {
            for (Paint p : c.tiles().raster()) {
                if (p.symbol() == Paint.Symbol.MARKS) {
                    overlays.put(c.id(), (Source.Incidents) c.source());
                } else {
                    basemapPaints.add(new Painted(
                            p,
                            p.kind() != null ? Set.of(p.kind()) : kinds(c),
                            c.tiles().minZoom(p)));
                }
            }
        }
        basemapPaints.sort(Comparator.comparingInt(p -> p.paint().order()));
        this.paints = List.copyOf(basemapPaints);
        List<String> all = new ArrayList<>(List.of(BASEMAP));
        all.addAll(overlays.keySet());
        all.addAll(List.of(COMBINED, BASE, LABELS));
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalStateException("a collection with raster marks is named as a raster style: " + all);
        }
        this.styles = List.copyOf(all);
        this.vectorLayers = layers.tiled().stream().map(Collection::id).toList();
        this.basemap = basemap;
        this.labels = labels;
        this.incidents = incidents;
        this.version = version;
        this.detailMinZoom = properties.detailMinZoom();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.cacheMaxBytes())
                .weigher((String k, byte[] v) -> k.length() * 2 + v.length + 64)
                .build();
    }

    /** A PNG tile of {@code style} with place labels in {@code lang} (a transparent one when there is nothing to draw). */
    byte[] raster(String style, TileRequest t, TileFilter filter, String lang) {
        return cached(key("png", style, t, filter, lang), () -> {
            int px = SIZE * t.ratio();
            Envelope window = Mercator.tile(t.z(), t.x(), t.y());
            return png(window, px, px, t.z(), t.ratio(), style, filter, lang);
        });
    }

    /**
     * An MVT tile of {@code layer} in the request's tile matrix set (a WorldCRS84Quad tile is drawn as the web map's
     * tile of its {@link TileGrid#styleZoom}); empty (length 0) when no feature touches it.
     */
    byte[] vector(String layer, TileRequest t, TileFilter filter) {
        if (layer.equals(ALL_LAYERS)) {
            // an MVT tile is a protobuf message of repeated layers alone: the layers' own (cached) tiles
            // concatenated are one valid tile holding them all
            List<byte[]> parts =
                    layers().stream().map(l -> vector(l, t, filter)).toList();
            return cached(key("mvt", layer, t, filter, "en"), () -> {
                ByteArrayOutputStream all = new ByteArrayOutputStream(
                        parts.stream().mapToInt(p -> p.length).sum());
                parts.forEach(all::writeBytes);
                return all.size() == 0 ? EMPTY : all.toByteArray();
            });
        }
        Collection collection = tiled(layer);
        int zoom = t.grid().styleZoom(t.z());
        return cached(key("mvt", layer, t, filter, "en"), () -> {
            if (zoom < collection.tiles().minZoom()) {
                return EMPTY;
            }
            if (collection.source() instanceof Source.Incidents of
                    && of.where() == null
                    && t.grid() == TileGrid.WEB_MERCATOR_QUAD) {
                // on PostGIS the store encodes it from the tiles' narrow table (V22: ST_AsMVT over incidents itself
                // read ~2 KB rows to use ~100 bytes of each). A layer narrowed by a condition is encoded here
                Optional<byte[]> encoded = incidents.vectorTile(
                        layer,
                        t.z(),
                        t.x(),
                        t.y(),
                        attributes(t.z()),
                        filter.query(null).and(of.where()));
                if (encoded.isPresent()) {
                    return encoded.get();
                }
            }
            if (collection.source() instanceof Source.Table rows && t.grid() == TileGrid.WEB_MERCATOR_QUAD) {
                // a table's tile, on PostGIS encoded by the store from its rows
                Optional<byte[]> encoded =
                        tables.vectorTile(layer, rows, collection.tiles().attributes(), t.z(), t.x(), t.y(), box(t));
                if (encoded.isPresent()) {
                    return encoded.get();
                }
            }
            return encode(collection, t, filter);
        });
    }

    /**
     * A collection's MVT tile encoded here (mapbox-vector-tile-java) from its rows, in the request's tile matrix set
     * (a WorldCRS84Quad tile is drawn as the web map's tile of its {@link TileGrid#styleZoom}): the gazetteer's on
     * both stores, incidents where the store does not encode tiles itself; empty when no feature touches it.
     */
    byte[] encode(Collection collection, TileRequest t, TileFilter filter) {
        TileGrid grid = t.grid();
        int zoom = grid.styleZoom(t.z());
        Envelope tile = grid.tile(t.z(), t.x(), t.y());
        Envelope buffered = new Envelope(tile);
        buffered.expandBy(tile.getWidth() * 64 / 4096);
        List<Geometry> geoms = new ArrayList<>();
        if (collection.source() instanceof Source.Incidents of) {
            incidents.streamMapRows(
                    filter.query(bbox(grid.lonLat(buffered))).and(of.where()),
                    attributes(zoom),
                    row -> add(geoms, grid.fromLonLat(Wkb.read(row.wkb())), tile, row.attributes()));
        } else if (collection.source() instanceof Source.Table rows) {
            tables.within(
                    rows,
                    lonLat(bbox(grid.lonLat(buffered))),
                    collection.tiles().attributes(),
                    row -> add(geoms, grid.fromLonLat(Wkb.read(row.wkb())), tile, row.properties()));
        } else {
            TileStyle style = collection.tiles();
            Set<String> kinds = kinds(collection);
            for (Basemap.Feature f : basemap.query(grid.mercator(buffered))) {
                String kind = f.place().kind();
                if (kinds.contains(kind) && (!style.thinned() || keepPlace(f, zoom))) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", f.place().id());
                    p.put("name", f.place().name());
                    // names in the readers' scripts, for a MapLibre style to choose ["coalesce", ["get", "name:ps"],
                    // ["get", "name"]]
                    p.put("name:en", f.place().name());
                    for (Map.Entry<String, String> local :
                            LocalNames.all(f.place()).entrySet()) {
                        p.put("name:" + local.getKey(), local.getValue());
                    }
                    p.put("kind", kind);
                    if (f.place().country() != null) {
                        p.put("country", f.place().country());
                    }
                    if (f.place().population() != null) {
                        p.put("population", f.place().population());
                    }
                    if (f.place().properties().get("admin1_name") instanceof String province) {
                        p.put("province", province);
                    }
                    add(geoms, grid.fromMercator(f.at(zoom)), tile, p);
                }
            }
        }
        if (geoms.isEmpty()) {
            return EMPTY;
        }
        return MvtEncoder.encode(
                new JtsMvt(new JtsLayer(collection.id(), geoms)),
                MvtLayerParams.DEFAULT,
                new UserDataKeyValueMapConverter());
    }

    /** The gazetteer kinds a collection's tile style draws: its own list, else every kind of its source. */
    static Set<String> kinds(Collection c) {
        return c.tiles().kinds() != null ? c.tiles().kinds() : ((Source.Places) c.source()).kinds();
    }

    /**
     * The MVT tile gzip-compressed, for clients that accept it (browsers and MapLibre do): cached apart
     * from the plain one, so each is compressed once per data version. Empty stays empty.
     */
    byte[] vectorGzip(String layer, TileRequest t, TileFilter filter) {
        byte[] plain = vector(layer, t, filter);
        if (plain.length == 0) {
            return EMPTY;
        }
        return cached(key("mvt.gz", layer, t, filter, "en"), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
                gz.write(plain);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    /** A picture of any 3857 window: static maps use it with their own size. */
    byte[] png(
            Envelope window,
            int width,
            int height,
            int zoom,
            double ratio,
            String style,
            TileFilter filter,
            String lang) {
        BufferedImage img = image(window, width, height, zoom, ratio, style, filter, lang);
        return encode(img);
    }

    BufferedImage image(
            Envelope window,
            int width,
            int height,
            int zoom,
            double ratio,
            String style,
            TileFilter filter,
            String lang) {
        return image(window, width, height, zoom, ratio, style, filter, lang, null);
    }

    /**
     * The picture, with {@code keepFree} told where the incidents' marks are (their geometries in EPSG:3857
     * metres) before the place names are drawn; no name is drawn in the box it answers (a
     * static map's legend goes there). Null for none (tiles).
     */
    BufferedImage image(
            Envelope window,
            int width,
            int height,
            int zoom,
            double ratio,
            String style,
            TileFilter filter,
            String lang,
            Function<List<Geometry>, Envelope> keepFree) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            Painter p = new Painter(g, window, width, height, zoom, ratio, marks);
            Envelope buffered = new Envelope(window);
            buffered.expandBy(window.getWidth() * 0.25);
            if (style.equals(BASEMAP) || style.equals(BASE) || style.equals(COMBINED)) {
                p.sea();
                List<Basemap.Feature> features = basemap.query(buffered);
                for (Painted paint : paints) {
                    if (!paint.paint().reference() || !style.equals(BASE)) {
                        p.paint(paint.paint(), paint.from(), paint.kinds(), features);
                    }
                }
            }
            // the labels' dots under the incidents' marks, their names over them: a symbol never hides a place's
            // name (its halo keeps it legible over them), and a mark at a city is not cut by the city's dot
            List<Labels.Placed> named = LABELLED_STYLES.contains(style) ? labels.within(zoom, lang, window) : List.of();
            List<Painter.Mark> drawn = new ArrayList<>();
            if (drawsIncidents(style)) {
                // incidents reach into the picture by their marker's radius at most (basemap labels by much more)
                Envelope near = new Envelope(window);
                near.expandBy(window.getWidth() / width * Painter.MARKER_REACH * ratio);
                incidents.streamMapRows(
                        marked(style, filter.query(bbox(Mercator.lonLat(near)))),
                        MARK_ATTRIBUTES,
                        row -> drawn.add(new Painter.Mark(
                                Wkb.read(row.wkb()),
                                row.text("type"),
                                row.flag("contested"),
                                row.text("geo_precision"))));
            }
            if (keepFree != null) {
                Envelope free = keepFree.apply(
                        drawn.stream().map(m -> Mercator.project(m.geometry())).toList());
                if (free != null) {
                    named = named.stream()
                            .filter(l -> !l.box().intersects(free))
                            .toList();
                }
            }
            p.dots(named);
            p.incidents(drawn);
            p.names(named);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The raster styles: {@code basemap}, the overlays (the collections with marks, in their order), {@code combined}, {@code base}, {@code labels}. */
    List<String> styles() {
        return styles;
    }

    /** Whether a raster style draws incidents, so takes the incident filters: an overlay, {@code combined}. */
    boolean drawsIncidents(String style) {
        return overlays.containsKey(style) || style.equals(COMBINED) && !overlays.isEmpty();
    }

    /**
     * The incidents a raster style marks: an overlay's own, {@code combined} those of every overlay, each
     * incident once (the union of their conditions; all of them when one overlay has none).
     */
    private IncidentQuery marked(String style, IncidentQuery query) {
        if (!style.equals(COMBINED)) {
            return query.and(overlays.get(style).where());
        }
        if (overlays.values().stream().anyMatch(o -> o.where() == null)) {
            return query;
        }
        return query.and(String.join(
                " OR ",
                overlays.values().stream().map(o -> "(" + o.where() + ")").toList()));
    }

    static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long version() {
        return version.current().version();
    }

    private byte[] cached(String key, Supplier<byte[]> make) {
        return cache.get(key + "|v" + version(), k -> make.get());
    }

    /**
     * The tile the cache holds for data version {@code version}, or null: what {@link #raster},
     * {@link #vector} or {@link #vectorGzip} would answer without rendering ({@code CachedTileFilter}).
     */
    byte[] cachedOnly(TilesController.TileAsk ask, long version) {
        String kind = !ask.vector() ? "png" : ask.gzip() ? "mvt.gz" : "mvt";
        return cache.getIfPresent(key(kind, ask.name(), ask.tile(), ask.filter(), ask.lang()) + "|v" + version);
    }

    /**
     * A tile's cache key without the data version: kind (png, mvt, mvt.gz), style or layer, address,
     * filter, and the labels' language where the style draws labels in one.
     */
    private String key(String kind, String name, TileRequest t, TileFilter filter, String lang) {
        boolean png = kind.equals("png");
        boolean filtered = png
                ? drawsIncidents(name)
                : name.equals(ALL_LAYERS)
                        || layers.find(name)
                                .filter(c -> c.source() instanceof Source.Incidents)
                                .isPresent();
        boolean labelled = png && LABELLED_STYLES.contains(name) && !lang.equals("en");
        return kind + "|" + name + "|" + t + "|" + (filtered ? filter.key() : "") + (labelled ? "|" + lang : "");
    }

    /** The vector layers: the ids of the collections with a tile style, in their registration order. */
    List<String> layers() {
        return vectorLayers;
    }

    /** The collection behind vector layer {@code layer}: a caller has checked that it is one of {@link #layers()}. */
    Collection tiled(String layer) {
        return layers.find(layer)
                .filter(c -> c.tiles() != null)
                .orElseThrow(() -> new IllegalArgumentException("no vector layer " + layer));
    }

    /** The zoom from which a vector layer has features (its tile style's first zoom). */
    int minZoom(String layer) {
        return tiled(layer).tiles().minZoom();
    }

    /**
     * A vector layer's attributes at zoom {@code z}: an incidents layer's {@link #attributes(int)}, a gazetteer
     * layer's as its tile style names them (the name in English and in the readers' scripts, …).
     */
    List<String> attributes(String layer, int z) {
        Collection c = tiled(layer);
        return c.source() instanceof Source.Incidents
                ? attributes(z)
                : c.tiles().attributes();
    }

    /** Whether a vector layer takes the incident filters (its features are incidents). */
    boolean filtered(String layer) {
        return tiled(layer).source() instanceof Source.Incidents;
    }

    /** A vector layer's attribute's JSON Schema type: a table's column's own, else as {@link #attributeType(String)}. */
    String attributeType(String layer, String attribute) {
        return tiled(layer).source() instanceof Source.Table rows && rows.type(attribute) != null
                ? rows.type(attribute).replace("date-time", "string")
                : attributeType(attribute);
    }

    /** A vector attribute's JSON Schema type: {@code integer} (figures, counts, population), {@code boolean}, {@code string}. */
    static String attributeType(String attribute) {
        return attribute.endsWith("_min")
                        || attribute.endsWith("_max")
                        || attribute.equals("claims_count")
                        || attribute.equals("population")
                ? "integer"
                : attribute.equals("contested") ? "boolean" : "string";
    }

    /** The incidents layer's attributes at zoom {@code z}: the summary, and the detail from the detail zoom on. */
    List<String> attributes(int z) {
        return z < detailMinZoom ? MVT_SUMMARY : MVT_ALL;
    }

    private static boolean keepPlace(Basemap.Feature f, int z) {
        long pop = f.place().population() == null ? 0 : f.place().population();
        return switch (f.place().kind()) {
            case "country", "crossing", "lake", "river" -> true;
            default -> z >= 10 || (z >= 8 && pop >= 50_000) || (z >= 6 && pop >= 300_000) || pop >= 1_500_000;
        };
    }

    private static void add(List<Geometry> out, Geometry m, Envelope tile, Map<String, Object> properties) {
        for (Geometry part : MvtGeometry.parts(m, tile)) {
            part.setUserData(properties);
            out.add(part);
        }
    }

    /** A tile's lon/lat box with the encoder's margin (64 of 4096), clamped to the world. */
    private static double[] box(TileRequest t) {
        Envelope tile = t.grid().tile(t.z(), t.x(), t.y());
        Envelope buffered = new Envelope(tile);
        buffered.expandBy(tile.getWidth() * 64 / 4096);
        return lonLat(bbox(t.grid().lonLat(buffered)));
    }

    private static double[] lonLat(Bbox b) {
        return new double[] {b.minLon(), b.minLat(), b.maxLon(), b.maxLat()};
    }

    /** A lon/lat rectangle as the store's bbox, clamped to the world. */
    private static Bbox bbox(Envelope ll) {
        return new Bbox(
                Math.max(-180, ll.getMinX()),
                Math.max(-90, ll.getMinY()),
                Math.min(180, ll.getMaxX()),
                Math.min(90, ll.getMaxY()));
    }
}
