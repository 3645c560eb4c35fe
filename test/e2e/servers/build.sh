#!/usr/bin/env bash
# The e2e server kit (npm run e2e:servers): builds every pinned server from Go modules when its
# binaries are not cached yet, and reports per tool whether it built or came from the cache, how long
# it took and how large the binaries are. The cache key of a tool is the sha256 of its go.mod, go.sum
# and kit.env, so a warm run builds nothing and any pin change rebuilds. GOMODCACHE and GOCACHE stay
# at Go's defaults so module downloads and compiled packages stay warm across runs.
#
#   cache:  ${SLZ_E2E_CACHE:-$HOME/.cache/slz-e2e}/<tool>/<key>/<binary>
#   usage:  build.sh [tool...]      (default: every folder beside this script with a kit.env)
#           build.sh --key <tool>   (print the tool's cache key and exit; the harness must agree)
#
# The test harness (test/e2e/harness/kit.ts) computes the same key to find the binaries.
# The Terraform providers are not servers we can build here: the Go proxy refuses them. This script
# asks once per run and prints the refusal instead of failing (README.md, "Refusals").
set -euo pipefail

KIT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${SLZ_E2E_CACHE:-$HOME/.cache/slz-e2e}"
mkdir -p "$CACHE/logs"

key_of() { cat "$1/go.mod" "$1/go.sum" "$1/kit.env" | sha256sum | cut -c1-16; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }

build_tool() {
  local tool=$1 dir="$KIT_DIR/$1"
  local VERSION BINARIES LDFLAGS
  # shellcheck source=/dev/null
  source "$dir/kit.env"
  local key out
  key=$(key_of "$dir")
  out="$CACHE/$tool/$key"
  local names=() pair
  for pair in $BINARIES; do names+=("${pair%%=*}"); done

  local complete=1 name
  for name in "${names[@]}"; do [[ -x "$out/$name" ]] || complete=0; done
  local start=$SECONDS status
  if [[ $complete == 1 ]]; then
    status=cached
  else
    status=built
    local tmp="$out.tmp.$$" log="$CACHE/logs/$tool.log"
    rm -rf "$tmp" && mkdir -p "$tmp"
    : >"$log"
    for pair in $BINARIES; do
      name=${pair%%=*}
      echo "kit: building $tool $VERSION: $name (log: $log)"
      if ! (cd "$dir" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $LDFLAGS" -o "$tmp/$name" "${pair#*=}") >>"$log" 2>&1; then
        echo "kit: FAILED to build $tool $VERSION ($name); last lines of $log:" >&2
        tail -n 30 "$log" >&2
        rm -rf "$tmp"
        return 1
      fi
    done
    printf '{"tool":"%s","version":"%s","key":"%s","seconds":%d,"go":"%s"}\n' \
      "$tool" "$VERSION" "$key" $((SECONDS - start)) "$(go env GOVERSION)" >"$tmp/kit.json"
    rm -rf "$out" && mv "$tmp" "$out"
  fi
  local size=0 b
  for name in "${names[@]}"; do b=$(stat -c %s "$out/$name"); size=$((size + b)); done
  printf 'kit: %-10s %-8s %-6s %4d s  %9s  %s\n' "$tool" "$VERSION" "$status" $((SECONDS - start)) "$(mb "$size")" "$out"
}

# Providers: ask the proxy for the pinned pseudo-versions. A refusal is reported, never fatal; if the
# proxy ever serves them they are built into the kit's provider mirror (both registry hosts).
try_provider() {
  local name=$1 module=$2 pseudo=$3 version=$4
  local mirror="$CACHE/providers/mirror" bin="terraform-provider-${name}_v${version}"
  if [[ -x "$mirror/registry.terraform.io/hashicorp/$name/$version/linux_amd64/$bin" ]]; then
    echo "kit: provider hashicorp/$name $version cached in $mirror"
    return 0
  fi
  local answer
  answer=$(go mod download -json "$module@$pseudo" 2>&1 || true)
  if grep -q '"Error"' <<<"$answer" || ! grep -q '"Dir"' <<<"$answer"; then
    local why
    why=$(sed -n 's/.*"Error": "\(.*\)",\{0,1\}$/\1/p' <<<"$answer" | sed 's/\\n\\t/ /g; s/\\t//g')
    echo "kit: provider hashicorp/$name $version refused by the Go proxy: go mod download -json $module@$pseudo → ${why:-$answer}"
    return 0
  fi
  local start=$SECONDS work="$CACHE/providers/build-$name"
  rm -rf "$work" && mkdir -p "$work"
  if (cd "$work" && go mod init "slz.local/e2e/provider-$name" && go get -tool "$module@$pseudo" &&
      CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$bin" "$module") >"$CACHE/logs/provider-$name.log" 2>&1; then
    local host
    for host in registry.terraform.io registry.opentofu.org; do
      install -D "$work/$bin" "$mirror/$host/hashicorp/$name/$version/linux_amd64/$bin"
    done
    echo "kit: provider hashicorp/$name $version built ($((SECONDS - start)) s) into $mirror"
  else
    echo "kit: provider hashicorp/$name $version did not build; see $CACHE/logs/provider-$name.log"
  fi
}

if [[ ${1:-} == --key ]]; then
  key_of "$KIT_DIR/${2:?usage: build.sh --key <tool>}"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "kit: missing: go (Go >= 1.26 builds the servers; see test/e2e/servers/README.md)" >&2
  exit 1
fi

tools=("$@")
if [[ ${#tools[@]} == 0 ]]; then
  for d in "$KIT_DIR"/*/; do [[ -f "$d/kit.env" ]] && tools+=("$(basename "$d")"); done
fi

total=$SECONDS
echo "kit: $(go env GOVERSION), GOPROXY=$(go env GOPROXY), cache $CACHE"
failed=()
for t in "${tools[@]}"; do build_tool "$t" || failed+=("$t"); done

# shellcheck source=/dev/null
source "$KIT_DIR/providers.env"
try_provider vault "$VAULT_PROVIDER_MODULE" "$VAULT_PROVIDER_PSEUDO" "$VAULT_PROVIDER_VERSION"
try_provider kubernetes "$KUBERNETES_PROVIDER_MODULE" "$KUBERNETES_PROVIDER_PSEUDO" "$KUBERNETES_PROVIDER_VERSION"

if command -v terraform >/dev/null 2>&1; then
  echo "kit: terraform from PATH: $(terraform version 2>/dev/null | head -n 1) (not built: BUSL, not served)"
else
  echo "kit: terraform not on PATH (optional; tofu from the kit is used)"
fi

echo "kit: done in $((SECONDS - total)) s${failed:+; FAILED: ${failed[*]}}"
[[ ${#failed[@]} == 0 ]]
