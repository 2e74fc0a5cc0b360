package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.at;
import static dev.jppc.core.TestMachine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.exec.LoadStoreTest.Order;

/**
 * Book I chapter 2: unconditional and conditional branches (every BO class, every BI, LK and AA, the 32-bit
 * CTR test and target truncation), branches to LR, CTR and TAR, and the condition register instructions.
 */
class BranchTest {

    private static final ByteOrder[] ORDERS = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
    /** Where absolute-branch tests put a branch-to-self. */
    private static final long ELSEWHERE = 0x7000;

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldBranchRelativeAndLink(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order)
            .run(PpcAsm.bl(8), PpcAsm.li(3, 1), PpcAsm.b(8), PpcAsm.li(4, 1), PpcAsm.li(5, 1)).assertCompleted();
        assertEquals(0, m.gpr(3), "bl skipped the next word");
        assertEquals(0, m.gpr(4), "b skipped the next word");
        assertEquals(1, m.gpr(5));
        assertEquals(at(1), m.cpu.lr, "bl links the address after itself");
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldBranchBackwards(final Order o) {
        // r3 counts down from 3 with a backward bc; b skips the first decrement once.
        final TestMachine m = TestMachine.supervisor(o.order).gpr(3, 3)
            .runWithBudget(20, PpcAsm.b(8), PpcAsm.addi(3, 3, -1), PpcAsm.cmpdi(3, 0), PpcAsm.bne(-8))
            .assertCompleted();
        assertEquals(0, m.gpr(3));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldBranchAbsolute(final Order o) {
        final TestMachine ba = TestMachine.supervisor(o.order).code(ELSEWHERE, TestMachine.BRANCH_TO_SELF)
            .run(PpcAsm.ba((int) ELSEWHERE));
        assertEquals(ELSEWHERE, ba.cpu.pc);
        assertEquals(0, ba.cpu.lr);
        final TestMachine bla = TestMachine.supervisor(o.order).code(ELSEWHERE, TestMachine.BRANCH_TO_SELF)
            .run(PpcAsm.nop(), PpcAsm.bla((int) ELSEWHERE));
        assertEquals(ELSEWHERE, bla.cpu.pc);
        assertEquals(at(2), bla.cpu.lr);
        final TestMachine bca = TestMachine.supervisor(o.order).code(ELSEWHERE, TestMachine.BRANCH_TO_SELF)
            .run(PpcAsm.bcla(20, 0, (int) ELSEWHERE));
        assertEquals(ELSEWHERE, bca.cpu.pc);
        assertEquals(at(1), bca.cpu.lr);
    }

    /** A negative absolute target, sign extended, is truncated to 32 bits in 32-bit mode only. */
    @Test
    void shouldTruncateBranchTargetsIn32BitMode() {
        final TestMachine narrow = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().run(PpcAsm.ba(-0x10))
            .assertInterrupt(Interrupts.MACHINE_CHECK);
        assertEquals(0xFFFF_FFF0L, narrow.srr0(), "the fetch from 0xfffffff0 has no storage");
        final TestMachine wide = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.ba(-0x10))
            .assertInterrupt(Interrupts.MACHINE_CHECK);
        assertEquals(-0x10L, wide.srr0());
        final TestMachine lr = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32();
        lr.cpu.lr = 0xFFFF_0000_0000_0000L | at(2);
        lr.run(PpcAsm.blrl(), PpcAsm.li(3, 1), PpcAsm.li(4, 1)).assertCompleted();
        assertEquals(0, lr.gpr(3));
        assertEquals(1, lr.gpr(4), "blr to 0xffff0000_000100xx in 32-bit mode lands at 0x000100xx");
        assertEquals(at(1), lr.cpu.lr);
    }

