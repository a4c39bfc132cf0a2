-- Keep in step with ../h2/V29__check_constraints_without_in.sql: H2 2.4.240 rewrote its IN-list
-- CHECK constraints as CASE (an H2 bug made them fail every write once the creating connection
-- closed). PostgreSQL evaluates IN correctly; its constraints stay as they are.
COMMENT ON CONSTRAINT incidents_status_ck ON incidents IS 'draft or published';
