package dev.jppc.savevm.migration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.track.ChangeReader;
import dev.jppc.savevm.htab.HtabException;
import dev.jppc.savevm.htab.LiveHtab;
import dev.jppc.savevm.htab.SpaprHtabSaver;

/**
 * The source side of a live migration: iterative pre-copy, interleaved with the guest on the caller's thread.
 *
 * <ol>
 *   <li>Round 0 sends every RAM page (zero pages as an 8-byte marker) and the whole hashed page table (its valid
 *       entries, through an HTAB read handle that stays open).</li>
 *   <li>Each later round sends the pages dirtied and the HPTEs changed since the previous one. The pages go in
 *       pieces, and the guest runs one slice of instructions after each piece, so it keeps running (and
 *       dirtying) while the migration goes on.</li>
 *   <li>When the pages left would take no longer than the downtime limit at the rate the last round was sent
 *       (or after the round cap), the guest stays stopped: the rest of RAM, the HTAB's END payload, the CPU and
 *       device sections and the END record go out, and the destination answers whether it resumed.</li>
 * </ol>
 *
 * <p>Dirty pages come from the MMU's {@code DirtyPageTracker}: a reader opened with every page marked, drained
 * once per round. The CPU's store TLB is emptied ({@code HashMmu.park}) whenever the guest is not running, so
 * the first store to a page after it was collected takes the slow path and marks it again. On any failure the
 * reader and the HTAB handle are closed and the guest can go on as if nothing had happened.
 */
public final class PrecopySource {

    /** The guest, run between the pieces of a round on the migration's thread. */
    @FunctionalInterface
    public interface Guest {
        /** Runs about {@code instructions} more; false when the guest stopped (it is not migrated then). */
        boolean run(long instructions);
    }

    /** Tuning: the downtime limit, the round cap, pages per piece and guest instructions after each piece. */
    public record Settings(long downtimeMillis, int maxRounds, int piecePages, long sliceInstructions) {
        public static final long DEFAULT_DOWNTIME_MILLIS = 50;

        public Settings {
            if (downtimeMillis < 0 || maxRounds < 1 || piecePages < 1 || sliceInstructions < 1) {
                throw new IllegalArgumentException("migration settings out of range: " + downtimeMillis + " ms, "
                    + maxRounds + " rounds, " + piecePages + " pages per piece, " + sliceInstructions
                    + " instructions per slice");
            }
        }

        /**
         * 50 ms, 30 rounds, 8192 pages (32 MiB) per piece, 100,000 instructions per slice: a few milliseconds of
         * guest time after each piece, so that the first round of a 512 MiB guest ends after 16 slices.
         */
        public static Settings defaults() {
            return new Settings(DEFAULT_DOWNTIME_MILLIS, 30, 8192, 100_000);
        }

        public Settings withDowntimeMillis(final long millis) {
            return new Settings(millis, maxRounds, piecePages, sliceInstructions);
        }
    }

    /** One pre-copy round: pages (zero ones among them) and HPTEs sent, wire bytes, time, dirtying rate. */
    public record Round(int number, long pages, long zeroPages, long hptes, long bytes, long nanos,
                        long pagesDirtied) {
        /** Pages dirtied during the round per second. */
        public double dirtyPagesPerSecond() {
            return nanos == 0 ? 0 : pagesDirtied * 1e9 / nanos;
        }
    }

    /**
     * A finished migration: the pre-copy rounds, then the stop-and-copy (pages, HPTEs, bytes), the totals and the
     * downtime, from the guest's last instruction to the destination's "resumed".
     */
    public record Result(List<Round> rounds, long finalPages, long finalHptes, long finalBytes, long totalBytes,
                         long totalNanos, long downtimeNanos) {
    }

    /** Most fd reads one HTAB record holds (each at most 2 KiB), so a record stays under the payload limit. */
    private static final long HTAB_READS_PER_RECORD = 256;
    private static final long PROGRESS_NANOS = 200_000_000L;
    private static final long RESULT_WAIT_MILLIS = 60_000;

