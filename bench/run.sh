#!/usr/bin/env bash
# Runs one benchmark against the local infrastructure: npm run bench -- <name>   (bench/<name>.ts)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
name=${1:?usage: npm run bench -- <name>   (one of: $(ls bench/*.ts | xargs -n1 basename | sed 's/\.ts$//' | tr '\n' ' '))}
bash deploy/local/infra.sh up >/dev/null
npx --no-install tsc -p tsconfig.build.json
# The Kafka principals and their ACLs (idempotent, as `npm start` and `npm test` do): a broker that
# `up` has just created knows no credential, and the services and the bench log in with theirs.
bash deploy/local/infra.sh principals >/dev/null
exec node -r ./tools/runtime/register-paths.js "dist/bench/$name.js" "${@:2}"
