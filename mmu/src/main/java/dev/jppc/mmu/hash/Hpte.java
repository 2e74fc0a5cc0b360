package dev.jppc.mmu.hash;

/**
 * Fields of a hashed page table entry (pre-v3.0 format, as POWER8 and the HTAB stream use it; hash-mmu.md §6.2,
 * §6.3). An HPTE is 16 bytes: doubleword {@code v} then doubleword {@code r}, both big-endian in memory whatever
 * MSR[LE] says. ISA bit n of a doubleword is {@code 1L << (63 - n)}.
 */
public final class Hpte {

    /** Bytes per entry. */
    public static final int BYTES = 16;
    /** Entries per PTE group. */
    public static final int PER_GROUP = 8;
    /** Bytes per PTE group. */
    public static final int GROUP_BYTES = 128;

    /** v: segment size B (ISA 0:1): 0 = 256 MiB, 1 = 1 TiB. */
    public static final long V_SEGMENT_SIZE = 0xC000_0000_0000_0000L;
    /** v: abbreviated virtual page number (ISA 2:56) = VA bits 0:54. */
    public static final long V_AVPN = 0x3FFF_FFFF_FFFF_FF80L;
    /** v: software bits (ISA 57:60). */
    public static final long V_SOFTWARE = 0x78L;
    /** v: Linux's "bolted" software bit (HPTE_V_BOLTED): never evicted; the HTAB fd's BOLTED_ONLY filter. */
    public static final long V_BOLTED = 0x10L;
    /** v: Linux's bare-metal lock software bit. */
    public static final long V_LOCK = 0x08L;
    /** v: bits a hypervisor keeps private (KVM absent/lock, QEMU dirty); H_ENTER clears them. */
    public static final long V_HYPERVISOR_PRIVATE = 0x60L;
    /** v: L, a large (non-4 KiB) page (ISA 61). */
    public static final long V_LARGE = 0x4L;
    /** v: H, the entry lives in its secondary group (ISA 62). */
    public static final long V_SECONDARY = 0x2L;
    /** v: V, valid (ISA 63). */
    public static final long V_VALID = 0x1L;
    /** v bits the hardware compares against the wanted value: B, AVPN, H, V (not SW, not L). */
    public static final long V_COMPARE = 0xFFFF_FFFF_FFFF_FF83L;

    /** r: PP0, the high bit of the 3-bit page protection (ISA 0). */
    public static final long R_PP0 = 0x8000_0000_0000_0000L;
    /** r: reserved bit 1 (TS on later parts); ignored and reported as 0. */
    public static final long R_RESERVED_TS = 0x4000_0000_0000_0000L;
    /** r: KEY[0:1] (ISA 2:3). */
    public static final long R_KEY_HIGH = 0x3000_0000_0000_0000L;
    /** r: abbreviated real page number (ISA 4:51); its low bits hold LP for large pages. */
    public static final long R_ARPN = 0x0FFF_FFFF_FFFF_F000L;
    /** r: LP field (ISA 44:51), meaningful only below the actual page size. */
    public static final long R_LP = 0xF_F000L;
    /** r: KEY[2:4] (ISA 52:54). */
    public static final long R_KEY_LOW = 0xE00L;
    /** r: R, referenced (ISA 55). */
    public static final long R_REFERENCED = 0x100L;
    /** r: C, changed (ISA 56). */
    public static final long R_CHANGED = 0x80L;
    /** r: W, write-through (ISA 57). */
    public static final long R_WRITE_THROUGH = 0x40L;
    /** r: I, caching inhibited (ISA 58). */
    public static final long R_CACHE_INHIBITED = 0x20L;
    /** r: M, memory coherence (ISA 59). */
    public static final long R_COHERENT = 0x10L;
    /** r: G, guarded (ISA 60): never executable. */
    public static final long R_GUARDED = 0x08L;
    /** r: the WIMG bits. */
    public static final long R_WIMG = 0x78L;
    /** r: N, no-execute (ISA 61). */
    public static final long R_NO_EXECUTE = 0x4L;
    /** r: PP, the low two bits of the page protection (ISA 62:63). */
    public static final long R_PP = 0x3L;

    /** Byte offset of R inside the 16-byte entry (bit 0x01 of byte 14); the hardware sets R by a byte store. */
    public static final int R_BYTE_OFFSET = 14;
    /** Byte offset of C inside the 16-byte entry (bit 0x80 of byte 15). */
    public static final int C_BYTE_OFFSET = 15;

    private Hpte() {
    }

    public static boolean isValid(final long v) {
        return (v & V_VALID) != 0;
    }

    public static boolean isSecondary(final long v) {
        return (v & V_SECONDARY) != 0;
    }

    public static boolean isLarge(final long v) {
        return (v & V_LARGE) != 0;
    }

    public static boolean isBolted(final long v) {
        return (v & V_BOLTED) != 0;
    }

    /** Segment size field B: 0 = 256 MiB, 1 = 1 TiB (2 and 3 are reserved). */
    public static int segmentSize(final long v) {
        return (int) (v >>> 62);
    }

    /** The AVPN field, right-aligned (VA bits 0:54, i.e. VA >>> 23). */
    public static long avpn(final long v) {
        return (v & V_AVPN) >>> 7;
    }

    /** The four software bits, right-aligned. */
    public static int software(final long v) {
        return (int) ((v & V_SOFTWARE) >>> 3);
    }

    /** The 3-bit page protection PP0||PP. */
    public static int pp(final long r) {
        return (int) (((r >>> 61) & 4) | (r & 3));
    }

    /** The 5-bit storage key KEY[0:4]. */
    public static int key(final long r) {
        return (int) (((r >>> 57) & 0x18) | ((r >>> 9) & 0x7));
    }

    public static boolean isReferenced(final long r) {
        return (r & R_REFERENCED) != 0;
    }

    public static boolean isChanged(final long r) {
        return (r & R_CHANGED) != 0;
    }

    /** WIMG as a 4-bit number (W = 8, I = 4, M = 2, G = 1). */
    public static int wimg(final long r) {
        return (int) ((r & R_WIMG) >>> 3);
    }

    public static boolean isNoExecute(final long r) {
        return (r & R_NO_EXECUTE) != 0;
    }

    public static boolean isGuarded(final long r) {
        return (r & R_GUARDED) != 0;
    }

    public static boolean isCacheInhibited(final long r) {
        return (r & R_CACHE_INHIBITED) != 0;
    }

    /** Real address of the page a mapping of {@code pageShift} names (its LP bits removed). */
    public static long pageRealAddress(final long r, final int pageShift) {
        return r & R_ARPN & ~((1L << pageShift) - 1);
    }

    /** Real address of {@code ea} through HPTE second doubleword {@code r} for a page of {@code pageShift}. */
    public static long realAddress(final long r, final int pageShift, final long ea) {
        return pageRealAddress(r, pageShift) | (ea & ((1L << pageShift) - 1));
    }
}
