-- Which tiles each write touched, for a CDN purge hook (GET /tiles/changes): see ../postgresql/V42.
-- H2 has no statement triggers with transition tables; a row trigger in Java records each published
-- incident's extent before and after (tiles.TileChangeTrigger).
CREATE TABLE tile_changes (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version  BIGINT,
    min_lon  DOUBLE PRECISION NOT NULL,
    min_lat  DOUBLE PRECISION NOT NULL,
    max_lon  DOUBLE PRECISION NOT NULL,
    max_lat  DOUBLE PRECISION NOT NULL
);
CREATE INDEX tile_changes_version_idx ON tile_changes (version);
CREATE TRIGGER tile_changes_record AFTER INSERT, UPDATE, DELETE ON incidents FOR EACH ROW
    CALL 'org.conflictmap.tiles.TileChangeTrigger';
