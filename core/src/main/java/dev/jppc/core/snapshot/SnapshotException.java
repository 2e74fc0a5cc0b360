package dev.jppc.core.snapshot;

/**
 * A snapshot (or one of its sections) that cannot be restored: truncated, corrupted, of a version this jppc does
 * not read, or made for a different machine. The message names the section and the problem.
 */
public final class SnapshotException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String section;

    /** A problem of section {@code section} (null: the file as a whole). */
    public SnapshotException(final String section, final String problem) {
        super(section == null ? problem : "section '" + section + "': " + problem);
        this.section = section;
    }

    public SnapshotException(final String section, final String problem, final Throwable cause) {
        super(section == null ? problem : "section '" + section + "': " + problem, cause);
        this.section = section;
    }

    /** The section at fault, or null when the problem is the file's header or trailer. */
    public String section() {
        return section;
    }
}
