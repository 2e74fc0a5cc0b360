package dev.jppc.mmu.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.track.ChangeTracker;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A view over the bytes of a hashed page table: either a region of guest RAM (bare machine: SDR1 names it) or a
 * buffer the hypervisor owns (pseries: {@code 2^ibm,pft-size} bytes the guest cannot address). Entries are 16
 * bytes, two big-endian doublewords {@code v} and {@code r}, whatever MSR[LE] says (hash-mmu.md §6).
 *
 * <h2>Entries are never read torn</h2>
 * Every PTE group (8 entries, 128 bytes) has a sequence counter, kept beside the table. A writer takes the group
 * by moving its counter from even to odd with a compare-and-set (so writers on several threads exclude each
 * other), writes, then releases it by storing the next even value. {@link #readEntry} (any thread) reads the
 * counter, the two doublewords, then the counter again after an acquire fence, and retries while the counter was
 * odd or moved. The translation's own search reads each group the same way. All writes go through this class:
 * {@link #writeEntry}, {@link #updateR}, {@link #compareAndSetEntry}, the MMU's R/C update, and (bare machine)
 * guest stores into the table, which the CPU brackets with {@link #beginGuestStore}/{@link #endGuestStore}
 * (see {@code HashMmu.storeReal}).
 *
 * <h2>Change tracking</h2>
 * Every write marks the index of each entry it touched in {@link #changes()} after releasing the group, so an
 * HTAB fd, snapshot or migration reader consumes a mark and then reads the entry with {@link #readEntry}: it sees
 * the write that marked it or a later one, and a write after the consume marks it again.
 *
 * <h2>Entry kinds, for bulk readers</h2>
 * Beside each group's counter the table keeps two bits per entry, written under the group's counter by every write
 * above: <em>plain valid</em> (V set, neither hypervisor-private bit, reserved bit 62 of {@code r} clear: an entry a
 * reader can pass on as it is) and <em>invalid</em> (neither V nor a hypervisor-private bit). A bulk reader (an
 * HTAB fd's first pass) finds its runs from these bits, 64 entries per word read, instead of examining each entry's
 * bytes: {@link #copyValidRun} and {@link #invalidRun}. Entries of neither kind (host bits) are left to
 * {@link #readEntry}. The bits rely on the rule above that every write goes through this class.
 *
 * <h2>TLBs</h2>
 * This class does not know the CPUs' TLBs. Whoever removes or weakens a translation (H_REMOVE, H_PROTECT,
 * H_CLEAR_REF/H_CLEAR_MOD, HTAB fd writes, restore) must then flush them ({@code HashMmu.flushAll()}). Adding an
 * entry needs no flush: misses are never cached.
 */
public final class HashPageTable {

    /** Smallest table the architecture allows (256 KiB); SDR1 and ibm,pft-size never go below. */
    public static final int ARCH_MIN_LOG2_SIZE = 18;
    /** Smallest table this class accepts: one group, for tests. */
    public static final int MIN_LOG2_SIZE = 7;
    /** Largest table: 1 GiB (64 Mi entries), which still fits one RAM chunk and an int index. */
    public static final int MAX_LOG2_SIZE = 30;
    /** {@link #realBase()} of a hypervisor-owned table. */
    public static final long NOT_IN_GUEST_MEMORY = -1L;

    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(int[].class);
    /** Entries a bulk copy checks with one pass over the group counters (16 KiB, 128 groups). */
    private static final int BULK_ENTRIES = 4096;
    /** Per reader thread: the group counters a bulk read saw before it copied (see {@link #counterSnapshot}). */
    private static final ThreadLocal<int[]> SNAPSHOTS = ThreadLocal.withInitial(() -> new int[BULK_ENTRIES / 8]);
    /** Runs up to this many entries are copied doubleword by doubleword. */
    private static final int SHORT_COPY_ENTRIES = 4;
    /** Entries {@link #copyValidRun} looks at before it decides how many groups to check. */
    private static final int PEEK_ENTRIES = 16;
    /** A kind byte with every entry of the group set. */
    private static final byte ALL_ENTRIES = (byte) 0xFF;
    /** Kind bytes of {@link #BULK_ENTRIES} entries all set, to compare runs of groups with. */
    private static final byte[] ALL_ONES = allOnes(BULK_ENTRIES / Hpte.PER_GROUP + 1);
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private final UnsafeBuffer buffer;
    private final int base;
    private final long realBase;
    private final int log2Size;
    private final int entryCount;
    private final int groupMask;
    private final int[] sequence;
    /** One byte per group, bit {@code i & 7} for entry {@code i} (see the class comment). */
    private final byte[] plainValid;
    private final byte[] invalid;
    private final ChangeTracker changes;

    private HashPageTable(final UnsafeBuffer buffer, final int base, final long realBase, final int log2Size,
                          final boolean zeroed) {
        this.buffer = buffer;
        this.base = base;
        this.realBase = realBase;
        this.log2Size = log2Size;
        entryCount = 1 << (log2Size - 4);
        groupMask = (1 << (log2Size - 7)) - 1;
        sequence = new int[groupMask + 1];
        plainValid = new byte[groupMask + 1];
        invalid = new byte[groupMask + 1];
        if (zeroed) {
            Arrays.fill(invalid, ALL_ENTRIES);
        } else {
            for (int group = 0; group <= groupMask; group++) {
                classifyGroup(group);
            }
        }
        changes = new ChangeTracker(entryCount);
    }

    /**
     * A zeroed table of {@code 2^log2Size} bytes owned by the hypervisor (pseries). Sizes below
     * {@link #ARCH_MIN_LOG2_SIZE} exist for tests.
     */
    public static HashPageTable allocate(final int log2Size) {
        checkSize(log2Size);
        final UnsafeBuffer bytes = new UnsafeBuffer(ByteBuffer.allocateDirect(1 << log2Size));
        return new HashPageTable(bytes, 0, NOT_IN_GUEST_MEMORY, log2Size, true);
    }

    /**
     * A view over {@code 2^log2Size} bytes of guest RAM at real address {@code realBase} (bare machine). The
     * table must lie wholly inside RAM and inside one RAM chunk (always true for a table aligned to its size, as
     * the architecture requires).
     *
     * @throws IllegalArgumentException when the table does not fit; the MMU then reports a machine check
     */
    public static HashPageTable inGuestMemory(final GuestMemory memory, final long realBase, final int log2Size) {
        checkSize(log2Size);
        final long bytes = 1L << log2Size;
        if (!memory.contains(realBase, (int) bytes)
            || (realBase >>> GuestMemory.CHUNK_SHIFT) != ((realBase + bytes - 1) >>> GuestMemory.CHUNK_SHIFT)) {
            throw new IllegalArgumentException(String.format(
                "hashed page table of 0x%x bytes at 0x%x does not fit in RAM of 0x%x bytes", bytes, realBase,
                memory.size()));
        }
        final UnsafeBuffer chunk = memory.chunk((int) (realBase >>> GuestMemory.CHUNK_SHIFT));
        return new HashPageTable(chunk, (int) (realBase & (GuestMemory.CHUNK_SIZE - 1)), realBase, log2Size, false);
    }

    private static byte[] allOnes(final int length) {
        final byte[] ones = new byte[length];
        Arrays.fill(ones, ALL_ENTRIES);
        return ones;
    }

    private static void checkSize(final int log2Size) {
        if (log2Size < MIN_LOG2_SIZE || log2Size > MAX_LOG2_SIZE) {
            throw new IllegalArgumentException("hashed page table size must be 2^" + MIN_LOG2_SIZE + "..2^"
                + MAX_LOG2_SIZE + " bytes, not 2^" + log2Size);
        }
    }

    /** log2 of the table size in bytes (the HTAB stream's "HPT shift"). */
    public int log2Size() {
        return log2Size;
    }

    /** Table size in bytes. */
    public long sizeBytes() {
        return 1L << log2Size;
    }

    /** Number of entries ({@code npte}). */
    public int entryCount() {
        return entryCount;
    }

    /** Number of groups minus one: the hash mask. */
    public int groupMask() {
        return groupMask;
    }

    /** True when the table lives in guest RAM (bare machine). */
    public boolean isInGuestMemory() {
        return realBase != NOT_IN_GUEST_MEMORY;
    }

    /** Real address of the table in guest RAM, or {@link #NOT_IN_GUEST_MEMORY}. */
    public long realBase() {
        return realBase;
    }

    /** True when guest real range {@code [ra, ra + length)} overlaps a table in guest RAM. */
    public boolean overlaps(final long ra, final long length) {
        return realBase != NOT_IN_GUEST_MEMORY && ra < realBase + sizeBytes() && ra + length > realBase;
    }

    /** The per-entry change tracker: open readers here (HTAB fd, snapshot, migration). */
    public ChangeTracker changes() {
        return changes;
    }

    /**
     * First doubleword of entry {@code index}, plain read: for the thread that writes the table (the CPU or
     * hypervisor thread). Other threads use {@link #readEntry}.
     */
    public long v(final int index) {
        checkIndex(index);
        return buffer.getLong(entryOffset(index), BIG);
    }

    /** Second doubleword of entry {@code index}, plain read (see {@link #v}). */
    public long r(final int index) {
        checkIndex(index);
        return buffer.getLong(entryOffset(index) + 8, BIG);
    }

    /**
     * Reads entry {@code index} from any thread, never torn: {@code dst[at] = v}, {@code dst[at + 1] = r}.
     */
    public void readEntry(final int index, final long[] dst, final int at) {
        checkIndex(index);
        final int group = index >>> 3;
        final int offset = entryOffset(index);
        while (true) {
            final int before = beginRead(group);
            final long v = buffer.getLong(offset, BIG);
            final long r = buffer.getLong(offset + 8, BIG);
            if (endRead(group, before)) {
                dst[at] = v;
                dst[at + 1] = r;
                return;
            }
        }
    }

    /**
     * Copies entries {@code [first, first + count)} as the table holds them (16 big-endian bytes each) to
     * {@code dst[offset, offset + 16 * count)}, from any thread. Each group's part comes from one untorn snapshot of
     * that group. Without interfering writers this is one memory copy plus two reads of each group's counter: the
     * counters are read before and after the copy, and the copy stands when they were all even and their sum did
     * not move (counters only grow, so an equal sum means no group changed; a counter would have to wrap through
     * 2^32 writes during one copy to fool it). Otherwise the groups are copied again one by one, as
     * {@link #readEntry} reads. For bulk readers (an HTAB fd's first pass), which would otherwise pay one counter
     * check per entry.
     */
    public void copyEntries(final int first, final int count, final MutableDirectBuffer dst, final int offset) {
        if (count == 0) {
            return;
        }
        if (count < 0 || first < 0 || first > entryCount - count) {
            throw new IllegalArgumentException("HPTE range " + first + "+" + count + " outside 0.." + (entryCount - 1));
        }
        final int firstGroup = first >>> 3;
        final int lastGroup = (first + count - 1) >>> 3;
        final int[] before = counterSnapshot(firstGroup, lastGroup);
        VarHandle.acquireFence();
        dst.putBytes(offset, buffer, entryOffset(first), count * Hpte.BYTES);
        VarHandle.acquireFence();
        if (unchangedSince(before, firstGroup, lastGroup)) {
            return;
        }
        for (int group = firstGroup; group <= lastGroup; group++) {
            final int from = Math.max(first, group << 3);
            final int to = Math.min(first + count, (group + 1) << 3);
            while (true) {
                final int seq = beginRead(group);
                dst.putBytes(offset + (from - first) * Hpte.BYTES, buffer, entryOffset(from), (to - from) * Hpte.BYTES);
                if (endRead(group, seq)) {
                    break;
                }
            }
        }
    }

    /**
     * Copies the entries from {@code first} on while they are plain valid (see the class comment), at most
     * {@code max}, to {@code dst[offset..]} as the table holds them; returns how many. Each group's part comes from
     * one untorn snapshot of the group in which those entries were plain valid; the entry after the run was not
     * plain valid when looked at (or a racing write made the run stop early, which is always allowed). Costs one
     * memory copy plus a read of the group counters per 1024 entries, from any thread.
     */
    public int copyValidRun(final int first, final int max, final MutableDirectBuffer dst, final int offset) {
        checkRange(first, max);
        int done = 0;
        while (done < max) {
            final int from = first + done;
            final int limit = Math.min(max - done, BULK_ENTRIES);
            // A look at the first groups: a short run checks the counters of its own groups only.
            final int peek = kindRun(plainValid, from, Math.min(limit, PEEK_ENTRIES));
            if (peek == 0) {
                break;
            }
            final int wanted = peek < Math.min(limit, PEEK_ENTRIES) ? peek : limit;
            final int copied = copyValidBulk(from, wanted, dst, offset + done * Hpte.BYTES);
            done += copied;
            if (copied < wanted) {
                break;
            }
        }
        return done;
    }

    /**
     * The number of entries from {@code first} on, at most {@code max}, that are plain valid, as their last writes
     * left them (no snapshot: to pass entries on, use {@link #copyValidRun}).
     */
    public int plainValidRun(final int first, final int max) {
        checkRange(first, max);
        return kindRun(plainValid, first, max);
    }

    /**
     * The number of entries from {@code first} on, at most {@code max}, that are invalid (neither V nor a
     * hypervisor-private bit), as their last writes left them: a write racing with this call may or may not be seen
     * (a reader that needs more consumes the entry's change mark and uses {@link #readEntry}).
     */
    public int invalidRun(final int first, final int max) {
        checkRange(first, max);
        return kindRun(invalid, first, max);
    }

    /**
     * The bulk case of {@link #copyValidRun}: {@code count} entries looked plain valid; copy what still is. Runs over
     * more than two groups check all their counters at once; shorter ones, and a bulk copy that raced with a writer,
     * go group by group as {@link #readEntry} reads.
     */
    private int copyValidBulk(final int from, final int count, final MutableDirectBuffer dst, final int offset) {
        final int firstGroup = from >>> 3;
        final int lastGroup = (from + count - 1) >>> 3;
        if (lastGroup - firstGroup >= 2) {
            final int[] before = counterSnapshot(firstGroup, lastGroup);
            VarHandle.acquireFence();
            final int bulkRun = kindRun(plainValid, from, count);
            dst.putBytes(offset, buffer, entryOffset(from), bulkRun * Hpte.BYTES);
            VarHandle.acquireFence();
            if (unchangedSince(before, firstGroup, lastGroup)) {
                return bulkRun;
            }
        }
        int done = 0;
        while (done < count) {
            final int at = from + done;
            final int group = at >>> 3;
            final int part = Math.min(count - done, ((group + 1) << 3) - at);
            int run;
            while (true) {
                final int seq = beginRead(group);
                run = kindRun(plainValid, at, part);
                copyRaw(at, run, dst, offset + done * Hpte.BYTES);
                if (endRead(group, seq)) {
                    break;
                }
            }
            done += run;
            if (run < part) {
                break;
            }
        }
        return done;
    }

    /** Copies entries as they are; a few doublewords cost less than a call to the memory copy. */
    private void copyRaw(final int first, final int count, final MutableDirectBuffer dst, final int offset) {
        if (count > SHORT_COPY_ENTRIES) {
            dst.putBytes(offset, buffer, entryOffset(first), count * Hpte.BYTES);
            return;
        }
        final int from = entryOffset(first);
        for (int k = 0; k < count * 2; k++) {
            dst.putLong(offset + 8 * k, buffer.getLong(from + 8 * k));
        }
    }

    /**
     * The counters of groups {@code [firstGroup, lastGroup]} with bit 0 cleared, read plainly into this thread's
     * snapshot array: the first half of a seqlock read of many groups at once (see {@link #unchangedSince}). Callers
     * order these reads before their data reads with an acquire fence. Two vectorised passes (this loop and
     * {@link Arrays#mismatch}) cost far less than testing each counter on its own; the array is reused because
     * fresh memory for every call costs more than the copy it guards.
     */
    private int[] counterSnapshot(final int firstGroup, final int lastGroup) {
        final int[] counters = sequence;
        final int groups = lastGroup - firstGroup + 1;
        int[] snapshot = SNAPSHOTS.get();
        if (snapshot.length < groups) {
            snapshot = new int[groups];
            SNAPSHOTS.set(snapshot);
        }
        for (int k = 0; k < groups; k++) {
            snapshot[k] = counters[firstGroup + k] & ~1;
        }
        return snapshot;
    }

    /**
     * The second half: true when no group of {@code [firstGroup, lastGroup]} was being written when the snapshot was
     * taken and none changed since. A counter that was odd (a writer held the group) differs from its cleared copy
     * even if it did not move; counters only grow, so an equal one means the group was not written (it would have
     * to wrap through 2^32 writes meanwhile to fool this). Callers order their data reads before this with an
     * acquire fence.
     */
    private boolean unchangedSince(final int[] snapshot, final int firstGroup, final int lastGroup) {
        final int groups = lastGroup - firstGroup + 1;
        return Arrays.mismatch(sequence, firstGroup, lastGroup + 1, snapshot, 0, groups) < 0;
    }

    /** How many entries from {@code from} on, at most {@code max}, have their bit set in {@code kinds}. */
    private static int kindRun(final byte[] kinds, final int from, final int max) {
        if (max == 0) {
            return 0;
        }
        final int end = from + max;
        // The rest of the first group from the entry's bit on (the bits above it shift in as 0), then whole groups
        // by a vectorised compare of their kind bytes with all-ones.
        int at = from + Integer.numberOfTrailingZeros(~((kinds[from >>> 3] & 0xFF) >>> (from & 7)));
        while ((at & 7) == 0 && at < end) {
            final int group = at >>> 3;
            final int groups = Math.min(((end - 1) >>> 3) - group + 1, ALL_ONES.length);
            final int mismatch = Arrays.mismatch(kinds, group, group + groups, ALL_ONES, 0, groups);
            if (mismatch >= 0) {
                at = ((group + mismatch) << 3) + Integer.numberOfTrailingZeros(~kinds[group + mismatch]);
                break;
            }
            at += groups << 3;
        }
        return Math.min(at, end) - from;
    }

    /** Records entry {@code index}'s kind after a write of (v, r); the caller holds its group. */
    private void classify(final int index, final long v, final long r) {
        final int group = index >>> 3;
        final int bit = 1 << (index & 7);
        final long flags = v & (Hpte.V_VALID | Hpte.V_HYPERVISOR_PRIVATE);
        final boolean isPlain = flags == Hpte.V_VALID && (r & Hpte.R_RESERVED_TS) == 0;
        plainValid[group] = (byte) (isPlain ? plainValid[group] | bit : plainValid[group] & ~bit);
        invalid[group] = (byte) (flags == 0 ? invalid[group] | bit : invalid[group] & ~bit);
    }

    /** Records the kinds of group {@code group}'s entries from the table's bytes; the caller holds the group. */
    private void classifyGroup(final int group) {
        for (int index = group << 3; index < (group + 1) << 3; index++) {
            final int offset = entryOffset(index);
            classify(index, buffer.getLong(offset, BIG), buffer.getLong(offset + 8, BIG));
        }
    }

    private void checkRange(final int first, final int count) {
        if (count < 0 || first < 0 || first > entryCount - count) {
            throw new IllegalArgumentException("HPTE range " + first + "+" + count + " outside 0.." + (entryCount - 1));
        }
    }

    /** Writes entry {@code index} (r first, then v) atomically for readers, and marks it changed. */
    public void writeEntry(final int index, final long v, final long r) {
        checkIndex(index);
        final int group = index >>> 3;
        final int offset = entryOffset(index);
        final int locked = lock(group);
        buffer.putLong(offset + 8, r, BIG);
        buffer.putLong(offset, v, BIG);
        classify(index, v, r);
        unlock(group, locked);
        changes.mark(index);
    }

    /**
     * Replaces entry {@code index} with (v, r) only if its first doubleword is {@code expectedV}; marks it changed
     * when it did. Returns whether it replaced.
     */
    public boolean compareAndSetEntry(final int index, final long expectedV, final long v, final long r) {
        checkIndex(index);
        final int group = index >>> 3;
        final int offset = entryOffset(index);
        final int locked = lock(group);
        final boolean matches = buffer.getLong(offset, BIG) == expectedV;
        if (matches) {
            buffer.putLong(offset + 8, r, BIG);
            buffer.putLong(offset, v, BIG);
            classify(index, v, r);
        }
        unlock(group, locked);
        if (matches) {
            changes.mark(index);
        }
        return matches;
    }

    /**
     * Sets {@code r = (r & ~clear) | set} for entry {@code index} atomically; returns the old r. Marks the entry
     * changed when r changed (call {@link #markChanged} as well where a hypercall must report an unchanged
     * entry, e.g. H_PROTECT).
     */
    public long updateR(final int index, final long clear, final long set) {
        checkIndex(index);
        final int group = index >>> 3;
        final int offset = entryOffset(index) + 8;
        final int locked = lock(group);
        final long old = buffer.getLong(offset, BIG);
        final long updated = (old & ~clear) | set;
        if (updated != old) {
            buffer.putLong(offset, updated, BIG);
            classify(index, buffer.getLong(offset - 8, BIG), updated);
        }
        unlock(group, locked);
        if (updated != old) {
            changes.mark(index);
        }
        return old;
    }

    /** Marks entry {@code index} changed without writing it. */
    public void markChanged(final int index) {
        checkIndex(index);
        changes.mark(index);
    }

    /** Marks the 8 entries of group {@code group} changed. */
    public void markGroupChanged(final int group) {
        changes.markRange((group & groupMask) << 3, Hpte.PER_GROUP);
    }

    /** Zeroes every entry and marks them all changed (restore of a fresh table, HPT reset). */
    public void clear() {
        for (int group = 0; group <= groupMask; group++) {
            final int locked = lock(group);
            buffer.setMemory(base + group * Hpte.GROUP_BYTES, Hpte.GROUP_BYTES, (byte) 0);
            plainValid[group] = 0;
            invalid[group] = ALL_ENTRIES;
            unlock(group, locked);
        }
        changes.markRange(0, entryCount);
    }

    /**
     * Bare machine: call before the CPU stores {@code length} bytes at real address {@code ra} when the range
     * {@link #overlaps} the table; takes the groups it touches so readers never see half a store. Must be paired
     * with {@link #endGuestStore} on the same thread, with nothing but the store in between.
     */
    public void beginGuestStore(final long ra, final int length) {
        if (!overlaps(ra, length)) {
            return;
        }
        final int first = firstGroup(ra);
        final int last = lastGroup(ra, length);
        for (int group = first; group <= last; group++) {
            lock(group);
        }
    }

    /** Bare machine: releases the groups {@link #beginGuestStore} took and marks the entries written as changed. */
    public void endGuestStore(final long ra, final int length) {
        if (!overlaps(ra, length)) {
            return;
        }
        final int first = firstGroup(ra);
        final int last = lastGroup(ra, length);
        for (int group = first; group <= last; group++) {
            final int locked = (int) SEQUENCE.getVolatile(sequence, group);
            classifyGroup(group);
            unlock(group, locked);
        }
        final long start = Math.max(ra, realBase);
        final long end = Math.min(ra + length, realBase + sizeBytes());
        final int firstEntry = (int) ((start - realBase) >>> 4);
        final int lastEntry = (int) ((end - 1 - realBase) >>> 4);
        changes.markRange(firstEntry, lastEntry - firstEntry + 1);
    }

    /** The MMU's R/C update: sets R (byte 14) and/or C (byte 15) with byte stores, as the hardware does. */
    void setReferenceChange(final int index, final long bits) {
        final int group = index >>> 3;
        final int offset = entryOffset(index);
        final int locked = lock(group);
        if ((bits & Hpte.R_REFERENCED) != 0) {
            final int at = offset + Hpte.R_BYTE_OFFSET;
            buffer.putByte(at, (byte) (buffer.getByte(at) | 0x01));
        }
        if ((bits & Hpte.R_CHANGED) != 0) {
            final int at = offset + Hpte.C_BYTE_OFFSET;
            buffer.putByte(at, (byte) (buffer.getByte(at) | 0x80));
        }
        unlock(group, locked);
        changes.mark(index);
    }

    /** Plain read of a doubleword inside the table by its byte offset from the table start (the MMU search). */
    long rawLong(final int tableOffset) {
        return buffer.getLong(base + tableOffset, BIG);
    }

    /** Starts a consistent read of a group: returns the even counter to pass to {@link #endRead}. */
    int beginRead(final int group) {
        while (true) {
            final int seq = (int) SEQUENCE.getAcquire(sequence, group);
            if ((seq & 1) == 0) {
                return seq;
            }
            Thread.onSpinWait();
        }
    }

    /** True when the group did not change since {@link #beginRead} returned {@code before}. */
    boolean endRead(final int group, final int before) {
        VarHandle.acquireFence();
        return (int) SEQUENCE.getVolatile(sequence, group) == before;
    }

    private int lock(final int group) {
        while (true) {
            final int seq = (int) SEQUENCE.getVolatile(sequence, group);
            if ((seq & 1) == 0 && SEQUENCE.compareAndSet(sequence, group, seq, seq + 1)) {
                return seq + 1;
            }
            Thread.onSpinWait();
        }
    }

    private void unlock(final int group, final int locked) {
        SEQUENCE.setRelease(sequence, group, locked + 1);
    }

    private int firstGroup(final long ra) {
        return (int) ((Math.max(ra, realBase) - realBase) >>> 7);
    }

    private int lastGroup(final long ra, final int length) {
        final long end = Math.min(ra + length, realBase + sizeBytes());
        return (int) ((end - 1 - realBase) >>> 7);
    }

    private int entryOffset(final int index) {
        return base + (index << 4);
    }

    private void checkIndex(final int index) {
        if (index < 0 || index >= entryCount) {
            throw new IllegalArgumentException("HPTE index " + index + " outside 0.." + (entryCount - 1));
        }
    }
}
