#!/usr/bin/env bash
# Run once by the postgres image on a fresh volume (the local script does the same): the
# application role, no superuser, owning one database per service; Keycloak's own role and database.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
create role qis_app login nosuperuser nocreatedb nocreaterole password '${QIS_PG_APP_PASSWORD}';
create role qis_keycloak login nosuperuser nocreatedb nocreaterole password '${QIS_KEYCLOAK_DB_PASSWORD}';
create database qis_keycloak owner qis_keycloak;
SQL
for db in qis_planning qis_purchasing qis_evidence qis_lab_gateway qis_enforcement qis_disclosure; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "create database $db owner qis_app"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$db" -c "grant all on schema public to qis_app"
done