    private final GuestMemory ram;
    private final HashMmu mmu;
    private final HashPageTable hypervisorTable;
    private final Snapshottable config;
    private final List<? extends Snapshottable> state;
    private final Settings settings;
    private final PrintStream report;
    private final boolean progressLine;
    private final LongSupplier clock;
    private final byte[] page = new byte[MigrationFormat.PAGE_SIZE];
    private final ByteBuffer ramRecord = ByteBuffer.allocate(4 + MigrationFormat.PAGES_PER_RECORD
        * (8 + MigrationFormat.PAGE_SIZE));
    private long zeroPagesSent;
    private long lastProgress;

    /**
     * A source for the machine whose RAM is {@code ram} and whose (only) CPU has {@code mmu}. {@code
     * hypervisorTable} is a pseries partition's table (null on a bare machine, whose table is in RAM).
     * {@code config} is sent first (the destination checks it); {@code state} are the sections sent after the
     * guest stopped. Rounds are reported on {@code report} (null: nowhere), with a progress line when
     * {@code progressLine}.
     */
    public PrecopySource(final GuestMemory ram, final HashMmu mmu, final HashPageTable hypervisorTable,
                         final Snapshottable config, final List<? extends Snapshottable> state,
                         final Settings settings, final PrintStream report, final boolean progressLine) {
        this.ram = ram;
        this.mmu = mmu;
        this.hypervisorTable = hypervisorTable;
        this.config = config;
        this.state = List.copyOf(state);
        this.settings = settings;
        this.report = report;
        this.progressLine = progressLine && report != null;
        this.clock = System::nanoTime;
    }

    /**
     * Migrates the machine over {@code out}, reading the destination's answer from {@code in}, running the guest
     * through {@code guest} between pieces. On success the guest must not run again here; on a
     * {@link MigrationException} (the peer went away or refused, or the guest stopped) it may go on.
     */
    public Result migrate(final WritableByteChannel out, final InputStream in, final Guest guest)
        throws MigrationException {
        final long start = clock.getAsLong();
        final RecordWriter writer = new RecordWriter(out);
        final SpaprHtabSaver saver = new SpaprHtabSaver(new LiveHtab(hypervisorTable), ByteOrder.BIG_ENDIAN,
            SpaprHtabSaver.FirstPass.VALID_RUNS_ONLY, HTAB_READS_PER_RECORD, new CallCounter());
        // Opened last, just before the try: a reader left open would make every later guest write pay for it.
        final ChangeReader dirty = mmu.dirtyPages().openReader(true);
        mmu.park();
        try {
            // Encode the final sections once now: the stop-and-copy must not pay for loading and warming up code.
            for (final Snapshottable part : state) {
                stateRecord(part);
            }
            writer.writeHeader();
            final BufferStateOutput configBytes = new BufferStateOutput();
            config.save(configBytes);
            writer.write(MigrationFormat.CONFIG, configBytes.toBuffer());
            writer.write(MigrationFormat.HTAB_START, htabPayload(out2 -> saver.setup(out2)));
            final Precopy precopy = precopy(writer, in, dirty, saver, guest);
            return stopAndCopy(writer, in, dirty, saver, precopy, start);
        } catch (final IOException e) {
            earlyAnswer(in);
            throw new MigrationException("the stream to the destination broke after " + writer.records()
                + " records (" + writer.bytes() + " bytes): " + e.getMessage(), e);
        } catch (final HtabException e) {
            throw new MigrationException("cannot read the hashed page table: " + e.getMessage(), e);
        } finally {
            clearProgress();
            dirty.close();
            saver.close();
            // The guest may go on here after a failure; after a success it stays parked until thrown away.
            mmu.unpark();
        }
    }

    /** The pre-copy rounds, and the pages dirtied since the last one was sent (drained, not sent yet). */
    private record Precopy(List<Round> rounds, int[] pending, int pendingCount) {
    }

