package dev.jppc.machine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.jppc.machine.Machine;

/**
 * The guest console on the host terminal for {@code jppc run} and {@code jppc linux}, as QEMU's
 * {@code -nographic}: when standard input is a terminal it is switched to raw mode (no line editing, no echo,
 * Ctrl-C goes to the guest), so a guest shell edits its own lines and echoes once; output processing stays on
 * (as QEMU keeps OPOST), so a bare guest's "\n" still starts a new line. Ctrl-A x stops the machine,
 * Ctrl-A Ctrl-A types one Ctrl-A. The terminal's settings are restored when the run ends, and by a shutdown
 * hook if the JVM exits another way. Input that is not a terminal (a pipe, a test) is passed through unchanged.
 */
final class TerminalConsole {

    static final int CTRL_A = 0x01;

    private final Machine machine;
    private final InputStream in;
    private final boolean terminal;
    private String savedSettings;
    private Thread restoreHook;
    private volatile boolean quitTyped;

    TerminalConsole(final Machine machine, final InputStream in, final boolean terminal) {
        this.machine = machine;
        this.in = in;
        this.terminal = terminal;
    }

    /** Puts the terminal in raw mode (when there is one) and starts passing input to the guest. */
    void start() {
        if (terminal) {
            savedSettings = stty("-g");
            if (savedSettings != null && stty("raw -echo opost onlcr") != null) {
                restoreHook = new Thread(this::restore, "jppc-terminal-restore");
                Runtime.getRuntime().addShutdownHook(restoreHook);
            } else {
                savedSettings = null;
            }
        }
        final Thread reader = new Thread(this::pump, "jppc-console-input");
        reader.setDaemon(true);
        reader.start();
    }

    /** Gives the terminal its settings back; safe to call more than once. */
    synchronized void restore() {
        if (savedSettings != null) {
            stty(savedSettings);
            savedSettings = null;
        }
    }

    /** Ends the console: restores the terminal and drops the shutdown hook. */
    void close() {
        restore();
        if (restoreHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreHook);
            } catch (final IllegalStateException e) {
                // The JVM is already shutting down; the hook restores (again, harmlessly).
            }
            restoreHook = null;
        }
    }

    /** Whether the user stopped the machine with Ctrl-A x. */
    boolean quitTyped() {
        return quitTyped;
    }

    private void pump() {
        final byte[] buffer = new byte[256];
        final byte[] toGuest = new byte[512];
        boolean escaped = false;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (!terminal) {
                    machine.offerInput(Arrays.copyOf(buffer, n));
                    continue;
                }
                int length = 0;
                for (int i = 0; i < n; i++) {
                    final int b = buffer[i] & 0xFF;
                    if (!escaped) {
                        if (b == CTRL_A) {
                            escaped = true;
                        } else {
                            toGuest[length++] = (byte) b;
                        }
                        continue;
                    }
                    escaped = false;
                    if (b == 'x' || b == 'X') {
                        quitTyped = true;
                        machine.requestStop();
                        return;
                    }
                    toGuest[length++] = CTRL_A;
                    if (b != CTRL_A) {
                        toGuest[length++] = (byte) b;
                    }
                }
                if (length > 0) {
                    machine.offerInput(Arrays.copyOf(toGuest, length));
                }
            }
        } catch (final IOException e) {
            // The terminal went away: the guest simply gets no more input.
        }
    }

    /** Runs stty on the controlling terminal; returns its output, or null when it failed. */
    private static String stty(final String arguments) {
        try {
            final Process process = new ProcessBuilder("sh", "-c", "stty " + arguments + " < /dev/tty")
                .redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? output : null;
        } catch (final IOException e) {
            return null;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
