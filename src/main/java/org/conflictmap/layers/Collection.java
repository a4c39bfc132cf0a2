package org.conflictmap.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One layer of the server, as data: what OGC API – Features lists under {@code /ogc/collections}, what
 * the tiles draw, what the exports download and what the web map offers. A new layer is one such value
 * registered as a bean (see ARCHITECTURE.md, "Adding a layer"), its migration if it needs a table, and
 * its style; every feature iterates {@link Layers} and none names a collection.
 *
 * @param id           its path segment ({@code /ogc/collections/{id}}): lower-case letters, digits, hyphens
 * @param geometryType the one type of its features' geometry ({@link GeometryType#ANY} only where it must mix)
 * @param source       its table and the condition that selects its rows (extents and counts come from it, in SQL):
 *                     the incidents, the gazetteer's places, or any table ({@link Source.Table})
 * @param queryables   what its items can be filtered by with a CQL2 {@code filter} (OGC API – Features Part 3);
 *                     empty when they take no filter (the gazetteer's: only {@code kind}, {@code country}, {@code q}),
 *                     so that no queryables are linked that a filter could not use; a table's are columns it
 *                     publishes (empty: its id and every published column)
 * @param tiles        how the vector tiles and the raster styles draw it ({@link TileStyle}), or null when it has no tile layer
 * @param exportFields the flat exports' columns it guarantees (CSV, Shapefile, …), empty when it has no downloads; a
 *                     gazetteer collection's or a table's are its CSV's columns (a table's: columns it publishes and
 *                     {@code longitude}, {@code latitude} of a point on each row), and it downloads as GeoJSON, CSV
 *                     and GeoPackage
 * @param editable     whether editors write its features (OGC API – Features Part 4): the whole incidents only
 */
public record Collection(
        String id,
        String title,
        String description,
        GeometryType geometryType,
        Source source,
        List<Queryable> queryables,
        TileStyle tiles,
        List<String> exportFields,
        boolean editable) {
    public Collection {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a collection id is lower-case letters, digits and hyphens: " + id);
        }
        if (title == null || title.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("collection " + id + " needs a title and a description");
        }
        Objects.requireNonNull(geometryType, "geometryType");
        Objects.requireNonNull(source, "source");
        queryables = queryables == null ? List.of() : List.copyOf(queryables);
        exportFields = exportFields == null ? List.of() : List.copyOf(exportFields);
        if (source instanceof Source.Table table) {
            // a table's items take a CQL2 filter over the columns it publishes: those, unless it names some of them
            if (queryables.isEmpty()) {
                queryables = table.published();
            }
            for (Queryable q : queryables) {
                if (!q.type().equals(table.type(q.name()))) {
                    throw new IllegalArgumentException("collection " + id + ": a table's queryables are columns it "
                            + "publishes, of their type: " + q.name() + " " + q.type());
                }
            }
            List<String> downloadable = new ArrayList<>(table.names());
            downloadable.addAll(Source.Table.POINT_FIELDS);
            if (!downloadable.containsAll(exportFields)) {
                throw new IllegalArgumentException("collection " + id + ": a table's export fields are among the "
                        + "columns it publishes and " + Source.Table.POINT_FIELDS + ": " + exportFields);
            }
        } else if (!queryables.isEmpty() && !(source instanceof Source.Incidents)) {
            throw new IllegalArgumentException("collection " + id
                    + ": only incidents and tables take a CQL2 filter, so only they have queryables");
        }
        if (editable
                && !(source instanceof Source.Incidents i && i.where() == null && geometryType == GeometryType.ANY)) {
            throw new IllegalArgumentException(
                    "collection " + id + ": only the whole incidents (geometry any) are editable");
        }
        if (source instanceof Source.Table table && tiles != null) {
            // a table's tile layer carries its features' properties unless its style names some of them
            if (tiles.attributes().isEmpty()) {
                tiles = new TileStyle(
                        tiles.minZoom(), tiles.kinds(), false, table.names(), tiles.raster(), tiles.labels());
            }
            if (!table.names().containsAll(tiles.attributes())
                    || !tiles.raster().isEmpty()
                    || tiles.kinds() != null
                    || tiles.thinned()) {
                throw new IllegalArgumentException("collection " + id + ": a table's tile layer carries columns it "
                        + "publishes and is not drawn in raster: " + tiles.attributes());
            }
        } else if (tiles != null && !tiles.attributes().isEmpty() != source instanceof Source.Places) {
            throw new IllegalArgumentException(
                    "collection " + id + ": a gazetteer tile layer names its attributes, an incidents one none");
        }
        for (Paint p : tiles == null ? List.<Paint>of() : tiles.raster()) {
            boolean incidents = source instanceof Source.Incidents;
            if ((p.symbol() == Paint.Symbol.MARKS) != incidents
                    || p.kind() != null
                            && source instanceof Source.Places places
                            && !places.kinds().contains(p.kind())) {
                throw new IllegalArgumentException(
                        "collection " + id + ": incidents are painted as marks, the gazetteer's kinds it "
                                + "holds as fills, lines or diamonds: " + p);
            }
        }
        for (Label l : tiles == null ? List.<Label>of() : tiles.labels()) {
            if (!(source instanceof Source.Places places)
                    || l.kinds() != null && !places.kinds().containsAll(l.kinds())) {
                throw new IllegalArgumentException(
                        "collection " + id + ": labels name the gazetteer's places of kinds it holds: " + l.kinds());
            }
        }
    }

    /** Whether it offers downloads (the export formats). */
    public boolean exported() {
        return !exportFields.isEmpty();
    }
}
