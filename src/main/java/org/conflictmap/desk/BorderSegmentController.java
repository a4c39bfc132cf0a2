package org.conflictmap.desk;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.incidents.Locations;
import org.conflictmap.web.Params;
import org.locationtech.jts.geom.Geometry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The desk's border segment: {@code GET /api/border-segment?provinces=af-province-khost,pk-province-…} → a
 * Feature with the stretch of the Durand Line those provinces touch, buffered a few km (as the ingest draws
 * it), its precision {@code border_segment} and the places it stands for. Public data (the gazetteer), so
 * no editor is needed.
 */
@RestController
class BorderSegmentController {
    static final int MAX_PROVINCES = 20;

    private final Gazetteer gazetteer;
    private final ObjectMapper json;

    BorderSegmentController(Gazetteer gazetteer, ObjectMapper json) {
        this.gazetteer = gazetteer;
        this.json = json;
    }

    @GetMapping(
            value = "/api/border-segment",
            produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ObjectNode segment(HttpServletRequest request) {
        Params.onlyKnown(request.getParameterMap(), Set.of("provinces"));
        String given = request.getParameter("provinces");
        if (given == null || given.isBlank()) {
            throw Params.invalid("provinces", "name one or more provinces by gazetteer id, separated by commas");
        }
        List<Place> provinces = new ArrayList<>();
        for (String id : given.split(",")) {
            Place p = gazetteer.get(id.strip()).orElse(null);
            if (p == null || !p.kind().equals("province")) {
                throw Params.invalid("provinces", "'" + clip(id.strip()) + "' is not a province of the gazetteer");
            }
            provinces.add(p);
        }
        if (provinces.size() > MAX_PROVINCES) {
            throw Params.invalid("provinces", "at most " + MAX_PROVINCES + " provinces");
        }
        Place line = gazetteer
                .get(Locations.DURAND_LINE)
                .orElseThrow(() -> Params.invalid("provinces", "the gazetteer has no Durand Line"));
        Geometry segment = Locations.borderSegment(line.geometry(), provinces);
        if (segment == null) {
            throw Params.invalid("provinces", "none of these provinces touches the Durand Line");
        }
        ObjectNode props = json.createObjectNode();
        props.put("geo_precision", "border_segment");
        var places = props.putArray("places");
        provinces.stream()
                .filter(p -> p.geometry().distance(line.geometry()) < 0.05)
                .forEach(p -> places.add(p.id()));
        places.add(line.id());
        return GeoJson.feature(null, segment, props);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
