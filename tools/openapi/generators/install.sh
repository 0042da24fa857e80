#!/usr/bin/env bash
# Installs two client generators of other ecosystems once per machine, cached like oasdiff, and
# prints their commands (one per line: openapi-python-client, then the openapi-generator jar):
#   openapi-python-client (+ ruff, its formatter) from PyPI into a virtual environment;
#   openapi-generator-cli (its Java client generator) from Maven Central.
# Used by `npm test` before jest (client-generators.int-spec.ts).
set -euo pipefail
PYTHON_CLIENT_VERSION="${OPENAPI_PYTHON_CLIENT_VERSION:-0.29.1}"
RUFF_VERSION="${RUFF_VERSION:-0.14.8}"
GENERATOR_VERSION="${OPENAPI_GENERATOR_VERSION:-7.25.0}"
CACHE="${QIS_CACHE_DIR:-$HOME/.cache/qis}"
VENV="$CACHE/openapi-python-client-$PYTHON_CLIENT_VERSION"
if [[ ! -x "$VENV/bin/openapi-python-client" || ! -x "$VENV/bin/ruff" ]]; then
  echo "generators: installing openapi-python-client $PYTHON_CLIENT_VERSION from PyPI into $VENV (once)" >&2
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet "openapi-python-client==$PYTHON_CLIENT_VERSION" "ruff==$RUFF_VERSION" >&2
fi
JAR="$CACHE/openapi-generator-cli-$GENERATOR_VERSION.jar"
if [[ ! -s "$JAR" ]]; then
  echo "generators: downloading openapi-generator-cli $GENERATOR_VERSION from Maven Central (once)" >&2
  mkdir -p "$CACHE"
  url="https://repo1.maven.org/maven2/org/openapitools/openapi-generator-cli/$GENERATOR_VERSION/openapi-generator-cli-$GENERATOR_VERSION.jar"
  curl -fsSL --retry 3 -o "$JAR.part" "$url"
  curl -fsSL --retry 3 "$url.sha1" | awk '{print $1"  '"$JAR.part"'"}' | sha1sum -c --quiet -
  mv "$JAR.part" "$JAR"
fi
echo "$VENV/bin/openapi-python-client"
echo "$JAR"
