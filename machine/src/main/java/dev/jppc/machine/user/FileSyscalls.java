package dev.jppc.machine.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.jppc.machine.user.RootedFileSystem.FileStat;
import dev.jppc.machine.user.RootedFileSystem.Resolved;

/**
 * The file-descriptor table and the file system calls, on the host files below the root folder
 * ({@link RootedFileSystem}). Descriptors 0, 1 and 2 are the host's standard streams. Structures are written
 * in the layouts of ppc64 Linux (asm/stat.h's 144-byte {@code struct stat}, the generic {@code statx} and
 * {@code linux_dirent64}).
 */
final class FileSyscalls {

    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_REMOVEDIR = 0x200;
    static final int AT_EMPTY_PATH = 0x1000;

    static final int O_ACCMODE = 3;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    /** powerpc's own values of O_DIRECTORY and O_NOFOLLOW (asm/fcntl.h), not the generic ones. */
    static final int O_DIRECTORY = 040000;
    static final int O_NOFOLLOW = 0100000;
    static final int O_CLOEXEC = 02000000;

    static final int F_DUPFD = 0;
    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int F_DUPFD_CLOEXEC = 1030;
    static final int FD_CLOEXEC = 1;

    static final int MAX_FDS = 1024;
    /** The most one read or write moves at a time; programs loop for more. */
    static final int MAX_TRANSFER = 1 << 20;

    private static final int STAT_SIZE = 144;
    private static final int STATX_SIZE = 256;
    private static final int STATX_BASIC_STATS = 0x7FF;

    private final AddressSpace memory;
    private final RootedFileSystem files;
    private final OpenFile[] fds;
    private final boolean[] closeOnExec;
    private final String programGuestPath;
    private int umask = 022;

    /** The table of a new program: descriptors 0, 1 and 2 are jppc's standard streams. */
    FileSyscalls(final AddressSpace memory, final RootedFileSystem files, final UserConfig config) {
        this(memory, files, new OpenFile[MAX_FDS], new boolean[MAX_FDS], config.program());
        fds[0] = new OpenFile.Input(config.stdin());
        fds[1] = new OpenFile.Output(config.stdout(), 2);
        fds[2] = new OpenFile.Output(config.stderr(), 3);
    }

    private FileSyscalls(final AddressSpace memory, final RootedFileSystem files, final OpenFile[] fds,
                         final boolean[] closeOnExec, final Path program) {
        this.memory = memory;
        this.files = files;
        this.fds = fds;
        this.closeOnExec = closeOnExec;
        programGuestPath = guestPathOf(program);
    }

    /**
     * The table of a forked child: the same open file descriptions (offsets shared, one more reference each),
     * its own copy of the current folder and umask, on the child's memory.
     */
    FileSyscalls forkFor(final AddressSpace childMemory, final Path program) {
        final OpenFile[] copy = fds.clone();
        for (final OpenFile f : copy) {
            if (f != null) {
                f.retain();
            }
        }
        final FileSyscalls child = new FileSyscalls(childMemory, files.copy(), copy, closeOnExec.clone(), program);
        child.umask = umask;
        return child;
    }

    /**
     * The table after execve: the descriptors move to the new program on its new memory, except those marked
     * close-on-exec, which are closed; this table must not be used afterwards.
     */
    FileSyscalls execFor(final AddressSpace newMemory, final Path program) {
        for (int fd = 0; fd < MAX_FDS; fd++) {
            if (fds[fd] != null && closeOnExec[fd]) {
                fds[fd].release();
                fds[fd] = null;
                closeOnExec[fd] = false;
            }
        }
        final FileSyscalls next = new FileSyscalls(newMemory, files, fds, closeOnExec, program);
        next.umask = umask;
        return next;
    }

    /** Closes every descriptor (the process ended), so that pipe readers see the end of file. */
    void closeAll() {
        for (int fd = 0; fd < MAX_FDS; fd++) {
            if (fds[fd] != null) {
                final OpenFile f = fds[fd];
                fds[fd] = null;
                f.release();
            }
        }
    }

    /** The host file an execve of {@code path} names (links followed inside the root); ENOENT, EACCES. */
    Path executable(final String path) throws Errno {
        final Path host = resolve(AT_FDCWD, path, true).host();
        if (!Files.exists(host)) {
            throw new Errno(Errno.ENOENT);
        }
        if (!Files.isRegularFile(host) || !Files.isExecutable(host)) {
            throw new Errno(Errno.EACCES);
        }
        return host;
    }

