#!/usr/bin/env bash
# The README's first command: builds what is missing, then runs `pinfi demo` — a small PinFi
# network on the embedded localnet (three pools, miners, buyers, verifiers, keeper, epochs).
# Arguments go to `pinfi demo` (e.g. --short, --json, --out DIR).
set -euo pipefail
source "$(dirname "$0")/env.sh"

ensure_node_modules
build_localnet
step "TypeScript packages (turbo run build --filter=@pinfi/cli...)"
npx turbo run build --filter=@pinfi/cli... --output-logs=errors-only >&2
export PINFI_LOCALNET_BIN="${PINFI_LOCALNET_BIN:-$CARGO_TARGET_DIR/debug/localnet}"
exec node packages/cli/dist/bin.js demo "$@"
