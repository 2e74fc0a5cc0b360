package dev.jppc.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.savevm.htab.HtabException;
import dev.jppc.savevm.htab.HtabFd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTAB fd's first pass over a whole table (open, read everything up to the wrap, close) against a plain copy of
 * the same table's bytes out of guest RAM, in the same run. Table bytes per second = 2^log2Size / time per op.
 * {@code firstPass} reads into one buffer large enough for the whole pass (as much output as the copy writes);
 * {@code firstPassStreamed} reads 64 KiB at a time, as a migration would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class HtabFirstPassBenchmark {

    @Param({"18", "22", "24"})
    public int log2Size;

    /**
     * Table contents. {@code full}: every entry valid, the most output per table byte (the fd emits the table
     * nearly verbatim). {@code linux}: a quarter of the groups hold 1 to 4 entries from slot 0, as Linux fills
     * primary groups (about 8% of the entries). {@code random25}: each entry valid with probability 1/4, the most
     * records per entry (a worst case: about 0.19 records per entry).
     */
    @Param({"full", "linux", "random25"})
    public String contents;

    private GuestMemory memory;
    private HashPageTable table;
    private byte[] whole;
    private byte[] streamed;
    private byte[] copy;

    @Setup(Level.Trial)
    public void setUp() {
        memory = new GuestMemory(1L << log2Size);
        table = HashPageTable.inGuestMemory(memory, 0, log2Size);
        final Random random = new Random(42);
        for (int i = 0; i < table.entryCount(); i++) {
            if (isValid(random, i)) {
                final long v = (random.nextLong() & 0x3FFF_FFFF_FFFF_FF80L) | (random.nextBoolean() ? 0x10 : 0) | 1;
                table.writeEntry(i, v, (random.nextLong() & 0x0FFF_FFFF_FFFF_F000L) | 0x192);
            }
        }
        // Room for every entry plus a header per 65535 entries and per run, plus the byte a read leaves unused.
        whole = new byte[(int) Math.min(Integer.MAX_VALUE - 8, table.sizeBytes() + 8L * table.entryCount() + 64)];
        streamed = new byte[64 * 1024];
        copy = new byte[(int) table.sizeBytes()];
    }

    private boolean isValid(final Random random, final int index) {
        switch (contents) {
            case "full":
                return true;
            case "linux":
                // Decided per group at slot 0, from a hash of the group so slots agree.
                final int group = index >>> 3;
                final int mix = (group * 0x9E3779B9) >>> 16;
                return (mix & 3) == 0 && (index & 7) <= ((mix >>> 2) & 3);
            default:
                return random.nextInt(4) == 0;
        }
    }

    @Benchmark
    public long firstPass() throws HtabException {
        try (HtabFd fd = HtabFd.open(table, 0, 0)) {
            long total = 0;
            while (fd.inFirstPass()) {
                total += fd.read(whole, 0, whole.length);
            }
            return total;
        }
    }

    @Benchmark
    public long firstPassStreamed() throws HtabException {
        try (HtabFd fd = HtabFd.open(table, 0, 0)) {
            long total = 0;
            while (fd.inFirstPass()) {
                total += fd.read(streamed, 0, streamed.length);
            }
            return total;
        }
    }

    @Benchmark
    public byte[] plainCopy() {
        memory.getBytes(0, copy, 0, copy.length);
        return copy;
    }
}
