package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.StopReason;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;
import dev.jppc.savevm.snapshot.SnapshotFile;
import dev.jppc.savevm.snapshot.SnapshotWriter;

/**
 * A bad snapshot is refused with a message naming the section and the problem, and the running machine it was
 * to be loaded into stays exactly as it was (its own snapshot is byte for byte the same afterwards) and runs on
 * to the guest's expected output.
 */
class SnapshotRefusalTest {

    private static final Path GUEST = Path.of("..", "guests", "workout-pseries-be", "workout-pseries-be.elf");
    private static final Path EXPECTED = Path.of("..", "guests", "workout-pseries-be", "workout-pseries-be.expected");
    private static final Path BARE_GUEST = Path.of("..", "guests", "hello-bare-be", "hello-bare-be.elf");
    private static final long SAVED_AT = 150_000;
    private static final long TARGET_AT = 90_000;

    @TempDir
    Path temp;

    private Path good;
    private byte[] goodBytes;
    private Machine target;
    private ByteArrayOutputStream targetConsole;
    private byte[] targetState;
    private String sourceConsole;

    @BeforeEach
    void saveOneAndStartAnother() throws Exception {
        final ByteArrayOutputStream sourceOutput = new ByteArrayOutputStream();
        final Machine source = Machine.create(SnapshotDeterminismTest.config(GUEST, MachineType.PSERIES,
            sourceOutput));
        source.run(SAVED_AT);
        sourceConsole = sourceOutput.toString(StandardCharsets.ISO_8859_1);
        good = temp.resolve("good.jppc");
        source.saveSnapshot(good);
        goodBytes = Files.readAllBytes(good);
        targetConsole = new ByteArrayOutputStream();
        target = Machine.create(SnapshotDeterminismTest.config(GUEST, MachineType.PSERIES, targetConsole));
        target.run(TARGET_AT);
        targetState = state(target);
    }

    private byte[] state(final Machine machine) throws IOException {
        final Path file = Files.createTempFile(temp, "state", ".jppc");
        machine.saveSnapshot(file);
        return Files.readAllBytes(file);
    }

    /** Loading {@code bytes} fails with a message containing every one of {@code words}; the target is intact. */
    private void assertRefused(final byte[] bytes, final String... words) throws Exception {
        final Path bad = Files.createTempFile(temp, "bad", ".jppc");
        Files.write(bad, bytes);
        final SnapshotException e = assertThrows(SnapshotException.class, () -> target.loadSnapshot(bad));
        for (final String word : words) {
            assertTrue(e.getMessage().contains(word), "'" + e.getMessage() + "' should mention '" + word + "'");
        }
        assertArrayEquals(targetState, state(target), "the machine changed after refusing: " + e.getMessage());
    }

    private void assertTargetRunsOn() throws Exception {
        final StopReason reason = target.run(2_000_000_000L);
        assertEquals(0, target.exitStatus(reason));
        assertEquals(Files.readString(EXPECTED, StandardCharsets.ISO_8859_1),
            targetConsole.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shouldLoadTheGoodFileIntoARunningMachineAndRunOnFromIt() throws Exception {
        target.loadSnapshot(good);
        assertArrayEquals(goodBytes, state(target));
        final int before = targetConsole.size();
        final StopReason reason = target.run(2_000_000_000L);
        assertEquals(0, target.exitStatus(reason));
        final String after = new String(targetConsole.toByteArray(), before, targetConsole.size() - before,
            StandardCharsets.ISO_8859_1);
        assertEquals(Files.readString(EXPECTED, StandardCharsets.ISO_8859_1), sourceConsole + after);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 24, 63, 64, 200, 1000, 5000, 100_000, -25, -24, -1})
    void shouldRefuseATruncatedFile(final int cut) throws Exception {
        final int length = cut >= 0 ? Math.min(cut, goodBytes.length - 1) : goodBytes.length + cut;
        final byte[] truncated = java.util.Arrays.copyOf(goodBytes, length);
        final Path bad = Files.createTempFile(temp, "cut", ".jppc");
        Files.write(bad, truncated);
        final SnapshotException e = assertThrows(SnapshotException.class, () -> target.loadSnapshot(bad));
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("trailer"), e.getMessage());
        assertArrayEquals(targetState, state(target));
        if (cut == -1) {
            assertTargetRunsOn();
        }
    }

    @Test
    void shouldNameTheSectionWhosePayloadHasAFlippedByte() throws Exception {
        try (SnapshotFile file = SnapshotFile.open(good)) {
            for (final SnapshotFile.Section section : file.sections()) {
                for (final long at : new long[] {0, section.length() / 2, section.length() - 1}) {
                    final byte[] bytes = goodBytes.clone();
                    bytes[(int) (section.offset() + at)] ^= 0x10;
                    assertRefused(bytes, "section '" + section.name() + "'", "CRC32C", "corrupted");
                }
            }
        }
        assertTargetRunsOn();
    }

    @Test
    void shouldNameTheSectionWhoseHeaderHasAFlippedByte() throws Exception {
        try (SnapshotFile file = SnapshotFile.open(good)) {
            int index = 0;
            for (final SnapshotFile.Section section : file.sections()) {
                final byte[] bytes = goodBytes.clone();
                bytes[(int) section.offset() - 20] ^= 0x01;
                assertRefused(bytes, "header of section #" + index, "corrupted");
                index++;
            }
        }
    }

