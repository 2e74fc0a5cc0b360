package dev.jppc.mmu.tlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlbTest {

    private final Tlb tlb = new Tlb();
    private final UnsafeBuffer chunk = new UnsafeBuffer(ByteBuffer.allocateDirect(1 << 16));

    @ParameterizedTest
    @ValueSource(longs = {0, 0xFFFF_FFFF_FFFF_F000L, 0xC000_0000_0000_0000L})
    void shouldNeverMatchAnEmptyEntry(final long ea) {
        for (int mode = 0; mode < 8; mode++) {
            assertFalse(tlb.hits(ea, mode));
            assertFalse(tlb.tag[Tlb.index(ea)] == ((ea & ~0xFFFL) | mode));
        }
    }

    @Test
    void shouldHitOnlyInTheInstalledMode() {
        tlb.install(0xC000_0000_0001_2345L, TranslationMode.TRANSLATED, chunk, 0x3000, 0x3000);
        final int i = Tlb.index(0xC000_0000_0001_2FFFL);
        assertTrue(tlb.hits(0xC000_0000_0001_2FFFL, TranslationMode.TRANSLATED));
        assertFalse(tlb.hits(0xC000_0000_0001_2000L, TranslationMode.TRANSLATED | TranslationMode.PROBLEM));
        assertFalse(tlb.hits(0xC000_0000_0001_3000L, TranslationMode.TRANSLATED));
        assertFalse(tlb.hits(0xD000_0000_0001_2000L, TranslationMode.TRANSLATED));
        assertSame(chunk, tlb.buffer[i]);
        assertEquals(0x3000, tlb.offset[i]);
        assertEquals(0x3000L, tlb.realPage[i]);
    }

    @Test
    void shouldServeTheDocumentedFastPath() {
        chunk.putLong(0x3008, 0x1122_3344_5566_7788L, java.nio.ByteOrder.BIG_ENDIAN);
        final long ea = 0x7000_0000_0000_5008L;
        final int mode = TranslationMode.data(TranslationMode.MSR_DR);
        tlb.install(ea, mode, chunk, 0x3000, 0x3000);
        final int i = (int) (ea >>> 12) & Tlb.INDEX_MASK;
        assertEquals((ea & ~0xFFFL) | mode, tlb.tag[i]);
        assertEquals(0x1122_3344_5566_7788L,
            tlb.buffer[i].getLong(tlb.offset[i] + (int) (ea & 0xFFF), java.nio.ByteOrder.BIG_ENDIAN));
    }

    @Test
    void shouldFlushOnePage() {
        tlb.install(0x1000, 0, chunk, 0, 0);
        tlb.install(0x2000, 0, chunk, 0x1000, 0x1000);
        tlb.flushPage(0x1FFF);
        assertFalse(tlb.hits(0x1000, 0));
        assertTrue(tlb.hits(0x2000, 0));
        // An entry of another page in the same slot survives.
        tlb.flushPage(0x2000 + (Tlb.ENTRIES * Tlb.PAGE_SIZE));
        assertTrue(tlb.hits(0x2000, 0));
        assertEquals(1, tlb.validCount());
    }

    @Test
    void shouldFlushASegment() {
        tlb.install(0xC000_0000_0000_1000L, 1, chunk, 0, 0);
        tlb.install(0xC000_0000_1000_2000L, 1, chunk, 0, 0);
        tlb.flushRange(0xC000_0000_0FFF_FFFFL, 0xFFFF_FFFF_F000_0000L);
        assertFalse(tlb.hits(0xC000_0000_0000_1000L, 1));
        assertTrue(tlb.hits(0xC000_0000_1000_2000L, 1));
    }

    @Test
    void shouldFlushByRealAddress() {
        tlb.install(0x5000, 0, chunk, 0x5000, 0x5000);
        tlb.install(0x6000, 0, chunk, 0x6000, 0x6000);
        tlb.flushReal(0x6000, 0x1000);
        assertTrue(tlb.hits(0x5000, 0));
        assertFalse(tlb.hits(0x6000, 0));
    }

    @Test
    void shouldFlushEverything() {
        for (int i = 0; i < Tlb.ENTRIES; i++) {
            tlb.install((long) i << 12, 0, chunk, 0, 0);
        }
        assertEquals(Tlb.ENTRIES, tlb.validCount());
        tlb.flush();
        assertEquals(0, tlb.validCount());
    }

    @Test
    void shouldComputeModesFromMsr() {
        final long msr = TranslationMode.MSR_IR | TranslationMode.MSR_PR | TranslationMode.MSR_HV;
        assertEquals(TranslationMode.TRANSLATED | TranslationMode.PROBLEM | TranslationMode.HYPERVISOR,
            TranslationMode.fetch(msr));
        assertEquals(TranslationMode.PROBLEM | TranslationMode.HYPERVISOR, TranslationMode.data(msr));
        assertTrue(TranslationMode.isTranslated(TranslationMode.data(TranslationMode.MSR_DR)));
        assertEquals(0, TranslationMode.data(-1L & ~TranslationMode.MSR_DR & ~TranslationMode.MSR_PR
            & ~TranslationMode.MSR_HV));
    }
}
