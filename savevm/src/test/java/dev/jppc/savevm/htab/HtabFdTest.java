package dev.jppc.savevm.htab;

import static dev.jppc.savevm.htab.Bytes.concat;
import static dev.jppc.savevm.htab.Bytes.header;
import static dev.jppc.savevm.htab.Bytes.hex;
import static dev.jppc.savevm.htab.Bytes.hpte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening, reading and writing rules of htab-fd.md §2-§5 beyond the worked examples, and jppc's deviations. */
class HtabFdTest {

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private final HashPageTable table = TableT.create();

    private static byte[] read(final HtabFd fd, final int count) throws HtabException {
        final byte[] buffer = new byte[count];
        return Arrays.copyOf(buffer, fd.read(buffer, 0, count));
    }

    private static byte[] drainFirstPass(final HtabFd fd) throws HtabException {
        byte[] all = new byte[0];
        while (fd.inFirstPass()) {
            all = concat(all, read(fd, 4096));
        }
        return all;
    }

    private static int write(final HtabFd fd, final byte[] data) throws HtabException {
        return fd.write(data, 0, data.length);
    }

    @ParameterizedTest
    @ValueSource(longs = {0x4L, 0x7L, 0x8L, 0x100L, Long.MIN_VALUE, -1L})
    void shouldRejectUnknownFlags(final long flags) {
        assertEquals(Errno.EINVAL, assertThrows(HtabException.class, () -> HtabFd.open(table, flags, 0)).errno());
    }

    @ParameterizedTest
    @ValueSource(longs = {16, 17, 1L << 32, -1L})
    void shouldWrapAtOnceFromAStartIndexPastTheEnd(final long start) throws HtabException {
        try (HtabFd fd = HtabFd.open(table, 0, start)) {
            assertEquals(0, read(fd, 4096).length);
            assertFalse(fd.inFirstPass());
            assertEquals(0, read(fd, 4096).length);
        }
    }

    @Test
    void shouldCoverOnlyTheTailInAFirstPassFromAStartIndex() throws HtabException {
        try (HtabFd fd = HtabFd.open(table, 0, 5)) {
            assertEquals(hex(concat(header(5, 0, 5, BE), header(10, 1, 5, BE), hex(TableT.E10))),
                hex(read(fd, 4096)));
            assertEquals(0, read(fd, 4096).length, "entries 0 and 1 are never reported (R7)");
            table.writeEntry(0, TableT.V3, TableT.R3);
            assertEquals(hex(concat(header(0, 1, 0, BE), hex(TableT.E3))), hex(read(fd, 4096)));
        }
    }

    @Test
    void shouldReadNothingAndRefuseWritesWithoutATable() throws HtabException {
        final LiveHtab host = new LiveHtab(null);
        try (HtabFd reader = HtabFd.open(host, 0, 0); HtabFd writer = HtabFd.open(host, HtabFd.WRITE, 0)) {
            assertEquals(0, read(reader, 4096).length);
            final byte[] data = concat(header(3, 1, 0, BE), hex(TableT.E3));
            assertEquals(Errno.EINVAL, assertThrows(HtabException.class, () -> write(writer, data)).errno());
        }
    }

    @Test
    void shouldAnswerBadFileDescriptorForTheWrongDirectionOrAClosedHandle() throws HtabException {
        final HtabFd reader = HtabFd.open(table, 0, 0);
        final HtabFd writer = HtabFd.open(table, HtabFd.WRITE, 0);
        final byte[] data = concat(header(3, 1, 0, BE), hex(TableT.E3));
        assertEquals(Errno.EBADF, assertThrows(HtabException.class, () -> read(writer, 4096)).errno());
        assertEquals(Errno.EBADF, assertThrows(HtabException.class, () -> write(reader, data)).errno());
        reader.close();
        writer.close();
        assertEquals(Errno.EBADF, assertThrows(HtabException.class, () -> read(reader, 4096)).errno());
        assertEquals(Errno.EBADF, assertThrows(HtabException.class, () -> write(writer, data)).errno());
        assertFalse(table.changes().hasReaders(), "closing stops change tracking");
    }

    @Test
    void shouldAnswerBadAddressForBuffersItCannotUse() throws HtabException {
        try (HtabFd fd = HtabFd.open(table, 0, 0)) {
            final ByteBuffer readOnly = ByteBuffer.allocate(4096).asReadOnlyBuffer();
            assertEquals(Errno.EFAULT, assertThrows(HtabException.class, () -> fd.read(readOnly)).errno());
            assertEquals(Errno.EFAULT, assertThrows(HtabException.class,
                () -> fd.read(new byte[100], 90, 20)).errno());
            assertEquals(Errno.EFAULT, assertThrows(HtabException.class,
                () -> fd.read(new byte[100], -1, 20)).errno());
            assertTrue(fd.inFirstPass());
            assertEquals(0, fd.position(), "nothing consumed");
        }
    }

