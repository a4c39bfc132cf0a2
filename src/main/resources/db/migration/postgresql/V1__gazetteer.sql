-- PostGIS store. Keep in step with ../h2/V1__gazetteer.sql.
-- The postgis extension itself is created by scripts/setup-postgis (or the postgis/postgis image);
-- the server checks for it before migrating and says what is missing.

CREATE TABLE places (
    id            VARCHAR(120)  PRIMARY KEY,
    name          VARCHAR(300)  NOT NULL,
    name_folded   VARCHAR(300)  NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    country       VARCHAR(2),
    admin1        VARCHAR(20),
    alt_names     TEXT          NOT NULL,
    search_names  TEXT          NOT NULL,
    population    BIGINT,
    label_rank    INT,
    properties    TEXT          NOT NULL,
    source        VARCHAR(100)  NOT NULL,
    geom          geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX places_geom_idx ON places USING GIST (geom);
CREATE INDEX places_kind_idx ON places (kind, country);

CREATE TABLE gazetteer_state (
    id            INT           PRIMARY KEY CHECK (id = 1),
    content_hash  VARCHAR(64)   NOT NULL,
    files         TEXT          NOT NULL,
    place_count   INT           NOT NULL,
    loaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE data_version (
    id            INT           PRIMARY KEY CHECK (id = 1),
    version       BIGINT        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO data_version (id, version, updated_at) VALUES (1, 1, now());
