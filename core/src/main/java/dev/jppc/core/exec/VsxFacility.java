package dev.jppc.core.exec;

import dev.jppc.core.Cpu;

/**
 * Which facility a VSX instruction needs enabled in the MSR. Book I chapter 7 gives three rules:
 * <ul>
 *   <li>the v2.06 instructions (loads, stores, logical, permute) need MSR[VSX] whatever the register;</li>
 *   <li>the v2.07 moves between GPRs and VSRs (mfvsrd, mfvsrwz, mtvsrd, mtvsrwa, mtvsrwz) need MSR[FP] for
 *       VSR 0-31, which are the FPRs, and MSR[VEC] for VSR 32-63, which are the VRs;</li>
 *   <li>the v3.0 additions (lxv, lxvl, mfvsrld, mtvsrdd, mtvsrws, xxspltib and their stores) need MSR[VSX]
 *       for VSR 0-31 and MSR[VEC] for VSR 32-63.</li>
 * </ul>
 * QEMU checks the same bits.
 */
final class VsxFacility {

    private VsxFacility() {
    }

    /** MSR[VSX] must be 1. */
    static void requireVsx(final Cpu c) {
        if ((c.msr & Cpu.MSR_VSX) == 0) {
            throw c.vsxUnavailable();
        }
    }

    /** MSR[FP] for VSR 0-31, MSR[VEC] for VSR 32-63 (the v2.07 GPR moves). */
    static void requireFpOrVector(final Cpu c, final int vsr) {
        if (vsr < 32) {
            if ((c.msr & Cpu.MSR_FP) == 0) {
                throw c.floatingPointUnavailable();
            }
        } else if ((c.msr & Cpu.MSR_VEC) == 0) {
            throw c.vectorUnavailable();
        }
    }

    /** MSR[VSX] for VSR 0-31, MSR[VEC] for VSR 32-63 (the v3.0 additions). */
    static void requireVsxOrVector(final Cpu c, final int vsr) {
        if (vsr < 32) {
            requireVsx(c);
        } else if ((c.msr & Cpu.MSR_VEC) == 0) {
            throw c.vectorUnavailable();
        }
    }
}
