package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.DATA;
import static dev.jppc.core.TestMachine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.StopReason;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;

/**
 * Book I 3.3.2-3.3.6 loads and stores of every width in both byte orders: D, DS and X forms, (RA|0), update
 * forms and their invalid forms, algebraic and byte-reversed accesses, effective-address truncation in 32-bit
 * mode, the real-mode address, and storage that does not exist.
 */
class LoadStoreTest {

    /** Byte orders as a parameter source. */
    enum Order {
        BIG(ByteOrder.BIG_ENDIAN), LITTLE(ByteOrder.LITTLE_ENDIAN);

        final ByteOrder order;

        Order(final ByteOrder order) {
            this.order = order;
        }
    }

    private static final ByteOrder[] ORDERS = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
    /** Filler around the accessed bytes, to see that nothing else is touched. */
    private static final int FILL = 0xAA;

    // ---- loads ----------------------------------------------------------------------------------------

    private static int load(final String op, final int rt, final int ra, final int dispOrRb) {
        return switch (op) {
            case "lbz" -> PpcAsm.lbz(rt, dispOrRb, ra);
            case "lhz" -> PpcAsm.lhz(rt, dispOrRb, ra);
            case "lha" -> PpcAsm.lha(rt, dispOrRb, ra);
            case "lwz" -> PpcAsm.lwz(rt, dispOrRb, ra);
            case "lwa" -> PpcAsm.lwa(rt, dispOrRb, ra);
            case "ld" -> PpcAsm.ld(rt, dispOrRb, ra);
            case "lbzx" -> PpcAsm.lbzx(rt, ra, dispOrRb);
            case "lhzx" -> PpcAsm.lhzx(rt, ra, dispOrRb);
            case "lhax" -> PpcAsm.lhax(rt, ra, dispOrRb);
            case "lwzx" -> PpcAsm.lwzx(rt, ra, dispOrRb);
            case "lwax" -> PpcAsm.lwax(rt, ra, dispOrRb);
            case "ldx" -> PpcAsm.ldx(rt, ra, dispOrRb);
            case "lbzu" -> PpcAsm.lbzu(rt, dispOrRb, ra);
            case "lhzu" -> PpcAsm.lhzu(rt, dispOrRb, ra);
            case "lhau" -> PpcAsm.lhau(rt, dispOrRb, ra);
            case "lwzu" -> PpcAsm.lwzu(rt, dispOrRb, ra);
            case "ldu" -> PpcAsm.ldu(rt, dispOrRb, ra);
            case "lbzux" -> PpcAsm.lbzux(rt, ra, dispOrRb);
            case "lhzux" -> PpcAsm.lhzux(rt, ra, dispOrRb);
            case "lhaux" -> PpcAsm.lhaux(rt, ra, dispOrRb);
            case "lwzux" -> PpcAsm.lwzux(rt, ra, dispOrRb);
            case "lwaux" -> PpcAsm.lwaux(rt, ra, dispOrRb);
            case "ldux" -> PpcAsm.ldux(rt, ra, dispOrRb);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static boolean indexed(final String op) {
        return op.endsWith("x");
    }

    @ParameterizedTest(name = "{0} of {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | size | stored             | loaded
        lbz    | 1    | 0x80               | 0x80
        lbzx   | 1    | 0xff               | 0xff
        lhz    | 2    | 0x8001             | 0x8001
        lhzx   | 2    | 0x8001             | 0x8001
        lha    | 2    | 0x8001             | 0xffffffffffff8001
        lha    | 2    | 0x7fff             | 0x7fff
        lhax   | 2    | 0x8001             | 0xffffffffffff8001
        lwz    | 4    | 0x80000001         | 0x80000001
        lwzx   | 4    | 0xfedcba98         | 0xfedcba98
        lwa    | 4    | 0x80000001         | 0xffffffff80000001
        lwa    | 4    | 0x7fffffff         | 0x7fffffff
        lwax   | 4    | 0x80000001         | 0xffffffff80000001
        ld     | 8    | 0x8000000000000001 | 0x8000000000000001
        ldx    | 8    | 0x0123456789abcdef | 0x0123456789abcdef
        """)
    void shouldLoadEveryWidthInBothByteOrders(final String op, final int size, final String stored,
                                              final String loaded) {
        for (final ByteOrder order : ORDERS) {
            // Base + displacement (negative for the D forms) or base + index.
            final TestMachine m = TestMachine.supervisor(order).data(DATA + 16, size, value(stored));
            final int word = indexed(op) ? load(op, 3, 4, 5) : load(op, 3, 4, -16);
            m.gpr(4, indexed(op) ? DATA : DATA + 32).gpr(5, 16).run(word).assertCompleted();
            assertEquals(value(loaded), m.gpr(3), op + " " + order);
            assertEquals(indexed(op) ? DATA : DATA + 32, m.gpr(4), "RA unchanged");
            // RA=0 means the value 0, not r0.
            final TestMachine z = TestMachine.supervisor(order).data(0x7000, size, value(stored))
                .gpr(0, 0xDEAD_0000L).gpr(5, 0x7000);
            z.run(indexed(op) ? load(op, 3, 0, 5) : load(op, 3, 0, 0x7000)).assertCompleted();
            assertEquals(value(loaded), z.gpr(3), op + " with RA=0, " + order);
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldLayOutBytesInTheCpusByteOrder(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).gpr(4, DATA).gpr(5, 0x1122_3344_5566_7788L)
            .run(PpcAsm.std(5, 0, 4), PpcAsm.stw(5, 8, 4), PpcAsm.sth(5, 12, 4), PpcAsm.stb(5, 14, 4),
                PpcAsm.lbz(6, 0, 4), PpcAsm.lhz(7, 0, 4), PpcAsm.lwz(8, 0, 4))
            .assertCompleted();
        if (o.order == ByteOrder.BIG_ENDIAN) {
            assertBytes(m, DATA, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x55, 0x66, 0x77, 0x88, 0x77,
                0x88, 0x88);
            assertEquals(0x11, m.gpr(6));
            assertEquals(0x1122, m.gpr(7));
            assertEquals(0x1122_3344L, m.gpr(8));
        } else {
            assertBytes(m, DATA, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x88, 0x77, 0x66, 0x55, 0x88,
                0x77, 0x88);
            assertEquals(0x88, m.gpr(6));
            assertEquals(0x7788, m.gpr(7));
            assertEquals(0x5566_7788L, m.gpr(8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # op | size
        stb  | 1
        sth  | 2
        stw  | 4
        std  | 8
        stbx | 1
        sthx | 2
        stwx | 4
        stdx | 8
        """)
    void shouldStoreOnlyTheLowBytesOfEveryWidth(final String op, final int size) {
        final long rs = 0x8877_6655_4433_2211L;
        for (final ByteOrder order : ORDERS) {
            final TestMachine m = TestMachine.supervisor(order);
            m.ram.fill(DATA, 64, (byte) FILL);
            final int word = switch (op) {
                case "stb" -> PpcAsm.stb(3, 16, 4);
                case "sth" -> PpcAsm.sth(3, 16, 4);
                case "stw" -> PpcAsm.stw(3, 16, 4);
                case "std" -> PpcAsm.std(3, 16, 4);
                case "stbx" -> PpcAsm.stbx(3, 4, 5);
                case "sthx" -> PpcAsm.sthx(3, 4, 5);
                case "stwx" -> PpcAsm.stwx(3, 4, 5);
                default -> PpcAsm.stdx(3, 4, 5);
            };
            m.gpr(3, rs).gpr(4, DATA).gpr(5, 16).run(word).assertCompleted();
            final long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
            assertEquals(rs & mask, m.data(DATA + 16, size), op + " " + order);
            assertEquals(FILL, m.byteAt(DATA + 15), "byte before");
            assertEquals(FILL, m.byteAt(DATA + 16 + size), "byte after");
            assertEquals(DATA, m.gpr(4), "RA unchanged");
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldStoreWithRaZeroAtTheAbsoluteAddress(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).gpr(0, 0x5000).gpr(3, 0xABCD)
            .gpr(5, 0x7010).run(PpcAsm.sth(3, 0x7000, 0), PpcAsm.stwx(3, 0, 5)).assertCompleted();
        assertEquals(0xABCD, m.data(0x7000, 2));
        assertEquals(0xABCD, m.data(0x7010, 4));
        assertEquals(0, m.data(0x5000 + 0x7000, 2), "r0's value must not be used as the base");
    }

    // ---- update forms ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | size | stored             | loaded
        lbzu   | 1    | 0x80               | 0x80
        lhzu   | 2    | 0x8001             | 0x8001
        lhau   | 2    | 0x8001             | 0xffffffffffff8001
        lwzu   | 4    | 0x80000001         | 0x80000001
        ldu    | 8    | 0x8000000000000001 | 0x8000000000000001
        lbzux  | 1    | 0x80               | 0x80
        lhzux  | 2    | 0x8001             | 0x8001
        lhaux  | 2    | 0x8001             | 0xffffffffffff8001
        lwzux  | 4    | 0x80000001         | 0x80000001
        lwaux  | 4    | 0x80000001         | 0xffffffff80000001
        ldux   | 8    | 0x8000000000000001 | 0x8000000000000001
        """)
    void shouldLoadWithUpdateAndWriteTheAddressToRa(final String op, final int size, final String stored,
                                                    final String loaded) {
        for (final ByteOrder order : ORDERS) {
            final TestMachine m = TestMachine.supervisor(order).data(DATA + 24, size, value(stored))
                .gpr(4, DATA + 32).gpr(5, -8).run(load(op, 3, 4, indexed(op) ? 5 : -8)).assertCompleted();
            assertEquals(value(loaded), m.gpr(3), op);
            assertEquals(DATA + 24, m.gpr(4), op + " writes the effective address to RA");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | size
        stbu   | 1
        sthu   | 2
        stwu   | 4
        stdu   | 8
        stbux  | 1
        sthux  | 2
        stwux  | 4
        stdux  | 8
        """)
    void shouldStoreWithUpdateAndWriteTheAddressToRa(final String op, final int size) {
        for (final ByteOrder order : ORDERS) {
            final int word = store(op, 3, 4, op.endsWith("x") ? 5 : -8);
            final TestMachine m = TestMachine.supervisor(order).gpr(3, -1L).gpr(4, DATA + 32).gpr(5, -8)
                .run(word).assertCompleted();
            final long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
            assertEquals(mask, m.data(DATA + 24, size), op);
            assertEquals(DATA + 24, m.gpr(4), op + " writes the effective address to RA");
        }
        // RS = RA is valid for stores with update (stdu r1,-n(r1)): the old RA is stored.
        final TestMachine s = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(1, DATA + 64)
            .run(PpcAsm.stdu(1, -16, 1)).assertCompleted();
        assertEquals(DATA + 64, s.data(DATA + 48, 8));
        assertEquals(DATA + 48, s.gpr(1));
    }

    private static int store(final String op, final int rs, final int ra, final int dispOrRb) {
        return switch (op) {
            case "stbu" -> PpcAsm.stbu(rs, dispOrRb, ra);
            case "sthu" -> PpcAsm.sthu(rs, dispOrRb, ra);
            case "stwu" -> PpcAsm.stwu(rs, dispOrRb, ra);
            case "stdu" -> PpcAsm.stdu(rs, dispOrRb, ra);
            case "stbux" -> PpcAsm.stbux(rs, ra, dispOrRb);
            case "sthux" -> PpcAsm.sthux(rs, ra, dispOrRb);
            case "stwux" -> PpcAsm.stwux(rs, ra, dispOrRb);
            case "stdux" -> PpcAsm.stdux(rs, ra, dispOrRb);
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** Loads with update and RA=0 or RA=RT, and stores with update and RA=0, are invalid: illegal. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"lbzu", "lhzu", "lhau", "lwzu", "ldu", "lbzux", "lhzux", "lhaux", "lwzux", "lwaux", "ldux",
        "stbu", "sthu", "stwu", "stdu", "stbux", "sthux", "stwux", "stdux"})
    void shouldRaiseIllegalForInvalidUpdateForms(final String op) {
        final boolean isLoad = op.startsWith("l");
        final int valid = isLoad ? load(op, 3, 4, indexed(op) ? 5 : 8) : store(op, 3, 4, op.endsWith("x") ? 5 : 8);
        final int raZero = Words.withRa(valid, 0);
        for (final ByteOrder order : ORDERS) {
            TestMachine.supervisor(order).gpr(0, DATA).gpr(4, DATA).gpr(5, 8).run(PpcAsm.nop(), raZero)
                .assertProgramInterrupt(TestMachine.at(1), Interrupts.SRR1_ILLEGAL);
            final TestMachine hv = TestMachine.hypervisor(order).gpr(4, DATA).gpr(5, 8).run(raZero)
                .assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
            assertEquals(TestMachine.CODE, hv.cpu.spr[Spr.HSRR0]);
            assertEquals(raZero & 0xFFFF_FFFFL, hv.cpu.spr[Spr.HEIR]);
            if (isLoad) {
                final int raIsRt = Words.withRa(valid, 3);
                final TestMachine m = TestMachine.supervisor(order).gpr(3, DATA).gpr(5, 8).run(raIsRt)
                    .assertProgramInterrupt(TestMachine.at(0), Interrupts.SRR1_ILLEGAL);
                assertEquals(DATA, m.gpr(3), "an illegal load must not write RT");
            }
        }
    }

    // ---- byte reversed ----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldLoadAndStoreByteReversed(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).bytes(DATA, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
            0x88).gpr(4, DATA).gpr(5, 0).gpr(9, 0x0102_0304_0506_0708L).gpr(10, 0x50)
            .run(PpcAsm.lhbrx(6, 4, 5), PpcAsm.lwbrx(7, 4, 5), PpcAsm.ldbrx(8, 0, 4),
                PpcAsm.addi(11, 4, 0x40), PpcAsm.stdbrx(9, 0, 11), PpcAsm.stwbrx(9, 4, 10),
                PpcAsm.addi(10, 10, 0x10), PpcAsm.sthbrx(9, 4, 10))
            .assertCompleted();
        if (o.order == ByteOrder.BIG_ENDIAN) {
            assertEquals(0x2211, m.gpr(6));
            assertEquals(0x4433_2211L, m.gpr(7));
            assertEquals(0x8877_6655_4433_2211L, m.gpr(8));
            assertBytes(m, DATA + 0x40, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01);
            assertBytes(m, DATA + 0x50, 0x08, 0x07, 0x06, 0x05, 0x00);
            assertBytes(m, DATA + 0x60, 0x08, 0x07, 0x00);
        } else {
            assertEquals(0x1122, m.gpr(6));
            assertEquals(0x1122_3344L, m.gpr(7));
            assertEquals(0x1122_3344_5566_7788L, m.gpr(8));
            assertBytes(m, DATA + 0x40, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08);
            assertBytes(m, DATA + 0x50, 0x05, 0x06, 0x07, 0x08, 0x00);
            assertBytes(m, DATA + 0x60, 0x07, 0x08, 0x00);
        }
    }

