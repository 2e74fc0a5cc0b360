package dev.jppc.mmu.hash;

import static dev.jppc.mmu.hash.MmuFixture.KERNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A randomly filled table translates every page it maps and faults every page it does not, for every segment
 * size and (base, actual) page-size pair, with entries in primary and secondary groups.
 */
class HashMmuPropertyTest {

    private static final int SEGMENTS = 16;
    private static final long RW = 0x12;

    private static final class Mapping {
        final int segment;
        final long basePageOffset;
        final long realPage;

        Mapping(final int segment, final long basePageOffset, final long realPage) {
            this.segment = segment;
            this.basePageOffset = basePageOffset;
            this.realPage = realPage;
        }
    }

    @ParameterizedTest(name = "1T {0}, base {1}, actual {2}")
    @CsvSource({
        "false, 12, 12", "false, 12, 16", "false, 12, 24", "false, 16, 16", "false, 16, 24", "false, 24, 24",
        "true, 12, 12", "true, 12, 16", "true, 12, 24", "true, 16, 16", "true, 16, 24", "true, 24, 24",
        "true, 34, 34",
    })
    void shouldTranslateMappedPagesAndFaultTheOthers(final boolean oneTerabyte, final int base, final int actual) {
        final Random random = new Random(31L * base + actual + (oneTerabyte ? 1000 : 0));
        final MmuFixture f = MmuFixture.pseries();
        final int segmentShift = oneTerabyte ? 40 : 28;
        final long[] vsids = new long[SEGMENTS];
        final long[] segmentBases = new long[SEGMENTS];
        final Set<Long> usedVsids = new HashSet<>();
        for (int s = 0; s < SEGMENTS; s++) {
            long vsid;
            do {
                vsid = (random.nextLong() >>> 1) & (oneTerabyte ? 0xFF_FFFFFL : 0xF_FFFF_FFFFL);
            } while (!usedVsids.add(vsid));
            vsids[s] = vsid;
            segmentBases[s] = 0xC000_0000_0000_0000L | ((long) (s + 1) << segmentShift);
            f.segment(s, segmentBases[s], vsid, oneTerabyte, base, 0x400);
        }
        final long pagesPerSegment = 1L << (segmentShift - actual);
        final int wanted = (int) Math.min(400, pagesPerSegment * SEGMENTS / 2);
        final Set<Long> mappedActualPages = new HashSet<>();
        final List<Mapping> mappings = new ArrayList<>();
        int secondary = 0;
        while (mappings.size() < wanted) {
            final int s = random.nextInt(SEGMENTS);
            final long actualPage = (random.nextLong() >>> 1) % pagesPerSegment;
            if (!mappedActualPages.add(((long) s << 40) | actualPage)) {
                continue;
            }
            final long subPage = random.nextInt(1 << (actual - base));
            final long offset = (actualPage << actual) | (subPage << base);
            final long realPage = actual == 34 ? (random.nextInt(4) + 1L) << 34
                : ((random.nextLong() >>> 1) % (MmuFixture.RAM_SIZE >>> actual)) << actual;
            final int index = f.mapAnywhere(segmentBases[s] | offset, vsids[s], oneTerabyte, base, actual, realPage,
                RW, random.nextBoolean());
            if (index < 0) {
                mappedActualPages.remove(((long) s << 40) | actualPage);
                break;
            }
            if ((f.table.v(index) & Hpte.V_SECONDARY) != 0) {
                secondary++;
            }
            mappings.add(new Mapping(s, offset, realPage));
        }
        assertTrue(mappings.size() > wanted / 2, "the table took too few mappings");

        for (final Mapping m : mappings) {
            final long within = (random.nextLong() >>> 1) & ((1L << base) - 1);
            final long ea = segmentBases[m.segment] | m.basePageOffset | within;
            final long expected = m.realPage | ((m.basePageOffset | within) & ((1L << actual) - 1));
            final long ra = f.mmu.translate(ea, HashMmu.LOAD, KERNEL, false);
            if (expected < MmuFixture.RAM_SIZE) {
                assertEquals(expected, ra, () -> String.format("ea 0x%x", ea));
            } else {
                assertEquals(HashMmu.OUTSIDE_RAM, ra, () -> String.format("ea 0x%x", ea));
                assertEquals(expected, f.mmu.outsideRamAddress);
            }
            assertEquals(actual, f.mmu.lastPageShift);
        }

        int unmapped = 0;
        while (unmapped < wanted) {
            final int s = random.nextInt(SEGMENTS);
            final long offset = (random.nextLong() >>> 1) & ((1L << segmentShift) - 1);
            if (mappedActualPages.contains(((long) s << 40) | (offset >>> actual))) {
                continue;
            }
            unmapped++;
            final long ea = segmentBases[s] | offset;
            assertEquals(HashMmu.FAULT, f.mmu.translate(ea, HashMmu.LOAD, KERNEL, false),
                () -> String.format("unmapped ea 0x%x", ea));
            assertEquals(HashMmu.VECTOR_DSI, f.mmu.faultVector);
            assertEquals(HashMmu.DSISR_NO_TRANSLATION, f.mmu.faultDsisr);
            assertEquals(HashMmu.FAULT, f.mmu.translate(ea, HashMmu.FETCH, KERNEL, false));
            assertEquals(HashMmu.SRR1_NO_TRANSLATION, f.mmu.faultSrr1);
        }
        assertTrue(secondary > 0, "expected some secondary placements");
    }
}
