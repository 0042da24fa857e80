#!/usr/bin/env bash
# Runs one benchmark against the local infrastructure: npm run bench -- <name>   (bench/<name>.ts)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
name=${1:?usage: npm run bench -- <name>   (one of: $(ls bench/*.ts | xargs -n1 basename | sed 's/\.ts$//' | tr '\n' ' '))}
bash deploy/local/infra.sh up >/dev/null
npx --no-install tsc -p tsconfig.build.json
exec node -r ./tools/runtime/register-paths.js "dist/bench/$name.js" "${@:2}"
