-- Embedded store (H2 + H2GIS). Keep in step with ../postgresql/V1__gazetteer.sql.

CREATE TABLE places (
    id            VARCHAR(120)  PRIMARY KEY,
    name          VARCHAR(300)  NOT NULL,
    name_folded   VARCHAR(300)  NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    country       VARCHAR(2),
    admin1        VARCHAR(20),
    alt_names     VARCHAR       NOT NULL,  -- JSON array of strings, every script
    search_names  VARCHAR       NOT NULL,  -- '|' + folded names joined by '|' + '|'
    population    BIGINT,
    label_rank    INT,
    properties    VARCHAR       NOT NULL,  -- JSON object of the kind's extra properties
    source        VARCHAR(100)  NOT NULL,
    geom          GEOMETRY(GEOMETRY, 4326) NOT NULL
);
CREATE SPATIAL INDEX places_geom_idx ON places (geom);
CREATE INDEX places_kind_idx ON places (kind, country);

CREATE TABLE gazetteer_state (
    id            INT           PRIMARY KEY CHECK (id = 1),
    content_hash  VARCHAR(64)   NOT NULL,
    files         VARCHAR       NOT NULL,
    place_count   INT           NOT NULL,
    loaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE data_version (
    id            INT           PRIMARY KEY CHECK (id = 1),
    version       BIGINT        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO data_version (id, version, updated_at) VALUES (1, 1, CURRENT_TIMESTAMP);
