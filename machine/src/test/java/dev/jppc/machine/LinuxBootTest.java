package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.jppc.core.StopReason;

/**
 * Boots Debian 12's unmodified ppc64el kernel (fetched by scripts/fetch-debian-guest.sh, see docs/linux.md)
 * on the pseries machine until it hands over to user space, and checks that the console log arrived whole.
 * Slow (about 10^9 guest instructions), so it runs only with {@code -Pslow}; it skips when the kernel has
 * not been fetched.
 */
@Tag("slow")
class LinuxBootTest {

    /** The whole console, kept for reading after a failure (relative to the machine module). */
    private static final Path CONSOLE_COPY = Path.of("target", "LinuxBootTest-console.log");
    private static final long BUDGET = 1_500_000_000L;
    private static final long CHUNK = 10_000_000L;
    private static final String INIT_LINE = "Run /init as init process";
    /** A printk line with its timestamp: "[    1.779204] text" (CONFIG_PRINTK_TIME). */
    private static final Pattern TIMESTAMPED = Pattern.compile("\\[ *\\d+\\.\\d{6}\\]( .*)?");
    private static final Pattern CONSOLE_HANDOVER = Pattern.compile("\\] printk: (boot)?console \\[");
    private static final Pattern TIMESTAMP = Pattern.compile("\\[ *\\d+\\.\\d{6}\\]");

    @Test
    void shouldBootDebianKernelToInit() throws Exception {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final long started = System.nanoTime();
        final Machine machine = DebianGuest.machine(console, log);

        final String output;
        try {
            output = bootToInit(machine, console, log);
        } finally {
            Files.write(CONSOLE_COPY, console.toByteArray());
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("LinuxBootTest: '%s' after %,d instructions (checked every %,d), %.1f s wall time%n",
            INIT_LINE, machine.cpu().instructions, CHUNK, seconds);

        assertTrue(output.contains("Linux version 6.1.0"), "no kernel banner\n" + DebianGuest.tail(output));
        assertTrue(output.contains("Kernel command line: console=hvc0"),
            "no command line\n" + DebianGuest.tail(output));
        assertWhole(lines(output));
    }

    /**
     * Runs in chunks until the init line is complete on the console; fails when the budget runs out or the
     * machine stops first.
     */
    private static String bootToInit(final Machine machine, final ByteArrayOutputStream console,
                                     final ByteArrayOutputStream log) {
        while (machine.cpu().instructions < BUDGET) {
            final StopReason reason = machine.run(Math.min(CHUNK, BUDGET - machine.cpu().instructions));
            final String output = console.toString(StandardCharsets.ISO_8859_1);
            final int at = output.indexOf(INIT_LINE);
            if (at >= 0 && output.indexOf('\n', at) >= 0) {
                return output;
            }
            if (reason != StopReason.BUDGET) {
                fail("the machine stopped (" + reason + ") after " + machine.cpu().instructions
                    + " instructions before '" + INIT_LINE + "'\n" + log + DebianGuest.tail(output));
            }
        }
        return fail("no '" + INIT_LINE + "' within " + BUDGET + " instructions\n" + log
            + DebianGuest.tail(console.toString(StandardCharsets.ISO_8859_1)));
    }

    /**
     * Every printk line is one whole "[ seconds] text" line, and none repeats the one before it: a console
     * that loses, splits or resends bytes shows up here. The exception is the console handover: while hvc0
     * takes over from the boot console udbg0, both are registered and both write to the same vterm, so the
     * kernel's own "console [hvc0] enabled" and "bootconsole [udbg0] disabled" lines arrive twice (as on
     * QEMU's pseries).
     */
    private static void assertWhole(final List<String> lines) {
        String previous = null;
        for (final String line : lines) {
            if (line.startsWith("[")) {
                assertTrue(TIMESTAMPED.matcher(line).matches(), "garbled console line: '" + line + "'");
                assertEquals(1, TIMESTAMP.matcher(line).results().count(),
                    "printk lines run together: '" + line + "'");
            }
            if (!line.isEmpty() && line.equals(previous) && !CONSOLE_HANDOVER.matcher(line).find()) {
                fail("console line repeated: '" + line + "'");
            }
            previous = line;
        }
        assertEquals(1, lines.stream().filter(line -> line.endsWith(INIT_LINE)).count(),
            "'" + INIT_LINE + "' should appear exactly once");
    }

    /** The console's lines; hvc sends "\r\n" line ends. */
    private static List<String> lines(final String output) {
        final List<String> lines = new ArrayList<>();
        for (final String line : output.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

}
