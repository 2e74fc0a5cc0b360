package dev.jppc.core.decode;

/**
 * Turns an instruction word into assembly text: the base mnemonic with its {@code o} and {@code .} suffixes
 * and operands in GNU as order (registers as r0..r31 and vs0..vs63, CR fields as cr0..cr7, branch targets as absolute
 * addresses). Extended mnemonics such as {@code li} or {@code beq} are not used, so the text names exactly
 * the instruction jppc executes. Cold path only (traces, the monitor, {@code jppc disasm}).
 */
public final class Disassembler {

    private Disassembler() {
    }

    /** The mnemonic of {@code insn} including its suffixes, or ".long" when jppc does not implement it. */
    public static String mnemonic(final int insn) {
        final Op op = Decoder.decodeOp(insn);
        if (op == Op.ILLEGAL) {
            return ".long";
        }
        String name = op.mnemonic();
        if (op == Op.MFCR && (insn & (1 << 20)) != 0) {
            name = "mfocrf";
        } else if (op == Op.MTCRF && (insn & (1 << 20)) != 0) {
            name = "mtocrf";
        } else if (op == Op.SYNC) {
            final int l = (insn >>> 21) & 3;
            name = l == 1 ? "lwsync" : l == 2 ? "ptesync" : "sync";
        } else if (op == Op.B || op == Op.BC) {
            name = op.mnemonic() + (Fields.lk(insn) ? "l" : "") + (Fields.aa(insn) ? "a" : "");
        } else if (op == Op.BCLR || op == Op.BCCTR || op == Op.BCTAR) {
            name = op.mnemonic() + (Fields.lk(insn) ? "l" : "");
        }
        if (op.has(Op.OE) && Fields.oe(insn)) {
            name += "o";
        }
        if (op.has(Op.RC) && Fields.rc(insn)) {
            name += ".";
        }
        return name;
    }

    /** Full text of {@code insn} located at {@code pc}. */
    public static String disassemble(final int insn, final long pc) {
        final Op op = Decoder.decodeOp(insn);
        if (op == Op.ILLEGAL) {
            return String.format(".long 0x%08x", insn);
        }
        final String operands = operands(op, insn, pc);
        final String name = mnemonic(insn);
        return operands.isEmpty() ? name : String.format("%-8s %s", name, operands);
    }

    private static String r(final int n) {
        return "r" + n;
    }

    /** A VSX register as GNU objdump names it: vs0..vs63. */
    private static String vs(final int n) {
        return "vs" + n;
    }

