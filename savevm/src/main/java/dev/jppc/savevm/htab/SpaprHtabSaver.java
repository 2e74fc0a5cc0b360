package dev.jppc.savevm.htab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.LongSupplier;

import dev.jppc.mmu.hash.HashPageTable;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The source side of QEMU's {@code spapr/htab} section (htab-fd.md §6), fed the way QEMU feeds it on a KVM host:
 * one HTAB fd read handle (flags 0, start 0) kept open from {@link #setup} to {@link #complete}, read into a
 * 2048-byte buffer, each record header re-encoded big-endian, the HPTE bytes copied unchanged.
 *
 * <p>Payloads: setup = u32 HPT order, or {@code 0xFFFFFFFF} without a table; iterate and complete = u32 0, chunks,
 * the 8-byte end marker (or {@code 0xFFFFFFFF} alone without a table). Differences from QEMU:
 * <ul>
 *   <li>The complete stage reads until a read that <em>started at index 0</em> returns 0 (htab-fd.md §8.2): QEMU
 *       stops at the first read that returns 0, which loses changes before the position where the last iterate
 *       stopped.</li>
 *   <li>The table may not be replaced (HPT resize) between setup and complete: the order went out in setup, so
 *       the save fails with EBUSY instead (§8.6).</li>
 * </ul>
 * Not thread-safe: one migration thread drives it. The guest may run during {@link #iterate}, not during
 * {@link #complete}.
 */
public final class SpaprHtabSaver implements AutoCloseable {

    /** QEMU's time budget per iterate: 5 ms. */
    public static final long MAX_ITERATION_NS = 5_000_000L;
    /** QEMU's fd read buffer. */
    public static final int KVM_BUFFER_BYTES = 2048;
    /** Setup and iterate payload marker: the source has no hashed page table. */
    public static final long NO_TABLE = 0xFFFF_FFFFL;

    /** How the first pass is sent. */
    public enum FirstPass {
        /** Like QEMU on KVM: the fd's records as they are, invalid runs included. */
        WITH_INVALID_RUNS,
        /** Like QEMU-TCG: only valid runs (the destination table starts zeroed). */
        VALID_RUNS_ONLY
    }

    private enum Stage { NEW, SAVING, DONE }

    private final HtabHost host;
    private final ByteOrder fdHeaderOrder;
    private final FirstPass firstPassStyle;
    private final long budgetNanos;
    private final LongSupplier clock;
    private final byte[] buffer = new byte[KVM_BUFFER_BYTES];
    private final UnsafeBuffer view = new UnsafeBuffer(buffer);

    private Stage stage = Stage.NEW;
    private HashPageTable table;
    private HtabFd fd;
    private long bytesSent;

    /**
     * A saver over {@code host}'s table. {@code fdHeaderOrder} is the header order of the fd it reads (a KVM
     * host's order; the stream is big-endian whatever it is), {@code budgetNanos} the time one iterate may read
     * for, measured with {@code clock}.
     */
    public SpaprHtabSaver(final HtabHost host, final ByteOrder fdHeaderOrder, final FirstPass firstPass,
                          final long budgetNanos, final LongSupplier clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.fdHeaderOrder = Objects.requireNonNull(fdHeaderOrder, "fdHeaderOrder");
        this.firstPassStyle = Objects.requireNonNull(firstPass, "firstPass");
        this.budgetNanos = budgetNanos;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** QEMU's defaults: big-endian fd headers, invalid runs in the first pass, 5 ms per iterate. */
    public SpaprHtabSaver(final HtabHost host) {
        this(host, ByteOrder.BIG_ENDIAN, FirstPass.WITH_INVALID_RUNS, MAX_ITERATION_NS, System::nanoTime);
    }

    /** The START payload: the HPT order, or {@link #NO_TABLE}. Opens the fd, so changes are tracked from here. */
    public void setup(final OutputStream out) throws IOException, HtabException {
        if (stage != Stage.NEW) {
            throw new IllegalStateException("setup runs once, first");
        }
        table = host.table();
        stage = Stage.SAVING;
        if (table == null) {
            writeU32(out, NO_TABLE);
            return;
        }
        fd = HtabFd.open(host, 0, 0, fdHeaderOrder);
        writeU32(out, table.log2Size());
    }

    /**
     * A PART payload: chunks read for at most the time budget. Returns true ("done") when a read returned 0, i.e.
     * nothing was left to send up to the table's end, or when there is no table.
     */
    public boolean iterate(final OutputStream out) throws IOException, HtabException {
        requireSaving();
        if (table == null) {
            writeU32(out, NO_TABLE);
            return true;
        }
        checkTableUnchanged();
        writeU32(out, 0);
        final long start = clock.getAsLong();
        boolean done;
        do {
            done = pump(out) == 0;
        } while (!done && clock.getAsLong() - start < budgetNanos);
        writeEndMarker(out);
        return done;
    }

    /**
     * The END payload: everything not yet sent, with CPUs stopped. Reads until a read that started at index 0 in
     * a later pass returns 0, so no change anywhere in the table stays behind (§8.2). Closes the fd.
     *
     * @throws HtabException EBUSY when CPUs still run or the table was replaced since setup
     */
    public void complete(final OutputStream out) throws IOException, HtabException {
        requireSaving();
        if (table == null) {
            writeU32(out, NO_TABLE);
            stage = Stage.DONE;
            return;
        }
        checkTableUnchanged();
        if (host.cpusRunning()) {
            throw new HtabException(Errno.EBUSY, "the complete stage needs stopped CPUs");
        }
        writeU32(out, 0);
        while (true) {
            final boolean fromTableStart = fd.position() == 0 && !fd.inFirstPass();
            if (pump(out) == 0 && fromTableStart) {
                break;
            }
        }
        writeEndMarker(out);
        close();
    }

    /** Chunk bytes written so far (headers and HPTEs, not the u32 markers or end markers). */
    public long bytesSent() {
        return bytesSent;
    }

    /** Stops the save: closes the fd. */
    @Override
    public void close() {
        stage = Stage.DONE;
        if (fd != null) {
            fd.close();
            fd = null;
        }
    }

    /** One fd read, re-encoded into chunks; returns what the read returned. */
    private int pump(final OutputStream out) throws IOException, HtabException {
        final boolean firstPass = fd.inFirstPass();
        final int n = fd.read(buffer, 0, buffer.length);
        final boolean dropInvalid = firstPass && firstPassStyle == FirstPass.VALID_RUNS_ONLY;
        int at = 0;
        int kept = 0;
        while (at < n) {
            final int nValid = HtabFormat.headerValid(view, at, fdHeaderOrder);
            final int nInvalid = HtabFormat.headerInvalid(view, at, fdHeaderOrder);
            final long index = HtabFormat.headerIndex(view, at, fdHeaderOrder);
            final int recordBytes = HtabFormat.HEADER_BYTES + nValid * HtabFormat.HPTE_BYTES;
            if (!dropInvalid || nValid != 0) {
                // Records are re-encoded in place, moving down over dropped ones; then sent in one write.
                HtabFormat.putHeader(view, kept, (int) index, nValid, dropInvalid ? 0 : nInvalid,
                    ByteOrder.BIG_ENDIAN);
                System.arraycopy(buffer, at + HtabFormat.HEADER_BYTES, buffer, kept + HtabFormat.HEADER_BYTES,
                    recordBytes - HtabFormat.HEADER_BYTES);
                kept += recordBytes;
            }
            at += recordBytes;
        }
        out.write(buffer, 0, kept);
        bytesSent += kept;
        return n;
    }

    private void checkTableUnchanged() throws HtabException {
        if (host.table() != table) {
            throw new HtabException(Errno.EBUSY, "the hashed page table was replaced (resized or freed) during"
                + " the save; its order went out in the setup section, so the stream cannot follow");
        }
    }

    private void requireSaving() {
        if (stage != Stage.SAVING) {
            throw new IllegalStateException(stage == Stage.NEW ? "setup has not run" : "the save is over");
        }
    }

    private static void writeEndMarker(final OutputStream out) throws IOException {
        out.write(new byte[HtabFormat.HEADER_BYTES]);
    }

    private static void writeU32(final OutputStream out, final long value) throws IOException {
        QemuSection.writeU32(out, value);
    }
}
