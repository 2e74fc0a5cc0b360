package dev.jppc.machine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;


/** The Debian kernel and initramfs that scripts/fetch-debian-guest.sh caches, for the slow Linux tests. */
final class DebianGuest {

    /** scripts/fetch-debian-guest.sh writes to $JPPC_CACHE, else to cache/debian at the repository root. */
    static final Path CACHE = cacheFolder();

    private DebianGuest() {
    }

    /** A pseries machine with 1 GiB booting the cached kernel; skips the test when nothing is cached. */
    static Machine machine(final ByteArrayOutputStream console, final ByteArrayOutputStream log)
        throws MachineException {
        final Path kernel = CACHE.resolve("vmlinux");
        final Path initramfs = CACHE.resolve("initramfs.cpio.gz");
        Assumptions.assumeTrue(Files.isRegularFile(kernel) && Files.isRegularFile(initramfs),
            "no Debian kernel in " + CACHE.toAbsolutePath().normalize() + " (vmlinux, initramfs.cpio.gz):"
                + " run scripts/fetch-debian-guest.sh first or set JPPC_CACHE; skipping");
        return Machine.create(new MachineConfig().type(MachineType.PSERIES)
            .memory(MachineConfig.parseSize("1G")).image(kernel).initrd(initramfs).append("console=hvc0")
            .console(console).log(new PrintStream(log, true, StandardCharsets.UTF_8)));
    }

    static String tail(final String output) {
        final int keep = 4000;
        return "console (last " + keep + " characters):\n"
            + (output.length() > keep ? output.substring(output.length() - keep) : output);
    }

    private static Path cacheFolder() {
        final String fromEnvironment = System.getenv("JPPC_CACHE");
        return fromEnvironment != null && !fromEnvironment.isEmpty()
            ? Path.of(fromEnvironment) : Path.of("..", "cache", "debian");
    }
}
