package dev.jppc.devices.hcall;

import java.nio.ByteOrder;

import dev.jppc.core.Cpu;
import dev.jppc.mmu.GuestMemory;

/**
 * The shared-processor LPAR hypercalls ("hcall-splpar"): registration of the per-processor areas (VPA, SLB
 * shadow, dispatch trace log) and the idle and yield calls H_CEDE, H_CONFER and H_PROD. Checks and return
 * codes are QEMU's ({@code spapr_hcall.c}), plus a bounds check of every area against RAM, which QEMU leaves
 * as a FIXME.
 *
 * <p>jppc has one processor, number 0 (the {@code reg} of its cpu node), which runs whenever the partition
 * wants it: the areas are recorded but never written, so the VPA keeps saying "dedicated processor" (QEMU sets
 * the shared-processor byte, which makes Linux use paravirtualised spinlocks, pointless on one CPU).
 */
public final class SplparHcalls {

    /** The only processor's number. */
    public static final long CPU_ID = 0;

    /** H_REGISTER_VPA flags (r4): the subfunction in PAPR bits 16:18, nothing else. */
    static final int SUBFUNCTION_SHIFT = 63 - 18;
    static final long SUBFUNCTION_MASK = 7L << SUBFUNCTION_SHIFT;
    static final int REGISTER_VPA = 1;
    static final int REGISTER_DTL = 2;
    static final int REGISTER_SLB_SHADOW = 3;
    static final int DEREGISTER_VPA = 5;
    static final int DEREGISTER_DTL = 6;
    static final int DEREGISTER_SLB_SHADOW = 7;

    /** Every area starts with a big-endian length at offset 4 (a u16 in the VPA, a u32 in the others). */
    private static final int SIZE_OFFSET = 4;
    private static final int VPA_MIN_SIZE = 640;
    private static final int SLB_SHADOW_MIN_SIZE = 8;
    private static final int DTL_MIN_SIZE = 48;
    /** The VPA must start on a data cache line (POWER8: 128 bytes) and, like the SLB shadow, not cross 4 KiB. */
    private static final long CACHE_LINE = 128;
    private static final long PAGE = 4096;
    /** H_CONFER's target meaning "any other processor". */
    private static final long CONFER_ALL = -1;

    private long vpa;
    private long slbShadow;
    private long slbShadowSize;
    private long dtl;
    private long dtlSize;
    /** Set by H_PROD, consumed by an H_CONFER to oneself (QEMU's "prod" flag). */
    private boolean prodded;

    /**
     * H_REGISTER_VPA(flags, cpu, address): registers or deregisters one area of processor {@code cpu}. An area
     * at address 0 is H_HARDWARE (QEMU cannot cope with it either); a bad size, alignment, page crossing or an
     * area outside RAM is H_PARAMETER; an SLB shadow or DTL without a VPA, or removing the VPA while either is
     * registered, is H_RESOURCE.
     */
    long registerVpa(final Cpu cpu) {
        final long flags = cpu.gpr[4];
        final long address = cpu.gpr[6];
        if (cpu.gpr[5] != CPU_ID || (flags & ~SUBFUNCTION_MASK) != 0) {
            return Hcall.H_PARAMETER;
        }
        final int subfunction = (int) ((flags & SUBFUNCTION_MASK) >>> SUBFUNCTION_SHIFT);
        switch (subfunction) {
            case REGISTER_VPA:
                return registerVpaArea(cpu.ram, address);
            case REGISTER_DTL:
                return registerDtl(cpu.ram, address);
            case REGISTER_SLB_SHADOW:
                return registerSlbShadow(cpu.ram, address);
            case DEREGISTER_VPA:
                if (slbShadow != 0 || dtl != 0) {
                    return Hcall.H_RESOURCE;
                }
                vpa = 0;
                return Hcall.H_SUCCESS;
            case DEREGISTER_DTL:
                dtl = 0;
                dtlSize = 0;
                return Hcall.H_SUCCESS;
            case DEREGISTER_SLB_SHADOW:
                slbShadow = 0;
                slbShadowSize = 0;
                return Hcall.H_SUCCESS;
            default:
                return Hcall.H_PARAMETER;
        }
    }

