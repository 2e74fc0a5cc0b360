package dev.jppc.savevm.migration;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.savevm.htab.HtabException;
import dev.jppc.savevm.htab.LiveHtab;
import dev.jppc.savevm.htab.QemuSection;
import dev.jppc.savevm.htab.SpaprHtabLoader;

/**
 * The destination side of a live migration, into a machine that has not run: the stream is checked as strictly
 * as a snapshot file. RAM pages go into the destination's RAM as they arrive (staging them elsewhere would double
 * the memory), the hashed page table into a scratch table, and the CPU and device sections are kept until the END
 * record; then every section is prepared (parsed and checked against the machine) and only when all have passed
 * are they applied and the table installed. A stream that is cut, corrupted, of another version or for another
 * machine is refused with a {@link MigrationException} naming the record and the problem; the machine must then
 * be thrown away (its RAM is partly written) and never runs.
 */
public final class IncomingMigration {

    /** What arrived: records and bytes, pages and HPTEs, and the time from the first record to the resume. */
    public record Result(long records, long bytes, long pages, long hptes, long nanos) {
    }

    private final GuestMemory ram;
    private final Snapshottable config;
    private final List<? extends Snapshottable> state;
    private final Consumer<HashPageTable> installTable;
    private long pages;

    /**
     * A destination over {@code ram}. {@code config} checks the CONFIG record (the snapshot {@code machine}
     * section), {@code state} are the parts the STATE records restore. {@code installTable} receives the
     * partition's hashed page table (pseries); null for a machine whose table lives in RAM (bare).
     */
    public IncomingMigration(final GuestMemory ram, final Snapshottable config,
                             final List<? extends Snapshottable> state, final Consumer<HashPageTable> installTable) {
        this.ram = ram;
        this.config = config;
        this.state = List.copyOf(state);
        this.installTable = installTable;
    }

    /**
     * Receives a machine from {@code in} and answers on {@code out} (RESULT: resumed, or refused with the reason,
     * which is also this method's {@link MigrationException}).
     */
    public Result receive(final ReadableByteChannel in, final WritableByteChannel out)
        throws MigrationException, IOException {
        try {
            final Result result = receive(in, new RecordWriter(out));
            answer(out, true, "resumed");
            return result;
        } catch (final MigrationException e) {
            try {
                answer(out, false, e.getMessage());
            } catch (final IOException ignored) {
                // The source is gone already; the refusal stands.
            }
            throw e;
        }
    }

    private Result receive(final ReadableByteChannel in, final RecordWriter answers)
        throws MigrationException, IOException {
        warmUp();
        final RecordReader reader = new RecordReader(in);
        reader.readHeader();
        final long start = System.nanoTime();
        RecordReader.Record record = reader.next();
        if (record.type() != MigrationFormat.CONFIG) {
            throw new MigrationException(record.label() + ": the stream must start with the CONFIG record");
        }
        prepare(config, record.payload(), record.label(), false).apply();
        final LiveHtab scratch = new LiveHtab(null);
        final SpaprHtabLoader loader = new SpaprHtabLoader(scratch);
        final Map<String, ByteBuffer> sections = new LinkedHashMap<>();
        int htabStage = 0;
        while (true) {
            record = reader.next();
            switch (record.type()) {
                case MigrationFormat.RAM -> receivePages(record);
                case MigrationFormat.HTAB_START, MigrationFormat.HTAB_PART, MigrationFormat.HTAB_END ->
                    htabStage = receiveHtab(record, loader, htabStage);
                case MigrationFormat.STATE -> keepSection(record, sections, state);
                case MigrationFormat.SYNC -> answers.write(MigrationFormat.SYNC, ByteBuffer.allocate(0));
                case MigrationFormat.END -> {
                    checkEnd(record, reader, htabStage);
                    final long hptes = loader.entriesLoaded();
                    restore(sections, scratch.table());
                    return new Result(reader.records(), reader.bytes(), pages, hptes, System.nanoTime() - start);
                }
                default -> throw new MigrationException(record.label() + ": not a record a source sends here");
            }
        }
    }

