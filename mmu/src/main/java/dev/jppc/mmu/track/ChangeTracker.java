package dev.jppc.mmu.track;

import java.util.Arrays;

/**
 * The writer side of change tracking over a dense index range (HPTE indices, RAM page numbers): every change is
 * marked once per open {@link ChangeReader}, and each reader independently finds and consumes what changed since
 * it last looked, at a cost that follows the number of changes.
 *
 * <p>With no reader open, {@link #mark(int)} costs a range check and one volatile read (the HTAB fd rule
 * "nothing is recorded while no handle is open" comes for free). A reader opened later starts either empty or
 * with every index marked.
 *
 * <p>Contract for writers: write the new data first, then call {@code mark} (its atomic OR releases the data
 * to the reader that consumes the mark). Marking is thread-safe: several writer threads may mark at once.
 */
public final class ChangeTracker {

    private static final ChangeReader[] NONE = new ChangeReader[0];

    private final int size;
    private volatile ChangeReader[] readers = NONE;

    public ChangeTracker(final int size) {
        if (size < 0) {
            throw new IllegalArgumentException("tracker size must not be negative, not " + size);
        }
        this.size = size;
    }

    /** The number of indices tracked. */
    public int size() {
        return size;
    }

    /** Marks {@code index} changed for every open reader. */
    public void mark(final int index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("change index " + index + " outside 0.." + (size - 1));
        }
        final ChangeReader[] current = readers;
        for (final ChangeReader reader : current) {
            reader.markUnchecked(index);
        }
    }

    /** Marks {@code [from, from + count)} changed for every open reader. */
    public void markRange(final int from, final int count) {
        if (count <= 0) {
            return;
        }
        if (from < 0 || from > size - count) {
            throw new IllegalArgumentException(
                "change range " + from + "+" + count + " outside 0.." + (size - 1));
        }
        final ChangeReader[] current = readers;
        for (final ChangeReader reader : current) {
            for (int i = 0; i < count; i++) {
                reader.markUnchecked(from + i);
            }
        }
    }

    /** True when at least one reader is open: writers may skip work that only readers need. */
    public boolean hasReaders() {
        return readers.length != 0;
    }

    /**
     * Opens a reader. With {@code allChanged} it starts with every index marked (a first full pass); otherwise
     * it sees only changes marked after this call returns.
     */
    public synchronized ChangeReader openReader(final boolean allChanged) {
        final ChangeReader reader = new ChangeReader(this, size, allChanged);
        final ChangeReader[] current = readers;
        final ChangeReader[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = reader;
        readers = next;
        return reader;
    }

    synchronized void remove(final ChangeReader reader) {
        final ChangeReader[] current = readers;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == reader) {
                final ChangeReader[] next = new ChangeReader[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                readers = next;
                return;
            }
        }
    }
}
