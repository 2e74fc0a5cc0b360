package dev.jppc.machine.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A static glibc program (guests/user-glibc/hello-glibc.c), compiled at test time with Debian's cross compilers
 * (skipped when they are absent), must print guests/user-glibc/hello-glibc.expected and exit with 7. Static glibc
 * uses floating-point, VMX and VSX instructions from its first lines, so this also checks those in user mode.
 */
class UserGlibcTest {

    private static final Path SOURCE = UserProcessTest.GUESTS.resolve("user-glibc").resolve("hello-glibc.c");

    @TempDir
    Path work;

    @AfterEach
    void tearDown() throws IOException {
        UserProcessTest.removeLinks(work);
    }

    static boolean compile(final String compiler, final Path source, final Path elf) {
        try {
            final Process p = new ProcessBuilder(compiler, "-static", "-O2", "-o", elf.toString(), source.toString())
                .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (final IOException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"powerpc64le-linux-gnu-gcc", "powerpc64-linux-gnu-gcc"})
    void shouldRunAStaticGlibcProgram(final String compiler) throws Exception {
        final Path elf = work.resolve("hello-glibc.elf");
        assumeTrue(compile(compiler, SOURCE, elf), compiler + " (with static glibc) is not installed");
        final Path root = Files.createDirectory(work.resolve("root"));
        UserProcessTest.copyTourRoot(root);
        final UserProcessTest.Run r = UserProcessTest.run(new UserConfig().program(elf).args(List.of("arg1"))
            .environment(List.of("JPPC_GREETING=hi")).root(root).memory(UserProcessTest.MEMORY));
        assertEquals(Files.readString(SOURCE.resolveSibling("hello-glibc.expected")), r.stdout(), r.log());
        assertEquals(7, r.status(), r.log());
        assertEquals("", r.log());
    }
}
