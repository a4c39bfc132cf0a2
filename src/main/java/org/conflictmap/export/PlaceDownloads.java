package org.conflictmap.export;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.PlaceFeatures;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Source;
import org.conflictmap.ogcapi.LayerGeometry;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The downloads of a gazetteer collection (a {@link Source.Places} registered with export fields): its places as
 * GeoJSON (each as its OGC item, of the collection's geometry type) or CSV (its export fields, a point on each
 * place as longitude and latitude), in the order of their ids. The gazetteer is in memory, so nothing is read
 * from the store.
 */
final class PlaceDownloads {
    /** The formats a gazetteer collection downloads as. */
    static final Set<ExportFormat> FORMATS = Set.of(ExportFormat.GEOJSON, ExportFormat.CSV);

    /** The CSV's columns a gazetteer collection may name as its export fields, in any order. */
    static final List<String> FIELDS = List.of(
            "id",
            "name",
            "kind",
            "country",
            "admin1",
            "population",
            "label_rank",
            "alt_names",
            "longitude",
            "latitude");

    private PlaceDownloads() {}

    /** The places of collection {@code c} among {@code all}, in the order of their ids. */
    static List<Place> of(Collection c, List<Place> all) {
        Set<String> kinds = ((Source.Places) c.source()).kinds();
        return all.stream()
                .filter(p -> kinds.contains(p.kind()))
                .sorted(Comparator.comparing(Place::id))
                .toList();
    }

    static void write(ExportFormat f, Collection c, List<Place> places, ObjectMapper json, OutputStream out)
            throws IOException {
        if (f == ExportFormat.CSV) {
            csv(c, places, out);
        } else {
            geojson(c, places, json, out);
        }
    }

    private static void geojson(Collection c, List<Place> places, ObjectMapper json, OutputStream out)
            throws IOException {
        BufferedOutputStream o = new BufferedOutputStream(out, 1 << 16);
        o.write("{\"type\":\"FeatureCollection\",\"features\":[\n".getBytes(StandardCharsets.UTF_8));
        boolean first = true;
        for (Place p : places) {
            if (!first) {
                o.write(",\n".getBytes(StandardCharsets.UTF_8));
            }
            first = false;
            ObjectNode feature = PlaceFeatures.feature(p, json);
            feature.set("geometry", GeoJson.geometry(LayerGeometry.of(c, p)));
            o.write(json.writeValueAsBytes(feature));
        }
        o.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
        o.flush();
    }

    private static void csv(Collection c, List<Place> places, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter csv = new CSVPrinter(
                w,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(c.exportFields().toArray(String[]::new))
                        .get());
        for (Place p : places) {
            Geometry point = p.geometry().getInteriorPoint();
            List<Object> row = new ArrayList<>();
            for (String field : c.exportFields()) {
                row.add(value(field).apply(new Located(p, point)));
            }
            csv.printRecord(FlatRows.spreadsheetSafe(row));
        }
        csv.flush();
    }

    private record Located(Place place, Geometry point) {}

    private static Function<Located, Object> value(String field) {
        return switch (field) {
            case "id" -> l -> l.place().id();
            case "name" -> l -> l.place().name();
            case "kind" -> l -> l.place().kind();
            case "country" -> l -> l.place().country();
            case "admin1" -> l -> l.place().admin1();
            case "population" -> l -> l.place().population();
            case "label_rank" -> l -> l.place().labelRank();
            case "alt_names" ->
                l -> l.place().altNames() == null
                        ? null
                        : String.join("; ", l.place().altNames());
            case "longitude" -> l -> l.point().getCoordinate().x;
            case "latitude" -> l -> l.point().getCoordinate().y;
            default ->
                throw new IllegalArgumentException(
                        "a gazetteer collection's export fields are among " + FIELDS + ": " + field);
        };
    }
}
