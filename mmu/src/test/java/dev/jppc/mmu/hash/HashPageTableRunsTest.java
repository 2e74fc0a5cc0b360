package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.jppc.mmu.GuestMemory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link HashPageTable#copyValidRun} and {@link HashPageTable#invalidRun}: runs found from the entry kinds that every
 * write path keeps, equal to what the entries' bytes say, and never a torn or non-plain entry in a valid run.
 */
class HashPageTableRunsTest {

    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    /** Entry shapes: plain valid, valid with a host bit, valid with r bit 62, invalid, invalid with a host bit. */
    private static long[] randomEntry(final Random random) {
        final long v = random.nextLong() & ~(Hpte.V_VALID | Hpte.V_HYPERVISOR_PRIVATE);
        final long r = random.nextLong() & ~Hpte.R_RESERVED_TS;
        switch (random.nextInt(8)) {
            case 0:
                return new long[] {v | Hpte.V_VALID | 0x20, r};
            case 1:
                return new long[] {v | Hpte.V_VALID, r | Hpte.R_RESERVED_TS};
            case 2:
                return new long[] {v | 0x40, r};
            case 3:
            case 4:
                return new long[] {v, r};
            default:
                return new long[] {v | Hpte.V_VALID, r};
        }
    }

    private static boolean isPlainValid(final long v, final long r) {
        return (v & (Hpte.V_VALID | Hpte.V_HYPERVISOR_PRIVATE)) == Hpte.V_VALID && (r & Hpte.R_RESERVED_TS) == 0;
    }

    private static boolean isInvalid(final long v) {
        return (v & (Hpte.V_VALID | Hpte.V_HYPERVISOR_PRIVATE)) == 0;
    }

