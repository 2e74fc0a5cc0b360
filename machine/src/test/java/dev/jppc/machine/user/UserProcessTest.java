package dev.jppc.machine.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.machine.MachineException;

/**
 * Runs the committed user-tour guests (guests/user-tour-le, -be) through {@link UserProcess}: the whole
 * standard output, the log and the exit status must be exactly the committed ones, and every way to die
 * must give Linux's status and one line on the log.
 */
class UserProcessTest {

    static final Path GUESTS = Path.of("..", "guests");
    private static final long BUDGET = 200_000_000L;
    /** Small RAM keeps each run's start cheap (the JVM zeroes it). */
    static final long MEMORY = 16L << 20;

    @TempDir
    Path root;

    /** What one run left behind. */
    record Run(int status, String stdout, String stderr, String log) {
    }

    /** Copies guests/user-tour/root (symbolic links as links) to {@code target}. */
    static void copyTourRoot(final Path target) throws IOException {
        final Path source = GUESTS.resolve("user-tour").resolve("root");
        try (Stream<Path> walk = Files.walk(source)) {
            for (final Path p : walk.toList()) {
                final Path to = target.resolve(source.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    /** Removes the symbolic links under {@code dir}, so that JUnit's clean-up has none to warn about. */
    static void removeLinks(final Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (final Path p : walk.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        removeLinks(root);
    }

    static Run run(final UserConfig config) throws MachineException {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        config.stdout(stdout).stderr(stderr).log(new PrintStream(log, true, StandardCharsets.UTF_8));
        final int status = UserProcess.create(config).run(BUDGET);
        return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
            log.toString(StandardCharsets.UTF_8));
    }

    private Run tour(final String order, final String... args) throws Exception {
        copyTourRoot(root);
        final String name = "user-tour-" + order;
        return run(new UserConfig().program(GUESTS.resolve(name).resolve(name + ".elf")).argv0("user-tour")
            .args(List.of(args)).environment(List.of("JPPC_TOUR=yes", "HOME=/")).root(root).memory(MEMORY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"le", "be"})
    void shouldPassTheWholeTour(final String order) throws Exception {
        final Path dir = GUESTS.resolve("user-tour-" + order);
        final Run r = tour(order);
        assertEquals(Files.readString(dir.resolve("user-tour-" + order + ".stdout")), r.stdout(), "stdout");
        assertEquals(Files.readString(dir.resolve("user-tour-" + order + ".stderr")), r.log(), "jppc's messages");
        assertEquals(Integer.parseInt(Files.readString(dir.resolve("user-tour-" + order + ".exit")).trim()),
            r.status(), "exit status");
        assertFalse(Files.exists(root.resolve("newdir"), LinkOption.NOFOLLOW_LINKS), "the tour cleans up");
    }

    @ParameterizedTest
    @ValueSource(strings = {"le", "be"})
    void shouldEndWithTheGuestsExitStatus(final String order) throws Exception {
        final Run r = tour(order, "exit", "42");
        assertEquals(42, r.status());
        assertEquals("", r.stdout() + r.log());
    }

    @ParameterizedTest
    @CsvSource({
        "le, segv, 139, touching 0x8000, jppc user: SIGSEGV at 0x8000 (pc 0x",
        "be, segv, 139, touching 0x8000, jppc user: SIGSEGV at 0x8000 (pc 0x",
        "le, rowrite, 139, writing to read-only data, jppc user: SIGSEGV at 0x1000",
        "le, ill, 132, '', jppc user: SIGILL at 0x1000",
        "be, ill, 132, '', jppc user: SIGILL at 0x1000",
        "le, trap, 133, '', jppc user: SIGTRAP at 0x1000",
        "be, kill, 134, '', jppc user: killed by signal 6",
    })
    void shouldDieOfFatalSignalsAsLinuxWould(final String order, final String mode, final int status,
                                             final String stdout, final String logStart) throws Exception {
        final Run r = tour(order, mode);
        assertEquals(status, r.status(), r.log());
        assertEquals(stdout.isEmpty() ? "" : stdout + "\n", r.stdout());
        assertTrue(r.log().startsWith(logStart), r.log());
        assertEquals(1, r.log().lines().count(), "one line: " + r.log());
    }

    @Test
    void shouldStopAtTheInstructionBudget() throws Exception {
        copyTourRoot(root);
        final UserProcess p = UserProcess.create(new UserConfig()
            .program(GUESTS.resolve("user-tour-le").resolve("user-tour-le.elf")).root(root).memory(MEMORY)
            .log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertEquals(UserProcess.EXIT_BUDGET, p.run(1000));
        assertFalse(p.exited());
    }

    @Test
    void shouldRefuseWhatItCannotRun() {
        assertThrows(MachineException.class, () -> UserProcess.create(new UserConfig()
            .program(GUESTS.resolve("no-such.elf")).root(root)));
        assertThrows(MachineException.class, () -> UserProcess.create(new UserConfig()
            .program(Path.of("pom.xml")).root(root)));
        assertThrows(MachineException.class, () -> UserProcess.create(new UserConfig()
            .program(GUESTS.resolve("user-tour-le").resolve("user-tour-le.elf")).root(root.resolve("missing"))));
        assertThrows(MachineException.class, () -> UserProcess.create(new UserConfig()
            .program(GUESTS.resolve("user-tour-le").resolve("user-tour-le.elf")).root(root).memory(12345)));
    }
}
