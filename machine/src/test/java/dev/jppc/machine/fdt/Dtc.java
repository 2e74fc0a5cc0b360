package dev.jppc.machine.fdt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the device tree compiler (Debian package device-tree-compiler) when it is on the PATH. */
final class Dtc {

    static final String MISSING = "dtc (package device-tree-compiler) is not on the PATH; skipping the dtc cross-check";

    private Dtc() {
    }

    static boolean available() {
        try {
            final Process p = new ProcessBuilder("dtc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (final IOException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code dtc -I dtb -O dts}: the blob as source text. */
    static String decompile(final Path dir, final byte[] blob) throws IOException, InterruptedException {
        final Path in = dir.resolve("in.dtb");
        Files.write(in, blob);
        return new String(run(List.of("-I", "dtb", "-O", "dts", in.toString())), StandardCharsets.UTF_8);
    }

    /** {@code dtc -I dts -O dtb -b 0}: source text as a blob. */
    static byte[] compile(final Path dir, final String dts) throws IOException, InterruptedException {
        final Path in = dir.resolve("in.dts");
        Files.writeString(in, dts);
        return run(List.of("-q", "-I", "dts", "-O", "dtb", "-b", "0", in.toString()));
    }

    private static byte[] run(final List<String> args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add("dtc");
        command.addAll(args);
        final Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("dtc failed: " + command);
        }
        return out;
    }
}
