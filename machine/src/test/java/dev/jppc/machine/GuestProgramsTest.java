package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.jppc.core.StopReason;

/**
 * Runs every bundled guest in guests/ (one folder per program: NAME.elf, NAME.expected, NAME.exit) and
 * compares its whole console output and exit status. The machine comes from the name: *-bare-* runs on
 * the bare machine, everything else on pseries.
 */
class GuestProgramsTest {

    private static final Path GUESTS = Path.of("..", "guests");
    private static final long BUDGET = 2_000_000_000L;

    @TestFactory
    Stream<DynamicTest> everyGuestPrintsItsExpectedOutput() throws IOException {
        final List<Path> folders;
        try (Stream<Path> list = Files.list(GUESTS)) {
            folders = list.filter(dir -> Files.isRegularFile(dir.resolve(dir.getFileName() + ".elf"))
                && Files.isRegularFile(dir.resolve(dir.getFileName() + ".expected"))).sorted().toList();
        }
        assertFalse(folders.isEmpty(), "no guests found under " + GUESTS.toAbsolutePath());
        return folders.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    private static void run(final Path dir) throws Exception {
        final String name = dir.getFileName().toString();
        final String expected = Files.readString(dir.resolve(name + ".expected"), StandardCharsets.ISO_8859_1);
        final Path exitFile = dir.resolve(name + ".exit");
        final int expectedExit = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).trim()) : 0;
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final MachineType type = name.contains("-bare-") ? MachineType.BARE : MachineType.PSERIES;
        final Machine machine = Machine.create(new MachineConfig().type(type).image(dir.resolve(name + ".elf"))
            .console(console).log(new PrintStream(log, true, StandardCharsets.UTF_8)));
        final StopReason reason = machine.run(BUDGET);
        assertEquals(expected, console.toString(StandardCharsets.ISO_8859_1), name + " console output");
        assertEquals(expectedExit, machine.exitStatus(reason), name + " exit status (stopped by " + reason + ")");
    }
}
