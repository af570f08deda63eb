#!/usr/bin/env bash
# Command 1: install what is missing, build the release app, serve it on 127.0.0.1.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_tools
build_release
exec node scripts/static-server.mjs dist "${PORT:-8080}"
