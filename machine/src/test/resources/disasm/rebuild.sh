#!/usr/bin/env bash
# Rebuilds the ELF images DisasmObjdumpTest decodes with both jppc and objdump, from mix.c.
#
# Needs Debian's gcc-powerpc64le-linux-gnu and gcc-powerpc64-linux-gnu. Run from anywhere:
#   machine/src/test/resources/disasm/rebuild.sh
# The images are committed so that the test needs only binutils, and the build only Java.
#   mix-le.elf     ELFv2 little-endian, -mcpu=power8 (the pseries target)
#   mix-be.elf     ELFv1 big-endian, -mcpu=power8
#   mix-p9-le.elf  ELFv2 little-endian, -mcpu=power9: v3.0 words jppc partly implements (modsw, cnttzd, ...)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cflags=(-O2 -ffreestanding -nostdlib -static -fno-asynchronous-unwind-tables -fno-stack-protector
        -Wl,--build-id=none -Wl,-z,max-page-size=0x1000 -Wl,-z,common-page-size=0x1000)

build() {
    local gcc=$1 cpu=$2 out=$3
    "$gcc" "${cflags[@]}" "-mcpu=$cpu" -o "$here/$out" "$here/mix.c"
    echo "rebuild.sh: $out ($(stat -c %s "$here/$out") bytes)"
}

build powerpc64le-linux-gnu-gcc power8 mix-le.elf
build powerpc64-linux-gnu-gcc power8 mix-be.elf
build powerpc64le-linux-gnu-gcc power9 mix-p9-le.elf
