package dev.jppc.machine.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Debian's static busybox for ppc64el (fetched into cache/debian by scripts/fetch-debian-guest.sh, never
 * committed; skipped when absent) runs applets through {@code jppc user} on a copy of guests/user-tour/root.
 * Expected outputs were checked against qemu-ppc64le running the same busybox.
 */
class UserBusyboxTest {

    static final Path BUSYBOX = Path.of("..", "cache", "debian", "busybox");
    /** cases.txt, fixtures/ and expected/ (test resources, checked in). */
    static final Path CASES = Path.of("src", "test", "resources", "dev", "jppc", "machine", "user", "busybox");

    @TempDir
    Path root;

    @AfterEach
    void tearDown() throws IOException {
        UserProcessTest.removeLinks(root);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "echo hello jppc | hello jppc\\n | 0",
        "cat hello.txt sub/inner.txt | Hello, file!\\ninner\\n | 0",
        "ls sub | inner.txt\\n | 0",
        "wc -c hello.txt | 13 hello.txt\\n | 0",
        "head -c 5 hello.txt | Hello | 0",
        "sh -c 'echo $((6*7)); exit 5' | 42\\n | 5",
        "cat /etc/passwd | '' | 1",
        "sha256sum hello.txt | a49616b56b028d78e6d9ef855ad7a1404181df2d65bb3773cf868f247f361a7d  hello.txt\\n | 0",
        "sort -r hello.txt sub/inner.txt | inner\\nHello, file!\\n | 0",
    })
    void shouldRunAnApplet(final String command, final String stdout, final int status) throws Exception {
        assumeTrue(Files.isRegularFile(BUSYBOX), "no busybox at " + BUSYBOX + " (run scripts/fetch-debian-guest.sh)");
        UserProcessTest.copyTourRoot(root);
        final List<String> args = split(command);
        final UserProcessTest.Run r = UserProcessTest.run(new UserConfig().program(BUSYBOX).argv0(args.get(0))
            .args(args.subList(1, args.size())).environment(List.of("PATH=/bin", "HOME=/")).root(root)
            .memory(UserProcessTest.MEMORY));
        assertEquals(stdout.replace("\\n", "\n"), r.stdout(), r.stderr() + r.log());
        assertEquals(status, r.status(), r.stderr() + r.log());
    }

    /**
     * The cases of busybox/cases.txt, whose expected stdout and status qemu-ppc64le produced
     * (scripts/busybox-vs-qemu.sh --regenerate): shells with pipelines, redirections and exit statuses, and
     * the applets the issue names.
     */
    static Stream<Arguments> qemuCases() throws IOException {
        final List<Arguments> cases = new ArrayList<>();
        for (final String line : Files.readAllLines(CASES.resolve("cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final String[] fields = line.split("\\|", 3);
            cases.add(Arguments.of(fields[0], fields[1], fields[2]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("qemuCases")
    void shouldPrintWhatQemuPrints(final String name, final String stdin, final String command) throws Exception {
        assumeTrue(Files.isRegularFile(BUSYBOX), "no busybox at " + BUSYBOX + " (run scripts/fetch-debian-guest.sh)");
        try (Stream<Path> fixtures = Files.list(CASES.resolve("fixtures"))) {
            for (final Path f : fixtures.toList()) {
                Files.copy(f, root.resolve(f.getFileName().toString()));
            }
        }
        final List<String> args = split(command);
        final byte[] input = stdin.equals("-") ? new byte[0] : Files.readAllBytes(CASES.resolve("fixtures")
            .resolve(stdin));
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final UserProcess process = UserProcess.create(new UserConfig().program(BUSYBOX).argv0(args.get(0))
            .args(args.subList(1, args.size())).environment(List.of("PATH=/bin", "HOME=/")).root(root)
            .memory(UserProcessTest.MEMORY).stdin(new ByteArrayInputStream(input)).stdout(stdout).stderr(stderr)
            .log(new PrintStream(stderr, true, StandardCharsets.UTF_8)));
        final int status = process.run(Long.MAX_VALUE);
        final String why = stderr.toString(StandardCharsets.UTF_8);
        assertArrayEquals(Files.readAllBytes(CASES.resolve("expected").resolve(name + ".out")),
            stdout.toByteArray(), why);
        assertEquals(Integer.parseInt(Files.readString(CASES.resolve("expected").resolve(name + ".status")).strip()),
            status, why);
        assertEquals(0, process.processCount() - 1, "every child was reaped");
    }

    @Test
    void shouldSurviveAForkBomb() throws Exception {
        assumeTrue(Files.isRegularFile(BUSYBOX), "no busybox at " + BUSYBOX + " (run scripts/fetch-debian-guest.sh)");
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final UserProcess process = UserProcess.create(new UserConfig().program(BUSYBOX).argv0("sh")
            .args(List.of("-c", "f() { f | f; }; f; echo survived")).environment(List.of("PATH=/bin")).root(root)
            .memory(UserProcessTest.MEMORY).stdout(stdout).stderr(stderr)
            .log(new PrintStream(stderr, true, StandardCharsets.UTF_8)));
        assertEquals(0, process.run(Long.MAX_VALUE), stderr.toString(StandardCharsets.UTF_8));
        assertEquals("survived\n", stdout.toString(StandardCharsets.UTF_8));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("can't fork: Resource temporarily unavailable"));
    }

    /** Splits at spaces outside single quotes, which group words and are removed (as in scripts/busybox-vs-qemu.sh). */
    static List<String> split(final String command) {
        final List<String> words = new ArrayList<>();
        final StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (final char ch : command.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (ch == ' ' && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
