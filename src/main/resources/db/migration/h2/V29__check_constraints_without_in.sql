-- The two CHECK constraints that listed their values with IN, rewritten as CASE.
--
-- Why: in H2 2.4.240 a CHECK (x IN ('a', 'b')) — or (x = 'a' OR x = 'b'), which H2 turns into the
-- same thing — keeps a comparator of the session that created it (h2database issues #4302, #4308;
-- fixed after 2.4.240). When that connection closes while the database stays open (Hikari retires
-- it after its 30 min lifetime, or evicts it after an error such as an OutOfMemoryError), every
-- later INSERT or UPDATE fails with "Check constraint invalid: INCIDENTS_STATUS_CK" (23514) until
-- the server restarts. A CASE keeps no comparator: checked in a fresh H2 2.4.240, the IN and OR
-- forms fail in a second connection, the CASE form accepts 'draft' and refuses 'bogus' (23513).
-- IncidentsContractTest evicts every pooled connection and writes. PostgreSQL keeps its IN.
ALTER TABLE incidents DROP CONSTRAINT incidents_status_ck;
ALTER TABLE incidents ADD CONSTRAINT incidents_status_ck
    CHECK (CASE status WHEN 'draft' THEN TRUE WHEN 'published' THEN TRUE ELSE FALSE END);
ALTER TABLE incident_history DROP CONSTRAINT incident_history_op_ck;
ALTER TABLE incident_history ADD CONSTRAINT incident_history_op_ck
    CHECK (CASE operation WHEN 'create' THEN TRUE WHEN 'update' THEN TRUE WHEN 'delete' THEN TRUE ELSE FALSE END);
