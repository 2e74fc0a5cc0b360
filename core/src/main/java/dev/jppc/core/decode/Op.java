package dev.jppc.core.decode;

import static dev.jppc.core.decode.Op.Encoding.A5;
import static dev.jppc.core.decode.Op.Encoding.D;
import static dev.jppc.core.decode.Op.Encoding.DQ;
import static dev.jppc.core.decode.Op.Encoding.DS;
import static dev.jppc.core.decode.Op.Encoding.MD;
import static dev.jppc.core.decode.Op.Encoding.MDS;
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
        /** 11-bit extended opcode in bits 21-31 (VX form, primary 4). */
        VX(0, 0),
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
