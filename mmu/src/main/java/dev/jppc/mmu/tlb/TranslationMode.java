package dev.jppc.mmu.tlb;

/**
 * The mode bits kept in the low bits of a {@link Tlb} tag: whether the access is translated (MSR[IR] for a fetch,
 * MSR[DR] for data), MSR[PR] and MSR[HV]. Entries of every mode live side by side, so a user/kernel transition or
 * turning relocation on and off needs no flush; the CPU recomputes its two mode values whenever MSR changes.
 * MSR[LE] is not part of the mode: byte order does not change a translation.
 */
public final class TranslationMode {

    /** The access is translated (IR or DR set). */
    public static final int TRANSLATED = 1;
    /** Problem state (MSR[PR]). */
    public static final int PROBLEM = 2;
    /** Hypervisor state (MSR[HV]). */
    public static final int HYPERVISOR = 4;

    /** MSR[HV], ISA bit 3. */
    public static final long MSR_HV = 1L << 60;
    /** MSR[PR], ISA bit 49. */
    public static final long MSR_PR = 1L << 14;
    /** MSR[IR], ISA bit 58. */
    public static final long MSR_IR = 1L << 5;
    /** MSR[DR], ISA bit 59. */
    public static final long MSR_DR = 1L << 4;

    private TranslationMode() {
    }

    /** Mode bits for instruction fetches under {@code msr}. */
    public static int fetch(final long msr) {
        return (int) (((msr >>> 5) & TRANSLATED) | ((msr >>> 13) & PROBLEM) | ((msr >>> 58) & HYPERVISOR));
    }

    /** Mode bits for loads and stores under {@code msr}. */
    public static int data(final long msr) {
        return (int) (((msr >>> 4) & TRANSLATED) | ((msr >>> 13) & PROBLEM) | ((msr >>> 58) & HYPERVISOR));
    }

    /** True when {@code mode} is a translated mode. */
    public static boolean isTranslated(final int mode) {
        return (mode & TRANSLATED) != 0;
    }
}
