package dev.jppc.mmu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import dev.jppc.mmu.track.DirtyPageTracker;

/**
 * Guest physical RAM: off-heap, starting at guest physical address 0.
 *
 * <p>RAM is split into chunks of at most 1 GiB because an Agrona buffer is indexed by an {@code int}. Every
 * public accessor checks the guest physical address against the RAM size itself before touching a buffer:
 * a guest-supplied address must never reach off-heap memory unchecked. A caller that wants to turn an
 * out-of-range address into a guest machine check asks {@link #contains(long, int)} first; the accessors
 * throw {@link IllegalArgumentException} on a bad address, which is a bug in the caller.
 *
 * <p>Multi-byte accessors take the byte order explicitly: data follows MSR[LE], while HPTEs and PAPR/RTAS
 * structures in memory are always big-endian.
 */
public final class GuestMemory {

    /** log2 of the chunk size. */
    public static final int CHUNK_SHIFT = 30;
    /** Bytes in one chunk (1 GiB). */
    public static final long CHUNK_SIZE = 1L << CHUNK_SHIFT;
    private static final long CHUNK_MASK = CHUNK_SIZE - 1;
    /** RAM sizes are whole 64 KiB pages, the largest base page Linux uses. */
    public static final long GRANULE = 64 * 1024;
    /** The largest RAM jppc accepts. */
    public static final long MAX_SIZE = 64L << 30;

    /** Granularity of code watching: the TLB's 4 KiB page. */
    public static final int CODE_PAGE_SHIFT = 12;

    private final long size;
    private final UnsafeBuffer[] chunks;
    /** One bit per 4 KiB page whose contents a translator has turned into code (see {@link #watchCode}). */
    private final long[] codePages;
    private int watchedPages;
    private CodeWatcher codeWatcher;
    /** Hears of every write through this class (devices, hypercalls, loaders, the CPU's slow path); or null. */
    private DirtyPageTracker dirtyLog;

    /**
     * Told when RAM that holds translated code is written through this class, so translations of the old
     * contents can be dropped before anything executes them again.
     */
    public interface CodeWatcher {
        /** The 4 KiB page at {@code pageAddress} was written; it is no longer watched. */
        void codeWritten(long pageAddress);
    }

    public GuestMemory(final long size) {
        if (size <= 0 || size > MAX_SIZE || (size % GRANULE) != 0) {
            throw new IllegalArgumentException(
                "RAM size must be a positive multiple of 64 KiB up to 64 GiB, not " + size);
        }
        this.size = size;
        final int count = (int) ((size + CHUNK_SIZE - 1) >>> CHUNK_SHIFT);
        chunks = new UnsafeBuffer[count];
        for (int i = 0; i < count; i++) {
            final long chunkBytes = Math.min(CHUNK_SIZE, size - ((long) i << CHUNK_SHIFT));
            chunks[i] = new UnsafeBuffer(ByteBuffer.allocateDirect((int) chunkBytes));
        }
        codePages = new long[(int) ((size >>> CODE_PAGE_SHIFT) + 63) >>> 6];
    }

    // ---- code watching ------------------------------------------------------------------------------

    /** Sets who hears of writes to watched pages (one translator per machine). */
    public void setCodeWatcher(final CodeWatcher watcher) {
        codeWatcher = watcher;
    }

    /**
     * Reports every write through this class to {@code log} (null: none), so that dirty-page readers (live
     * migration) see what devices, hypercalls and loaders write as well as CPU stores. While no reader is open a
     * write pays a call and one volatile read (the tracker's reader list). The CPU's fast stores through the store
     * TLB bypass this class; the MMU marks their page when it installs the entry (see {@link DirtyPageTracker}).
     */
    public void setDirtyLog(final DirtyPageTracker log) {
        dirtyLog = log;
    }

    /** The tracker writes are reported to, or null. */
    public DirtyPageTracker dirtyLog() {
        return dirtyLog;
    }

