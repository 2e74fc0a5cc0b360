package dev.jppc.machine;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
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
            return source.migrate(channel, channel.socket().getInputStream(), guest);
        } catch (final IOException e) {
            throw new MigrationException("cannot connect to " + to + ": " + e.getMessage(), e);
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
            try (SocketChannel channel = server.accept()) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                final Cpu cpu = machine.cpu();
                final IncomingMigration incoming = new IncomingMigration(machine.ram(), new MachineSection(machine),
                    stateParts(machine), machine.config().type() == MachineType.PSERIES
                    ? cpu.mmu::setHypervisorTable : null);
                final IncomingMigration.Result result;
                try {
                    result = incoming.receive(channel, channel);
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
         * After a refusal: stops sending and reads (and drops) what the source still sends for a moment, so that
         * the source finds the RESULT record between two pieces instead of a connection reset.
         */
        private static void lingerForTheSource(final SocketChannel channel) {
            try {
                channel.shutdownOutput();
                channel.socket().setSoTimeout(LINGER_READ_MILLIS);
                final java.io.InputStream in = channel.socket().getInputStream();
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
