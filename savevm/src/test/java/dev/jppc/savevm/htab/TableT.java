package dev.jppc.savevm.htab;

import dev.jppc.mmu.hash.HashPageTable;

/** Table T of htab-fd.md §7 and the entries of its worked examples. */
final class TableT {

    static final long V0 = 0x9191L;
    static final long R0 = 0x2012L;
    static final long V1 = 0x9201L;
    static final long R1 = 0x3012L;
    static final long V10 = 0x9291L;
    static final long R10 = 0x4012L;
    static final long V3 = 0x9301L;
    static final long R3 = 0x5012L;

    static final String E0 = "00000000 00009191 00000000 00002012";
    static final String E1 = "00000000 00009201 00000000 00003012";
    static final String E10 = "00000000 00009291 00000000 00004012";
    static final String E3 = "00000000 00009301 00000000 00005012";

    private TableT() {
    }

    /** npte = 16: idx 0 bolted, idx 1 not bolted, idx 10 bolted, the rest empty; all clean. */
    static HashPageTable create() {
        final HashPageTable table = HashPageTable.allocate(8);
        table.writeEntry(0, V0, R0);
        table.writeEntry(1, V1, R1);
        table.writeEntry(10, V10, R10);
        return table;
    }

    /** Ex3's changes: H_REMOVE(1), then H_ENTER exact(3, 0x9301, 0x5012). */
    static void removeOneEnterThree(final HashPageTable table) {
        table.writeEntry(1, 0, 0);
        table.writeEntry(3, V3, R3);
    }
}
