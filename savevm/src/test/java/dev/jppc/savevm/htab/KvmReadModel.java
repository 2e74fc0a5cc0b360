package dev.jppc.savevm.htab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.track.ChangeReader;

/**
 * A literal transcription of KVM's read loop (htab-fd.md R2-R4) for one reader, with a {@code modified} flag per
 * entry and whole-table scans, as the reference the fast reader must match byte for byte. Its flags are set from a
 * change reader of its own, drained before every read: "every change while a reader is open sets modified" (C1).
 */
final class KvmReadModel implements AutoCloseable {

    private final HashPageTable table;
    private final boolean boltedOnly;
    private final ByteOrder order;
    private final boolean[] modified;
    private final ChangeReader changes;
    private int index;
    private boolean firstPass = true;

    KvmReadModel(final HashPageTable table, final boolean boltedOnly, final ByteOrder order, final int start) {
        this.table = table;
        this.boltedOnly = boltedOnly;
        this.order = order;
        modified = new boolean[table.entryCount()];
        changes = table.changes().openReader(false);
        index = Math.min(start, table.entryCount());
    }

    int read(final byte[] buffer, final int count) {
        for (int i = changes.nextChanged(0); i >= 0; i = changes.nextChanged(i + 1)) {
            changes.consume(i);
            modified[i] = true;
        }
        final ByteBuffer out = ByteBuffer.wrap(buffer);
        final int npte = table.entryCount();
        int nb = 0;
        int i = index;
        while (nb + 8 + 16 < count) {
            final int header = nb;
            nb += 8;
            if (!firstPass) {
                while (i < npte && !modified[i]) {
                    i++;
                }
            }
            final int start = i;
            int nValid = 0;
            while (i < npte && nValid < 0xFFFF && nb + 16 < count && record(i, true)) {
                out.order(ByteOrder.BIG_ENDIAN).putLong(nb, HtabFormat.reportedV(table.v(i)))
                    .putLong(nb + 8, HtabFormat.reportedR(table.r(i)));
                nb += 16;
                nValid++;
                i++;
            }
            int nInvalid = 0;
            while (i < npte && nInvalid < 0xFFFF && record(i, false)) {
                nInvalid++;
                i++;
            }
            if (nValid != 0 || nInvalid != 0) {
                out.order(order).putInt(header, start).putShort(header + 4, (short) nValid)
                    .putShort(header + 6, (short) nInvalid);
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

    private boolean record(final int i, final boolean wantValid) {
        if (!firstPass && !modified[i]) {
            return false;
        }
        final long v = table.v(i);
        final boolean valid = HtabFormat.isPresent(v) && (!boltedOnly || (v & 0x10) != 0);
        if (valid != wantValid) {
            return false;
        }
        modified[i] = false;
        return true;
    }

    @Override
    public void close() {
        changes.close();
    }
}
