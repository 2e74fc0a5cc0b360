package dev.jppc.mmu.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private final UnsafeBuffer buffer;
    private final int base;
    private final long realBase;
    private final int log2Size;
    private final int entryCount;
    private final int groupMask;
    private final int[] sequence;
    private final ChangeTracker changes;

    private HashPageTable(final UnsafeBuffer buffer, final int base, final long realBase, final int log2Size) {
        this.buffer = buffer;
        this.base = base;
        this.realBase = realBase;
        this.log2Size = log2Size;
        entryCount = 1 << (log2Size - 4);
        groupMask = (1 << (log2Size - 7)) - 1;
        sequence = new int[groupMask + 1];
        changes = new ChangeTracker(entryCount);
    }

    /**
     * A zeroed table of {@code 2^log2Size} bytes owned by the hypervisor (pseries). Sizes below
     * {@link #ARCH_MIN_LOG2_SIZE} exist for tests.
     */
    public static HashPageTable allocate(final int log2Size) {
        checkSize(log2Size);
        final UnsafeBuffer bytes = new UnsafeBuffer(ByteBuffer.allocateDirect(1 << log2Size));
        return new HashPageTable(bytes, 0, NOT_IN_GUEST_MEMORY, log2Size);
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
        return new HashPageTable(chunk, (int) (realBase & (GuestMemory.CHUNK_SIZE - 1)), realBase, log2Size);
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
        long before = 0;
        int odd = 0;
        for (int group = firstGroup; group <= lastGroup; group++) {
            final int seq = (int) SEQUENCE.getAcquire(sequence, group);
            before += seq;
            odd |= seq;
        }
        dst.putBytes(offset, buffer, entryOffset(first), count * Hpte.BYTES);
        VarHandle.acquireFence();
        long after = 0;
        for (int group = firstGroup; group <= lastGroup; group++) {
            after += (int) SEQUENCE.getVolatile(sequence, group);
        }
        if ((odd & 1) == 0 && before == after) {
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

    /** Writes entry {@code index} (r first, then v) atomically for readers, and marks it changed. */
    public void writeEntry(final int index, final long v, final long r) {
        checkIndex(index);
        final int group = index >>> 3;
        final int offset = entryOffset(index);
        final int locked = lock(group);
        buffer.putLong(offset + 8, r, BIG);
        buffer.putLong(offset, v, BIG);
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