    private Precopy precopy(final RecordWriter writer, final InputStream in, final ChangeReader dirty,
                            final SpaprHtabSaver saver, final Guest guest)
        throws IOException, HtabException, MigrationException {
        final List<Round> rounds = new ArrayList<>();
        final int[] pending = new int[dirty.size()];
        int pendingCount = dirty.drain(0, pending);
        double bytesPerNano = 0;
        long htabBytes = 0;
        for (int number = 0; ; number++) {
            if (number > 0 && (fits(pendingCount, htabBytes, bytesPerNano) || number >= settings.maxRounds())) {
                break;
            }
            final long roundStart = clock.getAsLong();
            final long bytesBefore = writer.bytes();
            final long zeroBefore = zeroPagesSent;
            final long[] htab = sendHtabChanges(writer, saver);
            htabBytes = htab[1];
            long guestNanos = 0;
            int from = 0;
            do {
                final int count = Math.min(settings.piecePages(), pendingCount - from);
                sendPages(writer, pending, from, count);
                from += count;
                guestNanos += runGuestTimed(guest);
                progress(number, from, pendingCount, writer.bytes());
                earlyAnswer(in);
            } while (from < pendingCount);
            guestNanos += awaitSync(writer, in, guest);
            final long wire = writer.bytes() - bytesBefore;
            // End to end: sent, received and applied by the destination, the guest's slices left out.
            final long transferNanos = clock.getAsLong() - roundStart - guestNanos;
            bytesPerNano = transferNanos <= 0 ? bytesPerNano : (double) wire / transferNanos;
            final int sent = pendingCount;
            pendingCount = dirty.drain(0, pending);
            final Round done = new Round(number, sent, zeroPagesSent - zeroBefore, htab[0], wire,
                clock.getAsLong() - roundStart, pendingCount);
            rounds.add(done);
            reportRound(done);
        }
        return new Precopy(rounds, pending, pendingCount);
    }

    /** Runs one slice of the guest (see {@link #runGuest}); returns the time it took. */
    private long runGuestTimed(final Guest guest) throws MigrationException {
        final long start = clock.getAsLong();
        if (!runGuest(guest)) {
            throw new MigrationException("the guest stopped during the migration; it keeps its state here");
        }
        return clock.getAsLong() - start;
    }

    /**
     * Sends a SYNC record and runs the guest until the destination answers it, i.e. has applied everything sent
     * so far: the round's rate then counts the destination's work too, and the stop never waits for a backlog.
     * Returns the time the guest ran meanwhile.
     */
    private long awaitSync(final RecordWriter writer, final InputStream in, final Guest guest)
        throws IOException, MigrationException {
        writer.write(MigrationFormat.SYNC, ByteBuffer.allocate(0));
        final long deadline = clock.getAsLong() + RESULT_WAIT_MILLIS * 1_000_000L;
        long guestNanos = 0;
        while (in.available() == 0) {
            if (clock.getAsLong() - deadline > 0) {
                throw new MigrationException("the destination did not catch up within " + RESULT_WAIT_MILLIS / 1000
                    + " s");
            }
            guestNanos += runGuestTimed(guest);
        }
        final RecordReader.Record answer = new RecordReader(Channels.newChannel(in)).next();
        if (answer.type() == MigrationFormat.RESULT) {
            final MigrationException refused = refusal(answer);
            throw refused != null ? refused : new MigrationException("the destination resumed before the END record");
        }
        if (answer.type() != MigrationFormat.SYNC) {
            throw new MigrationException("the destination answered a SYNC with " + answer.label());
        }
        return guestNanos;
    }

    /**
     * Runs one slice of the guest. Its store TLB is emptied when the slice ends ({@code park}), so every page
     * drained after this had no store-TLB entry left: its next store takes the slow path and marks it again.
     */
    private boolean runGuest(final Guest guest) {
        mmu.unpark();
        try {
            return guest.run(settings.sliceInstructions());
        } finally {
            mmu.park();
        }
    }

    /** True when {@code pages} dirty pages and about {@code htabBytes} of HPTEs fit in the downtime limit. */
    private boolean fits(final int pages, final long htabBytes, final double bytesPerNano) {
        if (bytesPerNano <= 0) {
            return false;
        }
        final double bytes = (double) pages * (MigrationFormat.PAGE_SIZE + 8) + htabBytes;
        return bytes / bytesPerNano <= settings.downtimeMillis() * 1e6;
    }

