package dev.jppc.mmu.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeReaderTest {

    @Test
    void shouldRecordNothingWithoutReaders() {
        final ChangeTracker tracker = new ChangeTracker(100);
        tracker.mark(5);
        final ChangeReader reader = tracker.openReader(false);
        assertEquals(-1, reader.nextChanged(0));
        assertTrue(reader.isEmpty());
    }

    @Test
    void shouldFindChangesInAscendingOrder() {
        final ChangeTracker tracker = new ChangeTracker(10_000);
        final ChangeReader reader = tracker.openReader(false);
        for (final int i : new int[] {9_999, 64, 0, 4_095, 4_096, 63}) {
            tracker.mark(i);
        }
        final int[] out = new int[10];
        assertEquals(6, reader.drain(0, out));
        assertArrayEquals(new int[] {0, 63, 64, 4_095, 4_096, 9_999}, Arrays.copyOf(out, 6));
        assertEquals(-1, reader.nextChanged(0));
    }

    @Test
    void shouldNotConsumeOnNextChanged() {
        final ChangeTracker tracker = new ChangeTracker(200);
        final ChangeReader reader = tracker.openReader(false);
        tracker.mark(130);
        assertEquals(130, reader.nextChanged(0));
        assertEquals(130, reader.nextChanged(130));
        assertEquals(-1, reader.nextChanged(131));
        assertTrue(reader.isChanged(130));
        assertTrue(reader.consume(130));
        assertFalse(reader.consume(130));
        assertEquals(-1, reader.nextChanged(0));
    }

    @Test
    void shouldDrainFromAPosition() {
        final ChangeTracker tracker = new ChangeTracker(1000);
        final ChangeReader reader = tracker.openReader(false);
        tracker.mark(10);
        tracker.mark(500);
        final int[] out = new int[4];
        assertEquals(1, reader.drain(100, out));
        assertEquals(500, out[0]);
        assertEquals(10, reader.nextChanged(0));
    }

    @Test
    void shouldKeepReadersIndependent() {
        final ChangeTracker tracker = new ChangeTracker(1000);
        final ChangeReader first = tracker.openReader(false);
        final ChangeReader second = tracker.openReader(false);
        tracker.mark(7);
        assertTrue(first.consume(7));
        assertEquals(7, second.nextChanged(0));
        second.close();
        tracker.mark(8);
        assertEquals(8, first.nextChanged(0));
        assertEquals(7, second.nextChanged(0));
        assertEquals(-1, second.nextChanged(8));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 4096, 4097, 262_145})
    void shouldStartWithEverythingMarked(final int size) {
        final ChangeReader reader = new ChangeTracker(size).openReader(true);
        final int[] out = new int[size + 1];
        assertEquals(size, reader.drain(0, out));
        for (int i = 0; i < size; i++) {
            assertEquals(i, out[i]);
        }
        assertEquals(-1, reader.nextChanged(0));
    }

    @Test
    void shouldPutBackWhatItCouldNotDeliver() {
        final ChangeTracker tracker = new ChangeTracker(100);
        final ChangeReader reader = tracker.openReader(false);
        tracker.mark(42);
        assertTrue(reader.consume(42));
        reader.mark(42);
        assertEquals(42, reader.nextChanged(0));
        assertThrows(IllegalArgumentException.class, () -> reader.mark(100));
    }

    @Test
    void shouldRejectOutOfRangeMarks() {
        final ChangeTracker tracker = new ChangeTracker(100);
        tracker.openReader(false);
        assertThrows(IllegalArgumentException.class, () -> tracker.mark(100));
        assertThrows(IllegalArgumentException.class, () -> tracker.mark(-1));
        assertThrows(IllegalArgumentException.class, () -> tracker.markRange(95, 6));
    }

    @Test
    void shouldMatchASimpleSetUnderRandomOperations() {
        final Random random = new Random(7);
        final int size = 300_000;
        final ChangeTracker tracker = new ChangeTracker(size);
        final ChangeReader reader = tracker.openReader(false);
        final TreeSet<Integer> model = new TreeSet<>();
        for (int step = 0; step < 50_000; step++) {
            final int index = random.nextInt(100) < 50 ? random.nextInt(size) : random.nextInt(200);
            switch (random.nextInt(4)) {
                case 0:
                case 1:
                    tracker.mark(index);
                    model.add(index);
                    break;
                case 2:
                    assertEquals(model.remove(index), reader.consume(index));
                    break;
                default:
                    final Integer next = model.ceiling(index);
                    assertEquals(next == null ? -1 : next, reader.nextChanged(index));
                    break;
            }
        }
    }

    /** The cost of finding changes follows the number of changes, not the size. */
    @Test
    void shouldExamineWordsInProportionToChanges() {
        final int size = 1 << 24;
        final ChangeTracker tracker = new ChangeTracker(size);
        final ChangeReader reader = tracker.openReader(false);
        final Random random = new Random(3);
        final int changes = 100;
        for (int i = 0; i < changes; i++) {
            tracker.mark(random.nextInt(size));
        }
        final int[] out = new int[changes];
        final long before = reader.wordsExamined();
        assertEquals(changes, reader.drain(0, out));
        assertEquals(0, reader.drain(0, out));
        final long examined = reader.wordsExamined() - before;
        // Four levels (2^24 bits): a handful of words per change plus cleanup of emptied summaries.
        assertTrue(examined < changes * 16L, "examined " + examined + " words for " + changes + " changes");
        // An empty reader costs a couple of words whatever the size.
        final long idle = reader.wordsExamined();
        assertEquals(-1, reader.nextChanged(0));
        assertTrue(reader.wordsExamined() - idle <= 8);
    }
}
