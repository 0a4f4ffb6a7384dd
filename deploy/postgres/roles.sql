-- The two database roles of the production shape (issue 12): run by deploy/postgres/db-access.sh as the
-- cluster's superuser, connected to the application's database. Idempotent: creates what is missing, resets
-- passwords and ownership, so it can run on every `docker compose up`.
--   migrator_role: owns the database and every object in it; runs the migrations (db:migrate). Not a superuser.
--   app_role:      the services' runtime role. Reads and writes rows; owns nothing, so it cannot drop or alter
--                  a table or a trigger (the audit_log append-only trigger included). grants.sql gives its rights.
-- Variables (psql -v): db, migrator_role, migrator_password, app_role, app_password.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I', :'migrator_role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'migrator_role') \gexec
SELECT format('CREATE ROLE %I', :'app_role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', :'migrator_role', :'migrator_password') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD %L', :'app_role', :'app_password') \gexec

-- The migrator owns the database (and so its public schema, PostgreSQL 15+): it may create tables and the
-- trusted extension pg_trgm. Nobody else may connect but the two roles.
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'migrator_role') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db', :'app_role') \gexec
SELECT format('ALTER SCHEMA public OWNER TO %I', :'migrator_role') \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- A database first migrated by another role (earlier versions of docker-compose.yml ran everything as the
-- superuser): hand its objects to the migrator, so later migrations can change them and the runtime role never
-- inherits ownership. Objects of extensions stay with the extension.
SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, :'migrator_role')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> :'migrator_role'
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') \gexec
SELECT format('ALTER SEQUENCE %I.%I OWNER TO %I', n.nspname, c.relname, :'migrator_role')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> :'migrator_role'
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e')) \gexec
SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, :'migrator_role')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> :'migrator_role'
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e') \gexec
SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, :'migrator_role')
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> :'migrator_role'
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e') \gexec
