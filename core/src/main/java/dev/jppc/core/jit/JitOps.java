package dev.jppc.core.jit;

import java.util.function.IntUnaryOperator;

import dev.jppc.core.Spr;
import dev.jppc.core.decode.Op;
import dev.jppc.core.decode.OpId;

/**
 * Which instructions the block translator compiles, and the call each one becomes: the same static method,
 * with the same constant arguments, that {@code Interpreter.execute} calls for the op. A translated block is
 * a sequence of these calls with the instruction word as a constant, which lets the JIT fold the field
 * extraction away. Everything not listed ends a block and runs in the interpreter: instructions that change
 * the MSR or the timers, read the clock, synchronise context, or are too rare to matter.
 *
 * <p>{@code JitEquivalenceTest} checks every entry against the interpreter on random words.
 */
final class JitOps {

    /** A plain computation or a storage access. */
    static final int PLAIN = 0;
    /** A storage access: a device behind it may end the slice, which the block must then honour. */
    static final int STORAGE = 1;
    /** A branch that ends its block; it reads c.pc and c.nip and may set c.nip. */
    static final int BRANCH = 2;
    /**
     * A conditional branch (bc) a block may continue after: when it is taken the block leaves at once, when
     * not, the next instruction follows.
     */
    static final int CONDITIONAL = 3;

    /** One translated call: {@code owner.method(Cpu, int insn, extra...)}. */
    record Call(String owner, String method, String descriptor, int kind, Object[] extra) {
    }

    private static final String FIXED = "dev/jppc/core/exec/FixedPoint";
    private static final String ROTATE = "dev/jppc/core/exec/Rotate";
    private static final String LOAD_STORE = "dev/jppc/core/exec/LoadStore";
    private static final String BRANCHES = "dev/jppc/core/exec/Branch";
    private static final String REGISTERS = "dev/jppc/core/exec/SystemRegisters";
    private static final String VSX_LOAD_STORE = "dev/jppc/core/exec/VsxLoadStore";
    private static final String VSX_PERMUTE = "dev/jppc/core/exec/VsxPermute";

    private static final Call[] CALLS = new Call[Op.count()];

