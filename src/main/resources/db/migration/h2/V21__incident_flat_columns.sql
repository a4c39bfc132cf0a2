-- Flat columns that CQL2 filters compare in SQL (the queryables places, place_ids, parties and
-- sources, '; '-separated as the exports write them) and the incident's whole GeoJSON Feature as
-- written, which OGC items and GeoJSON exports stream as it is. Derived from the row on every write;
-- rows written before this migration are filled in at start-up (IncidentRepository.fillDerived).
-- Keep in step with ../postgresql/V21__incident_flat_columns.sql.
ALTER TABLE incidents ADD COLUMN place_names VARCHAR;
ALTER TABLE incidents ADD COLUMN place_ids VARCHAR;
ALTER TABLE incidents ADD COLUMN party_names VARCHAR;
ALTER TABLE incidents ADD COLUMN source_outlets VARCHAR;
ALTER TABLE incidents ADD COLUMN feature VARCHAR;
CREATE INDEX incidents_order_idx ON incidents (occurred_start, id);
