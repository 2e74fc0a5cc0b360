package dev.jppc.core.decode;

/** Instruction words from the fields of an {@link Op}, read from the ISA's form layouts (for tests). */
public final class OpWords {

    private OpWords() {
    }

    /** {@code fields} (the bits below the primary opcode) with {@code op}'s extended opcode put in place. */
    public static int withExtended(final Op op, final int fields) {
        final int xo = op.extended();
        final int bits = fields & 0x03FF_FFFF;
        final int low = switch (op.encoding()) {
            case D -> bits;
            case X -> (bits & ~(0x3FF << 1)) | (xo << 1);
            case XO -> (bits & ~(0x1FF << 1)) | (xo << 1);
            case XS -> (bits & ~(0x1FF << 2)) | (xo << 2);
            case A5 -> (bits & ~(0x1F << 1)) | (xo << 1);
            case MD -> (bits & ~(0x7 << 2)) | (xo << 2);
            case MDS -> (bits & ~(0xF << 1)) | (xo << 1);
            case DS -> (bits & ~3) | xo;
        };
        return (op.primary() << 26) | low;
    }

    /** Whether {@code word} carries the primary and extended opcode of {@code op}. */
    public static boolean carries(final Op op, final int word) {
        return op != Op.ILLEGAL && withExtended(op, word) == word;
    }
}
