package dev.jppc.devices.hcall;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;

/**
 * The hypercalls that set processor modes and debug registers a partition cannot write itself: H_SET_MODE
 * ("hcall-set-mode": interrupt endianness, interrupt relocation, CIABR, DAWR0) and H_SET_DABR / H_SET_XDABR
 * ("hcall-dabr", "hcall-xdabr"). Checks and return codes are QEMU's ({@code spapr_hcall.c}, pseries-boot.md §7.5).
 *
 * <p>jppc implements no instruction or data breakpoints: the breakpoint registers are stored (CIABR and DAWR0 in
 * the CPU's SPRs, DABR and DABRX here) so that the guest reads back what it set, but they never fire.
 */
public final class ModeHcalls {

    /** H_SET_MODE resources (r5). */
    static final long RESOURCE_SET_CIABR = 1;
    static final long RESOURCE_SET_DAWR0 = 2;
    static final long RESOURCE_ADDRESS_TRANSLATION_MODE = 3;
    static final long RESOURCE_LE = 4;

    /** H_SET_MODE resource 4, mflags: interrupts big-endian / little-endian. */
    static final long ENDIAN_BIG = 0;
    static final long ENDIAN_LITTLE = 1;

    /** LPCR[AIL], bits 39:40: where interrupts of a relocated partition are delivered (Book III-S 2.2). */
    public static final int LPCR_AIL_SHIFT = 23;
    public static final long LPCR_AIL = 3L << LPCR_AIL_SHIFT;
    /** AIL 1 is reserved by the ISA. */
    private static final long AIL_RESERVED = 1;
    private static final long AIL_MAX = 3;

    /** CIABR[PRIV] (bits 62:63) = 3 would break on hypervisor instructions; a partition may not. */
    private static final long CIABR_PRIVILEGE = 3;
    /** DAWRX[HYP] (bit 61): match hypervisor accesses; a partition may not. */
    private static final long DAWRX_HYPERVISOR = 1L << 2;
    /** DABRX as H_SET_DABR leaves it: match problem and privileged state. */
    private static final long DABRX_USER_AND_KERNEL = Hcall.H_DABRX_KERNEL | Hcall.H_DABRX_USER;
    /** The DABRX bits that exist (BT..USER, 60:63); anything above is an error. */
    private static final long DABRX_BITS = 0xF;

    private long dabr;
    private long dabrx;

    /** H_SET_MODE(mflags, resource, value1, value2). Unknown resource: H_P2. */
    long setMode(final Cpu cpu) {
        final long mflags = cpu.gpr[4];
        final long resource = cpu.gpr[5];
        final long value1 = cpu.gpr[6];
        final long value2 = cpu.gpr[7];
        if (resource == RESOURCE_LE) {
            return setInterruptEndian(cpu, mflags, value1, value2);
        }
        if (resource == RESOURCE_ADDRESS_TRANSLATION_MODE) {
            return setAddressTranslationMode(cpu, mflags, value1, value2);
        }
        if (resource == RESOURCE_SET_CIABR) {
            return setCiabr(cpu, mflags, value1, value2);
        }
        if (resource == RESOURCE_SET_DAWR0) {
            return setDawr0(cpu, mflags, value1, value2);
        }
        return Hcall.H_P2;
    }

    /** Resource 4: LPCR[ILE], the byte order of the partition's interrupts. Linux panics without it. */
    private static long setInterruptEndian(final Cpu cpu, final long mflags, final long value1, final long value2) {
        if (value1 != 0) {
            return Hcall.H_P3;
        }
        if (value2 != 0) {
            return Hcall.H_P4;
        }
        if (mflags == ENDIAN_BIG) {
            cpu.spr[Spr.LPCR] &= ~Interrupts.LPCR_ILE;
        } else if (mflags == ENDIAN_LITTLE) {
            cpu.spr[Spr.LPCR] |= Interrupts.LPCR_ILE;
        } else {
            return Hcall.H_UNSUPPORTED_FLAG;
        }
        return Hcall.H_SUCCESS;
    }

    /**
     * Resource 3: LPCR[AIL] = mflags. 0 delivers interrupts in real mode at their vectors; 2 and 3 deliver those
     * taken with IR=DR=1 relocated, at 0x18000 + vector or 0xC000_0000_0000_4000 + vector (PAPR; current QEMU
     * refuses 2, which Linux never asks for). 1 is reserved.
     */
    private static long setAddressTranslationMode(final Cpu cpu, final long mflags, final long value1,
                                                  final long value2) {
        if (value1 != 0) {
            return Hcall.H_P3;
        }
        if (value2 != 0) {
            return Hcall.H_P4;
        }
        if (mflags == AIL_RESERVED || mflags < 0 || mflags > AIL_MAX) {
            return Hcall.H_UNSUPPORTED_FLAG;
        }
        cpu.spr[Spr.LPCR] = (cpu.spr[Spr.LPCR] & ~LPCR_AIL) | (mflags << LPCR_AIL_SHIFT);
        return Hcall.H_SUCCESS;
    }

    /** Resource 1: CIABR (value1), as QEMU (TCG) and KVM check it. */
    private static long setCiabr(final Cpu cpu, final long mflags, final long value1, final long value2) {
        if (mflags != 0) {
            return Hcall.H_UNSUPPORTED_FLAG;
        }
        if (value2 != 0) {
            return Hcall.H_P4;
        }
        if ((value1 & CIABR_PRIVILEGE) == CIABR_PRIVILEGE) {
            return Hcall.H_P3;
        }
        cpu.spr[Spr.CIABR] = value1;
        return Hcall.H_SUCCESS;
    }

    /** Resource 2: DAWR0 (value1) and DAWRX0 (value2), as QEMU (TCG) checks them. */
    private static long setDawr0(final Cpu cpu, final long mflags, final long value1, final long value2) {
        if (mflags != 0) {
            return Hcall.H_UNSUPPORTED_FLAG;
        }
        if ((value2 & DAWRX_HYPERVISOR) != 0) {
            return Hcall.H_P4;
        }
        cpu.spr[Spr.DAWR0] = value1;
        cpu.spr[Spr.DAWRX0] = value2;
        return Hcall.H_SUCCESS;
    }

    /** H_SET_DABR(dabr): DABRX becomes "problem and privileged state" (QEMU, for CPUs with a DABRX). */
    long setDabr(final Cpu cpu) {
        dabr = cpu.gpr[4];
        dabrx = DABRX_USER_AND_KERNEL;
        return Hcall.H_SUCCESS;
    }

    /**
     * H_SET_XDABR(dabr, dabrx): H_PARAMETER when DABRX has bits beyond its four, asks for hypervisor matches, or
     * matches neither problem nor privileged state.
     */
    long setExtendedDabr(final Cpu cpu) {
        final long extension = cpu.gpr[5];
        if ((extension & ~DABRX_BITS) != 0 || (extension & Hcall.H_DABRX_HYPERVISOR) != 0
            || (extension & DABRX_USER_AND_KERNEL) == 0) {
            return Hcall.H_PARAMETER;
        }
        dabr = cpu.gpr[4];
        dabrx = extension;
        return Hcall.H_SUCCESS;
    }

    /** The DABR the partition set (0 until it sets one). */
    public long dabr() {
        return dabr;
    }

    /** The DABRX the partition set. */
    public long dabrx() {
        return dabrx;
    }

    /** Restores what {@link #dabr()} and {@link #dabrx()} return (snapshot). */
    void restore(final long savedDabr, final long savedDabrx) {
        dabr = savedDabr;
        dabrx = savedDabrx;
    }
}
