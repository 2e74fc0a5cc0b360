package dev.jppc.machine;

/** A machine cannot be built as configured: a bad image, a file that cannot be read, a layout that does not fit. */
public final class MachineException extends Exception {

    private static final long serialVersionUID = 1L;

    public MachineException(final String message) {
        super(message);
    }

    public MachineException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
