#!/usr/bin/env bash
# The whole system on one machine, from a fresh clone:
#
#   bash deploy/local/stack.sh start     install, build, start the infrastructure and all six services
#                                        (QIS_TRACING=1: with Jaeger, every service exporting its traces)
#   bash deploy/local/stack.sh test      install, build, start the infrastructure (and Jaeger), lint, typecheck, test
#   bash deploy/local/stack.sh stop      stop the six services (the infrastructure keeps running)
#   bash deploy/local/stack.sh status    infrastructure and services, with their readiness
#   bash deploy/local/stack.sh logs NAME follow one service's log
#   bash deploy/local/stack.sh demo      run the demo campaign again on the running services
#
# `npm start` and `npm test` call the first two; neither needs an earlier `npm ci`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=deploy/local/lib.sh
source "$ROOT/deploy/local/lib.sh"

RUN_DIR="$QIS_INFRA_DIR/run"
LOG_DIR="$QIS_INFRA_DIR/logs"
mkdir -p "$RUN_DIR" "$LOG_DIR"

# Installs the locked dependencies when node_modules is missing or older than the lock file.
# `npm install` rather than `npm ci`: npm 11's `ci` refuses lock files that lack other platforms'
# optional binaries (npm/cli#8805), which is what npm itself writes on Linux. With a lock file
# present, `install` installs exactly the locked versions.
ensure_dependencies() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "install dependencies (npm install from package-lock.json)"
    npm install --no-audit --no-fund --loglevel=error
  fi
}

build() {
  log "build (tsc)"
  npx --no-install tsc -p tsconfig.build.json
  log "build the console (vite)"
  npx --no-install vite build --config apps/console/vite.config.mts --logLevel warn
}

# The console's realm and demo users in Keycloak, and nginx serving the console with every
# service under one origin (tools/console-stack).
console_stack() {
  (
    set -a
    eval "$(print_env)"
    set +a
    export QIS_CONSOLE_USERS_FILE=${QIS_CONSOLE_USERS_FILE:-$(dirname "$QIS_CREDENTIALS_FILE")/console-users.json}
    for name in $QIS_SERVICES; do
      var="QIS_$(echo "$name" | tr 'a-z-' 'A-Z_')_URL"
      export "$var=http://127.0.0.1:$(service_port "$name")"
    done
    node -r ./tools/runtime/register-paths.js dist/tools/console-stack/console-stack.js "$@"
  )
}

service_ready() { curl -fs -o /dev/null "http://127.0.0.1:$(service_port "$1")/health/ready"; }

