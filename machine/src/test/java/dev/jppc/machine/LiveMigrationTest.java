package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.StopReason;
import dev.jppc.savevm.migration.BufferStateOutput;
import dev.jppc.savevm.migration.IncomingMigration;
import dev.jppc.savevm.migration.MigrationException;
import dev.jppc.savevm.migration.MigrationFormat;
import dev.jppc.savevm.migration.PrecopySource;
import dev.jppc.savevm.migration.RecordReader;
import dev.jppc.savevm.migration.RecordWriter;

/**
 * Live migration of the page-table-churning guest (guests/churn-pseries-be) between two machines over loopback:
 * the destination's console appended to the source's equals a run that never migrated, and so do the exit
 * status, the instruction count and the final state (every snapshot section). A stream that is cut, truncated,
 * corrupted, of another version or for another machine is refused by the destination with a message naming the
 * problem, and the source keeps running and finishes as if nothing had happened.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LiveMigrationTest {

    private static final Path CHURN = Path.of("..", "guests", "churn-pseries-be", "churn-pseries-be.elf");
    private static final long MEMORY = 256L << 20;
    private static final long BUDGET = 2_000_000_000L;
    /** Small pieces and slices, so that the guest runs and dirties pages between the pieces of round 0. */
    private static final PrecopySource.Settings SETTINGS = new PrecopySource.Settings(50, 30, 4096, 50_000);

    private static Outcome reference;
    private static ExecutorService executor;

    @TempDir
    Path temp;

    record Outcome(String console, int exitStatus, long instructions, byte[] finalState) {
    }

    @BeforeAll
    static void runWithoutMigrating(@TempDir final Path folder) throws Exception {
        executor = Executors.newCachedThreadPool();
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final Machine machine = Machine.create(config(console));
        final StopReason reason = machine.run(BUDGET);
        reference = outcome(machine, console.toString(StandardCharsets.ISO_8859_1), machine.exitStatus(reason),
            folder);
        assertEquals(0, reference.exitStatus(), "the churn guest fails on its own: " + reference.console());
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    static MachineConfig config(final ByteArrayOutputStream console) {
        return SnapshotDeterminismTest.config(CHURN, MachineType.PSERIES, console).memory(MEMORY);
    }

    private static Outcome outcome(final Machine machine, final String console, final int status, final Path folder)
        throws IOException {
        final Path state = Files.createTempFile(folder, "final", ".jppc");
        machine.saveSnapshot(state);
        return new Outcome(console, status, machine.cpu().instructions, Files.readAllBytes(state));
    }

    @ParameterizedTest(name = "migrate after {0} instructions")
    @ValueSource(longs = {1, 1_500_000, 4_000_000})
    void shouldContinueOnTheDestinationExactlyAsWithoutMigrating(final long after) throws Exception {
        final ByteArrayOutputStream sourceConsole = new ByteArrayOutputStream();
        final Machine source = Machine.create(config(sourceConsole));
        assertEquals(StopReason.BUDGET, source.runTo(after));
        final ByteArrayOutputStream destinationConsole = new ByteArrayOutputStream();
        final MachineMigration.Incoming incoming = MachineMigration.listen(config(destinationConsole),
            new MigrationAddress(MigrationAddress.LOOPBACK, 0));
        final Future<Machine> received = executor.submit(() -> incoming.accept(null));
        final ByteArrayOutputStream report = new ByteArrayOutputStream();
        final PrecopySource.Result result = MachineMigration.send(source, new MigrationAddress(
            MigrationAddress.LOOPBACK, incoming.port()), SETTINGS, Long.MAX_VALUE, new MachineMigration.GuestStop(),
            new PrintStream(report, true, StandardCharsets.UTF_8), false);
        final Machine destination = received.get(2, TimeUnit.MINUTES);
        final String rounds = report.toString(StandardCharsets.UTF_8);
        System.out.print(rounds);
        assertFalse(result.rounds().isEmpty());
        assertEquals(MEMORY / 4096, result.rounds().get(0).pages(), "round 0 sends every page");
        final long hptes = result.finalHptes() + result.rounds().stream().mapToLong(PrecopySource.Round::hptes).sum();
        assertTrue(hptes >= 16, "the window's 16 mappings at least: " + hptes);
        assertTrue(rounds.contains("migration done"), rounds);
        assertEquals(source.cpu().instructions, destination.cpu().instructions, "the destination resumes there");

        final StopReason reason = destination.run(BUDGET);
        final String console = sourceConsole.toString(StandardCharsets.ISO_8859_1)
            + destinationConsole.toString(StandardCharsets.ISO_8859_1);
        final Outcome migrated = outcome(destination, console, destination.exitStatus(reason), temp);
        assertEquals(reference.console(), migrated.console(), "console output, migrated after " + after);
        assertEquals(reference.exitStatus(), migrated.exitStatus());
        assertEquals(reference.instructions(), migrated.instructions());
        assertArrayEquals(reference.finalState(), migrated.finalState(), "final state, migrated after " + after);
    }

    @Test
    void shouldKeepTheSourceRunningWhenThePeerClosesMidStream() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new MigrationAddress(MigrationAddress.LOOPBACK, 0).socketAddress());
            final int port = ((java.net.InetSocketAddress) server.getLocalAddress()).getPort();
            final Future<Long> peer = executor.submit(() -> {
                try (SocketChannel channel = server.accept()) {
                    final ByteBuffer some = ByteBuffer.allocate(300_000);
                    while (some.hasRemaining() && channel.read(some) >= 0) {
                        continue;
                    }
                    return (long) some.position();
                }
            });
            assertSourceSurvives(port, "the stream to the destination broke");
            assertEquals(300_000L, peer.get(1, TimeUnit.MINUTES));
        }
    }

    @Test
    void shouldKeepTheSourceRunningWhenTheDestinationRefuses() throws Exception {
        final ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        final MachineMigration.Incoming incoming = MachineMigration.listen(config(ignored).memory(512L << 20),
            new MigrationAddress(MigrationAddress.LOOPBACK, 0));
        final Future<Machine> received = executor.submit(() -> incoming.accept(null));
        assertSourceSurvives(incoming.port(), "with 256 MiB");
        final Exception refused = assertThrows(java.util.concurrent.ExecutionException.class,
            () -> received.get(1, TimeUnit.MINUTES));
        assertTrue(refused.getCause() instanceof MigrationException, refused.toString());
        assertEquals("record #0 (CONFIG): section 'machine': saved from a pseries machine with 256 MiB of"
            + " RAM, this is a pseries machine with 512 MiB", refused.getCause().getMessage());
    }

    @Test
    void shouldKeepTheSourceRunningWhenTheDestinationStopsReading() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            // A small receive window, so that the source's socket buffer fills with the first round.
            server.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4096);
            server.bind(new MigrationAddress(MigrationAddress.LOOPBACK, 0).socketAddress());
            final int port = ((java.net.InetSocketAddress) server.getLocalAddress()).getPort();
            final Future<Boolean> peer = executor.submit(() -> {
                try (SocketChannel channel = server.accept()) {
                    // Reads nothing: the source's writes block once the socket buffers are full.
                    final ByteBuffer one = ByteBuffer.allocate(1);
                    while (channel.read(one) >= 0) {
                        Thread.sleep(60_000);
                    }
                    return true;
                }
            });
            assertSourceSurvives(port, "the destination read nothing for 0.5 s", 500);
            peer.cancel(true);
        }
    }

    /** Migrates a fresh source to {@code port}, expects a failure naming {@code problem}, then runs it to its end. */
    private void assertSourceSurvives(final int port, final String problem) throws Exception {
        assertSourceSurvives(port, problem, 60_000);
    }

    private void assertSourceSurvives(final int port, final String problem, final int writeTimeoutMillis)
        throws Exception {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final Machine source = Machine.create(config(console));
        source.runTo(1_000_000);
        final MigrationException e = assertThrows(MigrationException.class, () -> MachineMigration.send(source,
            new MigrationAddress(MigrationAddress.LOOPBACK, port), SETTINGS, Long.MAX_VALUE,
            new MachineMigration.GuestStop(), null, false, writeTimeoutMillis));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        final StopReason reason = source.run(BUDGET);
        final Outcome after = outcome(source, console.toString(StandardCharsets.ISO_8859_1),
            source.exitStatus(reason), temp);
        assertEquals(reference.console(), after.console(), "the source goes on as if nothing had happened");
        assertArrayEquals(reference.finalState(), after.finalState());
    }

    @Test
    void shouldMigrateFromTheMonitor() throws Exception {
        final ByteArrayOutputStream sourceConsole = new ByteArrayOutputStream();
        final Machine source = Machine.create(config(sourceConsole));
        source.runTo(3_000_000);
        final ByteArrayOutputStream destinationConsole = new ByteArrayOutputStream();
        final MachineMigration.Incoming incoming = MachineMigration.listen(config(destinationConsole),
            new MigrationAddress(MigrationAddress.LOOPBACK, 0));
        final int port = incoming.port();
        final Future<Machine> received = executor.submit(() -> incoming.accept(null));
        final dev.jppc.machine.monitor.Monitor monitor = new dev.jppc.machine.monitor.Monitor(source);
        assertEquals("migration downtime limit 20 ms\n", monitor.execute("migrate_set_downtime 0.02"));
        assertEquals("migration downtime limit 30 ms\n", monitor.execute("migrate_set_downtime 30ms"));
        final String said = monitor.execute("migrate tcp:127.0.0.1:" + port);
        assertTrue(said.contains("migrated to tcp:127.0.0.1:" + port), said);
        assertTrue(monitor.quitRequested());
        assertEquals(0, monitor.exitStatus());
        final Machine destination = received.get(2, TimeUnit.MINUTES);
        destination.run(BUDGET);
        assertEquals(reference.console(), sourceConsole.toString(StandardCharsets.ISO_8859_1)
            + destinationConsole.toString(StandardCharsets.ISO_8859_1));
    }

    /** Two {@code jppc run} processes: {@code --incoming} and {@code --migrate-to ... --migrate-after-insns}. */
    @Test
    void shouldMigrateBetweenTwoProcesses() throws Exception {
        final int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new MigrationAddress(MigrationAddress.LOOPBACK, 0).socketAddress());
            port = ((java.net.InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        final String address = "tcp:127.0.0.1:" + port;
        final Process destination = jppc(temp.resolve("destination"), "run", "--memory", "256M", "--incoming",
            address);
        final Path destinationErr = temp.resolve("destination.err");
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.readString(destinationErr).contains("waiting for an incoming migration")) {
            assertTrue(System.nanoTime() < deadline && destination.isAlive(), Files.readString(destinationErr));
            Thread.sleep(50);
        }
        final Process source = jppc(temp.resolve("source"), "run", "--memory", "256M", CHURN.toString(),
            "--migrate-to", address, "--migrate-after-insns", "2000000", "--downtime-ms", "50");
        assertTrue(source.waitFor(3, TimeUnit.MINUTES) && destination.waitFor(3, TimeUnit.MINUTES));
        final String sourceErr = Files.readString(temp.resolve("source.err"));
        assertEquals(0, source.exitValue(), sourceErr);
        assertEquals(0, destination.exitValue(), Files.readString(destinationErr));
        assertTrue(sourceErr.contains("migration done") && sourceErr.contains("migrated to " + address), sourceErr);
        assertTrue(Files.readString(destinationErr).contains("resuming at instruction"));
        assertEquals(reference.console(), Files.readString(temp.resolve("source.out"), StandardCharsets.ISO_8859_1)
            + Files.readString(temp.resolve("destination.out"), StandardCharsets.ISO_8859_1));
    }

    /** {@code jppc ARGS} in a new JVM on the test class path; output in NAME.out and NAME.err. */
    private static Process jppc(final Path name, final String... arguments) throws IOException {
        final java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), "dev.jppc.machine.cli.Main"));
        command.addAll(java.util.List.of(arguments));
        return new ProcessBuilder(command).redirectOutput(Path.of(name + ".out").toFile())
            .redirectError(Path.of(name + ".err").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    // ---- damaged streams, fed to a destination directly ---------------------------------------------------

    @Test
    void shouldRefuseDamagedStreams() throws Exception {
        final byte[] stream = captureStream();
        final int secondRecord = 20 + 12 + ByteBuffer.wrap(stream, 24, 4).getInt();
        final int ramRecord = findRecord(stream, MigrationFormat.RAM);

        assertRefused(stream, "");
        assertRefused(java.util.Arrays.copyOf(stream, stream.length - 7), "truncated: the stream ended after");
        assertRefused(java.util.Arrays.copyOf(stream, 10), "truncated: the stream ended after 10 bytes of its"
            + " 20-byte header");
        assertRefused(java.util.Arrays.copyOf(stream, secondRecord + 5), "truncated: the stream ended inside the"
            + " header of record #1");
        assertRefused(java.util.Arrays.copyOf(stream, ramRecord + 12 + 100), "truncated: the stream ended after 100"
            + " of the");
        final byte[] flipped = stream.clone();
        flipped[ramRecord + 12 + 1000] ^= 0x20;
        assertRefused(flipped, "corrupted: the CRC32C of record #");
        final byte[] version = stream.clone();
        version[11] = 2;
        assertRefused(version, "stream format version 2; this jppc reads version 1");
        final byte[] length = stream.clone();
        length[secondRecord + 4] = 0x7F;
        assertRefused(length, "more than a record may have");
        final byte[] magic = stream.clone();
        magic[0] = 'X';
        assertRefused(magic, "not a jppc migration stream");
        assertRefused(withRecordAt(stream, secondRecord, MigrationFormat.STATE, "bogus"), "record #1 (STATE):"
            + " unknown section 'bogus'");
    }

    /** {@code stream} with a STATE record for section {@code name} (empty payload) inserted at byte {@code at}. */
    private static byte[] withRecordAt(final byte[] stream, final int at, final int type, final String name)
        throws IOException {
        final BufferStateOutput payload = new BufferStateOutput();
        payload.string(name);
        payload.u32(1);
        final ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(stream, 0, at);
        new RecordWriter(Channels.newChannel(spliced)).write(type, payload.toBuffer());
        spliced.write(stream, at, stream.length - at);
        return spliced.toByteArray();
    }

    @Test
    @Timeout(30)
    void shouldRefuseASourceThatStallsMidStream() throws Exception {
        final MachineMigration.Incoming incoming = MachineMigration.listen(config(new ByteArrayOutputStream()),
            new MigrationAddress(MigrationAddress.LOOPBACK, 0));
        final Future<Machine> received = executor.submit(() -> incoming.accept(null, 300));
        try (SocketChannel stalled = SocketChannel.open(
            new MigrationAddress(MigrationAddress.LOOPBACK, incoming.port()).socketAddress())) {
            new dev.jppc.savevm.migration.RecordWriter(stalled).writeHeader();
            final Exception refused = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> received.get(20, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof MigrationException, refused.toString());
            assertEquals("the source sent nothing for 0.3 s; the stream is refused", refused.getCause().getMessage());
        }
    }

    /** Feeds {@code stream} to a fresh destination; an empty {@code problem} means it must be accepted. */
    private static void assertRefused(final byte[] stream, final String problem) throws Exception {
        final Machine machine = Machine.createEmpty(config(new ByteArrayOutputStream()));
        final IncomingMigration incoming = new IncomingMigration(machine.ram(), new MachineSection(machine),
            MachineMigration.stateParts(machine), machine.cpu().mmu::setHypervisorTable);
        final ByteArrayOutputStream answer = new ByteArrayOutputStream();
        final ReadableByteChannel in = Channels.newChannel(new ByteArrayInputStream(stream));
        if (problem.isEmpty()) {
            incoming.receive(in, Channels.newChannel(answer));
            return;
        }
        final MigrationException e = assertThrows(MigrationException.class,
            () -> incoming.receive(in, Channels.newChannel(answer)));
        assertTrue(e.getMessage().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        final RecordReader reply = new RecordReader(Channels.newChannel(
            new ByteArrayInputStream(answer.toByteArray())));
        int type = reply.next().type();
        while (type == MigrationFormat.SYNC) {
            type = reply.next().type();
        }
        assertEquals(MigrationFormat.RESULT, type, "the source is told");
    }

    private static int findRecord(final byte[] stream, final int type) {
        int at = MigrationFormat.HEADER_BYTES;
        while (ByteBuffer.wrap(stream, at, 4).getInt() != type) {
            at += MigrationFormat.RECORD_HEADER_BYTES + ByteBuffer.wrap(stream, at + 4, 4).getInt();
        }
        return at;
    }

    /**
     * A whole stream, as a source sends it: a peer that records every byte up to the END record, then answers
     * "refused" so that the source goes on.
     */
    private static byte[] captureStream() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new MigrationAddress(MigrationAddress.LOOPBACK, 0).socketAddress());
            final int port = ((java.net.InetSocketAddress) server.getLocalAddress()).getPort();
            final Future<byte[]> recorded = executor.submit(() -> {
                try (SocketChannel channel = server.accept()) {
                    final ByteArrayOutputStream copy = new ByteArrayOutputStream();
                    final ReadableByteChannel recording = new ReadableByteChannel() {
                        @Override
                        public int read(final ByteBuffer target) throws IOException {
                            final int start = target.position();
                            final int n = channel.read(target);
                            if (n > 0) {
                                final byte[] chunk = new byte[n];
                                target.get(start, chunk);
                                copy.write(chunk, 0, n);
                            }
                            return n;
                        }

                        @Override
                        public boolean isOpen() {
                            return channel.isOpen();
                        }

                        @Override
                        public void close() {
                        }
                    };
                    final RecordReader reader = new RecordReader(recording);
                    reader.readHeader();
                    final dev.jppc.savevm.migration.RecordWriter answers =
                        new dev.jppc.savevm.migration.RecordWriter(channel);
                    for (int type = reader.next().type(); type != MigrationFormat.END; type = reader.next().type()) {
                        if (type == MigrationFormat.SYNC) {
                            answers.write(MigrationFormat.SYNC, ByteBuffer.allocate(0));
                        }
                    }
                    final dev.jppc.savevm.migration.BufferStateOutput no =
                        new dev.jppc.savevm.migration.BufferStateOutput();
                    no.bool(false);
                    no.string("recorded, not resumed");
                    answers.write(MigrationFormat.RESULT, no.toBuffer());
                    return copy.toByteArray();
                }
            });
            final Machine source = Machine.create(config(new ByteArrayOutputStream()));
            source.runTo(2_000_000);
            final MigrationException e = assertThrows(MigrationException.class, () -> MachineMigration.send(source,
                new MigrationAddress(MigrationAddress.LOOPBACK, port), SETTINGS, Long.MAX_VALUE,
                new MachineMigration.GuestStop(), null, false));
            assertEquals("the destination refused the machine: recorded, not resumed", e.getMessage());
            return recorded.get(1, TimeUnit.MINUTES);
        }
    }
}
