package dev.jppc.machine.diff;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.jppc.core.decode.Op;

/**
 * A family of instructions the differential suite generates sequences from, with the QEMU CPU model its
 * reference runs on.
 *
 * <p>Left out of every family, with the reason (the ISA section is Power ISA v2.07 Book I unless named):
 * <ul>
 * <li>trap instructions (tw, twi, td, tdi; 3.3.11): a taken trap ends the process with SIGTRAP, and the suite
 * compares the state of programs that run to their end;</li>
 * <li>privileged and hypervisor instructions, sc and attn: the programs run in problem state under Linux;</li>
 * <li>mtspr XER inside a sequence: XER bits 0:31 and 35:56 are reserved (3.2.2) and QEMU keeps what is written
 * there while jppc keeps only the defined fields; the initial XER is written with defined fields only;</li>
 * <li>branches with AA=1 and backward branches: the programs are linked at 0x101000, out of reach of an
 * absolute 16-bit target, and a sequence must end;</li>
 * <li>in little-endian mode lmw, stmw, lswi, lswx, stswi, stswx: they cause the Alignment interrupt there
 * (3.3.6, 3.3.7) and Linux turns it into SIGBUS.</li>
 * </ul>
 */
enum Family {
    /** Fixed-point arithmetic, logical, compare and select (3.3.9, 3.3.10, 3.3.12, 3.3.13), POWER8. */
    FIXEDPOINT("fixedpoint", "power8", true, ops(Op.ADDI, Op.ADDIS, Op.ADDIC, Op.ADDIC_, Op.SUBFIC, Op.MULLI,
        Op.ADD, Op.ADDC, Op.ADDE, Op.ADDME, Op.ADDZE, Op.SUBF, Op.SUBFC, Op.SUBFE, Op.SUBFME, Op.SUBFZE, Op.NEG,
        Op.MULLW, Op.MULLD, Op.MULHW, Op.MULHWU, Op.MULHD, Op.MULHDU, Op.DIVW, Op.DIVWU, Op.DIVD, Op.DIVDU,
        Op.DIVWE, Op.DIVWEU, Op.DIVDE, Op.DIVDEU, Op.CMPI, Op.CMPLI, Op.CMP, Op.CMPL, Op.ISEL,
        Op.ANDI_, Op.ANDIS_, Op.ORI, Op.ORIS, Op.XORI, Op.XORIS, Op.AND, Op.ANDC, Op.OR, Op.ORC, Op.XOR, Op.NAND,
        Op.NOR, Op.EQV, Op.EXTSB, Op.EXTSH, Op.EXTSW, Op.CNTLZW, Op.CNTLZD, Op.POPCNTB, Op.POPCNTW, Op.POPCNTD,
        Op.PRTYW, Op.PRTYD, Op.CMPB, Op.BPERMD)),
    /**
     * The same instructions plus the v3.0 ones jppc accepts (modulo, count trailing zeros), on QEMU's POWER9,
     * which implements XER[OV32] and XER[CA32] as jppc does: nothing is masked.
     */
    FIXEDPOINT_V3("fixedpoint-v3", "power9", false, union(FIXEDPOINT.ops,
        ops(Op.MODSW, Op.MODUW, Op.MODSD, Op.MODUD, Op.CNTTZW, Op.CNTTZD))),
    /** Rotate and shift (3.3.14). */
    ROTATE("rotate", "power8", true, ops(Op.RLWINM, Op.RLWNM, Op.RLWIMI, Op.RLDICL, Op.RLDICR, Op.RLDIC,
        Op.RLDIMI, Op.RLDCL, Op.RLDCR, Op.SLW, Op.SRW, Op.SRAW, Op.SRAWI, Op.SLD, Op.SRD, Op.SRAD, Op.SRADI)),
    /**
     * Loads and stores into a data buffer (3.3.2-3.3.7): all widths, update and indexed forms, byte-reversed,
     * quadword, multiple and string, load-and-reserve with its store-conditional (Book II 4.4), dcbz and the cache
     * hints (Book II 4.3).
     */
    LOADSTORE("loadstore", "power8", true, ops(Op.LBZ, Op.LBZU, Op.LHZ, Op.LHZU, Op.LHA, Op.LHAU, Op.LWZ, Op.LWZU,
        Op.LWA, Op.LD, Op.LDU, Op.LQ, Op.STB, Op.STBU, Op.STH, Op.STHU, Op.STW, Op.STWU, Op.STD, Op.STDU, Op.STQ,
        Op.LMW, Op.STMW, Op.LBZX, Op.LBZUX, Op.LHZX, Op.LHZUX, Op.LHAX, Op.LHAUX, Op.LWZX, Op.LWZUX, Op.LWAX,
        Op.LWAUX, Op.LDX, Op.LDUX, Op.STBX, Op.STBUX, Op.STHX, Op.STHUX, Op.STWX, Op.STWUX, Op.STDX, Op.STDUX,
        Op.LHBRX, Op.LWBRX, Op.LDBRX, Op.STHBRX, Op.STWBRX, Op.STDBRX, Op.LSWI, Op.LSWX, Op.STSWI, Op.STSWX,
        Op.LBARX, Op.LHARX, Op.LWARX, Op.LDARX, Op.LQARX, Op.STBCX_, Op.STHCX_, Op.STWCX_, Op.STDCX_, Op.STQCX_,
        Op.DCBZ, Op.DCBT, Op.DCBTST, Op.DCBST, Op.DCBF, Op.ICBI)),
    /**
     * VSX storage access, moves between GPRs and VSRs, logical, select, permute and splat (Book I 7.6, v2.07),
     * over all 64 VSRs.
     */
    VSX("vsx", "power8", true, ops(Op.LXSDX, Op.LXSIWAX, Op.LXSIWZX, Op.LXSSPX, Op.LXVD2X, Op.LXVDSX, Op.LXVW4X,
        Op.STXSDX, Op.STXSIWX, Op.STXSSPX, Op.STXVD2X, Op.STXVW4X, Op.MFVSRD, Op.MFVSRWZ, Op.MTVSRD, Op.MTVSRWA,
        Op.MTVSRWZ, Op.XXLAND, Op.XXLANDC, Op.XXLOR, Op.XXLXOR, Op.XXLNOR, Op.XXLORC, Op.XXLNAND, Op.XXLEQV,
        Op.XXSEL, Op.XXPERMDI, Op.XXSLDWI, Op.XXMRGHW, Op.XXMRGLW, Op.XXSPLTW)),
    /** Branches (2.4) and the condition register instructions (2.5, 3.3.15 mfcr/mtcrf and mfspr/mtspr LR, CTR). */
    BRANCH("branch", "power8", true, ops(Op.B, Op.BC, Op.BCLR, Op.BCCTR, Op.BCTAR, Op.CRAND, Op.CROR, Op.CRXOR,
        Op.CRNAND, Op.CRNOR, Op.CREQV, Op.CRANDC, Op.CRORC, Op.MCRF, Op.MFCR, Op.MTCRF, Op.MFSPR, Op.MTSPR)),
    /**
     * Floating point (Book I chapter 4): arithmetic, multiply-add, single-precision forms, conversions, rounding,
     * compares and tests, select, moves, the FPSCR instructions (exceptions stay disabled) and the loads and
     * stores into the data buffer; FPRs and FPSCR are compared.
     */
    FP("fp", "power8", true, ops(Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FSQRT, Op.FRE, Op.FRSQRTE, Op.FMADD,
        Op.FMSUB, Op.FNMADD, Op.FNMSUB, Op.FADDS, Op.FSUBS, Op.FMULS, Op.FDIVS, Op.FSQRTS, Op.FRES, Op.FRSQRTES,
        Op.FMADDS, Op.FMSUBS, Op.FNMADDS, Op.FNMSUBS, Op.FSEL, Op.FCMPU, Op.FCMPO, Op.FTDIV, Op.FTSQRT, Op.FRSP,
        Op.FCTIW, Op.FCTIWZ, Op.FCTIWU, Op.FCTIWUZ, Op.FCTID, Op.FCTIDZ, Op.FCTIDU, Op.FCTIDUZ, Op.FCFID, Op.FCFIDU,
        Op.FCFIDS, Op.FCFIDUS, Op.FRIN, Op.FRIZ, Op.FRIP, Op.FRIM, Op.FMR, Op.FNEG, Op.FABS, Op.FNABS, Op.FCPSGN,
        Op.FMRGEW, Op.FMRGOW, Op.MFFS, Op.MTFSF, Op.MTFSFI, Op.MTFSB0, Op.MTFSB1, Op.MCRFS, Op.LFS, Op.LFSU, Op.LFD,
        Op.LFDU, Op.LFSX, Op.LFSUX, Op.LFDX, Op.LFDUX, Op.LFIWAX, Op.LFIWZX, Op.STFS, Op.STFSU, Op.STFD, Op.STFDU,
        Op.STFSX, Op.STFSUX, Op.STFDX, Op.STFDUX, Op.STFIWX)),
    /**
     * VMX (Book I chapter 6) without its loads and stores: integer arithmetic with and without saturation,
     * multiply, average, min/max, compares with Rc, logical, shift/rotate, pack/unpack, merge, splat, permute,
     * sum-across, the crypto instructions, floating point in Java and non-Java mode, mfvscr/mtvscr; VRs and VSCR
     * are compared. Left out: vexptefp (an estimate QEMU computes far off, docs/differential.md), bcdadd. and
     * bcdsub. (decimal, with QEMU deviations of their own).
     */
    VMX("vmx", "power8", true, VmxSteps.OPS),
    /** VSX scalar and vector floating-point arithmetic, multiply-add, conversions, compares (Book I 7.6). */
    VSX_ARITH("vsx-arith", "power8", true, VsxArithSteps.OPS);

