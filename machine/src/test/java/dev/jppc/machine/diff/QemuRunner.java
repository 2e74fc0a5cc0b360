package dev.jppc.machine.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program on QEMU's Linux user mode (Debian package qemu-user): {@code qemu-ppc64le} or
 * {@code qemu-ppc64} with the family's {@code -cpu} model.
 */
final class QemuRunner implements GuestRunner {

    private static final long TIMEOUT_SECONDS = 30;

    private final Path scratch;

    QemuRunner(final Path scratch) {
        this.scratch = scratch;
    }

    /** The emulator for byte order {@code order}. */
    static String command(final ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? "qemu-ppc64le" : "qemu-ppc64";
    }

    /** Whether both emulators are on the PATH. */
    static boolean available() {
        return onPath(command(ByteOrder.LITTLE_ENDIAN)) && onPath(command(ByteOrder.BIG_ENDIAN));
    }

    private static boolean onPath(final String name) {
        final String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (final String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, name))) {
                return true;
            }
        }
        return false;
    }

    /** qemu's own version line, for the header of reference files. */
    static String version() throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(command(ByteOrder.LITTLE_ENDIAN), "--version")
            .redirectErrorStream(true).start();
        final String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return text.lines().findFirst().orElse("unknown");
    }

    /** With -Djppc.diff.keep=DIR, the programs run are also saved there (FAMILY-ORDER-SEED.elf) for objdump. */
    private static void keep(final DiffProgram program) throws IOException {
        final String directory = System.getProperty("jppc.diff.keep");
        if (directory != null) {
            final String name = program.family().id() + "-" + DiffProgram.orderName(program.order()) + "-"
                + program.seed() + ".elf";
            Files.createDirectories(Path.of(directory));
            Files.write(Path.of(directory, name), program.elf());
        }
    }

    @Override
    public Output run(final DiffProgram program) {
        try {
            final Path elf = Files.createTempFile(scratch, "diff-", ".elf");
            try {
                Files.write(elf, program.elf());
                // qemu's loader, like execve, refuses a file without execute permission.
                if (!elf.toFile().setExecutable(true)) {
                    return new Output(new byte[0], "cannot make " + elf + " executable");
                }
                keep(program);
                final Process process = new ProcessBuilder(command(program.order()), "-cpu", program.family().qemuCpu(),
                    elf.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                final byte[] stdout;
                try (InputStream in = process.getInputStream()) {
                    stdout = in.readAllBytes();
                }
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Output(stdout, "qemu timed out");
                }
                final int status = process.exitValue();
                return new Output(stdout, status == 0 ? null : "qemu exit status " + status);
            } finally {
                Files.deleteIfExists(elf);
            }
        } catch (final IOException e) {
            return new Output(new byte[0], "cannot run qemu: " + e.getMessage());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(new byte[0], "interrupted");
        }
    }
}