    /** The guest's name for the program (for /proc/self/exe), or null when it lies outside the root. */
    private String guestPathOf(final Path program) {
        if (program == null) {
            return null;
        }
        try {
            final Path real = program.toRealPath();
            if (real.startsWith(files.root())) {
                return "/" + files.root().relativize(real).toString().replace('\\', '/');
            }
        } catch (final IOException e) {
            return null;
        }
        return null;
    }

    OpenFile file(final long fd) throws Errno {
        if (fd < 0 || fd >= MAX_FDS || fds[(int) fd] == null) {
            throw new Errno(Errno.EBADF);
        }
        return fds[(int) fd];
    }

    private int install(final OpenFile f, final int lowest, final boolean cloexec) throws Errno {
        for (int fd = lowest; fd < MAX_FDS; fd++) {
            if (fds[fd] == null) {
                fds[fd] = f;
                closeOnExec[fd] = cloexec;
                return fd;
            }
        }
        f.release();
        throw new Errno(Errno.EMFILE);
    }

    // ---- descriptors ------------------------------------------------------------------------------------

    long close(final long fd) throws Errno {
        final OpenFile f = file(fd);
        fds[(int) fd] = null;
        f.release();
        return 0;
    }

    long dup(final long fd) throws Errno {
        final OpenFile f = file(fd);
        f.retain();
        return install(f, 0, false);
    }

    long dup3(final long oldFd, final long newFd, final long flags, final boolean dup2) throws Errno {
        final OpenFile f = file(oldFd);
        if (newFd < 0 || newFd >= MAX_FDS) {
            throw new Errno(Errno.EBADF);
        }
        if (oldFd == newFd) {
            if (dup2) {
                return newFd;
            }
            throw new Errno(Errno.EINVAL);
        }
        if ((flags & ~O_CLOEXEC) != 0) {
            throw new Errno(Errno.EINVAL);
        }
        f.retain();
        final int n = (int) newFd;
        if (fds[n] != null) {
            fds[n].release();
        }
        fds[n] = f;
        closeOnExec[n] = (flags & O_CLOEXEC) != 0;
        return n;
    }

    long fcntl(final long fd, final long command, final long arg) throws Errno {
        final OpenFile f = file(fd);
        switch ((int) command) {
            case F_DUPFD, F_DUPFD_CLOEXEC -> {
                if (arg < 0 || arg >= MAX_FDS) {
                    throw new Errno(Errno.EINVAL);
                }
                f.retain();
                return install(f, (int) arg, command == F_DUPFD_CLOEXEC);
            }
            case F_GETFD -> {
                return closeOnExec[(int) fd] ? FD_CLOEXEC : 0;
            }
            case F_SETFD -> {
                closeOnExec[(int) fd] = (arg & FD_CLOEXEC) != 0;
                return 0;
            }
            case F_GETFL -> {
                return f.statusFlags;
            }
            case F_SETFL -> {
                f.statusFlags = (f.statusFlags & O_ACCMODE) | ((int) arg & ~O_ACCMODE);
                return 0;
            }
            default -> throw new Errno(Errno.EINVAL);
        }
    }

    long pipe2(final long fdsAddress, final long flags) throws Errno {
        final OpenFile.PipeBuffer buffer = new OpenFile.PipeBuffer();
        final boolean cloexec = (flags & O_CLOEXEC) != 0;
        final int readFd = install(new OpenFile.Pipe(buffer, true, 0), 0, cloexec);
        final int writeFd;
        try {
            writeFd = install(new OpenFile.Pipe(buffer, false, O_WRONLY), 0, cloexec);
        } catch (final Errno e) {
            close(readFd);
            throw e;
        }
        try {
            memory.writeInt(fdsAddress, readFd);
            memory.writeInt(fdsAddress + 4, writeFd);
        } catch (final Errno e) {
            close(readFd);
            close(writeFd);
            throw e;
        }
        return 0;
    }

    long ioctl(final long fd, final long request) throws Errno {
        file(fd);
        // TCGETS, TIOCGWINSZ and the rest: no descriptor is a terminal (jppc cannot switch the host's modes).
        throw new Errno(Errno.ENOTTY);
    }

    // ---- data -------------------------------------------------------------------------------------------