    /**
     * Watches the 4 KiB page holding {@code pa}: the next write to it through this class calls the
     * {@link CodeWatcher}. Writes that bypass this class (CPU stores through the store TLB) must not be possible
     * for watched pages: the MMU installs no store-TLB entry for them and the caller flushes existing ones.
     */
    public void watchCode(final long pa) {
        final long page = pa >>> CODE_PAGE_SHIFT;
        final long bit = 1L << page;
        final int word = (int) (page >>> 6);
        if ((codePages[word] & bit) == 0) {
            codePages[word] |= bit;
            watchedPages++;
        }
    }

    /** Whether the 4 KiB page holding {@code pa} is watched; {@code pa} must lie in RAM. */
    public boolean isCode(final long pa) {
        final long page = pa >>> CODE_PAGE_SHIFT;
        return watchedPages != 0 && (codePages[(int) (page >>> 6)] & (1L << page)) != 0;
    }

    /** Stops watching every page (the translator dropped all its code). */
    public void unwatchAllCode() {
        java.util.Arrays.fill(codePages, 0);
        watchedPages = 0;
    }

    /** Called after every write of {@code [pa, pa + length)}, which is already range-checked. */
    private void written(final long pa, final long length) {
        final DirtyPageTracker log = dirtyLog;
        if (log != null) {
            log.markRange(pa, length);
        }
        if (watchedPages == 0 || length <= 0) {
            return;
        }
        final long last = (pa + length - 1) >>> CODE_PAGE_SHIFT;
        for (long page = pa >>> CODE_PAGE_SHIFT; page <= last; page++) {
            final int word = (int) (page >>> 6);
            final long bit = 1L << page;
            if ((codePages[word] & bit) != 0) {
                codePages[word] &= ~bit;
                watchedPages--;
                if (codeWatcher != null) {
                    codeWatcher.codeWritten(page << CODE_PAGE_SHIFT);
                }
            }
        }
    }

    /** RAM size in bytes. */
    public long size() {
        return size;
    }

    /** True when {@code [pa, pa + length)} lies wholly inside RAM. */
    public boolean contains(final long pa, final int length) {
        return pa >= 0 && length >= 0 && pa <= size - length;
    }

    /** The number of chunks. */
    public int chunkCount() {
        return chunks.length;
    }

    /**
     * The buffer holding chunk {@code index}: for fast paths that have already range-checked a whole page
     * (pages never straddle a chunk, since chunks are 1 GiB aligned).
     */
    public UnsafeBuffer chunk(final int index) {
        return chunks[index];
    }

    public byte getByte(final long pa) {
        check(pa, 1);
        return chunks[(int) (pa >>> CHUNK_SHIFT)].getByte((int) (pa & CHUNK_MASK));
    }

    public void putByte(final long pa, final byte value) {
        check(pa, 1);
        chunks[(int) (pa >>> CHUNK_SHIFT)].putByte((int) (pa & CHUNK_MASK), value);
        written(pa, 1);
    }

    public short getShort(final long pa, final ByteOrder order) {
        check(pa, 2);
        if (sameChunk(pa, 2)) {
            return chunks[(int) (pa >>> CHUNK_SHIFT)].getShort((int) (pa & CHUNK_MASK), order);
        }
        return (short) getAcross(pa, 2, order);
    }

    public void putShort(final long pa, final short value, final ByteOrder order) {
        check(pa, 2);
        if (sameChunk(pa, 2)) {
            chunks[(int) (pa >>> CHUNK_SHIFT)].putShort((int) (pa & CHUNK_MASK), value, order);
        } else {
            putAcross(pa, 2, value, order);
        }
        written(pa, 2);
    }

    public int getInt(final long pa, final ByteOrder order) {
        check(pa, 4);
        if (sameChunk(pa, 4)) {
            return chunks[(int) (pa >>> CHUNK_SHIFT)].getInt((int) (pa & CHUNK_MASK), order);
        }
        return (int) getAcross(pa, 4, order);
    }

