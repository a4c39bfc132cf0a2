-- Incidents with contested claims (embedded store). Keep in step with ../postgresql/V2__incidents.sql.
-- The full claims and sources are JSON documents on the row (GeoJSON carries them whole); the
-- columns after them are derived from the claims on every write, for flat outputs and filters.

CREATE TABLE incidents (
    id              VARCHAR(100)  PRIMARY KEY,
    title           VARCHAR(300)  NOT NULL,
    summary         VARCHAR(4000),
    type            VARCHAR(40)   NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    occurred_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    occurred_end    TIMESTAMP WITH TIME ZONE NOT NULL,
    time_precision  VARCHAR(12)   NOT NULL,
    geo_precision   VARCHAR(20)   NOT NULL,
    places          VARCHAR       NOT NULL,  -- JSON [{"id","name"}]
    actors          VARCHAR       NOT NULL,  -- JSON ["..."]
    operation       VARCHAR(200),
    tags            VARCHAR       NOT NULL,  -- JSON ["..."]
    claims          VARCHAR       NOT NULL,  -- JSON [claim]
    sources         VARCHAR       NOT NULL,  -- JSON [source]
    claims_summary  VARCHAR       NOT NULL,  -- JSON {side: {"claims", "killed_min", "killed_max", ...}}
    claims_count    INT           NOT NULL,
    killed_min      INT,
    killed_max      INT,
    wounded_min     INT,
    wounded_max     INT,
    parties         VARCHAR(300)  NOT NULL,  -- '|af_government|pk_government|' (for filters)
    contested       BOOLEAN       NOT NULL,
    version         INT           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    geom            GEOMETRY(GEOMETRY, 4326) NOT NULL,  -- the real extent: a point, a province area, a line…
    geom_point      GEOMETRY(POINT, 4326)    NOT NULL,  -- one representative point inside geom
    CONSTRAINT incidents_status_ck CHECK (status IN ('draft', 'published')),
    CONSTRAINT incidents_time_ck CHECK (occurred_start <= occurred_end)
);
CREATE SPATIAL INDEX incidents_geom_idx ON incidents (geom);
CREATE SPATIAL INDEX incidents_point_idx ON incidents (geom_point);
CREATE INDEX incidents_time_idx ON incidents (occurred_start, occurred_end);
CREATE INDEX incidents_type_idx ON incidents (type);
