package org.conflictmap.incidents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.web.Links;
import org.conflictmap.web.Params;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishing reaches readers and downstream systems (published incidents only):
 *
 * <pre>
 * GET /api/incidents/changes                 server-sent events: publish, update, delete (Last-Event-ID resumes)
 * GET /api/incidents?updated_since=RFC3339   the incidents published or changed since, and tombstones {id, deleted_at}
 * GET /api/incidents?cursor=…                the next page after a cursor, in commit order (loss-free)
 * GET /feed.atom                             Atom: the 50 incidents written last, with their claims and permalinks
 * </pre>
 */
@RestController
class ChangesController {
    static final int FEED_ENTRIES = 50;
    static final int MAX_ROWS = 10_000;

    private final LiveChanges live;
    private final IncidentChanges changes;
    private final Links links;

    ChangesController(LiveChanges live, IncidentChanges changes, Links links) {
        this.live = live;
        this.changes = changes;
        this.links = links;
    }

    @GetMapping(
            value = "/api/incidents/changes",
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<SseEmitter> stream(HttpServletRequest request) throws IOException {
        String last = request.getHeader("Last-Event-ID");
        if (last == null) {
            last = request.getParameter("last_event_id");
        }
        Long id = last == null || last.isBlank()
                ? null
                : (long) Params.integer("Last-Event-ID", last.strip(), 0, 0, Integer.MAX_VALUE);
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Accel-Buffering", "no")
                .body(live.open(id));
    }

    /**
     * The change feed's first page: what was published, changed or deleted since a time. Its {@code cursor} (and the
     * {@code next} link) continues in commit order, so a write that commits after this read is in a later page
     * whenever it was recorded; {@code timeStamp} (the next {@code updated_since}) is kept for older clients.
     */
    @GetMapping(
            value = "/api/incidents",
            params = "updated_since",
            produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ResponseEntity<ObjectNode> since(HttpServletRequest request) {
        Params.onlyKnown(request.getParameterMap(), Set.of("updated_since", "limit"));
        Instant since;
        try {
            since = OffsetDateTime.parse(request.getParameter("updated_since").strip())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw Params.invalid("updated_since", "expected an RFC 3339 time such as 2026-02-27T12:00:00Z");
        }
        int limit = Params.integer("limit", request.getParameter("limit"), 1000, 1, MAX_ROWS);
        Instant asked = Instant.now();
        // read before the page: every row up to here is in this page or the next ones, every later one after the cursor
        IncidentChanges.Position bound = changes.last();
        IncidentChanges.Page page = changes.since(since, limit, bound);
        boolean more = page.rows() >= limit;
        List<IncidentChanges.Change> found = page.changes();
        ObjectNode fc = feed(page, more ? changes.cutAfter(since, page.lastSeq(), bound) : bound, limit, request);
        // the next updated_since: when the page was cut, the last change read (a few may come again)
        fc.put(
                "timeStamp",
                (more && !found.isEmpty() ? found.get(found.size() - 1).at().minusMillis(1) : asked.minusMillis(1))
                        .toString());
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-cache").body(fc);
    }

    /** The change feed's next page: every public change that committed after the cursor's, in commit order. */
    @GetMapping(
            value = "/api/incidents",
            params = {"cursor", "!updated_since"},
            produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ResponseEntity<ObjectNode> after(HttpServletRequest request) {
        Params.onlyKnown(request.getParameterMap(), Set.of("cursor", "limit"));
        IncidentChanges.Position from = IncidentChanges.Position.ofCursor(request.getParameter("cursor"));
        int limit = Params.integer("limit", request.getParameter("limit"), 1000, 1, MAX_ROWS);
        IncidentChanges.Page page = changes.page(from, limit);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(feed(page, page.upTo(), limit, request));
    }

    /** A page of the feed: each incident once (as it is now, or its tombstone), the cursor after it and the next link. */
    private ObjectNode feed(
            IncidentChanges.Page page, IncidentChanges.Position next, int limit, HttpServletRequest request) {
        Map<String, IncidentChanges.Change> last = new LinkedHashMap<>();
        page.changes().forEach(c -> {
            last.remove(c.id());
            last.put(c.id(), c);
        });
        ObjectNode fc = GeoJson.featureCollection();
        ArrayNode features = fc.withArray("features");
        ArrayNode deleted = fc.putArray("deleted");
        last.values().forEach(c -> {
            if (c.feature() == null) {
                deleted.addObject().put("id", c.id()).put("deleted_at", c.at().toString());
            } else {
                features.add(c.feature());
            }
        });
        fc.put("numberReturned", features.size());
        fc.put("complete", page.rows() < limit);
        fc.put("cursor", next.cursor());
        fc.putArray("links")
                .addObject()
                .put("rel", "next")
                .put("type", GeoJson.MEDIA_TYPE)
                .put("href", links.base(request) + "/api/incidents?cursor=" + next.cursor() + "&limit=" + limit);
        return fc;
    }

    @GetMapping(value = "/feed.atom", produces = "application/atom+xml")
    ResponseEntity<String> atom(HttpServletRequest request) throws XMLStreamException {
        String base = links.base(request);
        List<JsonNode> entries = changes.latest(FEED_ENTRIES);
        StringWriter out = new StringWriter();
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("feed");
        x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        text(x, "title", "Afghanistan–Pakistan border conflict: incidents");
        text(x, "subtitle", "Published incidents with every party's claims side by side");
        text(x, "id", base + "/feed.atom");
        link(x, "self", base + "/feed.atom", "application/atom+xml");
        link(x, "alternate", base + "/", "text/html");
        text(
                x,
                "updated",
                entries.isEmpty()
                        ? Instant.EPOCH.toString()
                        : entries.get(0).path("properties").path("updated").asString());
        x.writeStartElement("author");
        text(x, "name", "Conflict Map Server");
        x.writeEndElement();
        for (JsonNode f : entries) {
            JsonNode p = f.path("properties");
            String permalink = base + "/?i=" + p.path("id").asString();
            x.writeStartElement("entry");
            text(x, "id", permalink);
            text(x, "title", p.path("title").asString());
            text(x, "updated", p.path("updated").asString());
            text(x, "published", p.path("created").asString());
            link(x, "alternate", permalink, "text/html");
            link(x, "related", base + "/api/incidents/" + p.path("id").asString(), GeoJson.MEDIA_TYPE);
            x.writeStartElement("category");
            x.writeAttribute("term", p.path("type").asString());
            x.writeEndElement();
            text(x, "summary", summary(p));
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(out.toString());
    }

    /** "Occurred 2026-02-27 (day). Claims: Afghan defence ministry (af_government): 12 killed, 3 wounded of pk_forces; …" */
    static String summary(JsonNode p) {
        StringBuilder b = new StringBuilder();
        if (p.hasNonNull("summary") && !p.get("summary").asString().isBlank()) {
            b.append(p.get("summary").asString().strip()).append(' ');
        }
        b.append("Occurred ")
                .append(p.path("occurred").path("start").asString().replaceFirst("T.*", ""))
                .append(" (")
                .append(p.path("occurred").path("precision").asString())
                .append(").");
        JsonNode claims = p.path("claims");
        b.append(claims.isEmpty() ? " No claims yet." : " Claims:");
        for (int k = 0; k < claims.size(); k++) {
            JsonNode c = claims.get(k);
            b.append(k == 0 ? " " : "; ")
                    .append(c.path("claimant").asString())
                    .append(" (")
                    .append(c.path("party").asString())
                    .append(")");
            StringBuilder figures = new StringBuilder();
            for (String f : List.of("killed", "wounded", "captured")) {
                if (c.hasNonNull(f)) {
                    figures.append(figures.isEmpty() ? "" : ", ")
                            .append(c.get(f).asInt())
                            .append(' ')
                            .append(f);
                }
            }
            if (!figures.isEmpty()) {
                b.append(": ")
                        .append(figures)
                        .append(" of ")
                        .append(c.path("side").asString());
            }
        }
        return b.append(claims.isEmpty() ? "" : ".").toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeStartElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
        x.writeEndElement();
    }
}