    private long registerVpaArea(final GuestMemory ram, final long address) {
        if (address == 0) {
            return Hcall.H_HARDWARE;
        }
        if (address % CACHE_LINE != 0 || !inRam(ram, address, SIZE_OFFSET + 2)) {
            return Hcall.H_PARAMETER;
        }
        final long size = ram.getShort(address + SIZE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFFL;
        if (size < VPA_MIN_SIZE || crossesPage(address, size) || !inRam(ram, address, size)) {
            return Hcall.H_PARAMETER;
        }
        vpa = address;
        return Hcall.H_SUCCESS;
    }

    private long registerSlbShadow(final GuestMemory ram, final long address) {
        if (address == 0) {
            return Hcall.H_HARDWARE;
        }
        if (!inRam(ram, address, SIZE_OFFSET + 4)) {
            return Hcall.H_PARAMETER;
        }
        final long size = ram.getInt(address + SIZE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
        if (size < SLB_SHADOW_MIN_SIZE || crossesPage(address, size) || !inRam(ram, address, size)) {
            return Hcall.H_PARAMETER;
        }
        if (vpa == 0) {
            return Hcall.H_RESOURCE;
        }
        slbShadow = address;
        slbShadowSize = size;
        return Hcall.H_SUCCESS;
    }

    private long registerDtl(final GuestMemory ram, final long address) {
        if (address == 0) {
            return Hcall.H_HARDWARE;
        }
        if (!inRam(ram, address, SIZE_OFFSET + 4)) {
            return Hcall.H_PARAMETER;
        }
        final long size = ram.getInt(address + SIZE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
        if (size < DTL_MIN_SIZE || !inRam(ram, address, size)) {
            return Hcall.H_PARAMETER;
        }
        if (vpa == 0) {
            return Hcall.H_RESOURCE;
        }
        dtl = address;
        dtlSize = size;
        return Hcall.H_SUCCESS;
    }

    /**
     * H_CEDE: the processor has nothing to do until an interrupt. MSR[EE] is set (PAPR) and the CPU sleeps; the
     * interpreter jumps virtual time to the next timer event and then takes the interrupt that woke it, with
     * SRR0 after the {@code sc}.
     */
    long cede(final Cpu cpu) {
        cpu.setMsr(cpu.msr | Cpu.MSR_EE);
        if (prodded) {
            prodded = false;
        } else {
            cpu.waiting = true;
        }
        return Hcall.H_SUCCESS;
    }

    /**
     * H_CONFER(target, dispatch): gives the rest of this processor's time slice to another processor. With one
     * processor there is none to give it to: -1 ("all others") and the caller itself succeed at once (an earlier
     * H_PROD is consumed), any other target is H_PARAMETER (QEMU).
     */
    long confer(final Cpu cpu) {
        final long target = cpu.gpr[4];
        if (target != CONFER_ALL && target != CPU_ID) {
            return Hcall.H_PARAMETER;
        }
        if (target == CPU_ID) {
            prodded = false;
        }
        return Hcall.H_SUCCESS;
    }

    /** H_PROD(target): wakes a ceded processor; this one is running, so it only remembers the prod. */
    long prod(final Cpu cpu) {
        if (cpu.gpr[4] != CPU_ID) {
            return Hcall.H_PARAMETER;
        }
        prodded = true;
        return Hcall.H_SUCCESS;
    }

    /** Real address of the registered VPA, or 0. */
    public long vpa() {
        return vpa;
    }

    /** Real address of the registered SLB shadow buffer, or 0. */
    public long slbShadow() {
        return slbShadow;
    }

    /** Length of the registered SLB shadow buffer (its own size field), or 0. */
    public long slbShadowSize() {
        return slbShadowSize;
    }

    /** Real address of the registered dispatch trace log, or 0. */
    public long dtl() {
        return dtl;
    }

    /** Length of the registered dispatch trace log, or 0. */
    public long dtlSize() {
        return dtlSize;
    }

    private static boolean crossesPage(final long address, final long size) {
        return address / PAGE != (address + size - 1) / PAGE;
    }

    private static boolean inRam(final GuestMemory ram, final long address, final long length) {
        return address >= 0 && length >= 0 && address <= ram.size() - length;
    }

    /** Whether an H_PROD waits to be consumed. */
    boolean prodded() {
        return prodded;
    }

    /** Restores the registered areas and the prod flag (snapshot; the values were checked by the caller). */
    void restore(final long[] areas, final boolean savedProdded) {
        vpa = areas[0];
        slbShadow = areas[1];
        slbShadowSize = areas[2];
        dtl = areas[3];
        dtlSize = areas[4];
        prodded = savedProdded;
    }
}