    @Test
    void shouldAdvanceByteBufferPositions() throws HtabException {
        final ByteBuffer out = ByteBuffer.allocateDirect(4096);
        out.position(10);
        try (HtabFd reader = HtabFd.open(table, 0, 0)) {
            assertEquals(64, reader.read(out));
        }
        assertEquals(74, out.position());
        out.flip().position(10);
        final HashPageTable destination = HashPageTable.allocate(8);
        try (HtabFd writer = HtabFd.open(destination, HtabFd.WRITE, 0)) {
            assertEquals(64, writer.write(out));
        }
        assertEquals(74, out.position());
        TableAssert.assertSameEntries(table, destination);
    }

    @Test
    void shouldReportReferenceAndChangeBitsTheMmuSets() throws HtabException {
        final GuestFixture guest = GuestFixture.pseries(18);
        final int index = guest.map(7, 3, 0x42, Hpte.V_BOLTED);
        try (HtabFd fd = HtabFd.open(guest.table, 0, 0)) {
            drainFirstPass(fd);
            assertEquals(0, read(fd, 4096).length);
            guest.touch(7, false);
            final long v = guest.pageV(7) | Hpte.V_BOLTED;
            assertEquals(hex(concat(header(index, 1, 0, BE), hpte(v, 0x42112))), hex(read(fd, 4096)));
            guest.touch(7, false);
            assertEquals(0, read(fd, 4096).length, "R was already reported");
            guest.touch(7, true);
            assertEquals(hex(concat(header(index, 1, 0, BE), hpte(v, 0x42192))), hex(read(fd, 4096)));
            // H_CLEAR_REF: the guest's view loses R.
            guest.table.updateR(index, Hpte.R_REFERENCED, 0);
            assertEquals(hex(concat(header(index, 1, 0, BE), hpte(v, 0x42092))), hex(read(fd, 4096)));
        }
    }

    @Test
    void shouldReportGuestStoresIntoABareTable() throws HtabException {
        final GuestFixture guest = GuestFixture.bare();
        try (HtabFd fd = HtabFd.open(new LiveHtab(guest.table), 0, 0, ByteOrder.LITTLE_ENDIAN)) {
            drainFirstPass(fd);
            guest.guestStore(100, 0x9301L, 0x5012L);
            guest.guestStoreQuad(101, 0x9401L, 0x6012L);
            assertEquals(hex(concat(header(100, 2, 0, ByteOrder.LITTLE_ENDIAN), hpte(0x9301L, 0x5012L),
                hpte(0x9401L, 0x6012L))), hex(read(fd, 4096)));
        }
    }

    @Test
    void shouldReportAnAbsentEntryAsValidAndHideHostBits() throws HtabException {
        table.writeEntry(4, 0x9120L | HtabFormat.V_HOST_LOCK, 0x4000_0000_0000_5012L);
        try (HtabFd fd = HtabFd.open(table, 0, 4)) {
            assertEquals(hex(concat(header(4, 1, 5, BE), hpte(0x9101L, 0x5012L), header(10, 1, 5, BE),
                hex(TableT.E10))), hex(read(fd, 4096)));
        }
    }

    @Test
    void shouldStoreEntriesAsHEnterDoes() throws HtabException {
        try (HtabFd fd = HtabFd.open(table, HtabFd.WRITE, 0)) {
            assertEquals(24, write(fd, concat(header(5, 1, 0, BE), hpte(0x9361L, 0x4000_0000_0000_5012L))));
        }
        assertEquals(0x9301L, table.v(5));
        assertEquals(0x5012L, table.r(5));
    }

    @Test
    void shouldRemoveOnlyPresentEntriesInAnInvalidRun() throws HtabException {
        table.writeEntry(2, 0x9200L, 0x1L);
        table.writeEntry(3, 0x9320L, 0x1L);
        try (HtabFd fd = HtabFd.open(table, HtabFd.WRITE, 0)) {
            assertEquals(8, write(fd, header(0, 0, 4, BE)));
        }
        assertEquals(0, table.v(0));
        assertEquals(0, table.v(1));
        assertEquals(0x9200L, table.v(2), "not present: left alone (W6)");
        assertEquals(0, table.v(3), "absent counts as present");
        assertEquals(0, table.r(3));
    }

    @Test
    void shouldRefuseAnEntryWithoutAPageSize() throws HtabException {
        try (HtabFd fd = HtabFd.open(table, HtabFd.WRITE, 0)) {
            // L set, LP = 0xf: no POWER8 page size.
            final byte[] data = concat(header(5, 1, 0, BE), hpte(0x9305L, 0xF000L | 0x12));
            assertEquals(Errno.EINVAL, assertThrows(HtabException.class, () -> write(fd, data)).errno());
            // L set, LP = 0x01 with a 64 KiB-aligned page: 64 KiB pages in a 64 KiB segment.
            assertEquals(24, write(fd, concat(header(5, 1, 0, BE), hpte(0x9305L, 0x1_1012L))));
        }
    }

