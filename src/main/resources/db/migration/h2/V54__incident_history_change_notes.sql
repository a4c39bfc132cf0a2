-- What a history row's write was, when "update" says too little: a claim moved to or from another incident
-- is {"kind": "claim_moved", "claim": n, "claimant": "…", "to": "other-id"} on the incident it left and
-- {"kind": "claim_moved", "claim": n, "claimant": "…", "from": "other-id", "from_claim": k} on the one it joined
-- (JSON text, written by incidents.MergeSplitController; NULL for a plain write). GET /api/incidents/{id}/history
-- shows it as "change"; the desk's history names the other incident.
-- Keep in step with the other vendor's V54__incident_history_change_notes.sql.
ALTER TABLE incident_history ADD COLUMN change_note VARCHAR(2000);
