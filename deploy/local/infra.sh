#!/usr/bin/env bash
# Local infrastructure without Docker: Apache Kafka (KRaft), MinIO, PostgreSQL, Keycloak (the
# console's sign-in) and nginx (the console and the services under one origin) on loopback.
#
#   bash deploy/local/infra.sh up|down|status|reset|logs [kafka|minio|postgres]|env|principals
#   bash deploy/local/infra.sh up jaeger|down jaeger|build-jaeger   traces, on request (not in `up`)
#
# Slow-to-obtain artefacts (Kafka jars, the MinIO binary) live in a per-user cache
# ($QIS_CACHE_DIR, default ~/.cache/qis) so a fresh clone reuses them; data, logs and pid files
# live per checkout in $QIS_INFRA_DIR (default <checkout>/.infra). Development credentials are
# generated once per user ($QIS_CREDENTIALS_FILE) so that a second checkout can reuse servers
# that are already up on the configured ports. `up` is idempotent.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/local/lib.sh
source "$ROOT/deploy/local/lib.sh"

KAFKA_VERSION=$QIS_KAFKA_VERSION
# MinIO's community server is source-only; pin the commit we build, by the pseudo-version the Go
# module proxy serves for it (the proxy refuses a bare commit hash it has not resolved before).
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
MINIO_COMMIT=${MINIO_VERSION##*-}
KAFKA_LIB="$QIS_CACHE_DIR/kafka-$KAFKA_VERSION/lib"
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_HOME="$QIS_CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
MINIO_BIN="$QIS_CACHE_DIR/minio-${MINIO_COMMIT:0:12}/bin/minio"

STEP=""
on_error() {
  local rc=$?
  echo "infra: FAILED at step '$STEP' (exit $rc). Logs: $QIS_INFRA_DIR/logs/" >&2
  [ -n "${STEP_LOG:-}" ] && [ -f "$STEP_LOG" ] && { echo "--- last lines of $STEP_LOG ---" >&2; tail -n 30 "$STEP_LOG" >&2; }
  exit "$rc"
}
trap on_error ERR
step() { STEP="$1"; STEP_LOG="${2:-}"; log "$1"; }

# ---------------------------------------------------------------- PostgreSQL
pg_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

install_postgres() {
  pg_bindir >/dev/null && return 0
  step "install PostgreSQL from Debian packages" "$QIS_INFRA_DIR/logs/apt.log"
  [ "$(id -u)" = 0 ] || { echo "PostgreSQL is missing; run: sudo apt-get install -y postgresql" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -q >"$STEP_LOG" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >>"$STEP_LOG" 2>&1
  # Debian starts a system cluster on 5432; we run our own and leave that one alone.
}

# Postgres refuses to run as root: as root we run it as the `postgres` user, with its data in a
# folder that user can reach (keyed by checkout, linked from .infra/pg).
pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_datadir() {
  if [ "$(id -u)" = 0 ]; then
    echo "/var/lib/postgresql/qis/$(printf '%s' "$QIS_INFRA_DIR" | sha1sum | cut -c1-12)"
  else
    echo "$QIS_INFRA_DIR/pg"
  fi
}

pg_up() {
  if pg_isready -q -h 127.0.0.1 -p "$QIS_PG_PORT" 2>/dev/null; then
    if PGPASSWORD="$QIS_PG_PASSWORD" psql -h 127.0.0.1 -p "$QIS_PG_PORT" -U "$QIS_PG_USER" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
      log "postgres already up on $QIS_PG_PORT"
      pg_create_databases
      return 0
    fi
    echo "infra: port $QIS_PG_PORT answers but not with our credentials; set QIS_PG_PORT to a free port" >&2
    return 1
  fi
  install_postgres
  local bin data
  bin=$(pg_bindir)
  data=$(pg_datadir)
  if [ ! -f "$data/PG_VERSION" ]; then
    step "initialise PostgreSQL cluster in $data" "$QIS_INFRA_DIR/logs/postgres-init.log"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$(dirname "$data")" "$data" && chmod 700 "$data"
    local pwfile
    pwfile=$(mktemp)
    printf '%s\n' "$QIS_PG_PASSWORD" >"$pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
    pg_as "$bin/initdb" -D "$data" -U "$QIS_PG_USER" --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$STEP_LOG" 2>&1
    rm -f "$pwfile"
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $QIS_PG_PORT
unix_socket_directories = '$data'
max_connections = 400
shared_buffers = 256MB
fsync = on
log_timezone = 'UTC'
timezone = 'UTC'
EOF
  fi
  [ "$(id -u)" = 0 ] && ln -sfn "$data" "$QIS_INFRA_DIR/pg"
  step "start PostgreSQL on 127.0.0.1:$QIS_PG_PORT" "$QIS_INFRA_DIR/logs/postgres.log"
  # As root the server runs as `postgres`, which may not reach this checkout: its log lives next
  # to its data and is linked from .infra/logs.
  local logfile="$QIS_INFRA_DIR/logs/postgres.log"
  if [ "$(id -u)" = 0 ]; then
    logfile="$data.log"
    touch "$logfile" && chown postgres "$logfile"
    ln -sfn "$logfile" "$QIS_INFRA_DIR/logs/postgres.log"
  fi
  pg_as "$bin/pg_ctl" -D "$data" -l "$logfile" -w -t 60 start >/dev/null
  wait_for "postgres" 60 pg_isready -q -h 127.0.0.1 -p "$QIS_PG_PORT"
  pg_create_databases
}

pg_admin() { PGPASSWORD="$QIS_PG_PASSWORD" psql -h 127.0.0.1 -p "$QIS_PG_PORT" -U "$QIS_PG_USER" -v ON_ERROR_STOP=1 "$@"; }

# The services' role: may log in, owns their databases, nothing more (no superuser, no createdb).
pg_ensure_app_role() {
  step "ensure the owner role $QIS_PG_OWNER_USER and the application role $QIS_PG_APP_USER" "$QIS_INFRA_DIR/logs/postgres.log"
  pg_admin -d postgres -qAt >/dev/null <<SQL
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = '$QIS_PG_OWNER_USER') then
    create role "$QIS_PG_OWNER_USER" login nosuperuser nocreatedb nocreaterole;
  end if;
  if not exists (select 1 from pg_roles where rolname = '$QIS_PG_APP_USER') then
    create role "$QIS_PG_APP_USER" login nosuperuser nocreatedb nocreaterole;
  end if;
end \$\$;
alter role "$QIS_PG_OWNER_USER" with login noinherit nosuperuser nocreatedb nocreaterole password '$QIS_PG_OWNER_PASSWORD';
alter role "$QIS_PG_APP_USER" with login inherit nosuperuser nocreatedb nocreaterole password '$QIS_PG_APP_PASSWORD';
SQL
}

# Objects another role owns (the superuser, or the application role before the owner role
# existed) are handed to the owner role; the services grant the application role its privileges
# at their next start.
pg_hand_over() {
  pg_admin -d "$1" -qAt >/dev/null <<SQL
grant all on schema public to "$QIS_PG_OWNER_USER";
do \$\$ declare r record; begin
  for r in select format('alter table %I.%I owner to %I', schemaname, tablename, '$QIS_PG_OWNER_USER') as s
           from pg_tables where schemaname = 'public' and tableowner <> '$QIS_PG_OWNER_USER' loop
    execute r.s;
  end loop;
  for r in select format('alter sequence %I.%I owner to %I', schemaname, sequencename, '$QIS_PG_OWNER_USER') as s
           from pg_sequences q where schemaname = 'public' and sequenceowner <> '$QIS_PG_OWNER_USER'
             and not exists (select 1 from pg_depend d where d.objid = (quote_ident(q.schemaname) || '.' || quote_ident(q.sequencename))::regclass and d.deptype in ('a', 'i')) loop
    execute r.s;
  end loop;
  for r in select format('alter function %s owner to %I', p.oid::regprocedure, '$QIS_PG_OWNER_USER') as s
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '$QIS_PG_OWNER_USER' loop
    execute r.s;
  end loop;
end \$\$;
SQL
}

pg_create_databases() {
  pg_ensure_app_role
  step "create one database per service" "$QIS_INFRA_DIR/logs/postgres.log"
  local db
  for db in $QIS_DATABASES; do
    if [ -z "$(pg_admin -d postgres -Atqc "select 1 from pg_database where datname='$db'")" ]; then
      pg_admin -d postgres -qc "create database \"$db\" owner \"$QIS_PG_OWNER_USER\"" >/dev/null
      log "  created database $db"
    elif [ "$(pg_admin -d postgres -Atqc "select pg_get_userbyid(datdba) from pg_database where datname='$db'")" != "$QIS_PG_OWNER_USER" ]; then
      pg_admin -d postgres -qc "alter database \"$db\" owner to \"$QIS_PG_OWNER_USER\"" >/dev/null
      pg_hand_over "$db"
      log "  database $db now owned by $QIS_PG_OWNER_USER"
    fi
    # The application role connects and uses the schema; it creates nothing (the owner migrates).
    pg_admin -d "$db" -qc "grant all on schema public to \"$QIS_PG_OWNER_USER\"; revoke create on schema public from \"$QIS_PG_APP_USER\", public; grant usage on schema public to \"$QIS_PG_APP_USER\"; grant connect on database \"$db\" to \"$QIS_PG_APP_USER\"" >/dev/null
  done
}

pg_down() {
  local data bin
  data=$(pg_datadir)
  bin=$(pg_bindir 2>/dev/null) || return 0
  if [ -f "$data/postmaster.pid" ]; then
    pg_as "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    log "postgres stopped"
  fi
}

# ---------------------------------------------------------------- Kafka
fetch_kafka() {
  [ -f "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" ] && return 0
  step "fetch Apache Kafka $KAFKA_VERSION jars from Maven Central" "$QIS_INFRA_DIR/logs/kafka-fetch.log"
  command -v mvn >/dev/null || { echo "Maven is missing: apt-get install -y maven openjdk-17-jre-headless" >&2; return 1; }
  mkdir -p "$KAFKA_LIB"
  mvn -B -q -f "$ROOT/deploy/local/kafka/pom.xml" package -Dkafka.version="$KAFKA_VERSION" \
    -Dkafka.lib.dir="$KAFKA_LIB" >"$STEP_LOG" 2>&1
}

# Client listeners: SASL_PLAINTEXT on $QIS_KAFKA_SASL_PORT (SCRAM-SHA-512 for the services, the
# tools and the tests; SCRAM-SHA-256 too, for platforms' feed credentials), where StandardAuthorizer
# ACLs decide (no ACL = denied), and PLAINTEXT on $QIS_KAFKA_PORT, where ANONYMOUS is nobody: it has
# no ACL (`infra.sh principals` takes back any), so an unauthenticated client can do nothing. The
# broker talks to its controller and to itself as qis-broker (SASL PLAIN, a password of the
# credentials file) on CONTROLLER and INTERNAL; the super users are qis-broker and qis-admin, the
# provisioning principal the test harness and the tools connect as. Platform users and their ACLs
# are made when an admin registers a platform with disclosure (POST /feeds/platforms).
kafka_config() {
  local dir=$1
  local plain="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"qis-broker\" password=\"$QIS_KAFKA_BROKER_PASSWORD\" user_qis-broker=\"$QIS_KAFKA_BROKER_PASSWORD\";"
  local scram="org.apache.kafka.common.security.scram.ScramLoginModule required;"
  cat <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$QIS_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$QIS_KAFKA_PORT,CONTROLLER://127.0.0.1:$QIS_KAFKA_CONTROLLER_PORT,SASL_PLAINTEXT://127.0.0.1:$QIS_KAFKA_SASL_PORT,INTERNAL://127.0.0.1:$QIS_KAFKA_INTERNAL_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$QIS_KAFKA_PORT,SASL_PLAINTEXT://127.0.0.1:$QIS_KAFKA_SASL_PORT,INTERNAL://127.0.0.1:$QIS_KAFKA_INTERNAL_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=INTERNAL
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT
sasl.mechanism.controller.protocol=PLAIN
sasl.mechanism.inter.broker.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=$plain
listener.name.internal.sasl.enabled.mechanisms=PLAIN
listener.name.internal.plain.sasl.jaas.config=$plain
listener.name.sasl_plaintext.sasl.enabled.mechanisms=SCRAM-SHA-512,SCRAM-SHA-256
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=$scram
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=$scram
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:qis-broker;User:qis-admin
allow.everyone.if.no.acl.found=false
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
delete.topic.enable=true
log.retention.hours=168
EOF
}

kafka_ready() { (exec 3<>"/dev/tcp/127.0.0.1/$QIS_KAFKA_PORT") 2>/dev/null; }
kafka_sasl_ready() { (exec 3<>"/dev/tcp/127.0.0.1/$QIS_KAFKA_SASL_PORT") 2>/dev/null; }
kafka_internal_ready() { (exec 3<>"/dev/tcp/127.0.0.1/$QIS_KAFKA_INTERNAL_PORT") 2>/dev/null; }
kafka_ours() { [ -f "$QIS_INFRA_DIR/run/kafka.pid" ] && kill -0 "$(cat "$QIS_INFRA_DIR/run/kafka.pid")" 2>/dev/null; }

kafka_up() {
  local dir="$QIS_INFRA_DIR/kafka" cfg="$QIS_INFRA_DIR/kafka/server.properties"
  mkdir -p "$dir/data"
  # The file holds the broker's own password: readable by this user only.
  (umask 077 && kafka_config "$dir" >"$cfg.next")
  if kafka_ready; then
    if cmp -s "$cfg.next" "$cfg" || ! kafka_ours; then
      rm -f "$cfg.next"
      log "kafka already up on $QIS_KAFKA_PORT"
      kafka_sasl_ready || log "  (no SASL listener on $QIS_KAFKA_SASL_PORT: that broker is not this checkout's, or predates it)"
      return 0
    fi
    # A broker of this checkout started with an older configuration: restart it once to apply it.
    step "restart Kafka to apply its changed configuration" "$QIS_INFRA_DIR/logs/kafka.log"
    kafka_down
  fi
  fetch_kafka
  mv "$cfg.next" "$cfg"
  if [ ! -f "$dir/data/meta.properties" ]; then
    step "format Kafka KRaft storage" "$QIS_INFRA_DIR/logs/kafka-format.log"
    local id
    id=$(java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid 2>"$STEP_LOG")
    java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool format -t "$id" -c "$cfg" >>"$STEP_LOG" 2>&1
  fi
  step "start Kafka on 127.0.0.1:$QIS_KAFKA_PORT" "$QIS_INFRA_DIR/logs/kafka.log"
  cat >"$dir/log4j.properties" <<EOF
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
EOF
  nohup java -Xms256m -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$dir/log4j.properties" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$cfg" >"$STEP_LOG" 2>&1 &
  echo $! >"$QIS_INFRA_DIR/run/kafka.pid"
  wait_for "kafka" 90 kafka_ready
  wait_for "kafka SASL listener" 30 kafka_sasl_ready
  wait_for "kafka INTERNAL listener" 30 kafka_internal_ready
}

kafka_down() { stop_pid kafka; }

# Each service's own principal (SCRAM-SHA-512 and -256) and exactly the ACLs derived from the
# contracts (tools/kafka-acl, the source of the Strimzi KafkaUsers too), the topics when missing,
# and qis-admin, the provisioning principal (a super user) that the test harness and the tools log
# in as. Applied on the SASL listener as qis-admin; on a new broker qis-admin first gets its
# credential through the INTERNAL listener as the broker itself (qis-broker). Every ACL of ANONYMOUS
# is taken back: the PLAINTEXT listener lets a client without credentials do nothing. Passwords:
# QIS_KAFKA_PASSWORD_* in $QIS_CREDENTIALS_FILE. Idempotent: a principal that already logs in keeps
# its credential. Needs the built tool (npm run build).
kafka_principals() {
  local tool="$ROOT/dist/tools/kafka-acl/cli.js"
  if [ ! -f "$tool" ] || [ ! -d "$ROOT/node_modules/kafkajs" ]; then
    echo "infra: $tool is not built; run npm run build, then: infra.sh principals" >&2
    return 1
  fi
  if ! kafka_sasl_ready || ! kafka_internal_ready; then
    echo "infra: kafka is not up with its SASL ($QIS_KAFKA_SASL_PORT) and INTERNAL ($QIS_KAFKA_INTERNAL_PORT) listeners; run: infra.sh up kafka" >&2
    return 1
  fi
  step "provision the Kafka principals and their ACLs (tools/kafka-acl)" "$QIS_INFRA_DIR/logs/kafka-principals.log"
  (cd "$ROOT" && KAFKA_BROKERS="127.0.0.1:$QIS_KAFKA_SASL_PORT" KAFKA_INTERNAL_BROKERS="127.0.0.1:$QIS_KAFKA_INTERNAL_PORT" \
    node -r ./tools/runtime/register-paths.js "$tool") >"$STEP_LOG" 2>&1
  cat "$STEP_LOG"
}

# ---------------------------------------------------------------- MinIO
build_minio() {
  [ -x "$MINIO_BIN" ] && return 0
  step "build MinIO ${MINIO_COMMIT:0:12} with go install (takes a few minutes once)" "$QIS_INFRA_DIR/logs/minio-build.log"
  command -v go >/dev/null || { echo "Go is missing: install Go >= 1.24" >&2; return 1; }
  mkdir -p "$(dirname "$MINIO_BIN")"
  (cd "$QIS_CACHE_DIR" && CGO_ENABLED=0 GOBIN="$(dirname "$MINIO_BIN")" GOFLAGS=-mod=mod \
    go install -trimpath "github.com/minio/minio@$MINIO_VERSION") >"$STEP_LOG" 2>&1
}

minio_ready() { curl -fs -o /dev/null "http://127.0.0.1:$QIS_MINIO_PORT/minio/health/ready"; }

minio_up() {
  if minio_ready; then log "minio already up on $QIS_MINIO_PORT"; return 0; fi
  build_minio
  mkdir -p "$QIS_INFRA_DIR/minio/data"
  step "start MinIO on 127.0.0.1:$QIS_MINIO_PORT" "$QIS_INFRA_DIR/logs/minio.log"
  MINIO_ROOT_USER="$QIS_MINIO_ACCESS_KEY" MINIO_ROOT_PASSWORD="$QIS_MINIO_SECRET_KEY" \
    MINIO_KMS_SECRET_KEY="$QIS_MINIO_KMS_SECRET_KEY" MINIO_BROWSER=off MINIO_UPDATE=off \
    MINIO_API_REQUESTS_DEADLINE=2m \
    nohup "$MINIO_BIN" server "$QIS_INFRA_DIR/minio/data" \
    --address "127.0.0.1:$QIS_MINIO_PORT" --console-address "127.0.0.1:$QIS_MINIO_CONSOLE_PORT" \
    --quiet >"$STEP_LOG" 2>&1 &
  echo $! >"$QIS_INFRA_DIR/run/minio.pid"
  wait_for "minio" 60 minio_ready
}

minio_down() { stop_pid minio; }

# ---------------------------------------------------------------- Jaeger (traces)
# Jaeger v2 (an OpenTelemetry Collector distribution) from the Go module proxy, built once per user
# in a throwaway module with `go get -tool` (its go.mod has replace directives, which `go install
# pkg@version` refuses) and cached like MinIO. Receives OTLP/HTTP on $QIS_JAEGER_OTLP_PORT, keeps
# traces in memory (gone with the process), serves its UI and HTTP API on $QIS_JAEGER_UI_PORT. On
# request only: `up jaeger` (npm start with QIS_TRACING=1; npm test, for the trace test).
JAEGER_VERSION=v1.75.0
JAEGER_BIN="$QIS_CACHE_DIR/jaeger-$JAEGER_VERSION/bin/jaeger"

build_jaeger() {
  [ -x "$JAEGER_BIN" ] && return 0
  command -v go >/dev/null || { echo "Go is missing: install Go >= 1.24" >&2; return 1; }
  mkdir -p "$(dirname "$JAEGER_BIN")"
  # One build at a time per user (npm test builds in the background while it lints).
  exec 8>"$(dirname "$JAEGER_BIN")/.build.lock"
  flock 8
  [ -x "$JAEGER_BIN" ] && { exec 8>&-; return 0; }
  step "build Jaeger $JAEGER_VERSION with go get -tool (minutes, once per user)" "$QIS_INFRA_DIR/logs/jaeger-build.log"
  local dir started=$SECONDS
  dir=$(mktemp -d "$QIS_CACHE_DIR/jaeger-build.XXXXXX")
  (cd "$dir" && go mod init qis.local/jaeger-build &&
    CGO_ENABLED=0 go get -tool "github.com/jaegertracing/jaeger/cmd/jaeger@$JAEGER_VERSION" &&
    CGO_ENABLED=0 go build -trimpath -o "$JAEGER_BIN.partial" github.com/jaegertracing/jaeger/cmd/jaeger) >"$STEP_LOG" 2>&1
  mv "$JAEGER_BIN.partial" "$JAEGER_BIN"
  rm -rf "$dir"
  exec 8>&-
  log "  Jaeger built in $((SECONDS - started)) s: $JAEGER_BIN"
}

jaeger_config() {
  cat <<EOF
service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    resource:
      service.name: jaeger
    metrics:
      level: none
    logs:
      level: warn
extensions:
  jaeger_query:
    storage:
      traces: memory_store
    http:
      endpoint: 127.0.0.1:$QIS_JAEGER_UI_PORT
    grpc:
      endpoint: 127.0.0.1:$QIS_JAEGER_GRPC_PORT
  jaeger_storage:
    backends:
      memory_store:
        memory:
          max_traces: 20000
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:$QIS_JAEGER_OTLP_PORT
processors:
  batch:
    timeout: 200ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memory_store
EOF
}

jaeger_ready() {
  curl -fs -o /dev/null "http://127.0.0.1:$QIS_JAEGER_UI_PORT/api/services" &&
    (exec 3<>"/dev/tcp/127.0.0.1/$QIS_JAEGER_OTLP_PORT") 2>/dev/null
}

jaeger_up() {
  if jaeger_ready; then log "jaeger already up: UI http://127.0.0.1:$QIS_JAEGER_UI_PORT"; return 0; fi
  build_jaeger
  mkdir -p "$QIS_INFRA_DIR/jaeger"
  jaeger_config >"$QIS_INFRA_DIR/jaeger/config.yaml"
  step "start Jaeger: OTLP/HTTP 127.0.0.1:$QIS_JAEGER_OTLP_PORT, UI http://127.0.0.1:$QIS_JAEGER_UI_PORT" "$QIS_INFRA_DIR/logs/jaeger.log"
  nohup "$JAEGER_BIN" --config "$QIS_INFRA_DIR/jaeger/config.yaml" >"$STEP_LOG" 2>&1 &
  echo $! >"$QIS_INFRA_DIR/run/jaeger.pid"
  wait_for "jaeger" 60 jaeger_ready
}

jaeger_down() { stop_pid jaeger; }

# Optional: its line never makes `status` fail.
jaeger_status() {
  if jaeger_ready; then echo "jaeger    up    http://127.0.0.1:$QIS_JAEGER_UI_PORT (OTLP/HTTP 127.0.0.1:$QIS_JAEGER_OTLP_PORT)"
  else echo "jaeger    down  http://127.0.0.1:$QIS_JAEGER_UI_PORT (on request: infra.sh up jaeger)"; fi
}

# ---------------------------------------------------------------- Keycloak
# From Maven Central (the Quarkus distribution zip), cached per user; `kc.sh build` fixes the
# build-time options once (PostgreSQL, health), then it runs in production mode (`start
# --optimized`) over plain HTTP on loopback, its data in its own database of the project's
# PostgreSQL. The realm and the demo users are provisioned by `tools/keycloak` (stack.sh start).
KEYCLOAK_BUILD_OPTIONS="--db=postgres --health-enabled=true --features-disabled=impersonation"
fetch_keycloak() {
  [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] && return 0
  step "fetch Keycloak $KEYCLOAK_VERSION from Maven Central" "$QIS_INFRA_DIR/logs/keycloak-fetch.log"
  command -v mvn >/dev/null || { echo "Maven is missing: apt-get install -y maven" >&2; return 1; }
  local artifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" tmp
  mvn -B -q dependency:get -Dartifact="$artifact" -Dtransitive=false >"$STEP_LOG" 2>&1
  tmp=$(mktemp -d "$QIS_CACHE_DIR/keycloak.XXXXXX")
  mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$tmp" >>"$STEP_LOG" 2>&1
  (cd "$tmp" && unzip -q ./*.zip && rm -f ./*.zip)
  rm -rf "$KEYCLOAK_HOME" && mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME" && rm -rf "$tmp"
}

keycloak_build() {
  local stamp="$KEYCLOAK_HOME/.qis-build-options"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$KEYCLOAK_BUILD_OPTIONS" ] && return 0
  step "build Keycloak for PostgreSQL (kc.sh build, once)" "$QIS_INFRA_DIR/logs/keycloak-build.log"
  # shellcheck disable=SC2086
  "$KEYCLOAK_HOME/bin/kc.sh" build $KEYCLOAK_BUILD_OPTIONS >"$STEP_LOG" 2>&1
  echo "$KEYCLOAK_BUILD_OPTIONS" >"$stamp"
}

keycloak_ready() { curl -fs -o /dev/null "http://127.0.0.1:$QIS_KEYCLOAK_MANAGEMENT_PORT/health/ready"; }

# Its own role and database, so the services' role never reaches Keycloak's tables.
keycloak_database() {
  pg_admin -d postgres -qAt >/dev/null <<SQL
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = 'qis_keycloak') then
    create role qis_keycloak login nosuperuser nocreatedb nocreaterole;
  end if;
end \$\$;
alter role qis_keycloak with password '$QIS_KEYCLOAK_DB_PASSWORD';
SQL
  if [ -z "$(pg_admin -d postgres -Atqc "select 1 from pg_database where datname='qis_keycloak'")" ]; then
    pg_admin -d postgres -qc 'create database qis_keycloak owner qis_keycloak' >/dev/null
  fi
}

keycloak_up() {
  if keycloak_ready; then log "keycloak already up on $QIS_KEYCLOAK_PORT"; return 0; fi
  fetch_keycloak
  keycloak_build
  keycloak_database
  step "start Keycloak $KEYCLOAK_VERSION on 127.0.0.1:$QIS_KEYCLOAK_PORT" "$QIS_INFRA_DIR/logs/keycloak.log"
  # The bootstrap admin exists only to provision realms (tools/console-stack); its password is the
  # per-user generated one. A small fixed heap: the default takes a share of the machine's memory.
  KC_BOOTSTRAP_ADMIN_USERNAME=qis-admin KC_BOOTSTRAP_ADMIN_PASSWORD="$QIS_KEYCLOAK_ADMIN_PASSWORD" \
    KC_DB_URL="jdbc:postgresql://127.0.0.1:$QIS_PG_PORT/qis_keycloak" KC_DB_USERNAME=qis_keycloak \
    KC_DB_PASSWORD="$QIS_KEYCLOAK_DB_PASSWORD" \
    JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" \
    nohup "$KEYCLOAK_HOME/bin/kc.sh" start --optimized \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$QIS_KEYCLOAK_PORT" \
    --http-management-port="$QIS_KEYCLOAK_MANAGEMENT_PORT" \
    --hostname="$QIS_KEYCLOAK_URL" --hostname-backchannel-dynamic=false \
    --cache=local --log-level=warn >"$STEP_LOG" 2>&1 &
  echo $! >"$QIS_INFRA_DIR/run/keycloak.pid"
  wait_for "keycloak" 180 keycloak_ready
}

keycloak_down() { stop_pid keycloak; }

# ---------------------------------------------------------------- nginx
# The browser's one origin: the console's files at / and each service at /api/<service>/ (the
# same routes as the console chart deploy/helm/console). Debian's nginx binary, our own
# configuration (deploy/nginx/*.template) and pid under .infra/nginx; Debian's own site is left
# alone. `npm start` (tools/console-stack) and the browser tests write and run the configuration.
install_nginx() {
  command -v nginx >/dev/null && return 0
  step "install nginx from Debian packages" "$QIS_INFRA_DIR/logs/apt-nginx.log"
  [ "$(id -u)" = 0 ] || { echo "nginx is missing; run: sudo apt-get install -y nginx-light" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -q >"$STEP_LOG" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx-light >>"$STEP_LOG" 2>&1
  # Debian starts its default site on :80 at install; it is not ours to keep running.
  service nginx stop >/dev/null 2>&1 || nginx -s quit >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------- dev JWT issuer key pair
dev_keys() {
  local dir="$QIS_INFRA_DIR/keys"
  [ -f "$dir/dev-jwt.key" ] && return 0
  step "create the development JWT key pair"
  mkdir -p "$dir" && chmod 700 "$dir"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/dev-jwt.key" 2>/dev/null
  openssl pkey -in "$dir/dev-jwt.key" -pubout -out "$dir/dev-jwt.pub" 2>/dev/null
  chmod 600 "$dir/dev-jwt.key"
}

# ---------------------------------------------------------------- document and browser tools
# The evidence service renders Chinese PDFs with an embedded CJK font (WenQuanYi Micro Hei), and
# its tests turn a PDF page into PNG with pdftoppm (poppler-utils). The disclosure page's browser
# tests drive Debian's chromium with playwright-core (no browser download). Installed from Debian
# when absent.
CJK_FONT_FILE=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
documents_tools() {
  [ -f "$CJK_FONT_FILE" ] && command -v pdftoppm >/dev/null && command -v chromium >/dev/null && command -v unzip >/dev/null && return 0
  step "install the CJK font, poppler-utils and chromium from Debian packages" "$QIS_INFRA_DIR/logs/apt-documents.log"
  [ "$(id -u)" = 0 ] || { echo "missing CJK font, pdftoppm or chromium; run: sudo apt-get install -y fonts-wqy-microhei poppler-utils chromium" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -q >"$STEP_LOG" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-wqy-microhei poppler-utils chromium unzip >>"$STEP_LOG" 2>&1
}

# ---------------------------------------------------------------- helpers
stop_pid() {
  local name=$1 f="$QIS_INFRA_DIR/run/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    log "$name stopped"
  fi
  rm -f "$f"
}

status() {
  local rc=0
  if pg_isready -q -h 127.0.0.1 -p "$QIS_PG_PORT" 2>/dev/null; then echo "postgres  up    127.0.0.1:$QIS_PG_PORT"; else echo "postgres  down  127.0.0.1:$QIS_PG_PORT"; rc=1; fi
  if kafka_ready; then echo "kafka     up    127.0.0.1:$QIS_KAFKA_PORT (PLAINTEXT: no rights without credentials)"; else echo "kafka     down  127.0.0.1:$QIS_KAFKA_PORT (PLAINTEXT: no rights without credentials)"; rc=1; fi
  if kafka_sasl_ready; then echo "kafka     up    127.0.0.1:$QIS_KAFKA_SASL_PORT (SASL/SCRAM: services, tools, tests, platform feeds)"; else echo "kafka     down  127.0.0.1:$QIS_KAFKA_SASL_PORT (SASL/SCRAM: services, tools, tests, platform feeds)"; rc=1; fi
  if minio_ready; then echo "minio     up    127.0.0.1:$QIS_MINIO_PORT"; else echo "minio     down  127.0.0.1:$QIS_MINIO_PORT"; rc=1; fi
  if keycloak_ready; then echo "keycloak  up    $QIS_KEYCLOAK_URL"; else echo "keycloak  down  $QIS_KEYCLOAK_URL"; rc=1; fi
  jaeger_status
  return $rc
}

cmd=${1:-status}
shift || true
mkdir -p "$QIS_INFRA_DIR/logs" "$QIS_INFRA_DIR/run" "$QIS_CACHE_DIR"
case "$cmd" in
  up)
    only=${1:-all}
    dev_keys
    documents_tools
    case "$only" in
      all) pg_up; kafka_up; minio_up; keycloak_up; install_nginx ;;
      postgres) pg_up ;; kafka) kafka_up ;; minio) minio_up ;; keycloak) pg_up; keycloak_up ;;
      jaeger) jaeger_up ;;
      *) echo "unknown server '$only'" >&2; exit 2 ;;
    esac
    STEP=""
    status || true
    ;;
  down)
    only=${1:-all}
    case "$only" in
      all) jaeger_down; keycloak_down; minio_down; kafka_down; pg_down ;;
      postgres) pg_down ;; kafka) kafka_down ;; minio) minio_down ;; keycloak) keycloak_down ;;
      jaeger) jaeger_down ;;
      *) echo "unknown server '$only'" >&2; exit 2 ;;
    esac
    ;;
  status) status ;;
  reset)
    keycloak_down; minio_down; kafka_down; pg_down
    rm -rf "$QIS_INFRA_DIR/kafka" "$QIS_INFRA_DIR/minio" "$(pg_datadir)" "$(pg_datadir).log" "$QIS_INFRA_DIR/pg"
    log "data removed; run 'up' to start fresh"
    ;;
  logs)
    name=${1:-}
    if [ -z "$name" ]; then ls -1 "$QIS_INFRA_DIR/logs"; else tail -n "${LINES:-100}" -f "$QIS_INFRA_DIR/logs/$name.log"; fi
    ;;
  env) print_env ;;
  principals) kafka_principals; STEP="" ;;
  build-jaeger) build_jaeger; STEP="" ;;
  *) echo "usage: infra.sh up|down|status|reset|logs [name]|env|principals|build-jaeger" >&2; exit 2 ;;
esac
