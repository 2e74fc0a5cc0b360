package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.jppc.core.StopReason;

/**
 * Boots Debian's kernel to the busybox shell of the initramfs (see docs/linux.md), types a command line into
 * hvc0 as a user would, and checks what the shell printed and that {@code poweroff -f} powered the machine
 * off. Slow: it runs with {@code -Pslow} and skips when the kernel has not been fetched.
 */
@Tag("slow")
class LinuxShellTest {

    private static final Path CONSOLE_COPY = Path.of("target", "LinuxShellTest-console.log");
    private static final long BOOT_BUDGET = 4_000_000_000L;
    private static final long COMMAND_BUDGET = 2_000_000_000L;
    private static final long CHUNK = 10_000_000L;
    /** The initramfs's /init prints this before it starts the shell. */
    private static final String INIT_BANNER = "jppc-guest: /init reached";
    /** busybox ash's prompt for root in /, after the banner: the shell's first prompt. */
    private static final String PROMPT = "/ # ";
    private static final String COMMANDS = "echo hello; uname -a; cat /proc/cpuinfo; poweroff -f\n";

    @Test
    void shouldRunCommandsInTheBusyboxShell() throws Exception {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final long started = System.nanoTime();
        final Machine machine = DebianGuest.machine(console, log);
        try {
            runUntilPrompt(machine, console, log);
            final long promptAt = machine.cpu().instructions;
            System.out.printf("LinuxShellTest: shell prompt after %,d instructions, %.1f s wall time%n", promptAt,
                (System.nanoTime() - started) / 1e9);
            final int commandsFrom = console.size();
            machine.offerInput(COMMANDS.getBytes(StandardCharsets.US_ASCII));
            final StopReason reason = machine.run(COMMAND_BUDGET);
            final String output = console.toString(StandardCharsets.ISO_8859_1);
            final String answer = output.substring(commandsFrom).replace("\r\n", "\n");
            System.out.printf("LinuxShellTest: commands ran in %,d instructions; stop: %s%n",
                machine.cpu().instructions - promptAt, reason);

            assertEquals(StopReason.POWER_OFF, reason, "poweroff -f should power the machine off\n"
                + log + DebianGuest.tail(output));
            assertTrue(Pattern.compile("(?m)^hello$").matcher(answer).find(), "no 'hello' line\n" + answer);
            assertTrue(Pattern.compile("(?m)^Linux \\S+ 6\\.1\\.0-\\S+-powerpc64le .* ppc64le GNU/Linux$")
                .matcher(answer).find(), "no uname -a line\n" + answer);
            assertTrue(Pattern.compile("(?m)^cpu\\s+: POWER8").matcher(answer).find(), "no cpu line\n" + answer);
            assertTrue(Pattern.compile("(?m)^platform\\s+: pSeries$").matcher(answer).find(),
                "no platform line\n" + answer);
        } finally {
            Files.write(CONSOLE_COPY, console.toByteArray());
        }
    }

    /** Runs in chunks until the shell's first prompt after the /init banner. */
    private static void runUntilPrompt(final Machine machine, final ByteArrayOutputStream console,
                                       final ByteArrayOutputStream log) {
        while (machine.cpu().instructions < BOOT_BUDGET) {
            final StopReason reason = machine.run(CHUNK);
            final String output = console.toString(StandardCharsets.ISO_8859_1);
            final int banner = output.indexOf(INIT_BANNER);
            // ash may follow its prompt with a cursor-position query (ESC [6n).
            if (banner >= 0 && output.indexOf(PROMPT, banner) >= 0) {
                return;
            }
            if (reason != StopReason.BUDGET) {
                fail("the machine stopped (" + reason + ") after " + machine.cpu().instructions
                    + " instructions before the shell prompt\n" + log + DebianGuest.tail(output));
            }
        }
        fail("no shell prompt within " + BOOT_BUDGET + " instructions\n" + log
            + DebianGuest.tail(console.toString(StandardCharsets.ISO_8859_1)));
    }
}
