package dev.jppc.mmu.tlb;

import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A direct-mapped software TLB of 1024 entries of 4 KiB, as parallel arrays the CPU reads directly. One instance
 * each serves fetches, loads and stores, so finding an entry in the store TLB already means "write allowed".
 *
 * <p>Fast path (the CPU's; the EA is already truncated to 32 bits when MSR[SF]=0, and the access does not cross
 * a 4 KiB boundary):
 * <pre>{@code
 * int i = (int) (ea >>> 12) & Tlb.INDEX_MASK;
 * if (tlb.tag[i] == ((ea & ~0xFFFL) | mode)) {
 *     value = tlb.buffer[i].getLong(tlb.offset[i] + (int) (ea & 0xFFF), order);
 * } else {
 *     slowPath(...);
 * }
 * }</pre>
 * A tag is the EA page with the {@link TranslationMode} bits in its low 12 bits; an invalid entry holds
 * {@link #INVALID_TAG}, whose low bits are never a mode, so it never matches. Larger pages are installed as the
 * one 4 KiB sub-page that was accessed. {@code buffer[i]} is the RAM chunk holding the page, {@code offset[i]} the
 * page's index inside it, {@code realPage[i]} its real address. Only RAM is ever installed: MMIO always takes
 * the slow path.
 *
 * <p>Not thread-safe: only the owning CPU's thread touches a TLB (other threads ask it to flush, see
 * {@code DirtyPageTracker}).
 */
public final class Tlb {

    /** Number of entries. */
    public static final int ENTRIES = 1024;
    /** Mask applied to {@code ea >>> PAGE_SHIFT} to get the index. */
    public static final int INDEX_MASK = ENTRIES - 1;
    /** log2 of the entry granularity. */
    public static final int PAGE_SHIFT = 12;
    /** Entry granularity in bytes. */
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    /** Mask that keeps the page part of an address. */
    public static final long PAGE_MASK = ~(PAGE_SIZE - 1);
    /** The tag of an empty entry: its low bits (0xFFF) are no mode, so no lookup matches it. */
    public static final long INVALID_TAG = -1L;

    /** EA page | mode bits, or {@link #INVALID_TAG}. */
    public final long[] tag = new long[ENTRIES];
    /** The RAM chunk holding the page. */
    public final UnsafeBuffer[] buffer = new UnsafeBuffer[ENTRIES];
    /** Index of the page's first byte inside {@code buffer[i]}. */
    public final int[] offset = new int[ENTRIES];
    /** Real address of the page. */
    public final long[] realPage = new long[ENTRIES];

    public Tlb() {
        flush();
    }

    /** The entry index for {@code ea}. */
    public static int index(final long ea) {
        return (int) (ea >>> PAGE_SHIFT) & INDEX_MASK;
    }

    /** The tag an access to {@code ea} in {@code mode} must find. */
    public static long tagOf(final long ea, final int mode) {
        return (ea & PAGE_MASK) | mode;
    }

    /** True when an access to {@code ea} in {@code mode} hits. */
    public boolean hits(final long ea, final int mode) {
        return tag[index(ea)] == tagOf(ea, mode);
    }

    /** Installs the 4 KiB page of {@code ea}, replacing whatever the slot held. */
    public void install(final long ea, final int mode, final UnsafeBuffer chunk, final int pageOffset,
                        final long realPageAddress) {
        final int i = index(ea);
        buffer[i] = chunk;
        offset[i] = pageOffset;
        realPage[i] = realPageAddress;
        tag[i] = tagOf(ea, mode);
    }

    /** Invalidates every entry. */
    public void flush() {
        Arrays.fill(tag, INVALID_TAG);
    }

    /** Invalidates the entry for the 4 KiB page of {@code ea}, whatever its mode. */
    public void flushPage(final long ea) {
        final int i = index(ea);
        if ((tag[i] & PAGE_MASK) == (ea & PAGE_MASK)) {
            tag[i] = INVALID_TAG;
        }
    }

    /**
     * Invalidates every entry whose EA lies in the aligned range {@code ea & mask} (a segment: mask
     * {@code 0xFFFF_FFFF_F000_0000L} for 256 MiB), whatever its mode.
     */
    public void flushRange(final long ea, final long mask) {
        final long want = ea & mask;
        final long[] tags = tag;
        for (int i = 0; i < ENTRIES; i++) {
            final long t = tags[i];
            if (t != INVALID_TAG && (t & mask) == want) {
                tags[i] = INVALID_TAG;
            }
        }
    }

    /** Invalidates every entry whose real page lies in {@code [realStart, realStart + length)}. */
    public void flushReal(final long realStart, final long length) {
        final long[] tags = tag;
        for (int i = 0; i < ENTRIES; i++) {
            if (tags[i] != INVALID_TAG && realPage[i] - realStart >= 0 && realPage[i] - realStart < length) {
                tags[i] = INVALID_TAG;
            }
        }
    }

    /** Number of valid entries (tests and statistics). */
    public int validCount() {
        int count = 0;
        for (final long t : tag) {
            if (t != INVALID_TAG) {
                count++;
            }
        }
        return count;
    }
}
