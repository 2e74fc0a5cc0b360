package dev.jppc.machine.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.jppc.machine.user.RootedFileSystem.FileStat;

/**
 * An open file description (what a file descriptor points to; dup'ed descriptors share one): a host stream,
 * a host file, a host directory or one end of a pipe. Every operation a kind does not support answers the
 * errno Linux gives for it.
 */
abstract class OpenFile {

    static final int SEEK_SET = 0;
    static final int SEEK_CUR = 1;
    static final int SEEK_END = 2;
    /** O_NONBLOCK (the same on powerpc as in the generic fcntl.h). */
    static final int O_NONBLOCK = 04000;

    /** File status flags of open(2) that F_GETFL reports (access mode, O_APPEND, O_NONBLOCK, ...). */
    int statusFlags;
    private int references = 1;

    OpenFile(final int statusFlags) {
        this.statusFlags = statusFlags;
    }

    int read(final byte[] buffer, final int length) throws Errno {
        throw new Errno(Errno.EINVAL);
    }

    int write(final byte[] buffer, final int length) throws Errno {
        throw new Errno(Errno.EINVAL);
    }

    int pread(final byte[] buffer, final int length, final long position) throws Errno {
        throw new Errno(Errno.ESPIPE);
    }

    int pwrite(final byte[] buffer, final int length, final long position) throws Errno {
        throw new Errno(Errno.ESPIPE);
    }

    long seek(final long offset, final int whence) throws Errno {
        throw new Errno(Errno.ESPIPE);
    }

    abstract FileStat stat() throws Errno;

    long truncate(final long length) throws Errno {
        throw new Errno(Errno.EINVAL);
    }

    /** The guest path of a directory (for *at calls and fchdir); ENOTDIR for everything else. */
    String directory() throws Errno {
        throw new Errno(Errno.ENOTDIR);
    }

    /** One more descriptor (in this or another process) refers to this description. */
    synchronized void retain() {
        references++;
    }

    /** Drops one descriptor's reference; the last one closes the host side. */
    void release() {
        final boolean last;
        synchronized (this) {
            last = --references == 0;
        }
        if (last) {
            close();
        }
    }

    void close() {
    }

    static long position(final long base, final long offset) throws Errno {
        final long p = base + offset;
        if (p < 0) {
            throw new Errno(Errno.EINVAL);
        }
        return p;
    }

    /** The host's standard input. */
    static final class Input extends OpenFile {
        private final InputStream in;

        Input(final InputStream in) {
            super(0);
            this.in = in;
        }

        @Override
        int read(final byte[] buffer, final int length) throws Errno {
            try {
                final int n = in.read(buffer, 0, length);
                return Math.max(n, 0);
            } catch (final IOException e) {
                throw new Errno(Errno.EIO);
            }
        }

        @Override
        FileStat stat() {
            return FileStat.stream(RootedFileSystem.S_IFCHR, 1);
        }
    }

    /** The host's standard output or error: every guest write is one host write. */
    static final class Output extends OpenFile {
        private final OutputStream out;
        private final long ino;

        Output(final OutputStream out, final long ino) {
            super(1);
            this.out = out;
            this.ino = ino;
        }

        @Override
        int write(final byte[] buffer, final int length) throws Errno {
            try {
                out.write(buffer, 0, length);
                out.flush();
                return length;
            } catch (final IOException e) {
                throw new Errno(Errno.EPIPE);
            }
        }

        @Override
        FileStat stat() {
            return FileStat.stream(RootedFileSystem.S_IFCHR, ino);
        }
    }

    /**
     * /dev/null when the root has none: the shell opens it as the standard input of background jobs. Reads
     * find the end of file, writes vanish.
     */
    static final class Null extends OpenFile {
        Null(final int statusFlags) {
            super(statusFlags);
        }

        @Override
        int read(final byte[] buffer, final int length) {
            return 0;
        }

        @Override
        int write(final byte[] buffer, final int length) {
            return length;
        }

        @Override
        FileStat stat() {
            return FileStat.stream(RootedFileSystem.S_IFCHR, 4);
        }
    }