service_running() {
  local f="$RUN_DIR/$1.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

start_service() {
  local name=$1 port
  port=$(service_port "$name")
  if service_running "$name"; then
    log "$name already running (pid $(cat "$RUN_DIR/$name.pid"))"
    return 0
  fi
  if curl -fs -o /dev/null "http://127.0.0.1:$port/health/live"; then
    echo "stack: port $port is taken by another process; set the service's *_HTTP_PORT" >&2
    return 1
  fi
  (
    set -a
    eval "$(print_env)"
    set +a
    # The services never need the superuser, nor Keycloak's admin.
    unset DB_ADMIN_USER DB_ADMIN_PASSWORD KEYCLOAK_ADMIN_USER KEYCLOAK_ADMIN_PASSWORD
    # Each service logs in to Kafka as its own principal qis-<service> (SCRAM-SHA-512 on the SASL
    # listener), where the ACLs of `infra.sh principals` hold it to its own topics; print_env's
    # qis-admin is for the tools, never a service. No service gets another's password.
    local password_var
    password_var="QIS_KAFKA_PASSWORD_$(echo "$name" | tr 'a-z-' 'A-Z_')"
    export KAFKA_SASL_USERNAME="qis-$name" KAFKA_SASL_PASSWORD="${!password_var}"
    for var in $(compgen -v QIS_KAFKA_PASSWORD_) QIS_KAFKA_BROKER_PASSWORD; do unset "$var"; done
    export HTTP_PORT="$port" DB_NAME="$(service_db "$name")"
    # Purchasing, lab-gateway and enforcement store and check their files at the evidence service.
    export EVIDENCE_URL="http://127.0.0.1:$(service_port evidence)"
    # Enforcement stores notices from Kafka handlers and schedulers: a service token signed with the dev key.
    if [ "$name" = enforcement ]; then
      export SERVICE_TOKEN_PRIVATE_KEY_FILE="$QIS_INFRA_DIR/keys/dev-jwt.key"
    fi
    # Development only: an admin may move the legal clocks of enforcement and the lab gateway (whose
    # dispatch and receipt times enforcement counts from) forward with POST /ops/clock, which the demo
    # does instead of back-dating deliveries. Production refuses to start with it; Compose never sets it.
    if [ "$name" = enforcement ] || [ "$name" = lab-gateway ]; then
      export CLOCK_OVERRIDE_ENABLED=true
    fi
    # Development only: the lab sandbox (docs/labs.md §8), where an integrator's sandbox lab gets
    # synthetic assignments; production refuses to start with it.
    if [ "$name" = lab-gateway ]; then export LAB_SANDBOX_ENABLED=true; fi
    # Buyer identities are purchasing's alone: only that process gets the key ring.
    if [ "$name" = purchasing ]; then
      export PURCHASING_IDENTITY_KEY="$QIS_PURCHASING_IDENTITY_KEY"
      export PURCHASING_ACTIVE_KEY_ID="${QIS_PURCHASING_IDENTITY_KEY%%:*}"
      export PURCHASING_BLIND_INDEX_KEY="$QIS_PURCHASING_BLIND_INDEX_KEY"
    fi
    unset QIS_PURCHASING_IDENTITY_KEY QIS_PURCHASING_BLIND_INDEX_KEY
    # Evidence checkpoints its custody chain at the local time-stamping authority and trusts its root.
    if [ "$name" = evidence ]; then
      export EVIDENCE_TSA_URL="http://127.0.0.1:$QIS_TSA_PORT/"
      export EVIDENCE_TSA_CERT_FILE="$QIS_INFRA_DIR/tsa/ca.crt"
    fi
    # QIS_TRACING=1: traces to the local Jaeger (infra.sh up jaeger); otherwise none are recorded.
    if [ "${QIS_TRACING:-0}" = 1 ]; then export OTEL_EXPORTER_OTLP_ENDPOINT="$QIS_JAEGER_OTLP_URL"; fi
    nohup node -r ./tools/runtime/register-paths.js "dist/services/$name/src/main.js" >"$LOG_DIR/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  )
  log "started $name on http://127.0.0.1:$port (log: $LOG_DIR/$name.log)"
}

# The local time-stamping authority (tools/tsa): openssl ts behind HTTP, its certificates kept in
# .infra/tsa so checkpoints stamped before a restart still verify.
tsa_ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$QIS_TSA_PORT/")" = 415 ]; }
start_tsa() {
  if service_running tsa; then return 0; fi
  mkdir -p "$QIS_INFRA_DIR/tsa"
  QIS_TSA_DIR="$QIS_INFRA_DIR/tsa" nohup node -r ./tools/runtime/register-paths.js dist/tools/tsa/serve.js \
    >"$LOG_DIR/tsa.log" 2>&1 &
  echo $! >"$RUN_DIR/tsa.pid"
  if ! wait_for tsa 30 tsa_ready; then
    echo "stack: the time-stamping authority did not start; $LOG_DIR/tsa.log:" >&2
    tail -n 20 "$LOG_DIR/tsa.log" >&2
    return 1
  fi
  log "time-stamping authority on http://127.0.0.1:$QIS_TSA_PORT/ (log: $LOG_DIR/tsa.log)"
}

