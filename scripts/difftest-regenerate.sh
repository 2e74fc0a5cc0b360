#!/bin/sh
# The differential suite's QEMU side (docs/differential.md). Needs qemu-ppc64le and qemu-ppc64 (Debian: qemu-user).
#
#   scripts/difftest-regenerate.sh                    rewrite machine/src/test/resources/diff/ from QEMU
#   scripts/difftest-regenerate.sh --fresh 500        run 500 new seeds per family and byte order on QEMU and jppc
#
# Options: --fresh COUNT, --base SEED (first fresh seed; default: from the clock), --families ID,ID (default: all:
# fixedpoint, fixedpoint-v3, rotate, loadstore, vsx, branch, fp, vmx, vsx-arith), --seeds N (regenerate seeds 1..N),
# --keep DIR (also save every program run, FAMILY-ORDER-SEED.elf, for objdump), --shown N (print the first N
# differing programs; default 20).
set -eu
cd "$(dirname "$0")/.."

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

for emulator in qemu-ppc64le qemu-ppc64; do
    if ! command -v "$emulator" >/dev/null 2>&1; then
        echo "$emulator not found: install Debian's qemu-user package" >&2
        exit 2
    fi
done

mode=regenerate
set -- "$@" --end
while [ "$1" != --end ]; do
    case "$1" in
        --fresh) [ $# -ge 3 ] || usage; mode=fresh; set -- "$@" "-Djppc.diff.count=$2"; shift 2 ;;
        --base) [ $# -ge 3 ] || usage; set -- "$@" "-Djppc.diff.base=$2"; shift 2 ;;
        --families) [ $# -ge 3 ] || usage; set -- "$@" "-Djppc.diff.families=$2"; shift 2 ;;
        --seeds) [ $# -ge 3 ] || usage; set -- "$@" "-Djppc.diff.seeds=$2"; shift 2 ;;
        --shown) [ $# -ge 3 ] || usage; set -- "$@" "-Djppc.diff.shown=$2"; shift 2 ;;
        --keep) [ $# -ge 3 ] || usage; mkdir -p "$2"; set -- "$@" "-Djppc.diff.keep=$(cd "$2" && pwd)"; shift 2 ;;
        *) usage ;;
    esac
done
shift

exec ./mvnw -B -q -pl machine -am test -Dtest=DifferentialQemuTest -Dsurefire.failIfNoSpecifiedTests=false \
    "-Djppc.diff=$mode" "$@"
