package dev.jppc.core;

/**
 * Interrupt vectors, SRR1 reason bits and the delivery rules of Power ISA v2.07 Book III-S chapter 6
 * ("Interrupts"): which save/restore pair an interrupt uses, the MSR it leaves, and where it goes.
 */
public final class Interrupts {

    public static final int SYSTEM_RESET = 0x100;
    public static final int MACHINE_CHECK = 0x200;
    public static final int DATA_STORAGE = 0x300;
    public static final int DATA_SEGMENT = 0x380;
    public static final int INSTRUCTION_STORAGE = 0x400;
    public static final int INSTRUCTION_SEGMENT = 0x480;
    public static final int EXTERNAL = 0x500;
    public static final int ALIGNMENT = 0x600;
    public static final int PROGRAM = 0x700;
    public static final int FP_UNAVAILABLE = 0x800;
    public static final int DECREMENTER = 0x900;
    public static final int HYPERVISOR_DECREMENTER = 0x980;
    public static final int DOORBELL = 0xA00;
    public static final int SYSTEM_CALL = 0xC00;
    public static final int TRACE = 0xD00;
    public static final int HYPERVISOR_DATA_STORAGE = 0xE00;
    public static final int HYPERVISOR_INSTRUCTION_STORAGE = 0xE20;
    public static final int HYPERVISOR_EMULATION_ASSISTANCE = 0xE40;
    public static final int HYPERVISOR_MAINTENANCE = 0xE60;
    public static final int HYPERVISOR_DOORBELL = 0xE80;
    public static final int PERFORMANCE_MONITOR = 0xF00;
    public static final int VMX_UNAVAILABLE = 0xF20;
    public static final int VSX_UNAVAILABLE = 0xF40;
    public static final int FACILITY_UNAVAILABLE = 0xF60;
    public static final int HYPERVISOR_FACILITY_UNAVAILABLE = 0xF80;

    /** Program interrupt, SRR1 bit 43: floating-point enabled exception. */
    public static final long SRR1_FP_ENABLED = 1L << 20;
    /** Program interrupt, SRR1 bit 44: illegal instruction. */
    public static final long SRR1_ILLEGAL = 1L << 19;
    /** Program interrupt, SRR1 bit 45: privileged instruction. */
    public static final long SRR1_PRIVILEGED = 1L << 18;
    /** Program interrupt, SRR1 bit 46: trap. */
    public static final long SRR1_TRAP = 1L << 17;

    /**
     * The MSR bits an interrupt copies into SRR1 (bits 0:32, 37:41 and 48:63); bits 33:36 and 42:47 carry
     * the interrupt's own reason bits instead.
     */
    public static final long SRR1_MSR_BITS = 0xFFFF_FFFF_87C0_FFFFL;

    /** LPCR[ILE], bit 38: interrupts that end with MSR[HV]=0 (the partition's) are taken little-endian. */
    public static final long LPCR_ILE = 1L << 25;
    /** HID0[HILE], bit 19 on POWER8: interrupts that end with MSR[HV]=1 are taken little-endian. */
    public static final long HID0_HILE = 1L << 44;
    /** LPCR[HDICE], bit 63: hypervisor decrementer interrupts enabled. */
    public static final long LPCR_HDICE = 1L;

    private Interrupts() {
    }

    /** True for the interrupts that go to the hypervisor (HSRR0/HSRR1, MSR[HV]=1). */
    public static boolean isHypervisorInterrupt(final int vector) {
        return vector == HYPERVISOR_DECREMENTER
            || (vector >= HYPERVISOR_DATA_STORAGE && vector <= 0xEA0)
            || vector == HYPERVISOR_FACILITY_UNAVAILABLE;
    }

    /**
     * Delivers interrupt {@code vector}: saves {@code srr0} and the MSR (with {@code reason} in the bits the
     * MSR does not fill) into the save/restore pair, computes the new MSR and jumps to the vector.
     */
    public static void deliver(final Cpu cpu, final int vector, final long srr0, final long reason) {
        deliver(cpu, vector, srr0, reason, false);
    }

    /**
     * {@code sc 1} on a processor with hypervisor state: the system call interrupt (SRR0/SRR1, vector 0xC00)
     * that also sets MSR[HV] (Book III-S 6.5.14); entering hypervisor state, it takes MSR[LE] from HID0[HILE].
     */
    public static void deliverHypervisorCall(final Cpu cpu, final long srr0) {
        deliver(cpu, SYSTEM_CALL, srr0, 0, (cpu.msr & Cpu.MSR_HV) == 0);
    }

    private static void deliver(final Cpu cpu, final int vector, final long srr0, final long reason,
                                final boolean enterHypervisor) {
        final long oldMsr = cpu.msr;
        final long srr1 = (oldMsr & SRR1_MSR_BITS) | reason;
        final boolean toHypervisor = isHypervisorInterrupt(vector)
            || (cpu.hypervisorCapable && (vector == SYSTEM_RESET || vector == MACHINE_CHECK));
        long newMsr = Cpu.MSR_SF | (oldMsr & Cpu.MSR_ME);
        if (vector == MACHINE_CHECK) {
            newMsr &= ~Cpu.MSR_ME;
        }
        long target = vector;
        if (toHypervisor) {
            if (vector == SYSTEM_RESET || vector == MACHINE_CHECK) {
                cpu.spr[Spr.SRR0] = srr0;
                cpu.spr[Spr.SRR1] = srr1;
            } else {
                cpu.spr[Spr.HSRR0] = srr0;
                cpu.spr[Spr.HSRR1] = srr1;
            }
            newMsr |= Cpu.MSR_HV;
            if ((cpu.spr[Spr.HID0] & HID0_HILE) != 0) {
                newMsr |= Cpu.MSR_LE;
            }
        } else {
            cpu.spr[Spr.SRR0] = srr0;
            cpu.spr[Spr.SRR1] = srr1;
            newMsr |= (oldMsr & Cpu.MSR_HV) | (enterHypervisor ? Cpu.MSR_HV : 0);
            // The byte order follows the state the interrupt ends in (v2.07 6.5, as QEMU's POWER8): HID0[HILE]
            // when MSR[HV] ends up 1 (a hypervisor's own DSI, ISI, system call, ...), LPCR[ILE] for a partition.
            final boolean little = (newMsr & Cpu.MSR_HV) != 0
                ? (cpu.spr[Spr.HID0] & HID0_HILE) != 0
                : (cpu.spr[Spr.LPCR] & LPCR_ILE) != 0;
            if (little) {
                newMsr |= Cpu.MSR_LE;
            }
            // LPCR[AIL] (bits 39:40): the OS asked for its interrupts to arrive with relocation on at a
            // high address, when the interrupted code itself ran with IR and DR on (v2.07 6.5).
            final int ail = (int) (cpu.spr[Spr.LPCR] >>> 23) & 3;
            final boolean relocated = (oldMsr & (Cpu.MSR_IR | Cpu.MSR_DR)) == (Cpu.MSR_IR | Cpu.MSR_DR);
            if (ail >= 2 && relocated && vector != SYSTEM_RESET && vector != MACHINE_CHECK
                && (oldMsr & Cpu.MSR_HV) == (newMsr & Cpu.MSR_HV)) {
                newMsr |= Cpu.MSR_IR | Cpu.MSR_DR;
                target += ail == 3 ? 0xC000_0000_0000_4000L : 0x1_8000L;
            }
        }
        cpu.setMsr(newMsr);
        cpu.nip = target;
        cpu.endSlice();
    }
}