    /**
     * bc at word 0 jumps over word 1 ({@code li r3,1}) when taken. The CR bit tested is BI=2 (CR0[EQ]).
     */
    @ParameterizedTest(name = "BO={0} CR bit={1} CTR={2}")
    @CsvSource(delimiter = '|', textBlock = """
        # BO | CR[BI] | CTR before | taken | CTR after
        0    | 0 | 2 | true  | 1
        0    | 0 | 1 | false | 0
        0    | 1 | 2 | false | 1
        2    | 0 | 1 | true  | 0
        2    | 0 | 2 | false | 1
        2    | 1 | 1 | false | 0
        4    | 0 | 5 | true  | 5
        4    | 1 | 5 | false | 5
        6    | 0 | 5 | true  | 5
        8    | 1 | 2 | true  | 1
        8    | 1 | 1 | false | 0
        8    | 0 | 2 | false | 1
        10   | 1 | 1 | true  | 0
        10   | 1 | 2 | false | 1
        10   | 0 | 1 | false | 0
        12   | 1 | 0 | true  | 0
        12   | 0 | 0 | false | 0
        14   | 1 | 0 | true  | 0
        15   | 0 | 0 | false | 0
        16   | 0 | 2 | true  | 1
        16   | 1 | 1 | false | 0
        16   | 0 | 0 | true  | -1
        18   | 1 | 1 | true  | 0
        18   | 0 | 2 | false | 1
        25   | 0 | 2 | true  | 1
        27   | 0 | 1 | true  | 0
        20   | 0 | 0 | true  | 0
        20   | 1 | 7 | true  | 7
        """)
    void shouldBranchConditionallyForEveryBoClass(final int bo, final int crBit, final String ctr,
                                                  final boolean taken, final String ctrAfter) {
        for (final ByteOrder order : ORDERS) {
            final TestMachine m = TestMachine.supervisor(order).cr(crBit << 29);
            m.cpu.ctr = value(ctr);
            m.cpu.lr = 0x1234;
            m.run(PpcAsm.bcl(bo, 2, 8), PpcAsm.li(3, 1)).assertCompleted();
            assertEquals(taken ? 0 : 1, m.gpr(3), "BO=" + bo + " taken");
            assertEquals(value(ctrAfter), m.cpu.ctr, "CTR");
            assertEquals(at(1), m.cpu.lr, "bcl links whether or not it branches");
            final TestMachine noLink = TestMachine.supervisor(order).cr(crBit << 29);
            noLink.cpu.ctr = value(ctr);
            noLink.cpu.lr = 0x1234;
            noLink.run(PpcAsm.bc(bo, 2, 8), PpcAsm.li(3, 1)).assertCompleted();
            assertEquals(taken ? 0 : 1, noLink.gpr(3));
            assertEquals(0x1234, noLink.cpu.lr, "bc without LK leaves LR");
        }
    }