    static {
        plain(FIXED, OpId.ADDI, "addi");
        plain(FIXED, OpId.ADDIS, "addis");
        plain(FIXED, OpId.ADDIC, "addic", false);
        plain(FIXED, OpId.ADDIC_, "addic", true);
        plain(FIXED, OpId.SUBFIC, "subfic");
        plain(FIXED, OpId.MULLI, "mulli");
        plain(FIXED, OpId.ADD, "add");
        plain(FIXED, OpId.ADDC, "addc");
        plain(FIXED, OpId.ADDE, "adde");
        plain(FIXED, OpId.ADDME, "addme");
        plain(FIXED, OpId.ADDZE, "addze");
        plain(FIXED, OpId.SUBF, "subf");
        plain(FIXED, OpId.SUBFC, "subfc");
        plain(FIXED, OpId.SUBFE, "subfe");
        plain(FIXED, OpId.SUBFME, "subfme");
        plain(FIXED, OpId.SUBFZE, "subfze");
        plain(FIXED, OpId.NEG, "neg");
        plain(FIXED, OpId.MULLW, "mullw");
        plain(FIXED, OpId.MULLD, "mulld");
        plain(FIXED, OpId.MULHW, "mulhw", true);
        plain(FIXED, OpId.MULHWU, "mulhw", false);
        plain(FIXED, OpId.MULHD, "mulhd", true);
        plain(FIXED, OpId.MULHDU, "mulhd", false);
        plain(FIXED, OpId.DIVW, "divw");
        plain(FIXED, OpId.DIVWU, "divwu");
        plain(FIXED, OpId.DIVD, "divd");
        plain(FIXED, OpId.DIVDU, "divdu");
        plain(FIXED, OpId.DIVWE, "divwe");
        plain(FIXED, OpId.DIVWEU, "divweu");
        plain(FIXED, OpId.DIVDE, "divde");
        plain(FIXED, OpId.DIVDEU, "divdeu");
        plain(FIXED, OpId.MODSW, "modsw");
        plain(FIXED, OpId.MODUW, "moduw");
        plain(FIXED, OpId.MODSD, "modsd");
        plain(FIXED, OpId.MODUD, "modud");
        plain(FIXED, OpId.CMPI, "cmpi");
        plain(FIXED, OpId.CMPLI, "cmpli");
        plain(FIXED, OpId.CMP, "cmp");
        plain(FIXED, OpId.CMPL, "cmpl");
        plain(FIXED, OpId.ISEL, "isel");
        plain(FIXED, OpId.ANDI_, "andi", 0);
        plain(FIXED, OpId.ANDIS_, "andi", 16);
        plain(FIXED, OpId.ORI, "ori", 0);
        plain(FIXED, OpId.ORIS, "ori", 16);
        plain(FIXED, OpId.XORI, "xori", 0);
        plain(FIXED, OpId.XORIS, "xori", 16);
        plain(FIXED, OpId.AND, "and");
        plain(FIXED, OpId.ANDC, "andc");
        plain(FIXED, OpId.OR, "or");
        plain(FIXED, OpId.ORC, "orc");
        plain(FIXED, OpId.XOR, "xor");
        plain(FIXED, OpId.NAND, "nand");
        plain(FIXED, OpId.NOR, "nor");
        plain(FIXED, OpId.EQV, "eqv");
        plain(FIXED, OpId.EXTSB, "extsb");
        plain(FIXED, OpId.EXTSH, "extsh");
        plain(FIXED, OpId.EXTSW, "extsw");
        plain(FIXED, OpId.CNTLZW, "cntlzw");
        plain(FIXED, OpId.CNTLZD, "cntlzd");
        plain(FIXED, OpId.CNTTZW, "cnttzw");
        plain(FIXED, OpId.CNTTZD, "cnttzd");
        plain(FIXED, OpId.POPCNTB, "popcntb");
        plain(FIXED, OpId.POPCNTW, "popcntw");
        plain(FIXED, OpId.POPCNTD, "popcntd");
        plain(FIXED, OpId.PRTYW, "prtyw");
        plain(FIXED, OpId.PRTYD, "prtyd");
        plain(FIXED, OpId.CMPB, "cmpb");
        plain(FIXED, OpId.BPERMD, "bpermd");

        plain(ROTATE, OpId.RLWINM, "rlwinm");
        plain(ROTATE, OpId.RLWNM, "rlwnm");
        plain(ROTATE, OpId.RLWIMI, "rlwimi");
        plain(ROTATE, OpId.RLDICL, "rldicl");
        plain(ROTATE, OpId.RLDICR, "rldicr");
        plain(ROTATE, OpId.RLDIC, "rldic");
        plain(ROTATE, OpId.RLDIMI, "rldimi");
        plain(ROTATE, OpId.RLDCL, "rldcl");
        plain(ROTATE, OpId.RLDCR, "rldcr");
        plain(ROTATE, OpId.SLW, "slw");
        plain(ROTATE, OpId.SRW, "srw");
        plain(ROTATE, OpId.SRAW, "sraw");
        plain(ROTATE, OpId.SRAWI, "srawi");
        plain(ROTATE, OpId.SLD, "sld");
        plain(ROTATE, OpId.SRD, "srd");
        plain(ROTATE, OpId.SRAD, "srad");
        plain(ROTATE, OpId.SRADI, "sradi");

        storage(OpId.LBZ, "loadD", 1, false, false);
        storage(OpId.LBZU, "loadD", 1, false, true);
        storage(OpId.LHZ, "loadD", 2, false, false);
        storage(OpId.LHZU, "loadD", 2, false, true);
        storage(OpId.LHA, "loadD", 2, true, false);
        storage(OpId.LHAU, "loadD", 2, true, true);
        storage(OpId.LWZ, "loadD", 4, false, false);
        storage(OpId.LWZU, "loadD", 4, false, true);
        storage(OpId.LWA, "loadDs", 4, true, false);
        storage(OpId.LD, "loadDs", 8, false, false);
        storage(OpId.LDU, "loadDs", 8, false, true);
        storage(OpId.STB, "storeD", 1, false);
        storage(OpId.STBU, "storeD", 1, true);
        storage(OpId.STH, "storeD", 2, false);
        storage(OpId.STHU, "storeD", 2, true);
        storage(OpId.STW, "storeD", 4, false);
        storage(OpId.STWU, "storeD", 4, true);
        storage(OpId.STD, "storeDs", 8, false);
        storage(OpId.STDU, "storeDs", 8, true);
        storage(OpId.LBZX, "loadX", 1, false, false);
        storage(OpId.LBZUX, "loadX", 1, false, true);
        storage(OpId.LHZX, "loadX", 2, false, false);
        storage(OpId.LHZUX, "loadX", 2, false, true);
        storage(OpId.LHAX, "loadX", 2, true, false);
        storage(OpId.LHAUX, "loadX", 2, true, true);
        storage(OpId.LWZX, "loadX", 4, false, false);
        storage(OpId.LWZUX, "loadX", 4, false, true);
        storage(OpId.LWAX, "loadX", 4, true, false);
        storage(OpId.LWAUX, "loadX", 4, true, true);
        storage(OpId.LDX, "loadX", 8, false, false);
        storage(OpId.LDUX, "loadX", 8, false, true);
        storage(OpId.STBX, "storeX", 1, false);
        storage(OpId.STBUX, "storeX", 1, true);
        storage(OpId.STHX, "storeX", 2, false);
        storage(OpId.STHUX, "storeX", 2, true);
        storage(OpId.STWX, "storeX", 4, false);
        storage(OpId.STWUX, "storeX", 4, true);
        storage(OpId.STDX, "storeX", 8, false);
        storage(OpId.STDUX, "storeX", 8, true);
        storage(OpId.LHBRX, "loadReversed", 2);
        storage(OpId.LWBRX, "loadReversed", 4);
        storage(OpId.LDBRX, "loadReversed", 8);
        storage(OpId.STHBRX, "storeReversed", 2);
        storage(OpId.STWBRX, "storeReversed", 4);
        storage(OpId.STDBRX, "storeReversed", 8);
        storage(OpId.LBARX, "larx", 1);
        storage(OpId.LHARX, "larx", 2);
        storage(OpId.LWARX, "larx", 4);
        storage(OpId.LDARX, "larx", 8);
        storage(OpId.STBCX_, "stcx", 1);
        storage(OpId.STHCX_, "stcx", 2);
        storage(OpId.STWCX_, "stcx", 4);
        storage(OpId.STDCX_, "stcx", 8);
        storage(OpId.DCBZ, "dcbz");
        storage(OpId.DCBST, "cacheBlockTouch");
        storage(OpId.DCBF, "cacheBlockTouch");

        branch(OpId.B, "b");
        CALLS[OpId.BC] = new Call(BRANCHES, "bc", descriptor(), CONDITIONAL, new Object[0]);
        branch(OpId.BCLR, "bclr");
        branch(OpId.BCCTR, "bcctr", false);
        branch(OpId.BCTAR, "bcctr", true);
        for (final short op : new short[] {OpId.CRAND, OpId.CROR, OpId.CRXOR, OpId.CRNAND, OpId.CRNOR, OpId.CREQV,
            OpId.CRANDC, OpId.CRORC}) {
            CALLS[op] = new Call(BRANCHES, "crLogical", "(Ldev/jppc/core/Cpu;II)V", PLAIN,
                new Object[] {(IntUnaryOperator) insn -> (insn >>> 1) & 0x3FF});
        }
        plain(BRANCHES, OpId.MCRF, "mcrf");
        plain(BRANCHES, OpId.MFCR, "mfcr");
        plain(BRANCHES, OpId.MTCRF, "mtcrf");
        // Only the user registers that cannot end a slice or read the clock; the rest stay interpreted.
        plain(REGISTERS, OpId.MFSPR, "mfspr");
        plain(REGISTERS, OpId.MTSPR, "mtspr");
        // VSX: the facility checks raise inside the call, exactly as when interpreted.
        for (final short op : new short[] {OpId.LXSDX, OpId.LXSIWAX, OpId.LXSIWZX, OpId.LXSSPX, OpId.LXVD2X,
            OpId.LXVDSX, OpId.LXVW4X, OpId.STXSDX, OpId.STXSIWX, OpId.STXSSPX, OpId.STXVD2X, OpId.STXVW4X,
            OpId.LXVL, OpId.STXVL, OpId.LXV, OpId.STXV}) {
            CALLS[op] = new Call(VSX_LOAD_STORE, lowerCase(op), descriptor(), STORAGE, new Object[0]);
        }
        for (final short op : new short[] {OpId.MFVSRD, OpId.MFVSRWZ, OpId.MTVSRD, OpId.MTVSRWA, OpId.MTVSRWZ,
            OpId.MFVSRLD, OpId.MTVSRDD, OpId.MTVSRWS}) {
            plain(VSX_LOAD_STORE, op, lowerCase(op));
        }
        for (final short op : new short[] {OpId.XXLAND, OpId.XXLANDC, OpId.XXLOR, OpId.XXLXOR, OpId.XXLNOR,
            OpId.XXLORC, OpId.XXLNAND, OpId.XXLEQV, OpId.XXSEL, OpId.XXPERMDI, OpId.XXSLDWI, OpId.XXMRGHW,
            OpId.XXMRGLW, OpId.XXSPLTW, OpId.XXSPLTIB}) {
            plain(VSX_PERMUTE, op, lowerCase(op));
        }
        // Hints and ordering do nothing on one coherent processor (as in the interpreter).
        CALLS[OpId.DCBT] = new Call(null, null, null, PLAIN, new Object[0]);
        CALLS[OpId.DCBTST] = CALLS[OpId.DCBT];
        CALLS[OpId.SYNC] = CALLS[OpId.DCBT];
        CALLS[OpId.EIEIO] = CALLS[OpId.DCBT];
    }

