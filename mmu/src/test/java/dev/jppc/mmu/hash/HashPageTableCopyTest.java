package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** {@link HashPageTable#copyEntries}: the table's bytes, group by group untorn, also against a writer thread. */
class HashPageTableCopyTest {

    private static long rFor(final long v) {
        return v * 0x9E37_79B9_7F4A_7C15L;
    }

    @Test
    void shouldCopyTheBytesOfAnyRange() {
        final HashPageTable table = HashPageTable.allocate(12);
        final Random random = new Random(1);
        for (int i = 0; i < table.entryCount(); i++) {
            table.writeEntry(i, random.nextLong(), random.nextLong());
        }
        final UnsafeBuffer out = new UnsafeBuffer(new byte[4096 + 16]);
        for (int round = 0; round < 200; round++) {
            final int first = random.nextInt(table.entryCount());
            final int count = random.nextInt(Math.min(256, table.entryCount() - first) + 1);
            table.copyEntries(first, count, out, 16);
            for (int k = 0; k < count; k++) {
                assertEquals(table.v(first + k), out.getLong(16 + 16 * k, ByteOrder.BIG_ENDIAN));
                assertEquals(table.r(first + k), out.getLong(24 + 16 * k, ByteOrder.BIG_ENDIAN));
            }
        }
    }

    @Test
    void shouldRejectRangesOutsideTheTable() {
        final HashPageTable table = HashPageTable.allocate(8);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
        assertThrows(IllegalArgumentException.class, () -> table.copyEntries(-1, 2, out, 0));
        assertThrows(IllegalArgumentException.class, () -> table.copyEntries(15, 2, out, 0));
        assertThrows(IllegalArgumentException.class, () -> table.copyEntries(0, -1, out, 0));
        table.copyEntries(16, 0, out, 0);
    }

    @Test
    void shouldNeverCopyATornEntry() throws InterruptedException {
        final HashPageTable table = HashPageTable.allocate(9);
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<String> torn = new AtomicReference<>();
        final Thread writer = new Thread(() -> {
            final Random random = new Random(2);
            for (int i = 1; i <= 1_000_000; i++) {
                final long v = ((long) i << 8) | 1;
                table.writeEntry(random.nextInt(table.entryCount()), v, rFor(v));
            }
            done.set(true);
        });
        writer.start();
        final UnsafeBuffer out = new UnsafeBuffer(new byte[table.entryCount() * 16]);
        final Random random = new Random(3);
        long copies = 0;
        while (!done.get() || copies < 10) {
            final int first = random.nextInt(table.entryCount());
            final int count = 1 + random.nextInt(table.entryCount() - first);
            table.copyEntries(first, count, out, 0);
            copies++;
            for (int k = 0; k < count; k++) {
                final long v = out.getLong(16 * k, ByteOrder.BIG_ENDIAN);
                final long r = out.getLong(16 * k + 8, ByteOrder.BIG_ENDIAN);
                if (v != 0 && r != rFor(v)) {
                    torn.compareAndSet(null, String.format("entry %d copied torn: v %x r %x", first + k, v, r));
                }
            }
        }
        writer.join();
        assertEquals(null, torn.get());
        assertTrue(copies > 10);
    }
}
