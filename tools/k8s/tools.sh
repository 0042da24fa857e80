#!/usr/bin/env bash
# The chart check's tools, once per machine into the cache (like tools/contract-gate/oasdiff.sh):
# helm and kubeconform built with `go install` from the Go module proxy, and kubeconform's schema
# set derived from the Kubernetes OpenAPI (module k8s.io/kubernetes, api/openapi-spec/v3), the
# CRDs of KEDA, External Secrets, CloudNativePG and the Prometheus Operator (their Go modules),
# Strimzi's CRDs (made by Strimzi's own CRD generator from its io.strimzi:api jar, both from Maven
# Central: no registry serves the CRD files) and the MinIO Tenant's schema vendored in
# deploy/helm/crds (no registry serves it at all). Nothing is fetched at test time. Prints HELM=…,
# KUBECONFORM=… and SCHEMAS=… lines. Needs dist/ (npm run build), Maven and a Java 21 or later (the
# generator's class files; the polyglot machine's second JDK, Temurin, is one).
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
# Strimzi 0.47 is the last to run Kafka 3.9.1 (kafka-cluster.yaml). Its own CRD generator is not on
# Maven Central; 1.2.0's output for the 0.47.0 model is byte for byte the 0.47.0 release's CRD files.
STRIMZI_VERSION=$(sed -n 's:.*<strimzi.version>\(.*\)</strimzi.version>.*:\1:p' "$ROOT/tools/k8s/strimzi/pom.xml")
VENDORED="$ROOT/deploy/helm/crds"

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

# The first java of JAVA_HOME, PATH and /usr/lib/jvm that is 21 or later.
java21() {
  local java major
  for java in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -x "$java" ]] || continue
    major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [[ "${major%%.*}" =~ ^[0-9]+$ && "${major%%.*}" -ge 21 ]]; then
      echo "$java"
      return 0
    fi
  done
  echo "k8s tools: Strimzi's CRD generator needs a Java 21 or later (JAVA_HOME, PATH or /usr/lib/jvm)" >&2
  return 1
}

# Strimzi's CRDs for the kinds deploy/helm uses into $1, with the arguments of the release's api/pom.xml.
strimzi_crds() {
  local out=$1 lib java
  lib="$CACHE_ROOT/strimzi-crd-generator-$(sha256sum "$ROOT/tools/k8s/strimzi/pom.xml" | cut -c1-12)"
  command -v mvn >/dev/null || { echo "k8s tools: Maven is missing: apt-get install -y maven" >&2; return 1; }
  java=$(java21)
  if [[ ! -f "$lib/.complete" ]]; then
    rm -rf "$lib" && mkdir -p "$lib"
    cp "$ROOT/tools/k8s/strimzi/pom.xml" "$lib/pom.xml"
    mvn -B -q -f "$lib/pom.xml" package -Dlib.dir="$lib/lib" >&2
    touch "$lib/.complete"
  fi
  mkdir -p "$out"
  local generate=("$java" -cp "$lib/lib/*" io.strimzi.crdgenerator.CrdGenerator --label app:strimzi
    --label strimzi.io/crd-install:true --target-kube 1.16+ --crd-api-version v1 --storage-version v1beta2 --yaml)
  "${generate[@]}" --api-versions v1beta2 \
    "io.strimzi.api.kafka.model.kafka.Kafka=$out/040-Crd-kafka.yaml" \
    "io.strimzi.api.kafka.model.nodepool.KafkaNodePool=$out/045-Crd-kafkanodepool.yaml" >&2
  "${generate[@]}" --api-versions v1alpha1,v1beta1,v1beta2 \
    "io.strimzi.api.kafka.model.topic.KafkaTopic=$out/043-Crd-kafkatopic.yaml" \
    "io.strimzi.api.kafka.model.user.KafkaUser=$out/044-Crd-kafkauser.yaml" >&2
}

HELM=$(build helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION")
KUBECONFORM=$(build kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION")

# The set is made again when the versions, the derivation, Strimzi's pom or a vendored schema change.
SOURCES=$(cat "$ROOT/tools/k8s/kube-schemas.ts" "$ROOT/tools/k8s/strimzi/pom.xml" "$VENDORED"/*.yaml | sha256sum | cut -c1-12)
SCHEMAS="$CACHE_ROOT/kube-schemas-$KUBERNETES_VERSION-keda-$KEDA_VERSION-eso-$ESO_VERSION-cnpg-$CNPG_VERSION-prom-$PROMETHEUS_OPERATOR_VERSION-strimzi-$STRIMZI_VERSION-$SOURCES"
if [[ ! -f "$SCHEMAS/.complete" ]]; then
  echo "k8s tools: deriving the Kubernetes $KUBERNETES_VERSION schemas and the operators' CRDs (once)" >&2
  mkdir -p "$CACHE_ROOT"
  k8s=$(module_dir "k8s.io/kubernetes@$KUBERNETES_VERSION")
  keda=$(module_dir "github.com/kedacore/keda/v2@$KEDA_VERSION")
  eso=$(module_dir "github.com/external-secrets/external-secrets@$ESO_VERSION")
  cnpg=$(module_dir "github.com/cloudnative-pg/cloudnative-pg@$CNPG_VERSION")
  prom=$(module_dir "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION")
  rm -rf "$SCHEMAS.tmp" && mkdir -p "$SCHEMAS.tmp"
  strimzi_crds "$SCHEMAS.tmp/crds"
  node "$ROOT/dist/tools/k8s/kube-schemas.js" "$SCHEMAS.tmp" "$k8s/api/openapi-spec/v3" \
    "$keda/config/crd/bases/keda.sh_scaledobjects.yaml" \
    "$keda/config/crd/bases/keda.sh_triggerauthentications.yaml" \
    "$eso/config/crds/bases/external-secrets.io_externalsecrets.yaml" \
    "$cnpg/config/crd/bases/postgresql.cnpg.io_clusters.yaml" \
    "$prom/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" \
    "$SCHEMAS.tmp"/crds/*.yaml "$VENDORED"/*.yaml >&2
  rm -rf "$SCHEMAS.tmp/crds"
  touch "$SCHEMAS.tmp/.complete"
  rm -rf "$SCHEMAS" && mv "$SCHEMAS.tmp" "$SCHEMAS"
fi
echo "HELM=$HELM"
echo "KUBECONFORM=$KUBECONFORM"
echo "SCHEMAS=$SCHEMAS"
