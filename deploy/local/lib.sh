# Shared settings for the local scripts. Sourced, not run.
# Every value can be overridden from the environment.

: "${ROOT:?ROOT must be set by the sourcing script}"
export QIS_INFRA_DIR=${QIS_INFRA_DIR:-$ROOT/.infra}
export QIS_CACHE_DIR=${QIS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/qis}
export QIS_CREDENTIALS_FILE=${QIS_CREDENTIALS_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/qis/local-credentials.env}

# Ports: chosen away from the usual ones so the stack can sit beside an existing Postgres/Kafka.
export QIS_PG_PORT=${QIS_PG_PORT:-15432}
export QIS_KAFKA_PORT=${QIS_KAFKA_PORT:-19092}
export QIS_KAFKA_CONTROLLER_PORT=${QIS_KAFKA_CONTROLLER_PORT:-19093}
# The SASL/SCRAM listener: every service, tool and test logs in there as its own principal, and so do
# the platforms' feeds (ACLs decide). QIS_KAFKA_PORT is PLAINTEXT, where a client without
# credentials may do nothing.
export QIS_KAFKA_SASL_PORT=${QIS_KAFKA_SASL_PORT:-19094}
# The broker's own listener (SASL PLAIN as qis-broker): between the broker and itself, and where the
# provisioning step gives qis-admin its first credential.
export QIS_KAFKA_INTERNAL_PORT=${QIS_KAFKA_INTERNAL_PORT:-19095}
export QIS_MINIO_PORT=${QIS_MINIO_PORT:-19000}
export QIS_MINIO_CONSOLE_PORT=${QIS_MINIO_CONSOLE_PORT:-19001}
# Keycloak (the staff console's sign-in; management port for its health) and nginx (the console and
# every service under one origin).
export QIS_KEYCLOAK_PORT=${QIS_KEYCLOAK_PORT:-18080}
export QIS_KEYCLOAK_MANAGEMENT_PORT=${QIS_KEYCLOAK_MANAGEMENT_PORT:-18081}
export QIS_CONSOLE_PORT=${QIS_CONSOLE_PORT:-18000}
# The local RFC 3161 time-stamping authority (openssl ts) that stamps evidence's custody checkpoints.
export QIS_TSA_PORT=${QIS_TSA_PORT:-18318}
# Jaeger (traces, on request: infra.sh up jaeger): OTLP/HTTP receiver, UI and HTTP API, query gRPC.
export QIS_JAEGER_OTLP_PORT=${QIS_JAEGER_OTLP_PORT:-18418}
export QIS_JAEGER_UI_PORT=${QIS_JAEGER_UI_PORT:-18686}
export QIS_JAEGER_GRPC_PORT=${QIS_JAEGER_GRPC_PORT:-18685}
export QIS_KEYCLOAK_URL=${QIS_KEYCLOAK_URL:-http://127.0.0.1:$QIS_KEYCLOAK_PORT}
export QIS_KEYCLOAK_REALM=${QIS_KEYCLOAK_REALM:-qis}
# The superuser creates databases and roles. The owner role owns the services' databases and tables
# and runs their migrations (DB_MIGRATION_USER); the services run as the application role, which
# owns nothing and gets only what a service needs: SELECT and INSERT on the audit and custody
# ledgers, so it can neither rewrite them nor disable their triggers.
export QIS_PG_USER=${QIS_PG_USER:-qis}
export QIS_PG_OWNER_USER=${QIS_PG_OWNER_USER:-qis_owner}
export QIS_PG_APP_USER=${QIS_PG_APP_USER:-qis_app}
# Development tokens (npm run token) are signed by this issuer for this audience.
export QIS_AUTH_ISSUER=${QIS_AUTH_ISSUER:-qis-dev}
export QIS_AUTH_AUDIENCE=${QIS_AUTH_AUDIENCE:-qis}

# service name -> HTTP port and database
QIS_SERVICES="planning purchasing evidence lab-gateway enforcement disclosure"
service_port() {
  case "$1" in
    planning) echo "${PLANNING_HTTP_PORT:-7101}" ;;
    purchasing) echo "${PURCHASING_HTTP_PORT:-7102}" ;;
    evidence) echo "${EVIDENCE_HTTP_PORT:-7103}" ;;
    lab-gateway) echo "${LAB_GATEWAY_HTTP_PORT:-7104}" ;;
    enforcement) echo "${ENFORCEMENT_HTTP_PORT:-7105}" ;;
    disclosure) echo "${DISCLOSURE_HTTP_PORT:-7106}" ;;
    *) return 1 ;;
  esac
}
service_db() { echo "qis_${1//-/_}"; }
QIS_DATABASES=""
for s in $QIS_SERVICES; do QIS_DATABASES="$QIS_DATABASES $(service_db "$s")"; done

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

