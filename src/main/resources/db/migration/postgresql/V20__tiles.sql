-- Vector tiles: incidents' geometry stored in EPSG:3857 (ST_AsMVTGeom reads it without a
-- per-tile ST_Transform) with its own GiST index for the tile-envelope test. Keep in step with
-- ../h2/V20__tiles.sql (the embedded store encodes tiles in Java and needs no column).
ALTER TABLE incidents ADD COLUMN geom_3857 geometry(Geometry, 3857)
    GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX incidents_geom_3857_idx ON incidents USING GIST (geom_3857);
