package dev.jppc.mmu;

/** Parses the hex literals of table-driven tests: "0x" prefix, optional underscores, all 64 bits, or -1. */
public final class Hex {

    private Hex() {
    }

    public static long parse(final String text) {
        final String digits = text.trim().replace("_", "");
        if (digits.startsWith("-")) {
            return -parse(digits.substring(1));
        }
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            return Long.parseUnsignedLong(digits.substring(2), 16);
        }
        return Long.parseLong(digits);
    }
}
