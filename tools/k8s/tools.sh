#!/usr/bin/env bash
# The chart check's tools, once per machine into the cache (like tools/contract-gate/oasdiff.sh):
# helm and kubeconform built with `go install` from the Go module proxy, and kubeconform's schema
# set derived from the Kubernetes OpenAPI (module k8s.io/kubernetes, api/openapi-spec/v3) and the
# CRDs of KEDA, External Secrets, CloudNativePG and the Prometheus Operator (their Go modules). Nothing is fetched at test
# time. Prints HELM=…, KUBECONFORM=… and SCHEMAS=… lines. Needs dist/ (npm run build).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE_ROOT="${QIS_CACHE_DIR:-$HOME/.cache/qis}"
HELM_VERSION="${HELM_VERSION:-v3.21.4}"
KUBECONFORM_VERSION="${KUBECONFORM_VERSION:-v0.8.0}"
KUBERNETES_VERSION="${KUBERNETES_VERSION:-v1.34.2}"
KEDA_VERSION="${KEDA_VERSION:-v2.17.2}"
ESO_VERSION="${ESO_VERSION:-v0.16.2}"
CNPG_VERSION="${CNPG_VERSION:-v1.27.1}"
PROMETHEUS_OPERATOR_VERSION="${PROMETHEUS_OPERATOR_VERSION:-v0.85.0}"

build() { # name module version
  local cache="$CACHE_ROOT/$1-$3" bin="$CACHE_ROOT/$1-$3/bin/$1"
  if [[ ! -x "$bin" ]]; then
    mkdir -p "$cache"
    echo "k8s tools: building $1 $3 with go install (once)" >&2
    (cd "$cache" && CGO_ENABLED=0 GOBIN="$cache/bin" GOFLAGS=-mod=mod \
      go install -trimpath "$2@$3") >&2
  fi
  echo "$bin"
}

module_dir() { # module@version → its folder in the module cache
  (cd "$CACHE_ROOT" && GOFLAGS=-mod=mod go mod download -json "$1" | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})')
}

HELM=$(build helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION")
KUBECONFORM=$(build kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION")

SCHEMAS="$CACHE_ROOT/kube-schemas-$KUBERNETES_VERSION-keda-$KEDA_VERSION-eso-$ESO_VERSION-cnpg-$CNPG_VERSION-prom-$PROMETHEUS_OPERATOR_VERSION"
if [[ ! -f "$SCHEMAS/.complete" ]]; then
  echo "k8s tools: deriving the Kubernetes $KUBERNETES_VERSION schemas and the operators' CRDs (once)" >&2
  mkdir -p "$CACHE_ROOT"
  k8s=$(module_dir "k8s.io/kubernetes@$KUBERNETES_VERSION")
  keda=$(module_dir "github.com/kedacore/keda/v2@$KEDA_VERSION")
  eso=$(module_dir "github.com/external-secrets/external-secrets@$ESO_VERSION")
  cnpg=$(module_dir "github.com/cloudnative-pg/cloudnative-pg@$CNPG_VERSION")
  prom=$(module_dir "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION")
  rm -rf "$SCHEMAS.tmp" && mkdir -p "$SCHEMAS.tmp"
  node "$ROOT/dist/tools/k8s/kube-schemas.js" "$SCHEMAS.tmp" "$k8s/api/openapi-spec/v3" \
    "$keda/config/crd/bases/keda.sh_scaledobjects.yaml" \
    "$keda/config/crd/bases/keda.sh_triggerauthentications.yaml" \
    "$eso/config/crds/bases/external-secrets.io_externalsecrets.yaml" \
    "$cnpg/config/crd/bases/postgresql.cnpg.io_clusters.yaml" \
    "$prom/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" >&2
  touch "$SCHEMAS.tmp/.complete"
  rm -rf "$SCHEMAS" && mv "$SCHEMAS.tmp" "$SCHEMAS"
fi
echo "HELM=$HELM"
echo "KUBECONFORM=$KUBECONFORM"
echo "SCHEMAS=$SCHEMAS"
