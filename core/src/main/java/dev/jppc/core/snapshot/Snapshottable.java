package dev.jppc.core.snapshot;

import java.io.IOException;

/**
 * A stateful part of a machine that takes part in snapshots (and later in migration streams): it writes its
 * state as the payload of one named, versioned section, and reads such a payload back in two steps, so that a
 * bad payload never changes anything.
 *
 * <ol>
 *   <li>{@link #prepareRestore} parses the whole payload into a value object and checks it against this part's
 *       configuration. It must not change the part; a problem is a {@link SnapshotException} naming it.</li>
 *   <li>{@link Restore#apply()} installs the checked state. It is called only after every section of a snapshot
 *       has been prepared without error, and should not fail.</li>
 * </ol>
 *
 * <p>The payload's byte layout is the part's own business (docs/snapshot-format.md documents every one); it must
 * be a pure function of the part's state, so that two equal machines produce equal payloads. The machine is
 * stopped while sections are saved and restored.
 */
public interface Snapshottable {

    /** The section name: 1 to 16 characters of [a-z0-9/_-], unique within a machine. */
    String snapshotName();

    /** The version of the payload layout {@link #save} writes; {@link #prepareRestore} reads 1..this. */
    int snapshotVersion();

    /** Writes this part's state. */
    void save(StateOutput out) throws IOException;

    /**
     * Reads and checks a payload of layout {@code version} (already known to be between 1 and
     * {@link #snapshotVersion()}) without changing anything; the result installs it.
     */
    Restore prepareRestore(StateInput in, int version) throws SnapshotException, IOException;

    /** Installs a checked state. */
    @FunctionalInterface
    interface Restore {
        void apply() throws IOException;
    }
}
