package org.conflictmap.export;

import org.conflictmap.layers.Collection;

/**
 * What a download names its layers inside the file, so that two collections' downloads opened side by side (one QGIS
 * project) are two layers, not two called {@code incidents}: the collection's id with {@code -} as {@code _}
 * ({@code incidents-points} → {@code incidents_points}), a valid SQL identifier ({@code [a-z][a-z0-9_]*}) and so a
 * GeoPackage table, a Shapefile's base name, KML's schema and folder and FlatGeobuf's header name as they are. The
 * claims table is {@code claims} in the {@code incidents} download (as it has always been) and {@code <layer>_claims}
 * in the others'; the Shapefile's layers are {@code <layer>_points}, {@code _areas} and {@code _lines}
 * ({@code incidents_points} … for {@code incidents}, as before).
 *
 * @param layer  the feature layer's name
 * @param claims the claims table's name
 * @param title  what the file calls itself (KML's document name)
 */
record FileLayers(String layer, String claims, String title) {
    /** The {@code incidents} collection's names, unchanged since the first download. */
    static final FileLayers INCIDENTS =
            new FileLayers("incidents", "claims", "Afghanistan-Pakistan border conflict incidents");

    FileLayers {
        for (String name : new String[] {layer, claims}) {
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("a layer's name in a file is [a-z][a-z0-9_]*, not " + name);
            }
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a download needs a title");
        }
    }

    /** The names in a download of {@code c}. */
    static FileLayers of(Collection c) {
        String layer = c.id().replace('-', '_');
        return layer.equals(INCIDENTS.layer())
                ? INCIDENTS
                : new FileLayers(layer, layer + "_claims", "Afghanistan-Pakistan border conflict: " + c.title());
    }

    /** The Shapefile's layer of every incident at a point inside its location. */
    String points() {
        return layer + "_points";
    }

    /** The Shapefile's layer of the incidents located in an area, as the area. */
    String areas() {
        return layer + "_areas";
    }

    /** The Shapefile's layer of the incidents located along the whole border, as the line. */
    String lines() {
        return layer + "_lines";
    }
}
