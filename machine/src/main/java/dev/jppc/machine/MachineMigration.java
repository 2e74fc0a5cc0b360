package dev.jppc.machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.jppc.core.Cpu;
import dev.jppc.core.StopReason;
import dev.jppc.core.snapshot.RamSnapshot;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.savevm.migration.IncomingMigration;
import dev.jppc.savevm.migration.MigrationException;
import dev.jppc.savevm.migration.PrecopySource;
import dev.jppc.savevm.snapshot.HptSnapshot;

/**
 * Live migration of a {@link Machine} over TCP (docs/migration.md): {@link #send} on the source, {@link #listen}
 * then {@link Incoming#accept} on the destination. The source runs the guest between the pieces of each pre-copy
 * round on the calling thread (see {@link PrecopySource}); after a successful send the source machine must not
 * run again, after a failed one it goes on unchanged.
 */
public final class MachineMigration {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** How long a refusing destination keeps reading so that the source sees its answer. */
    private static final long LINGER_MILLIS = 3_000;
    private static final int LINGER_READ_MILLIS = 500;
    /**
     * How long the destination waits for the next bytes of a stream before it refuses it: the source sends between
     * slices of a few milliseconds, so a minute of silence is a source that hung or a peer that is not one.
     */
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    /** How long one write to the destination may block (it stopped reading) before the source gives up. */
    private static final int WRITE_TIMEOUT_MILLIS = 60_000;

    private MachineMigration() {
    }

    /** Why a sending migration gave up because of the guest, when it did (else null). */
    public static final class GuestStop {
        private StopReason reason;

        /** The stop that ended the guest during the migration, or null. */
        public StopReason reason() {
            return reason;
        }
    }

    /**
     * Migrates {@code machine} to {@code to}. The guest runs, between pieces, at most up to instruction
     * {@code instructionLimit}; if it stops meanwhile (or reaches the limit) the migration is abandoned and
     * {@code stop} says why. Rounds and the result go to {@code report}.
     */
    public static PrecopySource.Result send(final Machine machine, final MigrationAddress to,
                                            final PrecopySource.Settings settings, final long instructionLimit,
                                            final GuestStop stop, final PrintStream report,
                                            final boolean progressLine) throws MigrationException {
        return send(machine, to, settings, instructionLimit, stop, report, progressLine, WRITE_TIMEOUT_MILLIS);
    }

