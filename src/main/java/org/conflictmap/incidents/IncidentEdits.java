package org.conflictmap.incidents;

import org.conflictmap.errors.Invalid;
import org.conflictmap.errors.Malformed;
import org.conflictmap.gazetteer.Gazetteer;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creating, replacing, merge-patching and deleting an incident from its GeoJSON, the same for every
 * way in ({@code /api/incidents}, OGC API – Features Part 4 on {@code /ogc}): the same validation
 * ({@link IncidentJson}), and each change of an existing incident one {@link IncidentRepository#update}
 * under its row lock, checked against the {@link IfMatch} version and written to its history.
 */
@Service
public class IncidentEdits {
    private final IncidentRepository incidents;
    private final Gazetteer gazetteer;

    IncidentEdits(IncidentRepository incidents, Gazetteer gazetteer) {
        this.incidents = incidents;
        this.gazetteer = gazetteer;
    }

    /** A new incident from a GeoJSON Feature (409 when its id exists). */
    public Incident create(JsonNode feature, String editor) {
        return incidents.create(new IncidentJson(gazetteer).read(feature, null, 0, null, null), editor);
    }

    /** Incident {@code id} replaced by a whole GeoJSON Feature. */
    public Incident replace(String id, IfMatch ifMatch, JsonNode feature, String editor) {
        return incidents.update(
                checkId(id),
                ifMatch.version(),
                editor,
                old -> new IncidentJson(gazetteer).read(feature, id, old.version(), old.created(), old.updated()));
    }

    /**
     * Incident {@code id} with a JSON merge patch (RFC 7396) of its properties and/or geometry: a
     * Feature-shaped patch ({@code {"properties": {…}, "geometry": …}}) or the properties alone.
     */
    public Incident patch(String id, IfMatch ifMatch, JsonNode patch, String editor) {
        if (!patch.isObject()) {
            throw new Malformed("a merge patch is a JSON object of the properties to change");
        }
        return incidents.update(checkId(id), ifMatch.version(), editor, old -> merged(old, patch));
    }

    public void delete(String id, IfMatch ifMatch, String editor) {
        incidents.delete(checkId(id), ifMatch.version(), editor);
    }

    /** The incident with a JSON merge patch of its properties (and geometry) applied. */
    private Incident merged(Incident old, JsonNode patch) {
        ObjectNode merged = IncidentFeatures.feature(old);
        JsonNode props = patch.has("properties") ? patch.get("properties") : patch;
        ObjectNode target = (ObjectNode) merged.get("properties");
        props.properties().forEach(e -> {
            if (e.getKey().equals("geometry")) {
                merged.set("geometry", e.getValue());
            } else if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        });
        if (patch.has("geometry") && patch.has("properties")) {
            merged.set("geometry", patch.get("geometry"));
        }
        if (props.has("places") && !props.has("geometry") && !patch.has("geometry")) {
            merged.remove("geometry");
            merged.putNull("geometry");
        }
        return new IncidentJson(gazetteer).read(merged, old.id(), old.version(), old.created(), old.updated());
    }

    /** {@code id} if it is an incident id; else a 400. */
    public static String checkId(String id) {
        if (!id.matches(Incident.ID_PATTERN)) {
            throw new Invalid("id", "incident ids are 1-100 lower-case letters, digits and '-'");
        }
        return id;
    }
}
