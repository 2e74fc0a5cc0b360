package dev.jppc.machine.fdt;

/** A blob that is not a well-formed flattened device tree; the message says what is wrong and where. */
public final class FdtException extends Exception {

    public FdtException(final String message) {
        super(message);
    }
}