    /** The instructions little-endian mode refuses with the Alignment interrupt (3.3.6, 3.3.7). */
    static final Set<Op> BIG_ENDIAN_ONLY = EnumSet.of(Op.LMW, Op.STMW, Op.LSWI, Op.LSWX, Op.STSWI, Op.STSWX);

    private final String id;
    private final String qemuCpu;
    private final boolean masksXer32;
    private final List<Op> ops;

    Family(final String id, final String qemuCpu, final boolean masksXer32, final List<Op> ops) {
        this.id = id;
        this.qemuCpu = qemuCpu;
        this.masksXer32 = masksXer32;
        this.ops = ops;
    }

    /** The name used in file names and on the command line. */
    String id() {
        return id;
    }

    /** The {@code -cpu} model of the QEMU reference. */
    String qemuCpu() {
        return qemuCpu;
    }

    /**
     * True when XER[OV32] and XER[CA32] are left out of the comparison: QEMU's POWER8 (v2.07) neither sets nor
     * reads them, jppc computes them as ISA v3.0 defines them.
     */
    boolean masksXer32() {
        return masksXer32;
    }

    /** The instructions a sequence draws from in byte order {@code order}. */
    List<Op> ops(final ByteOrder order) {
        if (order == ByteOrder.BIG_ENDIAN) {
            return ops;
        }
        return ops.stream().filter(op -> !BIG_ENDIAN_ONLY.contains(op)).toList();
    }

