package dev.jppc.savevm.htab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.PageSizes;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the inputs jppc takes from outside: HTAB fd writes and spapr/htab sections, random and mutated from real
 * output. No exception but {@link HtabException} escapes, nothing outside the table is touched, an error leaves
 * the table as it was, and a success equals an independent, straightforward model of the rules.
 */
class HtabFuzzTest {

    private static final int CASES = 4000;

    @Test
    void shouldSurviveRandomAndMutatedWrites() throws HtabException {
        final Random random = new Random(0x5EED);
        int applied = 0;
        int refused = 0;
        for (int round = 0; round < CASES; round++) {
            final int log2Size = 7 + random.nextInt(4);
            final ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            final RandomEntries entries = new RandomEntries(random, true);
            final HashPageTable table = HashPageTable.allocate(log2Size);
            entries.fill(table, random.nextInt(101));
            final byte[] input = random.nextInt(4) == 0 ? randomBytes(random)
                : mutate(random, readStream(random, entries, log2Size, order));
            final HashPageTable before = copy(table);
            final Expected expected = modelWrite(before, input, order);
            final String context = "round " + round + ", input " + Bytes.hex(input);
            try (HtabFd fd = HtabFd.open(new LiveHtab(table), HtabFd.WRITE, 0, order)) {
                final int n = fd.write(input, 0, input.length);
                assertNotNull(expected.table, context + ": jppc accepted what the model refuses");
                assertEquals(expected.consumed, n, context);
                assertNull(TableAssert.firstDifference(expected.table, table), context);
                applied++;
            } catch (final HtabException e) {
                assertNull(expected.table, context + ": jppc refused what the model accepts: " + e.getMessage());
                assertEquals(Errno.EINVAL, e.errno(), context);
                assertNull(TableAssert.firstDifference(before, table), context + ": an error changed the table");
                refused++;
            } catch (final RuntimeException e) {
                fail(context, e);
            }
        }
        assertEquals(CASES, applied + refused);
        assertTrue(applied > CASES / 10 && refused > CASES / 10,
            "both outcomes are exercised: " + applied + " applied, " + refused + " refused");
    }

    @Test
    void shouldSurviveRandomAndMutatedSections() throws IOException, HtabException {
        final Random random = new Random(0xF00D);
        int loaded = 0;
        int refused = 0;
        for (int round = 0; round < CASES; round++) {
            final int log2Size = 7 + random.nextInt(4);
            final RandomEntries entries = new RandomEntries(random, false);
            final HashPageTable table = HashPageTable.allocate(log2Size);
            entries.fill(table, random.nextInt(101));
            final byte[] input = random.nextInt(4) == 0 ? randomBytes(random)
                : mutate(random, savedPayload(random, entries, log2Size));
            final int type = random.nextInt(8) == 0 ? QemuSection.END : QemuSection.PART;
            final HashPageTable before = copy(table);
            final LiveHtab host = new LiveHtab(table);
            final HashPageTable expected = modelLoad(before, input);
            final String context = "round " + round + ", input " + Bytes.hex(input);
            try {
                new SpaprHtabLoader(host).loadPayload(new ByteArrayInputStream(input), type, 1);
                if (expected == null) {
                    fail(context + ": jppc accepted what the model refuses");
                }
                if (host.table() != null) {
                    assertNull(TableAssert.firstDifference(expected, table), context);
                }
                loaded++;
            } catch (final HtabException e) {
                assertNull(expected, context + ": jppc refused what the model accepts: " + e.getMessage());
                assertEquals(Errno.EINVAL, e.errno(), context);
                assertNull(TableAssert.firstDifference(before, table), context + ": an error changed the table");
                refused++;
            } catch (final RuntimeException e) {
                fail(context, e);
            }
        }
        assertEquals(CASES, loaded + refused);
        assertTrue(loaded > CASES / 10 && refused > CASES / 10,
            "both outcomes are exercised: " + loaded + " loaded, " + refused + " refused");
    }

    @Test
    void shouldSurviveMutatedFramedSections() throws IOException {
        final Random random = new Random(0xBEEF);
        for (int round = 0; round < CASES; round++) {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            QemuSection.writeStart(out, 0x234, QemuSection.HTAB_NAME, 0, 1);
            QemuSection.writeU32(out, 18);
            QemuSection.writeFooter(out, 0x234);
            QemuSection.writeHeader(out, QemuSection.PART, 0x234);
            out.write(Bytes.hex("00000000 00000003 0001 0000" + TableT.E3 + "0000000000000000"));
            QemuSection.writeFooter(out, 0x234);
            final byte[] input = mutate(random, out.toByteArray());
            final LiveHtab host = new LiveHtab(null);
            final SpaprHtabLoader loader = new SpaprHtabLoader(host);
            final ByteArrayInputStream in = new ByteArrayInputStream(input);
            try {
                loader.loadSection(in);
                loader.loadSection(in);
            } catch (final HtabException e) {
                assertEquals(Errno.EINVAL, e.errno(), e.getMessage());
            } catch (final RuntimeException e) {
                fail("round " + round + ", input " + Bytes.hex(input), e);
            }
        }
    }

