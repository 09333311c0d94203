#!/usr/bin/env bash
# Checks (and, where it may, installs) what building git-ticket and running its tests need
# beyond cargo: a C compiler (libgit2 and zlib are built from source), the rustfmt and clippy
# components, and the tools the end-to-end tests drive:
#   git                  the tests run real git (and git's bash completion script)
#   man (man-db)         the man pages render through `git ticket --help`
#   valgrind             the instruction-count regression guard (callgrind)
#   zsh, fish            completion is tested through the real shells
#   tzdata               local offsets of named time zones
# Missing Debian packages are installed with apt-get when running as root (or with
# password-less sudo), unless GIT_TICKET_TEST_DEPS=check. Whatever is still missing is named:
# outside CI the tests that need it are skipped with a notice; with CI=true this script
# fails, since CI must run every test.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
check() {
  missing=()
  have cc || missing+=(gcc)
  have git || missing+=(git)
  [ -e /usr/share/bash-completion/completions/git ] || missing+=(git)
  have man || missing+=(man-db)
  have valgrind || missing+=(valgrind)
  have zsh || missing+=(zsh)
  have fish || missing+=(fish)
  [ -e /usr/share/zoneinfo/Asia/Tokyo ] || missing+=(tzdata)
  if [ ${#missing[@]} -gt 0 ]; then
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  fi
}

check
if [ ${#missing[@]} -gt 0 ] && [ "${GIT_TICKET_TEST_DEPS:-}" != check ] && have apt-get; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if have sudo && sudo -n true 2>/dev/null; then sudo=(sudo -n); else sudo=(none); fi
  fi
  if [ "${sudo[*]}" != none ]; then
    echo "install-test-deps: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    check
  fi
fi

# rustfmt and clippy are components of the Rust toolchain.
components=()
cargo fmt --version >/dev/null 2>&1 || components+=(rustfmt)
cargo clippy --version >/dev/null 2>&1 || components+=(clippy)
if [ ${#components[@]} -gt 0 ] && [ "${GIT_TICKET_TEST_DEPS:-}" != check ] && have rustup; then
  rustup component add "${components[@]}" >&2
  components=()
fi

if [ ${#missing[@]} -gt 0 ] || [ ${#components[@]} -gt 0 ]; then
  what="${missing[*]}"
  [ ${#components[@]} -eq 0 ] || what="${what:+$what, }rust components ${components[*]}"
  if [ "${CI:-}" = true ]; then
    echo "install-test-deps: CI=true and missing: $what; every test must run in CI" >&2
    exit 1
  fi
  echo "install-test-deps: missing $what: the tests that need them are skipped" >&2
  [ ${#missing[@]} -eq 0 ] || echo "  install with: sudo apt-get install ${missing[*]}" >&2
  [ ${#components[@]} -eq 0 ] || echo "  install with: rustup component add ${components[*]}" >&2
fi
exit 0
