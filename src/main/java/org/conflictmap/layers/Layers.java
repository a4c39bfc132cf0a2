package org.conflictmap.layers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.errors.NotFound;
import org.springframework.stereotype.Component;

/**
 * The registry of collections: every {@link Collection} bean, in their {@code @Order}. OGC API – Features
 * and Tiles, TileJSON, the exports and the web map's configuration iterate it; {@link Extents} reads
 * each one's extent from the store.
 */
@Component
public class Layers {
    private final Map<String, Collection> byId;
    /** {@link #tiled()}: asked by every tile request, so listed once. */
    private final List<Collection> tiled;

    /** The collections in their order; two of one id are an error of the registrations. */
    public Layers(List<Collection> collections) {
        Map<String, Collection> m = new LinkedHashMap<>();
        for (Collection c : collections) {
            if (m.putIfAbsent(c.id(), c) != null) {
                throw new IllegalStateException("two collections are registered as '" + c.id() + "'");
            }
        }
        this.byId = Collections.unmodifiableMap(m);
        this.tiled = byId.values().stream().filter(c -> c.tiles() != null).toList();
    }

    /** Every collection, in registration order. */
    public List<Collection> all() {
        return List.copyOf(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public Optional<Collection> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The collection {@code id}; {@link NotFound} naming the collections there are. */
    public Collection get(String id) {
        Collection c = byId.get(id);
        if (c == null) {
            throw new NotFound("no collection '" + (id.length() > 60 ? id.substring(0, 60) : id)
                    + "'; the collections are " + ids());
        }
        return c;
    }

    /** The collections with a vector tile layer, in registration order. */
    public List<Collection> tiled() {
        return tiled;
    }

    /** The collections with downloads. */
    public List<Collection> exported() {
        return byId.values().stream().filter(Collection::exported).toList();
    }
}
