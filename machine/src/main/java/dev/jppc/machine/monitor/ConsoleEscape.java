package dev.jppc.machine.monitor;

import java.io.ByteArrayOutputStream;

/**
 * The console escape of {@code jppc run --monitor}, as QEMU's: while the guest owns the console, Ctrl-A (0x01)
 * starts an escape; Ctrl-A c returns to the monitor, Ctrl-A Ctrl-A sends one 0x01 to the guest, and Ctrl-A
 * followed by anything else sends both bytes. Feed it the bytes typed, one at a time.
 */
final class ConsoleEscape {

    static final int CTRL_A = 0x01;

    private boolean escaped;

    /**
     * Takes one typed byte; appends what the guest should receive to {@code toGuest}. Returns true when the
     * byte completed Ctrl-A c.
     */
    boolean feed(final int b, final ByteArrayOutputStream toGuest) {
        if (!escaped) {
            if (b == CTRL_A) {
                escaped = true;
            } else {
                toGuest.write(b);
            }
            return false;
        }
        escaped = false;
        if (b == 'c') {
            return true;
        }
        toGuest.write(CTRL_A);
        if (b != CTRL_A) {
            toGuest.write(b);
        }
        return false;
    }

    /** Forgets a half-typed escape (the monitor took the console back). */
    void reset() {
        escaped = false;
    }
}
