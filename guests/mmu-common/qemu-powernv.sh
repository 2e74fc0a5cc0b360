#!/bin/sh
# Runs a raw MMU-guest image built with mmu-common/console-ram.c on QEMU's
# powernv8 machine (package qemu-system-ppc) and prints what the guest wrote
# to its RAM console; the exit status is the guest's. QEMU's monitor saves
# the console after WAIT seconds (default 5), which is plenty for mmu-basic.
#   usage: sh mmu-common/qemu-powernv.sh IMAGE.bin
set -e
image=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
(sleep "${WAIT:-5}"; echo "pmemsave 0xDFFFF8 0x10008 \"$dir/console.bin\""; sleep 1; echo quit) |
    qemu-system-ppc64 -M powernv8 -m 1G -bios "$image" -nographic -nodefaults -serial none \
        -monitor stdio >/dev/null 2>&1
python3 - "$dir/console.bin" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
sys.stdout.write(data[8:].split(b"\0")[0].decode("latin-1"))
status = int.from_bytes(data[:8], "big")
if status > 0xFF:
    status = int.from_bytes(data[:8], "little")
sys.exit(status if status <= 0xFF else 100)
PY
