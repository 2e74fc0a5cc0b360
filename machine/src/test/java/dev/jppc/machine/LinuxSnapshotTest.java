package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot determinism on the Linux boot (slow, {@code -Pslow}; skipped without the fetched kernel, see
 * LinuxBootTest): Debian's kernel boots for {@value #INSTRUCTIONS} instructions without stopping; then, for
 * {@value #STOPS} seeded random stop points N, a boot stops at N, is saved, restored (the last one in a fresh JVM
 * through {@code jppc run --restore --max-insns}) and runs on to the same instruction count. Console output and
 * the final snapshot must be identical.
 */
@Tag("slow")
class LinuxSnapshotTest {

    static final int STOPS = 3;
    private static final long INSTRUCTIONS = 700_000_000L;
    private static final long SEED = Long.getLong("jppc.snapshot.seed", 0x5EED_2026L);
    private static final String BANNER = "Linux version 6.1.0";

    @TempDir
    Path temp;

    @Test
    void shouldBootIdenticallyAfterARestore() throws Exception {
        final Path cache = cacheFolder();
        final Path kernel = cache.resolve("vmlinux");
        final Path initramfs = cache.resolve("initramfs.cpio.gz");
        Assumptions.assumeTrue(Files.isRegularFile(kernel) && Files.isRegularFile(initramfs),
            "no Debian kernel in " + cache.toAbsolutePath().normalize() + ": run scripts/fetch-debian-guest.sh"
                + " first or set JPPC_CACHE; skipping the Linux snapshot test");

        final ByteArrayOutputStream referenceConsole = new ByteArrayOutputStream();
        final Machine reference = Machine.create(config(kernel, initramfs, referenceConsole));
        reference.runTo(INSTRUCTIONS);
        final String expected = referenceConsole.toString(StandardCharsets.ISO_8859_1);
        assertTrue(expected.contains(BANNER), "no kernel banner in " + INSTRUCTIONS + " instructions");
        final byte[] expectedState = state(reference);
        final long end = reference.cpu().instructions;

        final SplittableRandom random = new SplittableRandom(SEED);
        for (int k = 0; k < STOPS; k++) {
            final long stop = 1 + random.nextLong(end - 1);
            final boolean freshJvm = k == STOPS - 1;
            System.out.printf("LinuxSnapshotTest: seed 0x%x stop %d of %d at N = %d of %d%s%n", SEED, k + 1, STOPS,
                stop, end, freshJvm ? " (restored in a fresh JVM)" : "");
            final ByteArrayOutputStream before = new ByteArrayOutputStream();
            final Machine first = Machine.create(config(kernel, initramfs, before));
            first.runTo(stop);
            final Path snapshot = temp.resolve("stop" + k + ".jppc");
            first.saveSnapshot(snapshot);
            final long remaining = end - first.cpu().instructions;
            final String where = "stop at N = " + stop + " (seed 0x" + Long.toHexString(SEED) + ")";
            final String head = before.toString(StandardCharsets.ISO_8859_1);
            if (freshJvm) {
                final Path finalState = temp.resolve("fresh-final.jppc");
                final String output = runFreshJvm(snapshot, remaining, finalState);
                assertEquals(expected, head + output, where + ": console output");
                assertArrayEquals(expectedState, Files.readAllBytes(finalState), where + ": final state");
            } else {
                final ByteArrayOutputStream after = new ByteArrayOutputStream();
                final Machine second = Machine.restore(snapshot, new MachineConfig().console(after)
                    .log(quiet()));
                second.runTo(end);
                assertEquals(expected, head + after.toString(StandardCharsets.ISO_8859_1), where + ": console");
                assertArrayEquals(expectedState, state(second), where + ": final state");
            }
        }
    }

    private String runFreshJvm(final Path snapshot, final long budget, final Path finalState) throws Exception {
        final Path stdout = temp.resolve("fresh.out");
        final Path stderr = temp.resolve("fresh.err");
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC",
            "-cp", System.getProperty("java.class.path"), "dev.jppc.machine.cli.Main", "run",
            "--restore", snapshot.toString(), "--max-insns", Long.toString(budget),
            "--snapshot-on-exit", finalState.toString()));
        final Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
        assertTrue(process.waitFor(30, TimeUnit.MINUTES), "the fresh JVM did not finish");
        assertTrue(Files.exists(finalState), "no final snapshot: " + Files.readString(stderr));
        return Files.readString(stdout, StandardCharsets.ISO_8859_1);
    }

    private static MachineConfig config(final Path kernel, final Path initramfs, final ByteArrayOutputStream out) {
        return new MachineConfig().type(MachineType.PSERIES).memory(MachineConfig.parseSize("1G")).image(kernel)
            .initrd(initramfs).append("console=hvc0").console(out).bootTime(SnapshotDeterminismTest.BOOT_TIME)
            .log(quiet());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private byte[] state(final Machine machine) throws Exception {
        final Path file = Files.createTempFile(temp, "state", ".jppc");
        machine.saveSnapshot(file);
        final byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    private static Path cacheFolder() {
        final String fromEnvironment = System.getenv("JPPC_CACHE");
        return fromEnvironment != null && !fromEnvironment.isEmpty()
            ? Path.of(fromEnvironment) : Path.of("..", "cache", "debian");
    }
}
