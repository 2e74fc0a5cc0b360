package dev.jppc.savevm.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jppc.core.snapshot.RamSnapshot;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.track.DirtyPageTracker;

/** The container: round trips, zero pages, atomic writes, and the refusals of {@link SnapshotFile}. */
class SnapshotFileTest {

    @TempDir
    Path temp;

    /** A part holding one long, that writes {@code extra} more bytes than it reads. */
    private static final class Counter implements Snapshottable {
        long value;
        final String name;
        final int extra;

        Counter(final String name, final long value, final int extra) {
            this.name = name;
            this.value = value;
            this.extra = extra;
        }

        @Override
        public String snapshotName() {
            return name;
        }

        @Override
        public int snapshotVersion() {
            return 1;
        }

        @Override
        public void save(final StateOutput out) throws IOException {
            out.u64(value);
            for (int i = 0; i < extra; i++) {
                out.u8(i);
            }
        }

        @Override
        public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
            final long saved = in.u64("the value");
            return () -> value = saved;
        }
    }

    @Test
    void shouldRoundTripPartsAndLeaveNoTemporaryFile() throws Exception {
        final Path file = temp.resolve("a.jppc");
        final long length = SnapshotWriter.write(file, List.of(new Counter("one", 11, 0), new Counter("two", 22, 0)));
        assertEquals(Files.size(file), length);
        final Counter one = new Counter("one", 0, 0);
        final Counter two = new Counter("two", 0, 0);
        try (SnapshotFile snapshot = SnapshotFile.open(file)) {
            assertEquals(2, snapshot.sections().size());
            snapshot.restore(List.of(one, two));
        }
        assertEquals(11, one.value);
        assertEquals(22, two.value);
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void shouldApplyNothingWhenALaterSectionIsBad() throws Exception {
        final Path file = temp.resolve("b.jppc");
        SnapshotWriter.write(file, List.of(new Counter("one", 11, 0), new Counter("two", 22, 3)));
        final Counter one = new Counter("one", 5, 0);
        final Counter two = new Counter("two", 6, 0);
        try (SnapshotFile snapshot = SnapshotFile.open(file)) {
            final SnapshotException e = assertThrows(SnapshotException.class, () -> snapshot.restore(List.of(one,
                two)));
            assertTrue(e.getMessage().startsWith("section 'two': 3 bytes left over"), e.getMessage());
        }
        assertEquals(5, one.value);
        assertEquals(6, two.value);
    }

    @Test
    void shouldStoreNoZeroPagesAndRestoreRamExactly() throws Exception {
        final GuestMemory ram = new GuestMemory(64L << 20);
        final SplittableRandom random = new SplittableRandom(7);
        final byte[] page = new byte[RamSnapshot.PAGE_SIZE];
        final long[] filled = {0, 4096, 3L << 20, (64L << 20) - 4096};
        for (final long at : filled) {
            random.nextBytes(page);
            ram.putBytes(at, page, 0, page.length);
        }
        ram.putByte(40L << 20, (byte) 1);
        final Path file = temp.resolve("ram.jppc");
        final long length = SnapshotWriter.write(file, List.of(new RamSnapshot(ram)));
        assertTrue(length < 6 * RamSnapshot.PAGE_SIZE, "zero pages stored: " + length + " bytes");

        final GuestMemory other = new GuestMemory(64L << 20);
        other.fill(0, 64L << 20, (byte) 0x5A);
        try (SnapshotFile snapshot = SnapshotFile.open(file)) {
            snapshot.restore(List.of(new RamSnapshot(other)));
        }
        final byte[] a = new byte[1 << 20];
        final byte[] b = new byte[1 << 20];
        for (long at = 0; at < ram.size(); at += a.length) {
            ram.getBytes(at, a, 0, a.length);
            other.getBytes(at, b, 0, b.length);
            assertArrayEquals(a, b, "RAM at 0x" + Long.toHexString(at));
        }
    }

    @Test
    void shouldRefuseRamOfAnotherSize() throws Exception {
        final Path file = temp.resolve("ram.jppc");
        SnapshotWriter.write(file, List.of(new RamSnapshot(new GuestMemory(16L << 20))));
        try (SnapshotFile snapshot = SnapshotFile.open(file)) {
            final SnapshotException e = assertThrows(SnapshotException.class,
                () -> snapshot.restore(List.of(new RamSnapshot(new GuestMemory(32L << 20)))));
            assertEquals("section 'ram': saved with 16777216 bytes of RAM, this machine has 33554432", e.getMessage());
        }
    }

    @Test
    void shouldCarryTheHypervisorTableThroughTheHtabProtocol() throws Exception {
        final GuestMemory ram = new GuestMemory(16L << 20);
        final HashMmu source = new HashMmu(ram, new DirtyPageTracker(ram.size(), 12));
        source.setHypervisorTable(HashPageTable.allocate(18));
        final SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 300; k++) {
            final int index = random.nextInt(source.table().entryCount());
            // Valid 4 KiB entries with random AVPN and real page (H_ENTER's form: no software bits).
            source.table().writeEntry(index, (random.nextLong() & 0x3FFF_FFFF_FFFF_FF80L) | Hpte.V_VALID,
                random.nextLong() & 0x0000_0FFF_FFFF_F1FFL);
        }
        final Path file = temp.resolve("hpt.jppc");
        SnapshotWriter.write(file, List.of(new HptSnapshot(source)));
        final HashMmu target = new HashMmu(ram, new DirtyPageTracker(ram.size(), 12));
        target.setHypervisorTable(HashPageTable.allocate(20));
        try (SnapshotFile snapshot = SnapshotFile.open(file)) {
            snapshot.restore(List.of(new HptSnapshot(target)));
        }
        assertEquals(18, target.table().log2Size());
        final long[] a = new long[2];
        final long[] b = new long[2];
        for (int i = 0; i < source.table().entryCount(); i++) {
            source.table().readEntry(i, a, 0);
            target.table().readEntry(i, b, 0);
            assertArrayEquals(a, b, "HPTE " + i);
        }
    }
}
