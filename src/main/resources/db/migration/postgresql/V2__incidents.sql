-- Incidents with contested claims (PostGIS). Keep in step with ../h2/V2__incidents.sql.

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
    places          TEXT          NOT NULL,
    actors          TEXT          NOT NULL,
    operation       VARCHAR(200),
    tags            TEXT          NOT NULL,
    claims          TEXT          NOT NULL,
    sources         TEXT          NOT NULL,
    claims_summary  TEXT          NOT NULL,
    claims_count    INT           NOT NULL,
    killed_min      INT,
    killed_max      INT,
    wounded_min     INT,
    wounded_max     INT,
    parties         VARCHAR(300)  NOT NULL,
    contested       BOOLEAN       NOT NULL,
    version         INT           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    geom            geometry(Geometry, 4326) NOT NULL,
    geom_point      geometry(Point, 4326)    NOT NULL,
    CONSTRAINT incidents_status_ck CHECK (status IN ('draft', 'published')),
    CONSTRAINT incidents_time_ck CHECK (occurred_start <= occurred_end)
);
CREATE INDEX incidents_geom_idx ON incidents USING GIST (geom);
CREATE INDEX incidents_point_idx ON incidents USING GIST (geom_point);
CREATE INDEX incidents_time_idx ON incidents (occurred_start, occurred_end);
CREATE INDEX incidents_type_idx ON incidents (type);
