-- The embedded store keeps no spatial (R-tree) index: B-tree indexed bounding-box columns instead.
--
-- Why: H2 (2.3.232 and 2.4.240, with or without H2GIS) cannot reopen a database whose undo log holds
-- a change to an R-tree index: when the process dies (kill -9, OOM kill, power cut) while one
-- transaction has touched a spatial index and another one's commit has written its undo log to the
-- file, the next open replays that log, opens the R-tree map through the transaction store's
-- generic map builder, which casts the registered key type (ValueDataType) to SpatialDataType:
-- "MVStoreException: Unable to read the page ... ClassCastException ValueDataType -> SpatialDataType"
-- on every start, for good. Measured on bare H2 2.4.240 (4 writers, kill -9 at a random moment):
-- with spatial indexes the file was unopenable after the 1st to 2nd kill in 4 of 4 runs; with
-- only B-tree indexes, 0 unopenable in 60 kills. EmbeddedCrashTest holds the server to it.
--
-- The columns are generated from geom, so no writer can forget them; SpatialDialect.H2gisDialect
-- compares them (the index narrows by longitude) before ST_Intersects decides. PostGIS keeps its
-- GiST indexes (../postgresql/V28__bbox_btree.sql only records why the two differ).
DROP INDEX incidents_geom_idx;
DROP INDEX incidents_point_idx;
DROP INDEX places_geom_idx;

ALTER TABLE incidents ADD COLUMN geom_xmin DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMin(geom));
ALTER TABLE incidents ADD COLUMN geom_ymin DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMin(geom));
ALTER TABLE incidents ADD COLUMN geom_xmax DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMax(geom));
ALTER TABLE incidents ADD COLUMN geom_ymax DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMax(geom));
CREATE INDEX incidents_bbox_idx ON incidents (geom_xmin, geom_ymin);

ALTER TABLE places ADD COLUMN geom_xmin DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMin(geom));
ALTER TABLE places ADD COLUMN geom_ymin DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMin(geom));
ALTER TABLE places ADD COLUMN geom_xmax DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMax(geom));
ALTER TABLE places ADD COLUMN geom_ymax DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMax(geom));
CREATE INDEX places_bbox_idx ON places (geom_xmin, geom_ymin);