wait_for() {
  local name=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "infra: $name not ready after ${seconds}s" >&2
      return 1
    fi
    sleep 0.5
  done
}

# The Kafka principals' password variables, QIS_KAFKA_PASSWORD_<name> (`node dist/tools/kafka-acl/cli.js
# --list` prints the principals derived from the contracts; it names any password missing here).
QIS_KAFKA_PRINCIPALS="PLANNING PURCHASING EVIDENCE LAB_GATEWAY ENFORCEMENT DISCLOSURE PLATFORM_INGEST ADMIN"
export QIS_KAFKA_VERSION=${QIS_KAFKA_VERSION:-3.9.1}

# Development credentials: random, generated once per user, never in the repository.
ensure_credentials() {
  if [ ! -f "$QIS_CREDENTIALS_FILE" ]; then
    mkdir -p "$(dirname "$QIS_CREDENTIALS_FILE")"
    (
      umask 077
      {
        echo "# Local development credentials for qis (generated $(date -u +%FT%TZ)). Not for production."
        echo "QIS_PG_PASSWORD=$(openssl rand -hex 16)"
        echo "QIS_PG_APP_PASSWORD=$(openssl rand -hex 16)"
        echo "QIS_MINIO_ACCESS_KEY=qis-$(openssl rand -hex 6)"
        echo "QIS_MINIO_SECRET_KEY=$(openssl rand -hex 24)"
        echo "QIS_MINIO_KMS_SECRET_KEY=qis-key:$(openssl rand -base64 32)"
        echo "QIS_PURCHASING_IDENTITY_KEY=dev1:$(openssl rand -base64 32)"
        echo "QIS_PURCHASING_BLIND_INDEX_KEY=$(openssl rand -base64 32)"
      } >"$QIS_CREDENTIALS_FILE"
    )
  fi
  # Files written before the application role existed lack its password: add one.
  if ! grep -q '^QIS_PG_APP_PASSWORD=' "$QIS_CREDENTIALS_FILE"; then
    echo "QIS_PG_APP_PASSWORD=$(openssl rand -hex 16)" >>"$QIS_CREDENTIALS_FILE"
  fi
  # Files written before the owner role ran the migrations lack its password: add one.
  if ! grep -q '^QIS_PG_OWNER_PASSWORD=' "$QIS_CREDENTIALS_FILE"; then
    echo "QIS_PG_OWNER_PASSWORD=$(openssl rand -hex 16)" >>"$QIS_CREDENTIALS_FILE"
  fi
  # Files written before the purchasing service encrypted buyer identities lack its key: add one.
  if ! grep -q '^QIS_PURCHASING_IDENTITY_KEY=' "$QIS_CREDENTIALS_FILE"; then
    echo "QIS_PURCHASING_IDENTITY_KEY=dev1:$(openssl rand -base64 32)" >>"$QIS_CREDENTIALS_FILE"
  fi
  # Files written before buyers' ID numbers had a blind index lack its key: add one.
  if ! grep -q '^QIS_PURCHASING_BLIND_INDEX_KEY=' "$QIS_CREDENTIALS_FILE"; then
    echo "QIS_PURCHASING_BLIND_INDEX_KEY=$(openssl rand -base64 32)" >>"$QIS_CREDENTIALS_FILE"
  fi
  # Files written before the console signed in through Keycloak lack its admin and database passwords.
  if ! grep -q '^QIS_KEYCLOAK_ADMIN_PASSWORD=' "$QIS_CREDENTIALS_FILE"; then
    echo "QIS_KEYCLOAK_ADMIN_PASSWORD=$(openssl rand -hex 16)" >>"$QIS_CREDENTIALS_FILE"
    echo "QIS_KEYCLOAK_DB_PASSWORD=$(openssl rand -hex 16)" >>"$QIS_CREDENTIALS_FILE"
  fi
  # Files written before each service had its own Kafka principal lack their passwords: add them
  # (one per principal of tools/kafka-acl; `infra.sh principals` provisions them on the broker).
  local principal
  for principal in $QIS_KAFKA_PRINCIPALS; do
    if ! grep -q "^QIS_KAFKA_PASSWORD_$principal=" "$QIS_CREDENTIALS_FILE"; then
      echo "QIS_KAFKA_PASSWORD_$principal=$(openssl rand -hex 24)" >>"$QIS_CREDENTIALS_FILE"
    fi
  done
  # The broker's own principal (qis-broker, SASL PLAIN on its CONTROLLER and INTERNAL listeners).
  if ! grep -q '^QIS_KAFKA_BROKER_PASSWORD=' "$QIS_CREDENTIALS_FILE"; then
    echo "QIS_KAFKA_BROKER_PASSWORD=$(openssl rand -hex 24)" >>"$QIS_CREDENTIALS_FILE"
  fi
  set -a
  # shellcheck disable=SC1090
  source "$QIS_CREDENTIALS_FILE"
  set +a
}
ensure_credentials

