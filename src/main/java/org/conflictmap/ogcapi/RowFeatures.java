package org.conflictmap.ogcapi;

import org.conflictmap.geo.GeoJson;
import org.conflictmap.geo.Wkb;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.Tables;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** A table's row as a collection serves it (its items, an item, its downloads): one GeoJSON Feature, one geometry. */
public final class RowFeatures {
    private RowFeatures() {}

    /** The row's geometry (CRS84), of the collection's one geometry type. */
    public static Geometry geometry(Collection layer, Tables.Row row) {
        return layer.geometryType().coerce(Wkb.read(row.wkb()));
    }

    /** The row as a Feature: its id, geometry {@code g} and its published columns but the id. */
    public static ObjectNode feature(Collection layer, Tables.Row row, Geometry g, ObjectMapper json) {
        ObjectNode properties = json.createObjectNode();
        row.properties().forEach((k, v) -> {
            if (v == null) {
                properties.putNull(k);
            } else if (v instanceof Long n) {
                properties.put(k, n);
            } else if (v instanceof Double d) {
                properties.put(k, d);
            } else if (v instanceof Boolean b) {
                properties.put(k, b);
            } else {
                properties.put(k, v.toString());
            }
        });
        properties.remove(((Source.Table) layer.source()).id().name());
        return GeoJson.feature(row.id().toString(), g, properties);
    }
}
