#!/usr/bin/env bash
# The README's two commands:
#   packaging/dev.sh demo   install what is missing, build, open Strata on its demo database
#   packaging/dev.sh test   install what is missing, build (dev preset), run the whole test suite
# Re-running either rebuilds incrementally.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

jobs=$(nproc 2>/dev/null || echo 2)
usage() { echo "usage: packaging/dev.sh demo [strata options…] | test [ctest options…]" >&2; exit 2; }
[ $# -ge 1 ] || usage
cmd=$1; shift

bash packaging/install-deps.sh

case "$cmd" in
demo)
    preset=release
    [ -f build/release/build.ninja ] || cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs" --target strata  # the demo needs only the app
    exec build/release/app/strata --demo "$@"
    ;;
test)
    [ -f build/dev/build.ninja ] || cmake --preset dev >/dev/null
    cmake --build --preset dev -j "$jobs"
    # Tests start their own servers; as root they run them as the postgres user.
    exec ctest --preset dev -j "$jobs" "$@"
    ;;
*) usage ;;
esac