    /** A regular host file (or anything else FileChannel opens). */
    static final class HostFile extends OpenFile {
        private final FileChannel channel;
        private final Path host;
        private final boolean append;

        HostFile(final FileChannel channel, final Path host, final int statusFlags, final boolean append) {
            super(statusFlags);
            this.channel = channel;
            this.host = host;
            this.append = append;
        }

        @Override
        int read(final byte[] buffer, final int length) throws Errno {
            try {
                return Math.max(channel.read(ByteBuffer.wrap(buffer, 0, length)), 0);
            } catch (final IOException | java.nio.channels.NonReadableChannelException e) {
                throw new Errno(Errno.EBADF);
            }
        }

        @Override
        int write(final byte[] buffer, final int length) throws Errno {
            try {
                if (append) {
                    channel.position(channel.size());
                }
                return channel.write(ByteBuffer.wrap(buffer, 0, length));
            } catch (final IOException | java.nio.channels.NonWritableChannelException e) {
                throw new Errno(Errno.EBADF);
            }
        }

        @Override
        int pread(final byte[] buffer, final int length, final long position) throws Errno {
            try {
                return Math.max(channel.read(ByteBuffer.wrap(buffer, 0, length), position), 0);
            } catch (final IOException | java.nio.channels.NonReadableChannelException e) {
                throw new Errno(Errno.EBADF);
            }
        }

        @Override
        int pwrite(final byte[] buffer, final int length, final long position) throws Errno {
            try {
                return channel.write(ByteBuffer.wrap(buffer, 0, length), position);
            } catch (final IOException | java.nio.channels.NonWritableChannelException e) {
                throw new Errno(Errno.EBADF);
            }
        }

        @Override
        long seek(final long offset, final int whence) throws Errno {
            try {
                final long base = switch (whence) {
                    case SEEK_SET -> 0;
                    case SEEK_CUR -> channel.position();
                    case SEEK_END -> channel.size();
                    default -> throw new Errno(Errno.EINVAL);
                };
                final long p = position(base, offset);
                channel.position(p);
                return p;
            } catch (final IOException e) {
                throw new Errno(Errno.EIO);
            }
        }

        @Override
        FileStat stat() throws Errno {
            return RootedFileSystem.stat(host, true);
        }

        @Override
        long truncate(final long length) throws Errno {
            try {
                if (length < channel.size()) {
                    channel.truncate(length);
                } else if (length > channel.size()) {
                    channel.write(ByteBuffer.wrap(new byte[1]), length - 1);
                }
                return 0;
            } catch (final IOException | java.nio.channels.NonWritableChannelException e) {
                throw new Errno(Errno.EINVAL);
            }
        }

        Path host() {
            return host;
        }

        @Override
        void close() {
            try {
                channel.close();
            } catch (final IOException e) {
                // Nothing the guest could do about it: close(2) has already succeeded for it.
            }
        }
    }

    /** A host directory opened for reading: getdents64 walks a sorted listing taken at the first call. */
    static final class Directory extends OpenFile {
        private final Path host;
        private final String guest;
        private List<String> names;
        /** Index of the next entry getdents64 returns. */
        int position;

        Directory(final Path host, final String guest, final int statusFlags) {
            super(statusFlags);
            this.host = host;
            this.guest = guest;
        }

        /** ".", ".." and the folder's entries in name order (so that listings are reproducible). */
        List<String> names() throws Errno {
            if (names == null) {
                final List<String> list = new ArrayList<>();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(host)) {
                    for (final Path p : stream) {
                        list.add(p.getFileName().toString());
                    }
                } catch (final IOException e) {
                    throw RootedFileSystem.errno(e);
                }
                Collections.sort(list);
                list.add(0, "..");
                list.add(0, ".");
                names = list;
            }
            return names;
        }

        Path host() {
            return host;
        }

        @Override
        int read(final byte[] buffer, final int length) throws Errno {
            throw new Errno(Errno.EISDIR);
        }

        @Override
        long seek(final long offset, final int whence) throws Errno {
            if (whence != SEEK_SET || offset < 0) {
                throw new Errno(Errno.EINVAL);
            }
            position = (int) Math.min(offset, Integer.MAX_VALUE);
            return position;
        }