wait_services() {
  local name
  for name in $QIS_SERVICES; do
    if ! wait_for "$name" 120 service_ready "$name"; then
      echo "stack: $name did not become ready; last lines of $LOG_DIR/$name.log:" >&2
      tail -n 40 "$LOG_DIR/$name.log" >&2
      return 1
    fi
  done
}

stop_services() {
  local name f pid
  for name in $QIS_SERVICES tsa; do
    f="$RUN_DIR/$name.pid"
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      log "stopped $name"
    fi
    rm -f "$f"
  done
}

# The demo campaign (tools/demo) against the running services: seed data, simulated actors,
# progress per stage, a summary table and the public page's URL.
run_demo() {
  log "demo campaign (QIS_DEMO=0 skips it; DEMO_BATCHES_PER_CATEGORY, DEMO_CONCURRENCY, DEMO_SEED tune it)"
  (
    set -a
    eval "$(print_env)"
    set +a
    export QIS_PLANNING_URL="http://127.0.0.1:$(service_port planning)"
    export QIS_PURCHASING_URL="http://127.0.0.1:$(service_port purchasing)"
    export QIS_EVIDENCE_URL="http://127.0.0.1:$(service_port evidence)"
    export QIS_LAB_GATEWAY_URL="http://127.0.0.1:$(service_port lab-gateway)"
    export QIS_ENFORCEMENT_URL="http://127.0.0.1:$(service_port enforcement)"
    export QIS_DISCLOSURE_URL="http://127.0.0.1:$(service_port disclosure)"
    export QIS_DEV_JWT_KEY="$QIS_INFRA_DIR/keys/dev-jwt.key"
    node -r ./tools/runtime/register-paths.js dist/tools/demo/src/main.js
  )
}

# The red team (tools/demo/src/red-team) against the running services, after the demo: the attacks
# of issue 22 on a routed batch, each printed as REFUSED or NOT REFUSED.
run_red_team() {
  (
    set -a
    eval "$(print_env)"
    set +a
    export QIS_ENFORCEMENT_URL="http://127.0.0.1:$(service_port enforcement)"
    export QIS_EVIDENCE_URL="http://127.0.0.1:$(service_port evidence)"
    export QIS_LAB_GATEWAY_URL="http://127.0.0.1:$(service_port lab-gateway)"
    export QIS_DEV_JWT_KEY="$QIS_INFRA_DIR/keys/dev-jwt.key"
    export QIS_EVIDENCE_DB="$(service_db evidence)"
    node -r ./tools/runtime/register-paths.js dist/tools/demo/src/red-team/main.js
  )
}

status() {
  bash deploy/local/infra.sh status || true
  local name
  for name in $QIS_SERVICES; do
    if service_ready "$name"; then state=ready; elif service_running "$name"; then state=starting; else state=down; fi
    printf '%-12s %-8s http://127.0.0.1:%s\n' "$name" "$state" "$(service_port "$name")"
  done
  if curl -fs -o /dev/null "http://127.0.0.1:$QIS_CONSOLE_PORT/config.json"; then
    printf '%-12s %-8s http://127.0.0.1:%s/\n' console up "$QIS_CONSOLE_PORT"
  else
    printf '%-12s %-8s http://127.0.0.1:%s/\n' console down "$QIS_CONSOLE_PORT"
  fi
}

