-- One history row per version of an incident, checked by the store. Keep in step with the other
-- vendor's V43__incident_history_versions.sql (PostgreSQL renumbers with UPDATE … FROM; H2 has no such
-- UPDATE, and MERGE … USING is the same thing here).
--
-- Before it, writes read, checked and replaced an incident without a row lock, so two editors with one
-- If-Match could both write the same next version; a delete was recorded at the version it deleted, and
-- an id created again after a delete started again at 1. Renumber each incident's history in the order
-- it was written (1, 2, 3, … by seq: a delete takes the number after the version it deleted, which is
-- what the server records from now on), give each incident the number of its last write, and let the
-- start-up rebuild the stored Feature of those (feature = NULL: IncidentRepository.fillDerived).
MERGE INTO incident_history h
USING (SELECT seq, ROW_NUMBER() OVER (PARTITION BY incident_id ORDER BY seq) AS n FROM incident_history) r
ON h.seq = r.seq
WHEN MATCHED AND h.version <> r.n THEN UPDATE SET version = r.n;

UPDATE incidents SET version = (SELECT MAX(h.version) FROM incident_history h WHERE h.incident_id = incidents.id),
    feature = NULL
WHERE version <> (SELECT MAX(h.version) FROM incident_history h WHERE h.incident_id = incidents.id);

ALTER TABLE incident_history ADD CONSTRAINT incident_history_version_uq UNIQUE (incident_id, version);