    @Test
    void shouldNotReadPastTheBufferForARecordWithoutRoomForItsEntries() throws HtabException {
        // KVM checks nb + 16 * n_valid against count, forgetting the header: for these 16 bytes it would read 8
        // bytes past the buffer. jppc counts the header and leaves the record unconsumed.
        final byte[] data = Arrays.copyOf(concat(header(3, 1, 0, BE), hex(TableT.E3)), 16);
        try (HtabFd fd = HtabFd.open(table, HtabFd.WRITE, 0)) {
            assertEquals(0, fd.write(data, 0, 16));
            assertEquals(0, fd.write(concat(data, new byte[8]), 0, 16));
        }
        assertEquals(0, table.v(3));
    }

    @Test
    void shouldApplyNothingWhenALaterRecordIsBad() throws HtabException {
        // KVM applies the first record, then returns EINVAL for the second (W7); jppc checks everything first.
        final byte[] data = concat(header(3, 1, 0, BE), hex(TableT.E3), header(16, 0, 1, BE));
        try (HtabFd fd = HtabFd.open(table, HtabFd.WRITE, 0)) {
            assertEquals(Errno.EINVAL, assertThrows(HtabException.class, () -> write(fd, data)).errno());
        }
        assertEquals(0, table.v(3));
    }

    @Test
    void shouldConsumeOnlyWholeRecords() throws HtabException {
        final byte[] data = concat(header(3, 1, 0, BE), hex(TableT.E3), header(4, 1, 0, BE), new byte[15]);
        try (HtabFd fd = HtabFd.open(table, HtabFd.WRITE, 0)) {
            assertEquals(24, write(fd, data));
        }
        assertEquals(TableT.V3, table.v(3));
    }

    @Test
    void shouldMarkWrittenEntriesForOpenReaders() throws HtabException {
        try (HtabFd reader = HtabFd.open(table, 0, 0); HtabFd writer = HtabFd.open(table, HtabFd.WRITE, 0)) {
            drainFirstPass(reader);
            final byte[] data = concat(header(1, 0, 1, BE), header(3, 1, 0, BE), hex(TableT.E3));
            assertEquals(32, write(writer, data));
            assertEquals(hex(data), hex(read(reader, 4096)));
        }
    }

    @Test
    void shouldReportABoltedEntryRemovedOrReplacedAsInvalidToABoltedOnlyReader() throws HtabException {
        try (HtabFd fd = HtabFd.open(table, HtabFd.BOLTED_ONLY, 0)) {
            drainFirstPass(fd);
            table.writeEntry(0, 0, 0);
            table.writeEntry(10, 0x9281L, TableT.R10);
            table.writeEntry(1, 0x9211L, TableT.R1);
            assertEquals(hex(concat(header(0, 0, 1, BE), header(1, 1, 0, BE), hpte(0x9211L, TableT.R1),
                header(10, 0, 1, BE))), hex(read(fd, 4096)));
        }
    }

    @Test
    void shouldExamineOnlyChangedEntriesInALaterPass() throws HtabException {
        final HashPageTable large = HashPageTable.allocate(22);
        try (HtabFd fd = HtabFd.open(large, 0, 0)) {
            final byte[] buffer = new byte[1 << 16];
            while (fd.inFirstPass()) {
                fd.read(buffer, 0, buffer.length);
            }
            final long afterFirstPass = fd.entriesExamined();
            for (int i = 0; i < 100; i++) {
                large.writeEntry(i * 2609, 0x9101L, 0x1012L);
            }
            assertEquals(100 * 24, fd.read(buffer, 0, buffer.length));
            assertTrue(fd.entriesExamined() - afterFirstPass <= 300,
                "examined " + (fd.entriesExamined() - afterFirstPass) + " entries for 100 changes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void shouldSplitRunsAt65535Entries(final String orderName) throws HtabException {
        final ByteOrder order = "BIG_ENDIAN".equals(orderName) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        final HashPageTable large = HashPageTable.allocate(21);
        for (int i = 0; i < 70000; i++) {
            large.writeEntry(i, 0x9101L, 0x1012L);
        }
        try (HtabFd fd = HtabFd.open(new LiveHtab(large), 0, 0, order)) {
            final byte[] buffer = new byte[4 << 20];
            final int n = fd.read(buffer, 0, buffer.length);
            final byte[] out = Arrays.copyOf(buffer, n);
            assertEquals(hex(header(0, 65535, 0, order)), hex(Arrays.copyOf(out, 8)));
            final int second = 8 + 65535 * 16;
            assertEquals(hex(header(65535, 4465, 61072, order)), hex(Arrays.copyOfRange(out, second, second + 8)));
            assertEquals(16 + 70000 * 16, n);
        }
    }

    @Test
    void shouldNotInheritChangesMadeBeforeItOpened() throws HtabException {
        try (HtabFd first = HtabFd.open(table, 0, 0)) {
            drainFirstPass(first);
            table.writeEntry(3, TableT.V3, TableT.R3);
            // KVM's shared flags would hand entry 3 to this spot reader's later pass, and hide it from the first.
            try (HtabFd spot = HtabFd.open(table, 0, 8)) {
                drainFirstPass(spot);
                assertEquals(0, read(spot, 4096).length);
            }
            assertEquals(hex(concat(header(3, 1, 0, BE), hex(TableT.E3))), hex(read(first, 4096)));
        }
    }
}