# The variables the services and the tests read (see libs/config). The Kafka principal is qis-admin,
# for the tools and the test harness; each service gets its own instead (stack.sh, spawnService).
print_env() {
  cat <<EOF
QIS_ENV=development
DB_HOST=127.0.0.1
DB_PORT=$QIS_PG_PORT
DB_USER=$QIS_PG_APP_USER
DB_PASSWORD=$QIS_PG_APP_PASSWORD
DB_ADMIN_USER=$QIS_PG_USER
DB_ADMIN_PASSWORD=$QIS_PG_PASSWORD
DB_MIGRATION_USER=$QIS_PG_OWNER_USER
DB_MIGRATION_PASSWORD=$QIS_PG_OWNER_PASSWORD
KAFKA_BROKERS=127.0.0.1:$QIS_KAFKA_SASL_PORT
KAFKA_SASL_MECHANISM=scram-sha-512
KAFKA_SASL_USERNAME=qis-admin
KAFKA_SASL_PASSWORD=$QIS_KAFKA_PASSWORD_ADMIN
KAFKA_SASL_BROKERS=127.0.0.1:$QIS_KAFKA_SASL_PORT
KAFKA_PLAINTEXT_BROKERS=127.0.0.1:$QIS_KAFKA_PORT
QIS_CREDENTIALS_FILE=$QIS_CREDENTIALS_FILE
MINIO_ENDPOINT=http://127.0.0.1:$QIS_MINIO_PORT
MINIO_ACCESS_KEY=$QIS_MINIO_ACCESS_KEY
MINIO_SECRET_KEY=$QIS_MINIO_SECRET_KEY
MINIO_REGION=us-east-1
MINIO_KMS_KEY_ID=${QIS_MINIO_KMS_SECRET_KEY%%:*}
AUTH_PUBLIC_KEY_FILE=$QIS_INFRA_DIR/keys/dev-jwt.pub
AUTH_ISSUER=$QIS_AUTH_ISSUER
AUTH_AUDIENCE=$QIS_AUTH_AUDIENCE
AUTH_OIDC_ISSUER=$QIS_KEYCLOAK_URL/realms/$QIS_KEYCLOAK_REALM
AUTH_OIDC_JWKS_URL=$QIS_KEYCLOAK_URL/realms/$QIS_KEYCLOAK_REALM/protocol/openid-connect/certs
KEYCLOAK_URL=$QIS_KEYCLOAK_URL
KEYCLOAK_ADMIN_USER=qis-admin
KEYCLOAK_ADMIN_PASSWORD=$QIS_KEYCLOAK_ADMIN_PASSWORD
QIS_JAEGER_OTLP_URL=http://127.0.0.1:$QIS_JAEGER_OTLP_PORT
QIS_JAEGER_URL=http://127.0.0.1:$QIS_JAEGER_UI_PORT
EOF
}