    @Test
    void shouldTestEveryCrBit() {
        for (int bi = 0; bi < 32; bi++) {
            final int bit = 1 << (31 - bi);
            final TestMachine t = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).cr(bit)
                .run(PpcAsm.bc(12, bi, 8), PpcAsm.li(3, 1), PpcAsm.bc(4, bi, 8), PpcAsm.li(4, 1)).assertCompleted();
            assertEquals(0, t.gpr(3), "bc 12," + bi + " with the bit set branches");
            assertEquals(1, t.gpr(4), "bc 4," + bi + " with the bit set falls through");
            final TestMachine f = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).cr(~bit)
                .run(PpcAsm.bc(12, bi, 8), PpcAsm.li(3, 1), PpcAsm.bc(4, bi, 8), PpcAsm.li(4, 1)).assertCompleted();
            assertEquals(1, f.gpr(3), "bc 12," + bi + " with the bit clear falls through");
            assertEquals(0, f.gpr(4), "bc 4," + bi + " with the bit clear branches");
        }
    }

    @Test
    void shouldTestOnlyTheLowWordOfCtrIn32BitMode() {
        for (final boolean mode64 : new boolean[] {true, false}) {
            final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
            if (!mode64) {
                m.mode32();
            }
            m.cpu.ctr = 0x1_0000_0001L;
            m.run(PpcAsm.bdnz(8), PpcAsm.li(3, 1)).assertCompleted();
            assertEquals(0x1_0000_0000L, m.cpu.ctr, "CTR is decremented as a doubleword");
            assertEquals(mode64 ? 0 : 1, m.gpr(3), mode64 ? "64-bit: CTR != 0, taken" : "32-bit: low word 0");
        }
    }

    // ---- to LR, CTR, TAR ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldBranchToLrIgnoringItsLowBitsAndLinkWithTheOldValue(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order);
        m.cpu.lr = at(2) | 3;
        m.run(PpcAsm.bclrl(20, 0), PpcAsm.li(3, 1), PpcAsm.li(4, 2)).assertCompleted();
        assertEquals(0, m.gpr(3));
        assertEquals(2, m.gpr(4));
        assertEquals(at(1), m.cpu.lr, "bclrl branched to the old LR, then linked");
        final TestMachine dec = TestMachine.supervisor(o.order);
        dec.cpu.lr = at(2);
        dec.cpu.ctr = 2;
        dec.run(PpcAsm.bclr(16, 0), PpcAsm.li(3, 1)).assertCompleted();
        assertEquals(0, dec.gpr(3), "bclr may decrement CTR");
        assertEquals(1, dec.cpu.ctr);
        final TestMachine not = TestMachine.supervisor(o.order).cr(0);
        not.cpu.lr = at(2);
        not.run(PpcAsm.bclr(12, 2), PpcAsm.li(3, 1)).assertCompleted();
        assertEquals(1, not.gpr(3), "condition false: falls through");
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldBranchToCtrAndTar(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order);
        m.cpu.ctr = at(2) | 2;
        m.run(PpcAsm.bcctrl(20, 0), PpcAsm.li(3, 1), PpcAsm.li(4, 2)).assertCompleted();
        assertEquals(0, m.gpr(3));
        assertEquals(at(1), m.cpu.lr);
        assertEquals(at(2) | 2, m.cpu.ctr, "bcctr leaves CTR alone");
        final TestMachine t = TestMachine.supervisor(o.order);
        t.cpu.spr[Spr.TAR] = at(2) | 1;
        t.run(PpcAsm.bctarl(20, 0), PpcAsm.li(3, 1)).assertCompleted();
        assertEquals(0, t.gpr(3));
        assertEquals(at(1), t.cpu.lr);
    }

    /** Book I 2.4: bcctr with BO[2]=0 is an invalid form; jppc raises the illegal-instruction interrupt. */
    @Test
    void shouldRaiseIllegalForBcctrThatWouldDecrementCtr() {
        final int bdnzctr = Words.x(19, 528, 16, 0, 0, 0);
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.nop(), bdnzctr)
            .assertProgramInterrupt(at(1), Interrupts.SRR1_ILLEGAL);
        assertEquals(0, m.cpu.ctr);
        final TestMachine hv = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).run(bdnzctr)
            .assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
        assertEquals(bdnzctr & 0xFFFF_FFFFL, hv.cpu.spr[Spr.HEIR]);
    }

    /** Unlike bcctr, bctar may decrement and test CTR (Book I 2.4: "CTR is altered if BO[2]=0"). */
    @Test
    void shouldDecrementCtrInBctar() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.spr[Spr.TAR] = at(2);
        m.cpu.ctr = 2;
        m.run(PpcAsm.bctar(16, 0), PpcAsm.li(3, 1)).assertCompleted();
        assertEquals(0, m.gpr(3), "CTR 2 -> 1: taken");
        assertEquals(1, m.cpu.ctr);
        final TestMachine z = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        z.cpu.spr[Spr.TAR] = at(2);
        z.cpu.ctr = 1;
        z.run(PpcAsm.bctar(16, 0), PpcAsm.li(3, 1)).assertCompleted();
        assertEquals(1, z.gpr(3), "CTR 1 -> 0: not taken");
        assertEquals(0, z.cpu.ctr);
    }

    // ---- condition register -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # op    | result for (a,b) = 00 01 10 11
        crand   | 0 0 0 1
        cror    | 0 1 1 1
        crxor   | 0 1 1 0
        crnand  | 1 1 1 0
        crnor   | 1 0 0 0
        creqv   | 1 0 0 1
        crandc  | 0 0 1 0
        crorc   | 1 0 1 1
        """)
    void shouldCombineCrBits(final String op, final String truthTable) {
        final String[] results = truthTable.trim().split(" +");
        final int bt = 30;
        final int ba = 5;
        final int bb = 17;
        for (int ab = 0; ab < 4; ab++) {
            final int a = ab >> 1;
            final int b = ab & 1;
            for (final int others : new int[] {0, -1}) {
                int cr = others & ~(1 << (31 - ba)) & ~(1 << (31 - bb));
                cr |= (a << (31 - ba)) | (b << (31 - bb));
                final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).cr(cr)
                    .run(crOp(op, bt, ba, bb)).assertCompleted();
                final int expected = (cr & ~(1 << (31 - bt))) | (Integer.parseInt(results[ab]) << (31 - bt));
                assertEquals(Integer.toHexString(expected), Integer.toHexString(m.cpu.cr), op + " a=" + a + " b=" + b);
            }
        }
        // BT may be one of the sources.
        final TestMachine same = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).cr(1 << 31)
            .run(crOp(op, 0, 0, 1)).assertCompleted();
        assertEquals(Integer.parseInt(results[2]), same.cpu.cr >>> 31, op + " with BT=BA");
    }

    private static int crOp(final String op, final int bt, final int ba, final int bb) {
        return switch (op) {
            case "crand" -> PpcAsm.crand(bt, ba, bb);
            case "cror" -> PpcAsm.cror(bt, ba, bb);
            case "crxor" -> PpcAsm.crxor(bt, ba, bb);
            case "crnand" -> PpcAsm.crnand(bt, ba, bb);
            case "crnor" -> PpcAsm.crnor(bt, ba, bb);
            case "creqv" -> PpcAsm.creqv(bt, ba, bb);
            case "crandc" -> PpcAsm.crandc(bt, ba, bb);
            default -> PpcAsm.crorc(bt, ba, bb);
        };
    }

    @Test
    void shouldCopyCrFieldsWithMcrf() {
        final Cpu cpu = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).cpu;
        final int before = 0x0123_4567;
        for (int bf = 0; bf < 8; bf++) {
            for (int bfa = 0; bfa < 8; bfa++) {
                cpu.cr = before;
                Interpreter.execute(cpu, PpcAsm.mcrf(bf, bfa));
                final int field = (before >>> (28 - 4 * bfa)) & 0xF;
                final int expected = (before & ~(0xF << (28 - 4 * bf))) | (field << (28 - 4 * bf));
                assertEquals(expected, cpu.cr, "mcrf cr" + bf + ",cr" + bfa);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldMoveFromAndToTheCr(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).cr(0x8123_4567).gpr(5, 0xFFFF_FFFF_FEDC_BA98L)
            .gpr(3, -1L).gpr(4, -1L).run(PpcAsm.mfcr(3), PpcAsm.mfocrf(4, 0x40), PpcAsm.mtcrf(0x81, 5))
            .assertCompleted();
        assertEquals(0x8123_4567L, m.gpr(3), "mfcr zero extends");
        assertEquals(0x0100_0000L, m.gpr(4), "mfocrf reads only field 1, the rest is zero");
        assertEquals(0xF123_4568, m.cpu.cr, "mtcrf 0x81 writes fields 0 and 7");
        final TestMachine all = TestMachine.supervisor(o.order).cr(0x1111_1111).gpr(5, 0xFEDC_BA98L)
            .run(PpcAsm.mtcrf(0xFF, 5)).assertCompleted();
        assertEquals(0xFEDC_BA98, all.cpu.cr);
        final TestMachine one = TestMachine.supervisor(o.order).cr(0x1111_1111).gpr(5, 0xFEDC_BA98L)
            .run(PpcAsm.mtocrf(0x04, 5)).assertCompleted();
        assertEquals(0x1111_1A11, one.cpu.cr, "mtocrf 0x04 writes field 5");
    }
}
