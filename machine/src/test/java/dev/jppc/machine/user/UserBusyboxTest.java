package dev.jppc.machine.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debian's static busybox for ppc64el (fetched into cache/debian by scripts/fetch-debian-guest.sh, never
 * committed; skipped when absent) runs applets through {@code jppc user} on a copy of guests/user-tour/root.
 * Expected outputs were checked against qemu-ppc64le running the same busybox.
 */
class UserBusyboxTest {

    static final Path BUSYBOX = Path.of("..", "cache", "debian", "busybox");

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

    /** Splits at spaces outside single quotes. */
    private static List<String> split(final String command) {
        if (!command.contains("'")) {
            return Arrays.asList(command.split(" "));
        }
        final int open = command.indexOf('\'');
        final List<String> head = new java.util.ArrayList<>(Arrays.asList(command.substring(0, open).trim().split(" ")));
        head.add(command.substring(open + 1, command.lastIndexOf('\'')));
        return head;
    }
}