    private Result stopAndCopy(final RecordWriter writer, final InputStream in, final ChangeReader dirty,
                               final SpaprHtabSaver saver, final Precopy precopy, final long start)
        throws IOException, HtabException, MigrationException {
        final long stopped = clock.getAsLong();
        final long bytesBefore = writer.bytes();
        final List<Round> rounds = precopy.rounds();
        sendPages(writer, precopy.pending(), 0, precopy.pendingCount());
        // The guest has not run since the last drain, so this finds nothing unless a device wrote meanwhile.
        final int[] late = new int[dirty.size()];
        final int lateCount = dirty.drain(0, late);
        sendPages(writer, late, 0, lateCount);
        final int count = precopy.pendingCount() + lateCount;
        final ByteBuffer end = htabPayload(saver::complete);
        final long finalHptes = countHptes(end);
        writer.write(MigrationFormat.HTAB_END, end);
        for (final Snapshottable part : state) {
            writer.write(MigrationFormat.STATE, stateRecord(part));
        }
        final ByteBuffer endRecord = ByteBuffer.allocate(16);
        endRecord.putLong(writer.records()).putLong(writer.bytes()).flip();
        writer.write(MigrationFormat.END, endRecord);
        final long finalBytes = writer.bytes() - bytesBefore;
        awaitResult(in);
        final long resumed = clock.getAsLong();
        final Result result = new Result(List.copyOf(rounds), count, finalHptes, finalBytes, writer.bytes(),
            resumed - start, resumed - stopped);
        clearProgress();
        if (report != null) {
            report.printf(Locale.ROOT, "jppc: migration done: %d rounds and the stop-and-copy (%d pages, %d HPTEs,"
                + " %s), %s in %.0f ms, downtime %.1f ms%n", rounds.size(), count, finalHptes, mib(finalBytes),
                mib(writer.bytes()), result.totalNanos() / 1e6, result.downtimeNanos() / 1e6);
        }
        return result;
    }

    /**
     * A destination that refuses the stream answers at once, before the END record: when an answer is waiting,
     * reads it (a refusal is then this migration's failure).
     */
    private static void earlyAnswer(final InputStream in) throws MigrationException {
        try {
            if (in.available() > 0) {
                awaitResult(in);
                throw new MigrationException("the destination answered before the end of the stream");
            }
        } catch (final IOException e) {
            // Nothing readable: the caller reports the broken stream itself.
        }
    }

    /** The destination's RESULT record: resumed, or refused with its reason. */
    private static void awaitResult(final InputStream in) throws IOException, MigrationException {
        final RecordReader reader = new RecordReader(Channels.newChannel(in));
        final RecordReader.Record answer;
        try {
            answer = reader.next();
        } catch (final SocketTimeoutException e) {
            throw new MigrationException("the destination did not answer within " + RESULT_WAIT_MILLIS / 1000
                + " s after the END record", e);
        } catch (final MigrationException e) {
            throw new MigrationException("no answer from the destination after the END record (" + e.getMessage()
                + ")", e);
        }
        if (answer.type() != MigrationFormat.RESULT) {
            throw new MigrationException("the destination answered with " + answer.label() + ", not RESULT");
        }
        final MigrationException refused = refusal(answer);
        if (refused != null) {
            throw refused;
        }
    }

    /** The refusal a RESULT record carries, or null when it says "resumed". */
    private static MigrationException refusal(final RecordReader.Record answer) {
        final BufferStateInput result = new BufferStateInput("result", answer.payload());
        try {
            final boolean accepted = result.bool("accepted");
            final String message = result.string("message");
            return accepted ? null : new MigrationException("the destination refused the machine: " + message);
        } catch (final SnapshotException | IOException e) {
            return new MigrationException("the destination's answer cannot be read: " + e.getMessage(), e);
        }
    }

    /** How long the source waits for the destination's answer after the END record. */
    public static long resultWaitMillis() {
        return RESULT_WAIT_MILLIS;
    }

    /** One iterate of the saver per record until a pass reaches the table's end; returns {HPTEs, bytes}. */
    private long[] sendHtabChanges(final RecordWriter writer, final SpaprHtabSaver saver)
        throws IOException, HtabException {
        long hptes = 0;
        long bytes = 0;
        boolean done;
        do {
            final boolean[] finished = new boolean[1];
            final ByteBuffer payload = htabPayload(out -> finished[0] = saver.iterate(out));
            done = finished[0];
            hptes += countHptes(payload);
            bytes += payload.remaining();
            writer.write(MigrationFormat.HTAB_PART, payload);
        } while (!done);
        return new long[] {hptes, bytes};
    }

