package dev.jppc.savevm.htab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stress: a guest thread changes the table at full speed through every path (hypercall-style writes, compare-and-set,
 * H_PROTECT/H_CLEAR_* style r updates, MMU R/C updates from loads and stores, bare-machine guest stores, table
 * resets) while another thread streams it to a destination, through the HTAB fd or through the spapr/htab stream.
 * No entry is ever emitted torn; after the guest stops and a final pass the two tables hold the same bytes.
 */
class HtabFdConcurrencyTest {

    private static final int SEEDS = 12;
    private static final int CHANGES = 120_000;
    private static final long RPN_MIX = 0x9E37_79B9_7F4A_7C15L;

    static IntStream seeds() {
        return IntStream.range(0, SEEDS);
    }

    /** Every valid entry the guest writes has this real page number: a torn read (new v, old r) shows. */
    static long rpnOf(final long v) {
        return (v * RPN_MIX) & Hpte.R_ARPN;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldStreamAPseriesTableThroughTheFd(final int seed) throws Exception {
        run(GuestFixture.pseries(12 + seed % 3), seed, false);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldStreamABareTableThroughTheFd(final int seed) throws Exception {
        run(GuestFixture.bare(), seed, false);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldStreamAPseriesTableThroughTheSectionStream(final int seed) throws Exception {
        run(GuestFixture.pseries(12 + seed % 3), seed, true);
    }

    private static void run(final GuestFixture guest, final int seed, final boolean viaStream) throws Exception {
        final HashPageTable source = guest.table;
        final HashPageTable destination = HashPageTable.allocate(source.log2Size());
        final AtomicBoolean guestRunning = new AtomicBoolean(true);
        final LiveHtab sourceHost = new LiveHtab(source).cpusRunning(guestRunning::get);
        final ByteOrder order = seed % 2 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        final Streamer streamer = viaStream ? new SectionStreamer(sourceHost, destination, order)
            : new FdStreamer(sourceHost, destination, order, seed);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread reader = new Thread(() -> {
            try {
                while (guestRunning.get()) {
                    streamer.step();
                }
            } catch (final Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "htab-reader");
        final Mutator mutator = new Mutator(guest, new Random(seed));
        reader.start();
        try {
            // At least CHANGES changes, and more until the reader has streamed a few times meanwhile.
            for (int n = 0; n < CHANGES || streamer.concurrentReads() < 3 && n < 100 * CHANGES; n++) {
                mutator.change();
            }
        } finally {
            guestRunning.set(false);
            reader.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("reader failed (seed " + seed + ")", failure.get());
        }
        streamer.finish();
        assertEquals(null, TableAssert.firstDifference(source, destination), "seed " + seed);
        assertTrue(streamer.concurrentReads() >= 3, "the reader ran while the guest changed the table");
    }

    /** The guest: every change keeps the invariant r's RPN = rpnOf(v) for present entries; absent ones are zero. */
    private static final class Mutator {
        private final GuestFixture guest;
        private final HashPageTable table;
        private final Random random;
        private final int pages;

        Mutator(final GuestFixture guest, final Random random) {
            this.guest = guest;
            this.table = guest.table;
            this.random = random;
            pages = Math.min(64, table.entryCount() / 8);
        }

        private long randomV() {
            return (random.nextLong() & Hpte.V_AVPN) | (random.nextBoolean() ? Hpte.V_BOLTED : 0) | Hpte.V_VALID;
        }

        private static long rFor(final long v, final long flags) {
            return rpnOf(v) | flags;
        }

        void change() {
            final int index = random.nextInt(table.entryCount());
            final boolean present = HtabFormat.isPresent(table.v(index));
            final boolean bare = table.isInGuestMemory();
            switch (random.nextInt(10)) {
                case 0: {
                    final long v = randomV();
                    enter(index, v, rFor(v, 0x12), present, bare);
                    break;
                }
                case 1:
                    if (present) {
                        remove(index, bare);
                    }
                    break;
                case 2:
                    if (present) {
                        protect(index, random.nextInt(8), bare);
                    }
                    break;
                case 3:
                    if (present) {
                        // H_CLEAR_REF / H_CLEAR_MOD.
                        table.updateR(index, random.nextBoolean() ? Hpte.R_REFERENCED : Hpte.R_CHANGED, 0);
                    }
                    break;
                case 4:
                    if (present) {
                        final long v = randomV();
                        table.compareAndSetEntry(index, table.v(index), v, rFor(v, 0x12));
                    }
                    break;
                case 5:
                    table.markChanged(index);
                    break;
                case 6:
                case 7:
                case 8: {
                    // Loads and stores through the MMU set R and C; map the page first when its entry is gone.
                    final int page = random.nextInt(pages);
                    final int slot = page & 7;
                    final int pageIndex = guest.pageIndex(page, slot);
                    if (table.v(pageIndex) != guest.pageV(page)) {
                        final long v = guest.pageV(page);
                        enter(pageIndex, v, rFor(v, 0x12), HtabFormat.isPresent(table.v(pageIndex)), bare);
                    }
                    guest.touch(page, random.nextBoolean());
                    break;
                }
                default:
                    if (random.nextInt(2000) == 0) {
                        table.clear();
                    } else {
                        table.markGroupChanged(index >>> 3);
                    }
                    break;
            }
        }

        private void enter(final int index, final long v, final long r, final boolean present, final boolean bare) {
            if (!bare) {
                table.writeEntry(index, v, r);
            } else if (random.nextBoolean()) {
                guest.guestStoreQuad(index, v, r);
            } else {
                if (present) {
                    remove(index, true);
                }
                guest.guestStore(index, v, r);
            }
        }

        private void remove(final int index, final boolean bare) {
            if (bare) {
                // V goes first, as a guest invalidates before it clears the rest.
                final long address = table.realBase() + index * 16L;
                guest.mmu.storeReal(address, 0, 8, ByteOrder.BIG_ENDIAN);
                guest.mmu.storeReal(address + 8, 0, 8, ByteOrder.BIG_ENDIAN);
            } else {
                table.writeEntry(index, 0, 0);
            }
        }

        private void protect(final int index, final int ppn, final boolean bare) {
            final long cleared = Hpte.R_PP | Hpte.R_NO_EXECUTE;
            if (bare) {
                final long r = (table.r(index) & ~cleared) | ppn;
                guest.mmu.storeReal(table.realBase() + index * 16L + 8, r, 8, ByteOrder.BIG_ENDIAN);
            } else {
                table.updateR(index, cleared, ppn);
                table.markChanged(index);
            }
        }
    }

    private interface Streamer {
        void step() throws Exception;

        void finish() throws Exception;

        long concurrentReads();
    }

    /** Reads through random buffer sizes, checks every record, writes it into the destination. */
    private static final class FdStreamer implements Streamer {
        private final HtabFd reader;
        private final HtabFd writer;
        private final ByteOrder order;
        private final Random random;
        private final byte[] buffer = new byte[16384];
        private final UnsafeBuffer view = new UnsafeBuffer(buffer);
        private volatile long reads;

        FdStreamer(final HtabHost source, final HashPageTable destination, final ByteOrder order, final int seed)
            throws HtabException {
            reader = HtabFd.open(source, 0, 0, order);
            writer = HtabFd.open(new LiveHtab(destination), HtabFd.WRITE, 0, order);
            this.order = order;
            random = new Random(~seed);
        }

        @Override
        public void step() throws HtabException {
            final int count = random.nextInt(8) == 0 ? random.nextInt(64) : 25 + random.nextInt(buffer.length - 25);
            if (transfer(count) > 0) {
                reads++;
            }
        }

        private int transfer(final int count) throws HtabException {
            final int n = reader.read(buffer, 0, count);
            check(n);
            assertEquals(n, writer.write(buffer, 0, n));
            return n;
        }

        private void check(final int n) {
            int at = 0;
            while (at < n) {
                final long index = HtabFormat.headerIndex(view, at, order);
                final int nValid = HtabFormat.headerValid(view, at, order);
                at += HtabFormat.HEADER_BYTES;
                for (int k = 0; k < nValid; k++) {
                    final long v = view.getLong(at, ByteOrder.BIG_ENDIAN);
                    final long r = view.getLong(at + 8, ByteOrder.BIG_ENDIAN);
                    if ((r & Hpte.R_ARPN) != rpnOf(v)) {
                        throw new AssertionError(String.format("entry %d emitted torn: v %016x r %016x", index + k,
                            v, r));
                    }
                    at += HtabFormat.HPTE_BYTES;
                }
            }
        }

        @Override
        public void finish() throws HtabException {
            while (true) {
                final boolean fromStart = reader.position() == 0 && !reader.inFirstPass();
                if (transfer(25 + random.nextInt(buffer.length - 25)) == 0 && fromStart) {
                    break;
                }
            }
            reader.close();
            writer.close();
        }

        @Override
        public long concurrentReads() {
            return reads;
        }
    }

    /** A live migration: PART sections while the guest runs, then END; each loaded into the destination. */
    private static final class SectionStreamer implements Streamer {
        private final SpaprHtabSaver saver;
        private final SpaprHtabLoader loader;
        private volatile long parts;

        SectionStreamer(final HtabHost source, final HashPageTable destination, final ByteOrder order)
            throws Exception {
            saver = new SpaprHtabSaver(source, order, SpaprHtabSaver.FirstPass.WITH_INVALID_RUNS, 200_000,
                System::nanoTime);
            loader = new SpaprHtabLoader(new LiveHtab(destination));
            saver.setup(new ByteArrayOutputStream());
        }

        @Override
        public void step() throws Exception {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            saver.iterate(out);
            loader.loadPayload(new ByteArrayInputStream(out.toByteArray()), QemuSection.PART, 1);
            parts++;
        }

        @Override
        public void finish() throws Exception {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            saver.complete(out);
            loader.loadPayload(new ByteArrayInputStream(out.toByteArray()), QemuSection.END, 1);
        }

        @Override
        public long concurrentReads() {
            return parts;
        }
    }
}