    public void putInt(final long pa, final int value, final ByteOrder order) {
        check(pa, 4);
        if (sameChunk(pa, 4)) {
            chunks[(int) (pa >>> CHUNK_SHIFT)].putInt((int) (pa & CHUNK_MASK), value, order);
        } else {
            putAcross(pa, 4, value, order);
        }
        written(pa, 4);
    }

    public long getLong(final long pa, final ByteOrder order) {
        check(pa, 8);
        if (sameChunk(pa, 8)) {
            return chunks[(int) (pa >>> CHUNK_SHIFT)].getLong((int) (pa & CHUNK_MASK), order);
        }
        return getAcross(pa, 8, order);
    }

    public void putLong(final long pa, final long value, final ByteOrder order) {
        check(pa, 8);
        if (sameChunk(pa, 8)) {
            chunks[(int) (pa >>> CHUNK_SHIFT)].putLong((int) (pa & CHUNK_MASK), value, order);
        } else {
            putAcross(pa, 8, value, order);
        }
        written(pa, 8);
    }

    /** Copies {@code length} bytes of RAM at {@code pa} into {@code dst}. */
    public void getBytes(final long pa, final byte[] dst, final int offset, final int length) {
        check(pa, length);
        int done = 0;
        while (done < length) {
            final long at = pa + done;
            final int within = (int) (at & CHUNK_MASK);
            final int n = (int) Math.min(length - done, CHUNK_SIZE - within);
            chunks[(int) (at >>> CHUNK_SHIFT)].getBytes(within, dst, offset + done, n);
            done += n;
        }
    }

    /** Copies {@code length} bytes of {@code src} into RAM at {@code pa}. */
    public void putBytes(final long pa, final byte[] src, final int offset, final int length) {
        check(pa, length);
        int done = 0;
        while (done < length) {
            final long at = pa + done;
            final int within = (int) (at & CHUNK_MASK);
            final int n = (int) Math.min(length - done, CHUNK_SIZE - within);
            chunks[(int) (at >>> CHUNK_SHIFT)].putBytes(within, src, offset + done, n);
            done += n;
        }
        written(pa, length);
    }

    /** Fills {@code [pa, pa + length)} with {@code value}. */
    public void fill(final long pa, final long length, final byte value) {
        if (pa < 0 || length < 0 || pa > size - length) {
            throw outOfRange(pa, length);
        }
        long done = 0;
        while (done < length) {
            final long at = pa + done;
            final int within = (int) (at & CHUNK_MASK);
            final int n = (int) Math.min(length - done, CHUNK_SIZE - within);
            chunks[(int) (at >>> CHUNK_SHIFT)].setMemory(within, n, value);
            done += n;
        }
        written(pa, length);
    }

    private void check(final long pa, final int length) {
        if (!contains(pa, length)) {
            throw outOfRange(pa, length);
        }
    }

    private IllegalArgumentException outOfRange(final long pa, final long length) {
        return new IllegalArgumentException(String.format(
            "guest physical access of %d bytes at 0x%x is outside RAM of 0x%x bytes", length, pa, size));
    }

    private static boolean sameChunk(final long pa, final int length) {
        return (pa >>> CHUNK_SHIFT) == ((pa + length - 1) >>> CHUNK_SHIFT);
    }

    private long getAcross(final long pa, final int length, final ByteOrder order) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            final long b = getByte(pa + i) & 0xFFL;
            value |= order == ByteOrder.BIG_ENDIAN ? b << (8 * (length - 1 - i)) : b << (8 * i);
        }
        return value;
    }

    private void putAcross(final long pa, final int length, final long value, final ByteOrder order) {
        for (int i = 0; i < length; i++) {
            final int shift = order == ByteOrder.BIG_ENDIAN ? 8 * (length - 1 - i) : 8 * i;
            putByte(pa + i, (byte) (value >>> shift));
        }
    }
}