        @Override
        FileStat stat() throws Errno {
            return RootedFileSystem.stat(host, true);
        }

        @Override
        String directory() {
            return guest;
        }
    }

    /**
     * The buffer shared by the two ends of a pipe, used by the threads of different processes: a read waits
     * for data or for the last writer to close, a write waits for room (Linux's 64 KiB pipe capacity) and
     * fails with EPIPE once no reader is left. A waiting thread that is interrupted (its process is being
     * killed) gives up with EINTR.
     */
    static final class PipeBuffer {
        /** Linux's default pipe capacity. */
        static final int CAPACITY = 1 << 16;
        /** Writes of at most this many bytes go in whole, never interleaved with another writer's (POSIX). */
        static final int PIPE_BUF = 4096;
        private final byte[] ring = new byte[CAPACITY];
        private int head;
        private int size;
        private int readers = 1;
        private int writers = 1;
        final long ino = System.identityHashCode(this);

        /** Reads up to {@code length} bytes; 0 at end of file; EAGAIN instead of waiting when {@code noWait}. */
        synchronized int read(final byte[] buffer, final int length, final boolean noWait) throws Errno {
            while (size == 0 && writers > 0) {
                if (noWait) {
                    throw new Errno(Errno.EAGAIN);
                }
                await();
            }
            final int n = Math.min(length, size);
            for (int i = 0; i < n; i++) {
                buffer[i] = ring[(head + i) % CAPACITY];
            }
            head = (head + n) % CAPACITY;
            size -= n;
            notifyAll();
            return n;
        }

        /**
         * Writes all of {@code length} bytes, waiting for room as needed (for all of them at once up to
         * {@link #PIPE_BUF}); EPIPE when no reader is left before anything was written (else the count written
         * so far).
         */
        synchronized int write(final byte[] buffer, final int length, final boolean noWait) throws Errno {
            int done = 0;
            while (done < length) {
                if (readers == 0) {
                    if (done > 0) {
                        return done;
                    }
                    throw new Errno(Errno.EPIPE);
                }
                if (size == CAPACITY || length <= PIPE_BUF && CAPACITY - size < length) {
                    if (noWait) {
                        if (done > 0) {
                            return done;
                        }
                        throw new Errno(Errno.EAGAIN);
                    }
                    await();
                    continue;
                }
                final int n = Math.min(length - done, CAPACITY - size);
                for (int i = 0; i < n; i++) {
                    ring[(head + size + i) % CAPACITY] = buffer[done + i];
                }
                size += n;
                done += n;
                notifyAll();
            }
            return done;
        }

        private void await() throws Errno {
            try {
                wait();
            } catch (final InterruptedException e) {
                throw new Errno(Errno.EINTR);
            }
        }

        synchronized int available() {
            return size;
        }

        synchronized void closeEnd(final boolean readEnd) {
            if (readEnd) {
                readers--;
            } else {
                writers--;
            }
            notifyAll();
        }
    }

    /** One end of a pipe (one open file description; dup and fork share it, counted by its references). */
    static final class Pipe extends OpenFile {
        private final PipeBuffer buffer;
        private final boolean readEnd;

        Pipe(final PipeBuffer buffer, final boolean readEnd, final int statusFlags) {
            super(statusFlags);
            this.buffer = buffer;
            this.readEnd = readEnd;
        }

        @Override
        int read(final byte[] out, final int length) throws Errno {
            if (!readEnd) {
                throw new Errno(Errno.EBADF);
            }
            return buffer.read(out, length, (statusFlags & O_NONBLOCK) != 0);
        }

        @Override
        int write(final byte[] in, final int length) throws Errno {
            if (readEnd) {
                throw new Errno(Errno.EBADF);
            }
            return buffer.write(in, length, (statusFlags & O_NONBLOCK) != 0);
        }

        @Override
        FileStat stat() {
            return FileStat.stream(RootedFileSystem.S_IFIFO, buffer.ino);
        }

        @Override
        void close() {
            buffer.closeEnd(readEnd);
        }
    }
}