    private JitOps() {
    }

    /** The call for {@code insn} of op {@code op}, or null when the instruction is not translated. */
    static Call callFor(final int op, final int insn) {
        final Call call = CALLS[op];
        if (call != null && (op == OpId.MFSPR || op == OpId.MTSPR)) {
            final int spr = ((insn >>> 16) & 0x1F) | ((insn >>> 6) & 0x3E0);
            final boolean to = op == OpId.MTSPR;
            return switch (spr) {
                case Spr.LR -> to ? MTLR : MFLR;
                case Spr.CTR -> to ? MTCTR : MFCTR;
                case Spr.XER -> call;
                default -> null;
            };
        }
        return call;
    }

    /**
     * Whether the call needs {@code c.pc} to hold its instruction's address: it may raise an interrupt (which
     * reports c.pc), or it is a branch (which computes from it). Fixed-point, rotate, CR and LR/CTR moves
     * do neither, so a block stores no address before them. (The fixed-point traps tw/td/twi/tdi do raise: they
     * are not translated; translating them means listing them here.)
     */
    static boolean needsPc(final Call call) {
        if (call.kind() != PLAIN || call.owner() == null) {
            return call.owner() != null;
        }
        return switch (call.owner()) {
            case FIXED, ROTATE, MOVES -> false;
            case BRANCHES -> !"crLogical".equals(call.method()) && !"mcrf".equals(call.method())
                && !"mfcr".equals(call.method()) && !"mtcrf".equals(call.method());
            default -> true;
        };
    }

