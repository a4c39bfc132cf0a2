package org.conflictmap.ogcapi;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A plain, readable HTML rendering of any OGC API answer: links, collections, features as tables. */
public final class Html {
    private Html() {}

    static String page(String title, JsonNode body) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(title))
                .append(
                        "</title><style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:70rem;color:#1d2329}"
                                + "table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}"
                                + "code{font-size:.85rem}</style></head><body><h1>")
                .append(esc(title))
                .append("</h1>");
        if (body.has("description")) {
            b.append("<p>").append(esc(body.get("description").asString())).append("</p>");
        }
        links(b, body.get("links"));
        if (body.has("collections")) {
            b.append("<h2>Collections</h2><ul>");
            for (JsonNode c : body.get("collections")) {
                b.append("<li><a href=\"/ogc/collections/")
                        .append(esc(c.get("id").asString()))
                        .append("?f=html\">")
                        .append(esc(c.get("title").asString()))
                        .append("</a> — ")
                        .append(esc(c.get("description").asString()))
                        .append("</li>");
            }
            b.append("</ul>");
        }
        if (body.has("conformsTo")) {
            b.append("<ul>");
            body.get("conformsTo")
                    .forEach(c ->
                            b.append("<li><code>").append(esc(c.asString())).append("</code></li>"));
            b.append("</ul>");
        }
        if (body.has("features")) {
            b.append("<p>")
                    .append(body.path("numberReturned").asInt())
                    .append(" of ")
                    .append(body.path("numberMatched").asLong())
                    .append(" features</p><table><thead><tr><th>id</th><th>properties</th></tr></thead><tbody>");
            for (JsonNode f : body.get("features")) {
                feature(b, f);
            }
            b.append("</tbody></table>");
        } else if (body.has("properties") && body.has("geometry")) {
            b.append("<table><tbody>");
            feature(b, body);
            b.append("</tbody></table>");
        }
        return b.append("<p><a href=\"?f=json\">JSON</a></p></body></html>").toString();
    }

    private static void feature(StringBuilder b, JsonNode f) {
        b.append("<tr><td>").append(esc(f.path("id").asString())).append("</td><td><table>");
        Iterator<Map.Entry<String, JsonNode>> it =
                f.get("properties").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String v = e.getValue().isValueNode()
                    ? e.getValue().asString()
                    : e.getValue().toString();
            b.append("<tr><th>")
                    .append(esc(e.getKey()))
                    .append("</th><td>")
                    .append(esc(v.length() > 600 ? v.substring(0, 600) + "…" : v))
                    .append("</td></tr>");
        }
        b.append("</table></td></tr>");
    }

    private static void links(StringBuilder b, JsonNode links) {
        if (links == null) {
            return;
        }
        b.append("<ul>");
        for (JsonNode l : links) {
            String href = l.path("href").asString();
            if (l.path("type").asString().startsWith("application/json") && !href.contains("?")) {
                href = href + "?f=html";
            }
            b.append("<li><a href=\"")
                    .append(esc(href))
                    .append("\">")
                    .append(esc(l.path("title").asString(l.path("rel").asString())))
                    .append("</a> <small>(")
                    .append(esc(l.path("rel").asString()))
                    .append(", ")
                    .append(esc(l.path("type").asString()))
                    .append(")</small></li>");
        }
        b.append("</ul>");
    }

    /** Text escaped for HTML content and attribute values ({@code & < > "}); null as empty. */
    public static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
