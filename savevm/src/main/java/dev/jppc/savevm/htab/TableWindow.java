package dev.jppc.savevm.htab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A snapshot of a stretch of the table (up to 1024 entries, 16 KiB), copied in one go with
 * {@link HashPageTable#copyEntries} (each group untorn), for the first pass of a {@link HtabFd#BOLTED_ONLY} reader:
 * it scans the raw bytes for runs of plain entries and copies runs out in bulk, instead of paying a consistent read
 * per entry. (Readers of every entry need no scan: the table's kind bits give their runs.) Slots are numbered from
 * 0 = entry {@link #start()}.
 */
final class TableWindow {

    /** Entries per window: 16 KiB, inside a level-1 data cache. */
    static final int ENTRIES = 1024;
    /** Smallest refill, so that short runs do not copy a few entries at a time. */
    private static final int MIN_REFILL = 64;
    /** Runs up to this many entries are copied out doubleword by doubleword, cheaper than a memcpy call. */
    private static final int SHORT_RUN = 8;
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;
    /** Reads the window's big-endian doublewords raw, in the host's order; masks are byte-swapped to match. */
    private static final VarHandle NATIVE_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
        ByteOrder.nativeOrder());
    private static final long RAW_PRESENT = raw(Hpte.V_VALID | HtabFormat.V_ABSENT);
    private static final long RAW_R_RESERVED = raw(Hpte.R_RESERVED_TS);

    private final byte[] bytes = new byte[ENTRIES * HtabFormat.HPTE_BYTES];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    /** A plain valid entry has {@code (v & validCheck) == validWant}: V, no host bits, bolted if asked. */
    private final long validCheck;
    private final long validWant;
    /** The bolted bit for a bolted-only reader, else 0. */
    private final long boltedRequired;
    private int start;
    private int end;

    TableWindow(final boolean boltedOnly) {
        final long bolted = boltedOnly ? Hpte.V_BOLTED : 0;
        validCheck = raw(Hpte.V_VALID | Hpte.V_HYPERVISOR_PRIVATE | bolted);
        validWant = raw(Hpte.V_VALID | bolted);
        boltedRequired = raw(bolted);
    }

    /** A mask for a big-endian doubleword, as it reads when loaded raw in the host's byte order. */
    private static long raw(final long mask) {
        return ByteOrder.nativeOrder() == BIG ? mask : Long.reverseBytes(mask);
    }

    /** Forgets the snapshot (a new read call takes new ones). */
    void reset() {
        start = 0;
        end = 0;
    }

    /** The first entry held. */
    int start() {
        return start;
    }

    /** Slots held: entries {@code [start, start + size)}. */
    int size() {
        return end - start;
    }

    /** The slot of entry {@code at}; if it is not held, snapshots {@code at} and up to {@code wanted - 1} after it. */
    int slot(final HashPageTable hpt, final int at, final int wanted) {
        if (at < start || at >= end) {
            final int count = Math.min(Math.min(ENTRIES, hpt.entryCount() - at), Math.max(MIN_REFILL, wanted));
            hpt.copyEntries(at, count, buffer, 0);
            start = at;
            end = at + count;
        }
        return at - start;
    }

    long v(final int slot) {
        return buffer.getLong(slot << 4, BIG);
    }

    long r(final int slot) {
        return buffer.getLong((slot << 4) + 8, BIG);
    }

    /** Replaces a slot's contents (a fresher read, or host bits cleared). */
    void put(final int slot, final long v, final long r) {
        buffer.putLong(slot << 4, v, BIG);
        buffer.putLong((slot << 4) + 8, r, BIG);
    }

    /**
     * The first slot in {@code [from, to)} that is not a plain valid entry (valid, bolted if asked, no host bits),
     * or {@code to}. One mask test per doubleword, four entries per branch while they are plain.
     */
    int scanPlainValid(final int from, final int to) {
        final byte[] raw = bytes;
        final long check = validCheck;
        final long want = validWant;
        int k = from;
        while (k + 4 <= to) {
            final int o = k << 4;
            final long odd = (((long) NATIVE_LONGS.get(raw, o) & check) ^ want)
                | (((long) NATIVE_LONGS.get(raw, o + 16) & check) ^ want)
                | (((long) NATIVE_LONGS.get(raw, o + 32) & check) ^ want)
                | (((long) NATIVE_LONGS.get(raw, o + 48) & check) ^ want)
                | (((long) NATIVE_LONGS.get(raw, o + 8) | (long) NATIVE_LONGS.get(raw, o + 24)
                    | (long) NATIVE_LONGS.get(raw, o + 40) | (long) NATIVE_LONGS.get(raw, o + 56))
                    & RAW_R_RESERVED);
            if (odd != 0) {
                break;
            }
            k += 4;
        }
        while (k < to) {
            final int offset = k << 4;
            if (((long) NATIVE_LONGS.get(raw, offset) & check) != want
                || ((long) NATIVE_LONGS.get(raw, offset + 8) & RAW_R_RESERVED) != 0) {
                break;
            }
            k++;
        }
        return k;
    }

    /** The first slot in {@code [from, to)} that holds an entry valid for this reader, or {@code to}. */
    int scanInvalid(final int from, final int to) {
        final byte[] raw = bytes;
        final long bolted = boltedRequired;
        int k = from;
        if (bolted == 0) {
            while (k + 4 <= to) {
                final int o = k << 4;
                if ((((long) NATIVE_LONGS.get(raw, o) | (long) NATIVE_LONGS.get(raw, o + 16)
                    | (long) NATIVE_LONGS.get(raw, o + 32) | (long) NATIVE_LONGS.get(raw, o + 48))
                    & RAW_PRESENT) != 0) {
                    break;
                }
                k += 4;
            }
        }
        while (k < to) {
            final long v = (long) NATIVE_LONGS.get(raw, k << 4);
            if ((v & RAW_PRESENT) != 0 && (v & bolted) == bolted) {
                break;
            }
            k++;
        }
        return k;
    }

    /** Copies slots {@code [first, first + count)} to {@code dst[out..]} as they are (big-endian HPTEs). */
    void copyOut(final MutableDirectBuffer dst, final int out, final int first, final int count) {
        if (count > SHORT_RUN) {
            dst.putBytes(out, buffer, first << 4, count << 4);
            return;
        }
        for (int k = 0; k < count; k++) {
            final int from = (first + k) << 4;
            final int to = out + (k << 4);
            dst.putLong(to, buffer.getLong(from));
            dst.putLong(to + 8, buffer.getLong(from + 8));
        }
    }
}
