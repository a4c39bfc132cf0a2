package org.conflictmap.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentFeatures;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.security.Editors;
import org.conflictmap.security.EditorsOnly;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.conflictmap.web.Params;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Article ingest, for editors only:
 *
 * <pre>
 * POST /api/articles        {text, outlet, url, published, title} → 201 with the proposed draft(s); 200 if already
 *                           submitted, with {@code matched}: "text" (the same text) or "url" (the URL, another text)
 * GET  /api/articles/{id}   the stored article (its text is never public)
 * GET  /api/drafts          every draft incident, with the articles it came from and who created and last changed it
 * </pre>
 */
@RestController
@EditorsOnly
class ArticlesController {
    static final int MAX_BYTES = 1_048_576;

    private final ArticleIngest ingest;
    private final Editors editors;
    private final IncidentRepository incidents;
    private final ObjectMapper json;

    ArticlesController(ArticleIngest ingest, Editors editors, IncidentRepository incidents, ObjectMapper json) {
        this.ingest = ingest;
        this.editors = editors;
        this.incidents = incidents;
        this.json = json;
    }

    @PostMapping(value = "/api/articles", produces = "application/json")
    ResponseEntity<ObjectNode> submit(HttpServletRequest r) {
        String editor = editors.of(r);
        Bodies.requireType(
                r, "send the article as application/json {text, outlet, url, published, title}", "application/json");
        JsonNode body = Bodies.json(r, json, MAX_BYTES, null);
        ArticleIngest.Article a = article(body);
        ArticleIngest.check(a);
        ArticleIngest.Outcome o = ingest.ingest(a, editor);
        ObjectNode out = json.createObjectNode();
        out.put("article", o.articleId());
        out.put("created", o.created());
        out.putArray("drafts")
                .addAll(o.drafts().stream().map(json.getNodeFactory()::textNode).toList());
        if (o.note() != null) {
            out.put("note", o.note());
        }
        if (o.matched() != null) {
            // "url": this URL was ingested before with another text, which was not read
            out.put("matched", o.matched());
        }
        var events = out.putArray("events");
        for (ArticleIngest.Found f : o.events()) {
            events.add(event(f));
        }
        out.putArray("incidents")
                .addAll(o.drafts().stream()
                        .map(id -> incidents.byId(id).map(this::withProvenance).orElse(null))
                        .filter(Objects::nonNull)
                        .map(f -> (JsonNode) f)
                        .toList());
        return o.created()
                ? ResponseEntity.created(URI.create("/api/articles/" + o.articleId()))
                        .body(out)
                : ResponseEntity.ok(out);
    }

    @GetMapping(value = "/api/articles/{id}", produces = "application/json")
    Map<String, Object> article(@PathVariable String id, HttpServletRequest r) {
        Map<String, Object> a = id.matches("a-[0-9a-f]{16}") ? ingest.article(id) : null;
        if (a == null) {
            throw ApiProblem.notFound("no article with id '" + (id.length() > 40 ? id.substring(0, 40) : id) + "'");
        }
        a.put("drafts", ingest.drafts(id));
        return a;
    }

    @GetMapping(
            value = "/api/drafts",
            produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ObjectNode drafts(HttpServletRequest r) {
        Params.onlyKnown(r.getParameterMap(), Set.of("limit", "offset"));
        IncidentQuery q = new IncidentQuery(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of("draft"),
                null,
                Params.integer("limit", r.getParameter("limit"), 1000, 1, 10_000),
                Params.integer("offset", r.getParameter("offset"), 0, 0, 10_000_000));
        ObjectNode fc = GeoJson.featureCollection();
        incidents.stream(q, i -> {
            ObjectNode f = withProvenance(i);
            ((ObjectNode) f.get("properties"))
                    .putArray("articles")
                    .addAll(ingest.articlesOf(i.id()).stream()
                            .map(json.getNodeFactory()::textNode)
                            .toList());
            fc.withArray("features").add(f);
        });
        // who made and who last changed each draft, for the queue's editor filter (editors' names: editors only)
        List<String> ids = new ArrayList<>();
        fc.withArray("features").forEach(f -> ids.add(f.path("id").asString()));
        Map<String, IncidentRepository.Writers> writers = incidents.writers(ids);
        fc.withArray("features").forEach(f -> {
            IncidentRepository.Writers w = writers.get(f.path("id").asString());
            ((ObjectNode) f.get("properties"))
                    .put("created_by", w == null ? null : w.createdBy())
                    .put("updated_by", w == null ? null : w.updatedBy());
        });
        fc.put("numberReturned", fc.get("features").size());
        return fc;
    }

    /** A draft's Feature with {@code provenance} (docs/INGEST.md): for editors only. */
    private ObjectNode withProvenance(Incident i) {
        ObjectNode f = IncidentFeatures.feature(i);
        ((ObjectNode) f.get("properties")).set("provenance", json.valueToTree(ingest.provenance(i.id())));
        return f;
    }

    /** What was found: type, time, places, the sentences it was read from, and the draft it went to. */
    private ObjectNode event(ArticleIngest.Found f) {
        EventExtractor.Event e = f.event();
        ObjectNode n = json.createObjectNode();
        n.put("index", e.index());
        n.put("type", e.type());
        ObjectNode occurred = n.putObject("occurred");
        occurred.put("start", e.occurred().start().toString());
        occurred.put("end", e.occurred().end().toString());
        occurred.put("precision", e.occurred().precision());
        var places = n.putArray("places");
        e.places().keySet().forEach(places::add);
        var sentences = n.putArray("sentences");
        for (Sentences.Sentence s : e.sentences()) {
            sentences.addObject().put("start", s.start()).put("end", s.end());
        }
        n.put("claims", e.claims().size());
        n.put("draft", f.draft());
        n.put("action", f.action());
        return n;
    }

    private static ArticleIngest.Article article(JsonNode b) {
        if (!b.isObject()) {
            throw ApiProblem.badRequest("expected a JSON object {text, outlet, url, published, title}");
        }
        String text = b.path("text").isString() ? b.get("text").asString().strip() : null;
        if (text == null || text.isEmpty()) {
            throw Params.invalid("text", "required: the article's text");
        }
        String outlet = b.path("outlet").isString() ? b.get("outlet").asString().strip() : null;
        if (outlet == null || outlet.isEmpty() || outlet.length() > 200) {
            throw Params.invalid("outlet", "required: the outlet's name, at most 200 characters");
        }
        String url = b.path("url").isString() ? b.get("url").asString().strip() : null;
        if (url != null && !url.matches("https?://\\S{1,1990}")) {
            throw Params.invalid("url", "expected an http(s) URL");
        }
        LocalDate published = null;
        if (b.hasNonNull("published")) {
            try {
                published = LocalDate.parse(b.get("published")
                        .asString()
                        .strip()
                        .substring(
                                0,
                                Math.min(
                                        10,
                                        b.get("published").asString().strip().length())));
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw Params.invalid("published", "expected a date such as 2026-02-27");
            }
        }
        String title = b.path("title").isString() ? b.get("title").asString().strip() : null;
        if (title != null && title.length() > 280) {
            throw Params.invalid("title", "at most 280 characters");
        }
        return new ArticleIngest.Article(text, outlet, url, published, title == null || title.isEmpty() ? null : title);
    }
}
