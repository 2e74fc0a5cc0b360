package dev.jppc.machine.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guest path resolution: every path, however built, lands below the root. */
class RootedFileSystemTest {

    @TempDir
    Path root;

    private RootedFileSystem files;

    @BeforeEach
    void setUp() throws Exception {
        UserProcessTest.copyTourRoot(root);
        Files.createSymbolicLink(root.resolve("sub").resolve("up"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
        files = new RootedFileSystem(root);
    }

    @AfterEach
    void tearDown() throws Exception {
        UserProcessTest.removeLinks(root);
    }

    @ParameterizedTest
    @CsvSource({
        "/, hello.txt, true, /hello.txt",
        "/sub, ../hello.txt, true, /hello.txt",
        "/, ../../../etc/passwd, true, /etc/passwd",
        "/, /.., true, /",
        "/sub, ../../.., true, /",
        "/, link, true, /hello.txt",
        "/, link, false, /link",
        "/, escape, true, /etc/passwd",
        "/, abs-escape, true, /etc/passwd",
        "/, sub/up/sub/up/hello.txt, true, /hello.txt",
        "/, ./sub//./inner.txt, true, /sub/inner.txt",
    })
    void shouldResolveInsideTheRoot(final String base, final String path, final boolean follow,
                                    final String guest) throws Exception {
        final RootedFileSystem.Resolved r = files.resolve(base, path, follow);
        assertEquals(guest, r.guest());
        assertTrue(r.host().startsWith(root.toRealPath()), r.host().toString());
        assertEquals(root.toRealPath().resolve(guest.substring(1)).normalize(), r.host().normalize());
    }

    @Test
    void shouldRefuseLoopsEmptyPathsAndFilesUsedAsFolders() {
        assertEquals(Errno.ELOOP, assertThrows(Errno.class, () -> files.resolve("/", "loop", true)).code());
        assertEquals(Errno.ENOENT, assertThrows(Errno.class, () -> files.resolve("/", "", true)).code());
        assertEquals(Errno.ENOTDIR, assertThrows(Errno.class,
            () -> files.resolve("/", "hello.txt/x", true)).code());
    }
}
