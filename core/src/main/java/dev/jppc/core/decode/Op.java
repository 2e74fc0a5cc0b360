package dev.jppc.core.decode;

import static dev.jppc.core.decode.Op.Encoding.A5;
import static dev.jppc.core.decode.Op.Encoding.D;
import static dev.jppc.core.decode.Op.Encoding.DQ;
import static dev.jppc.core.decode.Op.Encoding.DS;
import static dev.jppc.core.decode.Op.Encoding.DS_EVEN;
import static dev.jppc.core.decode.Op.Encoding.MD;
import static dev.jppc.core.decode.Op.Encoding.MDS;
import static dev.jppc.core.decode.Op.Encoding.VA;
import static dev.jppc.core.decode.Op.Encoding.VC;
import static dev.jppc.core.decode.Op.Encoding.VX;
import static dev.jppc.core.decode.Op.Encoding.VXPS;
import static dev.jppc.core.decode.Op.Encoding.X;
import static dev.jppc.core.decode.Op.Encoding.XO;
import static dev.jppc.core.decode.Op.Encoding.XS;
import static dev.jppc.core.decode.Op.Encoding.XX2;
import static dev.jppc.core.decode.Op.Encoding.XX3;
import static dev.jppc.core.decode.Op.Encoding.XX3DM;
import static dev.jppc.core.decode.Op.Encoding.XX4;

/**
 * The instruction table: one row per instruction jppc implements (Power ISA v2.07, Book I fixed-point and
 * branch facilities and the Book III-S system instructions).
 *
 * <p>Each row gives the primary opcode, the extended opcode and how it is placed in the word
 * ({@link Encoding}), the assembly syntax, and attributes the interpreter and disassembler read. The
 * {@link Decoder} builds its tables from this enum alone; {@link OpId} holds the same ordinals as
 * compile-time constants for the interpreter's {@code switch} and is checked against this enum by a test.
 * Record ({@code .}) and overflow ({@code o}) variants share the row of their base instruction.
 */
public enum Op {
    ILLEGAL("(illegal)", 0, -1, D, Syntax.NONE, 0),

