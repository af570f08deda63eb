#!/usr/bin/env bash
# Command 2: install what is missing and run every check and test. CI (.ci/run) calls this.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_tools

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native, all targets) -D warnings"
cargo clippy --offline --workspace --all-targets -- -D warnings

step "cargo test (native: the core, its property and snapshot tests)"
cargo test --offline --workspace

build_release

# One build for both: test-hooks adds a panic trigger; neutral-titles is the setting a service
# may choose (every worker page titled "New tab"), and no spec on this build reads a named title.
step "Building the test-only app (features test-hooks: a panic trigger; neutral-titles) into dist-test/"
trunk build --release --offline --features test-hooks,neutral-titles --dist dist-test

step "Size budget"
node scripts/size.mjs dist --check

step "Browser tests (Playwright, Debian's chromium, headless)"
node --test --test-concurrency=1 tests/e2e/
