package dev.jppc.savevm.htab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jppc.mmu.hash.HashPageTable;

/** Whole-table comparisons with a message naming the first entry that differs. */
final class TableAssert {

    private TableAssert() {
    }

    static void assertSameEntries(final HashPageTable expected, final HashPageTable actual) {
        assertEquals(expected.entryCount(), actual.entryCount(), "entry count");
        final String difference = firstDifference(expected, actual);
        assertEquals(null, difference);
    }

    /** Null when the tables hold the same bytes, else a description of the first entry that differs. */
    static String firstDifference(final HashPageTable expected, final HashPageTable actual) {
        final long[] a = new long[2];
        final long[] b = new long[2];
        for (int i = 0; i < expected.entryCount(); i++) {
            expected.readEntry(i, a, 0);
            actual.readEntry(i, b, 0);
            if (a[0] != b[0] || a[1] != b[1]) {
                return String.format("entry %d: expected v %016x r %016x, got v %016x r %016x", i, a[0], a[1], b[0],
                    b[1]);
            }
        }
        return null;
    }
}