    // Book I 3.3.9 fixed-point arithmetic, D-form
    ADDI("addi", 14, -1, D, Syntax.RT_RA_SI, 0),
    ADDIS("addis", 15, -1, D, Syntax.RT_RA_UI_SHIFTED, 0),
    ADDIC("addic", 12, -1, D, Syntax.RT_RA_SI, 0),
    ADDIC_("addic.", 13, -1, D, Syntax.RT_RA_SI, 0),
    SUBFIC("subfic", 8, -1, D, Syntax.RT_RA_SI, 0),
    MULLI("mulli", 7, -1, D, Syntax.RT_RA_SI, 0),
    // XO-form arithmetic (OE and Rc variants)
    ADD("add", 31, 266, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    ADDC("addc", 31, 10, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    ADDE("adde", 31, 138, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    ADDME("addme", 31, 234, XO, Syntax.RT_RA, Op.RC | Op.OE),
    ADDZE("addze", 31, 202, XO, Syntax.RT_RA, Op.RC | Op.OE),
    SUBF("subf", 31, 40, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    SUBFC("subfc", 31, 8, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    SUBFE("subfe", 31, 136, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    SUBFME("subfme", 31, 232, XO, Syntax.RT_RA, Op.RC | Op.OE),
    SUBFZE("subfze", 31, 200, XO, Syntax.RT_RA, Op.RC | Op.OE),
    NEG("neg", 31, 104, XO, Syntax.RT_RA, Op.RC | Op.OE),
    MULLW("mullw", 31, 235, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    MULLD("mulld", 31, 233, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    MULHW("mulhw", 31, 75, XO, Syntax.RT_RA_RB, Op.RC),
    MULHWU("mulhwu", 31, 11, XO, Syntax.RT_RA_RB, Op.RC),
    MULHD("mulhd", 31, 73, XO, Syntax.RT_RA_RB, Op.RC),
    MULHDU("mulhdu", 31, 9, XO, Syntax.RT_RA_RB, Op.RC),
    DIVW("divw", 31, 491, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    DIVWU("divwu", 31, 459, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    DIVD("divd", 31, 489, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    DIVDU("divdu", 31, 457, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    DIVWE("divwe", 31, 427, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    DIVWEU("divweu", 31, 395, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    DIVDE("divde", 31, 425, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    DIVDEU("divdeu", 31, 393, XO, Syntax.RT_RA_RB, Op.RC | Op.OE),
    // ISA v3.0 modulo, probed by POWER8-built userland and used by newer compilers
    MODSW("modsw", 31, 779, X, Syntax.RT_RA_RB, Op.V3),
    MODUW("moduw", 31, 267, X, Syntax.RT_RA_RB, Op.V3),
    MODSD("modsd", 31, 777, X, Syntax.RT_RA_RB, Op.V3),
    MODUD("modud", 31, 265, X, Syntax.RT_RA_RB, Op.V3),

    // Book I chapter 4 floating point (FP rows go in this block)
    LFS("lfs", 48, -1, D, Syntax.FRT_D_RA, Op.LOAD),
    LFSU("lfsu", 49, -1, D, Syntax.FRT_D_RA, Op.LOAD | Op.UPDATE),
    LFD("lfd", 50, -1, D, Syntax.FRT_D_RA, Op.LOAD),
    LFDU("lfdu", 51, -1, D, Syntax.FRT_D_RA, Op.LOAD | Op.UPDATE),
    STFS("stfs", 52, -1, D, Syntax.FRT_D_RA, Op.STORE),
    STFSU("stfsu", 53, -1, D, Syntax.FRT_D_RA, Op.STORE | Op.UPDATE),
    STFD("stfd", 54, -1, D, Syntax.FRT_D_RA, Op.STORE),
    STFDU("stfdu", 55, -1, D, Syntax.FRT_D_RA, Op.STORE | Op.UPDATE),
    LFDP("lfdp", 57, 0, DS_EVEN, Syntax.FRT_DS_RA, Op.LOAD),
    STFDP("stfdp", 61, 0, DS, Syntax.FRT_DS_RA, Op.STORE),
    LFSX("lfsx", 31, 535, X, Syntax.FRT_RA_RB, Op.LOAD),
    LFSUX("lfsux", 31, 567, X, Syntax.FRT_RA_RB, Op.LOAD | Op.UPDATE),
    LFDX("lfdx", 31, 599, X, Syntax.FRT_RA_RB, Op.LOAD),
    LFDUX("lfdux", 31, 631, X, Syntax.FRT_RA_RB, Op.LOAD | Op.UPDATE),
    STFSX("stfsx", 31, 663, X, Syntax.FRT_RA_RB, Op.STORE),
    STFSUX("stfsux", 31, 695, X, Syntax.FRT_RA_RB, Op.STORE | Op.UPDATE),
    STFDX("stfdx", 31, 727, X, Syntax.FRT_RA_RB, Op.STORE),
    STFDUX("stfdux", 31, 759, X, Syntax.FRT_RA_RB, Op.STORE | Op.UPDATE),
    LFIWAX("lfiwax", 31, 855, X, Syntax.FRT_RA_RB, Op.LOAD),
    LFIWZX("lfiwzx", 31, 887, X, Syntax.FRT_RA_RB, Op.LOAD),
    STFIWX("stfiwx", 31, 983, X, Syntax.FRT_RA_RB, Op.STORE),
    LFDPX("lfdpx", 31, 791, X, Syntax.FRT_RA_RB, Op.LOAD),
    STFDPX("stfdpx", 31, 919, X, Syntax.FRT_RA_RB, Op.STORE),
    FDIV("fdiv", 63, 18, X, Syntax.FRT_FRA_FRB, Op.RC),
    FSUB("fsub", 63, 20, X, Syntax.FRT_FRA_FRB, Op.RC),
    FADD("fadd", 63, 21, X, Syntax.FRT_FRA_FRB, Op.RC),
    FSQRT("fsqrt", 63, 22, X, Syntax.FRT_FRB, Op.RC),
    FRE("fre", 63, 24, X, Syntax.FRT_FRB, Op.RC),
    FMUL("fmul", 63, 25, A5, Syntax.FRT_FRA_FRC, Op.RC),
    FRSQRTE("frsqrte", 63, 26, X, Syntax.FRT_FRB, Op.RC),
    FMSUB("fmsub", 63, 28, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FMADD("fmadd", 63, 29, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FNMSUB("fnmsub", 63, 30, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FNMADD("fnmadd", 63, 31, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FDIVS("fdivs", 59, 18, X, Syntax.FRT_FRA_FRB, Op.RC),
    FSUBS("fsubs", 59, 20, X, Syntax.FRT_FRA_FRB, Op.RC),
    FADDS("fadds", 59, 21, X, Syntax.FRT_FRA_FRB, Op.RC),
    FSQRTS("fsqrts", 59, 22, X, Syntax.FRT_FRB, Op.RC),
    FRES("fres", 59, 24, X, Syntax.FRT_FRB, Op.RC),
    FMULS("fmuls", 59, 25, A5, Syntax.FRT_FRA_FRC, Op.RC),
    FRSQRTES("frsqrtes", 59, 26, X, Syntax.FRT_FRB, Op.RC),
    FMSUBS("fmsubs", 59, 28, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FMADDS("fmadds", 59, 29, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FNMSUBS("fnmsubs", 59, 30, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FNMADDS("fnmadds", 59, 31, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FSEL("fsel", 63, 23, A5, Syntax.FRT_FRA_FRC_FRB, Op.RC),
    FCFIDS("fcfids", 59, 846, X, Syntax.FRT_FRB, Op.RC),
    FCFIDUS("fcfidus", 59, 974, X, Syntax.FRT_FRB, Op.RC),
    FCMPU("fcmpu", 63, 0, X, Syntax.BF_FRA_FRB, 0),
    FCMPO("fcmpo", 63, 32, X, Syntax.BF_FRA_FRB, 0),
    FTDIV("ftdiv", 63, 128, X, Syntax.BF_FRA_FRB, 0),
    FTSQRT("ftsqrt", 63, 160, X, Syntax.BF_FRB, 0),
    FRSP("frsp", 63, 12, X, Syntax.FRT_FRB, Op.RC),
    FCTIW("fctiw", 63, 14, X, Syntax.FRT_FRB, Op.RC),
    FCTIWZ("fctiwz", 63, 15, X, Syntax.FRT_FRB, Op.RC),
    FCTIWU("fctiwu", 63, 142, X, Syntax.FRT_FRB, Op.RC),
    FCTIWUZ("fctiwuz", 63, 143, X, Syntax.FRT_FRB, Op.RC),
    FCTID("fctid", 63, 814, X, Syntax.FRT_FRB, Op.RC),
    FCTIDZ("fctidz", 63, 815, X, Syntax.FRT_FRB, Op.RC),
    FCTIDU("fctidu", 63, 942, X, Syntax.FRT_FRB, Op.RC),
    FCTIDUZ("fctiduz", 63, 943, X, Syntax.FRT_FRB, Op.RC),
    FCFID("fcfid", 63, 846, X, Syntax.FRT_FRB, Op.RC),
    FCFIDU("fcfidu", 63, 974, X, Syntax.FRT_FRB, Op.RC),
    FRIN("frin", 63, 392, X, Syntax.FRT_FRB, Op.RC),
    FRIZ("friz", 63, 424, X, Syntax.FRT_FRB, Op.RC),
    FRIP("frip", 63, 456, X, Syntax.FRT_FRB, Op.RC),
    FRIM("frim", 63, 488, X, Syntax.FRT_FRB, Op.RC),
    FMR("fmr", 63, 72, X, Syntax.FRT_FRB, Op.RC),
    FNEG("fneg", 63, 40, X, Syntax.FRT_FRB, Op.RC),
    FABS("fabs", 63, 264, X, Syntax.FRT_FRB, Op.RC),
    FNABS("fnabs", 63, 136, X, Syntax.FRT_FRB, Op.RC),
    FCPSGN("fcpsgn", 63, 8, X, Syntax.FRT_FRA_FRB, Op.RC),
    FMRGEW("fmrgew", 63, 966, X, Syntax.FRT_FRA_FRB, 0),
    FMRGOW("fmrgow", 63, 838, X, Syntax.FRT_FRA_FRB, 0),
    MFFS("mffs", 63, 583, X, Syntax.FRT, Op.RC),
    MTFSF("mtfsf", 63, 711, X, Syntax.FLM_FRB, Op.RC),
    MTFSFI("mtfsfi", 63, 134, X, Syntax.BF_U, Op.RC),
    MTFSB0("mtfsb0", 63, 70, X, Syntax.BT, Op.RC),
    MTFSB1("mtfsb1", 63, 38, X, Syntax.BT, Op.RC),
    MCRFS("mcrfs", 63, 64, X, Syntax.BF_BFA, 0),
    // Book I chapter 7 VSX floating-point arithmetic (the engine of chapter 4)
    XSADDDP("xsadddp", 60, 32, XX3, Syntax.XT_XA_XB, 0),
    XSSUBDP("xssubdp", 60, 40, XX3, Syntax.XT_XA_XB, 0),
    XSMULDP("xsmuldp", 60, 48, XX3, Syntax.XT_XA_XB, 0),
    XSDIVDP("xsdivdp", 60, 56, XX3, Syntax.XT_XA_XB, 0),
    XSMADDADP("xsmaddadp", 60, 33, XX3, Syntax.XT_XA_XB, 0),
    XSMADDMDP("xsmaddmdp", 60, 41, XX3, Syntax.XT_XA_XB, 0),
    XSMSUBADP("xsmsubadp", 60, 49, XX3, Syntax.XT_XA_XB, 0),
    XSMSUBMDP("xsmsubmdp", 60, 57, XX3, Syntax.XT_XA_XB, 0),
    XSNMADDADP("xsnmaddadp", 60, 161, XX3, Syntax.XT_XA_XB, 0),
    XSNMADDMDP("xsnmaddmdp", 60, 169, XX3, Syntax.XT_XA_XB, 0),
    XSNMSUBADP("xsnmsubadp", 60, 177, XX3, Syntax.XT_XA_XB, 0),
    XSNMSUBMDP("xsnmsubmdp", 60, 185, XX3, Syntax.XT_XA_XB, 0),
    XSMAXDP("xsmaxdp", 60, 160, XX3, Syntax.XT_XA_XB, 0),
    XSMINDP("xsmindp", 60, 168, XX3, Syntax.XT_XA_XB, 0),
    XSCPSGNDP("xscpsgndp", 60, 176, XX3, Syntax.XT_XA_XB, 0),
    XSADDSP("xsaddsp", 60, 0, XX3, Syntax.XT_XA_XB, 0),
    XSSUBSP("xssubsp", 60, 8, XX3, Syntax.XT_XA_XB, 0),
    XSMULSP("xsmulsp", 60, 16, XX3, Syntax.XT_XA_XB, 0),
    XSDIVSP("xsdivsp", 60, 24, XX3, Syntax.XT_XA_XB, 0),
    XVADDDP("xvadddp", 60, 96, XX3, Syntax.XT_XA_XB, 0),
    XVSUBDP("xvsubdp", 60, 104, XX3, Syntax.XT_XA_XB, 0),
    XVMULDP("xvmuldp", 60, 112, XX3, Syntax.XT_XA_XB, 0),
    XVDIVDP("xvdivdp", 60, 120, XX3, Syntax.XT_XA_XB, 0),
    XVMADDADP("xvmaddadp", 60, 97, XX3, Syntax.XT_XA_XB, 0),
    XVCPSGNDP("xvcpsgndp", 60, 240, XX3, Syntax.XT_XA_XB, 0),
    XVADDSP("xvaddsp", 60, 64, XX3, Syntax.XT_XA_XB, 0),
    XVMULSP("xvmulsp", 60, 80, XX3, Syntax.XT_XA_XB, 0),
    XSCMPUDP("xscmpudp", 60, 35, XX3, Syntax.BF_XA_XB, 0),
    XSCMPODP("xscmpodp", 60, 43, XX3, Syntax.BF_XA_XB, 0),
    XSSQRTDP("xssqrtdp", 60, 75, XX2, Syntax.XT_XB, 0),
    XSABSDP("xsabsdp", 60, 345, XX2, Syntax.XT_XB, 0),
    XSNABSDP("xsnabsdp", 60, 361, XX2, Syntax.XT_XB, 0),
    XSNEGDP("xsnegdp", 60, 377, XX2, Syntax.XT_XB, 0),
    XSRDPI("xsrdpi", 60, 73, XX2, Syntax.XT_XB, 0),
    XSRDPIZ("xsrdpiz", 60, 89, XX2, Syntax.XT_XB, 0),
    XSRDPIP("xsrdpip", 60, 105, XX2, Syntax.XT_XB, 0),
    XSRDPIM("xsrdpim", 60, 121, XX2, Syntax.XT_XB, 0),
    XSRDPIC("xsrdpic", 60, 107, XX2, Syntax.XT_XB, 0),
    XSRSP("xsrsp", 60, 281, XX2, Syntax.XT_XB, 0),
    XSCVDPSXDS("xscvdpsxds", 60, 344, XX2, Syntax.XT_XB, 0),
    XSCVDPSXWS("xscvdpsxws", 60, 88, XX2, Syntax.XT_XB, 0),
    XSCVDPUXDS("xscvdpuxds", 60, 328, XX2, Syntax.XT_XB, 0),
    XSCVDPUXWS("xscvdpuxws", 60, 72, XX2, Syntax.XT_XB, 0),
    XSCVSXDDP("xscvsxddp", 60, 376, XX2, Syntax.XT_XB, 0),
    XSCVUXDDP("xscvuxddp", 60, 360, XX2, Syntax.XT_XB, 0),
    XSCVSXDSP("xscvsxdsp", 60, 312, XX2, Syntax.XT_XB, 0),
    XSCVUXDSP("xscvuxdsp", 60, 296, XX2, Syntax.XT_XB, 0),
    XSCVDPSP("xscvdpsp", 60, 265, XX2, Syntax.XT_XB, 0),
    XSCVSPDP("xscvspdp", 60, 329, XX2, Syntax.XT_XB, 0),
    XSCVDPSPN("xscvdpspn", 60, 267, XX2, Syntax.XT_XB, 0),
    XSCVSPDPN("xscvspdpn", 60, 331, XX2, Syntax.XT_XB, 0),
    XVABSDP("xvabsdp", 60, 473, XX2, Syntax.XT_XB, 0),
    XVNEGDP("xvnegdp", 60, 505, XX2, Syntax.XT_XB, 0),
    XVCVSXDDP("xvcvsxddp", 60, 504, XX2, Syntax.XT_XB, 0),
    XVCVDPSXDS("xvcvdpsxds", 60, 472, XX2, Syntax.XT_XB, 0),
    XVCVSPDP("xvcvspdp", 60, 457, XX2, Syntax.XT_XB, 0),
    XVCVDPSP("xvcvdpsp", 60, 393, XX2, Syntax.XT_XB, 0),

    // Book I 3.3.10 compare
    CMPI("cmpi", 11, -1, D, Syntax.BF_L_RA_SI, 0),
    CMPLI("cmpli", 10, -1, D, Syntax.BF_L_RA_UI, 0),
    CMP("cmp", 31, 0, X, Syntax.BF_L_RA_RB, 0),
    CMPL("cmpl", 31, 32, X, Syntax.BF_L_RA_RB, 0),

    // Book I 3.3.11 trap
    TWI("twi", 3, -1, D, Syntax.TO_RA_SI, 0),
    TDI("tdi", 2, -1, D, Syntax.TO_RA_SI, 0),
    TW("tw", 31, 4, X, Syntax.TO_RA_RB, 0),
    TD("td", 31, 68, X, Syntax.TO_RA_RB, 0),
    ISEL("isel", 31, 15, A5, Syntax.RT_RA_RB_BC, 0),

    // Book I 3.3.13 logical
    ANDI_("andi.", 28, -1, D, Syntax.RA_RS_UI, 0),
    ANDIS_("andis.", 29, -1, D, Syntax.RA_RS_UI, 0),
    ORI("ori", 24, -1, D, Syntax.RA_RS_UI, 0),
    ORIS("oris", 25, -1, D, Syntax.RA_RS_UI, 0),
    XORI("xori", 26, -1, D, Syntax.RA_RS_UI, 0),
    XORIS("xoris", 27, -1, D, Syntax.RA_RS_UI, 0),
    AND("and", 31, 28, X, Syntax.RA_RS_RB, Op.RC),
    ANDC("andc", 31, 60, X, Syntax.RA_RS_RB, Op.RC),
    OR("or", 31, 444, X, Syntax.RA_RS_RB, Op.RC),
    ORC("orc", 31, 412, X, Syntax.RA_RS_RB, Op.RC),
    XOR("xor", 31, 316, X, Syntax.RA_RS_RB, Op.RC),
    NAND("nand", 31, 476, X, Syntax.RA_RS_RB, Op.RC),
    NOR("nor", 31, 124, X, Syntax.RA_RS_RB, Op.RC),
    EQV("eqv", 31, 284, X, Syntax.RA_RS_RB, Op.RC),
    EXTSB("extsb", 31, 954, X, Syntax.RA_RS, Op.RC),
    EXTSH("extsh", 31, 922, X, Syntax.RA_RS, Op.RC),
    EXTSW("extsw", 31, 986, X, Syntax.RA_RS, Op.RC),
    CNTLZW("cntlzw", 31, 26, X, Syntax.RA_RS, Op.RC),
    CNTLZD("cntlzd", 31, 58, X, Syntax.RA_RS, Op.RC),
    CNTTZW("cnttzw", 31, 538, X, Syntax.RA_RS, Op.RC | Op.V3),
    CNTTZD("cnttzd", 31, 570, X, Syntax.RA_RS, Op.RC | Op.V3),
    POPCNTB("popcntb", 31, 122, X, Syntax.RA_RS, 0),
    POPCNTW("popcntw", 31, 378, X, Syntax.RA_RS, 0),
    POPCNTD("popcntd", 31, 506, X, Syntax.RA_RS, 0),
    PRTYW("prtyw", 31, 154, X, Syntax.RA_RS, 0),
    PRTYD("prtyd", 31, 186, X, Syntax.RA_RS, 0),
    CMPB("cmpb", 31, 508, X, Syntax.RA_RS_RB, 0),
    BPERMD("bpermd", 31, 252, X, Syntax.RA_RS_RB, 0),

    // Book I chapter 6 VMX (VMX rows go in this block)
    // Data stream touch and stop (v2.07 6.x, phased out): hints; POWER8 ignores them, and so does jppc.
    DSS("dss", 31, 822, X, Syntax.NONE, 0),
    DST("dst", 31, 342, X, Syntax.RA_RB, 0),
    DSTST("dstst", 31, 374, X, Syntax.RA_RB, 0),
    // Book I 6.7 vector loads and stores, 6.7.4 alignment support
    LVEBX("lvebx", 31, 7, X, Syntax.VD_RA_RB, Op.LOAD),
    LVEHX("lvehx", 31, 39, X, Syntax.VD_RA_RB, Op.LOAD),
    LVEWX("lvewx", 31, 71, X, Syntax.VD_RA_RB, Op.LOAD),
    LVX("lvx", 31, 103, X, Syntax.VD_RA_RB, Op.LOAD),
    LVXL("lvxl", 31, 359, X, Syntax.VD_RA_RB, Op.LOAD),
    STVEBX("stvebx", 31, 135, X, Syntax.VD_RA_RB, Op.STORE),
    STVEHX("stvehx", 31, 167, X, Syntax.VD_RA_RB, Op.STORE),
    STVEWX("stvewx", 31, 199, X, Syntax.VD_RA_RB, Op.STORE),
    STVX("stvx", 31, 231, X, Syntax.VD_RA_RB, Op.STORE),
    STVXL("stvxl", 31, 487, X, Syntax.VD_RA_RB, Op.STORE),
    LVSL("lvsl", 31, 6, X, Syntax.VD_RA_RB, 0),
    LVSR("lvsr", 31, 38, X, Syntax.VD_RA_RB, 0),
    // Book I 6.8 vector permute and formatting
    VPKUHUM("vpkuhum", 4, 14, VX, Syntax.VD_VA_VB, 0),
    VPKUWUM("vpkuwum", 4, 78, VX, Syntax.VD_VA_VB, 0),
    VPKUDUM("vpkudum", 4, 1102, VX, Syntax.VD_VA_VB, 0),
    VPKUHUS("vpkuhus", 4, 142, VX, Syntax.VD_VA_VB, 0),
    VPKUWUS("vpkuwus", 4, 206, VX, Syntax.VD_VA_VB, 0),
    VPKUDUS("vpkudus", 4, 1230, VX, Syntax.VD_VA_VB, 0),
    VPKSHUS("vpkshus", 4, 270, VX, Syntax.VD_VA_VB, 0),
    VPKSWUS("vpkswus", 4, 334, VX, Syntax.VD_VA_VB, 0),
    VPKSDUS("vpksdus", 4, 1358, VX, Syntax.VD_VA_VB, 0),
    VPKSHSS("vpkshss", 4, 398, VX, Syntax.VD_VA_VB, 0),
    VPKSWSS("vpkswss", 4, 462, VX, Syntax.VD_VA_VB, 0),
    VPKSDSS("vpksdss", 4, 1486, VX, Syntax.VD_VA_VB, 0),
    VPKPX("vpkpx", 4, 782, VX, Syntax.VD_VA_VB, 0),
    VUPKHSB("vupkhsb", 4, 526, VX, Syntax.VD_VB, 0),
    VUPKHSH("vupkhsh", 4, 590, VX, Syntax.VD_VB, 0),
    VUPKHSW("vupkhsw", 4, 1614, VX, Syntax.VD_VB, 0),
    VUPKLSB("vupklsb", 4, 654, VX, Syntax.VD_VB, 0),
    VUPKLSH("vupklsh", 4, 718, VX, Syntax.VD_VB, 0),
    VUPKLSW("vupklsw", 4, 1742, VX, Syntax.VD_VB, 0),
    VUPKHPX("vupkhpx", 4, 846, VX, Syntax.VD_VB, 0),
    VUPKLPX("vupklpx", 4, 974, VX, Syntax.VD_VB, 0),
    VMRGHB("vmrghb", 4, 12, VX, Syntax.VD_VA_VB, 0),
    VMRGHH("vmrghh", 4, 76, VX, Syntax.VD_VA_VB, 0),
    VMRGHW("vmrghw", 4, 140, VX, Syntax.VD_VA_VB, 0),
    VMRGLB("vmrglb", 4, 268, VX, Syntax.VD_VA_VB, 0),
    VMRGLH("vmrglh", 4, 332, VX, Syntax.VD_VA_VB, 0),
    VMRGLW("vmrglw", 4, 396, VX, Syntax.VD_VA_VB, 0),
    VMRGEW("vmrgew", 4, 1932, VX, Syntax.VD_VA_VB, 0),
    VMRGOW("vmrgow", 4, 1676, VX, Syntax.VD_VA_VB, 0),
    VSPLTB("vspltb", 4, 524, VX, Syntax.VD_VB_UIMM, 0),
    VSPLTH("vsplth", 4, 588, VX, Syntax.VD_VB_UIMM, 0),
    VSPLTW("vspltw", 4, 652, VX, Syntax.VD_VB_UIMM, 0),
    VSPLTISB("vspltisb", 4, 780, VX, Syntax.VD_SIMM, 0),
    VSPLTISH("vspltish", 4, 844, VX, Syntax.VD_SIMM, 0),
    VSPLTISW("vspltisw", 4, 908, VX, Syntax.VD_SIMM, 0),
    VPERM("vperm", 4, 43, VA, Syntax.VD_VA_VB_VC, 0),
    VPERMXOR("vpermxor", 4, 45, VA, Syntax.VD_VA_VB_VC, 0),
    VSEL("vsel", 4, 42, VA, Syntax.VD_VA_VB_VC, 0),
    VSLDOI("vsldoi", 4, 44, VA, Syntax.VD_VA_VB_SHB, 0),
    VSL("vsl", 4, 452, VX, Syntax.VD_VA_VB, 0),
    VSR("vsr", 4, 708, VX, Syntax.VD_VA_VB, 0),
    VSLO("vslo", 4, 1036, VX, Syntax.VD_VA_VB, 0),
    VSRO("vsro", 4, 1100, VX, Syntax.VD_VA_VB, 0),
    VGBBD("vgbbd", 4, 1292, VX, Syntax.VD_VB, 0),
    VBPERMQ("vbpermq", 4, 1356, VX, Syntax.VD_VA_VB, 0),
    // Book I 6.9 vector integer arithmetic
    VADDUBM("vaddubm", 4, 0, VX, Syntax.VD_VA_VB, 0),
    VADDUHM("vadduhm", 4, 64, VX, Syntax.VD_VA_VB, 0),
    VADDUWM("vadduwm", 4, 128, VX, Syntax.VD_VA_VB, 0),
    VADDUDM("vaddudm", 4, 192, VX, Syntax.VD_VA_VB, 0),
    VADDUQM("vadduqm", 4, 256, VX, Syntax.VD_VA_VB, 0),
    VADDCUQ("vaddcuq", 4, 320, VX, Syntax.VD_VA_VB, 0),
    VADDCUW("vaddcuw", 4, 384, VX, Syntax.VD_VA_VB, 0),
    VADDUBS("vaddubs", 4, 512, VX, Syntax.VD_VA_VB, 0),
    VADDUHS("vadduhs", 4, 576, VX, Syntax.VD_VA_VB, 0),
    VADDUWS("vadduws", 4, 640, VX, Syntax.VD_VA_VB, 0),
    VADDSBS("vaddsbs", 4, 768, VX, Syntax.VD_VA_VB, 0),
    VADDSHS("vaddshs", 4, 832, VX, Syntax.VD_VA_VB, 0),
    VADDSWS("vaddsws", 4, 896, VX, Syntax.VD_VA_VB, 0),
    VSUBUBM("vsububm", 4, 1024, VX, Syntax.VD_VA_VB, 0),
    VSUBUHM("vsubuhm", 4, 1088, VX, Syntax.VD_VA_VB, 0),
    VSUBUWM("vsubuwm", 4, 1152, VX, Syntax.VD_VA_VB, 0),
    VSUBUDM("vsubudm", 4, 1216, VX, Syntax.VD_VA_VB, 0),
    VSUBUQM("vsubuqm", 4, 1280, VX, Syntax.VD_VA_VB, 0),
    VSUBCUQ("vsubcuq", 4, 1344, VX, Syntax.VD_VA_VB, 0),
    VSUBCUW("vsubcuw", 4, 1408, VX, Syntax.VD_VA_VB, 0),
    VSUBUBS("vsububs", 4, 1536, VX, Syntax.VD_VA_VB, 0),
    VSUBUHS("vsubuhs", 4, 1600, VX, Syntax.VD_VA_VB, 0),
    VSUBUWS("vsubuws", 4, 1664, VX, Syntax.VD_VA_VB, 0),
    VSUBSBS("vsubsbs", 4, 1792, VX, Syntax.VD_VA_VB, 0),
    VSUBSHS("vsubshs", 4, 1856, VX, Syntax.VD_VA_VB, 0),
    VSUBSWS("vsubsws", 4, 1920, VX, Syntax.VD_VA_VB, 0),
    VADDEUQM("vaddeuqm", 4, 60, VA, Syntax.VD_VA_VB_VC, 0),
    VADDECUQ("vaddecuq", 4, 61, VA, Syntax.VD_VA_VB_VC, 0),
    VSUBEUQM("vsubeuqm", 4, 62, VA, Syntax.VD_VA_VB_VC, 0),
    VSUBECUQ("vsubecuq", 4, 63, VA, Syntax.VD_VA_VB_VC, 0),
    VMULOUB("vmuloub", 4, 8, VX, Syntax.VD_VA_VB, 0),
    VMULOUH("vmulouh", 4, 72, VX, Syntax.VD_VA_VB, 0),
    VMULOUW("vmulouw", 4, 136, VX, Syntax.VD_VA_VB, 0),
    VMULOSB("vmulosb", 4, 264, VX, Syntax.VD_VA_VB, 0),
    VMULOSH("vmulosh", 4, 328, VX, Syntax.VD_VA_VB, 0),
    VMULOSW("vmulosw", 4, 392, VX, Syntax.VD_VA_VB, 0),
    VMULEUB("vmuleub", 4, 520, VX, Syntax.VD_VA_VB, 0),
    VMULEUH("vmuleuh", 4, 584, VX, Syntax.VD_VA_VB, 0),
    VMULEUW("vmuleuw", 4, 648, VX, Syntax.VD_VA_VB, 0),
    VMULESB("vmulesb", 4, 776, VX, Syntax.VD_VA_VB, 0),
    VMULESH("vmulesh", 4, 840, VX, Syntax.VD_VA_VB, 0),
    VMULESW("vmulesw", 4, 904, VX, Syntax.VD_VA_VB, 0),
    VMULUWM("vmuluwm", 4, 137, VX, Syntax.VD_VA_VB, 0),
    VMHADDSHS("vmhaddshs", 4, 32, VA, Syntax.VD_VA_VB_VC, 0),
    VMHRADDSHS("vmhraddshs", 4, 33, VA, Syntax.VD_VA_VB_VC, 0),
    VMLADDUHM("vmladduhm", 4, 34, VA, Syntax.VD_VA_VB_VC, 0),
    VMSUMUBM("vmsumubm", 4, 36, VA, Syntax.VD_VA_VB_VC, 0),
    VMSUMMBM("vmsummbm", 4, 37, VA, Syntax.VD_VA_VB_VC, 0),
    VMSUMUHM("vmsumuhm", 4, 38, VA, Syntax.VD_VA_VB_VC, 0),
    VMSUMUHS("vmsumuhs", 4, 39, VA, Syntax.VD_VA_VB_VC, 0),
    VMSUMSHM("vmsumshm", 4, 40, VA, Syntax.VD_VA_VB_VC, 0),
    VMSUMSHS("vmsumshs", 4, 41, VA, Syntax.VD_VA_VB_VC, 0),
    VSUMSWS("vsumsws", 4, 1928, VX, Syntax.VD_VA_VB, 0),
    VSUM2SWS("vsum2sws", 4, 1672, VX, Syntax.VD_VA_VB, 0),
    VSUM4UBS("vsum4ubs", 4, 1544, VX, Syntax.VD_VA_VB, 0),
    VSUM4SBS("vsum4sbs", 4, 1800, VX, Syntax.VD_VA_VB, 0),
    VSUM4SHS("vsum4shs", 4, 1608, VX, Syntax.VD_VA_VB, 0),
    VAVGUB("vavgub", 4, 1026, VX, Syntax.VD_VA_VB, 0),
    VAVGUH("vavguh", 4, 1090, VX, Syntax.VD_VA_VB, 0),
    VAVGUW("vavguw", 4, 1154, VX, Syntax.VD_VA_VB, 0),
    VAVGSB("vavgsb", 4, 1282, VX, Syntax.VD_VA_VB, 0),
    VAVGSH("vavgsh", 4, 1346, VX, Syntax.VD_VA_VB, 0),
    VAVGSW("vavgsw", 4, 1410, VX, Syntax.VD_VA_VB, 0),
    VMAXUB("vmaxub", 4, 2, VX, Syntax.VD_VA_VB, 0),
    VMAXUH("vmaxuh", 4, 66, VX, Syntax.VD_VA_VB, 0),
    VMAXUW("vmaxuw", 4, 130, VX, Syntax.VD_VA_VB, 0),
    VMAXUD("vmaxud", 4, 194, VX, Syntax.VD_VA_VB, 0),
    VMAXSB("vmaxsb", 4, 258, VX, Syntax.VD_VA_VB, 0),
    VMAXSH("vmaxsh", 4, 322, VX, Syntax.VD_VA_VB, 0),
    VMAXSW("vmaxsw", 4, 386, VX, Syntax.VD_VA_VB, 0),
    VMAXSD("vmaxsd", 4, 450, VX, Syntax.VD_VA_VB, 0),
    VMINUB("vminub", 4, 514, VX, Syntax.VD_VA_VB, 0),
    VMINUH("vminuh", 4, 578, VX, Syntax.VD_VA_VB, 0),
    VMINUW("vminuw", 4, 642, VX, Syntax.VD_VA_VB, 0),
    VMINUD("vminud", 4, 706, VX, Syntax.VD_VA_VB, 0),
    VMINSB("vminsb", 4, 770, VX, Syntax.VD_VA_VB, 0),
    VMINSH("vminsh", 4, 834, VX, Syntax.VD_VA_VB, 0),
    VMINSW("vminsw", 4, 898, VX, Syntax.VD_VA_VB, 0),
    VMINSD("vminsd", 4, 962, VX, Syntax.VD_VA_VB, 0),
    VCMPEQUB("vcmpequb", 4, 6, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPEQUH("vcmpequh", 4, 70, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPEQUW("vcmpequw", 4, 134, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPEQUD("vcmpequd", 4, 199, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTUB("vcmpgtub", 4, 518, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTUH("vcmpgtuh", 4, 582, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTUW("vcmpgtuw", 4, 646, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTUD("vcmpgtud", 4, 711, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTSB("vcmpgtsb", 4, 774, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTSH("vcmpgtsh", 4, 838, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTSW("vcmpgtsw", 4, 902, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTSD("vcmpgtsd", 4, 967, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPNEB("vcmpneb", 4, 7, VC, Syntax.VD_VA_VB, Op.RC | Op.V3),
    VAND("vand", 4, 1028, VX, Syntax.VD_VA_VB, 0),
    VANDC("vandc", 4, 1092, VX, Syntax.VD_VA_VB, 0),
    VOR("vor", 4, 1156, VX, Syntax.VD_VA_VB, 0),
    VXOR("vxor", 4, 1220, VX, Syntax.VD_VA_VB, 0),
    VNOR("vnor", 4, 1284, VX, Syntax.VD_VA_VB, 0),
    VORC("vorc", 4, 1348, VX, Syntax.VD_VA_VB, 0),
    VNAND("vnand", 4, 1412, VX, Syntax.VD_VA_VB, 0),
    VEQV("veqv", 4, 1668, VX, Syntax.VD_VA_VB, 0),
    VRLB("vrlb", 4, 4, VX, Syntax.VD_VA_VB, 0),
    VRLH("vrlh", 4, 68, VX, Syntax.VD_VA_VB, 0),
    VRLW("vrlw", 4, 132, VX, Syntax.VD_VA_VB, 0),
    VRLD("vrld", 4, 196, VX, Syntax.VD_VA_VB, 0),
    VSLB("vslb", 4, 260, VX, Syntax.VD_VA_VB, 0),
    VSLH("vslh", 4, 324, VX, Syntax.VD_VA_VB, 0),
    VSLW("vslw", 4, 388, VX, Syntax.VD_VA_VB, 0),
    VSLD("vsld", 4, 1476, VX, Syntax.VD_VA_VB, 0),
    VSRB("vsrb", 4, 516, VX, Syntax.VD_VA_VB, 0),
    VSRH("vsrh", 4, 580, VX, Syntax.VD_VA_VB, 0),
    VSRW("vsrw", 4, 644, VX, Syntax.VD_VA_VB, 0),
    VSRD("vsrd", 4, 1732, VX, Syntax.VD_VA_VB, 0),
    VSRAB("vsrab", 4, 772, VX, Syntax.VD_VA_VB, 0),
    VSRAH("vsrah", 4, 836, VX, Syntax.VD_VA_VB, 0),
    VSRAW("vsraw", 4, 900, VX, Syntax.VD_VA_VB, 0),
    VSRAD("vsrad", 4, 964, VX, Syntax.VD_VA_VB, 0),
    // Book I 6.10 vector floating point
    VADDFP("vaddfp", 4, 10, VX, Syntax.VD_VA_VB, 0),
    VSUBFP("vsubfp", 4, 74, VX, Syntax.VD_VA_VB, 0),
    VMAXFP("vmaxfp", 4, 1034, VX, Syntax.VD_VA_VB, 0),
    VMINFP("vminfp", 4, 1098, VX, Syntax.VD_VA_VB, 0),
    VMADDFP("vmaddfp", 4, 46, VA, Syntax.VD_VA_VC_VB, 0),
    VNMSUBFP("vnmsubfp", 4, 47, VA, Syntax.VD_VA_VC_VB, 0),
    VCFUX("vcfux", 4, 778, VX, Syntax.VD_VB_UIMM, 0),
    VCFSX("vcfsx", 4, 842, VX, Syntax.VD_VB_UIMM, 0),
    VCTUXS("vctuxs", 4, 906, VX, Syntax.VD_VB_UIMM, 0),
    VCTSXS("vctsxs", 4, 970, VX, Syntax.VD_VB_UIMM, 0),
    VRFIN("vrfin", 4, 522, VX, Syntax.VD_VB, 0),
    VRFIZ("vrfiz", 4, 586, VX, Syntax.VD_VB, 0),
    VRFIP("vrfip", 4, 650, VX, Syntax.VD_VB, 0),
    VRFIM("vrfim", 4, 714, VX, Syntax.VD_VB, 0),
    VREFP("vrefp", 4, 266, VX, Syntax.VD_VB, 0),
    VRSQRTEFP("vrsqrtefp", 4, 330, VX, Syntax.VD_VB, 0),
    VEXPTEFP("vexptefp", 4, 394, VX, Syntax.VD_VB, 0),
    VLOGEFP("vlogefp", 4, 458, VX, Syntax.VD_VB, 0),
    VCMPEQFP("vcmpeqfp", 4, 198, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGEFP("vcmpgefp", 4, 454, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPGTFP("vcmpgtfp", 4, 710, VC, Syntax.VD_VA_VB, Op.RC),
    VCMPBFP("vcmpbfp", 4, 966, VC, Syntax.VD_VA_VB, Op.RC),
    // Book I 6.11 vector cryptography, 6.12 bit manipulation and counting
    VCIPHER("vcipher", 4, 1288, VX, Syntax.VD_VA_VB, 0),
    VCIPHERLAST("vcipherlast", 4, 1289, VX, Syntax.VD_VA_VB, 0),
    VNCIPHER("vncipher", 4, 1352, VX, Syntax.VD_VA_VB, 0),
    VNCIPHERLAST("vncipherlast", 4, 1353, VX, Syntax.VD_VA_VB, 0),
    VSBOX("vsbox", 4, 1480, VX, Syntax.VD_VA, 0),
    VSHASIGMAW("vshasigmaw", 4, 1666, VX, Syntax.VD_VA_ST_SIX, 0),
    VSHASIGMAD("vshasigmad", 4, 1730, VX, Syntax.VD_VA_ST_SIX, 0),
    VPMSUMB("vpmsumb", 4, 1032, VX, Syntax.VD_VA_VB, 0),
    VPMSUMH("vpmsumh", 4, 1096, VX, Syntax.VD_VA_VB, 0),
    VPMSUMW("vpmsumw", 4, 1160, VX, Syntax.VD_VA_VB, 0),
    VPMSUMD("vpmsumd", 4, 1224, VX, Syntax.VD_VA_VB, 0),
    VCLZB("vclzb", 4, 1794, VX, Syntax.VD_VB, 0),
    VCLZH("vclzh", 4, 1858, VX, Syntax.VD_VB, 0),
    VCLZW("vclzw", 4, 1922, VX, Syntax.VD_VB, 0),
    VCLZD("vclzd", 4, 1986, VX, Syntax.VD_VB, 0),
    VPOPCNTB("vpopcntb", 4, 1795, VX, Syntax.VD_VB, 0),
    VPOPCNTH("vpopcnth", 4, 1859, VX, Syntax.VD_VB, 0),
    VPOPCNTW("vpopcntw", 4, 1923, VX, Syntax.VD_VB, 0),
    VPOPCNTD("vpopcntd", 4, 1987, VX, Syntax.VD_VB, 0),
    // ISA v3.0 (v3.1 for vextractbm) VMX instructions that POWER8-built kernels probe or carry
    VCTZLSBB("vctzlsbb", 4, 1538, VX, Syntax.RT_VB, Op.V3),
    VEXTUBRX("vextubrx", 4, 1805, VX, Syntax.RT_RA_VB, Op.V3),
    VEXTRACTBM("vextractbm", 4, 1602, VX, Syntax.RT_VB, Op.V3),
    // Book I 6.13 decimal integer add and subtract (v2.07)
    BCDADD_("bcdadd.", 4, 0x401, VXPS, Syntax.VD_VA_VB_PS, 0),
    BCDSUB_("bcdsub.", 4, 0x441, VXPS, Syntax.VD_VA_VB_PS, 0),
    // Book I 6.5 VSCR
    MFVSCR("mfvscr", 4, 1540, VX, Syntax.VD, 0),
    MTVSCR("mtvscr", 4, 1604, VX, Syntax.VB, 0),

    // Book I 3.3.14 rotate and shift
    RLWINM("rlwinm", 21, -1, D, Syntax.RA_RS_SH_MB_ME, Op.RC),
    RLWNM("rlwnm", 23, -1, D, Syntax.RA_RS_RB_MB_ME, Op.RC),
    RLWIMI("rlwimi", 20, -1, D, Syntax.RA_RS_SH_MB_ME, Op.RC),
    RLDICL("rldicl", 30, 0, MD, Syntax.RA_RS_SH6_MB6, Op.RC),
    RLDICR("rldicr", 30, 1, MD, Syntax.RA_RS_SH6_ME6, Op.RC),
    RLDIC("rldic", 30, 2, MD, Syntax.RA_RS_SH6_MB6, Op.RC),
    RLDIMI("rldimi", 30, 3, MD, Syntax.RA_RS_SH6_MB6, Op.RC),
    RLDCL("rldcl", 30, 8, MDS, Syntax.RA_RS_RB_MB6, Op.RC),
    RLDCR("rldcr", 30, 9, MDS, Syntax.RA_RS_RB_ME6, Op.RC),
    SLW("slw", 31, 24, X, Syntax.RA_RS_RB, Op.RC),
    SRW("srw", 31, 536, X, Syntax.RA_RS_RB, Op.RC),
    SRAW("sraw", 31, 792, X, Syntax.RA_RS_RB, Op.RC),
    SRAWI("srawi", 31, 824, X, Syntax.RA_RS_SH, Op.RC),
    SLD("sld", 31, 27, X, Syntax.RA_RS_RB, Op.RC),
    SRD("srd", 31, 539, X, Syntax.RA_RS_RB, Op.RC),
    SRAD("srad", 31, 794, X, Syntax.RA_RS_RB, Op.RC),
    SRADI("sradi", 31, 413, XS, Syntax.RA_RS_SH6, Op.RC),

    // Book I 3.3.2-3.3.6 loads and stores
    LBZ("lbz", 34, -1, D, Syntax.RT_D_RA, Op.LOAD),
    LBZU("lbzu", 35, -1, D, Syntax.RT_D_RA, Op.LOAD | Op.UPDATE),
    LHZ("lhz", 40, -1, D, Syntax.RT_D_RA, Op.LOAD),
    LHZU("lhzu", 41, -1, D, Syntax.RT_D_RA, Op.LOAD | Op.UPDATE),
    LHA("lha", 42, -1, D, Syntax.RT_D_RA, Op.LOAD),
    LHAU("lhau", 43, -1, D, Syntax.RT_D_RA, Op.LOAD | Op.UPDATE),
    LWZ("lwz", 32, -1, D, Syntax.RT_D_RA, Op.LOAD),
    LWZU("lwzu", 33, -1, D, Syntax.RT_D_RA, Op.LOAD | Op.UPDATE),
    LWA("lwa", 58, 2, DS, Syntax.RT_DS_RA, Op.LOAD),
    LD("ld", 58, 0, DS, Syntax.RT_DS_RA, Op.LOAD),
    LDU("ldu", 58, 1, DS, Syntax.RT_DS_RA, Op.LOAD | Op.UPDATE),
    LQ("lq", 56, -1, D, Syntax.RT_DQ_RA, Op.LOAD),
    STB("stb", 38, -1, D, Syntax.RT_D_RA, Op.STORE),
    STBU("stbu", 39, -1, D, Syntax.RT_D_RA, Op.STORE | Op.UPDATE),
    STH("sth", 44, -1, D, Syntax.RT_D_RA, Op.STORE),
    STHU("sthu", 45, -1, D, Syntax.RT_D_RA, Op.STORE | Op.UPDATE),
    STW("stw", 36, -1, D, Syntax.RT_D_RA, Op.STORE),
    STWU("stwu", 37, -1, D, Syntax.RT_D_RA, Op.STORE | Op.UPDATE),
    STD("std", 62, 0, DS, Syntax.RT_DS_RA, Op.STORE),
    STDU("stdu", 62, 1, DS, Syntax.RT_DS_RA, Op.STORE | Op.UPDATE),
    STQ("stq", 62, 2, DS, Syntax.RT_DS_RA, Op.STORE),
    LMW("lmw", 46, -1, D, Syntax.RT_D_RA, Op.LOAD),
    STMW("stmw", 47, -1, D, Syntax.RT_D_RA, Op.STORE),
    LBZX("lbzx", 31, 87, X, Syntax.RT_RA_RB, Op.LOAD),
    LBZUX("lbzux", 31, 119, X, Syntax.RT_RA_RB, Op.LOAD | Op.UPDATE),
    LHZX("lhzx", 31, 279, X, Syntax.RT_RA_RB, Op.LOAD),
    LHZUX("lhzux", 31, 311, X, Syntax.RT_RA_RB, Op.LOAD | Op.UPDATE),
    LHAX("lhax", 31, 343, X, Syntax.RT_RA_RB, Op.LOAD),
    LHAUX("lhaux", 31, 375, X, Syntax.RT_RA_RB, Op.LOAD | Op.UPDATE),
    LWZX("lwzx", 31, 23, X, Syntax.RT_RA_RB, Op.LOAD),
    LWZUX("lwzux", 31, 55, X, Syntax.RT_RA_RB, Op.LOAD | Op.UPDATE),
    LWAX("lwax", 31, 341, X, Syntax.RT_RA_RB, Op.LOAD),
    LWAUX("lwaux", 31, 373, X, Syntax.RT_RA_RB, Op.LOAD | Op.UPDATE),
    LDX("ldx", 31, 21, X, Syntax.RT_RA_RB, Op.LOAD),
    LDUX("ldux", 31, 53, X, Syntax.RT_RA_RB, Op.LOAD | Op.UPDATE),
    STBX("stbx", 31, 215, X, Syntax.RT_RA_RB, Op.STORE),
    STBUX("stbux", 31, 247, X, Syntax.RT_RA_RB, Op.STORE | Op.UPDATE),
    STHX("sthx", 31, 407, X, Syntax.RT_RA_RB, Op.STORE),
    STHUX("sthux", 31, 439, X, Syntax.RT_RA_RB, Op.STORE | Op.UPDATE),
    STWX("stwx", 31, 151, X, Syntax.RT_RA_RB, Op.STORE),
    STWUX("stwux", 31, 183, X, Syntax.RT_RA_RB, Op.STORE | Op.UPDATE),
    STDX("stdx", 31, 149, X, Syntax.RT_RA_RB, Op.STORE),
    STDUX("stdux", 31, 181, X, Syntax.RT_RA_RB, Op.STORE | Op.UPDATE),
    LHBRX("lhbrx", 31, 790, X, Syntax.RT_RA_RB, Op.LOAD),
    LWBRX("lwbrx", 31, 534, X, Syntax.RT_RA_RB, Op.LOAD),
    LDBRX("ldbrx", 31, 532, X, Syntax.RT_RA_RB, Op.LOAD),
    STHBRX("sthbrx", 31, 918, X, Syntax.RT_RA_RB, Op.STORE),
    STWBRX("stwbrx", 31, 662, X, Syntax.RT_RA_RB, Op.STORE),
    STDBRX("stdbrx", 31, 660, X, Syntax.RT_RA_RB, Op.STORE),
    LSWI("lswi", 31, 597, X, Syntax.RT_RA_NB, Op.LOAD),
    LSWX("lswx", 31, 533, X, Syntax.RT_RA_RB, Op.LOAD),
    STSWI("stswi", 31, 725, X, Syntax.RT_RA_NB, Op.STORE),
    STSWX("stswx", 31, 661, X, Syntax.RT_RA_RB, Op.STORE),

    // Book II 4.4 load and reserve, store conditional
    LBARX("lbarx", 31, 52, X, Syntax.RT_RA_RB_EH, Op.LOAD),
    LHARX("lharx", 31, 116, X, Syntax.RT_RA_RB_EH, Op.LOAD),
    LWARX("lwarx", 31, 20, X, Syntax.RT_RA_RB_EH, Op.LOAD),
    LDARX("ldarx", 31, 84, X, Syntax.RT_RA_RB_EH, Op.LOAD),
    LQARX("lqarx", 31, 276, X, Syntax.RT_RA_RB_EH, Op.LOAD),
    STBCX_("stbcx.", 31, 694, X, Syntax.RT_RA_RB, Op.STORE),
    STHCX_("sthcx.", 31, 726, X, Syntax.RT_RA_RB, Op.STORE),
    STWCX_("stwcx.", 31, 150, X, Syntax.RT_RA_RB, Op.STORE),
    STDCX_("stdcx.", 31, 214, X, Syntax.RT_RA_RB, Op.STORE),
    STQCX_("stqcx.", 31, 182, X, Syntax.RT_RA_RB, Op.STORE),

    // Book II 4.3 cache management and 4.6 synchronization
    DCBZ("dcbz", 31, 1014, X, Syntax.RA_RB, Op.STORE),
    DCBT("dcbt", 31, 278, X, Syntax.RA_RB, 0),
    DCBTST("dcbtst", 31, 246, X, Syntax.RA_RB, 0),
    DCBST("dcbst", 31, 54, X, Syntax.RA_RB, 0),
    DCBF("dcbf", 31, 86, X, Syntax.RA_RB, 0),
    ICBI("icbi", 31, 982, X, Syntax.RA_RB, 0),
    ICBT("icbt", 31, 22, X, Syntax.RA_RB, 0),
    SYNC("sync", 31, 598, X, Syntax.L, 0),
    EIEIO("eieio", 31, 854, X, Syntax.NONE, 0),
    WAIT("wait", 31, 62, X, Syntax.NONE, 0),
    ISYNC("isync", 19, 150, X, Syntax.NONE, 0),

    // Book I chapter 7 VSX (VSX rows go in this block)
    // 7.6 storage access, X form with TX/SX in bit 31 (v3.0: lxvl, stxvl and the DQ-form lxv, stxv)
    LXSDX("lxsdx", 31, 588, X, Syntax.XT_RA_RB, Op.LOAD),
    LXSIWAX("lxsiwax", 31, 76, X, Syntax.XT_RA_RB, Op.LOAD),
    LXSIWZX("lxsiwzx", 31, 12, X, Syntax.XT_RA_RB, Op.LOAD),
    LXSSPX("lxsspx", 31, 524, X, Syntax.XT_RA_RB, Op.LOAD),
    LXVD2X("lxvd2x", 31, 844, X, Syntax.XT_RA_RB, Op.LOAD),
    LXVDSX("lxvdsx", 31, 332, X, Syntax.XT_RA_RB, Op.LOAD),
    LXVW4X("lxvw4x", 31, 780, X, Syntax.XT_RA_RB, Op.LOAD),
    STXSDX("stxsdx", 31, 716, X, Syntax.XT_RA_RB, Op.STORE),
    STXSIWX("stxsiwx", 31, 140, X, Syntax.XT_RA_RB, Op.STORE),
    STXSSPX("stxsspx", 31, 652, X, Syntax.XT_RA_RB, Op.STORE),
    STXVD2X("stxvd2x", 31, 972, X, Syntax.XT_RA_RB, Op.STORE),
    STXVW4X("stxvw4x", 31, 908, X, Syntax.XT_RA_RB, Op.STORE),
    LXVL("lxvl", 31, 269, X, Syntax.XT_RA_RB, Op.LOAD | Op.V3),
    STXVL("stxvl", 31, 397, X, Syntax.XT_RA_RB, Op.STORE | Op.V3),
    LXV("lxv", 61, 1, DQ, Syntax.XT_DQ_RA, Op.LOAD | Op.V3),
    STXV("stxv", 61, 5, DQ, Syntax.XT_DQ_RA, Op.STORE | Op.V3),
    // 7.6 moves between GPRs and VSRs (objdump: mffprd/mfvrd and so on by register number)
    MFVSRD("mfvsrd", 31, 51, X, Syntax.RA_XS, 0),
    MFVSRWZ("mfvsrwz", 31, 115, X, Syntax.RA_XS, 0),
    MTVSRD("mtvsrd", 31, 179, X, Syntax.XT_RA, 0),
    MTVSRWA("mtvsrwa", 31, 211, X, Syntax.XT_RA, 0),
    MTVSRWZ("mtvsrwz", 31, 243, X, Syntax.XT_RA, 0),
    MFVSRLD("mfvsrld", 31, 307, X, Syntax.RA_XS, Op.V3),
    MTVSRDD("mtvsrdd", 31, 435, X, Syntax.XT_RA_RB, Op.V3),
    MTVSRWS("mtvsrws", 31, 403, X, Syntax.XT_RA, Op.V3),
    // 7.6 logical, select, permute and splat
    XXLAND("xxland", 60, 130, XX3, Syntax.XT_XA_XB, 0),
    XXLANDC("xxlandc", 60, 138, XX3, Syntax.XT_XA_XB, 0),
    XXLOR("xxlor", 60, 146, XX3, Syntax.XT_XA_XB, 0),
    XXLXOR("xxlxor", 60, 154, XX3, Syntax.XT_XA_XB, 0),
    XXLNOR("xxlnor", 60, 162, XX3, Syntax.XT_XA_XB, 0),
    XXLORC("xxlorc", 60, 170, XX3, Syntax.XT_XA_XB, 0),
    XXLNAND("xxlnand", 60, 178, XX3, Syntax.XT_XA_XB, 0),
    XXLEQV("xxleqv", 60, 186, XX3, Syntax.XT_XA_XB, 0),
    XXSEL("xxsel", 60, 3, XX4, Syntax.XT_XA_XB_XC, 0),
    XXPERMDI("xxpermdi", 60, 10, XX3DM, Syntax.XT_XA_XB_DM, 0),
    XXSLDWI("xxsldwi", 60, 2, XX3DM, Syntax.XT_XA_XB_SHW, 0),
    XXMRGHW("xxmrghw", 60, 18, XX3, Syntax.XT_XA_XB, 0),
    XXMRGLW("xxmrglw", 60, 50, XX3, Syntax.XT_XA_XB, 0),
    XXSPLTW("xxspltw", 60, 164, XX2, Syntax.XT_XB_UIM, 0),
    XXSPLTIB("xxspltib", 60, 360, X, Syntax.XT_IMM8, Op.V3),

    // Book I 2.4 branch
    B("b", 18, -1, D, Syntax.TARGET_LI, 0),
    BC("bc", 16, -1, D, Syntax.BO_BI_TARGET, 0),
    BCLR("bclr", 19, 16, X, Syntax.BO_BI_BH, 0),
    BCCTR("bcctr", 19, 528, X, Syntax.BO_BI_BH, 0),
    BCTAR("bctar", 19, 560, X, Syntax.BO_BI_BH, 0),
    CRAND("crand", 19, 257, X, Syntax.BT_BA_BB, 0),
    CROR("cror", 19, 449, X, Syntax.BT_BA_BB, 0),
    CRXOR("crxor", 19, 193, X, Syntax.BT_BA_BB, 0),
    CRNAND("crnand", 19, 225, X, Syntax.BT_BA_BB, 0),
    CRNOR("crnor", 19, 33, X, Syntax.BT_BA_BB, 0),
    CREQV("creqv", 19, 289, X, Syntax.BT_BA_BB, 0),
    CRANDC("crandc", 19, 129, X, Syntax.BT_BA_BB, 0),
    CRORC("crorc", 19, 417, X, Syntax.BT_BA_BB, 0),
    MCRF("mcrf", 19, 0, X, Syntax.BF_BFA, 0),

    // Book I 3.3.15 move to/from system registers
    MFCR("mfcr", 31, 19, X, Syntax.RT, 0),
    MTCRF("mtcrf", 31, 144, X, Syntax.FXM_RS, 0),
    MFSPR("mfspr", 31, 339, X, Syntax.RT_SPR, 0),
    MTSPR("mtspr", 31, 467, X, Syntax.SPR_RS, 0),
    MFTB("mftb", 31, 371, X, Syntax.RT_SPR, 0),

    // Book III-S system instructions
    SC("sc", 17, 2, DS, Syntax.LEV, 0),
    RFID("rfid", 19, 18, X, Syntax.NONE, Op.PRIV),
    HRFID("hrfid", 19, 274, X, Syntax.NONE, Op.HYP),
    MFMSR("mfmsr", 31, 83, X, Syntax.RT, Op.PRIV),
    MTMSR("mtmsr", 31, 146, X, Syntax.RS_L, Op.PRIV),
    MTMSRD("mtmsrd", 31, 178, X, Syntax.RS_L, Op.PRIV),
    SLBMTE("slbmte", 31, 402, X, Syntax.RS_RB, Op.PRIV),
    SLBMFEE("slbmfee", 31, 915, X, Syntax.RT_RB, Op.PRIV),
    SLBMFEV("slbmfev", 31, 851, X, Syntax.RT_RB, Op.PRIV),
    SLBIE("slbie", 31, 434, X, Syntax.RB, Op.PRIV),
    SLBIA("slbia", 31, 498, X, Syntax.IH, Op.PRIV),
    SLBFEE_("slbfee.", 31, 979, X, Syntax.RT_RB, Op.PRIV),
    TLBIE("tlbie", 31, 306, X, Syntax.RB_RS, Op.HYP),
    TLBIEL("tlbiel", 31, 274, X, Syntax.RB_RS, Op.HYP),
    TLBSYNC("tlbsync", 31, 566, X, Syntax.NONE, Op.HYP),
    ATTN("attn", 0, 256, X, Syntax.NONE, 0);

    /** Bit 31 of the word is Rc: the record form also sets CR0. */
    public static final int RC = 1;
    /** Bit 21 of the word is OE: the o form also sets XER[OV, OV32, SO]. */
    public static final int OE = 1 << 1;
    /** Privileged: a program interrupt in problem state. */
    public static final int PRIV = 1 << 2;
    /** Hypervisor privileged. */
    public static final int HYP = 1 << 3;
    /** A storage load. */
    public static final int LOAD = 1 << 4;
    /** A storage store. */
    public static final int STORE = 1 << 5;
    /** Writes the effective address back into RA. */
    public static final int UPDATE = 1 << 6;
    /** Defined by ISA v3.0 (POWER9), accepted because POWER8-built software probes or uses it. */
    public static final int V3 = 1 << 7;

    /**
     * Where the extended opcode sits in the word. The primary opcode's row in {@link Decoder} is indexed by a
     * fixed group of bits (bits 21-30 for most rows, 21-31 for VMX); an encoding says at which position of
     * that index the extended opcode starts ({@code shift}) and which index bits may take any value because
     * they hold Rc, OE, register bits or operands ({@code wildcard}).
     */
    public enum Encoding {
        /** No extended opcode: the primary opcode alone names the instruction. */
        D(0, 0),
        /** 10-bit extended opcode in bits 21-30 (X, XL, XFX, XX1 forms). */
        X(0, 0),
        /** 9-bit extended opcode in bits 22-30 with OE in bit 21 (XO form). */
        XO(0, 0x200),
        /** 9-bit extended opcode in bits 21-29 with sh5 in bit 30 (XS form). */
        XS(1, 1),
        /** 5-bit extended opcode in bits 26-30 (A form: isel, FP multiply-add). */
        A5(0, 0x3E0),
        /** 3-bit extended opcode in bits 27-29 with sh5 in bit 30 (MD form). */
        MD(1, 1),
        /** 4-bit extended opcode in bits 27-30 (MDS form). */
        MDS(0, 0),
        /**
         * 2-bit extended opcode in bits 30-31 (DS form). Bit 29 is the DS field's lowest bit: it takes part in the
         * row index only on primary 61, whose row also holds the DQ-form lxv and stxv.
         */
        DS(0, 4),
        /** 3-bit extended opcode in bits 29-31 with TX/SX in bit 28 (DQ form, primary 61: lxv, stxv). */
        DQ(0, 0),
        /** DS form whose bit 31 is not decoded: POWER8 and binutils read primary 57 with 0b0x as lfdp. */
        DS_EVEN(1, 1),
        /** 11-bit extended opcode in bits 21-31 (VX form, primary 4). */
        VX(0, 0),
        /** 9-bit extended opcode in bits 23-31 with bit 21 set and PS in bit 22 (bcdadd., bcdsub.). */
        VXPS(0, 0x200),
        /** 6-bit extended opcode in bits 26-31 (VA form, primary 4). */
        VA(0, 0x7C0),
        /** 10-bit extended opcode in bits 22-31 with Rc in bit 21 (VC form, primary 4). */
        VC(0, 0x400),
        /** 9-bit extended opcode in bits 21-29 with BX in bit 30 (XX2 form, primary 60). */
        XX2(1, 1),
        /** 8-bit extended opcode in bits 21-28 with AX, BX in bits 29-30 (XX3 form, primary 60). */
        XX3(2, 3),
        /** 7-bit extended opcode in bits 22-28 with Rc in bit 21 and AX, BX (XX3 vector compares). */
        XX3RC(2, 0x203),
        /** 5-bit extended opcode in bits 24-28, bit 21 zero, DM/SHW in bits 22-23 (xxpermdi, xxsldwi). */
        XX3DM(2, 0x183),
        /** 2-bit extended opcode in bits 26-27 with XC in bits 21-25 and CX, AX, BX (XX4 form: xxsel). */
        XX4(3, 0x3E7);

        private final int shift;
        private final int wildcard;

        Encoding(final int shift, final int wildcard) {
            this.shift = shift;
            this.wildcard = wildcard;
        }

        /** Position of the extended opcode's lowest bit in the row index. */
        public int shift() {
            return shift;
        }

        /** Row index bits that do not take part in the match. */
        public int wildcard() {
            return wildcard;
        }
    }

    private final String mnemonic;
    private final int primary;
    private final int extended;
    private final Encoding encoding;
    private final Syntax syntax;
    private final int flags;

    Op(final String mnemonic, final int primary, final int extended, final Encoding encoding,
       final Syntax syntax, final int flags) {
        this.mnemonic = mnemonic;
        this.primary = primary;
        this.extended = extended;
        this.encoding = encoding;
        this.syntax = syntax;
        this.flags = flags;
    }

    public String mnemonic() {
        return mnemonic;
    }

    public int primary() {
        return primary;
    }

    /** The extended opcode, or -1 when the primary opcode alone decides. */
    public int extended() {
        return extended;
    }

    public Encoding encoding() {
        return encoding;
    }

    public Syntax syntax() {
        return syntax;
    }

    public boolean has(final int flag) {
        return (flags & flag) != 0;
    }

    private static final Op[] VALUES = values();

    /** The op with ordinal {@code id}. */
    public static Op of(final int id) {
        return VALUES[id];
    }

    public static int count() {
        return VALUES.length;
    }
}
