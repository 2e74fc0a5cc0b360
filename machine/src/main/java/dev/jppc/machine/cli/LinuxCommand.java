package dev.jppc.machine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.jppc.machine.Machine;
import dev.jppc.machine.MachineConfig;
import dev.jppc.machine.MachineException;
import dev.jppc.machine.MachineType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jppc linux}: boots the Debian kernel and busybox initramfs that scripts/fetch-debian-guest.sh puts in
 * the cache, on the pseries machine, with the console on the terminal. A shortcut for the longer
 * {@code jppc run --memory 1G --initrd ... --append console=hvc0 vmlinux} of docs/linux.md.
 */
@Command(name = "linux", mixinStandardHelpOptions = true,
    description = "Boot Debian's ppc64el kernel to a busybox shell on hvc0 (Ctrl-A x quits). "
        + "Fetch it first with scripts/fetch-debian-guest.sh.")
public final class LinuxCommand implements Callable<Integer> {

    @Option(names = "--cache", paramLabel = "DIR",
        description = "where the kernel was fetched (default: $JPPC_CACHE, else cache/debian in the jppc folder)")
    Path cache;

    @Option(names = "--kernel", description = "kernel ELF (default: vmlinux in the cache)")
    Path kernel;

    @Option(names = "--initrd", description = "initial RAM disk (default: initramfs.cpio.gz in the cache)")
    Path initrd;

    @Option(names = "--memory", description = "RAM size (default: 1G)", defaultValue = "1G")
    String memory;

    @Option(names = "--append", description = "more kernel command line after console=hvc0", defaultValue = "")
    String append;

    @Option(names = "--max-insns", description = "stop (exit status 3) after this many instructions")
    Long maxInstructions;

    @Option(names = "--timeout", description = "stop (exit status 3) after this many seconds")
    Double timeoutSeconds;

    @Override
    public Integer call() {
        final Path folder = cache != null ? cache : defaultCache();
        final Path image = kernel != null ? kernel : folder.resolve("vmlinux");
        final Path ramdisk = initrd != null ? initrd : folder.resolve("initramfs.cpio.gz");
        for (final Path file : new Path[] {image, ramdisk}) {
            if (!Files.isRegularFile(file)) {
                System.err.println("jppc: no " + file + ": fetch Debian's kernel and busybox first with"
                    + " scripts/fetch-debian-guest.sh (see docs/linux.md)");
                return Main.EXIT_USAGE;
            }
        }
        final MachineConfig config = new MachineConfig().type(MachineType.PSERIES).image(image).initrd(ramdisk)
            .append(append.isBlank() ? "console=hvc0" : "console=hvc0 " + append.strip());
        final Machine m;
        try {
            config.memory(MachineConfig.parseSize(memory));
            m = Machine.create(config);
        } catch (final IllegalArgumentException | MachineException e) {
            System.err.println("jppc: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        return RunCommand.run(m, maxInstructions == null ? Long.MAX_VALUE : maxInstructions, timeoutSeconds, false);
    }

    /** $JPPC_CACHE, else cache/debian under the folder the launcher runs from ($JPPC_HOME), else here. */
    static Path defaultCache() {
        final String cacheVariable = System.getenv("JPPC_CACHE");
        if (cacheVariable != null && !cacheVariable.isEmpty()) {
            return Path.of(cacheVariable);
        }
        final String home = System.getenv("JPPC_HOME");
        return (home != null && !home.isEmpty() ? Path.of(home) : Path.of("")).resolve("cache").resolve("debian");
    }
}
