package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.jppc.core.StopReason;

/**
 * Snapshot determinism on the bundled guests: a run stopped at a random instruction N, saved, restored into a
 * fresh machine and run on prints exactly the console output, ends with exactly the exit status, and reaches
 * exactly the final state (every section of a final snapshot, byte for byte) of a run that never stopped. One
 * stop point of every guest is restored in a fresh JVM through {@code jppc run --restore}.
 *
 * <p>The stop points come from a seeded generator ({@code -Djppc.snapshot.seed=...}, printed with each point),
 * {@link #STOPS_PER_GUEST} per guest.
 */
class SnapshotDeterminismTest {

    /** Stop points per guest (-Djppc.snapshot.stops=...): 4 of each of the 12 guests by default. */
    static final int STOPS_PER_GUEST = Integer.getInteger("jppc.snapshot.stops", 4);
    private static final long SEED = Long.getLong("jppc.snapshot.seed", 0x5EED_2026L);
    private static final Path GUESTS = Path.of("..", "guests");
    private static final long BUDGET = 2_000_000_000L;
    /** The guests' clock: the same in every run, as the rest of virtual time. */
    static final long BOOT_TIME = 1_700_000_000L;

    @TempDir
    Path temp;

    /** The whole outcome of one run: what it printed, how it ended, and its final snapshot. */
    record Outcome(String console, int exitStatus, long instructions, byte[] finalState) {
    }

    @TestFactory
    Stream<DynamicTest> everyGuestContinuesIdenticallyAfterARestore() throws IOException {
        final List<Path> images;
        try (Stream<Path> list = Files.list(GUESTS)) {
            // The machine guests (as GuestProgramsTest): those with an expected console; user-mode ones have none.
            images = list.filter(dir -> Files.isRegularFile(dir.resolve(dir.getFileName() + ".expected")))
                .map(dir -> dir.resolve(dir.getFileName() + ".elf")).filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(images.isEmpty(), "no guests under " + GUESTS.toAbsolutePath());
        return images.stream().map(image -> DynamicTest.dynamicTest(image.getFileName().toString(),
            () -> checkGuest(image)));
    }

    private void checkGuest(final Path image) throws Exception {
        final String name = image.getFileName().toString();
        final MachineType type = name.contains("-bare-") ? MachineType.BARE : MachineType.PSERIES;
        final Outcome reference = runToEnd(image, type);
        assertTrue(reference.instructions() > 1, name + " ran no instructions");
        final SplittableRandom random = new SplittableRandom(SEED ^ name.hashCode());
        for (int k = 0; k < STOPS_PER_GUEST; k++) {
            final long stop = 1 + random.nextLong(reference.instructions() - 1);
            final boolean freshJvm = k == 0;
            System.out.printf("SnapshotDeterminismTest: %s seed 0x%x stop %d of %d at N = %d%s%n", name, SEED, k + 1,
                STOPS_PER_GUEST, stop, freshJvm ? " (restored in a fresh JVM)" : "");
            final Outcome resumed = stopSaveRestore(image, type, stop, freshJvm);
            final String where = name + " stopped at N = " + stop + " (seed 0x" + Long.toHexString(SEED) + ")";
            assertEquals(reference.console(), resumed.console(), where + ": console output");
            assertEquals(reference.exitStatus(), resumed.exitStatus(), where + ": exit status");
            assertEquals(reference.instructions(), resumed.instructions(), where + ": instructions");
            assertArrayEquals(reference.finalState(), resumed.finalState(), where + ": final state");
        }
    }

    private Outcome runToEnd(final Path image, final MachineType type) throws Exception {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final Machine machine = Machine.create(config(image, type, console));
        final StopReason reason = machine.run(BUDGET);
        return outcome(machine, console.toString(StandardCharsets.ISO_8859_1), machine.exitStatus(reason));
    }

    static MachineConfig config(final Path image, final MachineType type, final ByteArrayOutputStream console) {
        return new MachineConfig().type(type).image(image).console(console).bootTime(BOOT_TIME)
            .log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private Outcome outcome(final Machine machine, final String console, final int status) throws IOException {
        final Path state = Files.createTempFile(temp, "final", ".jppc");
        machine.saveSnapshot(state);
        return new Outcome(console, status, machine.cpu().instructions, Files.readAllBytes(state));
    }

    private Outcome stopSaveRestore(final Path image, final MachineType type, final long stop,
                                    final boolean freshJvm) throws Exception {
        final ByteArrayOutputStream before = new ByteArrayOutputStream();
        final Machine first = Machine.create(config(image, type, before));
        first.run(stop);
        final Path snapshot = Files.createTempFile(temp, "stop", ".jppc");
        first.saveSnapshot(snapshot);
        final String head = before.toString(StandardCharsets.ISO_8859_1);
        if (freshJvm) {
            return restoreInFreshJvm(snapshot, head);
        }
        final ByteArrayOutputStream after = new ByteArrayOutputStream();
        final Machine second = Machine.restore(snapshot, config(null, type, after));
        // A restored machine saves exactly the file it came from: nothing was lost on the way.
        final Path again = Files.createTempFile(temp, "again", ".jppc");
        second.saveSnapshot(again);
        assertArrayEquals(Files.readAllBytes(snapshot), Files.readAllBytes(again), "save after restore at " + stop);
        final StopReason reason = second.run(BUDGET);
        return outcome(second, head + after.toString(StandardCharsets.ISO_8859_1), second.exitStatus(reason));
    }

    /** {@code jppc run --restore FILE --snapshot-on-exit FINAL} in a new JVM on the test class path. */
    private Outcome restoreInFreshJvm(final Path snapshot, final String head) throws Exception {
        final Path finalState = temp.resolve("fresh-final.jppc");
        Files.deleteIfExists(finalState);
        final Path stdout = temp.resolve("fresh.out");
        final Path stderr = temp.resolve("fresh.err");
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), "dev.jppc.machine.cli.Main", "run",
            "--restore", snapshot.toString(), "--snapshot-on-exit", finalState.toString()));
        final Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the fresh JVM did not finish");
        final String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertTrue(Files.exists(finalState), "no final snapshot from the fresh JVM:\n" + errors);
        final ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        final Machine end = Machine.restore(finalState, new MachineConfig().console(ignored));
        return new Outcome(head + Files.readString(stdout, StandardCharsets.ISO_8859_1), process.exitValue(),
            end.cpu().instructions, Files.readAllBytes(finalState));
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