    private static byte[] randomBytes(final Random random) {
        final byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            // Mostly small numbers, so headers land inside the table now and then.
            for (int i = 0; i < bytes.length; i++) {
                if (random.nextInt(3) != 0) {
                    bytes[i] = 0;
                }
            }
        }
        return bytes;
    }

    /** Bit flips, byte overwrites, truncation, duplication and splicing of a well-formed input. */
    private static byte[] mutate(final Random random, final byte[] input) {
        byte[] bytes = input.clone();
        final int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            final int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0:
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    bytes[at] = (byte) random.nextInt(256);
                    break;
                case 2:
                    bytes = Arrays.copyOf(bytes, at);
                    break;
                case 3: {
                    final int length = Math.min(bytes.length - at, 1 + random.nextInt(24));
                    bytes = Bytes.concat(Arrays.copyOf(bytes, at + length),
                        Arrays.copyOfRange(bytes, at, bytes.length));
                    break;
                }
                case 4:
                    bytes = Bytes.concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, Math.min(bytes.length,
                        at + 1 + random.nextInt(16)), bytes.length));
                    break;
                default:
                    bytes[at] = (byte) 0xFF;
                    break;
            }
        }
        return bytes;
    }

    /** Some of what a reader of a random table emits, the way a migration would pass it on. */
    private static byte[] readStream(final Random random, final RandomEntries entries, final int log2Size,
                                     final ByteOrder order) throws HtabException {
        final HashPageTable source = HashPageTable.allocate(log2Size);
        entries.fill(source, random.nextInt(101));
        try (HtabFd fd = HtabFd.open(new LiveHtab(source), random.nextBoolean() ? HtabFd.BOLTED_ONLY : 0,
            random.nextInt(source.entryCount()), order)) {
            final byte[] buffer = new byte[25 + random.nextInt(600)];
            return Arrays.copyOf(buffer, fd.read(buffer, 0, buffer.length));
        }
    }

    /** A PART payload from a saver over a random table of the same size. */
    private static byte[] savedPayload(final Random random, final RandomEntries entries, final int log2Size)
        throws IOException, HtabException {
        final HashPageTable source = HashPageTable.allocate(log2Size);
        entries.fill(source, random.nextInt(101));
        try (SpaprHtabSaver saver = new SpaprHtabSaver(new LiveHtab(source))) {
            saver.setup(new ByteArrayOutputStream());
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            saver.iterate(out);
            return out.toByteArray();
        }
    }

    private static HashPageTable copy(final HashPageTable table) {
        final HashPageTable copy = HashPageTable.allocate(table.log2Size());
        for (int i = 0; i < table.entryCount(); i++) {
            copy.writeEntry(i, table.v(i), table.r(i));
        }
        return copy;
    }

    private static final class Expected {
        final HashPageTable table;
        final int consumed;

        Expected(final HashPageTable table, final int consumed) {
            this.table = table;
            this.consumed = consumed;
        }
    }

    private static boolean entryAccepted(final long v, final long r) {
        return (v & Hpte.V_VALID) != 0 && PageSizes.baseShiftAnyBase(v, r) != 0;
    }

    /** W2-W6 as plainly as possible, all or nothing; a null table means EINVAL. */
    private static Expected modelWrite(final HashPageTable before, final byte[] input, final ByteOrder order) {
        final HashPageTable after = copy(before);
        final ByteBuffer data = ByteBuffer.wrap(input);
        final long npte = after.entryCount();
        int nb = 0;
        while (nb + 8 <= input.length) {
            data.order(order);
            final long index = data.getInt(nb) & 0xFFFF_FFFFL;
            final int nValid = data.getShort(nb + 4) & 0xFFFF;
            final int nInvalid = data.getShort(nb + 6) & 0xFFFF;
            if (nb + 8 + 16L * nValid > input.length) {
                break;
            }
            if (index >= npte || index + nValid + nInvalid > npte) {
                return new Expected(null, 0);
            }
            data.order(ByteOrder.BIG_ENDIAN);
            for (int k = 0; k < nValid; k++) {
                final long v = data.getLong(nb + 8 + 16 * k);
                final long r = data.getLong(nb + 16 + 16 * k);
                if (!entryAccepted(v, r)) {
                    return new Expected(null, 0);
                }
                after.writeEntry((int) index + k, v & ~0x60L, r & ~(1L << 62));
            }
            for (int k = 0; k < nInvalid; k++) {
                final int slot = (int) index + nValid + k;
                if ((after.v(slot) & 0x21) != 0) {
                    after.writeEntry(slot, 0, 0);
                }
            }
            nb += 8 + 16 * nValid;
        }
        return new Expected(after, nb);
    }

    /** htab_load for a PART/END payload, all or nothing; null means EINVAL. */
    private static HashPageTable modelLoad(final HashPageTable before, final byte[] input) {
        final HashPageTable after = copy(before);
        final ByteBuffer data = ByteBuffer.wrap(input);
        if (input.length < 4) {
            return null;
        }
        final long first = data.getInt(0) & 0xFFFF_FFFFL;
        if (first == 0xFFFF_FFFFL) {
            return after;
        }
        if (first != 0) {
            return null;
        }
        int at = 4;
        while (true) {
            if (at + 8 > input.length) {
                return null;
            }
            final long index = data.getInt(at) & 0xFFFF_FFFFL;
            final int nValid = data.getShort(at + 4) & 0xFFFF;
            final int nInvalid = data.getShort(at + 6) & 0xFFFF;
            at += 8;
            if (index == 0 && nValid == 0 && nInvalid == 0) {
                return after;
            }
            if (index + nValid + nInvalid > after.entryCount() || at + 16L * nValid > input.length) {
                return null;
            }
            for (int k = 0; k < nValid; k++) {
                final long v = data.getLong(at);
                final long r = data.getLong(at + 8);
                if (!entryAccepted(v, r)) {
                    return null;
                }
                after.writeEntry((int) index + k, v & ~0x60L, r & ~(1L << 62));
                at += 16;
            }
            for (int k = 0; k < nInvalid; k++) {
                after.writeEntry((int) index + nValid + k, 0, 0);
            }
        }
    }
}
