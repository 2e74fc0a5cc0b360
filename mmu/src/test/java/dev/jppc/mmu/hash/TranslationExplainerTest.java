package dev.jppc.mmu.hash;

import static dev.jppc.mmu.hash.MmuFixture.HV_REAL;
import static dev.jppc.mmu.hash.MmuFixture.HV_TRANSLATED;
import static dev.jppc.mmu.hash.MmuFixture.KERNEL;
import static dev.jppc.mmu.hash.MmuFixture.USER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.jppc.mmu.Hex;
import dev.jppc.mmu.hash.TranslationExplanation.GroupSearch;
import dev.jppc.mmu.hash.TranslationExplanation.Outcome;
import dev.jppc.mmu.hash.TranslationExplanation.Outcome.Kind;
import dev.jppc.mmu.hash.TranslationExplanation.SegmentMatch;
import dev.jppc.mmu.hash.TranslationExplanation.Step;
import dev.jppc.mmu.tlb.Tlb;
import dev.jppc.mmu.track.ChangeReader;
import dev.jppc.mmu.track.DirtyPageTracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The explainer's conclusion is what {@link HashMmu#translate} then does, and explaining changes nothing: not the
 * table's bytes, its change marks, the dirty pages or the TLBs.
 */
class TranslationExplainerTest {

    private static final long VSID = 0x4_5678L;
    private static final long M = Hpte.R_COHERENT;

    private static long ppBits(final int pp) {
        return ((pp & 4) != 0 ? Hpte.R_PP0 : 0) | (pp & 3);
    }

    private static int access(final String name) {
        return switch (name) {
            case "fetch" -> HashMmu.FETCH;
            case "load" -> HashMmu.LOAD;
            default -> HashMmu.STORE;
        };
    }

    /** Everything translate may change and explain must not. */
    private record State(long[] entries, long[][] tlbTags, long[] registers) {
        static State of(final HashMmu mmu) {
            final HashPageTable table = mmu.table();
            final long[] entries = new long[table == null ? 0 : 2 * table.entryCount()];
            for (int i = 0; table != null && i < table.entryCount(); i++) {
                table.readEntry(i, entries, 2 * i);
            }
            final long[][] tags = {mmu.fetchTlb.tag.clone(), mmu.loadTlb.tag.clone(), mmu.storeTlb.tag.clone()};
            final long[] registers = {mmu.faultVector, mmu.faultDar, mmu.faultDsisr, mmu.faultSrr1,
                mmu.outsideRamAddress, mmu.lastHpteIndex, mmu.lastPageShift};
            return new State(entries, tags, registers);
        }

        void assertSame(final State other) {
            assertArrayEquals(entries, other.entries, "page table changed");
            for (int i = 0; i < tlbTags.length; i++) {
                assertArrayEquals(tlbTags[i], other.tlbTags[i], "TLB " + i + " changed");
            }
            assertArrayEquals(registers, other.registers, "fault or result fields changed");
        }
    }

    /**
     * Explains, checks that nothing changed, then translates and checks the explanation predicted the result, the
     * fault registers and the R/C update exactly.
     */
    private static TranslationExplanation explainThenTranslate(final HashMmu mmu, final DirtyPageTracker dirty,
                                                               final long ea, final int access, final long msr) {
        final ChangeReader dirtyReader = dirty.openReader(false);
        final ChangeReader tableReader = mmu.table() == null ? null : mmu.table().changes().openReader(false);
        final State before = State.of(mmu);
        final TranslationExplanation explanation = new TranslationExplainer(mmu).explain(ea, access, msr);
        before.assertSame(State.of(mmu));
        assertTrue(dirtyReader.isEmpty(), "explaining marked a dirty page");
        assertTrue(tableReader == null || tableReader.isEmpty(), "explaining marked an HPTE changed");
        dirtyReader.close();
        if (tableReader != null) {
            tableReader.close();
        }
        final Outcome outcome = explanation.outcome();
        final long rBefore = outcome.hpteIndex() >= 0 ? mmu.table().r(outcome.hpteIndex()) : 0;
        final long ra = mmu.translate(ea, access, msr, true);
        assertEquals(outcome.translateResult(), ra, explanation::render);
        switch (outcome.kind()) {
            case FAULT, MACHINE_CHECK -> {
                assertEquals(outcome.vector(), mmu.faultVector);
                assertEquals(outcome.dar(), mmu.faultDar);
                assertEquals(outcome.dsisr(), mmu.faultDsisr);
                assertEquals(outcome.srr1(), mmu.faultSrr1);
            }
            case OUTSIDE_RAM -> assertEquals(outcome.realAddress(), mmu.outsideRamAddress);
            case RAM -> {
            }
        }
        if (outcome.kind() == Kind.RAM || outcome.kind() == Kind.OUTSIDE_RAM) {
            assertEquals(outcome.hpteIndex(), mmu.lastHpteIndex);
            assertEquals(outcome.pageShift(), mmu.lastPageShift);
        }
        if (outcome.hpteIndex() >= 0) {
            assertEquals(rBefore | outcome.recorded(), mmu.table().r(outcome.hpteIndex()), "R/C update");
        }
        assertFalse(explanation.render().isEmpty());
        return explanation;
    }

