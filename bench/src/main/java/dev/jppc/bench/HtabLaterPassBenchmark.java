package dev.jppc.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One later pass of the HTAB fd over a 2^24-byte table (1 Mi entries, all valid) after {@code changes} entries
 * changed, against the full-table scan KVM and QEMU-TCG do for the same pass (htab-fd.md §8.1), in the same run.
 * The changes are made before each invocation, outside the measured time. The scan is KVM's {@code hpte_dirty}
 * over every entry: a per-entry modified flag in a reverse-map array, then the entry's V and R/C bits.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class HtabLaterPassBenchmark {

    private static final int LOG2_SIZE = 24;
    /** KVM's HPTE_GR_MODIFIED, a software bit of the reverse map's guest_rpte. */
    private static final long MODIFIED = 1L << 62;
    private static final long REFERENCE_CHANGE = 0x180L;

    @Param({"0", "1", "100", "10000"})
    public int changes;

    private HashPageTable table;
    private HtabFd fd;
    private byte[] buffer;
    private int[] changed;
    private long[] guestRpte;
    private int round;

    @Setup(Level.Trial)
    public void setUp() throws HtabException {
        table = HashPageTable.allocate(LOG2_SIZE);
        final Random random = new Random(7);
        for (int i = 0; i < table.entryCount(); i++) {
            table.writeEntry(i, (random.nextLong() & 0x3FFF_FFFF_FFFF_FF80L) | 0x11,
                (random.nextLong() & 0x0FFF_FFFF_FFFF_F000L) | 0x192);
        }
        guestRpte = new long[table.entryCount()];
        for (int i = 0; i < table.entryCount(); i++) {
            guestRpte[i] = table.r(i);
        }
        changed = new int[changes];
        for (int k = 0; k < changes; k++) {
            changed[k] = random.nextInt(table.entryCount());
        }
        buffer = new byte[4 << 20];
        fd = HtabFd.open(table, 0, 0);
        while (fd.inFirstPass()) {
            fd.read(buffer, 0, buffer.length);
        }
        while (fd.read(buffer, 0, buffer.length) > 0) {
            continue;
        }
    }

    /** The guest changes {@code changes} entries (H_PROTECT-like: new PP), seen by both the fd and the scan. */
    @Setup(Level.Invocation)
    public void change() {
        round++;
        for (final int index : changed) {
            table.updateR(index, 0x3, round & 0x3);
            table.markChanged(index);
            guestRpte[index] |= MODIFIED;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fd.close();
    }

    @Benchmark
    public int laterPass() throws HtabException {
        return fd.read(buffer, 0, buffer.length);
    }

    /** KVM's later pass: test every entry, emit (here: count and clear) the changed ones. */
    @Benchmark
    public int fullScan() {
        final HashPageTable hpt = table;
        final long[] revmap = guestRpte;
        int found = 0;
        for (int i = 0; i < revmap.length; i++) {
            final long guest = revmap[i];
            boolean dirty = (guest & MODIFIED) != 0;
            if (!dirty && (hpt.v(i) & 1) != 0) {
                dirty = (hpt.r(i) & ~guest & REFERENCE_CHANGE) != 0;
            }
            if (dirty) {
                revmap[i] = (guest & ~MODIFIED) | (hpt.r(i) & REFERENCE_CHANGE);
                found++;
            }
        }
        return found;
    }
}
