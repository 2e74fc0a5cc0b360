package dev.jppc.core.decode;

/**
 * How an instruction's operands are written in assembly, for the disassembler and the trace.
 * Names list the operands in GNU as order.
 */
public enum Syntax {
    NONE,
    RT_RA_SI, RT_RA_UI_SHIFTED, RA_RS_UI, BF_L_RA_SI, BF_L_RA_UI, TO_RA_SI,
    RT_D_RA, RT_DS_RA, RT_DQ_RA,
    RT_RA_RB, RA_RS_RB, RT_RA, RA_RS, RA_RS_SH, RA_RS_SH6, BF_L_RA_RB, TO_RA_RB,
    RA_RS_SH_MB_ME, RA_RS_RB_MB_ME, RA_RS_SH6_MB6, RA_RS_SH6_ME6, RA_RS_RB_MB6, RA_RS_RB_ME6,
    RT_RA_RB_EH, RT_RA_NB, RT_RA_RB_BC,
    XT_RA_RB, XT_DQ_RA, RA_XS, XT_RA, XT_XA_XB, XT_XA_XB_XC, XT_XA_XB_DM, XT_XA_XB_SHW, XT_XB_UIM, XT_XB, XT_IMM8,
    TARGET_LI, BO_BI_TARGET, BO_BI_BH, BT_BA_BB, BF_BFA,
    RT_SPR, SPR_RS, RT, RT_FXM, FXM_RS, RS_L, RB, RB_RS, RS_RB, RT_RB, RA_RB, L, LEV, IH
}
