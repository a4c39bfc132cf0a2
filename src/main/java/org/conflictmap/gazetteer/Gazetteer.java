package org.conflictmap.gazetteer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The gazetteer: loaded into the store at start-up, idempotently (a store whose content hash matches
 * the files is left alone; a changed file re-loads the whole table in one transaction), and held in
 * memory afterwards for the geocoder and the map, which read it on every request.
 */
@Component
public class Gazetteer {
    private static final Logger log = LoggerFactory.getLogger(Gazetteer.class);

    private final PlaceRepository repository;
    private final Map<String, Place> byId;

    Gazetteer(
            PlaceRepository repository,
            GazetteerProperties properties,
            ResourceLoader resources,
            ObjectMapper json,
            TransactionTemplate tx) {
        this.repository = repository;
        if (properties.loadOnStartup()) {
            load(new GeodataFiles(resources, properties.location(), json), tx);
        }
        this.byId = repository.all().stream().collect(Collectors.toUnmodifiableMap(Place::id, Function.identity()));
        log.info("Gazetteer: {} places", byId.size());
    }

    /** Loads the files into the store unless it already holds exactly them; true when it loaded. */
    boolean load(GeodataFiles files, TransactionTemplate tx) {
        String hash = files.contentHash();
        if (hash.equals(repository.loadedHash())) {
            log.info("Gazetteer unchanged (content {}), not re-loaded", hash.substring(0, 12));
            return false;
        }
        List<Place> places = files.places();
        tx.executeWithoutResult(s -> repository.replaceAll(places, hash, GeodataFiles.ALL));
        log.info(
                "Gazetteer loaded: {} places from {} files (content {})",
                places.size(),
                GeodataFiles.ALL.size(),
                hash.substring(0, 12));
        return true;
    }

    public Optional<Place> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every place, in id order; the collection is immutable. */
    public Collection<Place> all() {
        return byId.values();
    }
}
