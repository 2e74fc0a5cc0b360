#!/bin/sh
# The bundled integer workload as a Linux user program (bench/user/intwork.c), timed under `jppc user` and
# under qemu-ppc64le in one run; prints both wall times (JVM start and warm-up included) and their ratio.
#
#   scripts/bench-user-vs-qemu.sh [ROUNDS]     (default 20000 rounds, about 2.8e9 guest instructions)
#
# Skips (exit 0) with a message when qemu-ppc64le is not installed. Rebuild the committed ELF after changing
# the source (needs powerpc64le-linux-gnu-gcc):
#   powerpc64le-linux-gnu-gcc -O2 -static -nostdlib -no-pie -Wl,--build-id=none \
#       -o bench/user/intwork-le.elf bench/user/intwork.c
set -eu
cd "$(dirname "$0")/.."
rounds="${1:-20000}"
elf=bench/user/intwork-le.elf

if ! command -v qemu-ppc64le >/dev/null 2>&1; then
    echo "qemu-ppc64le not found (Debian: qemu-user): skipping the jppc user vs qemu-ppc64le comparison"
    exit 0
fi

# Build the jar first so that its build time is not measured.
./jppc --version >/dev/null

now() {
    date +%s%N
}

run() {
    start=$(now)
    "$@" "$elf" "$rounds" >"$out"
    end=$(now)
    echo $(( (end - start) / 1000000 ))
}

out=$(mktemp)
expected=$(mktemp)
trap 'rm -f "$out" "$expected"' EXIT
qemu_ms=$(run qemu-ppc64le)
cp "$out" "$expected"
jppc_ms=$(run ./jppc user)
if ! cmp -s "$out" "$expected"; then
    echo "jppc user printed something else than qemu-ppc64le:" >&2
    diff "$expected" "$out" >&2 || true
    exit 1
fi
echo "intwork $rounds rounds: qemu-ppc64le ${qemu_ms} ms, jppc user ${jppc_ms} ms"
awk -v j="$jppc_ms" -v q="$qemu_ms" 'BEGIN { printf "jppc user / qemu-ppc64le time: %.2f\n", j / q }'
