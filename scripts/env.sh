# Sourced by scripts/test.sh and scripts/demo.sh: one place for the toolchain checks, the cargo
# target dir outside the clone, and the installs a fresh machine needs.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pinfi/target}"
export CARGO_TERM_COLOR=never
# Native program runs print the program's msg! lines and bank logs; keep the output readable.
export RUST_LOG="${RUST_LOG:-error}"

step() { printf '\n==> %s\n' "$*" >&2; }

command -v cargo >/dev/null || { echo "cargo is required (Rust 1.95+)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is required (Node 20+)" >&2; exit 1; }

ensure_node_modules() {
  step "npm ci (JS workspaces)"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund >&2
  else
    echo "node_modules up to date" >&2
  fi
}

build_localnet() {
  step "localnet binary (cargo build -p pinfi-localnet, target: $CARGO_TARGET_DIR)"
  cargo build -p pinfi-localnet --bin localnet --locked >&2
}
