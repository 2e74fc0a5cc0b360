package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.track.ChangeReader;
import dev.jppc.mmu.track.DirtyPageTracker;
import org.junit.jupiter.api.Test;

/**
 * Two table readers on their own threads (an HTAB fd and a migration, say) against a writer thread: no entry is
 * ever read torn, and once the writer stops each reader's copy equals the table.
 */
class HashPageTableConcurrencyTest {

    private static final int WRITES = 300_000;

    /** r is a function of v, so a torn read (new v, old r or the reverse) is detectable. */
    private static long rFor(final long v) {
        return v * 0x9E37_79B9_7F4A_7C15L;
    }

    private interface Writer {
        void write(int index, long v, long r);
    }

    @Test
    void shouldNeverTearHypervisorWrites() throws InterruptedException {
        final HashPageTable table = HashPageTable.allocate(12);
        runAgainst(table, table::writeEntry);
    }

    @Test
    void shouldNeverTearGuestStoresIntoABareTable() throws InterruptedException {
        final GuestMemory memory = new GuestMemory(1L << 20);
        final HashMmu mmu = new HashMmu(memory, new DirtyPageTracker(memory.size(), 12));
        mmu.setSdr1(0x4_0000L);
        final HashPageTable table = mmu.table();
        // The guest writes both doublewords with one bracketed store (like stq or a vector store).
        runAgainst(table, (index, v, r) -> {
            final long address = 0x4_0000L + index * 16L;
            mmu.beginGuestStore(address, 16);
            memory.putLong(address, v, java.nio.ByteOrder.BIG_ENDIAN);
            memory.putLong(address + 8, r, java.nio.ByteOrder.BIG_ENDIAN);
            mmu.endGuestStore(address, 16);
        });
    }

    private static void runAgainst(final HashPageTable table, final Writer writer) throws InterruptedException {
        final int entries = Math.min(table.entryCount(), 4096);
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<String> torn = new AtomicReference<>();
        final TableReader first = new TableReader(table, table.changes().openReader(true), entries, done, torn);
        final TableReader second = new TableReader(table, table.changes().openReader(true), entries, done, torn);
        final Thread writing = new Thread(() -> {
            final Random random = new Random(5);
            for (int i = 1; i <= WRITES; i++) {
                final int index = random.nextInt(3) == 0 ? random.nextInt(8) : random.nextInt(entries);
                final long v = ((long) i << 8) | 1;
                writer.write(index, v, rFor(v));
            }
            done.set(true);
        });
        final Thread a = new Thread(first);
        final Thread b = new Thread(second);
        a.start();
        b.start();
        writing.start();
        writing.join();
        a.join();
        b.join();
        assertEquals(null, torn.get());
        final long[] expected = new long[entries * 2];
        final long[] entry = new long[2];
        for (int i = 0; i < entries; i++) {
            table.readEntry(i, entry, 0);
            expected[2 * i] = entry[0];
            expected[2 * i + 1] = entry[1];
        }
        assertArrayEquals(expected, first.mirror);
        assertArrayEquals(expected, second.mirror);
        assertTrue(first.reads > entries && second.reads > entries, "readers ran concurrently with the writer");
    }

    private static final class TableReader implements Runnable {
        final HashPageTable table;
        final ChangeReader reader;
        final AtomicBoolean done;
        final AtomicReference<String> torn;
        final long[] mirror;
        long reads;

        TableReader(final HashPageTable table, final ChangeReader reader, final int entries,
                    final AtomicBoolean done, final AtomicReference<String> torn) {
            this.table = table;
            this.reader = reader;
            this.done = done;
            this.torn = torn;
            mirror = new long[entries * 2];
        }

        @Override
        public void run() {
            final int[] batch = new int[64];
            final long[] entry = new long[2];
            while (true) {
                final boolean last = done.get();
                int n;
                while ((n = reader.drain(0, batch)) > 0) {
                    for (int i = 0; i < n; i++) {
                        final int index = batch[i];
                        if (index * 2 >= mirror.length) {
                            continue;
                        }
                        table.readEntry(index, entry, 0);
                        reads++;
                        if (entry[0] != 0 && entry[1] != rFor(entry[0])) {
                            torn.compareAndSet(null, String.format("entry %d read torn: v 0x%x r 0x%x", index,
                                entry[0], entry[1]));
                        }
                        mirror[2 * index] = entry[0];
                        mirror[2 * index + 1] = entry[1];
                    }
                }
                if (last) {
                    return;
                }
            }
        }
    }
}
