#!/usr/bin/env bash
# Makes dva-screen-<version>.zip for an IT team that receives the app rather than builds it:
# the release build (dist/), the example settings as config.example.json (rename it to
# config.json to use it), its example logo, the web server and intranet page examples, and
# DEPLOY.md (the README's sections on deploying, embedding and settings).
# Usage: ./scripts/package.sh [--no-build]   (--no-build zips the dist/ already there)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  source scripts/setup.sh
  ensure_tools
  build_release
fi
[ -f dist/index.html ] || { echo "dist/ has no build: run without --no-build" >&2; exit 1; }
command -v zip >/dev/null || { echo "zip is missing: apt-get install zip" >&2; exit 1; }

version="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
out="$ROOT/dva-screen-$version.zip"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/dva-screen/server-examples"
cp -R dist/. "$stage/dva-screen/"
# Not config.json: a service starts from its own copy, and the app works without one.
cp examples/config.json "$stage/dva-screen/config.example.json"
cp examples/logo.svg "$stage/dva-screen/"
cp examples/web.config examples/nginx.conf examples/apache.conf examples/host-resize.js \
  "$stage/dva-screen/server-examples/"
cp -R examples/intranet "$stage/dva-screen/server-examples/"
# The README's deployment, embedding and settings sections, for whoever installs it.
awk '/^## Deploy on your intranet/ { on = 1 } /^## What stays on the computer/ { on = 0 } on' README.md \
  > "$stage/dva-screen/DEPLOY.md"
[ -s "$stage/dva-screen/DEPLOY.md" ] || { echo "README.md has no 'Deploy on your intranet' section" >&2; exit 1; }
rm -f "$out"
(cd "$stage" && zip -qr -X "$out" dva-screen)
echo "Wrote $out ($(du -k "$out" | cut -f1) KiB)"
