package dev.jppc.machine.user;

/**
 * A Linux error number as a checked exception: system call code throws it and the dispatcher turns it into
 * the ppc64 error return (CR0[SO] set, r3 = the positive errno). The numbers are the generic Linux ones,
 * which powerpc uses unchanged except EDEADLOCK (not used here).
 */
final class Errno extends Exception {

    private static final long serialVersionUID = 1L;

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int E2BIG = 7;
    static final int ENOEXEC = 8;
    static final int EBADF = 9;
    static final int ECHILD = 10;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EFAULT = 14;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int EXDEV = 18;
    static final int ENODEV = 19;
    static final int ENOTDIR = 20;
    static final int EISDIR = 21;
    static final int EINVAL = 22;
    static final int EMFILE = 24;
    static final int ENOTTY = 25;
    static final int EFBIG = 27;
    static final int ESPIPE = 29;
    static final int EPIPE = 32;
    static final int ERANGE = 34;
    static final int ENAMETOOLONG = 36;
    static final int ENOSYS = 38;
    static final int ENOTEMPTY = 39;
    static final int ELOOP = 40;

    private final int code;

    Errno(final int code) {
        super("errno " + code, null, false, false);
        this.code = code;
    }

    /** The positive error number. */
    int code() {
        return code;
    }
}
