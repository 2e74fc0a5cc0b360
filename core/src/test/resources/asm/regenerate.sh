#!/usr/bin/env bash
# Rewrites the hex column of golden.txt with GNU as's encoding of each source line.
#
# Needs Debian's binutils-powerpc64le-linux-gnu. Run from anywhere:
#   core/src/test/resources/asm/regenerate.sh
# Comment and blank lines are kept; a case line may come with or without its hex word.
# Each case must assemble to exactly one word: the assembler itself checks that after every line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
table="$here/golden.txt"
as=${AS:-powerpc64le-linux-gnu-as}
objcopy=${OBJCOPY:-powerpc64le-linux-gnu-objcopy}
# -mbig: GNU refuses lmw/lswi/stswi in little-endian mode; the word is the same in either order.
# -mpower9: modsw/moduw/modsd/modud and cnttzw/cnttzd are ISA v3.0.
as_flags=(-a64 -mbig -mpower9)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The source of a case line is everything before a trailing 0x%08x word, if there is one.
# (sed -E rather than awk: Debian's mawk has no {n} intervals.)
strip_word='s/[[:space:]]+0x[0-9a-fA-F]{8}[[:space:]]*$//; s/^[[:space:]]+//; s/[[:space:]]+$//'

sed -E -e '/^[[:space:]]*(#|$)/d' -e "$strip_word" "$table" > "$work/sources"

# One case after another, each followed by a check that it added exactly one word.
awk '
    BEGIN { print ".Lstart:" }
    {
        print $0
        printf ".if (. - .Lstart) - %d\n", 4 * NR
        printf ".error \"case %d (%s) is not exactly one word\"\n", NR, $0
        print ".endif"
    }' "$work/sources" > "$work/cases.s"

"$as" "${as_flags[@]}" -o "$work/cases.o" "$work/cases.s"
"$objcopy" -O binary -j .text "$work/cases.o" "$work/cases.bin"
od -An -v -tx4 --endian=big "$work/cases.bin" | tr -s ' \n' '\n\n' | sed '/^$/d' > "$work/words"

cases=$(wc -l < "$work/sources")
words=$(wc -l < "$work/words")
if [ "$cases" -ne "$words" ]; then
    echo "regenerate.sh: $cases cases but $words words" >&2
    exit 1
fi

# Put the words back: comment and blank lines as they were, each case as "<source padded> 0x<word>".
paste -d '\n' "$work/sources" "$work/words" \
    | awk 'NR % 2 == 1 { source = $0; next } { printf "%-32s 0x%s\n", source, $0 }' > "$work/cases"
awk -v cases="$work/cases" '
    /^[[:space:]]*(#|$)/ { print; next }
    { getline line < cases; print line }' "$table" > "$work/golden.txt"

mv "$work/golden.txt" "$table"
echo "regenerate.sh: $cases cases written to $table"