cmd=${1:-status}
case "$cmd" in
  start)
    ensure_dependencies
    bash deploy/local/infra.sh up
    # On request: Jaeger (built once per user, minutes) and every service exporting its traces there.
    if [ "${QIS_TRACING:-0}" = 1 ]; then bash deploy/local/infra.sh up jaeger; fi
    build
    bash deploy/local/infra.sh principals
    start_tsa
    for name in $QIS_SERVICES; do start_service "$name"; done
    wait_services
    console_stack proxy-up
    status
    echo
    echo "All six services are ready. OpenAPI: http://127.0.0.1:$(service_port planning)/docs (one per service)."
    echo "Stop them with: npm stop   (infrastructure: npm run infra -- down)"
    if [ "${QIS_TRACING:-0}" = 1 ]; then
      echo "Traces: Jaeger's API at http://127.0.0.1:$QIS_JAEGER_UI_PORT/api/traces/<trace id>; a batch's spans: npm run trace -- <batch number>"
    fi
    console_stack provision
    # The demo campaign: simulated actors drive batches through the services' APIs and topics.
    [ "${QIS_DEMO:-1}" = 0 ] || run_demo
    console_stack users
    ;;
  restart)
    stop_services
    exec bash "$0" start
    ;;
  demo) run_demo ;;
  red-team) run_red_team ;;
  stop)
    stop_services
    console_stack proxy-down
    ;;
  status) status ;;
  logs)
    name=${2:?usage: stack.sh logs SERVICE}
    tail -n "${LINES:-100}" -f "$LOG_DIR/$name.log"
    ;;
  test)
    ensure_dependencies
    bash deploy/local/infra.sh up
    # Jaeger for the trace test (tools/demo/src/tracing): built in the background while the build,
    # lint and checks run (minutes on a fresh machine, once per user; then cached), started before jest.
    bash deploy/local/infra.sh build-jaeger >"$LOG_DIR/jaeger-build.out" 2>&1 &
    jaeger_build=$!
    log "typecheck and build"
    build
    bash deploy/local/infra.sh principals
    npx --no-install tsc -p tsconfig.json
    npx --no-install tsc -p apps/console/tsconfig.json
    log "lint and format check"
    NX_DAEMON=false NX_NO_CLOUD=true npx --no-install nx show projects >/dev/null # project graph for module boundaries
    npx --no-install eslint --max-warnings=0 .
    npx --no-install prettier --check . >/dev/null || { npx --no-install prettier --check . ; exit 1; }
    node -r ./tools/runtime/register-paths.js dist/tools/asyncapi/generate.js --check # docs/asyncapi.yaml, docs/schemas match libs/contracts
    node -r ./tools/runtime/register-paths.js dist/tools/openapi/generate.js --check # docs/openapi, the console's API types match the services
    bash tools/contract-gate/oasdiff.sh >/dev/null # oasdiff from the Go module proxy, once per machine
    bash tools/k8s/tools.sh >/dev/null # helm, kubeconform (Go module proxy) and the Kubernetes schemas, once per machine
    node -r ./tools/runtime/register-paths.js dist/tools/k8s/generate.js --check # Strimzi topics/users and the charts' kafka files match libs/contracts
    bash tools/openapi/schemathesis.sh >/dev/null # schemathesis from PyPI into .infra/, once per checkout
    bash tools/openapi/generators/install.sh >/dev/null # openapi-python-client (PyPI), openapi-generator (Maven Central), once per machine
    node -r ./tools/runtime/register-paths.js dist/tools/contract-gate/cli.js check # no contract broken against its last release
    if ! wait "$jaeger_build"; then
      echo "stack: building Jaeger failed:" >&2
      tail -n 30 "$LOG_DIR/jaeger-build.out" >&2
      exit 1
    fi
    bash deploy/local/infra.sh up jaeger
    log "tests (jest, on the real servers)"
    mkdir -p test-artifacts
    rc=0
    npx --no-install jest --ci --json --outputFile=test-artifacts/jest-results.json "${@:2}" || rc=$?
    # One plain closing line that any reader of the log understands.
    node -e 'const r = require("./test-artifacts/jest-results.json");
      const skipped = r.numPendingTests + r.numTodoTests;
      console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));' || true
    exit $rc
    ;;
  *)
    echo "usage: stack.sh start|stop|restart|status|logs NAME|demo|red-team|test" >&2
    exit 2
    ;;
esac
