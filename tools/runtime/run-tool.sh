#!/usr/bin/env bash
# Runs a built operator tool against the local infrastructure unless KAFKA_BROKERS is set:
#   bash tools/runtime/run-tool.sh <dist path of the tool> [args…]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
tool=${1:?usage: run-tool.sh <dist/…/tool.js> [args…]}
if [ -z "${KAFKA_BROKERS:-}" ]; then
  set -a
  eval "$(bash deploy/local/infra.sh env)"
  set +a
fi
[ -f "$tool" ] || npx --no-install tsc -p tsconfig.build.json
exec node -r ./tools/runtime/register-paths.js "$tool" "${@:2}"
