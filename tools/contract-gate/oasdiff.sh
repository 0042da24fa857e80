#!/usr/bin/env bash
# Builds oasdiff (the OpenAPI breaking-change checker) from the Go module proxy once per machine,
# cached like MinIO, and prints its path. Used by `npm test` before jest and by `npm run contracts`.
set -euo pipefail
OASDIFF_VERSION="${OASDIFF_VERSION:-v1.39.0}"
CACHE="${QIS_CACHE_DIR:-$HOME/.cache/qis}/oasdiff-$OASDIFF_VERSION"
BIN="$CACHE/bin/oasdiff"
if [[ ! -x "$BIN" ]]; then
  mkdir -p "$CACHE"
  echo "contract-gate: building oasdiff $OASDIFF_VERSION with go install (once)" >&2
  (cd "$CACHE" && CGO_ENABLED=0 GOBIN="$CACHE/bin" GOFLAGS=-mod=mod \
    go install -trimpath "github.com/oasdiff/oasdiff@$OASDIFF_VERSION") >&2
fi
echo "$BIN"
