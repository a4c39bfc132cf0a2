-- The event stream's order (GET /api/incidents/changes): each history row gets the data version its
-- transaction bumps to (incidents.IncidentRepository.bumpVersion stamps the rows still NULL). Versions
-- are handed out under data_version's row lock, held to the commit, so (change_version, seq) follows
-- commit order; seq alone follows insert order, and a reader that had seen seq 11 missed seq 10 when
-- 10's transaction (an import, say) committed later. NULL: not yet committed. Rows written before
-- this migration are all committed: they keep their order by seq at change_version 0.
-- Keep in step with the other vendor's V44__incident_history_commit_order.sql.
ALTER TABLE incident_history ADD COLUMN change_version BIGINT;
UPDATE incident_history SET change_version = 0;
CREATE INDEX incident_history_change_idx ON incident_history (change_version, seq);