    @Test
    void shouldRefuseAnotherContainerVersion() throws Exception {
        final byte[] bytes = goodBytes.clone();
        ByteBuffer.wrap(bytes).putInt(8, 2);
        resealFileHeader(bytes);
        assertRefused(bytes, "container format version 2", "reads version 1");
        assertTargetRunsOn();
    }

    @Test
    void shouldRefuseANewerSectionVersion() throws Exception {
        final byte[] bytes = goodBytes.clone();
        final SnapshotFile.Section cpu = section("cpu");
        ByteBuffer.wrap(bytes).putInt((int) cpu.offset() - 40 + 16, 7);
        resealSectionHeader(bytes, cpu);
        assertRefused(bytes, "section 'cpu'", "version 7");
    }

    @Test
    void shouldRefuseAFileFromAnotherMachineType() throws Exception {
        final Machine bare = Machine.create(SnapshotDeterminismTest.config(BARE_GUEST, MachineType.BARE,
            new ByteArrayOutputStream()));
        bare.run(1000);
        final Path file = temp.resolve("bare.jppc");
        bare.saveSnapshot(file);
        assertRefused(Files.readAllBytes(file), "section 'machine'", "bare machine", "pseries machine");
        assertTargetRunsOn();
    }

    @Test
    void shouldRefuseAFileWithAnotherRamSize() throws Exception {
        final Machine small = Machine.create(SnapshotDeterminismTest.config(GUEST, MachineType.PSERIES,
            new ByteArrayOutputStream()).memory(256L << 20));
        small.run(1000);
        final Path file = temp.resolve("small.jppc");
        small.saveSnapshot(file);
        assertRefused(Files.readAllBytes(file), "section 'machine'", "256 MiB", "512 MiB");
    }

    @Test
    void shouldRefuseAnUnknownSection() throws Exception {
        final Machine source = Machine.create(SnapshotDeterminismTest.config(GUEST, MachineType.PSERIES,
            new ByteArrayOutputStream()));
        final List<Snapshottable> parts = new ArrayList<>(source.snapshotParts());
        parts.add(new Extra());
        final Path file = temp.resolve("extra.jppc");
        SnapshotWriter.write(file, parts);
        assertRefused(Files.readAllBytes(file), "section 'gpu'", "unknown section");
    }

    @Test
    void shouldRefuseAMissingSection() throws Exception {
        final Machine source = Machine.create(SnapshotDeterminismTest.config(GUEST, MachineType.PSERIES,
            new ByteArrayOutputStream()));
        final List<Snapshottable> parts = new ArrayList<>(source.snapshotParts());
        parts.removeIf(part -> part.snapshotName().equals("vterm"));
        final Path file = temp.resolve("missing.jppc");
        SnapshotWriter.write(file, parts);
        assertRefused(Files.readAllBytes(file), "section 'vterm'", "missing");
    }

    /** A payload that passes its CRC but not its own checks: the sections before it are not applied either. */
    @Test
    void shouldRefuseBadContentWithAGoodChecksum() throws Exception {
        final byte[] bytes = goodBytes.clone();
        final SnapshotFile.Section mmu = section("mmu");
        // The table mode byte follows the 32 SLB entries of 16 bytes.
        bytes[(int) mmu.offset() + 32 * 16] = 9;
        resealPayload(bytes, mmu);
        assertRefused(bytes, "section 'mmu'", "table mode 9");

        final byte[] longer = goodBytes.clone();
        final SnapshotFile.Section xics = section("xics");
        // XIRR presenting a number that is no source.
        ByteBuffer.wrap(longer).putInt((int) xics.offset(), 0xFF00_0777);
        resealPayload(longer, xics);
        assertRefused(longer, "section 'xics'", "no source");
        assertTargetRunsOn();
    }

    @Test
    void shouldRefuseAFileThatIsNoSnapshot() throws Exception {
        assertRefused("hello, world, this is not a snapshot at all, not even close".getBytes(StandardCharsets.US_ASCII),
            "not a jppc snapshot");
    }

    private SnapshotFile.Section section(final String name) throws Exception {
        try (SnapshotFile file = SnapshotFile.open(good)) {
            return file.section(name);
        }
    }

    private static int crc(final byte[] bytes, final int from, final int length) {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    private static void resealFileHeader(final byte[] bytes) {
        ByteBuffer.wrap(bytes).putInt(20, crc(bytes, 0, 20));
    }

    private static void resealSectionHeader(final byte[] bytes, final SnapshotFile.Section section) {
        final int header = (int) section.offset() - 40;
        ByteBuffer.wrap(bytes).putInt(header + 36, crc(bytes, header, 36));
    }

    private static void resealPayload(final byte[] bytes, final SnapshotFile.Section section) {
        final int header = (int) section.offset() - 40;
        ByteBuffer.wrap(bytes).putInt(header + 32, crc(bytes, (int) section.offset(), (int) section.length()));
        resealSectionHeader(bytes, section);
    }

    /** A part no machine has. */
    private static final class Extra implements Snapshottable {
        @Override
        public String snapshotName() {
            return "gpu";
        }

        @Override
        public int snapshotVersion() {
            return 1;
        }

        @Override
        public void save(final StateOutput out) throws IOException {
            out.u32(42);
        }

        @Override
        public Restore prepareRestore(final StateInput in, final int version) {
            return () -> { };
        }
    }
}
