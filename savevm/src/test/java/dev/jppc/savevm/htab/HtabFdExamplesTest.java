package dev.jppc.savevm.htab;

import static dev.jppc.savevm.htab.Bytes.concat;
import static dev.jppc.savevm.htab.Bytes.header;
import static dev.jppc.savevm.htab.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.jppc.mmu.hash.HashPageTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every worked example of htab-fd.md §7, byte for byte, with big-endian and little-endian headers. */
class HtabFdExamplesTest {

    private final HashPageTable table = TableT.create();

    static ByteOrder[] orders() {
        return new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
    }

    private HtabFd open(final long flags, final ByteOrder order) throws HtabException {
        return HtabFd.open(new LiveHtab(table), flags, 0, order);
    }

    private static byte[] read(final HtabFd fd, final int count) throws HtabException {
        final byte[] buffer = new byte[count];
        final int n = fd.read(buffer, 0, count);
        return Arrays.copyOf(buffer, n);
    }

    private static void assertBytes(final byte[] expected, final byte[] actual) {
        assertEquals(hex(expected), hex(actual));
    }

    @Test
    void shouldReadExampleOneWithTheSpecsLiteralHeaders() throws HtabException {
        try (HtabFd big = open(0, ByteOrder.BIG_ENDIAN); HtabFd little = open(0, ByteOrder.LITTLE_ENDIAN)) {
            assertBytes(hex("00000000 0002 0008" + TableT.E0 + TableT.E1 + "0000000a 0001 0005" + TableT.E10),
                read(big, 4096));
            assertBytes(hex("00000000 0200 0800" + TableT.E0 + TableT.E1 + "0a000000 0100 0500" + TableT.E10),
                read(little, 4096));
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldReadTheWholeTableThenNothingInExampleOne(final ByteOrder order) throws HtabException {
        try (HtabFd fd = open(0, order)) {
            final byte[] first = read(fd, 4096);
            assertEquals(64, first.length);
            assertBytes(concat(header(0, 2, 8, order), hex(TableT.E0 + TableT.E1), header(10, 1, 5, order),
                hex(TableT.E10)), first);
            assertEquals(0, fd.position());
            assertFalse(fd.inFirstPass());
            assertEquals(0, read(fd, 4096).length);
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldReportNonBoltedEntriesAsInvalidInExampleTwo(final ByteOrder order) throws HtabException {
        try (HtabFd fd = open(HtabFd.BOLTED_ONLY, order)) {
            assertBytes(concat(header(0, 1, 9, order), hex(TableT.E0), header(10, 1, 5, order), hex(TableT.E10)),
                read(fd, 4096));
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldReadOnlyTheChangesInExampleThree(final ByteOrder order) throws HtabException {
        try (HtabFd fd = open(0, order)) {
            read(fd, 4096);
            TableT.removeOneEnterThree(table);
            assertBytes(concat(header(1, 0, 1, order), header(3, 1, 0, order), hex(TableT.E3)), read(fd, 4096));
            assertEquals(0, read(fd, 4096).length);
        }
    }

    @Test
    void shouldMatchTheChunksQemuTcgSentInTheCapture() throws HtabException {
        try (HtabFd fd = open(0, ByteOrder.BIG_ENDIAN)) {
            read(fd, 4096);
            TableT.removeOneEnterThree(table);
            assertBytes(hex("00000001 0000 0001 00000003 0001 0000 0000000000009301 0000000000005012"),
                read(fd, 4096));
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldGiveABoltedOnlyReaderItsOwnViewInExampleThree(final ByteOrder order) throws HtabException {
        try (HtabFd fd = open(HtabFd.BOLTED_ONLY, order)) {
            read(fd, 4096);
            TableT.removeOneEnterThree(table);
            assertBytes(concat(header(1, 0, 1, order), header(3, 0, 1, order)), read(fd, 4096));
            assertEquals(0, read(fd, 4096).length);
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldNotLetOneReaderHideAChangeFromAnother(final ByteOrder order) throws HtabException {
        // KVM shares one set of flags (C6): the first reader would consume entries 1 and 3 for both. jppc gives
        // each handle its own, so both get their full answer of example three.
        try (HtabFd all = open(0, order); HtabFd bolted = open(HtabFd.BOLTED_ONLY, order)) {
            read(all, 4096);
            read(bolted, 4096);
            TableT.removeOneEnterThree(table);
            assertBytes(concat(header(1, 0, 1, order), header(3, 1, 0, order), hex(TableT.E3)), read(all, 4096));
            assertBytes(concat(header(1, 0, 1, order), header(3, 0, 1, order)), read(bolted, 4096));
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldFillSmallBuffersOneEntryAtATimeInExampleFour(final ByteOrder order) throws HtabException {
        try (HtabFd fd = open(0, order)) {
            assertBytes(concat(header(0, 1, 0, order), hex(TableT.E0)), read(fd, 40));
            assertBytes(concat(header(1, 1, 8, order), hex(TableT.E1)), read(fd, 40));
            assertBytes(concat(header(10, 1, 5, order), hex(TableT.E10)), read(fd, 40));
            assertEquals(0, read(fd, 40).length);
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldReturnNothingAndStayPutForCountsUpTo24(final ByteOrder order) throws HtabException {
        try (HtabFd fd = open(0, order)) {
            for (int count = 0; count <= 24; count++) {
                assertEquals(0, read(fd, count).length, "count " + count);
            }
            assertEquals(0, fd.position());
            assertTrue(fd.inFirstPass());
            assertEquals(24, read(fd, 25).length);
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldApplyTheChangesOfExampleThreeInExampleFive(final ByteOrder order) throws HtabException {
        final AtomicInteger flushes = new AtomicInteger();
        final LiveHtab host = new LiveHtab(table).afterWrite(flushes::incrementAndGet);
        try (HtabFd fd = HtabFd.open(host, HtabFd.WRITE, 0, order)) {
            final byte[] data = concat(header(1, 0, 1, order), header(3, 1, 0, order), hex(TableT.E3));
            assertEquals(32, fd.write(data, 0, data.length));
        }
        assertEquals(0, table.v(1));
        assertEquals(TableT.V3, table.v(3));
        assertEquals(TableT.R3, table.r(3));
        assertEquals(1, flushes.get());
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldRefuseARecordPastTheTableAndApplyNothing(final ByteOrder order) throws HtabException {
        try (HtabFd fd = HtabFd.open(new LiveHtab(table), HtabFd.WRITE, 0, order)) {
            final byte[] data = concat(header(15, 2, 0, order), hex(TableT.E3), hex(TableT.E3));
            final HtabException error = assertThrows(HtabException.class, () -> fd.write(data, 0, data.length));
            assertEquals(Errno.EINVAL, error.errno());
        }
        assertUnchanged();
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldLeaveAShortRecordUnconsumed(final ByteOrder order) throws HtabException {
        try (HtabFd fd = HtabFd.open(new LiveHtab(table), HtabFd.WRITE, 0, order)) {
            final byte[] data = concat(header(3, 2, 0, order), hex(TableT.E3));
            assertEquals(24, data.length);
            assertEquals(0, fd.write(data, 0, data.length));
        }
        assertUnchanged();
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldRefuseAnEntryWithoutV(final ByteOrder order) throws HtabException {
        try (HtabFd fd = HtabFd.open(new LiveHtab(table), HtabFd.WRITE, 0, order)) {
            final byte[] data = concat(header(3, 1, 0, order), Bytes.hpte(0x9200L, TableT.R3));
            final HtabException error = assertThrows(HtabException.class, () -> fd.write(data, 0, data.length));
            assertEquals(Errno.EINVAL, error.errno());
        }
        assertUnchanged();
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldRefuseToWriteWhileACpuRuns(final ByteOrder order) throws HtabException {
        final AtomicBoolean running = new AtomicBoolean(true);
        final LiveHtab host = new LiveHtab(table).cpusRunning(running::get);
        try (HtabFd fd = HtabFd.open(host, HtabFd.WRITE, 0, order)) {
            final byte[] data = concat(header(1, 0, 1, order), header(3, 1, 0, order), hex(TableT.E3));
            final HtabException error = assertThrows(HtabException.class, () -> fd.write(data, 0, data.length));
            assertEquals(Errno.EBUSY, error.errno());
            assertUnchanged();
            running.set(false);
            assertEquals(32, fd.write(data, 0, data.length));
        }
    }

    private void assertUnchanged() {
        final HashPageTable fresh = TableT.create();
        for (int i = 0; i < table.entryCount(); i++) {
            assertArrayEquals(new long[] {fresh.v(i), fresh.r(i)}, new long[] {table.v(i), table.r(i)}, "entry " + i);
        }
    }
}