    // ---- effective and real addresses -------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldTruncateEffectiveAddressesIn32BitMode(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).mode32().data(DATA, 4, 0x1234_5678L)
            .data(8, 4, 0xCAFE_F00DL)
            .gpr(4, 0xFFFF_FFFF_0000_0000L | DATA).gpr(5, 0xFFFF_FFF8L).gpr(6, 0x10)
            .gpr(7, 0xFFFF_FFFF_0000_0000L | DATA)
            .run(PpcAsm.lwz(3, 0, 4), PpcAsm.lwz(8, 0x10, 5), PpcAsm.lwzx(9, 5, 6), PpcAsm.lwzu(10, 0, 7))
            .assertCompleted();
        assertEquals(0x1234_5678L, m.gpr(3), "high word of RA ignored");
        assertEquals(0xCAFE_F00DL, m.gpr(8), "0xfffffff8 + 0x10 wraps to 8");
        assertEquals(0xCAFE_F00DL, m.gpr(9), "indexed address wraps too");
        assertEquals(DATA, m.gpr(7), "the update form writes the truncated address");
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldRaiseAMachineCheckForAnAddressBeyondRamIn64BitMode(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).gpr(4, 0xFFFF_FFFF_0000_0000L | DATA)
            .run(PpcAsm.nop(), PpcAsm.lwz(3, 0, 4)).assertInterrupt(Interrupts.MACHINE_CHECK);
        assertEquals(TestMachine.at(1), m.srr0());
        assertEquals(0x0FFF_FFFF_0000_0000L | DATA, m.cpu.spr[Spr.DAR], "DAR holds the real address");
        assertEquals(0, m.cpu.msr & Cpu.MSR_ME, "a machine check clears MSR[ME]");
    }

    @Test
    void shouldCheckstopOnAMissingAddressWithMachineChecksDisabled() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.setMsr(m.cpu.msr & ~Cpu.MSR_ME);
        m.gpr(4, TestMachine.RAM_SIZE).code(TestMachine.CODE, PpcAsm.stb(3, 0, 4));
        m.cpu.pc = TestMachine.CODE;
        assertEquals(StopReason.CHECKSTOP, m.interpreter.run(10));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldIgnoreTheTopFourBitsOfARealAddress(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).data(DATA, 8, 0x0102_0304_0506_0708L)
            .gpr(4, 0xF000_0000_0000_0000L | DATA).run(PpcAsm.ld(3, 0, 4), PpcAsm.stb(3, 8, 4)).assertCompleted();
        assertEquals(0x0102_0304_0506_0708L, m.gpr(3));
        assertEquals(0x08, m.byteAt(DATA + 8));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldAccessTheLastBytesOfRamButNotBeyond(final Order o) {
        final long last = TestMachine.RAM_SIZE - 8;
        final TestMachine m = TestMachine.supervisor(o.order).data(last, 8, -2L).gpr(4, last)
            .run(PpcAsm.ld(3, 0, 4)).assertCompleted();
        assertEquals(-2L, m.gpr(3));
        TestMachine.supervisor(o.order).gpr(4, last + 4).run(PpcAsm.ld(3, 0, 4))
            .assertInterrupt(Interrupts.MACHINE_CHECK);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldRaiseADataSegmentFaultForARelocatedAccessWithNoSlbEntry(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).msrBits(Cpu.MSR_DR).gpr(4, DATA)
            .run(PpcAsm.stw(3, 4, 4)).assertInterrupt(Interrupts.DATA_SEGMENT);
        assertEquals(DATA + 4, m.cpu.spr[Spr.DAR]);
    }

    static void assertBytes(final TestMachine m, final long address, final int... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], m.byteAt(address + i), String.format("byte at 0x%x", address + i));
        }
    }
}
