package dev.jppc.core.decode;

/** Instruction words from the fields of an {@link Op}, read from the ISA's form layouts (for tests). */
public final class OpWords {

    private OpWords() {
    }

    /** {@code fields} (the bits below the primary opcode) with {@code op}'s extended opcode put in place. */
    public static int withExtended(final Op op, final int fields) {
        final int bits = fields & 0x03FF_FFFF;
        if (op.encoding() == Op.Encoding.D) {
            return (op.primary() << 26) | bits;
        }
        final int shift = Decoder.rowShift(op.primary());
        final Op.Encoding encoding = op.encoding();
        final int fixedMask = (Decoder.rowMask(op.primary()) & ~encoding.wildcard()) << shift;
        final int fixedValue = (op.extended() << encoding.shift()) << shift;
        final int low = (bits & ~fixedMask) | fixedValue;
        return (op.primary() << 26) | low;
    }

    /** Whether {@code word} carries the primary and extended opcode of {@code op}. */
    public static boolean carries(final Op op, final int word) {
        return op != Op.ILLEGAL && withExtended(op, word) == word;
    }
}
