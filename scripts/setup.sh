#!/usr/bin/env bash
# Installs whatever is missing for building and testing DVA Screen, and nothing that is present.
# Sourced by scripts/serve.sh and scripts/test.sh. Every tool comes from crates.io, npm or
# Debian's apt: trunk's own downloads from GitHub do not work on an offline intranet machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"
# trunk's update check reaches for the network; Trunk.toml's `offline = true` covers the rest.
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The exact wasm-bindgen version the app is locked to: the CLI must match it byte for byte.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_tools() {
  command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup first (https://rustup.rs)." >&2; exit 1; }
  command -v npm >/dev/null || { echo "Node.js and npm are missing: apt-get install nodejs npm" >&2; exit 1; }

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
    step "Installing trunk $TRUNK_VERSION from crates.io (about 7 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  local wb
  wb="$(locked_version wasm-bindgen)"
  if ! wasm-bindgen --version 2>/dev/null | grep -qF " $wb"; then
    step "Installing wasm-bindgen-cli $wb from crates.io (about 2 minutes, once)"
    # Not --locked: one of its locked dependencies is missing from the registry.
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi

  if ! command -v "$CHROMIUM" >/dev/null || ! command -v chromedriver >/dev/null; then
    step "Installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
  fi

  # npm ci only when the lock changed since the last install (node_modules/.dva-lock keeps a copy of it).
  if ! cmp -s package-lock.json node_modules/.dva-lock 2>/dev/null; then
    step "Installing the npm packages from package-lock.json (wasm-opt, playwright-core, axe-core)"
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.dva-lock
  fi

  # Builds run with --offline: fetch the locked crates once.
  cargo fetch --locked -q
}

build_release() {
  step "Building the release app into dist/"
  trunk build --release --offline
}
