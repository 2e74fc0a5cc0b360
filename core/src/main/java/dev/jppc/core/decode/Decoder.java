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
        // VMX: VX (11 bits), VA (6 bits) and VC (10 bits plus Rc) forms share bits 21-31.
        defineRow(4, 0, 0x7FF);
        // Floating point: X forms use bits 21-30, A forms bits 26-30 of the same index.
        defineRow(59, 1, 0x3FF);
        defineRow(63, 1, 0x3FF);
        // VSX: XX2, XX3 and XX4 forms, indexed by bits 21-30 (bit 31, TX, is a register bit).
        defineRow(60, 1, 0x3FF);
        // sc is 0b10 in bits 30-31; the other values are scv (v3.0) and reserved forms.
        defineRow(17, 0, 0x3);
        defineRow(58, 0, 0x3);
        defineRow(62, 0, 0x3);
        // DQ-form VSX loads and stores (lxv, stxv): a 3-bit extended opcode in bits 29-31.
        defineRow(61, 0, 0x7);
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

    /** The shift that brings primary {@code primary}'s row index to the low bits of the word (tests). */
    static int rowShift(final int primary) {
        return ROW_SHIFT[primary];
    }

    /** The width mask of primary {@code primary}'s row index, 0 when the primary has no row (tests). */
    static int rowMask(final int primary) {
        return ROW_MASK[primary];
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
        // Every row index whose fixed bits equal the extended opcode belongs to the op: walk the subsets of
        // the wildcard bits.
        final Op.Encoding encoding = op.encoding();
        final int base = op.extended() << encoding.shift();
        // A wildcard bit outside this primary's row index is no bit of the index at all.
        final int wildcard = encoding.wildcard() & ROW_MASK[primary];
        if ((base & wildcard) != 0 || base >= row.length) {
            throw new IllegalStateException(op + " has an extended opcode outside its encoding");
        }
        int free = wildcard;
        while (true) {
            claim(row, base | free, op);
            if (free == 0) {
                break;
            }
            free = (free - 1) & wildcard;
        }
    }

    private static void claim(final short[] table, final int index, final Op op) {
        if (table[index] != OpId.ILLEGAL) {
            throw new IllegalStateException(op + " overlaps " + Op.of(table[index]) + " at slot " + index);
        }
        table[index] = (short) op.ordinal();
    }
}
