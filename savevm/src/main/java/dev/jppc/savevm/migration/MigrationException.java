package dev.jppc.savevm.migration;

/**
 * A live migration that cannot go on: the stream is truncated, corrupted, of another version or for another
 * machine (the destination refuses it), or the peer went away or refused the machine (the source keeps running).
 * The message says which record and what is wrong.
 */
public final class MigrationException extends Exception {

    private static final long serialVersionUID = 1L;

    public MigrationException(final String message) {
        super(message);
    }

    public MigrationException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
