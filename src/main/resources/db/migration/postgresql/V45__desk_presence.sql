-- The desk's soft lock (desk.Presence): which editor has which incident open in a review, kept alive by
-- the review's heartbeat and ignored once seen_at is older than conflictmap.desk.presence-ttl (60 s).
-- In the store, not in one server's memory, so editors on different servers over one store see each
-- other. It never stops a write: If-Match does that. Keep in step with the other vendor's V45.
CREATE TABLE desk_presence (
    incident_id  VARCHAR(100)  NOT NULL,
    editor       VARCHAR(100)  NOT NULL,
    since        TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, editor)
);
CREATE INDEX desk_presence_seen_idx ON desk_presence (seen_at);
