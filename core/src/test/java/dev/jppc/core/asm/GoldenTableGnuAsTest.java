package dev.jppc.core.asm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-assembles golden.txt with GNU as, when it is installed, so that a hand-edited or stale table cannot pass.
 * The default build does not need binutils: without them this test is skipped.
 */
class GoldenTableGnuAsTest {

    private static final String AS = "powerpc64le-linux-gnu-as";
    private static final String OBJCOPY = "powerpc64le-linux-gnu-objcopy";

    @Test
    void shouldStillMatchGnuAs(@TempDir final Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath(AS) && onPath(OBJCOPY),
                AS + " and " + OBJCOPY + " are not on the PATH (Debian: binutils-powerpc64le-linux-gnu);"
                        + " skipping the re-assembly of golden.txt");
        final List<GoldenTable.Case> cases = GoldenTable.cases();
        final Path source = dir.resolve("cases.s");
        final Path object = dir.resolve("cases.o");
        final Path binary = dir.resolve("cases.bin");
        Files.writeString(source, assemblerSource(cases), StandardCharsets.UTF_8);

        final List<String> assemble = new ArrayList<>(List.of(AS));
        assemble.addAll(GoldenTable.GNU_AS_FLAGS);
        assemble.addAll(List.of("-o", object.toString(), source.toString()));
        run(assemble, dir);
        run(List.of(OBJCOPY, "-O", "binary", "-j", ".text", object.toString(), binary.toString()), dir);

        final ByteBuffer words = ByteBuffer.wrap(Files.readAllBytes(binary)); // -mbig: big-endian words
        assertEquals(cases.size() * 4, words.remaining(), "bytes GNU as produced for " + cases.size() + " cases");
        assertAll(IntStream.range(0, cases.size()).mapToObj(i -> (Executable) () -> assertEquals(
                String.format("0x%08x", words.getInt(i * 4)), String.format("0x%08x", cases.get(i).word()),
                () -> "golden.txt:" + cases.get(i).line() + " " + cases.get(i).source() + " (GNU first)")));
    }

    /** The cases in order, each followed by a check (as in regenerate.sh) that it assembled to one word. */
    private static String assemblerSource(final List<GoldenTable.Case> cases) {
        final StringBuilder s = new StringBuilder(".Lstart:\n");
        for (int i = 0; i < cases.size(); i++) {
            s.append(cases.get(i).source()).append('\n')
                    .append(".if (. - .Lstart) - ").append(4 * (i + 1)).append('\n')
                    .append(".error \"golden.txt:").append(cases.get(i).line()).append(" is not one word\"\n")
                    .append(".endif\n");
        }
        return s.toString();
    }

    private static void run(final List<String> command, final Path dir) throws IOException, InterruptedException {
        final Path log = dir.resolve("tool.log");
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within 60 s");
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + readLog(log));
    }

    private static String readLog(final Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(final String tool) {
        final String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (final String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }
}
