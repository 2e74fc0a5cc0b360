package dev.jppc.machine.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

import dev.jppc.machine.Machine;

/**
 * {@code jppc run --monitor}: the {@link Monitor} on a terminal. The machine starts stopped at its entry and the
 * prompt {@value #PROMPT} reads commands. While {@code continue} runs the guest, what is typed goes to the guest's
 * console, except the escape Ctrl-A c, which stops the guest and brings the prompt back (see {@link ConsoleEscape});
 * the prompt also comes back when the guest stops by itself, so its final state can be inspected.
 *
 * <p>One thread reads the input and routes it: to the guest while it runs, else into command lines. It hands over
 * one line at a time and waits until the command has started (for {@code continue}) or finished, so that what
 * follows a {@code continue} reaches the guest, as on a terminal. A script (input that is not a terminal) is
 * read only at the prompt instead, one command after the other whatever the guest does, and each command is
 * echoed after the prompt so that the output reads as a transcript. End of input means {@code quit}.
 */
public final class MonitorConsole {

    public static final String PROMPT = "(jppc) ";

    private final Monitor monitor;
    private final Machine machine;
    private final InputStream in;
    private final PrintStream out;
    private final boolean interactive;
    private final ConsoleEscape escape = new ConsoleEscape();
    /** Command lines from the reader; an empty Optional is the end of input. */
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final Semaphore lineTaken = new Semaphore(0);
    private volatile boolean guestOwnsConsole;
    /** Main thread: the reader waits for the current line's command to start. */
    private boolean readerWaiting;

    private MonitorConsole(final Monitor monitor, final Machine machine, final InputStream in, final PrintStream out,
                           final boolean interactive) {
        this.monitor = monitor;
        this.machine = machine;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
    }

    /**
     * Runs a monitor session over {@code machine} until {@code quit} or the end of {@code in}; returns the exit
     * status for {@code jppc run}.
     *
     * @param budget      the most instructions the guest may run in all
     * @param trace       where {@code continue} traces instructions, or null
     * @param interactive the input is a terminal: the guest reads it while it runs; else it is a script of
     *                    commands, echoed after the prompt
     */
    public static int run(final Machine machine, final long budget, final PrintStream trace, final InputStream in,
                          final PrintStream out, final boolean interactive) {
        final Monitor monitor = new Monitor(machine, budget);
        monitor.setTrace(trace);
        return new MonitorConsole(monitor, machine, in, out, interactive).session();
    }

    private int session() {
        monitor.setRunListener(this::guestRunning);
        final Thread reader = new Thread(this::readInput, "jppc-monitor-input");
        reader.setDaemon(true);
        reader.start();
        out.println("jppc monitor: the guest is stopped at its entry point; 'continue' runs it, 'help' lists commands");
        while (!monitor.quitRequested()) {
            out.print(PROMPT);
            out.flush();
            String line = nextLine();
            if (line == null) {
                line = "quit";
            }
            if (!interactive) {
                out.println(line);
            }
            out.print(monitor.execute(line));
            out.flush();
            releaseReader();
        }
        return monitor.exitStatus();
    }

    private String nextLine() {
        try {
            final Optional<String> line = lines.take();
            if (line.isEmpty()) {
                return null;
            }
            readerWaiting = true;
            return line.get();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void guestRunning(final boolean running) {
        out.flush();
        if (interactive) {
            guestOwnsConsole = running;
            if (running) {
                releaseReader();
            }
        }
    }

    private void releaseReader() {
        if (readerWaiting) {
            readerWaiting = false;
            lineTaken.release();
        }
    }

    /** The input thread: bytes to the guest while it runs, else command lines, one at a time. */
    private void readInput() {
        final byte[] buffer = new byte[256];
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        final ByteArrayOutputStream toGuest = new ByteArrayOutputStream();
        boolean skipNewline = false;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    final int b = buffer[i] & 0xFF;
                    if (guestOwnsConsole) {
                        if (escape.feed(b, toGuest)) {
                            sendToGuest(toGuest);
                            guestOwnsConsole = false;
                            monitor.interrupt();
                            // A line-buffered terminal delivers Ctrl-A c only with the Enter typed after it.
                            skipNewline = true;
                        }
                        continue;
                    }
                    escape.reset();
                    if (skipNewline && (b == '\r' || b == '\n')) {
                        skipNewline = b == '\r';
                        continue;
                    }
                    skipNewline = false;
                    if (b == '\n') {
                        lines.put(Optional.of(line.toString(StandardCharsets.UTF_8)));
                        line.reset();
                        lineTaken.acquire();
                    } else if (b >= 0x20 || b == '\t') {
                        line.write(b);
                    }
                }
                sendToGuest(toGuest);
            }
            if (line.size() > 0 && !guestOwnsConsole) {
                lines.put(Optional.of(line.toString(StandardCharsets.UTF_8)));
                lineTaken.acquire();
            }
        } catch (final IOException e) {
            // The terminal went away: treat it as the end of input.
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lines.add(Optional.empty());
    }

    private void sendToGuest(final ByteArrayOutputStream bytes) {
        if (bytes.size() > 0) {
            machine.offerInput(bytes.toByteArray());
            bytes.reset();
        }
    }
}
