#!/usr/bin/env bash
# The README's test command (what CI runs): the tools the tests need (installed where
# possible, see install-test-deps.sh), then formatting, lints, unit and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
git --version
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked "$@"