    private static final String MOVES = "dev/jppc/core/jit/RegisterMoves";
    private static final Call MTLR = new Call(MOVES, "mtlr", descriptor(), PLAIN, new Object[0]);
    private static final Call MTCTR = new Call(MOVES, "mtctr", descriptor(), PLAIN, new Object[0]);
    private static final Call MFLR = new Call(MOVES, "mflr", descriptor(), PLAIN, new Object[0]);
    private static final Call MFCTR = new Call(MOVES, "mfctr", descriptor(), PLAIN, new Object[0]);

    private static void plain(final String owner, final short op, final String method, final Object... extra) {
        CALLS[op] = new Call(owner, method, descriptor(extra), PLAIN, extra);
    }

    private static void storage(final short op, final String method, final Object... extra) {
        CALLS[op] = new Call(LOAD_STORE, method, descriptor(extra), STORAGE, extra);
    }

    private static void branch(final short op, final String method, final Object... extra) {
        CALLS[op] = new Call(BRANCHES, method, descriptor(extra), BRANCH, extra);
    }

    /** The exec method named like the op: {@code LXVD2X} is {@code lxvd2x}. */
    private static String lowerCase(final short op) {
        return Op.of(op).name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String descriptor(final Object... extra) {
        final StringBuilder d = new StringBuilder("(Ldev/jppc/core/Cpu;I");
        for (final Object e : extra) {
            d.append(e instanceof Boolean ? 'Z' : 'I');
        }
        return d.append(")V").toString();
    }
}
