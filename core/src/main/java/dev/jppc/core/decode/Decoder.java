package dev.jppc.core.decode;

/**
 * Maps an instruction word to its dense op id ({@link Op} ordinal) with at most two array loads: the primary
 * opcode selects either an op directly or a row indexed by the extended-opcode bits. Every slot that no
 * {@link Op} claims holds {@link OpId#ILLEGAL}. The tables are built once from {@link Op}; two rows claiming
 * the same slot is a bug that stops class initialisation.
 */
public final class Decoder {

    private static final short[] DIRECT = new short[64];
    private static final short[][] ROWS = new short[64][];
    private static final int[] ROW_SHIFT = new int[64];
    private static final int[] ROW_MASK = new int[64];

    static {
        defineRow(0, 1, 0x3FF);
        defineRow(19, 1, 0x3FF);
        defineRow(31, 1, 0x3FF);
        defineRow(30, 1, 0xF);
        // sc is 0b10 in bits 30-31; the other values are scv (v3.0) and reserved forms.
        defineRow(17, 0, 0x3);
        defineRow(58, 0, 0x3);
        defineRow(62, 0, 0x3);
        for (final Op op : Op.values()) {
            if (op != Op.ILLEGAL) {
                place(op);
            }
        }
    }

    private Decoder() {
    }

    /** The op id of {@code insn}; {@link OpId#ILLEGAL} when jppc does not implement the encoding. */
    public static int decode(final int insn) {
        final int primary = insn >>> 26;
        final short[] row = ROWS[primary];
        if (row == null) {
            return DIRECT[primary];
        }
        return row[(insn >>> ROW_SHIFT[primary]) & ROW_MASK[primary]];
    }

    /** The op of {@code insn}. */
    public static Op decodeOp(final int insn) {
        return Op.of(decode(insn));
    }

    private static void defineRow(final int primary, final int shift, final int mask) {
        ROWS[primary] = new short[mask + 1];
        ROW_SHIFT[primary] = shift;
        ROW_MASK[primary] = mask;
    }

    private static void place(final Op op) {
        final int primary = op.primary();
        final short[] row = ROWS[primary];
        if (op.encoding() == Op.Encoding.D) {
            if (row != null) {
                throw new IllegalStateException(op + " has no extended opcode but primary " + primary + " has a row");
            }
            claim(DIRECT, primary, op);
            return;
        }
        if (row == null) {
            throw new IllegalStateException(op + " has an extended opcode but primary " + primary + " has no row");
        }
        final int xo = op.extended();
        switch (op.encoding()) {
            case X, MDS, DS -> claim(row, xo, op);
            case XO -> {
                claim(row, xo, op);
                claim(row, xo | 0x200, op);
            }
            case XS, MD -> {
                claim(row, xo << 1, op);
                claim(row, (xo << 1) | 1, op);
            }
            case A5 -> {
                for (int key = xo; key < row.length; key += 32) {
                    claim(row, key, op);
                }
            }
            default -> throw new IllegalStateException("unplaced encoding " + op.encoding());
        }
    }

    private static void claim(final short[] table, final int index, final Op op) {
        if (table[index] != OpId.ILLEGAL) {
            throw new IllegalStateException(op + " overlaps " + Op.of(table[index]) + " at slot " + index);
        }
        table[index] = (short) op.ordinal();
    }
}
