#!/usr/bin/env bash
# Run once by the postgres image on a fresh volume (the local script does the same): the owner role
# owning one database per service and running its migrations, the application role the services run
# as (no superuser, owning nothing: the services grant it what they need, SELECT and INSERT only on
# their ledgers), Keycloak's own role and database.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
create role qis_owner login noinherit nosuperuser nocreatedb nocreaterole password '${QIS_PG_OWNER_PASSWORD}';
create role qis_app login nosuperuser nocreatedb nocreaterole password '${QIS_PG_APP_PASSWORD}';
create role qis_keycloak login nosuperuser nocreatedb nocreaterole password '${QIS_KEYCLOAK_DB_PASSWORD}';
create database qis_keycloak owner qis_keycloak;
SQL
for db in qis_planning qis_purchasing qis_evidence qis_lab_gateway qis_enforcement qis_disclosure; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "create database $db owner qis_owner"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$db" \
    -c "grant all on schema public to qis_owner; revoke create on schema public from public; grant usage on schema public to qis_app"
done