    /** Something that writes one spapr/htab payload. */
    @FunctionalInterface
    private interface HtabStage {
        void write(ByteArrayOutputStream out) throws IOException, HtabException;
    }

    private static ByteBuffer htabPayload(final HtabStage stage) throws IOException, HtabException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        stage.write(out);
        return ByteBuffer.wrap(out.toByteArray());
    }

    /** HPTEs (valid and invalidated) in a PART or END payload: u32 0, chunks, the all-zero end marker. */
    static long countHptes(final ByteBuffer payload) {
        if (payload.remaining() < 4 || payload.getInt(payload.position()) != 0) {
            return 0;
        }
        long count = 0;
        int at = payload.position() + 4;
        while (at + 8 <= payload.limit()) {
            final int valid = payload.getShort(at + 4) & 0xFFFF;
            final int invalid = payload.getShort(at + 6) & 0xFFFF;
            if (payload.getInt(at) == 0 && valid == 0 && invalid == 0) {
                break;
            }
            count += valid + invalid;
            at += 8 + 16 * valid;
        }
        return count;
    }

    /** Sends {@code count} pages of {@code pages} from {@code from}, up to a record's worth at a time. */
    private void sendPages(final RecordWriter writer, final int[] pages, final int from, final int count)
        throws IOException {
        int done = 0;
        while (done < count) {
            final int n = Math.min(MigrationFormat.PAGES_PER_RECORD, count - done);
            ramRecord.clear();
            ramRecord.putInt(n);
            for (int i = 0; i < n; i++) {
                final long address = (long) pages[from + done + i] * MigrationFormat.PAGE_SIZE;
                ram.getBytes(address, page, 0, page.length);
                if (isZero(page)) {
                    ramRecord.putLong(address | MigrationFormat.ZERO_PAGE);
                    zeroPagesSent++;
                } else {
                    ramRecord.putLong(address).put(page);
                }
            }
            ramRecord.flip();
            writer.write(MigrationFormat.RAM, ramRecord);
            done += n;
        }
    }

    private static boolean isZero(final byte[] bytes) {
        final ByteBuffer longs = ByteBuffer.wrap(bytes);
        for (int i = 0; i < bytes.length; i += 8) {
            if (longs.getLong(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer stateRecord(final Snapshottable part) throws IOException {
        final BufferStateOutput out = new BufferStateOutput();
        out.string(part.snapshotName());
        out.u32(part.snapshotVersion());
        part.save(out);
        return out.toBuffer();
    }

    private void reportRound(final Round round) {
        if (report == null) {
            return;
        }
        clearProgress();
        report.printf(Locale.ROOT, "jppc: migration round %d: %d pages (%d zero), %d HPTEs, %s in %.1f ms; %d pages"
            + " dirtied meanwhile (%.0f pages/s)%n", round.number(), round.pages(), round.zeroPages(), round.hptes(),
            mib(round.bytes()), round.nanos() / 1e6, round.pagesDirtied(), round.dirtyPagesPerSecond());
    }

    private void progress(final int round, final int done, final int total, final long bytes) {
        final long now = clock.getAsLong();
        if (!progressLine || now - lastProgress < PROGRESS_NANOS) {
            return;
        }
        lastProgress = now;
        report.printf(Locale.ROOT, "\rjppc: migrating: round %d, %d/%d pages, %s sent   ", round, done, total,
            mib(bytes));
        report.flush();
    }

    private void clearProgress() {
        if (progressLine && lastProgress != 0) {
            report.print("\r" + " ".repeat(72) + "\r");
            lastProgress = 0;
        }
    }

    private static String mib(final long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /** A "clock" for the HTAB saver's budget that counts its calls: one per fd read, so a record stays small. */
    private static final class CallCounter implements LongSupplier {
        private long calls;

        @Override
        public long getAsLong() {
            return calls++;
        }
    }
}
