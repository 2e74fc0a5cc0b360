package dev.jppc.machine.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The guest's view of the host file system: a folder of the host (the root, {@code --root}) seen as "/",
 * like a chroot. Guest paths are resolved here component by component, with {@code ..} stopping at the root
 * and every symbolic link read and followed by this class itself, an absolute target starting again at the
 * root; so no guest path, however built, names a host file outside the root. (A link's target is never
 * handed to the host to follow: Java only ever sees paths made of plain components below the root. Another
 * host process renaming folders under the root while the guest runs could still race with a resolution;
 * that is outside what the runner guards against.)
 */
final class RootedFileSystem {

    /** Linux's limit on symbolic links followed while resolving one path. */
    private static final int MAX_LINKS = 40;
    static final int PATH_MAX = 4096;

    /** A resolved path: the host path (below the root) and the guest's absolute name for it. */
    record Resolved(Path host, String guest) {
    }

    private final Path root;
    private String cwd = "/";

    RootedFileSystem(final Path root) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new NotDirectoryException(root.toString());
        }
    }

    private RootedFileSystem(final Path realRoot, final String cwd) {
        this.root = realRoot;
        this.cwd = cwd;
    }

    /** The same root with its own current folder (a forked process's). */
    RootedFileSystem copy() {
        return new RootedFileSystem(root, cwd);
    }

    Path root() {
        return root;
    }

    /** The guest's current directory, an absolute guest path. */
    String cwd() {
        return cwd;
    }

    void setCwd(final String guestPath) {
        cwd = guestPath;
    }

    /**
     * Resolves {@code path} (relative paths against the guest folder {@code base}), following symbolic links
     * in every component and, when {@code followLast}, in the last one as well.
     */
    Resolved resolve(final String base, final String path, final boolean followLast) throws Errno {
        if (path.isEmpty()) {
            throw new Errno(Errno.ENOENT);
        }
        if (path.length() >= PATH_MAX) {
            throw new Errno(Errno.ENAMETOOLONG);
        }
        final Deque<String> todo = new ArrayDeque<>();
        pushComponents(todo, path);
        final List<String> done = new ArrayList<>();
        if (!path.startsWith("/")) {
            for (final String c : base.split("/")) {
                if (!c.isEmpty()) {
                    done.add(c);
                }
            }
        }
        int links = 0;
        while (!todo.isEmpty()) {
            final String component = todo.pop();
            if (component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            if (component.length() > 255) {
                throw new Errno(Errno.ENAMETOOLONG);
            }
            done.add(component);
            final boolean last = todo.isEmpty();
            final Path host = hostPath(done);
            if ((!last || followLast) && Files.isSymbolicLink(host)) {
                if (++links > MAX_LINKS) {
                    throw new Errno(Errno.ELOOP);
                }
                final String target = readLink(host);
                done.remove(done.size() - 1);
                if (target.startsWith("/")) {
                    done.clear();
                }
                pushComponents(todo, target);
            } else if (!last && Files.exists(host, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                throw new Errno(Errno.ENOTDIR);
            }
        }
        return new Resolved(hostPath(done), "/" + String.join("/", done));
    }

    /** Pushes the components of {@code path} so that the first is popped first. */
    private static void pushComponents(final Deque<String> todo, final String path) {
        final String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty()) {
                todo.push(parts[i]);
            }
        }
    }

    private Path hostPath(final List<String> components) {
        Path p = root;
        for (final String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    /** The target of the symbolic link {@code host}, as bytes of text. */
    String readLink(final Path host) throws Errno {
        try {
            return Files.readSymbolicLink(host).toString();
        } catch (final IOException | UnsupportedOperationException e) {
            throw errno(e);
        }
    }

    /** Linux's errno for a host I/O failure. */
    static Errno errno(final Exception e) {
        if (e instanceof NoSuchFileException) {
            return new Errno(Errno.ENOENT);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new Errno(Errno.EEXIST);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new Errno(Errno.ENOTEMPTY);
        }
        if (e instanceof AccessDeniedException) {
            return new Errno(Errno.EACCES);
        }
        if (e instanceof NotDirectoryException) {
            return new Errno(Errno.ENOTDIR);
        }
        if (e instanceof FileSystemLoopException) {
            return new Errno(Errno.ELOOP);
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            final String reason = f.getReason();
            if (reason.contains("Is a directory")) {
                return new Errno(Errno.EISDIR);
            }
            if (reason.contains("Not a directory")) {
                return new Errno(Errno.ENOTDIR);
            }
            if (reason.contains("Invalid cross-device")) {
                return new Errno(Errno.EXDEV);
            }
        }
        return new Errno(Errno.EIO);
    }

    static byte[] bytes(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(final byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    // ---- stat -------------------------------------------------------------------------------------------

    static final int S_IFIFO = 0010000;
    static final int S_IFCHR = 0020000;
    static final int S_IFDIR = 0040000;
    static final int S_IFBLK = 0060000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;
    static final int S_IFSOCK = 0140000;

    /** What stat reports about a file, in Linux's units. */
    record FileStat(long dev, long ino, int mode, long nlink, int uid, int gid, long rdev, long size,
                    long blocks, long atimeNs, long mtimeNs, long ctimeNs) {

        boolean isDirectory() {
            return (mode & 0170000) == S_IFDIR;
        }

        /** A stream with no file behind it (the host's stdin/stdout/stderr, a pipe). */
        static FileStat stream(final int type, final long ino) {
            final long now = System.currentTimeMillis() * 1_000_000L;
            return new FileStat(0x10, ino, type | 0600, 1, 0, 0, 0, 0, 0, now, now, now);
        }
    }

    /** stat/lstat of a host path. */
    static FileStat stat(final Path host, final boolean follow) throws Errno {
        final LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try {
            final Map<String, Object> a = Files.readAttributes(host,
                "unix:dev,ino,mode,nlink,uid,gid,rdev,size,lastAccessTime,lastModifiedTime,ctime", options);
            final long size = (Long) a.get("size");
            return new FileStat((Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("mode"),
                ((Integer) a.get("nlink")).longValue(), (Integer) a.get("uid"), (Integer) a.get("gid"),
                (Long) a.get("rdev"), size, (size + 511) / 512, nanos(a.get("lastAccessTime")),
                nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")));
        } catch (final UnsupportedOperationException | IllegalArgumentException e) {
            return basicStat(host, options);
        } catch (final IOException e) {
            throw errno(e);
        }
    }

    private static FileStat basicStat(final Path host, final LinkOption[] options) throws Errno {
        try {
            final BasicFileAttributes a = Files.readAttributes(host, BasicFileAttributes.class, options);
            final int type = a.isDirectory() ? S_IFDIR : a.isSymbolicLink() ? S_IFLNK : a.isRegularFile()
                ? S_IFREG : S_IFCHR;
            final int perms = a.isDirectory() ? 0755 : 0644;
            return new FileStat(1, a.fileKey() == null ? 1 : a.fileKey().hashCode() & 0x7FFF_FFFFL, type | perms, 1,
                0, 0, 0, a.size(), (a.size() + 511) / 512, nanos(a.lastAccessTime()), nanos(a.lastModifiedTime()),
                nanos(a.lastModifiedTime()));
        } catch (final IOException e) {
            throw errno(e);
        }
    }

    private static long nanos(final Object time) {
        if (time instanceof FileTime t) {
            final java.time.Instant i = t.toInstant();
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        }
        return 0;
    }
}
