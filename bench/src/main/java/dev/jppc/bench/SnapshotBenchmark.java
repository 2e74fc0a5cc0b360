package dev.jppc.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
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

import dev.jppc.core.snapshot.RamSnapshot;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.savevm.snapshot.SnapshotFile;
import dev.jppc.savevm.snapshot.SnapshotWriter;

/**
 * Snapshot save and restore of 512 MiB of guest RAM against a raw write of the same bytes, in the same run.
 * {@code rawWrite} writes RAM's chunks to a file with a {@link FileChannel} and forces it to the disk, as the
 * snapshot writer does before its rename; {@code save} is {@link SnapshotWriter#write} of the {@code ram}
 * section (zero scan, CRC32C, temporary file, fsync, rename); {@code restore} opens and checks the file (every
 * CRC) and reads it back into RAM. Speed = 512 MiB / time per operation.
 *
 * <p>Contents: {@code random}, every page random bytes except one in 16 that is zero (the mostly non-zero
 * case); {@code zero}, one page in 256 random and the rest zero (a guest that touched little).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx1g"})
public class SnapshotBenchmark {

    private static final long RAM_BYTES = 512L << 20;
    private static final int PAGE = RamSnapshot.PAGE_SIZE;

    @Param({"random", "zero"})
    public String contents;

    private GuestMemory ram;
    private Path folder;
    private Path raw;
    private Path snapshot;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ram = new GuestMemory(RAM_BYTES);
        final SplittableRandom random = new SplittableRandom(42);
        final int everyNth = contents.equals("zero") ? 256 : 16;
        final byte[] page = new byte[PAGE];
        for (long at = 0; at < RAM_BYTES; at += PAGE) {
            final boolean filled = contents.equals("zero") ? (at / PAGE) % everyNth == 0 : (at / PAGE) % everyNth != 0;
            if (filled) {
                random.nextBytes(page);
                ram.putBytes(at, page, 0, PAGE);
            }
        }
        folder = Files.createTempDirectory(Path.of(System.getProperty("jppc.bench.dir",
            System.getProperty("java.io.tmpdir"))), "jppc-snapshot-bench");
        raw = folder.resolve("raw.bin");
        snapshot = folder.resolve("ram.jppc");
        SnapshotWriter.write(snapshot, List.of(new RamSnapshot(ram)));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(raw);
        Files.deleteIfExists(snapshot);
        Files.deleteIfExists(folder);
    }

    @Benchmark
    public long rawWrite() throws IOException {
        try (FileChannel channel = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int c = 0; c < ram.chunkCount(); c++) {
                final UnsafeBuffer chunk = ram.chunk(c);
                final ByteBuffer bytes = chunk.byteBuffer().duplicate().clear();
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
            channel.force(true);
            return channel.size();
        }
    }

    @Benchmark
    public long save() throws IOException {
        return SnapshotWriter.write(snapshot, List.of(new RamSnapshot(ram)));
    }

    @Benchmark
    public long restore() throws IOException, SnapshotException {
        try (SnapshotFile file = SnapshotFile.open(snapshot)) {
            file.restore(List.of(new RamSnapshot(ram)));
            return file.sections().size();
        }
    }
}