    /** {@link #send}, giving up when one write to the destination blocks for {@code writeTimeoutMillis}. */
    static PrecopySource.Result send(final Machine machine, final MigrationAddress to,
                                     final PrecopySource.Settings settings, final long instructionLimit,
                                     final GuestStop stop, final PrintStream report, final boolean progressLine,
                                     final int writeTimeoutMillis) throws MigrationException {
        final Cpu cpu = machine.cpu();
        final PrecopySource source = new PrecopySource(machine.ram(), cpu.mmu,
            machine.config().type() == MachineType.PSERIES ? cpu.mmu.table() : null, new MachineSection(machine),
            stateParts(machine), settings, report, progressLine);
        try (SocketChannel channel = SocketChannel.open()) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(to.socketAddress(), CONNECT_TIMEOUT_MILLIS);
            channel.socket().setSoTimeout((int) PrecopySource.resultWaitMillis());
            final PrecopySource.Guest guest = instructions -> {
                if (cpu.instructions >= instructionLimit) {
                    stop.reason = StopReason.BUDGET;
                    return false;
                }
                final long target = instructionLimit - cpu.instructions <= instructions ? instructionLimit
                    : cpu.instructions + instructions;
                final StopReason reason = machine.runTo(target);
                if (reason != StopReason.BUDGET) {
                    stop.reason = reason;
                    return false;
                }
                return true;
            };
            final TimedWrites out = new TimedWrites(channel, writeTimeoutMillis);
            try {
                return source.migrate(out, channel.socket().getInputStream(), guest);
            } catch (final MigrationException e) {
                if (out.stalled()) {
                    throw new MigrationException("the destination read nothing for " + writeTimeoutMillis / 1000.0
                        + " s; " + e.getMessage(), e);
                }
                throw e;
            } finally {
                out.close();
            }
        } catch (final IOException e) {
            throw new MigrationException("cannot connect to " + to + ": " + e.getMessage(), e);
        }
    }

    /**
     * A socket channel whose writes have a time limit, which SO_TIMEOUT does not give: a daemon thread closes the
     * channel when one write has blocked for longer (a destination that stopped reading), so that the write fails
     * and the source's guest goes on instead of waiting forever. Gathering, as {@code RecordWriter} prefers.
     */
    private static final class TimedWrites implements GatheringByteChannel, AutoCloseable {
        private static final long IDLE = Long.MIN_VALUE;

        private final SocketChannel channel;
        private final long limitNanos;
        private final Thread watchdog;
        private volatile long writingSince = IDLE;
        private volatile boolean stalled;

        TimedWrites(final SocketChannel channel, final int limitMillis) {
            this.channel = channel;
            this.limitNanos = limitMillis * 1_000_000L;
            this.watchdog = new Thread(() -> watch(Math.max(10, limitMillis / 10)), "jppc-migration-write-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        private void watch(final long tickMillis) {
            try {
                while (true) {
                    Thread.sleep(tickMillis);
                    final long since = writingSince;
                    if (since != IDLE && System.nanoTime() - since > limitNanos) {
                        stalled = true;
                        channel.close();
                        return;
                    }
                }
            } catch (final InterruptedException | IOException e) {
                // Closed by the migration (it ended), or the channel is closed already: nothing to watch.
            }
        }

        /** True when the watchdog closed the channel because a write blocked too long. */
        boolean stalled() {
            return stalled;
        }

        @Override
        public int write(final ByteBuffer source) throws IOException {
            writingSince = System.nanoTime();
            try {
                return channel.write(source);
            } finally {
                writingSince = IDLE;
            }
        }

        @Override
        public long write(final ByteBuffer[] sources, final int offset, final int length) throws IOException {
            writingSince = System.nanoTime();
            try {
                return channel.write(sources, offset, length);
            } finally {
                writingSince = IDLE;
            }
        }

        @Override
        public long write(final ByteBuffer[] sources) throws IOException {
            return write(sources, 0, sources.length);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        /** Stops the watchdog; the channel stays open (its owner closes it). */
        @Override
        public void close() {
            watchdog.interrupt();
        }
    }

    /** The sections sent after the guest stopped: all but the configuration, RAM and the table. */
    static List<Snapshottable> stateParts(final Machine machine) {
        final List<Snapshottable> parts = new ArrayList<>();
        for (final Snapshottable part : machine.snapshotParts()) {
            final String name = part.snapshotName();
            if (!name.equals(MachineSection.NAME) && !name.equals(RamSnapshot.NAME) && !name.equals(HptSnapshot.NAME)) {
                parts.add(part);
            }
        }
        return parts;
    }

    /**
     * Builds an empty board for {@code config} (board and RAM size must match the source's) and listens on
     * {@code address} for one incoming machine.
     */
    public static Incoming listen(final MachineConfig config, final MigrationAddress address)
        throws MachineException, IOException {
        final Machine machine = Machine.createEmpty(config);
        final ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(address.socketAddress(), 1);
        } catch (final IOException e) {
            server.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        return new Incoming(machine, server);
    }

    /** A destination waiting for its machine. */
    public static final class Incoming implements AutoCloseable {
        private final Machine machine;
        private final ServerSocketChannel server;

        private Incoming(final Machine machine, final ServerSocketChannel server) {
            this.machine = machine;
            this.server = server;
        }

        /** The port listened on (useful after binding port 0). */
        public int port() throws IOException {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        }

        /**
         * Waits for a source and receives its machine, reporting on {@code report}. Returns the machine, ready to
         * run on; a refused stream is a {@link MigrationException} and the board must be thrown away.
         */
        public Machine accept(final PrintStream report) throws MigrationException, IOException {
            return accept(report, READ_TIMEOUT_MILLIS);
        }

        /** {@link #accept(PrintStream)}, refusing a source that sends nothing for {@code readTimeoutMillis}. */
        Machine accept(final PrintStream report, final int readTimeoutMillis) throws MigrationException, IOException {
            try (SocketChannel channel = server.accept()) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                final Cpu cpu = machine.cpu();
                final IncomingMigration incoming = new IncomingMigration(machine.ram(), new MachineSection(machine),
                    stateParts(machine), machine.config().type() == MachineType.PSERIES
                    ? cpu.mmu::setHypervisorTable : null);
                final IncomingMigration.Result result;
                try {
                    result = incoming.receive(timedReads(channel, readTimeoutMillis), channel);
                } catch (final SocketTimeoutException e) {
                    throw new MigrationException("the source sent nothing for " + readTimeoutMillis / 1000.0
                        + " s; the stream is refused", e);
                } catch (final MigrationException e) {
                    lingerForTheSource(channel);
                    throw e;
                }
                if (machine.interpreter().codeCache() != null) {
                    machine.interpreter().codeCache().clear();
                }
                if (report != null) {
                    report.printf(Locale.ROOT, "jppc: incoming migration: %d records, %.1f MiB, %d pages, %d HPTEs in"
                        + " %.0f ms; resuming at instruction %d%n", result.records(), result.bytes() / 1048576.0,
                        result.pages(), result.hptes(), result.nanos() / 1e6, cpu.instructions);
                }
                return machine;
            } finally {
                server.close();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        /**
         * Reads {@code channel} through its socket's stream, whose reads (unlike the channel's) end after
         * {@code timeoutMillis} with a {@link SocketTimeoutException}, so a stalled source cannot hang the
         * destination.
         */
        private static ReadableByteChannel timedReads(final SocketChannel channel, final int timeoutMillis)
            throws IOException {
            channel.socket().setSoTimeout(timeoutMillis);
            final InputStream in = channel.socket().getInputStream();
            return new ReadableByteChannel() {
                @Override
                public int read(final ByteBuffer target) throws IOException {
                    if (target.hasArray()) {
                        final int n = in.read(target.array(), target.arrayOffset() + target.position(),
                            target.remaining());
                        if (n > 0) {
                            target.position(target.position() + n);
                        }
                        return n;
                    }
                    final byte[] bytes = new byte[target.remaining()];
                    final int n = in.read(bytes);
                    if (n > 0) {
                        target.put(bytes, 0, n);
                    }
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return channel.isOpen();
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }

        /**
         * After a refusal: stops sending and reads (and drops) what the source still sends for a moment, so that
         * the source finds the RESULT record between two pieces instead of a connection reset.
         */
        private static void lingerForTheSource(final SocketChannel channel) {
            try {
                channel.shutdownOutput();
                channel.socket().setSoTimeout(LINGER_READ_MILLIS);
                final InputStream in = channel.socket().getInputStream();
                final byte[] sink = new byte[64 * 1024];
                final long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
                while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                    continue;
                }
            } catch (final IOException e) {
                // The source is gone or quiet: nothing more to wait for.
            }
        }
    }
}
