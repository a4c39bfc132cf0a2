-- ?asof= filters in SQL: each history row carries the columns the incident filter compares
-- (incidents.FilterCompiler), under the incidents table's names and as they were after that write
-- (before it, for a delete), with the bounding-box columns V28 gives incidents (the embedded store's
-- SpatialDialect compares them). Before this, asof read every latest history row, parsed its Feature
-- and tested the filter in Java. Rows written before this migration get them at start-up
-- (IncidentRepository.fillHistoryColumns: status IS NULL marks a row not yet filled).
-- Keep in step with ../postgresql/V53__incident_history_filter_columns.sql.
ALTER TABLE incident_history ADD COLUMN status VARCHAR(12);
ALTER TABLE incident_history ADD COLUMN type VARCHAR(40);
ALTER TABLE incident_history ADD COLUMN title VARCHAR(300);
ALTER TABLE incident_history ADD COLUMN summary VARCHAR(4000);
ALTER TABLE incident_history ADD COLUMN operation_name VARCHAR(200);  -- the incident's operation (operation is the write's)
ALTER TABLE incident_history ADD COLUMN occurred_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident_history ADD COLUMN occurred_end TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident_history ADD COLUMN contested BOOLEAN;
ALTER TABLE incident_history ADD COLUMN killed_max INT;
ALTER TABLE incident_history ADD COLUMN parties VARCHAR(300);
ALTER TABLE incident_history ADD COLUMN geom GEOMETRY(GEOMETRY, 4326);
ALTER TABLE incident_history ADD COLUMN geom_xmin DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMin(geom));
ALTER TABLE incident_history ADD COLUMN geom_ymin DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMin(geom));
ALTER TABLE incident_history ADD COLUMN geom_xmax DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMax(geom));
ALTER TABLE incident_history ADD COLUMN geom_ymax DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMax(geom));