    private static int clamp(final long count) throws Errno {
        if (count < 0) {
            throw new Errno(Errno.EINVAL);
        }
        return (int) Math.min(count, MAX_TRANSFER);
    }

    long read(final long fd, final long buffer, final long count) throws Errno {
        final OpenFile f = file(fd);
        final byte[] data = new byte[clamp(count)];
        memory.checkWritable(buffer, data.length);
        final int n = f.read(data, data.length);
        memory.copyOut(buffer, data, 0, n);
        return n;
    }

    long write(final long fd, final long buffer, final long count) throws Errno {
        final OpenFile f = file(fd);
        final byte[] data = new byte[clamp(count)];
        memory.copyIn(buffer, data, 0, data.length);
        return f.write(data, data.length);
    }

    long pread(final long fd, final long buffer, final long count, final long position) throws Errno {
        final OpenFile f = file(fd);
        if (position < 0) {
            throw new Errno(Errno.EINVAL);
        }
        final byte[] data = new byte[clamp(count)];
        memory.checkWritable(buffer, data.length);
        final int n = f.pread(data, data.length, position);
        memory.copyOut(buffer, data, 0, n);
        return n;
    }

    long pwrite(final long fd, final long buffer, final long count, final long position) throws Errno {
        final OpenFile f = file(fd);
        if (position < 0) {
            throw new Errno(Errno.EINVAL);
        }
        final byte[] data = new byte[clamp(count)];
        memory.copyIn(buffer, data, 0, data.length);
        return f.pwrite(data, data.length, position);
    }

