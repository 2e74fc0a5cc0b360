package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HpteTest {

    /* B = 1 (1T), AVPN 0x12345, SW = bolted, L, H, V: 0x4000_0000_0000_0000 | 0x12345 << 7 | 0x10 | 0x7. */
    private static final long V = 0x4000_0000_0091_A297L;
    /*
     * PP0 = 1, key 21 = 0b10101 (KEY[0:1] = 0b10 at ISA 2:3 = 0x2000..., KEY[2:4] = 0b101 at 0xA00), RPN
     * 0x1234_5000, R, C, M, G, N, PP = 0b10.
     */
    private static final long R = 0xA000_0000_1234_5000L | 0xA00 | 0x100 | 0x80 | 0x10 | 0x08 | 0x4 | 0x2;

    @Test
    void shouldDecodeTheFirstDoubleword() {
        assertTrue(Hpte.isValid(V));
        assertTrue(Hpte.isSecondary(V));
        assertTrue(Hpte.isLarge(V));
        assertTrue(Hpte.isBolted(V));
        assertEquals(1, Hpte.segmentSize(V));
        assertEquals(0x12345L, Hpte.avpn(V));
        assertEquals(0b0010, Hpte.software(V));
        assertFalse(Hpte.isValid(V & ~Hpte.V_VALID));
        assertFalse(Hpte.isBolted(0x9201L));
    }

    @Test
    void shouldDecodeTheSecondDoubleword() {
        assertEquals(0b110, Hpte.pp(R));
        assertEquals(21, Hpte.key(R));
        assertTrue(Hpte.isReferenced(R));
        assertTrue(Hpte.isChanged(R));
        assertEquals(0b0011, Hpte.wimg(R));
        assertTrue(Hpte.isGuarded(R));
        assertTrue(Hpte.isNoExecute(R));
        assertFalse(Hpte.isCacheInhibited(R));
        assertEquals(0x1234_5000L, Hpte.pageRealAddress(R, 12));
        assertEquals(0x1234_0000L, Hpte.pageRealAddress(R, 16));
    }

    @Test
    void shouldComputeRealAddressesPerPageSize() {
        // A 64K page at 0x10000 with penc 0x01 in bits 12..15: the LP bits never reach the real address.
        assertEquals(0x1_ABCDL, Hpte.realAddress(0x1_1012L, 16, 0xC000_0000_0005_ABCDL));
        // A 16M page: the EA supplies 24 offset bits.
        assertEquals(0x0123_4567L, Hpte.realAddress(0x0100_0012L, 24, 0xC000_0000_0023_4567L));
        assertEquals(0x5123L, Hpte.realAddress(0x5012L, 12, 0x0ABC_D123L));
    }
}
