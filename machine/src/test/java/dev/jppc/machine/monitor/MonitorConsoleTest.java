package dev.jppc.machine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.jppc.machine.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole monitor session over piped input, as {@code jppc run --monitor} runs it on a terminal. */
class MonitorConsoleTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    private String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static void type(final PipedOutputStream keyboard, final String text) throws IOException {
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    @Test
    void shouldRunAScriptAtThePromptAndQuitWithTheGuestsStatus() throws Exception {
        final Machine machine = MmuTestGuest.machine(out);
        final InputStream script = new ByteArrayInputStream(
            "info slb\ncontinue\ninfo slb\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, MonitorConsole.run(machine, Long.MAX_VALUE, null, script, out, false));
        final String text = output();
        assertTrue(text.startsWith("jppc monitor: the guest is stopped at its entry point"), text);
        assertTrue(text.contains("(jppc) info slb\nSLB: 0 of 32 entries valid\n(jppc) continue\n"), text);
        assertTrue(text.contains("exit status 0 after"), text);
        assertTrue(text.contains("(jppc) info slb\nSLB: 2 of 32 entries valid"), text);
        assertTrue(text.endsWith("(jppc) quit\n"), text);
    }

    @Test
    void shouldGiveTheGuestWhatIsTypedWhileItRuns() throws Exception {
        final Machine machine = MmuTestGuest.machine(out);
        final PipedOutputStream keyboard = new PipedOutputStream();
        final PipedInputStream in = new PipedInputStream(keyboard);
        final Future<Integer> status = executor.submit(
            () -> MonitorConsole.run(machine, Long.MAX_VALUE, null, in, out, true));
        type(keyboard, "continue\n");
        await(() -> output().contains("exit status 0 after"), "the guest to stop");
        await(() -> output().endsWith(MonitorConsole.PROMPT), "the prompt");
        type(keyboard, "quit\n");
        assertEquals(0, status.get(20, TimeUnit.SECONDS));
        assertEquals(2, output().split("\\(jppc\\) ", -1).length - 1, output());
    }

    @Test
    void shouldComeBackOnCtrlACAndQuitAtTheEndOfInput() throws Exception {
        final Machine machine = MmuTestGuest.loop(out);
        final PipedOutputStream keyboard = new PipedOutputStream();
        final PipedInputStream in = new PipedInputStream(keyboard);
        final Future<Integer> status = executor.submit(
            () -> MonitorConsole.run(machine, Long.MAX_VALUE, null, in, out, true));
        type(keyboard, "c\n");
        await(() -> machine.cpu().instructions > 1000, "the guest to run");
        type(keyboard, "abc\u0001\u0001\u0001c\n");
        await(() -> output().contains("stopped after"), "the escape");
        await(() -> output().endsWith(MonitorConsole.PROMPT), "the prompt");
        type(keyboard, "step\n");
        await(() -> output().contains("=> ") && output().endsWith(MonitorConsole.PROMPT), "the step");
        keyboard.close();
        assertEquals(Monitor.EXIT_NOT_FINISHED, status.get(20, TimeUnit.SECONDS));
        final String text = output();
        // Without echo the commands do not appear; the Enter after Ctrl-A c gave no empty command.
        assertEquals(3, text.split("\\(jppc\\) ", -1).length - 1, text);
    }
}
