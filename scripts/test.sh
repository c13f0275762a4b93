#!/usr/bin/env bash
# The one command that runs every test, on a fresh machine too: installs what is missing,
# then Rust (unit, property, golden, native program tests), the IDL drift check and the TS suites.
set -euo pipefail
source "$(dirname "$0")/env.sh"

ensure_node_modules

step "cargo test --workspace (target: $CARGO_TARGET_DIR)"
cargo test --workspace --locked

step "IDL matches the program (scripts/gen-idl.mjs --check)"
node scripts/gen-idl.mjs --check

step "program reference matches the IDL (scripts/gen-reference.mjs --check)"
node scripts/gen-reference.mjs --check

step "golden vectors are reproducible (scripts/gen-golden.py)"
python3 scripts/gen-golden.py --check

build_localnet

step "TypeScript packages and end-to-end tests (turbo run build test)"
npx turbo run build test --output-logs=full

# After the build: typedoc needs the workspace packages (@pinfi/idl) compiled.
step "SDK API reference builds without warnings (typedoc → docs/api/sdk, not committed)"
npm run -s docs -w @pinfi/sdk