    /**
     * Restores every part from its own current state (which changes nothing: the board has not run), so that the
     * code that checks and applies the final sections is loaded and has run once before the source stops its
     * guest, which keeps class loading and the interpreter out of the downtime.
     */
    private void warmUp() throws MigrationException, IOException {
        for (final Snapshottable part : state) {
            final BufferStateOutput out = new BufferStateOutput();
            out.u32(part.snapshotVersion());
            part.save(out);
            prepare(part, out.toBuffer(), "the destination's own section '" + part.snapshotName() + "'", true)
                .apply();
        }
    }

    /** Checks a RAM record completely, then writes its pages. */
    private void receivePages(final RecordReader.Record record) throws MigrationException {
        final ByteBuffer payload = record.payload();
        if (payload.remaining() < 4) {
            throw new MigrationException(record.label() + ": too short for its page count");
        }
        final long count = payload.getInt(0) & 0xFFFF_FFFFL;
        if (count > MigrationFormat.PAGES_PER_RECORD) {
            throw new MigrationException(record.label() + ": " + count + " pages, a record holds at most "
                + MigrationFormat.PAGES_PER_RECORD);
        }
        int at = 4;
        for (int i = 0; i < count; i++) {
            if (at + 8 > payload.limit()) {
                throw new MigrationException(record.label() + ": truncated at page " + i + " of " + count);
            }
            final long word = payload.getLong(at);
            final long address = word & ~MigrationFormat.ZERO_PAGE;
            if ((address & (MigrationFormat.PAGE_SIZE - 1)) != 0 || !ram.contains(address,
                MigrationFormat.PAGE_SIZE)) {
                throw new MigrationException(String.format("%s: page %d at 0x%x is not a page of the 0x%x bytes of"
                    + " RAM", record.label(), i, word, ram.size()));
            }
            at += 8 + ((word & MigrationFormat.ZERO_PAGE) != 0 ? 0 : MigrationFormat.PAGE_SIZE);
        }
        if (at != payload.limit()) {
            throw new MigrationException(String.format("%s: its %d pages take %d bytes, the payload has %d",
                record.label(), count, at, payload.limit()));
        }
        at = 4;
        for (int i = 0; i < count; i++) {
            final long word = payload.getLong(at);
            at += 8;
            if ((word & MigrationFormat.ZERO_PAGE) != 0) {
                ram.fill(word & ~MigrationFormat.ZERO_PAGE, MigrationFormat.PAGE_SIZE, (byte) 0);
            } else {
                ram.putBytes(word, payload.array(), payload.arrayOffset() + at, MigrationFormat.PAGE_SIZE);
                at += MigrationFormat.PAGE_SIZE;
            }
        }
        pages += count;
    }

    /** START once, then PARTs, then END once: each payload loaded into the scratch table. */
    private static int receiveHtab(final RecordReader.Record record, final SpaprHtabLoader loader, final int stage)
        throws MigrationException, IOException {
        final int type = record.type();
        // Stage 0: nothing yet (START must come), 1: START seen (PARTs or END), 2: END seen (nothing more).
        if (stage == 2 || (stage == 0) != (type == MigrationFormat.HTAB_START)) {
            throw new MigrationException(record.label() + ": out of order (the HTAB records go START, PARTs, END)");
        }
        final int qemuType = type == MigrationFormat.HTAB_START ? QemuSection.START
            : type == MigrationFormat.HTAB_PART ? QemuSection.PART : QemuSection.END;
        final ByteBuffer payload = record.payload();
        final ByteArrayInputStream stream = new ByteArrayInputStream(payload.array(), payload.arrayOffset(),
            payload.limit());
        try {
            loader.loadPayload(stream, qemuType, QemuSection.HTAB_VERSION);
        } catch (final HtabException e) {
            throw new MigrationException(record.label() + ": the spapr/htab payload is refused: " + e.getMessage(), e);
        } catch (final EOFException e) {
            throw new MigrationException(record.label() + ": truncated spapr/htab payload: " + e.getMessage(), e);
        }
        if (stream.available() != 0) {
            throw new MigrationException(record.label() + ": " + stream.available() + " bytes left over after the"
                + " spapr/htab payload");
        }
        return type == MigrationFormat.HTAB_END ? 2 : 1;
    }

