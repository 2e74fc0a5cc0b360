#!/usr/bin/env bash
# Runs every busybox case of machine/src/test/resources/dev/jppc/machine/user/busybox/cases.txt through
# qemu-ppc64le and through `./jppc user`, and compares their stdout and exit status (and, with --regenerate,
# first writes qemu's results to expected/, which UserBusyboxTest compares jppc against in CI).
#
#   scripts/busybox-vs-qemu.sh [--regenerate] [CASE...]
#
# Needs cache/debian/busybox (scripts/fetch-debian-guest.sh); skips with a message without it or without
# qemu-ppc64le. Under qemu-user an exec of /proc/self/exe reaches the host kernel, which cannot run a ppc64
# program, so busybox falls back to PATH: the qemu side gets a PATH of small host scripts that run each applet
# under qemu-ppc64le again. jppc runs with PATH=/bin in an empty root and execs itself.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cases_dir="$root/machine/src/test/resources/dev/jppc/machine/user/busybox"
busybox="$root/cache/debian/busybox"
regenerate=no
if [ "${1:-}" = "--regenerate" ]; then
    regenerate=yes
    shift
fi
if [ ! -f "$busybox" ]; then
    echo "busybox-vs-qemu: skipped: no $busybox (run scripts/fetch-debian-guest.sh)"
    exit 0
fi
if ! command -v qemu-ppc64le > /dev/null; then
    echo "busybox-vs-qemu: skipped: qemu-ppc64le is not installed (Debian package qemu-user)"
    exit 0
fi

qemu="$(command -v qemu-ppc64le)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
wrappers="$scratch/bin"
mkdir -p "$wrappers"
for applet in $("$qemu" "$busybox" --list); do
    printf '#!/bin/sh\nexec "%s" -0 %s "%s" "$@"\n' "$qemu" "$applet" "$busybox" > "$wrappers/$applet"
    chmod +x "$wrappers/$applet"
done

# Prints the case's words one per line (single quotes group, as the Java test splits them).
words() {
    eval "set -- $1"
    printf '%s\n' "$@"
}

fresh_root() {
    rm -rf "$scratch/root"
    mkdir -p "$scratch/root"
    cp "$cases_dir"/fixtures/* "$scratch/root/"
}

input_of() {
    if [ "$1" = "-" ]; then echo /dev/null; else echo "$cases_dir/fixtures/$1"; fi
}

failed=0
total=0
while IFS='|' read -r name stdin command; do
    case "$name" in ''|'#'*) continue ;; esac
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then
        continue
    fi
    total=$((total + 1))
    mapfile -t argv < <(words "$command")
    input="$(input_of "$stdin")"

    fresh_root
    set +e
    (cd "$scratch/root" && env -i PATH="$wrappers" HOME=/ "$qemu" -0 "${argv[0]}" "$busybox" "${argv[@]:1}" \
        < "$input" > "$scratch/qemu.out" 2> "$scratch/qemu.err")
    qemu_status=$?
    fresh_root
    "$root/jppc" user --root "$scratch/root" --clear-env --env PATH=/bin --env HOME=/ --argv0 "${argv[0]}" \
        "$busybox" "${argv[@]:1}" < "$input" > "$scratch/jppc.out" 2> "$scratch/jppc.err"
    jppc_status=$?
    set -e

    if [ "$regenerate" = yes ]; then
        cp "$scratch/qemu.out" "$cases_dir/expected/$name.out"
        echo "$qemu_status" > "$cases_dir/expected/$name.status"
    fi
    if cmp -s "$scratch/qemu.out" "$scratch/jppc.out" && [ "$qemu_status" = "$jppc_status" ]; then
        echo "same     $name (status $jppc_status): $command"
    else
        failed=$((failed + 1))
        echo "DIFFERS  $name: qemu status $qemu_status, jppc status $jppc_status: $command"
        diff <(od -c "$scratch/qemu.out") <(od -c "$scratch/jppc.out") | head -20 || true
        echo "--- qemu stderr:"; head -5 "$scratch/qemu.err"
        echo "--- jppc stderr:"; head -5 "$scratch/jppc.err"
    fi
done < "$cases_dir/cases.txt"
echo "busybox-vs-qemu: $((total - failed)) of $total cases the same"
[ "$failed" -eq 0 ]
