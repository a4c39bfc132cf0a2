package org.conflictmap.webmap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Marks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code /embed}: the map page for newsroom iframes (no header bar, a link to the full map), the same
 * state parameters as the permalink. It may be framed by {@code conflictmap.webmap.embed-frame-ancestors};
 * the main page may not be framed by other sites ({@link PageSecurityFilter}).
 */
@RestController
class WebmapController {
    private final byte[] page;
    private final byte[] desk;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Layers layers;
    private final Marks marks;

    /** The handler mappings are looked up lazily: the import command runs without a web server. */
    WebmapController(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
            Layers layers,
            Marks marks)
            throws IOException {
        this.layers = layers;
        this.marks = marks;
        try (InputStream in = new ClassPathResource("static/index.html").getInputStream()) {
            this.page = in.readAllBytes();
        }
        try (InputStream in = new ClassPathResource("static/desk/index.html").getInputStream()) {
            this.desk = in.readAllBytes();
        }
        this.mappings = mappings;
    }

    /**
     * What the page can use on this server, so it never probes for missing endpoints: the raster
     * basemap tiles and the geocoder when those features are present, and the layers ({@link Layers}):
     * each collection's id, title, geometry type, features and, where it has one, its vector tile layer; and
     * the incidents' {@link Marks}: each type's value, English name, colour and shape, in their order.
     */
    @GetMapping(value = "/webmap/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        boolean tiles = served("/tiles/{");
        c.put("basemap", tiles ? "/tiles/basemap/{z}/{x}/{y}.png" : null);
        // the basemap in two layers, so the page's switcher can hide the labels; it draws the border itself
        c.put("base", tiles ? "/tiles/base/{z}/{x}/{y}.png" : null);
        c.put("labels", tiles ? "/tiles/labels/{z}/{x}/{y}.png" : null);
        c.put("geocoder", served("/api/geocode") ? "/api/geocode" : "/api/places");
        boolean features = served("/ogc/collections/{");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Collection layer : layers.all()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", layer.id());
            l.put("title", layer.title());
            l.put("geometryType", layer.geometryType().ogcName());
            l.put("items", features ? "/ogc/collections/" + layer.id() + "/items" : null);
            l.put("tiles", tiles && layer.tiles() != null ? "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt" : null);
            l.put("minzoom", layer.tiles() == null ? null : layer.tiles().minZoom());
            l.put("editable", layer.editable());
            list.add(l);
        }
        c.put("layers", list);
        // the incidents' marks: the page's legend, symbols and type filters, its words translated by value
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attribute", marks.attribute());
        m.put(
                "classes",
                marks.classes().stream()
                        .map(k -> Map.of(
                                "value", k.value(), "label", k.label(), "colour", k.colour(), "shape", k.shape()))
                        .toList());
        c.put("marks", m);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(c);
    }

    /** A type's mark as the page draws it (the raster colour is the server's own). */
    record PageMark(String value, String label, String colour, String shape) {}

    private boolean served(String prefix) {
        return mappings.getObject().getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .anyMatch(p -> p.startsWith(prefix));
    }

    /** The editors' desk (frontend/desk/): it signs in itself; anonymous visitors see only its sign-in form. */
    @GetMapping(
            value = {"/desk", "/desk/"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> desk() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.TEXT_HTML)
                .body(desk);
    }

    @GetMapping(value = "/embed", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> embed() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.TEXT_HTML)
                .body(page);
    }
}
