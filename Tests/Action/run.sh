#!/bin/sh
# The GitHub Action's script on a course `chainrule init` starts: `check` passes and `build`
# writes the site, with the binary make test built (CHAINRULE_BIN).
set -eu
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
course=$(mktemp -d)
trap 'rm -rf "$course"' EXIT
"$binary" init "$course" --title "Action test" > /dev/null
cd "$course"
CHAINRULE_BIN="$binary" "$here/scripts/action.sh" check --quiet
CHAINRULE_BIN="$binary" "$here/scripts/action.sh" build --quiet
test -f site/index.html && test -f site/sigmoid.html
echo "action test: ok (init, then check and build through scripts/action.sh)"
