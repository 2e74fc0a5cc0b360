package dev.jppc.devices.uart;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Where a UART's transmitted bytes go. Called on the thread that runs the guest. */
@FunctionalInterface
public interface UartSink {

    /** Receives one transmitted byte (0-255). */
    void transmit(int b);

    /**
     * A sink writing to {@code out} and flushing after each newline, so that a line the guest prints shows
     * at once while a burst of output is not flushed byte by byte. A failing stream is a host problem the
     * guest cannot handle: it surfaces as {@link UncheckedIOException}.
     */
    static UartSink of(final OutputStream out) {
        return b -> {
            try {
                out.write(b);
                if (b == '\n') {
                    out.flush();
                }
            } catch (final IOException e) {
                throw new UncheckedIOException("UART output failed", e);
            }
        };
    }
}
