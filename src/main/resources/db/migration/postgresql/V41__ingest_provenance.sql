-- Where each field and claim of an ingest draft came from: the article and the character offsets
-- of the sentence (docs/INGEST.md, "Provenance"). Keep in step with the other vendor's file.
CREATE TABLE ingest_provenance (
    incident_id  VARCHAR(100)  NOT NULL,
    article_id   VARCHAR(40)   NOT NULL REFERENCES articles (id),
    field        VARCHAR(40)   NOT NULL,
    start_offset INTEGER       NOT NULL,
    end_offset   INTEGER       NOT NULL
);
CREATE INDEX ingest_provenance_incident_idx ON ingest_provenance (incident_id);
