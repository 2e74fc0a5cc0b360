package dev.jppc.machine.user;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link UserProcess}: the program, its arguments and environment, the folder that is its
 * "/", RAM, and where its standard streams and jppc's own messages go. A mutable builder with fluent setters.
 */
public final class UserConfig {

    /**
     * Default guest RAM: enough for busybox and small C programs. RAM is allocated (and zeroed by the JVM) up
     * front, so a larger default would slow every start.
     */
    public static final long DEFAULT_MEMORY = 64L << 20;

    private Path program;
    private byte[] programBytes;
    private String argv0;
    private List<String> args = List.of();
    private List<String> environment = List.of();
    private Path root = Path.of(".");
    private long memory = DEFAULT_MEMORY;
    private InputStream stdin = InputStream.nullInputStream();
    private OutputStream stdout = OutputStream.nullOutputStream();
    private OutputStream stderr = OutputStream.nullOutputStream();
    private PrintStream log = System.err;

    /** The static ELF to run; argv[0] is this path as given unless {@link #args} says otherwise. */
    public UserConfig program(final Path value) {
        program = Objects.requireNonNull(value);
        programBytes = null;
        return this;
    }

    /** The ELF already in memory; {@code name} becomes argv[0]'s default. */
    public UserConfig program(final byte[] value, final String name) {
        programBytes = value.clone();
        program = Path.of(name);
        return this;
    }

    /** argv[0] instead of the program's path (a busybox applet name, a stable name for tests). */
    public UserConfig argv0(final String value) {
        argv0 = value;
        return this;
    }

    /** argv[1..]: the arguments after the program name. */
    public UserConfig args(final List<String> value) {
        args = List.copyOf(value);
        return this;
    }

    /** envp, as NAME=VALUE strings. */
    public UserConfig environment(final List<String> value) {
        environment = List.copyOf(value);
        return this;
    }

    /** The host folder the guest sees as "/" (default: the current folder). */
    public UserConfig root(final Path value) {
        root = Objects.requireNonNull(value);
        return this;
    }

    /** Guest RAM in bytes: a multiple of 64 KiB from 16 MiB to 64 GiB. */
    public UserConfig memory(final long bytes) {
        memory = bytes;
        return this;
    }

    public UserConfig stdin(final InputStream value) {
        stdin = Objects.requireNonNull(value);
        return this;
    }

    public UserConfig stdout(final OutputStream value) {
        stdout = Objects.requireNonNull(value);
        return this;
    }

    public UserConfig stderr(final OutputStream value) {
        stderr = Objects.requireNonNull(value);
        return this;
    }

    /** Where jppc's own messages go (signals that end the program, unknown system calls). */
    public UserConfig log(final PrintStream value) {
        log = Objects.requireNonNull(value);
        return this;
    }

    public Path program() {
        return program;
    }

    byte[] programBytes() {
        return programBytes;
    }

    /** argv: the program name followed by {@link #args}. */
    public List<String> argv() {
        final List<String> argv = new ArrayList<>();
        argv.add(argv0 != null ? argv0 : program == null ? "" : program.toString());
        argv.addAll(args);
        return argv;
    }

    public List<String> environment() {
        return environment;
    }

    public Path root() {
        return root;
    }

    public long memory() {
        return memory;
    }

    InputStream stdin() {
        return stdin;
    }

    OutputStream stdout() {
        return stdout;
    }

    OutputStream stderr() {
        return stderr;
    }

    PrintStream log() {
        return log;
    }
}