    /** Checks both runs from every index and with every limit class against the entries' bytes. */
    private static void assertRunsMatchBytes(final HashPageTable table, final Random random) {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[table.entryCount() * 16 + 16]);
        for (int first = 0; first < table.entryCount(); first++) {
            final int max = random.nextBoolean() ? table.entryCount() - first
                : random.nextInt(table.entryCount() - first + 1);
            int valid = 0;
            while (valid < max && isPlainValid(table.v(first + valid), table.r(first + valid))) {
                valid++;
            }
            int invalid = 0;
            while (invalid < max && isInvalid(table.v(first + invalid))) {
                invalid++;
            }
            assertEquals(valid, table.copyValidRun(first, max, out, 16), "valid run from " + first + " max " + max);
            assertEquals(invalid, table.invalidRun(first, max), "invalid run from " + first + " max " + max);
            for (int k = 0; k < valid; k++) {
                assertEquals(table.v(first + k), out.getLong(16 + 16 * k, BIG));
                assertEquals(table.r(first + k), out.getLong(24 + 16 * k, BIG));
            }
        }
    }

    @Test
    void shouldFollowEveryWritePath() {
        final Random random = new Random(11);
        final HashPageTable table = HashPageTable.allocate(13);
        assertEquals(table.entryCount(), table.invalidRun(0, table.entryCount()));
        for (int round = 0; round < 6; round++) {
            for (int n = 0; n < 400; n++) {
                final int index = random.nextInt(table.entryCount());
                final long[] entry = randomEntry(random);
                switch (random.nextInt(4)) {
                    case 0:
                        table.compareAndSetEntry(index, table.v(index), entry[0], entry[1]);
                        break;
                    case 1:
                        table.updateR(index, Hpte.R_RESERVED_TS, random.nextBoolean() ? Hpte.R_RESERVED_TS : 0);
                        break;
                    default:
                        table.writeEntry(index, entry[0], entry[1]);
                        break;
                }
            }
            // Long stretches of plain valid entries cross the 64-entry words.
            final int from = random.nextInt(table.entryCount() - 300);
            for (int index = from; index < from + 200 + random.nextInt(100); index++) {
                table.writeEntry(index, (random.nextLong() & ~0x7FL) | Hpte.V_VALID, random.nextLong() >>> 2);
            }
            assertRunsMatchBytes(table, random);
        }
        table.clear();
        assertEquals(table.entryCount(), table.invalidRun(0, table.entryCount()));
        assertEquals(0, table.copyValidRun(0, table.entryCount(), new UnsafeBuffer(new byte[16]), 0));
    }

    @Test
    void shouldClassifyATableAlreadyInRamAndGuestStores() {
        final Random random = new Random(12);
        final GuestMemory memory = new GuestMemory(1L << 20);
        final long base = 0x4_0000L;
        for (int index = 0; index < 4096; index++) {
            final long[] entry = randomEntry(random);
            memory.putLong(base + 16L * index, entry[0], BIG);
            memory.putLong(base + 16L * index + 8, entry[1], BIG);
        }
        final HashPageTable table = HashPageTable.inGuestMemory(memory, base, 16);
        assertRunsMatchBytes(table, random);
        for (int n = 0; n < 500; n++) {
            final long ra = base + random.nextInt(4096 * 16 - 16);
            final int length = random.nextBoolean() ? 8 : 16;
            table.beginGuestStore(ra & ~7L, length);
            memory.putLong(ra & ~7L, randomEntry(random)[0], BIG);
            if (length == 16) {
                memory.putLong((ra & ~7L) + 8, randomEntry(random)[0], BIG);
            }
            table.endGuestStore(ra & ~7L, length);
        }
        assertRunsMatchBytes(table, random);
    }

    @Test
    void shouldRejectRangesOutsideTheTable() {
        final HashPageTable table = HashPageTable.allocate(8);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
        assertThrows(IllegalArgumentException.class, () -> table.copyValidRun(-1, 2, out, 0));
        assertThrows(IllegalArgumentException.class, () -> table.copyValidRun(15, 2, out, 0));
        assertThrows(IllegalArgumentException.class, () -> table.invalidRun(0, 17));
        assertThrows(IllegalArgumentException.class, () -> table.invalidRun(0, -1));
        assertEquals(0, table.invalidRun(16, 0));
    }

    @Test
    void shouldNeverCopyATornOrNonPlainEntryIntoAValidRun() throws InterruptedException {
        final HashPageTable table = HashPageTable.allocate(13);
        for (int index = 0; index < table.entryCount(); index++) {
            final long v = ((long) index << 8) | Hpte.V_VALID;
            table.writeEntry(index, v, v * 3);
        }
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<String> wrong = new AtomicReference<>();
        final Thread writer = new Thread(() -> {
            final Random random = new Random(13);
            for (int i = 1; i <= 1_000_000; i++) {
                final int index = random.nextInt(table.entryCount());
                // Valid entries keep r = 3 v; the others are invalid or carry a host bit, and must never be copied.
                final long v = ((long) i << 8) | (random.nextInt(3) == 0 ? 0x40 : Hpte.V_VALID);
                table.writeEntry(index, random.nextInt(4) == 0 ? v & ~Hpte.V_VALID : v, v * 3);
            }
            done.set(true);
        });
        writer.start();
        final UnsafeBuffer out = new UnsafeBuffer(new byte[table.entryCount() * 16]);
        final Random random = new Random(14);
        long copied = 0;
        while (!done.get() || copied < 10_000) {
            final int first = random.nextInt(table.entryCount());
            final int run = table.copyValidRun(first, table.entryCount() - first, out, 0);
            copied += run;
            for (int k = 0; k < run; k++) {
                final long v = out.getLong(16 * k, BIG);
                final long r = out.getLong(16 * k + 8, BIG);
                if (!isPlainValid(v, r) || r != v * 3) {
                    wrong.compareAndSet(null, String.format("entry %d copied as v %x r %x", first + k, v, r));
                }
            }
        }
        writer.join();
        assertNull(wrong.get());
        assertTrue(copied >= 10_000);
    }
}
