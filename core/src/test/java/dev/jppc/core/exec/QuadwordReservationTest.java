package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.DATA;
import static dev.jppc.core.exec.LoadStoreTest.assertBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.exec.LoadStoreTest.Order;

/**
 * Quadword loads and stores (register order in both byte orders), load-and-reserve / store-conditional
 * (Book II 4.4: success, failure without or after losing the reservation, size and address mismatch,
 * alignment), dcbz and the cache instructions that only translate.
 */
class QuadwordReservationTest {

    private static final int CR0_EQ = XerBits.EQ << 28;

    // ---- lq / stq -----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldLoadQuadwordIntoTheEvenOddPairInTheCpusByteOrder(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).data(DATA, 8, 0x1111_1111_1111_1111L)
            .data(DATA + 8, 8, 0x2222_2222_2222_2222L).gpr(4, DATA + 0x20)
            .run(PpcAsm.lq(6, -0x20, 4)).assertCompleted();
        if (o.order == ByteOrder.BIG_ENDIAN) {
            assertEquals(0x1111_1111_1111_1111L, m.gpr(6), "RTp gets the doubleword at EA");
            assertEquals(0x2222_2222_2222_2222L, m.gpr(7));
        } else {
            // The quadword is byte-reversed as a whole: RTp holds its high half, at EA+8.
            assertEquals(0x2222_2222_2222_2222L, m.gpr(6));
            assertEquals(0x1111_1111_1111_1111L, m.gpr(7));
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldStoreQuadwordAsOneSixteenByteValue(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(6, 0x0F0E_0D0C_0B0A_0908L)
            .gpr(7, 0x0706_0504_0302_0100L).run(PpcAsm.stq(6, 16, 4)).assertCompleted();
        if (o.order == ByteOrder.BIG_ENDIAN) {
            assertBytes(m, DATA + 16, 0x0F, 0x0E, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 7, 6, 5, 4, 3, 2, 1, 0);
        } else {
            assertBytes(m, DATA + 16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldRaiseAlignmentForAQuadwordNotOnSixteenBytes(final Order o) {
        final TestMachine lq = TestMachine.supervisor(o.order).gpr(4, DATA + 8).gpr(6, 6)
            .run(PpcAsm.lq(6, 0, 4)).assertInterrupt(Interrupts.ALIGNMENT);
        assertEquals(DATA + 8, lq.cpu.spr[Spr.DAR]);
        assertEquals(6, lq.gpr(6));
        final TestMachine stq = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(6, -1L)
            .run(PpcAsm.stq(6, 8, 4)).assertInterrupt(Interrupts.ALIGNMENT);
        assertEquals(DATA + 8, stq.cpu.spr[Spr.DAR]);
        assertEquals(0, stq.data(DATA + 8, 8));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldRaiseIllegalForOddOrOverlappingQuadwordRegisters(final Order o) {
        final int lqOdd = Words.d(56, 7, 4, 0);
        final int lqBase = Words.d(56, 4, 4, 0);
        final int stqOdd = Words.d(62, 7, 4, 2);
        for (final int word : new int[] {lqOdd, lqBase, stqOdd}) {
            TestMachine.supervisor(o.order).gpr(4, DATA).run(word)
                .assertProgramInterrupt(TestMachine.at(0), Interrupts.SRR1_ILLEGAL);
        }
    }

    // ---- larx / stcx. -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"lbarx, stbcx., 1", "lharx, sthcx., 2", "lwarx, stwcx., 4", "ldarx, stdcx., 8"})
    void shouldStoreConditionallyAfterAMatchingReservation(final String larx, final String stcx, final int size) {
        for (final ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (final int so : new int[] {0, 1}) {
                final TestMachine m = TestMachine.supervisor(order).data(DATA + 16, size, 0x5A)
                    .gpr(4, DATA).gpr(5, 16).gpr(6, -1L).xer(so != 0 ? XerBits.SO : 0)
                    .run(larx(larx, 3, 4, 5), stcx(stcx, 6, 4, 5)).assertCompleted();
                assertEquals(0x5A, m.gpr(3), larx + " loads zero extended");
                final long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
                assertEquals(mask, m.data(DATA + 16, size), stcx + " stored");
                assertEquals((XerBits.EQ | so) << 28, m.cpu.cr, stcx + " CR0 = 0b001 || SO");
                assertEquals(false, m.cpu.reservationValid, "the reservation is used up");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldFailWithoutAReservation(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(6, -1L).xer(XerBits.SO)
            .run(PpcAsm.stwcx_(6, 0, 4)).assertCompleted();
        assertEquals(XerBits.SO_BIT << 28, m.cpu.cr);
        assertEquals(0, m.data(DATA, 4));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldFailASecondStoreConditional(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(6, 1).gpr(7, 2)
            .run(PpcAsm.lwarx(3, 0, 4), PpcAsm.stwcx_(6, 0, 4), PpcAsm.mfcr(8), PpcAsm.stwcx_(7, 0, 4))
            .assertCompleted();
        assertEquals(CR0_EQ & 0xFFFF_FFFFL, m.gpr(8) & 0xFFFF_FFFFL);
        assertEquals(0, m.cpu.cr);
        assertEquals(1, m.data(DATA, 4));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldLoseTheReservationOnAStoreToTheSameGranule(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(6, -1L)
            .run(PpcAsm.lwarx(3, 0, 4), PpcAsm.stb(6, 127, 4), PpcAsm.stwcx_(6, 0, 4)).assertCompleted();
        assertEquals(0, m.cpu.cr, "a store anywhere in the 128-byte granule cancels the reservation");
        assertEquals(0, m.data(DATA, 4));
        final TestMachine other = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(6, -1L)
            .run(PpcAsm.lwarx(3, 0, 4), PpcAsm.stb(6, 128, 4), PpcAsm.stb(6, -1, 4), PpcAsm.stwcx_(6, 0, 4))
            .assertCompleted();
        assertEquals(CR0_EQ, other.cpu.cr, "stores to the neighbouring granules leave it");
        final TestMachine zeroed = TestMachine.supervisor(o.order).gpr(4, DATA + 64).gpr(6, -1L)
            .run(PpcAsm.lwarx(3, 0, 4), PpcAsm.dcbz(0, 4), PpcAsm.stwcx_(6, 0, 4)).assertCompleted();
        assertEquals(0, zeroed.cpu.cr, "dcbz is a store to the granule");
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldFailOnASizeOrAddressMismatch(final Order o) {
        final TestMachine size = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(6, -1L)
            .run(PpcAsm.lwarx(3, 0, 4), PpcAsm.stdcx_(6, 0, 4)).assertCompleted();
        assertEquals(0, size.cpu.cr);
        assertEquals(0, size.data(DATA, 8));
        final TestMachine address = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(5, 4).gpr(6, -1L)
            .run(PpcAsm.lwarx(3, 0, 4), PpcAsm.stwcx_(6, 4, 5)).assertCompleted();
        assertEquals(0, address.cpu.cr);
        assertEquals(0, address.data(DATA + 4, 4));
    }

    @ParameterizedTest(name = "{0} at +{1}")
    @CsvSource({"lharx, 1", "lwarx, 2", "ldarx, 4", "sthcx., 1", "stwcx., 2", "stdcx., 4", "lqarx, 8",
        "stqcx., 8"})
    void shouldRaiseAlignmentForAMisalignedReservationAccess(final String op, final int offset) {
        final int word = switch (op) {
            case "lharx", "lwarx", "ldarx" -> larx(op, 3, 4, 5);
            case "lqarx" -> PpcAsm.lqarx(6, 4, 5);
            case "stqcx." -> PpcAsm.stqcx_(6, 4, 5);
            default -> stcx(op, 6, 4, 5);
        };
        for (final Order o : Order.values()) {
            final TestMachine m = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(5, offset)
                .run(word).assertInterrupt(Interrupts.ALIGNMENT);
            assertEquals(DATA + offset, m.cpu.spr[Spr.DAR]);
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldReserveAndStoreQuadwords(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).data(DATA, 8, 0x1111).data(DATA + 8, 8, 0x2222)
            .gpr(4, DATA).gpr(8, 0x0F0E_0D0C_0B0A_0908L).gpr(9, 0x0706_0504_0302_0100L)
            .run(PpcAsm.lqarx(6, 0, 4), PpcAsm.stqcx_(8, 0, 4)).assertCompleted();
        final boolean big = o.order == ByteOrder.BIG_ENDIAN;
        assertEquals(big ? 0x1111 : 0x2222, m.gpr(6));
        assertEquals(big ? 0x2222 : 0x1111, m.gpr(7));
        assertEquals(CR0_EQ, m.cpu.cr);
        if (big) {
            assertBytes(m, DATA, 0x0F, 0x0E, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 7, 6, 5, 4, 3, 2, 1, 0);
        } else {
            assertBytes(m, DATA, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldRaiseIllegalForInvalidLqarxAndStqcxRegisters(final Order o) {
        for (final int word : new int[] {Words.x(31, 276, 7, 4, 5, 0), Words.x(31, 276, 4, 4, 5, 0),
            Words.x(31, 276, 6, 4, 6, 0), Words.x(31, 182, 7, 4, 5, 1)}) {
            TestMachine.supervisor(o.order).gpr(4, DATA).gpr(5, 0).gpr(6, 0).run(word)
                .assertProgramInterrupt(TestMachine.at(0), Interrupts.SRR1_ILLEGAL);
        }
    }

    private static int larx(final String op, final int rt, final int ra, final int rb) {
        return switch (op) {
            case "lbarx" -> PpcAsm.lbarx(rt, ra, rb);
            case "lharx" -> PpcAsm.lharx(rt, ra, rb);
            case "lwarx" -> PpcAsm.lwarx(rt, ra, rb);
            default -> PpcAsm.ldarx(rt, ra, rb);
        };
    }

    private static int stcx(final String op, final int rs, final int ra, final int rb) {
        return switch (op) {
            case "stbcx." -> PpcAsm.stbcx_(rs, ra, rb);
            case "sthcx." -> PpcAsm.sthcx_(rs, ra, rb);
            case "stwcx." -> PpcAsm.stwcx_(rs, ra, rb);
            default -> PpcAsm.stdcx_(rs, ra, rb);
        };
    }

    // ---- dcbz and the cache instructions ------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldZeroTheAlignedBlockHoldingTheAddress(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order);
        m.ram.fill(DATA, 384, (byte) 0xAA);
        m.gpr(4, DATA + 128).gpr(5, 77).run(PpcAsm.dcbz(4, 5)).assertCompleted();
        assertEquals(0xAA, m.byteAt(DATA + 127));
        for (int i = 0; i < 128; i++) {
            assertEquals(0, m.byteAt(DATA + 128 + i), "byte " + i + " of the block");
        }
        assertEquals(0xAA, m.byteAt(DATA + 256));
        final TestMachine z = TestMachine.supervisor(o.order);
        z.ram.fill(0x7000, 128, (byte) 0xAA);
        z.gpr(0, DATA).gpr(5, 0x7000 + 5).run(PpcAsm.dcbz(0, 5)).assertCompleted();
        assertEquals(0, z.data(0x7000, 8), "RA=0 means 0");
        assertEquals(0, z.data(0x7078, 8));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldTreatDcbzOutsideRamAsCachingInhibited(final Order o) {
        // A device window (caching inhibited) is reached from hypervisor real mode; a partition's real
        // addresses beyond RAM have nothing behind them (a machine check instead).
        final TestMachine m = TestMachine.hypervisor(o.order).gpr(4, 0x1000_0010L)
            .run(PpcAsm.dcbz(0, 4)).assertInterrupt(Interrupts.ALIGNMENT);
        assertEquals(0x1000_0010L, m.cpu.spr[Spr.DAR]);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldCompleteTheCacheHintsAndFlushesWithoutChangingStorage(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).data(DATA, 8, 0x1234).gpr(4, DATA)
            .run(PpcAsm.dcbt(0, 4), PpcAsm.dcbtst(0, 4), PpcAsm.dcbst(0, 4), PpcAsm.dcbf(0, 4), PpcAsm.icbi(0, 4),
                Words.icbt(0, 4), PpcAsm.sync(), PpcAsm.lwsync(), PpcAsm.ptesync(), PpcAsm.eieio(), PpcAsm.isync())
            .assertCompleted();
        assertEquals(0x1234, m.data(DATA, 8));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldFaultDcbfOutsideTranslationLikeALoad(final Order o) {
        TestMachine.supervisor(o.order).gpr(4, TestMachine.RAM_SIZE * 4)
            .run(PpcAsm.dcbf(0, 4), PpcAsm.dcbst(0, 4)).assertCompleted();
        final TestMachine relocated = TestMachine.supervisor(o.order)
            .msrBits(dev.jppc.core.Cpu.MSR_DR).gpr(4, DATA).run(PpcAsm.dcbst(0, 4))
            .assertInterrupt(Interrupts.DATA_SEGMENT);
        assertEquals(DATA, relocated.cpu.spr[Spr.DAR], "no SLB entry maps the address: a data segment fault");
    }
}
