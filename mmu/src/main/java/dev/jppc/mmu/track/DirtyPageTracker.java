package dev.jppc.mmu.track;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Dirty RAM pages (4 KiB or 64 KiB granules) for snapshots and live migration, with any number of independent
 * readers ({@link ChangeReader}, one bit per page).
 *
 * <h2>Who marks</h2>
 * The CPU's fast store path does not mark per store. Instead a page is marked when a store-TLB entry for it is
 * installed (and by every store that takes the slow path); devices and the hypervisor mark what they write into
 * RAM with {@link #markRange}. A store TLB entry installed before a reader consumed a page's mark would let
 * later stores slip by unmarked, so readers make every CPU drop its store-TLB entries before they copy.
 *
 * <h2>Reader protocol (one round)</h2>
 * <ol>
 *   <li>Consume the marks ({@link ChangeReader#drain} or {@code nextChanged}+{@code consume}): the set D.</li>
 *   <li>{@code g = requestStoreTlbFlush()}, then {@code awaitStoreTlbFlush(g, timeout)}: every registered CPU
 *       has flushed its store TLB at an instruction boundary (or is parked with an empty store TLB).</li>
 *   <li>Copy the pages of D.</li>
 * </ol>
 * Why nothing is lost: a store lands either through the slow path (marked at that store), or through a store-TLB
 * entry installed at time i, which marked the page at i. The first round whose step 1 consumes that mark after i
 * puts the page in its D; the entry cannot outlive that round's step 2, so the store happened before step 3
 * copies the page. The final stop-and-copy round runs with the CPUs parked.
 *
 * <h2>CPU side</h2>
 * Each CPU (its {@code HashMmu}) {@link #registerCpu() registers} once, then at its regular interrupt-check
 * points compares {@link #flushRequested()} with the generation it last acknowledged; if newer, it flushes its
 * store TLB and calls {@link #acknowledgeFlush}. A CPU that stops running flushes its store TLB and
 * {@link #park parks} (readers stop waiting for it); it {@link #unpark unparks} before running again.
 */
public final class DirtyPageTracker {

    /** The most CPUs that can register. */
    public static final int MAX_CPUS = 256;
    private static final long PARKED = Long.MAX_VALUE;

    private final long ramSize;
    private final int pageShift;
    private final ChangeTracker pages;
    private final AtomicLong flushRequested = new AtomicLong();
    private final AtomicLongArray flushAcknowledged = new AtomicLongArray(MAX_CPUS);
    private int cpuCount;

    /**
     * Tracks {@code ramSize} bytes of RAM in granules of {@code 1 << pageShift} bytes (12 or 16).
     */
    public DirtyPageTracker(final long ramSize, final int pageShift) {
        if (pageShift != 12 && pageShift != 16) {
            throw new IllegalArgumentException("dirty page shift must be 12 or 16, not " + pageShift);
        }
        final long count = (ramSize + (1L << pageShift) - 1) >>> pageShift;
        if (ramSize <= 0 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot track dirty pages of " + ramSize + " bytes of RAM");
        }
        this.ramSize = ramSize;
        this.pageShift = pageShift;
        pages = new ChangeTracker((int) count);
    }

    /** log2 of the granule. */
    public int pageShift() {
        return pageShift;
    }

    /** Number of granules. */
    public int pageCount() {
        return pages.size();
    }

    /** Real address of granule {@code page}. */
    public long pageAddress(final int page) {
        return (long) page << pageShift;
    }

    /** Marks the granule holding real address {@code pa}; addresses outside RAM are ignored. */
    public void mark(final long pa) {
        if (pa >= 0 && pa < ramSize) {
            pages.mark((int) (pa >>> pageShift));
        }
    }

    /** Marks every granule touched by {@code [pa, pa + length)}, clipped to RAM. */
    public void markRange(final long pa, final long length) {
        if (length <= 0 || !pages.hasReaders()) {
            return;
        }
        final long start = Math.max(pa, 0);
        final long end = Math.min(pa + length, ramSize);
        if (start >= end) {
            return;
        }
        final int first = (int) (start >>> pageShift);
        final int last = (int) ((end - 1) >>> pageShift);
        pages.markRange(first, last - first + 1);
    }

    /** Opens a reader; with {@code allDirty} every page starts marked (a first full copy). */
    public ChangeReader openReader(final boolean allDirty) {
        return pages.openReader(allDirty);
    }

    /** The underlying per-granule tracker. */
    public ChangeTracker changes() {
        return pages;
    }

    /** Registers a CPU that keeps a store TLB; it starts running (not parked). Returns its slot. */
    public synchronized int registerCpu() {
        if (cpuCount == MAX_CPUS) {
            throw new IllegalStateException("more than " + MAX_CPUS + " CPUs registered for dirty tracking");
        }
        final int slot = cpuCount;
        flushAcknowledged.set(slot, flushRequested.get());
        cpuCount = slot + 1;
        return slot;
    }

    /** The newest flush generation readers asked for (one volatile read, for the CPU's check points). */
    public long flushRequested() {
        return flushRequested.get();
    }

    /** CPU side: its store TLB was flushed after it saw {@code generation}. */
    public void acknowledgeFlush(final int slot, final long generation) {
        if (flushAcknowledged.get(slot) != PARKED) {
            flushAcknowledged.set(slot, generation);
        }
    }

    /** CPU side: it has flushed its store TLB and stops running; readers stop waiting for it. */
    public void park(final int slot) {
        flushAcknowledged.set(slot, PARKED);
    }

    /**
     * CPU side: it runs again (its store TLB is still empty from {@link #park}). Returns the generation it now
     * counts as acknowledged.
     */
    public long unpark(final int slot) {
        final long generation = flushRequested.get();
        flushAcknowledged.set(slot, generation);
        return generation;
    }

    /** Reader side: asks every CPU to flush its store TLB; returns the generation to wait for. */
    public long requestStoreTlbFlush() {
        return flushRequested.incrementAndGet();
    }

    /** True when every registered CPU acknowledged {@code generation} or is parked. */
    public boolean isFlushed(final long generation) {
        final int count;
        synchronized (this) {
            count = cpuCount;
        }
        for (int slot = 0; slot < count; slot++) {
            if (flushAcknowledged.get(slot) < generation) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reader side: waits until every registered CPU acknowledged {@code generation} or parked. Returns false on
     * timeout (a CPU that neither runs its check points nor parked) or when interrupted.
     */
    public boolean awaitStoreTlbFlush(final long generation, final long timeout, final TimeUnit unit) {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isFlushed(generation)) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(10_000);
        }
        return true;
    }
}
