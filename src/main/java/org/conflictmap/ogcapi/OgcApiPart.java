package org.conflictmap.ogcapi;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Another OGC API standard served under the same landing page {@code /ogc} by a feature of its own
 * (OGC API – Tiles by {@code tiles}): what it adds to the landing page, the conformance declaration,
 * each collection's links and the OpenAPI document. {@link OgcController} iterates every such bean.
 */
public interface OgcApiPart {
    /** The conformance classes this part implements. */
    List<String> conformance();

    /** Links from the landing page ({@code base} is the server's public address). */
    void landingLinks(String base, ArrayNode links);

    /** Links from collection {@code collection}'s description. */
    void collectionLinks(String base, String collection, ArrayNode links);

    /** Its paths, added to the OpenAPI document's {@code paths} (relative to {@code /ogc}). */
    void paths(ObjectNode paths);
}
