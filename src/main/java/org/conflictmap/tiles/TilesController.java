package org.conflictmap.tiles;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conflictmap.gazetteer.LocalNames;
import org.conflictmap.geo.Bbox;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.ETags;
import org.conflictmap.web.Links;
import org.conflictmap.web.Params;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tiles for newsroom graphics, every URL here:
 *
 * <pre>
 * GET /tiles/{style}/{z}/{x}/{y}.png | {y}@2x.png   style: basemap, incidents (transparent; each registered
 *                                                  incidents layer with marks likewise), combined, base, labels
 * GET /tiles/{layer}/{z}/{x}/{y}.mvt                layer: incidents, places, provinces, border (204 when empty)
 * GET /tiles/{tileset}.json                        TileJSON 3.0: basemap, incidents, combined, {layer}-mvt
 * GET /tiles/changes?since={version}               the tiles writes touched after a data version (CDN purges)
 * GET /map.png?bbox=|center=(lon,lat)&zoom=&width=&height=&scale=&style=&title=&datetime=&type=&contested=&lang=
 * </pre>
 *
 * Incident tiles take {@code datetime}, {@code type}, {@code contested}; raster tiles with labels and
 * static maps {@code lang} (en, ps, fa, ur: the place labels' language). ETags carry the data version;
 * {@code If-None-Match} answers 304.
 */
@RestController
class TilesController {
    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final Set<String> STATIC_PARAMS = Set.of(
            "bbox",
            "center",
            "zoom",
            "width",
            "height",
            "scale",
            "style",
            "title",
            "datetime",
            "type",
            "contested",
            "lang");
    static final double[] BOUNDS = {60.5, 23.6, 77.9, 38.5};
    static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    /** {@link #CACHE} as its header's value, written once. */
    static final String CACHE_HEADER = CACHE.getHeaderValue();

    static final Pattern Q_ZERO = Pattern.compile("q=0(\\.0*)?");

    private final Links links;
    private final TileRenderer renderer;
    private final TilesProperties properties;
    private final ObjectMapper json;
    private final TileChanges changes;

    TilesController(
            TileRenderer renderer, TilesProperties properties, ObjectMapper json, Links links, TileChanges changes) {
        this.links = links;
        this.renderer = renderer;
        this.properties = properties;
        this.json = json;
        this.changes = changes;
    }

    @GetMapping("/tiles/{name}/{z}/{x}/{file}")
    ResponseEntity<byte[]> tile(
            @PathVariable String name,
            @PathVariable String z,
            @PathVariable String x,
            @PathVariable String file,
            HttpServletRequest r) {
        return answer(
                TileAsk.parse(name, z, x, file, r, properties.maxZoom(), renderer.layers(), renderer.styles()),
                renderer,
                r);
    }

    /**
     * The answer to a tile request, here and at OGC API – Tiles' addresses ({@code OgcTilesController}):
     * 304 to a matching {@code If-None-Match}, 204 for an empty vector tile, else the tile (gzipped when asked).
     */
    static ResponseEntity<byte[]> answer(TileAsk ask, TileRenderer renderer, HttpServletRequest r) {
        String name = ask.name();
        TileRequest t = ask.tile();
        TileFilter filter = ask.filter();
        boolean vector = ask.vector();
        boolean gzip = ask.gzip();
        String etag = ask.etag(renderer.version());
        if (ETags.notModified(r, etag)) {
            return withVary(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag), vector)
                    .build();
        }
        byte[] body = vector
                ? (gzip ? renderer.vectorGzip(name, t, filter) : renderer.vector(name, t, filter))
                : renderer.raster(name, t, filter, ask.lang());
        if (vector && body.length == 0) {
            return withVary(
                            ResponseEntity.status(HttpStatus.NO_CONTENT)
                                    .eTag(etag)
                                    .cacheControl(CACHE),
                            vector)
                    .build();
        }
        ResponseEntity.BodyBuilder ok = withVary(ResponseEntity.ok().eTag(etag).cacheControl(CACHE), vector);
        if (gzip) {
            ok.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return ok.contentType(vector ? MediaType.parseMediaType(MVT) : MediaType.IMAGE_PNG)
                .body(body);
    }

    /**
     * One tile request as TilesController, CachedTileFilter and OgcTilesController read it: the style or layer, the
     * address, the incident filter, and whether the answer goes out gzipped.
     */
    record TileAsk(String name, TileRequest tile, TileFilter filter, boolean gzip, String lang) {
        /** What a tile request may carry: the incident filter and {@code lang}, the place labels' language. */
        static final Set<String> PARAMS =
                Stream.concat(TileFilter.PARAMS.stream(), Stream.of("lang")).collect(Collectors.toUnmodifiableSet());

        /**
         * Reads a request for /tiles/{name}/{z}/{x}/{file}; refuses it with the problem the client gets
         * (a bad address, an unknown parameter or filter value, no such style or layer).
         */
        static TileAsk parse(
                String name,
                String z,
                String x,
                String file,
                HttpServletRequest r,
                int maxZoom,
                List<String> vectorLayers,
                List<String> rasterStyles) {
            TileRequest t = TileRequest.parse(z, x, file, maxZoom);
            Params.onlyKnown(r.getParameterMap(), PARAMS);
            TileFilter filter = TileFilter.parse(r::getParameter);
            String lang = language(r.getParameter("lang"));
            boolean vector = t.format().equals("mvt");
            if (!(vector ? vectorLayers : rasterStyles).contains(name)) {
                throw ApiProblem.notFound("no " + (vector ? "vector layer" : "raster style") + " '" + clip(name)
                        + "'; there are " + (vector ? vectorLayers : rasterStyles));
            }
            // vector tiles go out gzip-compressed to clients that take it (a z5 tile of 44,000 incidents is
            // ~5 MB plain); Tomcat's own compression skips them (strong ETags), so it is done here, once
            return new TileAsk(name, t, filter, vector && acceptsGzip(r.getHeader(HttpHeaders.ACCEPT_ENCODING)), lang);
        }

        /**
         * An address already checked ({@code OgcTilesController} reads its own), with this request's filter,
         * labels' language and encoding.
         */
        static TileAsk of(String name, TileRequest t, HttpServletRequest r) {
            Params.onlyKnown(r.getParameterMap(), PARAMS);
            boolean vector = t.format().equals("mvt");
            return new TileAsk(
                    name,
                    t,
                    TileFilter.parse(r::getParameter),
                    vector && acceptsGzip(r.getHeader(HttpHeaders.ACCEPT_ENCODING)),
                    language(r.getParameter("lang")));
        }

        boolean vector() {
            return tile.format().equals("mvt");
        }

        /** The tile's entity tag: the data version, a hash of the address, filter and language, and whether it is gzipped. */
        String etag(long version) {
            String labels = !vector() && TileRenderer.LABELLED_STYLES.contains(name) && !lang.equals("en") ? lang : "";
            return "\"t" + version + "-" + Integer.toHexString((name + tile + filter.key() + labels).hashCode())
                    + (gzip ? "-gz" : "") + "\"";
        }
    }

    /** The labels' language of {@code ?lang=}: en (absent), ps, fa (also fa-AF, prs) or ur; any other is a 400. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return "en";
        }
        String lang = LocalNames.language(tag);
        if (lang == null) {
            throw Params.invalid(
                    "lang", "place labels come in en, ps, fa (fa-AF, prs) and ur, not '" + clip(tag) + "'");
        }
        return lang;
    }

    private static <B extends ResponseEntity.HeadersBuilder<B>> B withVary(B builder, boolean vector) {
        return vector ? builder.varyBy(HttpHeaders.ACCEPT_ENCODING) : builder;
    }

    /** Whether an Accept-Encoding header takes gzip: named (or {@code *}) and not with q=0; a named gzip wins. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            boolean refused = false;
            for (int k = 1; k < p.length; k++) {
                refused |= Q_ZERO.matcher(p[k].replace(" ", "")).matches();
            }
            String coding = p[0].trim();
            if (coding.equalsIgnoreCase("gzip")) {
                gzip = !refused;
            } else if (coding.equals("*")) {
                any = !refused;
            }
        }
        return gzip != null ? gzip : Boolean.TRUE.equals(any);
    }

    /** The tiles that writes after data version {@code since} touched: what a CDN purge hook polls for. */
    @GetMapping("/tiles/changes")
    ResponseEntity<TileChanges.Answer> changes(HttpServletRequest r) {
        Params.onlyKnown(r.getParameterMap(), Set.of("since"));
        String since = r.getParameter("since");
        long version;
        try {
            version = Long.parseLong(since == null ? "" : since.trim());
        } catch (NumberFormatException e) {
            throw Params.invalid(
                    "since", "expected the data version of the last answer (its \"version\"), 0 the first time");
        }
        if (version < 0) {
            throw Params.invalid("since", "a data version is 0 or more");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(changes.since(version));
    }

    @GetMapping("/tiles/{tileset}.json")
    ResponseEntity<ObjectNode> tilejson(@PathVariable String tileset, HttpServletRequest r) {
        boolean vector = tileset.endsWith("-mvt");
        String name = vector ? tileset.substring(0, tileset.length() - 4) : tileset;
        List<String> vectorLayers = renderer.layers();
        if (!(vector ? vectorLayers : renderer.styles()).contains(name)) {
            throw ApiProblem.notFound("no tileset '" + clip(tileset) + "'; there are " + renderer.styles() + " and "
                    + vectorLayers.stream().map(l -> l + "-mvt").toList());
        }
        String base = links.base(r);
        ObjectNode t = json.createObjectNode();
        t.put("tilejson", "3.0.0");
        t.put("name", tileset);
        t.put(
                "description",
                vector ? "Vector tiles (MVT 2.1) of the " + name + " layer" : "Raster tiles, style " + name);
        t.put("attribution", "Conflict Map Server · Natural Earth, GeoNames (CC BY 4.0)");
        t.put("scheme", "xyz");
        t.putArray("tiles").add(base + "/tiles/" + name + "/{z}/{x}/{y}." + (vector ? "mvt" : "png"));
        t.put("minzoom", 0);
        t.put("maxzoom", properties.maxZoom());
        ArrayNode bounds = t.putArray("bounds");
        for (double d : BOUNDS) {
            bounds.add(d);
        }
        t.putArray("center").add(68.6).add(32.8).add(5);
        if (vector) {
            ObjectNode layer = t.putArray("vector_layers").addObject();
            layer.put("id", name);
            layer.put("minzoom", renderer.minZoom(name));
            layer.put("maxzoom", properties.maxZoom());
            if (renderer.filtered(name)) {
                layer.put(
                        "description",
                        "Incidents with the claims summary; " + String.join(", ", TileRenderer.MVT_DETAIL)
                                + " from zoom " + properties.detailMinZoom() + " on");
            }
            ObjectNode fields = layer.putObject("fields");
            for (String f : renderer.attributes(name, properties.maxZoom())) {
                String type = renderer.attributeType(name, f);
                fields.put(f, type.equals("integer") ? "Number" : type.equals("boolean") ? "Boolean" : "String");
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(t);
    }

    @GetMapping("/map.png")
    ResponseEntity<byte[]> staticMap(HttpServletRequest r) {
        Params.onlyKnown(r.getParameterMap(), STATIC_PARAMS);
        int max = properties.maxStaticSize();
        int width = Params.integer("width", r.getParameter("width"), 800, 64, max);
        int height = Params.integer("height", r.getParameter("height"), 600, 64, max);
        int scale = Params.integer("scale", r.getParameter("scale"), 1, 1, 2);
        if ((long) width * scale > max || (long) height * scale > max) {
            throw Params.invalid("scale", "width and height times scale must stay within " + max + " pixels");
        }
        if ((long) width * height * scale * scale > properties.maxStaticPixels()) {
            throw Params.invalid(
                    "width",
                    "a static map holds at most " + properties.maxStaticPixels()
                            + " pixels (width × height × scale²); this one would hold "
                            + (long) width * height * scale * scale);
        }
        String style = Params.oneOf("style", r.getParameter("style"), Set.copyOf(renderer.styles()));
        String title = Params.text("title", r.getParameter("title"), 120);
        TileFilter filter = TileFilter.parse(r::getParameter);
        String lang = language(r.getParameter("lang"));
        Envelope window = window(r, width, height, properties.maxZoom());
        String etag = "\"m" + renderer.version() + "-"
                + Integer.toHexString(String.valueOf(r.getQueryString()).hashCode()) + "\"";
        if (ETags.notModified(r, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        byte[] png = TileRenderer.encode(StaticMap.draw(
                renderer,
                window,
                width,
                height,
                scale,
                style == null ? "combined" : style,
                filter,
                title,
                lang,
                properties.maxZoom()));
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .contentType(MediaType.IMAGE_PNG)
                .body(png);
    }

    /** Whether lon,lat falls in the map's area (its bounds widened by 5°). */
    static boolean inMapArea(double lon, double lat) {
        return lon >= BOUNDS[0] - 5 && lon <= BOUNDS[2] + 5 && lat >= BOUNDS[1] - 5 && lat <= BOUNDS[3] + 5;
    }

    /**
     * The 3857 window for bbox (widened to the picture's proportions, and to the window of {@code maxZoom}
     * around its centre when it is smaller) or center+zoom. A box narrower than a pixel at the tiles' deepest
     * zoom was drawn at a scale no tile has: {@code bbox=69,33,69.0000001,33.0000001} gave one fill colour and
     * a scale bar running out of its box (docs/QA.md, D12).
     */
    static Envelope window(HttpServletRequest r, int width, int height, int maxZoom) {
        String center = r.getParameter("center");
        Envelope m;
        if (center != null && !center.isBlank()) {
            if (r.getParameter("bbox") != null) {
                throw Params.invalid("center", "give either bbox or center and zoom, not both");
            }
            String[] parts = center.split(",");
            double lon;
            double lat;
            try {
                lon = Double.parseDouble(parts[0]);
                lat = Double.parseDouble(parts[1]);
            } catch (RuntimeException e) {
                throw Params.invalid("center", "expected lon,lat such as 69.5,33.5");
            }
            if (!inMapArea(lon, lat) && inMapArea(lat, lon)) {
                // the first maps took lat,lon: a pair that only makes sense that way is still read so
                double first = lon;
                lon = lat;
                lat = first;
            }
            if (parts.length != 2 || !(Math.abs(lat) <= 85) || !(Math.abs(lon) <= 180)) {
                throw Params.invalid("center", "expected lon,lat within ±180, ±85");
            }
            int zoom = Params.integer("zoom", r.getParameter("zoom"), 6, 0, maxZoom);
            double mpp = 2 * Mercator.HALF / 256 / (1 << zoom);
            double cx = Mercator.x(lon);
            double cy = Mercator.y(lat);
            m = new Envelope(
                    cx - width / 2.0 * mpp, cx + width / 2.0 * mpp, cy - height / 2.0 * mpp, cy + height / 2.0 * mpp);
        } else {
            if (r.getParameter("zoom") != null) {
                // was ignored, so ?zoom=NaN or a zoom meant for a forgotten center drew the whole map with a 200
                throw Params.invalid("zoom", "zoom goes with center; a bbox (or neither) sets the scale itself");
            }
            Bbox b = Bbox.parse(r.getParameter("bbox"), "bbox");
            if (b == null) {
                b = new Bbox(BOUNDS[0], BOUNDS[1], BOUNDS[2], BOUNDS[3]);
            }
            m = new Envelope(
                    Mercator.x(b.minLon()), Mercator.x(b.maxLon()), Mercator.y(b.minLat()), Mercator.y(b.maxLat()));
            if (m.getWidth() <= 0 || m.getHeight() <= 0) {
                throw Params.invalid(
                        "bbox",
                        m.getWidth() <= 0
                                ? "the box has no width (minLon equals maxLon); give a box with an area, or center and zoom"
                                : "the box has no height on the map (minLat equals maxLat, or both beyond ±"
                                        + Mercator.MAX_LAT + "); give a box with an area, or center and zoom");
            }
            double want = (double) width / height;
            if (m.getWidth() / m.getHeight() < want) {
                m.expandBy((m.getHeight() * want - m.getWidth()) / 2, 0);
            } else {
                m.expandBy(0, (m.getWidth() / want - m.getHeight()) / 2);
            }
            double deepest = 2 * Mercator.HALF / 256 / (1 << maxZoom);
            if (m.getWidth() / width < deepest) {
                m.expandBy((width * deepest - m.getWidth()) / 2, (height * deepest - m.getHeight()) / 2);
            }
        }
        return m;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
