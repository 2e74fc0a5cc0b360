package dev.jppc.savevm.htab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.track.ChangeReader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One handle of KVM's {@code KVM_PPC_GET_HTAB_FD} protocol over jppc's live hashed page table (htab-fd.md §2-§5):
 * a read handle streams the table as records (header + valid entries, then a count of invalid ones), first the
 * whole table, then only what changed; a write handle applies such records.
 *
 * <p>Reads and writes give the same bytes and the same results as KVM for the same table and calls, with the
 * differences htab-fd.md §8 asks for (docs/htab-fd.md lists them):
 * <ul>
 *   <li>Every read handle has its own change set (a {@link ChangeReader} of the table): one reader never hides a
 *       change from another, and changes made before a handle opened do not leak into it (KVM shares one set of
 *       flags between all handles, C6).</li>
 *   <li>A later pass finds changed entries through the change set's summary bitmaps: its cost follows the number
 *       of changed entries, not the table size.</li>
 *   <li>R and C set by the MMU mark the entry changed, so they are reported (as KVM does, QEMU-TCG does not).</li>
 *   <li>A write checks the whole buffer before it changes anything: an error leaves the table as it was (KVM
 *       applies the records before the bad one), and it never reads past its buffer (KVM's bound check forgets
 *       the header).</li>
 *   <li>A read cannot fault half way (EFAULT is decided before anything is consumed).</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * A read may run on any thread while CPUs change the table through every path (hypercalls, MMU R/C updates, guest
 * stores into a table in RAM). No entry is emitted torn: the first pass takes bulk snapshots in which every group
 * is untorn ({@link TableWindow}), later passes read each changed entry with {@link HashPageTable#readEntry}. An
 * entry is emitted from a snapshot taken after its change mark, if set, was consumed; a change made after the
 * snapshot leaves the mark set for the next pass. So a racing change is in the bytes sent or sent later, never
 * lost; it may be sent twice. Calls on one handle are serialised; a handle is meant for one thread at a time.
 */
public final class HtabFd implements AutoCloseable {

    /** Open flag: report only bolted entries as valid (non-bolted valid entries read as invalid). */
    public static final long BOLTED_ONLY = 0x1L;
    /** Open flag: a write-only handle. */
    public static final long WRITE = 0x2L;
    /** Reads with at most this many bytes return 0 and make no progress (KVM's loop condition, rule R3). */
    public static final int MIN_PRODUCTIVE_COUNT = HtabFormat.HEADER_BYTES + HtabFormat.HPTE_BYTES + 1;

    private static final long KNOWN_FLAGS = BOLTED_ONLY | WRITE;
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;
    private static final int NO_MARK_YET = -1;
    private static final int NOTHING_CONSUMED = -1;

    private final HtabHost host;
    private final ByteOrder headerOrder;
    private final boolean writeHandle;
    private final boolean boltedOnly;
    /** Read handles: the table bound at open (null: none, reads return 0) and this handle's change set. */
    private final HashPageTable table;
    private final ChangeReader changes;
    private final long[] entry = new long[2];
    /** {@link #BOLTED_ONLY} read handles: first-pass snapshots of the table (other readers use its kind bits). */
    private final TableWindow window;
    private final UnsafeBuffer wrapper = new UnsafeBuffer(0, 0);

    private int index;
    private boolean firstPass = true;
    private boolean closed;
    /** First pass only: the smallest marked index at or after the cursor, as last looked up in this call. */
    private int markHint;
    /** First pass only: the entry whose mark was consumed and not yet reported, or {@link #NOTHING_CONSUMED}. */
    private int consumedAt;
    private long entriesExamined;

    private HtabFd(final HtabHost host, final HashPageTable current, final long flags, final int startIndex,
                   final ByteOrder headerOrder) {
        this.host = host;
        this.headerOrder = headerOrder;
        writeHandle = (flags & WRITE) != 0;
        boltedOnly = (flags & BOLTED_ONLY) != 0;
        window = writeHandle || !boltedOnly ? null : new TableWindow(true);
        table = writeHandle ? null : current;
        // O3: the change set is registered before open returns, so every later change reaches it.
        changes = table == null ? null : table.changes().openReader(false);
        index = startIndex;
    }

    /**
     * Opens a handle on {@code host}'s table (O1-O4). {@code flags} and {@code startIndex} are KVM's u64 fields
     * (unsigned); {@code startIndex} only matters for read handles, and one at or past the table's end makes the
     * first read return 0. {@code headerOrder} is the host byte order of the record headers: big-endian mirrors a
     * big-endian KVM host, little-endian a ppc64le one. HPTEs are always big-endian.
     *
     * @throws HtabException EINVAL when {@code flags} has a bit other than {@link #BOLTED_ONLY} and {@link #WRITE}
     */
    public static HtabFd open(final HtabHost host, final long flags, final long startIndex,
                              final ByteOrder headerOrder) throws HtabException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(headerOrder, "headerOrder");
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw new HtabException(Errno.EINVAL, String.format("HTAB fd flags 0x%x have bits outside"
                + " BOLTED_ONLY (0x1) and WRITE (0x2)", flags));
        }
        final HashPageTable current = host.table();
        final int entries = current == null ? 0 : current.entryCount();
        final int start = Long.compareUnsigned(startIndex, entries) >= 0 ? entries : (int) startIndex;
        return new HtabFd(host, current, flags, start, headerOrder);
    }

    /** {@link #open(HtabHost, long, long, ByteOrder)} with big-endian headers. */
    public static HtabFd open(final HtabHost host, final long flags, final long startIndex) throws HtabException {
        return open(host, flags, startIndex, BIG);
    }

    /** A handle on a bare {@code table}: CPUs never run, nothing to flush, big-endian headers. */
    public static HtabFd open(final HashPageTable table, final long flags, final long startIndex)
        throws HtabException {
        return open(new LiveHtab(Objects.requireNonNull(table, "table")), flags, startIndex, BIG);
    }

    /**
     * Reads records into {@code dst[offset, offset + count)} (R1-R8); returns the bytes written. 0 means nothing
     * reportable between the handle's position and the table's end (the position then wrapped to 0), or no table,
     * or {@code count <= 24}.
     *
     * @throws HtabException EBADF on a write handle or a closed one, EFAULT when the range is not inside
     *                       {@code dst}
     */
    public int read(final byte[] dst, final int offset, final int count) throws HtabException {
        Objects.requireNonNull(dst, "dst");
        if (offset < 0 || count < 0 || offset > dst.length - count) {
            throw new HtabException(Errno.EFAULT, "read range " + offset + "+" + count + " is outside a buffer of "
                + dst.length + " bytes");
        }
        synchronized (this) {
            checkReadable();
            if (count == 0) {
                return readRecords(null, 0, 0);
            }
            wrapper.wrap(dst, offset, count);
            return readRecords(wrapper, 0, count);
        }
    }

    /** Reads into {@code dst} from its position up to its limit, and advances the position. */
    public int read(final ByteBuffer dst) throws HtabException {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new HtabException(Errno.EFAULT, "the buffer is read-only");
        }
        synchronized (this) {
            checkReadable();
            final int position = dst.position();
            final int count = dst.remaining();
            if (count == 0) {
                return readRecords(null, 0, 0);
            }
            wrapper.wrap(dst, position, count);
            final int read = readRecords(wrapper, 0, count);
            dst.position(position + read);
            return read;
        }
    }

    /** Reads into {@code dst[offset, offset + count)}. */
    public int read(final MutableDirectBuffer dst, final int offset, final int count) throws HtabException {
        Objects.requireNonNull(dst, "dst");
        if (offset < 0 || count < 0 || offset > dst.capacity() - count) {
            throw new HtabException(Errno.EFAULT, "read range " + offset + "+" + count + " is outside a buffer of "
                + dst.capacity() + " bytes");
        }
        synchronized (this) {
            checkReadable();
            return readRecords(dst, offset, count);
        }
    }

    /**
     * Applies the whole records in {@code src[offset, offset + count)} (W1-W9) and returns the bytes they take; a
     * trailing record whose entries do not fit is left unconsumed. Nothing is applied when an error is thrown.
     *
     * @throws HtabException EBADF on a read handle or a closed one; EINVAL when there is no table, a record
     *                       reaches past the table, or an entry is not valid or has no page size; EBUSY while
     *                       CPUs run; EFAULT when the range is not inside {@code src}
     */
    public int write(final byte[] src, final int offset, final int count) throws HtabException {
        Objects.requireNonNull(src, "src");
        if (offset < 0 || count < 0 || offset > src.length - count) {
            throw new HtabException(Errno.EFAULT, "write range " + offset + "+" + count + " is outside a buffer of "
                + src.length + " bytes");
        }
        synchronized (this) {
            checkWritable();
            wrapper.wrap(src, offset, count);
            return HtabWrites.write(host, wrapper, 0, count, headerOrder);
        }
    }

    /** Writes from {@code src}'s position up to its limit and advances the position past the bytes consumed. */
    public int write(final ByteBuffer src) throws HtabException {
        Objects.requireNonNull(src, "src");
        synchronized (this) {
            checkWritable();
            final int position = src.position();
            wrapper.wrap(src, position, src.remaining());
            final int written = HtabWrites.write(host, wrapper, 0, src.remaining(), headerOrder);
            src.position(position + written);
            return written;
        }
    }

    /** Writes from {@code src[offset, offset + count)}. */
    public int write(final DirectBuffer src, final int offset, final int count) throws HtabException {
        Objects.requireNonNull(src, "src");
        if (offset < 0 || count < 0 || offset > src.capacity() - count) {
            throw new HtabException(Errno.EFAULT, "write range " + offset + "+" + count + " is outside a buffer of "
                + src.capacity() + " bytes");
        }
        synchronized (this) {
            checkWritable();
            return HtabWrites.write(host, src, offset, count, headerOrder);
        }
    }

    /** Closes the handle; a read handle stops tracking changes. Further calls fail with EBADF. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (changes != null) {
            changes.close();
        }
    }

    /** True for a handle opened with {@link #WRITE}. */
    public boolean isWriteHandle() {
        return writeHandle;
    }

    /** True for a handle opened with {@link #BOLTED_ONLY}. */
    public boolean isBoltedOnly() {
        return boltedOnly;
    }

    /** The byte order of record headers. */
    public ByteOrder headerOrder() {
        return headerOrder;
    }

    /** Read handles: the index the next read starts at (KVM's context index, which lseek cannot move). */
    public synchronized int position() {
        return index;
    }

    /** Read handles: true until a read reached the table's end once. */
    public synchronized boolean inFirstPass() {
        return firstPass;
    }

    /**
     * Read handles: entries whose state this handle examined so far (a diagnostic: after the first pass it grows
     * with the number of changes, not the table size).
     */
    public synchronized long entriesExamined() {
        return entriesExamined;
    }

    private void checkReadable() throws HtabException {
        if (closed) {
            throw new HtabException(Errno.EBADF, "the HTAB fd is closed");
        }
        if (writeHandle) {
            throw new HtabException(Errno.EBADF, "the HTAB fd was opened for writing (WRITE flag); it cannot read");
        }
    }

    private void checkWritable() throws HtabException {
        if (closed) {
            throw new HtabException(Errno.EBADF, "the HTAB fd is closed");
        }
        if (!writeHandle) {
            throw new HtabException(Errno.EBADF, "the HTAB fd was opened for reading; it cannot write");
        }
    }

    /**
     * Rule R2: records while a header and one HPTE fit with a byte to spare; a valid run, then an invalid run,
     * per record; stop at the table's end (wrap to 0, first pass over).
     */
    private int readRecords(final MutableDirectBuffer dst, final int base, final int count) {
        final HashPageTable hpt = table;
        if (hpt == null) {
            return 0;
        }
        final int npte = hpt.entryCount();
        final int recordLimit = count - HtabFormat.HEADER_BYTES - HtabFormat.HPTE_BYTES;
        final int entryLimit = count - HtabFormat.HPTE_BYTES;
        markHint = NO_MARK_YET;
        consumedAt = NOTHING_CONSUMED;
        if (window != null) {
            window.reset();
        }
        int nb = 0;
        int i = index;
        while (nb < recordLimit) {
            final int header = nb;
            nb += HtabFormat.HEADER_BYTES;
            if (!firstPass) {
                i = nextChanged(i);
            }
            final int start = i;
            // R2c: entry slots while nb + 16 < count, i.e. ceil((entryLimit - nb) / 16) of them.
            final int room = nb < entryLimit ? Math.min(HtabFormat.MAX_RUN, ((entryLimit - nb - 1) >>> 4) + 1) : 0;
            final int nValid;
            final int nInvalid;
            if (!firstPass) {
                nValid = laterValidRun(hpt, i, room, dst, base + nb);
                nInvalid = laterInvalidRun(hpt, i + nValid);
            } else if (window == null) {
                nValid = firstPassValidRun(hpt, i, room, dst, base + nb);
                nInvalid = firstPassInvalidRun(hpt, i + nValid);
            } else {
                nValid = boltedValidRun(hpt, i, room, dst, base + nb);
                nInvalid = boltedInvalidRun(hpt, i + nValid);
            }
            nb += nValid * HtabFormat.HPTE_BYTES;
            i += nValid + nInvalid;
            if ((nValid | nInvalid) != 0) {
                HtabFormat.putHeader(dst, base + header, start, nValid, nInvalid, headerOrder);
            } else {
                nb = header;
            }
            if (i >= npte) {
                i = 0;
                firstPass = false;
                break;
            }
        }
        index = i;
        return nb;
    }

    /**
     * First pass, valid run from {@code i}, at most {@code max} entries, for a reader that asked for every entry:
     * every entry is reportable (R4), so the run goes on while entries are valid. Runs of plain valid entries before
     * the next change mark go from the table straight into {@code dst}, one copy each
     * ({@link HashPageTable#copyValidRun}: each group untorn, found from the table's kind bits, no entry examined
     * twice). The run ends at an entry the kind bits call invalid; the entry at the change mark and entries with
     * host bits go on their own ({@link #takeSingle}).
     */
    private int firstPassValidRun(final HashPageTable hpt, final int i, final int max, final MutableDirectBuffer dst,
                                  final int out) {
        final int end = Math.min(hpt.entryCount(), i + max);
        int at = i;
        while (at < end) {
            final int bulk = Math.min(end, markHint) - at;
            if (bulk > 0) {
                final int run = hpt.copyValidRun(at, bulk, dst, out + (at - i) * HtabFormat.HPTE_BYTES);
                at += run;
                entriesExamined += run;
                if (run == bulk) {
                    continue;
                }
                if (hpt.invalidRun(at, 1) == 1) {
                    break;
                }
            }
            if (!takeSingle(hpt, at, true)) {
                break;
            }
            final int to = out + (at - i) * HtabFormat.HPTE_BYTES;
            dst.putLong(to, HtabFormat.reportedV(entry[0]), BIG);
            dst.putLong(to + 8, HtabFormat.reportedR(entry[1]), BIG);
            at++;
        }
        return at - i;
    }

    /**
     * First pass, invalid run from {@code i} (R2d), for a reader that asked for every entry: counted from the table's
     * kind bits ({@link HashPageTable#invalidRun}) up to the next change mark, without reading the entries; it ends
     * at an entry the bits call plain valid; the entry at the mark and entries with host bits are examined on their
     * own.
     */
    private int firstPassInvalidRun(final HashPageTable hpt, final int i) {
        final int end = Math.min(hpt.entryCount(), i + HtabFormat.MAX_RUN);
        int at = i;
        while (at < end) {
            final int bulk = Math.min(end, markHint) - at;
            if (bulk > 0) {
                final int run = hpt.invalidRun(at, bulk);
                at += run;
                entriesExamined += run;
                if (run == bulk) {
                    continue;
                }
                if (hpt.plainValidRun(at, 1) == 1) {
                    break;
                }
            }
            if (!takeSingle(hpt, at, false)) {
                break;
            }
            at++;
        }
        return at - i;
    }

    /**
     * First pass, entry {@code at} on its own: look the change mark hint up again if it is behind; if the entry is
     * marked, consume the mark first (C4: consume, then read); read it untorn into {@link #entry}. True when it
     * belongs in the run being built (valid for this reader or not, as {@code wantValid} says); otherwise its state is
     * as before (a consumed mark is given back).
     */
    private boolean takeSingle(final HashPageTable hpt, final int at, final boolean wantValid) {
        entriesExamined++;
        if (at > markHint) {
            final int next = changes.nextChanged(at);
            markHint = next < 0 ? Integer.MAX_VALUE : next;
        }
        final boolean consumed = at == markHint && changes.consume(at);
        hpt.readEntry(at, entry, 0);
        if (isReportedValid(entry[0]) == wantValid) {
            return true;
        }
        if (consumed) {
            changes.mark(at);
        }
        return false;
    }

    /**
     * First pass of a {@link #BOLTED_ONLY} reader, valid run from {@code i}, at most {@code max} entries: the run
     * goes on while entries are valid and bolted, which the table's kind bits do not say, so entries come from
     * {@link TableWindow} snapshots and leave them in bulk. Plain entries (bolted, no host bits, before the next
     * change mark) are skipped over by a scan; the others go one by one: a marked entry is consumed and read again
     * (the snapshot may predate its change), host bits are cleared.
     */
    private int boltedValidRun(final HashPageTable hpt, final int i, final int max, final MutableDirectBuffer dst,
                                  final int out) {
        final int npte = hpt.entryCount();
        int n = 0;
        boolean stopped = false;
        while (!stopped && n < max && i + n < npte) {
            final int first = window.slot(hpt, i + n, max - n);
            final int end = Math.min(window.size(), first + max - n);
            int k = first;
            while (k < end) {
                k = window.scanPlainValid(k, slotLimit(end));
                if (k == end) {
                    break;
                }
                final int entryIndex = window.start() + k;
                if (entryIndex >= markHint) {
                    refreshIfMarked(hpt, entryIndex, k);
                }
                final long v = window.v(k);
                if (!isReportedValid(v)) {
                    putBackMark(entryIndex);
                    stopped = true;
                    break;
                }
                window.put(k, HtabFormat.reportedV(v), HtabFormat.reportedR(window.r(k)));
                consumedAt = NOTHING_CONSUMED;
                k++;
            }
            final int taken = k - first;
            window.copyOut(dst, out + n * HtabFormat.HPTE_BYTES, first, taken);
            n += taken;
            entriesExamined += taken + (stopped ? 1 : 0);
        }
        return n;
    }

    /** First pass of a {@link #BOLTED_ONLY} reader, invalid run from {@code i}: entries while not bolted valid. */
    private int boltedInvalidRun(final HashPageTable hpt, final int i) {
        final int npte = hpt.entryCount();
        int n = 0;
        boolean stopped = false;
        while (!stopped && n < HtabFormat.MAX_RUN && i + n < npte) {
            final int first = window.slot(hpt, i + n, TableWindow.ENTRIES);
            final int end = Math.min(window.size(), first + HtabFormat.MAX_RUN - n);
            int k = first;
            while (k < end) {
                k = window.scanInvalid(k, slotLimit(end));
                if (k == end) {
                    break;
                }
                final int entryIndex = window.start() + k;
                if (entryIndex >= markHint) {
                    refreshIfMarked(hpt, entryIndex, k);
                }
                if (isReportedValid(window.v(k))) {
                    putBackMark(entryIndex);
                    stopped = true;
                    break;
                }
                consumedAt = NOTHING_CONSUMED;
                k++;
            }
            n += k - first;
            entriesExamined += k - first + (stopped ? 1 : 0);
        }
        return n;
    }

    /** Scans may run up to {@code end}, but not past the next change mark, which needs the slow path. */
    private int slotLimit(final int end) {
        return (int) Math.min(end, (long) markHint - window.start());
    }

    /**
     * First pass, entry {@code entryIndex} at or past the mark hint: look the hint up again if it is behind; if the
     * entry is marked, consume the mark and then read the entry afresh into the window (C4: consume, then read).
     */
    private void refreshIfMarked(final HashPageTable hpt, final int entryIndex, final int slot) {
        if (entryIndex > markHint) {
            final int next = changes.nextChanged(entryIndex);
            markHint = next < 0 ? Integer.MAX_VALUE : next;
        }
        if (entryIndex == markHint && changes.consume(entryIndex)) {
            consumedAt = entryIndex;
            hpt.readEntry(entryIndex, entry, 0);
            window.put(slot, entry[0], entry[1]);
        }
    }

    /** An entry examined but not reported keeps its state (C4): give back a mark consumed for it. */
    private void putBackMark(final int entryIndex) {
        if (consumedAt == entryIndex) {
            changes.mark(entryIndex);
        }
        consumedAt = NOTHING_CONSUMED;
    }

    /** Later pass, valid run: changed entries that are valid, at most {@code max}. */
    private int laterValidRun(final HashPageTable hpt, final int i, final int max, final MutableDirectBuffer dst,
                              final int out) {
        final int npte = hpt.entryCount();
        int n = 0;
        while (n < max && i + n < npte && take(hpt, i + n, true)) {
            final int at = out + n * HtabFormat.HPTE_BYTES;
            dst.putLong(at, HtabFormat.reportedV(entry[0]), BIG);
            dst.putLong(at + 8, HtabFormat.reportedR(entry[1]), BIG);
            n++;
        }
        return n;
    }

    /** Later pass, invalid run: changed entries that are not valid. */
    private int laterInvalidRun(final HashPageTable hpt, final int i) {
        final int npte = hpt.entryCount();
        int n = 0;
        while (n < HtabFormat.MAX_RUN && i + n < npte && take(hpt, i + n, false)) {
            n++;
        }
        return n;
    }

    /** Later passes (R2b): the first changed entry at or after {@code from}, or the table's end. */
    private int nextChanged(final int from) {
        final int next = changes.nextChanged(from);
        return next < 0 ? table.entryCount() : next;
    }

    /**
     * Later passes, rule R4 for entry {@code i}: is it changed and of the wanted kind? If so its snapshot is in
     * {@link #entry} and its change mark is consumed (C4); if not, its state is as before.
     */
    private boolean take(final HashPageTable hpt, final int i, final boolean wantValid) {
        entriesExamined++;
        if (!changes.isChanged(i) || !changes.consume(i)) {
            return false;
        }
        // Consume first, then read: a change after this snapshot marks the entry again.
        hpt.readEntry(i, entry, 0);
        if (isReportedValid(entry[0]) == wantValid) {
            return true;
        }
        changes.mark(i);
        return false;
    }

    private boolean isReportedValid(final long v) {
        return HtabFormat.isPresent(v) && (!boltedOnly || (v & Hpte.V_BOLTED) != 0);
    }
}
