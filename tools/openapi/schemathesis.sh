#!/usr/bin/env bash
# Installs schemathesis (the API fuzzer) from PyPI into a project-local virtual environment once,
# and prints the path of its command. Used by `npm test` before jest (fuzz.int-spec.ts).
set -euo pipefail
SCHEMATHESIS_VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.infra/schemathesis-$SCHEMATHESIS_VERSION"
if [[ ! -x "$VENV/bin/st" ]]; then
  echo "fuzz: installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $VENV (once)" >&2
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION" >&2
fi
echo "$VENV/bin/st"
