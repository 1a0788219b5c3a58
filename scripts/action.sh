#!/bin/sh
# The steps of the GitHub Action (action.yml), runnable anywhere: installs Chainrule from
# this repository once per version (`make install`, under $CHAINRULE_PREFIX, by default
# ~/.local), then runs `chainrule COMMAND [ARGUMENTS...]` in the current folder.
#
#   scripts/action.sh check
#   scripts/action.sh build --out public
#
# CHAINRULE_BIN names a binary to use instead (make test runs the script with the one it
# just built).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
command=${1:?usage: action.sh check|build|update [ARGUMENTS...]}
shift
version=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' "$here/Sources/chainrule/Chainrule.swift")
prefix=${CHAINRULE_PREFIX:-$HOME/.local}
bin=${CHAINRULE_BIN:-$prefix/bin/chainrule}
# The binary needs the cmark library at run time, even when it comes from a cache.
make -s -C "$here" deps
if [ ! -x "$bin" ] || [ "$("$bin" --version)" != "$version" ]; then
  echo "chainrule $version: installing under $prefix"
  make -s -C "$here" install PREFIX="$prefix"
  bin=$prefix/bin/chainrule
fi
exec "$bin" "$command" "$@"