    /**
     * Keeps a STATE record's section until END. A name no part of this machine has is refused at once: keeping it
     * would let a stream of distinct names grow the map without bound.
     */
    private static void keepSection(final RecordReader.Record record, final Map<String, ByteBuffer> sections,
                                    final List<? extends Snapshottable> parts)
        throws MigrationException, IOException {
        final ByteBuffer payload = record.payload();
        final BufferStateInput in = new BufferStateInput("state", payload);
        final String name;
        try {
            name = in.string("the section name");
        } catch (final SnapshotException e) {
            throw new MigrationException(record.label() + ": " + e.getMessage(), e);
        }
        if (parts.stream().noneMatch(part -> part.snapshotName().equals(name))) {
            throw new MigrationException(record.label() + ": unknown section '" + name + "': this machine has no"
                + " such part");
        }
        final byte[] rest = new byte[(int) in.remaining()];
        payload.get((int) in.position(), rest);
        if (sections.put(name, ByteBuffer.wrap(rest)) != null) {
            throw new MigrationException(record.label() + ": section '" + name + "' arrives twice");
        }
    }

    private static void checkEnd(final RecordReader.Record record, final RecordReader reader, final int htabStage)
        throws MigrationException {
        final ByteBuffer payload = record.payload();
        if (payload.limit() != 16) {
            throw new MigrationException(record.label() + ": " + payload.limit() + " bytes, an END record has 16");
        }
        final long records = payload.getLong(0);
        final long bytes = payload.getLong(8);
        final long seenBytes = reader.bytes() - MigrationFormat.RECORD_HEADER_BYTES - payload.limit();
        if (records != record.number() || bytes != seenBytes) {
            throw new MigrationException(String.format("%s: the source sent %d records and %d bytes before it, %d"
                + " and %d arrived", record.label(), records, bytes, record.number(), seenBytes));
        }
        if (htabStage != 2) {
            throw new MigrationException(record.label() + ": the stream has no HTAB_END record");
        }
    }

    /** Prepares every part from its section (all must pass), then applies them and installs the table. */
    private void restore(final Map<String, ByteBuffer> sections, final HashPageTable table)
        throws MigrationException, IOException {
        final List<Snapshottable.Restore> staged = new ArrayList<>();
        for (final Snapshottable part : state) {
            final ByteBuffer section = sections.remove(part.snapshotName());
            if (section == null) {
                throw new MigrationException("section '" + part.snapshotName() + "': missing from the stream");
            }
            staged.add(prepare(part, section, "section '" + part.snapshotName() + "'", true));
        }
        if (installTable != null && table == null) {
            throw new MigrationException("the stream carries no hashed page table; this machine needs one");
        }
        if (installTable == null && table != null) {
            throw new MigrationException("the stream carries a hashed page table; this machine keeps its table in"
                + " RAM");
        }
        for (final Snapshottable.Restore restore : staged) {
            restore.apply();
        }
        if (installTable != null) {
            installTable.accept(table);
        }
    }

    /**
     * Reads a part's payload (with {@code withVersion}, a u32 version before the section) and checks it without
     * applying it; {@code label} names it in messages that do not name the section already.
     */
    private static Snapshottable.Restore prepare(final Snapshottable part, final ByteBuffer record,
                                                 final String label, final boolean withVersion)
        throws MigrationException, IOException {
        final BufferStateInput in = new BufferStateInput(part.snapshotName(), record);
        try {
            final int version = withVersion ? (int) in.u32("the section version") : part.snapshotVersion();
            if (version < 1 || version > part.snapshotVersion()) {
                throw in.problem("version " + Integer.toUnsignedString(version) + "; this jppc reads versions 1.."
                    + part.snapshotVersion());
            }
            final Snapshottable.Restore restore = part.prepareRestore(in, version);
            if (in.remaining() != 0) {
                throw in.problem(in.remaining() + " bytes left over after its content");
            }
            return restore;
        } catch (final SnapshotException e) {
            throw new MigrationException(withVersion ? e.getMessage() : label + ": " + e.getMessage(), e);
        } catch (final RuntimeException e) {
            throw new MigrationException(label + ": cannot be read: " + e, e);
        }
    }

    private static void answer(final WritableByteChannel out, final boolean accepted, final String message)
        throws IOException {
        final BufferStateOutput payload = new BufferStateOutput();
        payload.bool(accepted);
        final String text = message == null ? "" : message;
        payload.string(text.length() > 4000 ? text.substring(0, 4000) : text);
        new RecordWriter(out).write(MigrationFormat.RESULT, payload.toBuffer());
    }
}
