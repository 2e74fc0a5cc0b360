package dev.jppc.savevm.htab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import dev.jppc.mmu.hash.HashPageTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random tables and random changes through every write path, interleaved with reads through random buffer sizes:
 * every read gives the bytes of a literal transcription of KVM's loop, and replaying every read through a write
 * handle into a second table converges to the source (as a reader reports it) after a final pass.
 */
class HtabFdPropertyTest {

    private static final int SEEDS = 400;

    static IntStream seeds() {
        return IntStream.range(0, SEEDS);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldMatchKvmsLoopAndConvergeThroughWrites(final int seed) throws HtabException {
        final Random random = new Random(seed * 0x9E3779B97F4A7C15L);
        final int log2Size = 7 + random.nextInt(5);
        final boolean boltedOnly = random.nextInt(3) == 0;
        final ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        final RandomEntries entries = new RandomEntries(random, true);
        final HashPageTable source = HashPageTable.allocate(log2Size);
        entries.fill(source, random.nextInt(101));
        final HashPageTable destination = HashPageTable.allocate(log2Size);
        final long flags = boltedOnly ? HtabFd.BOLTED_ONLY : 0;
        final String context = String.format("seed %d, 2^%d bytes, flags %d, %s", seed, log2Size, flags, order);
        try (HtabFd reader = HtabFd.open(new LiveHtab(source), flags, 0, order);
             KvmReadModel model = new KvmReadModel(source, boltedOnly, order, 0);
             HtabFd writer = HtabFd.open(new LiveHtab(destination), HtabFd.WRITE, 0, order)) {
            final int steps = 50 + random.nextInt(300);
            for (int step = 0; step < steps; step++) {
                if (random.nextInt(3) == 0) {
                    transfer(reader, model, writer, randomCount(random, 0), context + ", step " + step);
                } else {
                    for (int k = random.nextInt(4); k >= 0; k--) {
                        entries.change(source);
                    }
                }
            }
            // The guest stops: read until a read that started at index 0 in a later pass returns nothing.
            while (true) {
                final boolean fromStart = reader.position() == 0 && !reader.inFirstPass();
                if (transfer(reader, model, writer, randomCount(random, 25), context + ", final pass") == 0
                    && fromStart) {
                    break;
                }
            }
        }
        assertEquals(null, TableAssert.firstDifference(RandomEntries.expectedCopy(source, boltedOnly), destination),
            context);
    }

    private static int randomCount(final Random random, final int minimum) {
        final int pick = random.nextInt(10);
        final int count = pick < 3 ? random.nextInt(64) : pick < 8 ? random.nextInt(600) : random.nextInt(5000);
        return Math.max(minimum, count);
    }

    private static int transfer(final HtabFd reader, final KvmReadModel model, final HtabFd writer, final int count,
                                final String context) throws HtabException {
        final byte[] fast = new byte[count];
        final byte[] reference = new byte[count];
        final int n = reader.read(fast, 0, count);
        final int expected = model.read(reference, count);
        assertEquals(Bytes.hex(Arrays.copyOf(reference, expected)), Bytes.hex(Arrays.copyOf(fast, n)),
            context + ", count " + count);
        assertEquals(n, writer.write(fast, 0, n), context + ": a read's records are whole");
        return n;
    }
}
