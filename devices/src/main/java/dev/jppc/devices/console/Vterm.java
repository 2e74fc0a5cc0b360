package dev.jppc.devices.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;

/**
 * The PAPR virtual terminal ({@code hvterm1}, /vdevice/vty@71000000): bytes the guest writes with
 * H_PUT_TERM_CHAR go to a sink; bytes offered from another thread (the host terminal) wait in a queue
 * for H_GET_TERM_CHAR.
 */
public final class Vterm implements Snapshottable {

    /** Most queued input bytes a snapshot may hold. */
    public static final int MAX_SAVED_INPUT = 1 << 20;

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

    // ---- snapshot: the input not yet read by the guest (output is never buffered) --------------------

    @Override
    public String snapshotName() {
        return "vterm";
    }

    @Override
    public int snapshotVersion() {
        return 1;
    }

    @Override
    public void save(final StateOutput out) throws IOException {
        final Byte[] queued = input.toArray(new Byte[0]);
        final int n = Math.min(queued.length, MAX_SAVED_INPUT);
        out.u32(n);
        for (int i = 0; i < n; i++) {
            out.u8(queued[i]);
        }
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final long n = in.u32("the input count");
        if (n > MAX_SAVED_INPUT) {
            throw in.problem(n + " queued input bytes, more than " + MAX_SAVED_INPUT);
        }
        final byte[] bytes = new byte[(int) n];
        in.bytes(bytes, 0, bytes.length, "the queued input");
        return () -> {
            input.clear();
            for (final byte b : bytes) {
                input.add(b);
            }
        };
    }
}
