-- ?asof= filters in SQL: each history row carries the columns the incident filter compares
-- (incidents.FilterCompiler), under the incidents table's names and as they were after that write
-- (before it, for a delete). Before this, asof read every latest history row, parsed its Feature and
-- tested the filter in Java. Rows written before this migration get them at start-up
-- (IncidentRepository.fillHistoryColumns: status IS NULL marks a row not yet filled).
-- Keep in step with ../h2/V53__incident_history_filter_columns.sql.
ALTER TABLE incident_history ADD COLUMN status TEXT;
ALTER TABLE incident_history ADD COLUMN type TEXT;
ALTER TABLE incident_history ADD COLUMN title TEXT;
ALTER TABLE incident_history ADD COLUMN summary TEXT;
ALTER TABLE incident_history ADD COLUMN operation_name TEXT;  -- the incident's operation (operation is the write's)
ALTER TABLE incident_history ADD COLUMN occurred_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident_history ADD COLUMN occurred_end TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident_history ADD COLUMN contested BOOLEAN;
ALTER TABLE incident_history ADD COLUMN killed_max INT;
ALTER TABLE incident_history ADD COLUMN parties TEXT;
ALTER TABLE incident_history ADD COLUMN geom geometry(Geometry, 4326);
CREATE INDEX incident_history_unfilled_idx ON incident_history (seq) WHERE status IS NULL;