    /** Whether programs load, log and dump the 64 VSRs. */
    boolean usesVsrs() {
        return this == VSX || this == VMX || this == VSX_ARITH;
    }

    /** Whether programs load and dump the 32 FPRs (doubleword 0 of VSR 0-31 only). */
    boolean usesFprs() {
        return this == FP;
    }

    /** Whether FPSCR is set at the start, logged after every step and dumped. */
    boolean usesFpscr() {
        return this == FP || this == VSX_ARITH;
    }

    /** Whether VSCR is set at the start, logged after every step and dumped. */
    boolean usesVscr() {
        return this == VMX;
    }

    /**
     * Whether f31 (VSR 31) and v31 (VSR 63) are the harness's scratch registers, out of the steps' reach and
     * not dumped: the arithmetic families read FPSCR and VSCR through them.
     */
    boolean hasVectorScratch() {
        return this == FP || this == VMX || this == VSX_ARITH;
    }

    /** Whether programs get a data buffer to load from and store to (dumped with the registers). */
    boolean usesBuffer() {
        return this == LOADSTORE || this == VSX || this == FP;
    }

    static Family byId(final String id) {
        for (final Family family : values()) {
            if (family.id.equals(id)) {
                return family;
            }
        }
        throw new IllegalArgumentException("no instruction family '" + id + "'");
    }

    private static List<Op> ops(final Op... ops) {
        return List.of(ops);
    }

    private static List<Op> union(final List<Op> first, final List<Op> second) {
        final List<Op> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
