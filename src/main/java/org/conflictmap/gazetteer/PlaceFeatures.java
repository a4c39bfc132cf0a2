package org.conflictmap.gazetteer;

import java.util.Map;
import org.conflictmap.geo.GeoJson;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** A place as a GeoJSON Feature: {@code id, name, kind, country, admin1, alt_names}, then its extras. */
public final class PlaceFeatures {
    private PlaceFeatures() {}

    public static ObjectNode feature(Place p, ObjectMapper json) {
        ObjectNode props = json.createObjectNode();
        props.put("id", p.id());
        props.put("name", p.name());
        props.put("kind", p.kind());
        props.put("country", p.country());
        props.put("admin1", p.admin1());
        props.set("alt_names", json.valueToTree(p.altNames()));
        if (p.population() != null) {
            props.put("population", p.population());
        }
        props.put("label_rank", p.labelRank());
        for (Map.Entry<String, Object> e : p.properties().entrySet()) {
            props.set(e.getKey(), json.valueToTree(e.getValue()));
        }
        return GeoJson.feature(p.id(), p.geometry(), props);
    }
}
