-- Which tiles each write touched, for a CDN purge hook (GET /tiles/changes, docs/TILES.md): the
-- lon/lat extent of the published incidents a statement deleted, changed or inserted (so an edit
-- leaves the extent of the old geometry and of the new one), recorded by statement triggers in the
-- write's own transaction. store.DataVersion stamps the transaction's rows with the data version it
-- bumps to; versions are handed out under data_version's row lock, in commit order, so a poller that
-- has seen version v never misses a change that commits later. Keep in step with ../h2/V42.
CREATE TABLE tile_changes (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version  BIGINT,
    min_lon  DOUBLE PRECISION NOT NULL,
    min_lat  DOUBLE PRECISION NOT NULL,
    max_lon  DOUBLE PRECISION NOT NULL,
    max_lat  DOUBLE PRECISION NOT NULL
);
CREATE INDEX tile_changes_version_idx ON tile_changes (version);

CREATE FUNCTION tile_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO tile_changes (min_lon, min_lat, max_lon, max_lat)
        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
        FROM (SELECT ST_Extent(geom) AS e FROM old_rows WHERE status = 'published') x WHERE e IS NOT NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO tile_changes (min_lon, min_lat, max_lon, max_lat)
        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
        FROM (SELECT ST_Extent(geom) AS e FROM new_rows WHERE status = 'published') x WHERE e IS NOT NULL;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tile_changes_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_changes_record();
CREATE TRIGGER tile_changes_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_changes_record();
CREATE TRIGGER tile_changes_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_changes_record();
