package dev.jppc.savevm.htab;

/**
 * The Linux error numbers the HTAB fd and the {@code spapr/htab} loader answer with (the values a KVM host's
 * {@code read()}/{@code write()} would return negated), so results compare one to one with KVM and QEMU.
 */
public enum Errno {
    /** I/O error: KVM's answer when H_ENTER refuses an entry during a write. */
    EIO(5),
    /** Bad file descriptor: reading a write handle, writing a read handle, using a closed handle. */
    EBADF(9),
    /** Out of memory: the loader could not allocate the announced table. */
    ENOMEM(12),
    /** Bad address: the caller's buffer cannot be written. */
    EFAULT(14),
    /** Device busy: a write while a CPU runs. */
    EBUSY(16),
    /** Invalid argument: bad flags, a record outside the table, an entry that is not valid, a bad stream. */
    EINVAL(22),
    /** No space left: a write that consumed less than the chunk it was given (QEMU's KVM loader). */
    ENOSPC(28);

    private final int number;

    Errno(final int number) {
        this.number = number;
    }

    /** The Linux errno value. */
    public int number() {
        return number;
    }
}
