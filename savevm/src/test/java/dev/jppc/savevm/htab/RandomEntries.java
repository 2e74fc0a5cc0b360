package dev.jppc.savevm.htab;

import java.util.Random;

import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.PageSizes;

/**
 * Random HPTEs and random table changes through every path of {@link HashPageTable}, for property and fuzz tests.
 * Valid entries always have a page size H_ENTER accepts; invalid ones may carry leftover bits, as a guest that only
 * clears V leaves them.
 */
final class RandomEntries {

    /** {base shift, actual shift, penc} of POWER8's large-page encodings. */
    private static final int[][] LARGE = {{12, 16, 0x07}, {12, 24, 0x38}, {16, 16, 0x01}, {16, 24, 0x08},
        {24, 24, 0x00}, {34, 34, 0x03}};

    private final Random random;
    private final boolean hostBits;

    /** With {@code hostBits}, entries may carry KVM's absent and lock bits and r bit 62. */
    RandomEntries(final Random random, final boolean hostBits) {
        this.random = random;
        this.hostBits = hostBits;
    }

    /** A valid (or, with host bits, possibly "absent") entry: {v, r}. */
    long[] valid() {
        long v = (random.nextLong() & Hpte.V_AVPN) | ((long) random.nextInt(2) << 62);
        if (random.nextBoolean()) {
            v |= Hpte.V_BOLTED;
        }
        if (random.nextInt(4) == 0) {
            v |= Hpte.V_SECONDARY;
        }
        v |= hostBits && random.nextInt(8) == 0 ? HtabFormat.V_ABSENT : Hpte.V_VALID;
        if (hostBits && random.nextInt(8) == 0) {
            v |= HtabFormat.V_HOST_LOCK;
        }
        long r = (random.nextLong() & (Hpte.R_PP0 | Hpte.R_KEY_HIGH | Hpte.R_KEY_LOW | Hpte.R_REFERENCED
            | Hpte.R_CHANGED | Hpte.R_WIMG | Hpte.R_NO_EXECUTE | Hpte.R_PP));
        final long page = random.nextLong() & Hpte.R_ARPN;
        if (random.nextInt(4) == 0) {
            final int[] row = LARGE[random.nextInt(LARGE.length)];
            v |= Hpte.V_LARGE;
            r |= (page & ~((1L << row[1]) - 1)) | ((long) row[2] << 12);
        } else {
            r |= page;
        }
        if (hostBits && random.nextInt(8) == 0) {
            r |= Hpte.R_RESERVED_TS;
        }
        if (PageSizes.baseShiftAnyBase(v, r) == 0) {
            throw new IllegalStateException(String.format("generated an undecodable entry %x %x", v, r));
        }
        return new long[] {v, r};
    }

    /** An entry that is not present: zero, or leftovers of one whose V was cleared. */
    long[] invalid() {
        if (random.nextBoolean()) {
            return new long[] {0, 0};
        }
        final long[] entry = valid();
        return new long[] {entry[0] & ~(Hpte.V_VALID | HtabFormat.V_ABSENT), entry[1]};
    }

    /** Fills about {@code percent}% of {@code table} with valid entries, the rest with invalid ones. */
    void fill(final HashPageTable table, final int percent) {
        for (int i = 0; i < table.entryCount(); i++) {
            final long[] entry = random.nextInt(100) < percent ? valid() : invalid();
            table.writeEntry(i, entry[0], entry[1]);
        }
    }

    /** One random change through one of the table's write paths. */
    void change(final HashPageTable table) {
        final int index = random.nextInt(table.entryCount());
        switch (random.nextInt(12)) {
            case 0:
            case 1:
            case 2: {
                final long[] entry = valid();
                table.writeEntry(index, entry[0], entry[1]);
                break;
            }
            case 3:
            case 4: {
                final long[] entry = invalid();
                table.writeEntry(index, entry[0], entry[1]);
                break;
            }
            case 5: {
                // H_PROTECT-like: new PP and N, marked even when nothing changes.
                table.updateR(index, Hpte.R_PP | Hpte.R_NO_EXECUTE, random.nextInt(8) & 0x7);
                table.markChanged(index);
                break;
            }
            case 6:
                // MMU R/C, H_CLEAR_REF, H_CLEAR_MOD.
                table.updateR(index, random.nextBoolean() ? Hpte.R_REFERENCED | Hpte.R_CHANGED : 0,
                    random.nextBoolean() ? Hpte.R_REFERENCED : Hpte.R_CHANGED);
                break;
            case 7: {
                final long[] entry = valid();
                final long expected = random.nextBoolean() ? table.v(index) : entry[0];
                table.compareAndSetEntry(index, expected, entry[0], entry[1]);
                break;
            }
            case 8:
                table.markGroupChanged(index >>> 3);
                break;
            case 9:
                if (random.nextInt(20) == 0) {
                    table.clear();
                }
                break;
            default: {
                final long[] entry = random.nextBoolean() ? valid() : invalid();
                table.writeEntry(index, entry[0], entry[1]);
                break;
            }
        }
    }

    /**
     * What a destination fed by a reader of {@code source} must converge to: present entries (bolted ones only,
     * with {@code boltedOnly}) as a reader reports them, everything else zero.
     */
    static HashPageTable expectedCopy(final HashPageTable source, final boolean boltedOnly) {
        final HashPageTable copy = HashPageTable.allocate(source.log2Size());
        for (int i = 0; i < source.entryCount(); i++) {
            final long v = source.v(i);
            if (HtabFormat.isPresent(v) && (!boltedOnly || (v & Hpte.V_BOLTED) != 0)) {
                copy.writeEntry(i, HtabFormat.reportedV(v), HtabFormat.reportedR(source.r(i)));
            }
        }
        return copy;
    }
}
