# Sourced by the whole-process benchmark scripts: build_release EXAMPLE… builds the examples,
# then the binary alone. Built in one invocation, the examples' dev-dependencies would lend
# their features to the binary's dependencies (twice the relocations at every start, a heavier
# binary than the one `cargo install` gives users).
build_release() {
  local args=()
  for e in "$@"; do args+=(--example "$e"); done
  cargo build --release --quiet "${args[@]}"
  cargo build --release --quiet --bin git-ticket
}
