package org.conflictmap.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.conflictmap.gazetteer.Place;
import org.conflictmap.web.ApiProblem;

/**
 * The feature collections this server offers. Each gazetteer collection holds one geometry type
 * ({@code geometry-type} in its description): GDAL and QGIS type a layer from its first page, so a
 * layer mixing points, lines and areas is mistyped. {@code places} therefore serves every place as
 * one point (the place itself, or a point inside its area or on its line); the full geometries are in
 * the collection of the place's kind, as multi-geometries so that simple and multi parts do not mix.
 */
final class Collections {
    /**
     * One collection: the gazetteer kinds it holds (null: the incidents) and its geometry type.
     *
     * @param geometryType {@code point}, {@code multilinestring}, {@code multipolygon}, or {@code any} (incidents:
     *                     a point, line or area at the report's precision)
     */
    record Layer(String id, Set<String> kinds, String geometryType, String title) {
        Layer {
            if (!Set.of("point", "multilinestring", "multipolygon", "any").contains(geometryType)) {
                throw new IllegalArgumentException("unknown geometry type " + geometryType);
            }
        }

        boolean holds(Place p) {
            return kinds != null && kinds.contains(p.kind());
        }

        /** Whether editors may write its features (OGC API – Features Part 4): the incidents. */
        boolean editable() {
            return kinds == null;
        }
    }

    static final Map<String, Layer> LAYERS = layers(
            new Layer("incidents", null, "any", "Incidents with contested claims"),
            new Layer("places", Place.KINDS, "point", "Gazetteer places (one point each)"),
            new Layer("countries", Set.of("country"), "multipolygon", "Countries of the region"),
            new Layer("provinces", Set.of("province"), "multipolygon", "Provinces of Afghanistan and Pakistan"),
            new Layer("districts", Set.of("district"), "multipolygon", "Districts of Afghanistan and Pakistan"),
            new Layer("crossings", Set.of("crossing"), "point", "Border crossings"),
            new Layer("border", Set.of("border"), "multilinestring", "The Durand Line"),
            new Layer("rivers", Set.of("river"), "multilinestring", "Rivers"),
            new Layer("lakes", Set.of("lake"), "multipolygon", "Lakes and reservoirs"));
    static final List<String> IDS = List.copyOf(LAYERS.keySet());

    private Collections() {
    }

    private static Map<String, Layer> layers(Layer... all) {
        Map<String, Layer> m = new LinkedHashMap<>();
        for (Layer l : all) {
            m.put(l.id(), l);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static String check(String id) {
        if (!LAYERS.containsKey(id)) {
            throw ApiProblem.notFound("no collection '" + (id.length() > 60 ? id.substring(0, 60) : id) + "'; the collections are " + IDS);
        }
        return id;
    }

    static Layer layer(String id) {
        return LAYERS.get(check(id));
    }

    static String title(String id) {
        return layer(id).title();
    }

    static String description(String id) {
        Layer l = layer(id);
        return id.equals("incidents")
                ? "Incidents of the Afghanistan–Pakistan border conflict. Geometry at its precision (a province-level report is the province area). "
                        + "Every claim is kept whole in 'claims' with its claimant, party, side, figures and sources; killed_min/killed_max only summarise them."
                : id.equals("places") ? "Every gazetteer entry as one point: countries, provinces, districts, the Durand Line, border crossings, "
                        + "cities and towns, rivers and lakes (Natural Earth, GeoNames, geoBoundaries). An area's or a line's point lies on it; "
                        + "its full geometry is in the collection of its kind (provinces, districts, rivers, …)."
                : l.title() + " from the gazetteer (Natural Earth, GeoNames, geoBoundaries; crossings curated), all as " + l.geometryType() + ".";
    }
}
