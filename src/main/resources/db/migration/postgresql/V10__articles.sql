-- Articles submitted for ingest (their text is never served publicly) and the draft incidents
-- proposed from them. Keep in step with the other vendor's V10__articles.sql.
CREATE TABLE articles (
    id           VARCHAR(40)   PRIMARY KEY,
    url          VARCHAR(2000),
    outlet       VARCHAR(200)  NOT NULL,
    title        VARCHAR(300),
    published    DATE,
    text_hash    VARCHAR(64)   NOT NULL,
    text         TEXT          NOT NULL,
    editor       VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT articles_hash_uq UNIQUE (text_hash)
);
CREATE UNIQUE INDEX articles_url_idx ON articles (url);

CREATE TABLE article_incidents (
    article_id   VARCHAR(40)   NOT NULL REFERENCES articles (id),
    incident_id  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (article_id, incident_id)
);
CREATE INDEX article_incidents_incident_idx ON article_incidents (incident_id);
