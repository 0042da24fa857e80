#!/usr/bin/env bash
# Runs the dead-letter tool against the local infrastructure unless KAFKA_BROKERS is set.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
if [ -z "${KAFKA_BROKERS:-}" ]; then
  set -a
  eval "$(bash deploy/local/infra.sh env)"
  set +a
fi
[ -f dist/tools/dlq/dlq.js ] || npx --no-install tsc -p tsconfig.build.json
exec node -r ./tools/runtime/register-paths.js dist/tools/dlq/dlq.js "$@"
