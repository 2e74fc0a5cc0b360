package dev.jppc.savevm.htab;

import static dev.jppc.savevm.htab.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.jppc.mmu.hash.HashPageTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The spapr/htab section: saver payloads against QEMU's capture (htab-fd.md §6), loader checks, §8.2 and §8.6. */
class SpaprHtabStreamTest {

    private static final int SECTION_ID = 0x234;
    private static final String END_MARKER = "0000000000000000";
    private static final String NAME = hex("spapr/htab".getBytes(StandardCharsets.US_ASCII));

    static ByteOrder[] orders() {
        return new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
    }

    /** Hex as {@link Bytes#hex(byte[])} prints it. */
    private static String norm(final String text) {
        return hex(hex(text));
    }

    /** A clock that never moves: an iterate reads until done. */
    private static SpaprHtabSaver saver(final HtabHost host, final ByteOrder order,
                                        final SpaprHtabSaver.FirstPass style) {
        return new SpaprHtabSaver(host, order, style, SpaprHtabSaver.MAX_ITERATION_NS, () -> 0L);
    }

    private static byte[] start(final SpaprHtabSaver saver) throws IOException, HtabException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        QemuSection.writeStart(out, SECTION_ID, QemuSection.HTAB_NAME, 0, QemuSection.HTAB_VERSION);
        saver.setup(out);
        QemuSection.writeFooter(out, SECTION_ID);
        return out.toByteArray();
    }

    private static byte[] part(final SpaprHtabSaver saver) throws IOException, HtabException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        QemuSection.writeHeader(out, QemuSection.PART, SECTION_ID);
        saver.iterate(out);
        QemuSection.writeFooter(out, SECTION_ID);
        return out.toByteArray();
    }

    private static byte[] end(final SpaprHtabSaver saver) throws IOException, HtabException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        QemuSection.writeHeader(out, QemuSection.END, SECTION_ID);
        saver.complete(out);
        QemuSection.writeFooter(out, SECTION_ID);
        return out.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldReproduceQemusCaptureOfATinyGuest(final ByteOrder fdOrder) throws Exception {
        final HashPageTable table = HashPageTable.allocate(22);
        final LiveHtab host = new LiveHtab(table);
        try (SpaprHtabSaver saver = saver(host, fdOrder, SpaprHtabSaver.FirstPass.VALID_RUNS_ONLY)) {
            assertEquals(norm("01 00000234 0a" + NAME
                + "00000000 00000001 | 00000016 | 7e 00000234"), hex(start(saver)));
            table.writeEntry(0, TableT.V0, TableT.R0);
            table.writeEntry(1, TableT.V1, TableT.R1);
            table.writeEntry(10, TableT.V10, TableT.R10);
            assertEquals(norm("02 00000234 00000000"
                + "00000000 0002 0000 0000000000009191 0000000000002012 0000000000009201 0000000000003012"
                + "0000000a 0001 0000 0000000000009291 0000000000004012  0000000000000000  7e 00000234"),
                hex(part(saver)));
            TableT.removeOneEnterThree(table);
            assertEquals(norm("02 00000234 00000000 00000001 0000 0001 00000003 0001 0000"
                + "0000000000009301 0000000000005012 0000000000000000 7e 00000234"), hex(part(saver)));
            assertEquals(norm("03 00000234 00000000" + END_MARKER + "7e 00000234"), hex(end(saver)));
        }
    }

    @Test
    void shouldReproduceQemusCaptureOfAGuestThatNeverRan() throws Exception {
        final LiveHtab host = new LiveHtab(HashPageTable.allocate(22));
        try (SpaprHtabSaver saver = saver(host, ByteOrder.BIG_ENDIAN, SpaprHtabSaver.FirstPass.VALID_RUNS_ONLY)) {
            start(saver);
            assertEquals(norm("02 00000234 00000000 0000000000000000 7e 00000234"), hex(part(saver)));
            assertEquals(norm("03 00000234 00000000 0000000000000000 7e 00000234"), hex(end(saver)));
        }
    }

    @Test
    void shouldSendInvalidRunsInTheFirstPassLikeQemuOnKvm() throws Exception {
        final HashPageTable table = HashPageTable.allocate(18);
        table.writeEntry(0, TableT.V0, TableT.R0);
        try (SpaprHtabSaver saver = saver(new LiveHtab(table), ByteOrder.LITTLE_ENDIAN,
            SpaprHtabSaver.FirstPass.WITH_INVALID_RUNS)) {
            saver.setup(new ByteArrayOutputStream());
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(saver.iterate(out));
            // 16384 entries: entry 0, then 16383 invalid ones fit in one run.
            assertEquals("00000000" + "00000000" + "0001" + "3fff" + hex(hex(TableT.E0)) + END_MARKER,
                hex(out.toByteArray()));
        }
    }

    @Test
    void shouldMarkTheAbsenceOfATableInEveryPayload() throws Exception {
        final LiveHtab host = new LiveHtab(null);
        try (SpaprHtabSaver saver = new SpaprHtabSaver(host)) {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            saver.setup(out);
            assertTrue(saver.iterate(out));
            saver.complete(out);
            assertEquals("ffffffff".repeat(3), hex(out.toByteArray()));
        }
    }

    @Test
    void shouldStopAnIterateWhenItsBudgetIsSpent() throws Exception {
        final HashPageTable table = HashPageTable.allocate(18);
        for (int i = 0; i < table.entryCount(); i++) {
            table.writeEntry(i, TableT.V0 | ((long) i << 16), TableT.R0);
        }
        final AtomicLong now = new AtomicLong();
        // Every clock reading moves time past the budget: each iterate does exactly one 2048-byte read.
        final SpaprHtabSaver saver = new SpaprHtabSaver(new LiveHtab(table), ByteOrder.BIG_ENDIAN,
            SpaprHtabSaver.FirstPass.WITH_INVALID_RUNS, 1000, () -> now.getAndAdd(1000));
        saver.setup(new ByteArrayOutputStream());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertFalse(saver.iterate(out));
        assertEquals(4 + 2040 + 8, out.size());
        saver.close();
    }

    @Test
    void shouldNotLoseChangesBeforeWhereTheLastIterateStopped() throws Exception {
        final HashPageTable table = HashPageTable.allocate(18);
        final HashPageTable destination = HashPageTable.allocate(18);
        final SpaprHtabLoader loader = new SpaprHtabLoader(new LiveHtab(destination));
        final AtomicLong now = new AtomicLong();
        final AtomicLong step = new AtomicLong();
        final SpaprHtabSaver saver = new SpaprHtabSaver(new LiveHtab(table), ByteOrder.BIG_ENDIAN,
            SpaprHtabSaver.FirstPass.WITH_INVALID_RUNS, 1000, () -> now.getAndAdd(step.get()));
        saver.setup(new ByteArrayOutputStream());
        assertTrue(transfer(saver, loader), "the first pass of an empty table fits in one iterate");
        // 127 changed entries fill one 2048-byte read exactly; the iterate stops after it, at 1127, before the
        // table's end, with nothing changed after that position.
        for (int i = 1000; i < 1127; i++) {
            table.writeEntry(i, TableT.V0 | ((long) i << 16), TableT.R0);
        }
        step.set(1000);
        assertFalse(transfer(saver, loader));
        table.writeEntry(5, TableT.V3, TableT.R3);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        saver.complete(out);
        loader.loadPayload(new ByteArrayInputStream(out.toByteArray()), QemuSection.END, 1);
        assertEquals(TableT.V3, destination.v(5));
        TableAssert.assertSameEntries(table, destination);
    }

    @Test
    void shouldShowWhyQemusCompleteStageLosesThatChange() throws Exception {
        final HashPageTable table = HashPageTable.allocate(18);
        try (HtabFd fd = HtabFd.open(table, 0, 0)) {
            final byte[] buffer = new byte[SpaprHtabSaver.KVM_BUFFER_BYTES];
            while (fd.inFirstPass()) {
                fd.read(buffer, 0, buffer.length);
            }
            for (int i = 1000; i < 1127; i++) {
                table.writeEntry(i, TableT.V0 | ((long) i << 16), TableT.R0);
            }
            assertEquals(2040, fd.read(buffer, 0, buffer.length));
            assertEquals(1127, fd.position());
            table.writeEntry(5, TableT.V3, TableT.R3);
            assertEquals(0, fd.read(buffer, 0, buffer.length), "QEMU's complete stage stops here");
            assertEquals(24, fd.read(buffer, 0, buffer.length), "entry 5 was still waiting");
        }
    }

    private static boolean transfer(final SpaprHtabSaver saver, final SpaprHtabLoader loader) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final boolean done = saver.iterate(out);
        loader.loadPayload(new ByteArrayInputStream(out.toByteArray()), QemuSection.PART, 1);
        return done;
    }

    @Test
    void shouldFailTheSaveWhenTheTableIsReplaced() throws Exception {
        final LiveHtab host = new LiveHtab(HashPageTable.allocate(18));
        try (SpaprHtabSaver saver = new SpaprHtabSaver(host)) {
            saver.setup(new ByteArrayOutputStream());
            host.replaceTable(19);
            final HtabException error = assertThrows(HtabException.class,
                () -> saver.iterate(new ByteArrayOutputStream()));
            assertEquals(Errno.EBUSY, error.errno());
        }
    }

    @Test
    void shouldAnnounceTheOrderOfAResizedTableAndLoadIt() throws Exception {
        final LiveHtab source = new LiveHtab(HashPageTable.allocate(18));
        source.replaceTable(20);
        source.table().writeEntry(40_000, TableT.V3, TableT.R3);
        final LiveHtab destination = new LiveHtab(HashPageTable.allocate(18));
        final SpaprHtabLoader loader = new SpaprHtabLoader(destination);
        try (SpaprHtabSaver saver = new SpaprHtabSaver(source)) {
            final ByteArrayOutputStream start = new ByteArrayOutputStream();
            saver.setup(start);
            assertEquals("00000014", hex(start.toByteArray()));
            loader.loadPayload(new ByteArrayInputStream(start.toByteArray()), QemuSection.START, 1);
            final ByteArrayOutputStream end = new ByteArrayOutputStream();
            saver.complete(end);
            loader.loadPayload(new ByteArrayInputStream(end.toByteArray()), QemuSection.END, 1);
        }
        assertEquals(20, destination.table().log2Size());
        TableAssert.assertSameEntries(source.table(), destination.table());
    }

    @Test
    void shouldNeverUseItsHandleAfterTheSave() throws Exception {
        final SpaprHtabSaver saver = new SpaprHtabSaver(new LiveHtab(HashPageTable.allocate(18)));
        saver.setup(new ByteArrayOutputStream());
        saver.complete(new ByteArrayOutputStream());
        assertThrows(IllegalStateException.class, () -> saver.iterate(new ByteArrayOutputStream()));
        assertThrows(IllegalStateException.class, () -> saver.complete(new ByteArrayOutputStream()));
    }

    @Test
    void shouldRefuseATableJppcCannotAllocate() {
        final LiveHtab host = new LiveHtab(null);
        final HtabException error = assertThrows(HtabException.class, () -> new SpaprHtabLoader(host)
            .loadPayload(new ByteArrayInputStream(hex("0000002e")), QemuSection.START, 1));
        assertEquals(Errno.ENOMEM, error.errno());
        assertNull(host.table());
    }

    @ParameterizedTest
    @CsvSource({"1, 18", "33554432, 18", "536870912, 22", "536870913, 23",
        "17179869184, 27", "9223372036854775807, 46"})
    void shouldPickQemusOrderForARamSize(final long ram, final int order) {
        assertEquals(order, HtabFormat.orderForRam(ram));
    }

    @Test
    void shouldRefuseToCompleteWhileCpusRun() throws Exception {
        final AtomicBoolean running = new AtomicBoolean(true);
        final LiveHtab host = new LiveHtab(HashPageTable.allocate(18)).cpusRunning(running::get);
        try (SpaprHtabSaver saver = new SpaprHtabSaver(host)) {
            saver.setup(new ByteArrayOutputStream());
            assertEquals(Errno.EBUSY, assertThrows(HtabException.class,
                () -> saver.complete(new ByteArrayOutputStream())).errno());
        }
    }

    @Test
    void shouldLoadTheCapturedSectionsIntoAFreshMachine() throws Exception {
        final LiveHtab host = new LiveHtab(null);
        final SpaprHtabLoader loader = new SpaprHtabLoader(host);
        final byte[] stream = hex("01 00000234 0a" + NAME
            + "00000000 00000001 00000016 7e 00000234"
            + "02 00000234 00000000"
            + "00000000 0002 0000 0000000000009191 0000000000002012 0000000000009201 0000000000003012"
            + "0000000a 0001 0000 0000000000009291 0000000000004012  0000000000000000  7e 00000234"
            + "02 00000234 00000000 00000001 0000 0001 00000003 0001 0000"
            + "0000000000009301 0000000000005012 0000000000000000 7e 00000234"
            + "03 00000234 00000000 0000000000000000 7e 00000234");
        final ByteArrayInputStream in = new ByteArrayInputStream(stream);
        for (int section = 0; section < 4; section++) {
            loader.loadSection(in);
        }
        assertEquals(0, in.available());
        final HashPageTable table = host.table();
        assertEquals(22, table.log2Size());
        assertEquals(TableT.V0, table.v(0));
        assertEquals(0, table.v(1));
        assertEquals(TableT.V3, table.v(3));
        assertEquals(TableT.R10, table.r(10));
        assertEquals(5, loader.entriesLoaded(), "four entries and the removal of entry 1");
    }

    @Test
    void shouldFreeTheTableOnTheNoTableMarker() throws Exception {
        final LiveHtab host = new LiveHtab(HashPageTable.allocate(18));
        new SpaprHtabLoader(host).loadPayload(new ByteArrayInputStream(hex("ffffffff")), QemuSection.PART, 1);
        assertNull(host.table());
    }

    @Test
    void shouldReadExactlyOneSectionAndNoMore() throws Exception {
        final HashPageTable table = TableT.create();
        final byte[] stream = hex("00000000 00000003 0001 0000" + TableT.E3 + END_MARKER + "7e 00000234");
        final ByteArrayInputStream in = new ByteArrayInputStream(stream);
        new SpaprHtabLoader(new LiveHtab(table)).loadPayload(in, QemuSection.PART, 1);
        assertEquals(5, in.available(), "the footer stays in the stream");
        assertEquals(TableT.V3, table.v(3));
    }

    @Test
    void shouldAcceptAnOrderOnlyInAStartSection() throws Exception {
        final LiveHtab host = new LiveHtab(null);
        final SpaprHtabLoader loader = new SpaprHtabLoader(host);
        loader.loadPayload(new ByteArrayInputStream(hex("00000012")), QemuSection.START, 1);
        assertEquals(18, host.table().log2Size());
        final HashPageTable allocated = host.table();
        final HtabException error = assertThrows(HtabException.class,
            () -> loader.loadPayload(new ByteArrayInputStream(hex("00000013")), QemuSection.PART, 1));
        assertEquals(Errno.EINVAL, error.errno());
        assertSame(allocated, host.table());
    }

    @Test
    void shouldRejectABadIndexLikeTheFooterBytesOfADesyncedStream() {
        final HashPageTable table = TableT.create();
        // The 2015 postcopy report: "bad index 2113929216" = 0x7E000000, a footer read as a chunk header.
        final byte[] payload = hex("00000000 7e000000 0000 0000");
        final HtabException error = assertThrows(HtabException.class, () -> new SpaprHtabLoader(new LiveHtab(table))
            .loadPayload(new ByteArrayInputStream(payload), QemuSection.PART, 1));
        assertEquals(Errno.EINVAL, error.errno());
        assertTrue(error.getMessage().contains("bad index 2113929216"), error.getMessage());
    }

    @Test
    void shouldNotLetAChunkRangeWrapAround() {
        final HashPageTable table = TableT.create();
        // QEMU adds the u32 index and the counts in 32 bits: 0xFFFFFFFF + 1 = 0 passes its check.
        final byte[] payload = hex("00000000 ffffffff 0001 0000" + TableT.E3 + END_MARKER);
        assertEquals(Errno.EINVAL, assertThrows(HtabException.class, () -> new SpaprHtabLoader(new LiveHtab(table))
            .loadPayload(new ByteArrayInputStream(payload), QemuSection.PART, 1)).errno());
        TableAssert.assertSameEntries(TableT.create(), table);
    }

    @Test
    void shouldRejectOtherVersions() {
        final HtabException error = assertThrows(HtabException.class, () -> new SpaprHtabLoader(new LiveHtab(null))
            .loadPayload(new ByteArrayInputStream(hex("00000012")), QemuSection.START, 2));
        assertEquals(Errno.EINVAL, error.errno());
    }

    @Test
    void shouldLeaveTheTableAsItWasWhenTheSectionIsBadLate() {
        final HashPageTable table = TableT.create();
        final String good = "00000003 0001 0001" + TableT.E3;
        final String[] badEndings = {
            "0000000f 0002 0000" + TableT.E3 + TableT.E3 + END_MARKER,
            "00000004 0001 0000 0000000000009300 0000000000005012" + END_MARKER,
            "00000004 0001 0000 0000000000009305 0000000000005012" + END_MARKER,
            "00000004 0002 0000" + TableT.E3,
            "000000",
            "",
        };
        for (final String ending : badEndings) {
            final byte[] payload = hex("00000000" + good + ending);
            final HtabException error = assertThrows(HtabException.class, () -> new SpaprHtabLoader(
                new LiveHtab(table)).loadPayload(new ByteArrayInputStream(payload), QemuSection.PART, 1), ending);
            assertEquals(Errno.EINVAL, error.errno());
            TableAssert.assertSameEntries(TableT.create(), table);
        }
    }

    @Test
    void shouldCheckTheFramingOfASection() {
        final String[] bad = {
            "02 00000234 00000000 0000000000000000 7e 00000234",
            "01 00000234 0a" + NAME + "00000000 00000001 00000012 7e 00000235",
            "01 00000234 0a" + NAME + "00000000 00000001 00000012 7f 00000234",
            "01 00000234 04 72616d00 00000000 00000001 00000012 7e 00000234",
            "04 00000234",
        };
        for (final String section : bad) {
            final LiveHtab host = new LiveHtab(null);
            final HtabException error = assertThrows(HtabException.class,
                () -> new SpaprHtabLoader(host).loadSection(new ByteArrayInputStream(hex(section))), section);
            assertEquals(Errno.EINVAL, error.errno());
            assertNull(host.table());
        }
    }

    @Test
    void shouldRefuseToLoadChunksWhileCpusRun() {
        final HashPageTable table = TableT.create();
        final LiveHtab host = new LiveHtab(table).cpusRunning(() -> true);
        final byte[] payload = hex("00000000 00000003 0001 0000" + TableT.E3 + END_MARKER);
        assertEquals(Errno.EBUSY, assertThrows(HtabException.class, () -> new SpaprHtabLoader(host)
            .loadPayload(new ByteArrayInputStream(payload), QemuSection.PART, 1)).errno());
        TableAssert.assertSameEntries(TableT.create(), table);
    }
}
