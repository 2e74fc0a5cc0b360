#!/bin/sh
# expected.sh COMMAND...
#
# Runs a validation build of the workout (one that prints every failure)
# under QEMU, e.g. `qemu-ppc64le -cpu power9 workout-linux-le.elf`, and
# prints what a correct CPU prints: the same lines with every family at
# "0 failed". This is how the .expected files are made, and how they are
# checked again (make expected, make check-qemu, make check-qemu-system).
#
# QEMU is a second implementation of the instructions, not an oracle: it
# must agree with the reference code on every check except the known QEMU
# deviations listed below, and any other failure stops this script.
#
# Known deviation (QEMU 7.2): divdeo/divdeo. leave XER[OV] clear when the
# quotient is 2^63 or more in magnitude while |RA| < |RB| (e.g. RA=1, RB=2:
# (1 || 64 zeros) / 2 = 2^63 does not fit a signed doubleword, so the ISA
# sets OV). QEMU only tests |RA| >= |RB|.
set -eu
raw=$(mktemp)
trap 'rm -f "$raw"' EXIT
"$@" > "$raw" 2>/dev/null || true

unknown=$(grep '^FAIL' "$raw" | grep -v -E '^FAIL divdeo\.? ' || true)
if [ -n "$unknown" ]; then
    echo "$*: failures that are not known QEMU deviations:" >&2
    echo "$unknown" | head -20 >&2
    exit 1
fi
# The build shows every failure, so the FAIL lines must account for all.
shown=$(grep -c '^FAIL' "$raw" || true)
counted=$(sed -n -E 's/^RESULT: [0-9]+ checks, ([0-9]+) failed$/\1/p' "$raw")
if [ "$shown" != "$counted" ]; then
    echo "$*: $shown failures shown but RESULT counts '$counted'" >&2
    exit 1
fi
grep -v '^FAIL' "$raw" | sed -E 's/checks, [0-9]+ failed$/checks, 0 failed/'
