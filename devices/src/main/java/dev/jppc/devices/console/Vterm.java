package dev.jppc.devices.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The PAPR virtual terminal ({@code hvterm1}, /vdevice/vty@71000000): bytes the guest writes with
 * H_PUT_TERM_CHAR go to a sink; bytes offered from another thread (the host terminal) wait in a queue
 * for H_GET_TERM_CHAR.
 */
public final class Vterm {

    /** The unit address QEMU gives the first vty; terminal number 0 means the same terminal. */
    public static final long UNIT_ADDRESS = 0x7100_0000L;

    private final OutputStream sink;
    private final ConcurrentLinkedQueue<Byte> input = new ConcurrentLinkedQueue<>();
    private Runnable inputListener = () -> { };

    public Vterm(final OutputStream sink) {
        this.sink = sink;
    }

    /** True for the terminal numbers this terminal answers to. */
    public static boolean isThisTerminal(final long termno) {
        return termno == 0 || termno == UNIT_ADDRESS;
    }

    /** Writes guest output; a failing host stream is reported to the caller, which ignores it. */
    public void write(final byte[] bytes, final int length) {
        try {
            sink.write(bytes, 0, length);
            sink.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queues host input for the guest; called from any thread. */
    public void offerInput(final byte[] bytes) {
        for (final byte b : bytes) {
            input.add(b);
        }
        inputListener.run();
    }

    /** Called after input is queued (for raising the console's interrupt). */
    public void setInputListener(final Runnable listener) {
        inputListener = listener;
    }

    /** Moves up to {@code max} queued input bytes into {@code out}; returns how many. */
    public int read(final byte[] out, final int max) {
        int n = 0;
        while (n < max) {
            final Byte b = input.poll();
            if (b == null) {
                break;
            }
            out[n++] = b;
        }
        return n;
    }

    public boolean hasInput() {
        return !input.isEmpty();
    }
}
