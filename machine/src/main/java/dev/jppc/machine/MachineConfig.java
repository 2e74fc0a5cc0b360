package dev.jppc.machine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to build a {@link Machine}: the board, its RAM, what to load and where the console goes. A mutable
 * builder with fluent setters; {@link Machine#create(MachineConfig)} validates it.
 */
public final class MachineConfig {

    private MachineType type = MachineType.PSERIES;
    private long memory;
    private Path image;
    private byte[] imageBytes;
    private Path initrd;
    private Path bios;
    private String append = "";
    private OutputStream console = System.out;
    private PrintStream log = System.err;
    private Long bootTime;

    public MachineConfig type(final MachineType value) {
        type = Objects.requireNonNull(value);
        return this;
    }

    /** RAM in bytes; 0 means the board's default. */
    public MachineConfig memory(final long bytes) {
        memory = bytes;
        return this;
    }

    /** The ELF image to load. */
    public MachineConfig image(final Path value) {
        image = value;
        imageBytes = null;
        return this;
    }

    /** The ELF image to load, already in memory (e.g. a bundled guest). */
    public MachineConfig image(final byte[] value) {
        imageBytes = value.clone();
        image = null;
        return this;
    }

    public MachineConfig initrd(final Path value) {
        initrd = value;
        return this;
    }

    /** pseries only: a raw firmware image loaded at 0 and started at 0x100. */
    public MachineConfig bios(final Path value) {
        bios = value;
        return this;
    }

    /** pseries only: the kernel command line (/chosen/bootargs). */
    public MachineConfig append(final String value) {
        append = Objects.requireNonNull(value);
        return this;
    }

    /** Where the guest console's output goes. */
    public MachineConfig console(final OutputStream value) {
        console = Objects.requireNonNull(value);
        return this;
    }

    /** Where jppc's own messages about the guest go (RTAS display-character, os-term text). */
    public MachineConfig log(final PrintStream value) {
        log = Objects.requireNonNull(value);
        return this;
    }

    /**
     * pseries: the time of day at timebase 0, in seconds since the epoch, which RTAS get-time-of-day counts
     * from (QEMU's {@code -rtc base=}); by default the host's clock when the machine is built. A fixed value
     * makes the guest's clock, like the rest of virtual time, the same in every run.
     */
    public MachineConfig bootTime(final long epochSecond) {
        bootTime = epochSecond;
        return this;
    }

    /** The time of day at timebase 0: the one set, else now. */
    public long bootTime() {
        return bootTime != null ? bootTime : java.time.Instant.now().getEpochSecond();
    }

    public MachineType type() {
        return type;
    }

    public long memory() {
        return memory == 0 ? type.defaultMemory() : memory;
    }

    public Path image() {
        return image;
    }

    byte[] imageBytes() {
        return imageBytes;
    }

    public Path initrd() {
        return initrd;
    }

    public Path bios() {
        return bios;
    }

    public String append() {
        return append;
    }

    public OutputStream console() {
        return console;
    }

    public PrintStream log() {
        return log;
    }

    /**
     * Parses a memory size such as {@code 512M}, {@code 1G}, {@code 65536} or {@code 64K}.
     *
     * @throws IllegalArgumentException naming the text when it is not a size
     */
    public static long parseSize(final String text) {
        final String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty memory size");
        }
        final char unit = t.charAt(t.length() - 1);
        final int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        final String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        try {
            final long n = Long.parseLong(digits);
            if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new IllegalArgumentException("memory size out of range: " + text);
            }
            return n << shift;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("not a memory size: " + text + " (use e.g. 512M or 1G)", e);
        }
    }
}
