package dev.jppc.machine.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fork, wait4/waitid, pipes between processes, dup2, close-on-exec, execve of /proc/self/exe and of huge files,
 * kill (of zombies too), SIGPIPE and the process cap, checked from inside a static glibc program (test resource
 * processes.c, compiled at test time with the cross compilers; skipped without them) in both byte orders: every
 * line it prints must say "ok".
 */
class ProcessesTest {

    private static final Path SOURCE = UserBusyboxTest.CASES.getParent().resolve("processes.c");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"powerpc64le-linux-gnu-gcc", "powerpc64-linux-gnu-gcc"})
    void shouldForkWaitPipeAndExecLikeLinux(final String compiler) throws Exception {
        final Path elf = work.resolve("processes.elf");
        assumeTrue(UserGlibcTest.compile(compiler, SOURCE, elf), compiler + " (with static glibc) is not installed");
        final Path root = Files.createDirectory(work.resolve("root"));
        final UserProcessTest.Run r = UserProcessTest.run(new UserConfig().program(elf).root(root)
            .memory(UserProcessTest.MEMORY));
        assertFalse(r.stdout().contains("FAIL"), r.stdout() + r.log());
        assertEquals(29, r.stdout().lines().filter(line -> line.startsWith("ok ")).count(), r.stdout() + r.log());
        assertEquals(0, r.status(), r.log());
        assertTrue(r.log().isEmpty(), r.log());
    }
}
