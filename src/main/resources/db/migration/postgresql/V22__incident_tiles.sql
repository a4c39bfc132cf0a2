-- Vector tiles read a narrow table of their own: the published incidents' tile attributes, times
-- already as the ISO text the tiles carry, and the geometry in EPSG:3857. ST_AsMVT over the
-- incidents table itself read ~2 KB rows (claims, sources, the stored Feature) to use ~100 bytes of
-- each, and formatted two timestamps per feature with to_char. The table is derived: statement
-- triggers keep it in step with every INSERT, UPDATE and DELETE on incidents, in the same
-- transaction, so a tile can never show what the incidents table no longer holds.
-- The embedded store encodes tiles in Java from incidents and has no such table (../h2/V22).
CREATE TABLE incident_tiles (
    id              VARCHAR(100) PRIMARY KEY,
    type            TEXT        NOT NULL,
    geo_precision   TEXT        NOT NULL,
    time_precision  TEXT        NOT NULL,
    occurred_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    occurred_end    TIMESTAMP WITH TIME ZONE NOT NULL,
    "start"         TEXT        NOT NULL,
    "end"           TEXT        NOT NULL,
    contested       BOOLEAN     NOT NULL,
    claims_count    INT         NOT NULL,
    killed_min      INT,
    killed_max      INT,
    wounded_min     INT,
    wounded_max     INT,
    title           TEXT        NOT NULL,
    parties         TEXT,
    operation       TEXT,
    geom_3857       geometry(Geometry, 3857) NOT NULL
);
CREATE INDEX incident_tiles_geom_idx ON incident_tiles USING GIST (geom_3857);
-- one tile is one aggregate: on two cores, combining partial MVTs from parallel workers cost more
-- than the workers saved (z8, 11,800 points: ~95 ms parallel, ~40 serial)
ALTER TABLE incident_tiles SET (parallel_workers = 0);

CREATE FUNCTION incident_tiles_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM incident_tiles t USING old_rows o WHERE t.id = o.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        -- read from the statement's own rows only (joining back to incidents made a bulk import
        -- scan the growing table once per batch: 100,000 rows in 300 s instead of 35)
        INSERT INTO incident_tiles
        SELECT id, type, geo_precision, time_precision, occurred_start, occurred_end,
               to_char(occurred_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               to_char(occurred_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               contested, claims_count, killed_min, killed_max, wounded_min, wounded_max, title,
               party_names, operation, ST_Transform(geom, 3857)
        FROM new_rows WHERE status = 'published';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER incident_tiles_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incident_tiles_sync();
CREATE TRIGGER incident_tiles_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incident_tiles_sync();
CREATE TRIGGER incident_tiles_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incident_tiles_sync();

-- the rows there already, through the update trigger (one statement); the 3857 column on incidents
-- (V20) has no reader left
UPDATE incidents SET status = status;
DROP INDEX incidents_geom_3857_idx;
ALTER TABLE incidents DROP COLUMN geom_3857;
