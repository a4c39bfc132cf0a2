-- Keep in step with ../h2/V28__bbox_btree.sql: the embedded store replaced its R-tree indexes with
-- B-tree indexed bounding-box columns (H2 cannot reopen a file whose undo log touches an R-tree after
-- kill -9). PostGIS's GiST indexes are crash-safe (WAL) and stay; nothing changes here.
COMMENT ON COLUMN incidents.geom IS 'the real extent (GiST indexed; the embedded store indexes its bounding box with B-trees)';
