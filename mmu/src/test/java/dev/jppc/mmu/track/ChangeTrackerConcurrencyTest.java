package dev.jppc.mmu.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** Two independent readers keep up with a writer thread and, once it stops, have missed nothing. */
class ChangeTrackerConcurrencyTest {

    private static final int SIZE = 50_000;
    private static final int WRITES = 400_000;

    @Test
    void shouldMissNothingWhileTheWriterRuns() throws InterruptedException {
        final ChangeTracker tracker = new ChangeTracker(SIZE);
        final long[] data = new long[SIZE];
        final Reader first = new Reader(tracker.openReader(false), data);
        final Reader second = new Reader(tracker.openReader(false), data);
        final AtomicBoolean done = new AtomicBoolean();
        final Thread writer = new Thread(() -> {
            final Random random = new Random(11);
            for (int i = 1; i <= WRITES; i++) {
                // Hot and cold indices, as with the text-poke HPTE slot and the linear map.
                final int index = random.nextInt(4) == 0 ? random.nextInt(16) : random.nextInt(SIZE);
                data[index] = i;
                tracker.mark(index);
            }
            done.set(true);
        });
        final Thread a = new Thread(() -> first.run(done));
        final Thread b = new Thread(() -> second.run(done));
        a.start();
        b.start();
        writer.start();
        writer.join();
        a.join();
        b.join();
        assertArrayEquals(data, first.mirror);
        assertArrayEquals(data, second.mirror);
        assertTrue(first.rounds > 1 && second.rounds > 1, "readers ran concurrently with the writer");
    }

    private static final class Reader {
        final ChangeReader reader;
        final long[] data;
        final long[] mirror = new long[SIZE];
        int rounds;

        Reader(final ChangeReader reader, final long[] data) {
            this.reader = reader;
            this.data = data;
        }

        void run(final AtomicBoolean done) {
            final int[] batch = new int[256];
            while (true) {
                final boolean last = done.get();
                int n;
                while ((n = reader.drain(0, batch)) > 0) {
                    for (int i = 0; i < n; i++) {
                        mirror[batch[i]] = data[batch[i]];
                    }
                }
                rounds++;
                if (last) {
                    return;
                }
            }
        }
    }
}