    private static String operands(final Op op, final int insn, final long pc) {
        final int t = Fields.rt(insn);
        final int a = Fields.ra(insn);
        final int b = Fields.rb(insn);
        return switch (op.syntax()) {
            case NONE -> "";
            case RT_RA_SI -> r(t) + "," + r(a) + "," + Fields.si(insn);
            case RT_RA_UI_SHIFTED -> r(t) + "," + r(a) + "," + Fields.si(insn);
            case RA_RS_UI -> r(a) + "," + r(t) + ",0x" + Long.toHexString(Fields.ui(insn));
            case BF_L_RA_SI -> "cr" + Fields.bf(insn) + "," + (Fields.l10(insn) ? 1 : 0) + "," + r(a) + ","
                + Fields.si(insn);
            case BF_L_RA_UI -> "cr" + Fields.bf(insn) + "," + (Fields.l10(insn) ? 1 : 0) + "," + r(a) + ","
                + Fields.ui(insn);
            case TO_RA_SI -> t + "," + r(a) + "," + Fields.si(insn);
            case RT_D_RA -> r(t) + "," + Fields.si(insn) + "(" + r(a) + ")";
            case RT_DS_RA -> r(t) + "," + Fields.ds(insn) + "(" + r(a) + ")";
            case RT_DQ_RA -> r(t) + "," + Fields.dq(insn) + "(" + r(a) + ")";
            case RT_RA_RB -> r(t) + "," + r(a) + "," + r(b);
            case RT_RA_RB_EH -> r(t) + "," + r(a) + "," + r(b) + ((insn & 1) != 0 ? ",1" : "");
            case RA_RS_RB -> r(a) + "," + r(t) + "," + r(b);
            case RT_RA -> r(t) + "," + r(a);
            case RA_RS -> r(a) + "," + r(t);
            case RA_RS_SH -> r(a) + "," + r(t) + "," + b;
            case RA_RS_SH6 -> r(a) + "," + r(t) + "," + Fields.sh6(insn);
            case BF_L_RA_RB -> "cr" + Fields.bf(insn) + "," + (Fields.l10(insn) ? 1 : 0) + "," + r(a) + ","
                + r(b);
            case TO_RA_RB -> t + "," + r(a) + "," + r(b);
            case RA_RS_SH_MB_ME -> r(a) + "," + r(t) + "," + b + "," + Fields.mb5(insn) + "," + Fields.me5(insn);
            case RA_RS_RB_MB_ME -> r(a) + "," + r(t) + "," + r(b) + "," + Fields.mb5(insn) + ","
                + Fields.me5(insn);
            case RA_RS_SH6_MB6, RA_RS_SH6_ME6 -> r(a) + "," + r(t) + "," + Fields.sh6(insn) + ","
                + Fields.mb6(insn);
            case RA_RS_RB_MB6, RA_RS_RB_ME6 -> r(a) + "," + r(t) + "," + r(b) + "," + Fields.mb6(insn);
            case RT_RA_NB -> r(t) + "," + r(a) + "," + b;
            case RT_RA_RB_BC -> r(t) + "," + r(a) + "," + r(b) + "," + Fields.rc5(insn);
            case TARGET_LI -> "0x" + Long.toHexString((Fields.aa(insn) ? 0 : pc) + Fields.li(insn));
            case BO_BI_TARGET -> t + "," + a + ",0x" + Long.toHexString((Fields.aa(insn) ? 0 : pc) + Fields.bd(insn));
            case BO_BI_BH -> t + "," + a + (Fields.bh(insn) != 0 ? "," + Fields.bh(insn) : "");
            case BT_BA_BB -> t + "," + a + "," + b;
            case BF_BFA -> "cr" + Fields.bf(insn) + ",cr" + Fields.bfa(insn);
            case RT_SPR -> r(t) + "," + Fields.spr(insn);
            case SPR_RS -> Fields.spr(insn) + "," + r(t);
            case RT -> (op == Op.MFCR && (insn & (1 << 20)) != 0) ? r(t) + ",0x" + Integer.toHexString(Fields.fxm(insn))
                : r(t);
            case RT_FXM -> r(t) + ",0x" + Integer.toHexString(Fields.fxm(insn));
            case FXM_RS -> "0x" + Integer.toHexString(Fields.fxm(insn)) + "," + r(t);
            case RS_L -> r(t) + (((insn >>> 16) & 1) != 0 ? ",1" : "");
            case RB -> r(b);
            case RB_RS -> r(b) + "," + r(t);
            case RS_RB -> r(t) + "," + r(b);
            case RT_RB -> r(t) + "," + r(b);
            case RA_RB -> r(a) + "," + r(b);
            case L -> "";
            case LEV -> ((insn >>> 5) & 0x7F) != 0 ? Integer.toString((insn >>> 5) & 0x7F) : "";
            case IH -> ((insn >>> 21) & 7) != 0 ? Integer.toString((insn >>> 21) & 7) : "";
            case XT_RA_RB -> vs(Fields.xt(insn)) + "," + r(a) + "," + r(b);
            case XT_DQ_RA -> vs(Fields.xtDq(insn)) + "," + Fields.dq(insn) + "(" + r(a) + ")";
            case RA_XS -> r(a) + "," + vs(Fields.xt(insn));
            case XT_RA -> vs(Fields.xt(insn)) + "," + r(a);
            case XT_XA_XB -> vs(Fields.xt(insn)) + "," + vs(Fields.xa(insn)) + "," + vs(Fields.xb(insn));
            case XT_XA_XB_XC -> vs(Fields.xt(insn)) + "," + vs(Fields.xa(insn)) + "," + vs(Fields.xb(insn)) + ","
                + vs(Fields.xc(insn));
            case XT_XA_XB_DM, XT_XA_XB_SHW -> vs(Fields.xt(insn)) + "," + vs(Fields.xa(insn)) + ","
                + vs(Fields.xb(insn)) + "," + ((insn >>> 8) & 3);
            case XT_XB_UIM -> vs(Fields.xt(insn)) + "," + vs(Fields.xb(insn)) + "," + ((insn >>> 16) & 3);
            case XT_XB -> vs(Fields.xt(insn)) + "," + vs(Fields.xb(insn));
            case XT_IMM8 -> vs(Fields.xt(insn)) + "," + ((insn >>> 11) & 0xFF);
        };
    }
}