    private static TranslationExplanation check(final MmuFixture f, final long ea, final int access,
                                                final long msr) {
        return explainThenTranslate(f.mmu, f.dirty, ea, access, msr);
    }

    private static <T extends Step> T step(final TranslationExplanation e, final Class<T> type, final int nth) {
        int seen = 0;
        for (final Step s : e.steps()) {
            if (type.isInstance(s) && seen++ == nth) {
                return type.cast(s);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " #" + nth + " in\n" + e.render());
    }

    /** Every (base, actual) page size pair, both segment sizes, primary and secondary group, load and store. */
    @ParameterizedTest(name = "base {0} actual {1} 1T={2} secondary={3}")
    @CsvSource({
        "12, 12, false, false", "12, 12, true, true", "12, 16, false, true", "12, 16, true, false",
        "12, 24, false, false", "12, 24, true, true", "16, 16, false, false", "16, 16, false, true",
        "16, 16, true, true", "16, 24, true, false", "16, 24, false, true", "24, 24, false, false",
        "24, 24, true, true", "34, 34, true, false", "34, 34, true, true",
    })
    void shouldPredictTranslationForEveryPageSize(final int base, final int actual, final boolean oneTerabyte,
                                                  final boolean secondary) {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = oneTerabyte ? 0xC000_0012_3456_789AL : 0xC000_0000_0123_4567L;
        final long realPage = actual >= 34 ? 1L << 34 : 0x0100_0000L;
        f.segment(3, ea, VSID, oneTerabyte, base, Slb.VSID_KP);
        // A decoy in the primary group: same hash, different AVPN; then the real entry.
        final long offset = MmuFixture.segmentOffset(ea, oneTerabyte);
        final int group = (int) (MmuFixture.hash(VSID, oneTerabyte, offset, base) & f.table.groupMask());
        f.table.writeEntry(group * 8, MmuFixture.v(VSID + 1, oneTerabyte, offset, actual, false),
            MmuFixture.r(0, base, actual, M));
        final int index = f.map(ea, VSID, oneTerabyte, base, actual, realPage, M, secondary, 5);

        final TranslationExplanation load = check(f, ea, HashMmu.LOAD, KERNEL);
        assertEquals(index, load.outcome().hpteIndex());
        assertEquals(actual, load.outcome().pageShift());
        assertEquals(actual >= 34 ? Kind.OUTSIDE_RAM : Kind.RAM, load.outcome().kind());
        assertEquals(Hpte.R_REFERENCED, load.outcome().recorded());
        final SegmentMatch segment = step(load, SegmentMatch.class, 0);
        assertEquals(3, segment.index());
        assertEquals(oneTerabyte, segment.oneTerabyte());
        assertEquals(base, segment.baseShift());
        final GroupSearch primary = step(load, GroupSearch.class, 0);
        assertFalse(primary.secondary());
        assertEquals("AVPN differs", primary.slots().get(0).reason());
        if (secondary) {
            assertNull(primary.match());
            assertEquals(8, primary.slots().size());
            assertEquals(index, step(load, GroupSearch.class, 1).match().index());
        } else {
            assertEquals(index, primary.match().index());
            assertEquals(6, primary.slots().size());
        }
        final TranslationExplanation store = check(f, ea, HashMmu.STORE, KERNEL);
        assertEquals(Hpte.R_CHANGED, store.outcome().recorded());
        assertEquals(0, check(f, ea + 8, HashMmu.STORE, KERNEL).outcome().recorded());
    }

    @ParameterizedTest(name = "pp {0} {1} {2}")
    @CsvSource({
        "0, kernel, store", "3, kernel, store", "3, kernel, fetch", "6, kernel, store", "4, kernel, load",
        "7, kernel, fetch", "0, user, load", "0, user, fetch", "1, user, store", "2, user, store",
        "3, user, store", "6, user, fetch", "5, user, load",
    })
    void shouldPredictThePpTable(final int pp, final String state, final String kind) {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0012_3456L;
        f.segment(7, ea, VSID, false, 12, Slb.VSID_KP);
        f.map(ea, VSID, false, 12, 12, 0x3_0000L, M | ppBits(pp), false, 4);
        check(f, ea, access(kind), state.equals("user") ? USER : KERNEL);
    }

    /** Fault causes on a mapped page: no-execute, guarded, storage keys, and several ORed together. */
    @ParameterizedTest(name = "r flags {0} amr {1} iamr {2} {3} {4}")
    @CsvSource({
        "0x4, 0, 0, fetch, kernel, 0x1000_0000", "0x8, 0, 0, fetch, kernel, 0x1000_0000",
        "0x4, 0, 0, fetch, user, 0x1800_0000", "0xA00, 0x0020_0000_0000_0000, 0, store, kernel, 0x0220_0000",
        "0xA01, 0x0010_0000_0000_0000, 0, load, user, 0x0020_0000",
        "0xA03, 0x0030_0000_0000_0000, 0, store, kernel, 0x0A20_0000",
        "0xA00, 0, 0x0010_0000_0000_0000, fetch, kernel, 0x0020_0000",
    })
    void shouldPredictProtectionFaults(final String rFlags, final String amr, final String iamr, final String kind,
                                       final String state, final String bits) {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0012_3456L;
        f.segment(7, ea, VSID, false, 12, Slb.VSID_KP);
        f.map(ea, VSID, false, 12, 12, 0x3_0000L, M | Hex.parse(rFlags), false, 0);
        f.mmu.setAmr(Hex.parse(amr));
        f.mmu.setIamr(Hex.parse(iamr));
        final Outcome outcome = check(f, ea, access(kind), state.equals("user") ? USER : KERNEL).outcome();
        assertEquals(Kind.FAULT, outcome.kind());
        assertEquals(Hex.parse(bits), kind.equals("fetch") ? outcome.srr1() : outcome.dsisr());
    }

    @Test
    void shouldPredictSegmentFaults() {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0012_3456L;
        f.segment(0, 0, VSID, false, 12, 0);
        final Outcome data = check(f, ea, HashMmu.LOAD, KERNEL).outcome();
        assertEquals(HashMmu.VECTOR_DATA_SEGMENT, data.vector());
        assertEquals(ea, data.dar());
        assertEquals(HashMmu.VECTOR_INSTRUCTION_SEGMENT, check(f, ea, HashMmu.FETCH, KERNEL).outcome().vector());
        assertTrue(check(f, ea, HashMmu.STORE, KERNEL).render().contains("none of the 1 valid entries"));
    }

    @Test
    void shouldPredictANoExecuteSegmentAndNoTranslation() {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0012_3456L;
        f.segment(7, ea, VSID, false, 16, Slb.VSID_KP | Slb.VSID_N);
        assertEquals(HashMmu.SRR1_NO_EXECUTE, check(f, ea, HashMmu.FETCH, KERNEL).outcome().srr1());
        final TranslationExplanation load = check(f, ea, HashMmu.LOAD, KERNEL);
        assertEquals(HashMmu.DSISR_NO_TRANSLATION, load.outcome().dsisr());
        assertEquals(2, load.steps().stream().filter(GroupSearch.class::isInstance).count());
        assertTrue(load.render().contains("no entry matches"), load::render);
        assertEquals(HashMmu.DSISR_NO_TRANSLATION | HashMmu.DSISR_STORE,
            check(f, ea, HashMmu.STORE, KERNEL).outcome().dsisr());
        f.segment(7, ea, VSID, false, 16, Slb.VSID_KP);
        assertEquals(HashMmu.SRR1_NO_TRANSLATION, check(f, ea, HashMmu.FETCH, KERNEL).outcome().srr1());
    }

    /** Entries that share the group but differ in one field are each skipped with their own reason. */
    @Test
    void shouldSayWhyEachEntryDoesNotMatch() {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0123_0000L;
        f.segment(1, ea, VSID, false, 16, Slb.VSID_KP);
        final long offset = MmuFixture.segmentOffset(ea, false);
        final int group = (int) (MmuFixture.hash(VSID, false, offset, 16) & f.table.groupMask());
        final long v = MmuFixture.v(VSID, false, offset, 16, false);
        final long r = MmuFixture.r(0x10_0000L, 16, 16, M);
        f.table.writeEntry(group * 8 + 1, v & ~Hpte.V_VALID, r);
        f.table.writeEntry(group * 8 + 2, v | 1L << 62, r);
        f.table.writeEntry(group * 8 + 3, v | Hpte.V_SECONDARY, r);
        f.table.writeEntry(group * 8 + 4, v, MmuFixture.r(0x10_0000L, 12, 16, M));
        f.table.writeEntry(group * 8 + 5, v & ~Hpte.V_LARGE, r);
        f.table.writeEntry(group * 8 + 6, v ^ 0x80, r);
        f.table.writeEntry(group * 8 + 7, v, r);
        final TranslationExplanation e = check(f, ea, HashMmu.LOAD, KERNEL);
        final List<String> reasons = step(e, GroupSearch.class, 0).slots().stream()
            .map(TranslationExplanation.SlotCheck::reason).toList();
        assertEquals(List.of("empty", "empty", "segment size B differs", "H=1: a secondary-group entry",
            "L=1 and LP do not decode for 64K base pages", "L=0 (a 4K page) in a segment of 64K base pages",
            "AVPN differs", "match, a 64K page"), reasons);
        assertEquals(group * 8 + 7, e.outcome().hpteIndex());
    }

    @Test
    void shouldPredictRealMode() {
        final MmuFixture f = MmuFixture.bare(0x20_0000L);
        f.mmu.setHrmor(0x10_0000L);
        assertEquals(0x10_1234L, check(f, 0x1234L, HashMmu.LOAD, HV_REAL).outcome().realAddress());
        assertEquals(0x1234L, check(f, 0x8000_0000_0000_1234L, HashMmu.STORE, HV_REAL).outcome().realAddress());
        assertEquals(Kind.OUTSIDE_RAM, check(f, 0x6000_0000_0000L, HashMmu.LOAD, HV_REAL).outcome().kind());
        final long guestReal = HashMmu.MSR_SF;
        assertEquals(Kind.RAM, check(f, 0xC000_0000_0000_1000L, HashMmu.FETCH, guestReal).outcome().kind());
        assertEquals(Kind.MACHINE_CHECK, check(f, 0x1_0000_0000L, HashMmu.LOAD, guestReal).outcome().kind());
        assertEquals(0x5000L, check(f, 0xFFFF_FFFF_0000_5000L, HashMmu.LOAD, 0).outcome().realAddress());
    }

    @Test
    void shouldPredictA32BitTranslation() {
        final MmuFixture f = MmuFixture.pseries();
        f.segment(0, 0, VSID, false, 12, 0);
        f.map(0x1000, VSID, false, 12, 12, 0x7000, M, false, 0);
        final TranslationExplanation e = check(f, 0xFFFF_FFFF_0000_1008L, HashMmu.LOAD, KERNEL & ~HashMmu.MSR_SF);
        assertEquals(0x7008L, e.outcome().realAddress());
        assertTrue(e.render().contains("high word is dropped"), e::render);
    }

    @Test
    void shouldShowTheGroupsOfATableInRamByRealAddress() {
        final MmuFixture f = MmuFixture.bare(0x40_0000L);
        final long ea = 0x1000_0000L;
        f.segment(0, ea, VSID, false, 12, 0);
        final int index = f.map(ea, VSID, false, 12, 12, 0x9000, M | 0x3, true, 7);
        final TranslationExplanation e = check(f, ea, HashMmu.STORE, HV_TRANSLATED);
        assertEquals(HashMmu.DSISR_PROTECTION | HashMmu.DSISR_STORE, e.outcome().dsisr());
        assertTrue(e.render().contains(String.format("real address 0x%x", 0x40_0000L + (index / 8) * 128L)),
            e::render);
        assertEquals(0x9000L, check(f, ea, HashMmu.LOAD, HV_TRANSLATED).outcome().realAddress());
    }

    @Test
    void shouldPredictTablesThatDoNotExist() {
        final MmuFixture f = MmuFixture.bare(0x40_0000L);
        f.segment(0, 0, VSID, false, 12, 0);
        f.mmu.setSdr1(0x7FFC_0000L);
        assertEquals(Kind.MACHINE_CHECK, check(f, 0x1000, HashMmu.LOAD, HV_TRANSLATED).outcome().kind());
        final DirtyPageTracker dirty = new DirtyPageTracker(f.memory.size(), 12);
        final HashMmu noTable = new HashMmu(f.memory, dirty);
        noTable.slbmte(MmuFixture.slbRs(VSID, false, 12, 0), MmuFixture.slbRb(0, false, 0));
        final Outcome outcome = explainThenTranslate(noTable, dirty, 0x1000, HashMmu.FETCH, KERNEL).outcome();
        assertEquals(HashMmu.SRR1_NO_TRANSLATION, outcome.srr1());
    }

    @Test
    void shouldLeaveFilledTlbsAlone() {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0012_3456L;
        f.segment(7, ea, VSID, false, 12, Slb.VSID_KP);
        f.map(ea, VSID, false, 12, 12, 0x3_0000L, M, false, 4);
        f.mmu.translate(ea, HashMmu.STORE, KERNEL, true);
        assertTrue(f.mmu.storeTlb.validCount() > 0);
        final long[] tags = f.mmu.storeTlb.tag.clone();
        final TranslationExplanation e = new TranslationExplainer(f.mmu).explain(ea + 0x1000, HashMmu.STORE,
            KERNEL);
        assertArrayEquals(tags, f.mmu.storeTlb.tag);
        assertEquals(Tlb.ENTRIES, f.mmu.storeTlb.tag.length);
        assertNotNull(e.outcome());
    }

    @Test
    void shouldRenderEveryStep() {
        final MmuFixture f = MmuFixture.pseries();
        final long ea = 0xC000_0000_0012_3456L;
        f.segment(7, ea, VSID, false, 12, Slb.VSID_KP);
        f.map(ea, VSID, false, 12, 12, 0x3_0000L, M | 0x3, false, 4);
        final String text = new TranslationExplainer(f.mmu).explain(ea, HashMmu.STORE, KERNEL).render();
        for (final String expected : List.of("store of EA 0xc000000000123456", "SF IR DR", "SLB entry 7 matches",
            "Kp=1", "VA = VSID 0x45678", "hash = VSID ^ (offset >> 12)", "primary   PTEG", "table offset",
            "match, a 4K page", "PP0||PP=011 grants r-x", "denied",
            "=> data storage interrupt (0x300): DAR 0xc000000000123456, DSISR 0x0a000000 (protection, store)")) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "' in\n" + text);
        }
    }

    @Test
    void shouldRejectUnknownAccessKinds() {
        final MmuFixture f = MmuFixture.pseries();
        assertThrows(IllegalArgumentException.class, () -> new TranslationExplainer(f.mmu).explain(0, 3, 0));
        assertInstanceOf(TranslationExplanation.Addressing.class,
            new TranslationExplainer(f.mmu).explain(0, HashMmu.LOAD, 0).steps().get(0));
    }
}