    /** writev: gathers the iovecs ({base, length} doublewords) into one host write. */
    long writev(final long fd, final long iov, final long count) throws Errno {
        final OpenFile f = file(fd);
        if (count < 0 || count > 1024) {
            throw new Errno(Errno.EINVAL);
        }
        final java.io.ByteArrayOutputStream gathered = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            final long base = memory.readLong(iov + 16L * i);
            final int length = clamp(memory.readLong(iov + 16L * i + 8));
            final byte[] part = new byte[Math.min(length, MAX_TRANSFER - gathered.size())];
            memory.copyIn(base, part, 0, part.length);
            gathered.write(part, 0, part.length);
        }
        final byte[] all = gathered.toByteArray();
        return all.length == 0 ? 0 : f.write(all, all.length);
    }

    /** readv: one host read, scattered over the iovecs. */
    long readv(final long fd, final long iov, final long count) throws Errno {
        final OpenFile f = file(fd);
        if (count < 0 || count > 1024) {
            throw new Errno(Errno.EINVAL);
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += clamp(memory.readLong(iov + 16L * i + 8));
        }
        final byte[] data = new byte[(int) Math.min(total, MAX_TRANSFER)];
        final int n = f.read(data, data.length);
        int done = 0;
        for (int i = 0; i < count && done < n; i++) {
            final long base = memory.readLong(iov + 16L * i);
            final int part = (int) Math.min(memory.readLong(iov + 16L * i + 8), n - done);
            memory.copyOut(base, data, done, part);
            done += part;
        }
        return n;
    }

    long lseek(final long fd, final long offset, final long whence) throws Errno {
        return file(fd).seek(offset, (int) whence);
    }

    /** _llseek: the offset in two 32-bit halves, the result stored as a 64-bit loff_t. */
    long llseek(final long fd, final long high, final long low, final long result, final long whence)
        throws Errno {
        final long position = file(fd).seek((high << 32) | (low & 0xFFFF_FFFFL), (int) whence);
        memory.writeLong(result, position);
        return 0;
    }

    /** sendfile: copies from {@code in} (at *offset when given, which is then advanced) to {@code out}. */
    long sendfile(final long outFd, final long inFd, final long offsetAddress, final long count) throws Errno {
        final OpenFile out = file(outFd);
        final OpenFile in = file(inFd);
        final byte[] data = new byte[clamp(count)];
        final int n;
        if (offsetAddress != 0) {
            final long offset = memory.readLong(offsetAddress);
            n = in.pread(data, data.length, offset);
            memory.writeLong(offsetAddress, offset + n);
        } else {
            n = in.read(data, data.length);
        }
        return n == 0 ? 0 : out.write(data, n);
    }

    long ftruncate(final long fd, final long length) throws Errno {
        if (length < 0) {
            throw new Errno(Errno.EINVAL);
        }
        return file(fd).truncate(length);
    }

    long fchmodat(final long dirFd, final long pathAddress, final long mode) throws Errno {
        return chmod(resolve(dirFd, path(pathAddress), true).host(), (int) mode);
    }

    long fchmod(final long fd, final long mode) throws Errno {
        final OpenFile f = file(fd);
        final Path host = f instanceof OpenFile.HostFile h ? h.host() : f instanceof OpenFile.Directory d ? d.host()
            : null;
        if (host == null) {
            return 0;
        }
        return chmod(host, (int) mode);
    }

    private long chmod(final Path host, final int mode) throws Errno {
        try {
            Files.setPosixFilePermissions(host, permissions(mode, 0).value());
        } catch (final IOException | UnsupportedOperationException e) {
            throw RootedFileSystem.errno(e);
        }
        return 0;
    }

    /** symlinkat: the target is stored as given; it is resolved inside the root whenever it is followed. */
    long symlinkat(final long targetAddress, final long dirFd, final long pathAddress) throws Errno {
        final String target = path(targetAddress);
        final Path link = resolve(dirFd, path(pathAddress), false).host();
        try {
            Files.createSymbolicLink(link, Path.of(target));
        } catch (final IOException | UnsupportedOperationException | java.nio.file.InvalidPathException e) {
            throw e instanceof IOException io ? RootedFileSystem.errno(io) : new Errno(Errno.EINVAL);
        }
        return 0;
    }

    /** utimensat: sets the modification time (to now, or to times[1]); access times are not kept apart. */
    long utimensat(final long dirFd, final long pathAddress, final long times, final long flags) throws Errno {
        final Path host = pathAddress == 0 ? fileHost(dirFd)
            : resolve(dirFd, path(pathAddress), (flags & AT_SYMLINK_NOFOLLOW) == 0).host();
        long millis = System.currentTimeMillis();
        if (times != 0) {
            final long seconds = memory.readLong(times + 16);
            final long nanos = memory.readLong(times + 24);
            final long utimeOmit = (1L << 30) - 2;
            final long utimeNow = (1L << 30) - 1;
            if (nanos == utimeOmit) {
                return 0;
            }
            if (nanos != utimeNow) {
                millis = seconds * 1000 + nanos / 1_000_000;
            }
        }
        try {
            Files.setLastModifiedTime(host, java.nio.file.attribute.FileTime.fromMillis(millis));
        } catch (final IOException e) {
            throw RootedFileSystem.errno(e);
        }
        return 0;
    }

    private Path fileHost(final long fd) throws Errno {
        final OpenFile f = file(fd);
        if (f instanceof OpenFile.HostFile h) {
            return h.host();
        }
        if (f instanceof OpenFile.Directory d) {
            return d.host();
        }
        throw new Errno(Errno.EINVAL);
    }

    // ---- names ------------------------------------------------------------------------------------------

    String path(final long address) throws Errno {
        return RootedFileSystem.text(memory.readString(address, RootedFileSystem.PATH_MAX - 1));
    }

    /** The guest folder a relative path of an *at call starts from. */
    private String base(final long dirFd) throws Errno {
        return (int) dirFd == AT_FDCWD ? files.cwd() : file(dirFd).directory();
    }

    private Resolved resolve(final long dirFd, final String path, final boolean follow) throws Errno {
        final String base = path.startsWith("/") ? "/" : base(dirFd);
        return files.resolve(base, path, follow);
    }

    long openat(final long dirFd, final long pathAddress, final long flags, final long mode) throws Errno {
        final String path = path(pathAddress);
        final int f = (int) flags;
        final boolean create = (f & O_CREAT) != 0;
        final boolean exclusive = create && (f & O_EXCL) != 0;
        final Resolved r = resolve(dirFd, path, (f & O_NOFOLLOW) == 0 && !exclusive);
        final Path host = r.host();
        final boolean exists = Files.exists(host, LinkOption.NOFOLLOW_LINKS);
        final int access = f & O_ACCMODE;
        if (!exists && r.guest().equals("/dev/null")) {
            return install(new OpenFile.Null(f & O_ACCMODE), 0, (f & O_CLOEXEC) != 0);
        }
        if (exists && exclusive) {
            throw new Errno(Errno.EEXIST);
        }
        if (exists && Files.isSymbolicLink(host)) {
            throw new Errno(Errno.ELOOP);
        }
        final OpenFile opened;
        if (exists && Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
            if (access != 0 || create) {
                throw new Errno(Errno.EISDIR);
            }
            opened = new OpenFile.Directory(host, r.guest(), f);
        } else {
            if ((f & O_DIRECTORY) != 0) {
                throw new Errno(exists ? Errno.ENOTDIR : Errno.ENOENT);
            }
            if (!exists && !create) {
                throw new Errno(Errno.ENOENT);
            }
            opened = openHostFile(host, f, access, exists, (int) mode);
        }
        return install(opened, 0, (f & O_CLOEXEC) != 0);
    }

    private OpenFile openHostFile(final Path host, final int flags, final int access, final boolean exists,
                                  final int mode) throws Errno {
        final Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        if (access == 0 || access == O_RDWR) {
            options.add(StandardOpenOption.READ);
        }
        if (access == O_WRONLY || access == O_RDWR) {
            options.add(StandardOpenOption.WRITE);
            if ((flags & O_TRUNC) != 0) {
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
        try {
            final FileChannel channel;
            if (!exists) {
                options.add(StandardOpenOption.CREATE_NEW);
                if (!options.contains(StandardOpenOption.WRITE)) {
                    options.add(StandardOpenOption.WRITE);
                }
                channel = FileChannel.open(host, options, permissions(mode));
            } else {
                channel = FileChannel.open(host, options);
            }
            return new OpenFile.HostFile(channel, host, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC),
                (flags & O_APPEND) != 0);
        } catch (final IOException | UnsupportedOperationException e) {
            throw RootedFileSystem.errno(e);
        }
    }

    private FileAttribute<Set<PosixFilePermission>> permissions(final int mode) {
        return permissions(mode, umask);
    }

    private static FileAttribute<Set<PosixFilePermission>> permissions(final int mode, final int mask) {
        final int bits = mode & ~mask & 0777;
        final StringBuilder text = new StringBuilder();
        final String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((bits & (0400 >> i)) != 0 ? letters.charAt(i) : '-');
        }
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(text.toString()));
    }

    long umask(final long mask) {
        final int old = umask;
        umask = (int) mask & 0777;
        return old;
    }

    // ---- stat -------------------------------------------------------------------------------------------

    private FileStat statAt(final long dirFd, final long pathAddress, final long flags) throws Errno {
        final String path = path(pathAddress);
        if (path.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            if ((int) dirFd == AT_FDCWD) {
                return RootedFileSystem.stat(files.resolve("/", files.cwd(), true).host(), true);
            }
            return file(dirFd).stat();
        }
        final boolean follow = (flags & AT_SYMLINK_NOFOLLOW) == 0;
        return RootedFileSystem.stat(resolve(dirFd, path, follow).host(), follow);
    }

    long fstat(final long fd, final long buffer) throws Errno {
        writeStat(buffer, file(fd).stat());
        return 0;
    }

    long newfstatat(final long dirFd, final long pathAddress, final long buffer, final long flags) throws Errno {
        writeStat(buffer, statAt(dirFd, pathAddress, flags));
        return 0;
    }

    long statx(final long dirFd, final long pathAddress, final long flags, final long buffer) throws Errno {
        final FileStat s = statAt(dirFd, pathAddress, flags);
        final ByteBuffer b = ByteBuffer.allocate(STATX_SIZE).order(memory.order());
        b.putInt(0, STATX_BASIC_STATS);
        b.putInt(4, 4096);
        b.putInt(16, (int) s.nlink());
        b.putInt(20, s.uid());
        b.putInt(24, s.gid());
        b.putShort(28, (short) s.mode());
        b.putLong(32, s.ino());
        b.putLong(40, s.size());
        b.putLong(48, s.blocks());
        putStatxTime(b, 64, s.atimeNs());
        putStatxTime(b, 80, s.mtimeNs());
        putStatxTime(b, 96, s.ctimeNs());
        putStatxTime(b, 112, s.mtimeNs());
        b.putInt(128, major(s.rdev()));
        b.putInt(132, minor(s.rdev()));
        b.putInt(136, major(s.dev()));
        b.putInt(140, minor(s.dev()));
        memory.copyOut(buffer, b.array(), 0, STATX_SIZE);
        return 0;
    }

    private static void putStatxTime(final ByteBuffer b, final int at, final long ns) {
        b.putLong(at, Math.floorDiv(ns, 1_000_000_000L));
        b.putInt(at + 8, (int) Math.floorMod(ns, 1_000_000_000L));
    }

    /** dev_t as glibc encodes it (what the host reports), split as the kernel's new_encode_dev reads it. */
    private static int major(final long dev) {
        return (int) (((dev >>> 8) & 0xFFF) | ((dev >>> 32) & ~0xFFFL));
    }

    private static int minor(final long dev) {
        return (int) ((dev & 0xFF) | ((dev >>> 12) & ~0xFFL));
    }

    private void writeStat(final long buffer, final FileStat s) throws Errno {
        final ByteBuffer b = ByteBuffer.allocate(STAT_SIZE).order(memory.order());
        b.putLong(0, s.dev());
        b.putLong(8, s.ino());
        b.putLong(16, s.nlink());
        b.putInt(24, s.mode());
        b.putInt(28, s.uid());
        b.putInt(32, s.gid());
        b.putLong(40, s.rdev());
        b.putLong(48, s.size());
        b.putLong(56, 4096);
        b.putLong(64, s.blocks());
        b.putLong(72, Math.floorDiv(s.atimeNs(), 1_000_000_000L));
        b.putLong(80, Math.floorMod(s.atimeNs(), 1_000_000_000L));
        b.putLong(88, Math.floorDiv(s.mtimeNs(), 1_000_000_000L));
        b.putLong(96, Math.floorMod(s.mtimeNs(), 1_000_000_000L));
        b.putLong(104, Math.floorDiv(s.ctimeNs(), 1_000_000_000L));
        b.putLong(112, Math.floorMod(s.ctimeNs(), 1_000_000_000L));
        memory.copyOut(buffer, b.array(), 0, STAT_SIZE);
    }

    /** getdents64: {d_ino, d_off, d_reclen, d_type, name, NUL}, each padded to 8 bytes. */
    long getdents64(final long fd, final long buffer, final long count) throws Errno {
        final OpenFile f = file(fd);
        if (!(f instanceof OpenFile.Directory dir)) {
            throw new Errno(Errno.ENOTDIR);
        }
        final List<String> names = dir.names();
        final int limit = clamp(count);
        final ByteBuffer out = ByteBuffer.allocate(limit).order(memory.order());
        while (dir.position < names.size()) {
            final String name = names.get(dir.position);
            final byte[] bytes = RootedFileSystem.bytes(name);
            final int length = (19 + bytes.length + 1 + 7) & ~7;
            if (out.position() + length > limit) {
                if (out.position() == 0) {
                    throw new Errno(Errno.EINVAL);
                }
                break;
            }
            final Path entry = name.equals(".") ? dir.host() : name.equals("..") ? parentOf(dir) : dir.host()
                .resolve(name);
            long ino = 1;
            int type = 0;
            try {
                final FileStat s = RootedFileSystem.stat(entry, false);
                ino = s.ino();
                type = (s.mode() >>> 12) & 0xF;
            } catch (final Errno e) {
                type = 0;
            }
            final int at = out.position();
            out.putLong(at, ino);
            out.putLong(at + 8, dir.position + 1);
            out.putShort(at + 16, (short) length);
            out.put(at + 18, (byte) type);
            out.position(at + 19);
            out.put(bytes);
            out.position(at + length);
            dir.position++;
        }
        memory.copyOut(buffer, out.array(), 0, out.position());
        return out.position();
    }

    private Path parentOf(final OpenFile.Directory dir) {
        return dir.host().equals(files.root()) ? files.root() : dir.host().getParent();
    }

    // ---- names: links, access, folders ------------------------------------------------------------------

    long readlinkat(final long dirFd, final long pathAddress, final long buffer, final long size) throws Errno {
        final String path = path(pathAddress);
        if (size <= 0) {
            throw new Errno(Errno.EINVAL);
        }
        final byte[] target;
        if (path.equals("/proc/self/exe")) {
            if (programGuestPath == null) {
                throw new Errno(Errno.ENOENT);
            }
            target = RootedFileSystem.bytes(programGuestPath);
        } else {
            final Path host = resolve(dirFd, path, false).host();
            if (!Files.isSymbolicLink(host)) {
                throw new Errno(Files.exists(host, LinkOption.NOFOLLOW_LINKS) ? Errno.EINVAL : Errno.ENOENT);
            }
            target = RootedFileSystem.bytes(files.readLink(host));
        }
        final int n = (int) Math.min(target.length, size);
        memory.copyOut(buffer, target, 0, n);
        return n;
    }

    long faccessat(final long dirFd, final long pathAddress, final long mode, final long flags) throws Errno {
        final Path host = resolve(dirFd, path(pathAddress), (flags & AT_SYMLINK_NOFOLLOW) == 0).host();
        if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
            throw new Errno(Errno.ENOENT);
        }
        if (((mode & 4) != 0 && !Files.isReadable(host)) || ((mode & 2) != 0 && !Files.isWritable(host))
            || ((mode & 1) != 0 && !Files.isExecutable(host))) {
            throw new Errno(Errno.EACCES);
        }
        return 0;
    }

    long getcwd(final long buffer, final long size) throws Errno {
        final byte[] cwd = RootedFileSystem.bytes(files.cwd());
        if (size < cwd.length + 1) {
            throw new Errno(Errno.ERANGE);
        }
        final byte[] withNul = java.util.Arrays.copyOf(cwd, cwd.length + 1);
        memory.copyOut(buffer, withNul, 0, withNul.length);
        return withNul.length;
    }

    long chdir(final long pathAddress) throws Errno {
        final Resolved r = resolve(AT_FDCWD, path(pathAddress), true);
        if (!Files.exists(r.host())) {
            throw new Errno(Errno.ENOENT);
        }
        if (!Files.isDirectory(r.host())) {
            throw new Errno(Errno.ENOTDIR);
        }
        files.setCwd(r.guest());
        return 0;
    }

    long fchdir(final long fd) throws Errno {
        files.setCwd(file(fd).directory());
        return 0;
    }

    long unlinkat(final long dirFd, final long pathAddress, final long flags) throws Errno {
        final Path host = resolve(dirFd, path(pathAddress), false).host();
        if (host.equals(files.root())) {
            throw new Errno(Errno.EBUSY);
        }
        final boolean exists = Files.exists(host, LinkOption.NOFOLLOW_LINKS);
        if (!exists) {
            throw new Errno(Errno.ENOENT);
        }
        final boolean directory = Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS);
        if ((flags & AT_REMOVEDIR) != 0 && !directory) {
            throw new Errno(Errno.ENOTDIR);
        }
        if ((flags & AT_REMOVEDIR) == 0 && directory) {
            throw new Errno(Errno.EISDIR);
        }
        try {
            Files.delete(host);
        } catch (final IOException e) {
            throw RootedFileSystem.errno(e);
        }
        return 0;
    }

    long mkdirat(final long dirFd, final long pathAddress, final long mode) throws Errno {
        final Path host = resolve(dirFd, path(pathAddress), false).host();
        try {
            Files.createDirectory(host, permissions((int) mode));
        } catch (final IOException | UnsupportedOperationException e) {
            throw RootedFileSystem.errno(e);
        }
        return 0;
    }

    long renameat(final long oldDirFd, final long oldPath, final long newDirFd, final long newPath,
                  final long flags) throws Errno {
        if (flags != 0) {
            throw new Errno(Errno.EINVAL);
        }
        final Path from = resolve(oldDirFd, path(oldPath), false).host();
        final Path to = resolve(newDirFd, path(newPath), false).host();
        if (from.equals(files.root()) || to.equals(files.root())) {
            throw new Errno(Errno.EBUSY);
        }
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new Errno(Errno.ENOENT);
        }
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            throw RootedFileSystem.errno(e);
        }
        return 0;
    }

    /** The open file for a file-backed mmap, with its bytes [offset, offset + length) (zero past the end). */
    byte[] mapContents(final long fd, final long offset, final int length) throws Errno {
        final OpenFile f = file(fd);
        if (!(f instanceof OpenFile.HostFile)) {
            throw new Errno(f instanceof OpenFile.Directory ? Errno.ENODEV : Errno.EACCES);
        }
        final byte[] data = new byte[length];
        int done = 0;
        while (done < length) {
            final byte[] part = new byte[Math.min(length - done, MAX_TRANSFER)];
            final int n = f.pread(part, part.length, offset + done);
            if (n <= 0) {
                break;
            }
            System.arraycopy(part, 0, data, done, n);
            done += n;
        }
        return data;
    }
}
