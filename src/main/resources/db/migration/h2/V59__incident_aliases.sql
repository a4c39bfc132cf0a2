-- The ids an incident was known by before (docs/QA.md, D9): a draft of the ingest ("draft-<article>-<n>")
-- takes a proper id when it is published, and its draft id stays here, so that GET /api/incidents/<draft id>
-- (a link an editor kept, a note, the history's older versions) answers with a redirect to the incident.
CREATE TABLE incident_aliases (
    alias        VARCHAR(100)  PRIMARY KEY,
    incident_id  VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_aliases_incident_idx ON incident_aliases (incident_id);
