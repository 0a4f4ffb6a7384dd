-- The runtime role's rights (see roles.sql), run by deploy/postgres/db-access.sh after the migrations, as the
-- superuser, connected to the application's database. Idempotent.
-- Rows of every table: read and write. audit_log: append and read only (the trigger refuses changes for every
-- role; the runtime role may not even try). The migrations table: read only.
-- Variables (psql -v): migrator_role, app_role.
\set ON_ERROR_STOP on

SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'app_role') \gexec
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', :'app_role') \gexec
SELECT format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', :'app_role') \gexec
SELECT format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM %I', :'app_role') \gexec
-- But a full re-match's scratch pairs, which the matcher empties at the end of every run (a DELETE of millions of rows
-- at tier L wrote them all to the WAL again).
SELECT format('GRANT TRUNCATE ON match_candidate TO %I', :'app_role') \gexec
SELECT format('REVOKE UPDATE, DELETE ON audit_log FROM %I', :'app_role') \gexec
SELECT format('REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM %I', :'app_role') \gexec
-- Tables a later migration creates get the same rights (audit_log is never re-created; re-run this after each
-- migration anyway, as docker-compose.yml does).
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', :'migrator_role', :'app_role') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', :'migrator_role', :'app_role') \gexec
