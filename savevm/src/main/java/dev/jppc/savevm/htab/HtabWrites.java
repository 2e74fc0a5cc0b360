package dev.jppc.savevm.htab;

import java.nio.ByteOrder;

import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.PageSizes;
import org.agrona.DirectBuffer;

/**
 * The write side of the HTAB fd (htab-fd.md §5, W1-W9): whole records are checked first, then applied, so an error
 * leaves the table as it was (KVM applies the records before the bad one, W7) and a record never reads past the
 * buffer (KVM's bound check forgets the 8 header bytes, W3).
 */
final class HtabWrites {

    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private HtabWrites() {
    }

    /** One {@code write()} of {@code src[base, base + count)}: returns the bytes of the whole records applied. */
    static int write(final HtabHost host, final DirectBuffer src, final int base, final int count,
                     final ByteOrder headerOrder) throws HtabException {
        final HashPageTable hpt = host.table();
        if (hpt == null) {
            throw new HtabException(Errno.EINVAL, "the machine has no hashed page table");
        }
        if (host.cpusRunning()) {
            throw new HtabException(Errno.EBUSY, "a CPU is running; stop the machine before writing its table");
        }
        final int consumed = check(src, base, count, hpt.entryCount(), headerOrder);
        if (consumed > 0 && apply(src, base, consumed, hpt, headerOrder)) {
            host.tableWritten();
        }
        return consumed;
    }

    /** W5's checks on an entry of a valid run; null when H_ENTER would take it. */
    static String entryProblem(final long v, final long r) {
        if ((v & Hpte.V_VALID) == 0) {
            return String.format("v 0x%016x does not have V set", v);
        }
        if (PageSizes.baseShiftAnyBase(v, r) == 0) {
            return String.format("v 0x%016x r 0x%016x has L set but no page size POWER8 knows in LP", v, r);
        }
        return null;
    }

    /** W2-W5 without changing anything: returns the bytes of the whole records, or throws for the first error. */
    private static int check(final DirectBuffer src, final int base, final int count, final int npte,
                             final ByteOrder order) throws HtabException {
        int nb = 0;
        while (count - nb >= HtabFormat.HEADER_BYTES) {
            final long recordIndex = HtabFormat.headerIndex(src, base + nb, order);
            final int nValid = HtabFormat.headerValid(src, base + nb, order);
            final int nInvalid = HtabFormat.headerInvalid(src, base + nb, order);
            final long recordBytes = HtabFormat.HEADER_BYTES + (long) HtabFormat.HPTE_BYTES * nValid;
            // W3, counting the header.
            if (recordBytes > count - nb) {
                break;
            }
            if (recordIndex >= npte || recordIndex + nValid + nInvalid > npte) {
                throw new HtabException(Errno.EINVAL, String.format("record at byte %d: index %d + %d valid + %d"
                    + " invalid entries passes the end of the %d-entry table", nb, recordIndex, nValid, nInvalid,
                    npte));
            }
            for (int k = 0; k < nValid; k++) {
                final int at = base + nb + HtabFormat.HEADER_BYTES + k * HtabFormat.HPTE_BYTES;
                final String problem = entryProblem(src.getLong(at, BIG), src.getLong(at + 8, BIG));
                if (problem != null) {
                    throw new HtabException(Errno.EINVAL, String.format("record at byte %d, entry %d (index %d): %s",
                        nb, k, recordIndex + k, problem));
                }
            }
            nb += (int) recordBytes;
        }
        return nb;
    }

    /** W5, W6 on checked records; true when the table changed. */
    private static boolean apply(final DirectBuffer src, final int base, final int length, final HashPageTable hpt,
                                 final ByteOrder order) {
        final long[] old = new long[2];
        boolean changed = false;
        int nb = 0;
        while (nb < length) {
            final int recordIndex = (int) HtabFormat.headerIndex(src, base + nb, order);
            final int nValid = HtabFormat.headerValid(src, base + nb, order);
            final int nInvalid = HtabFormat.headerInvalid(src, base + nb, order);
            nb += HtabFormat.HEADER_BYTES;
            for (int k = 0; k < nValid; k++) {
                final long v = src.getLong(base + nb, BIG);
                final long r = src.getLong(base + nb + 8, BIG);
                // H_REMOVE of the old entry and H_ENTER of the new one, as one replacement readers see whole.
                hpt.writeEntry(recordIndex + k, HtabFormat.storedV(v), HtabFormat.storedR(r));
                nb += HtabFormat.HPTE_BYTES;
                changed = true;
            }
            for (int k = 0; k < nInvalid; k++) {
                final int slot = recordIndex + nValid + k;
                hpt.readEntry(slot, old, 0);
                if (HtabFormat.isPresent(old[0])) {
                    hpt.writeEntry(slot, 0, 0);
                    changed = true;
                }
            }
        }
        return changed;
    }
}
