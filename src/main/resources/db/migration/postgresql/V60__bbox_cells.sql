-- Keep in step with ../h2/V60__bbox_cells.sql: the embedded store adds a B-tree cell key to find the
-- incidents near a box (its V28 bounding-box index narrowed by longitude only). PostGIS's GiST index does
-- that already; nothing changes here.
COMMENT ON COLUMN incidents.geom IS 'the real extent (GiST indexed; the embedded store indexes its bounding box and grid cell with B-trees)';
