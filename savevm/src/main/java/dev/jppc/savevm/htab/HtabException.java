package dev.jppc.savevm.htab;

import java.util.Objects;

/**
 * A failed HTAB fd call or {@code spapr/htab} load: {@link #errno()} is the result KVM or QEMU would give, the
 * message says what was wrong, starting with the errno name.
 */
public final class HtabException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Errno errno;

    public HtabException(final Errno errno, final String detail) {
        super(Objects.requireNonNull(errno, "errno").name() + ": " + detail);
        this.errno = errno;
    }

    /** The error number a KVM host (fd calls) or QEMU (stream loads) returns for the same input. */
    public Errno errno() {
        return errno;
    }
}
