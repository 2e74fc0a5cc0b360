package dev.jppc.machine.fdt;

/**
 * Numbers of the flattened device tree format (Devicetree Specification v0.4, chapter 5 "Flattened
 * Devicetree (DTB) Format"). Everything in a blob is big-endian.
 */
final class FdtFormat {

    static final int MAGIC = 0xD00D_FEED;
    static final int VERSION = 17;
    static final int LAST_COMPATIBLE_VERSION = 16;
    /** Ten 32-bit header fields. */
    static final int HEADER_SIZE = 40;
    static final int RESERVATION_ENTRY_SIZE = 16;

    static final int FDT_BEGIN_NODE = 1;
    static final int FDT_END_NODE = 2;
    static final int FDT_PROP = 3;
    static final int FDT_NOP = 4;
    static final int FDT_END = 9;

    /** Header field offsets. */
    static final int OFF_MAGIC = 0;
    static final int OFF_TOTALSIZE = 4;
    static final int OFF_DT_STRUCT = 8;
    static final int OFF_DT_STRINGS = 12;
    static final int OFF_MEM_RSVMAP = 16;
    static final int OFF_VERSION = 20;
    static final int OFF_LAST_COMP_VERSION = 24;
    static final int OFF_BOOT_CPUID_PHYS = 28;
    static final int OFF_SIZE_DT_STRINGS = 32;
    static final int OFF_SIZE_DT_STRUCT = 36;

    private FdtFormat() {
    }

    static int align4(final int n) {
        return (n + 3) & ~3;
    }
}
