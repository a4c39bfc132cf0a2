package org.conflictmap.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.conflictmap.gazetteer.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the bundled incident dataset ({@code geodata/incidents/*.json}) at start-up, idempotently:
 * the files' content hash is kept in {@code incident_dataset_state}; unchanged files load nothing,
 * changed files create or replace their incidents (edits made through the API to other incidents stay).
 */
@Component
class IncidentDataset {
    private static final Logger log = LoggerFactory.getLogger(IncidentDataset.class);
    static final String EDITOR = "dataset";
    static final String STATE = "SELECT content_hash FROM incident_dataset_state WHERE id = 1";
    static final String STATE_DELETE = "DELETE FROM incident_dataset_state";
    static final String STATE_INSERT =
            "INSERT INTO incident_dataset_state (id, content_hash, loaded_at) VALUES (1, ?, ?)";

    IncidentDataset(
            IncidentsProperties properties,
            Gazetteer gazetteer,
            IncidentRepository incidents,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            ObjectMapper json)
            throws IOException {
        int filled = incidents.fillDerived();
        if (filled > 0) {
            log.info("Derived columns filled in for {} incidents written before they existed", filled);
        }
        int history = incidents.fillHistoryColumns();
        if (history > 0) {
            log.info("Filter columns filled in for {} history rows written before they existed", history);
        }
        if (!properties.loadOnStartup()) {
            return;
        }
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(properties.dataset() + "*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        MessageDigest digest = sha256();
        List<byte[]> contents = new ArrayList<>();
        for (Resource f : files) {
            try (InputStream in = f.getInputStream()) {
                byte[] b = in.readAllBytes();
                contents.add(b);
                digest.update(f.getFilename().getBytes(StandardCharsets.UTF_8));
                digest.update(b);
            }
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        List<String> stored = jdbc.queryForList(STATE, String.class);
        if (!stored.isEmpty() && stored.get(0).equals(hash)) {
            log.info("Incident dataset unchanged ({} files), not re-loaded", files.length);
            return;
        }
        List<Incident> all = new ArrayList<>();
        for (int k = 0; k < files.length; k++) {
            JsonNode array = json.readTree(contents.get(k));
            for (JsonNode item : array) {
                try {
                    all.add(new IncidentJson(gazetteer).read(item, null, 0, null, null));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "bad incident in " + files[k].getFilename() + ": " + e.getMessage(), e);
                }
            }
        }
        int created = tx.execute(s -> {
            int n = incidents.upsertAll(all, EDITOR); // joins this transaction
            jdbc.update(STATE_DELETE);
            jdbc.update(STATE_INSERT, hash, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            return n;
        });
        log.info("Incident dataset loaded: {} incidents ({} new) from {} files", all.size(), created, files.length);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
