-- Flat columns that CQL2 filters compare in SQL (the queryables places, place_ids, parties and
-- sources, '; '-separated as the exports write them) and the incident's whole GeoJSON Feature as
-- written, which OGC items and GeoJSON exports stream as it is. Derived from the row on every write;
-- rows written before this migration are filled in at start-up (IncidentRepository.fillDerived).
-- Keep in step with ../h2/V21__incident_flat_columns.sql.
ALTER TABLE incidents ADD COLUMN place_names TEXT;
ALTER TABLE incidents ADD COLUMN place_ids TEXT;
ALTER TABLE incidents ADD COLUMN party_names TEXT;
ALTER TABLE incidents ADD COLUMN source_outlets TEXT;
ALTER TABLE incidents ADD COLUMN feature TEXT;
CREATE INDEX incidents_order_idx ON incidents (occurred_start, id);
