#!/usr/bin/env bash
# The one command that runs every test, on a fresh machine too: installs what is missing,
# then Rust (unit, property, golden, native program tests), the IDL drift check and the TS suites.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pinfi/target}"
export CARGO_TERM_COLOR=never
# Native program tests print the program's msg! lines and bank logs; keep the output readable.
export RUST_LOG="${RUST_LOG:-error}"

step() { printf '\n==> %s\n' "$*"; }

command -v cargo >/dev/null || { echo "cargo is required (Rust 1.95+)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is required (Node 20+)" >&2; exit 1; }

step "npm ci (JS workspaces)"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules up to date"
fi

step "cargo test --workspace (target: $CARGO_TARGET_DIR)"
cargo test --workspace --locked

step "IDL matches the program (scripts/gen-idl.mjs --check)"
node scripts/gen-idl.mjs --check

step "golden vectors are reproducible (scripts/gen-golden.py)"
python3 scripts/gen-golden.py --check

step "localnet binary for the end-to-end suite"
cargo build -p pinfi-localnet --bin localnet --locked

step "TypeScript packages and end-to-end tests (turbo run build test)"
# Tests that need the localnet binary fail, rather than skip, when it is missing.
export PINFI_SIM_REQUIRE_LOCALNET=1
npx turbo run build test --output-logs=full
