package dev.jppc.mmu.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One reader's view of "which indices changed since I last consumed them", for one {@link ChangeTracker}.
 *
 * <p>The set is a hierarchical bitmap: level 0 has one bit per index; every bit of level {@code n + 1} summarises
 * one 64-bit word of level {@code n} ("that word may be non-zero"); the top level is a single word. Finding the
 * next changed index therefore costs a few word reads per change, not a scan of the whole index range, and the
 * entries come out in ascending order (the HTAB fd protocol walks the table in index order).
 *
 * <h2>Concurrency</h2>
 * Writers (any number of threads) call {@link #mark(int)} through the tracker; exactly one thread at a time
 * reads this reader ({@link #nextChanged(int)}, {@link #consume(int)}, {@link #drain(int, int[])}). All bitmap
 * accesses are volatile or atomic read-modify-writes, so they are sequentially consistent with each other:
 * <ul>
 *   <li>A writer sets the level-0 bit (atomic OR), then walks up and sets each summary bit it finds clear.</li>
 *   <li>A reader that finds a summary bit whose word is zero clears the summary bit, then reads the word again
 *       and sets the summary bit back if the word became non-zero meanwhile. Either the writer sees the cleared
 *       summary bit and sets it, or the reader sees the new level-0 bit: no change is ever lost.</li>
 *   <li>The owner of the data writes the new contents <em>before</em> marking, and a reader consumes the mark
 *       (an atomic read-modify-write of the same word the writer's atomic OR touched, so the writer's earlier
 *       writes are visible to it) <em>before</em> reading the contents. A change that races with a consume
 *       either is seen by that read or leaves the bit set for the next round.</li>
 * </ul>
 */
public final class ChangeReader {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final ChangeTracker tracker;
    private final int size;
    /** levels[0] = one bit per index; levels[top] = one word. */
    private final long[][] levels;
    private final int top;
    private long wordsExamined;

    ChangeReader(final ChangeTracker tracker, final int size, final boolean allChanged) {
        this.tracker = tracker;
        this.size = size;
        int count = 1;
        int words = Math.max(1, (size + 63) >>> 6);
        while (words > 1) {
            count++;
            words = (words + 63) >>> 6;
        }
        levels = new long[count][];
        int bits = Math.max(size, 1);
        for (int level = 0; level < count; level++) {
            levels[level] = new long[(bits + 63) >>> 6];
            bits = levels[level].length;
        }
        top = count - 1;
        if (allChanged) {
            markAll();
        }
    }

    /** The number of indices this reader covers (the tracker's size). */
    public int size() {
        return size;
    }

    /**
     * Marks {@code index} as changed for this reader only. Writers go through {@link ChangeTracker#mark(int)};
     * a reader calls this to put back an index it consumed but could not deliver (HTAB fd rule C4).
     */
    public void mark(final int index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " outside 0.." + (size - 1));
        }
        markUnchecked(index);
    }

    void markUnchecked(final int index) {
        final long bit = 1L << (index & 63);
        final long old = (long) WORDS.getAndBitwiseOr(levels[0], index >>> 6, bit);
        if ((old & bit) != 0) {
            return;
        }
        int child = index >>> 6;
        for (int level = 1; level <= top; level++) {
            final long[] words = levels[level];
            final int w = child >>> 6;
            final long summary = 1L << (child & 63);
            if (((long) WORDS.getVolatile(words, w) & summary) != 0) {
                return;
            }
            WORDS.getAndBitwiseOr(words, w, summary);
            child = w;
        }
    }

    /** True when {@code index} is currently marked. */
    public boolean isChanged(final int index) {
        if (index < 0 || index >= size) {
            return false;
        }
        return ((long) WORDS.getVolatile(levels[0], index >>> 6) & (1L << (index & 63))) != 0;
    }

    /**
     * The smallest changed index {@code >= from}, or -1 if none. Does not consume it. Costs a few word reads per
     * changed index skipped to, plus (rarely) one per stale summary bit, which it cleans on the way.
     */
    public int nextChanged(final int from) {
        if (from >= size) {
            return -1;
        }
        int level = 0;
        int position = Math.max(from, 0);
        while (true) {
            final long[] words = levels[level];
            final int w = position >>> 6;
            if (w >= words.length) {
                return -1;
            }
            wordsExamined++;
            final long raw = (long) WORDS.getVolatile(words, w);
            final long word = raw & (-1L << (position & 63));
            if (word == 0) {
                if (level == top) {
                    return -1;
                }
                if (raw == 0) {
                    // The summary bit of an empty word is stale: clean it so later searches skip it.
                    clearStaleSummary(level + 1, w);
                }
                position = w + 1;
                level++;
                continue;
            }
            final int found = (w << 6) | Long.numberOfTrailingZeros(word);
            if (level == 0) {
                return found;
            }
            position = found << 6;
            level--;
        }
    }

    /**
     * Atomically tests and clears the mark of {@code index}; true if it was marked. Consume an index before
     * reading the data it stands for, so that a change made after the read is marked again.
     */
    public boolean consume(final int index) {
        if (index < 0 || index >= size) {
            return false;
        }
        final long bit = 1L << (index & 63);
        return ((long) WORDS.getAndBitwiseAnd(levels[0], index >>> 6, ~bit) & bit) != 0;
    }

    /**
     * Consumes changed indices {@code >= from} in ascending order into {@code out} until it is full or none are
     * left; returns how many were written. Read the data for each index after this returns.
     */
    public int drain(final int from, final int[] out) {
        int count = 0;
        int position = from;
        while (count < out.length) {
            final int index = nextChanged(position);
            if (index < 0) {
                break;
            }
            if (consume(index)) {
                out[count++] = index;
            }
            position = index + 1;
        }
        return count;
    }

    /** True when nothing may be marked (the top summary word is zero). May report stale "something". */
    public boolean isEmpty() {
        return (long) WORDS.getVolatile(levels[top], 0) == 0;
    }

    /** Marks every index (a reader that must start with a full pass). */
    public void markAll() {
        for (int level = 0; level <= top; level++) {
            final long[] words = levels[level];
            final int bits = level == 0 ? size : levels[level - 1].length;
            for (int w = 0; w < words.length; w++) {
                final int remaining = bits - (w << 6);
                final long all = remaining >= 64 ? -1L : (1L << remaining) - 1;
                WORDS.getAndBitwiseOr(words, w, all);
            }
        }
    }

    /** Stops receiving changes. */
    public void close() {
        tracker.remove(this);
    }

    /**
     * Words read by {@link #nextChanged(int)} so far: a diagnostic that lets tests check that the cost follows
     * the number of changes, not the size. Read it on the reader thread.
     */
    public long wordsExamined() {
        return wordsExamined;
    }

    private void clearStaleSummary(final int level, final int child) {
        final long[] summaries = levels[level];
        final int w = child >>> 6;
        final long bit = 1L << (child & 63);
        if (((long) WORDS.getVolatile(summaries, w) & bit) == 0) {
            return;
        }
        WORDS.getAndBitwiseAnd(summaries, w, ~bit);
        if ((long) WORDS.getVolatile(levels[level - 1], child) != 0) {
            WORDS.getAndBitwiseOr(summaries, w, bit);
        }
    }
}
