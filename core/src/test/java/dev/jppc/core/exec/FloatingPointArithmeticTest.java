package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.FpAsm;

/**
 * Book I chapter 4 behaviour that the QEMU reference data cannot show (QEMU departs from the ISA there) or that
 * needs a whole machine: FR, fnmadd's round-then-negate, enabled exceptions and their interrupt, the facility
 * unavailable interrupts, the FPSCR moves, and the load/store conversions.
 */
class FloatingPointArithmeticTest {

    private static final long ONE = 0x3FF0_0000_0000_0000L;
    private static final long ONE_PLUS_ULP = 0x3FF0_0000_0000_0001L;
    /** 2^-54: a quarter of an ulp of 1.0. */
    private static final long QUARTER_ULP = 0x3C90_0000_0000_0000L;
    /** 1.5 * 2^-53: three quarters of an ulp of 1.0. */
    private static final long THREE_QUARTERS_ULP = 0x3CA8_0000_0000_0000L;

    private static TestMachine machine() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.setMsr(m.cpu.msr | Cpu.MSR_FP | Cpu.MSR_VSX);
        return m;
    }

    private static long fpscrAfter(final TestMachine m) {
        return m.cpu.fpscr;
    }

    @ParameterizedTest(name = "mode {0}: 1 + {1} -> {2}, FR={3}")
    @CsvSource({
        "0, 3C90000000000000, 3FF0000000000000, false",
        "0, 3CA8000000000000, 3FF0000000000001, true",
        "1, 3CA8000000000000, 3FF0000000000000, false",
        "2, 3C90000000000000, 3FF0000000000001, true",
        "3, 3CA8000000000000, 3FF0000000000000, false",
    })
    void shouldRoundInEveryModeAndSetFrWhenTheFractionWasIncremented(final int mode, final String addend,
                                                                     final String expected, final boolean fr) {
        final TestMachine m = machine();
        m.cpu.fpscr = mode;
        m.cpu.setFpr(2, ONE);
        m.cpu.setFpr(3, Long.parseUnsignedLong(addend, 16));
        m.run(FpAsm.fadd(1, 2, 3)).assertCompleted();
        assertEquals(Long.parseUnsignedLong(expected, 16), m.cpu.fpr(1));
        assertEquals(fr, (fpscrAfter(m) & Fpscr.FR) != 0);
        assertTrue((fpscrAfter(m) & Fpscr.FI) != 0 && (fpscrAfter(m) & Fpscr.XX) != 0);
        assertEquals(Fpscr.CLASS_POS_NORMAL, (int) (fpscrAfter(m) >>> Fpscr.FPRF_SHIFT) & 0x1F);
    }

    @Test
    void shouldRoundFnmaddBeforeNegatingIt() {
        // Book I 4.6.5.2: 1*1 + 2^-54 rounded toward +infinity is 1+ulp, then negated.
        final TestMachine m = machine();
        m.cpu.fpscr = Fpscr.ROUND_UP;
        m.cpu.setFpr(2, ONE);
        m.cpu.setFpr(4, ONE);
        m.cpu.setFpr(3, QUARTER_ULP);
        m.run(FpAsm.fnmadd(1, 2, 4, 3)).assertCompleted();
        assertEquals(ONE_PLUS_ULP | FpMath.SIGN, m.cpu.fpr(1));
    }

    @Test
    void shouldRoundFmaddOnce() {
        // (1 + 2^-52)^2 - 1 = 2^-51 + 2^-104 exactly; a rounded product would lose the 2^-104.
        final TestMachine m = machine();
        m.cpu.setFpr(2, ONE_PLUS_ULP);
        m.cpu.setFpr(4, ONE_PLUS_ULP);
        m.cpu.setFpr(3, ONE | FpMath.SIGN);
        m.run(FpAsm.fmadd(1, 2, 4, 3)).assertCompleted();
        assertEquals(Double.doubleToLongBits(Math.fma(1 + 0x1p-52, 1 + 0x1p-52, -1)), m.cpu.fpr(1));
    }

    @Test
    void shouldGiveInfinityForTheReciprocalEstimateOfZero() {
        final TestMachine m = machine();
        m.cpu.setFpr(3, FpMath.SIGN);
        m.run(FpAsm.fre(1, 3)).assertCompleted();
        assertEquals(FpMath.INFINITY | FpMath.SIGN, m.cpu.fpr(1));
        assertTrue((fpscrAfter(m) & Fpscr.ZX) != 0 && (fpscrAfter(m) & Fpscr.FX) != 0);
    }

    @Test
    void shouldLeaveTheTargetAndFprfAloneOnAnEnabledInvalidOperation() {
        final TestMachine m = machine();
        m.cpu.fpscr = Fpscr.VE | (long) Fpscr.CLASS_POS_ZERO << Fpscr.FPRF_SHIFT | Fpscr.FR | Fpscr.FI;
        m.cpu.setFpr(1, 0x1234);
        m.cpu.setFpr(2, FpMath.INFINITY);
        m.cpu.setFpr(3, FpMath.INFINITY | FpMath.SIGN);
        m.run(FpAsm.fadd_(1, 2, 3)).assertCompleted();
        assertEquals(0x1234, m.cpu.fpr(1));
        final long fpscr = fpscrAfter(m);
        assertEquals(Fpscr.FX | Fpscr.FEX | Fpscr.VX | Fpscr.VXISI | Fpscr.VE
            | (long) Fpscr.CLASS_POS_ZERO << Fpscr.FPRF_SHIFT, fpscr);
        assertEquals(0xE, (m.cpu.cr >>> 24) & 0xF);
    }

    @Test
    void shouldLeaveTheTargetAloneOnAnEnabledZeroDivide() {
        final TestMachine m = machine();
        m.cpu.fpscr = Fpscr.ZE;
        m.cpu.setFpr(1, 0x5678);
        m.cpu.setFpr(2, ONE);
        m.cpu.setFpr(3, 0);
        m.run(FpAsm.fdiv(1, 2, 3)).assertCompleted();
        assertEquals(0x5678, m.cpu.fpr(1));
        assertEquals(Fpscr.FX | Fpscr.FEX | Fpscr.ZX | Fpscr.ZE, fpscrAfter(m));
    }

    @Test
    void shouldTakeTheEnabledExceptionInterruptAfterCompletingTheInstruction() {
        final TestMachine m = machine();
        m.cpu.setMsr(m.cpu.msr | Cpu.MSR_FE0 | Cpu.MSR_FE1);
        m.cpu.fpscr = Fpscr.XE;
        m.cpu.setFpr(2, ONE);
        m.cpu.setFpr(3, QUARTER_ULP);
        m.run(FpAsm.fadd(1, 2, 3)).assertInterrupt(Interrupts.PROGRAM);
        assertEquals(ONE, m.cpu.fpr(1));
        assertEquals(TestMachine.CODE, m.cpu.spr[Spr.SRR0]);
        assertNotEquals(0, m.cpu.spr[Spr.SRR1] & Interrupts.SRR1_FP_ENABLED);
        assertTrue((fpscrAfter(m) & Fpscr.FEX) != 0);
    }

    @Test
    void shouldNotInterruptWhenTheFloatingPointExceptionModeIsIgnore() {
        final TestMachine m = machine();
        m.cpu.fpscr = Fpscr.XE;
        m.cpu.setFpr(2, ONE);
        m.cpu.setFpr(3, QUARTER_ULP);
        m.run(FpAsm.fadd(1, 2, 3)).assertCompleted();
        assertTrue((fpscrAfter(m) & Fpscr.FEX) != 0);
    }

    @Test
    void shouldAdjustTheExponentOfAnEnabledOverflowAndUnderflow() {
        final TestMachine m = machine();
        m.cpu.fpscr = Fpscr.OE;
        m.cpu.setFpr(2, Double.doubleToLongBits(0x1p1000));
        m.cpu.setFpr(4, Double.doubleToLongBits(0x1p100));
        m.run(FpAsm.fmul(1, 2, 4)).assertCompleted();
        assertEquals(Double.doubleToLongBits(0x1p-436), m.cpu.fpr(1));
        assertEquals(Fpscr.FX | Fpscr.FEX | Fpscr.OX | Fpscr.OE
            | (long) Fpscr.CLASS_POS_NORMAL << Fpscr.FPRF_SHIFT, fpscrAfter(m));

        final TestMachine u = machine();
        u.cpu.fpscr = Fpscr.UE;
        u.cpu.setFpr(2, Double.doubleToLongBits(0x1p-1000));
        u.cpu.setFpr(4, Double.doubleToLongBits(0x1p-100));
        u.run(FpAsm.fmul(1, 2, 4)).assertCompleted();
        assertEquals(Double.doubleToLongBits(0x1p436), u.cpu.fpr(1));
        assertTrue((fpscrAfter(u) & Fpscr.UX) != 0 && (fpscrAfter(u) & Fpscr.XX) == 0);
    }

    @Test
    void shouldDenormaliseTinyResultsAndReportUnderflowOnlyWhenInexact() {
        final TestMachine m = machine();
        m.cpu.setFpr(2, Double.doubleToLongBits(0x1p-1000));
        m.cpu.setFpr(4, Double.doubleToLongBits(0x1p-70));
        m.run(FpAsm.fmul(1, 2, 4)).assertCompleted();
        assertEquals(Double.doubleToLongBits(0x1p-1070), m.cpu.fpr(1));
        assertEquals((long) Fpscr.CLASS_POS_DENORMAL << Fpscr.FPRF_SHIFT, fpscrAfter(m));

        final TestMachine n = machine();
        n.cpu.setFpr(2, Double.doubleToLongBits(0x1.8p-1000));
        n.cpu.setFpr(4, Double.doubleToLongBits(0x1p-75));
        n.run(FpAsm.fmul(1, 2, 4)).assertCompleted();
        assertEquals(1L, n.cpu.fpr(1));
        assertTrue((fpscrAfter(n) & Fpscr.UX) != 0 && (fpscrAfter(n) & Fpscr.XX) != 0);
    }

    @Test
    void shouldRaiseFloatingPointUnavailableForLoadsAndMffs() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.run(FpAsm.lfd(1, 0, 0)).assertInterrupt(Interrupts.FP_UNAVAILABLE);
        final TestMachine n = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        n.run(FpAsm.mffs(1)).assertInterrupt(Interrupts.FP_UNAVAILABLE);
    }

    @Test
    void shouldRaiseVsxUnavailableForVsxArithmetic() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.setMsr(m.cpu.msr | Cpu.MSR_FP);
        m.run(FpAsm.xsadddp(1, 2, 3)).assertInterrupt(Interrupts.VSX_UNAVAILABLE);
    }

    @Test
    void shouldUseTheHighVsrsOfVsxOperands() {
        final TestMachine m = machine();
        m.cpu.vsr[2 * 40] = ONE;
        m.cpu.vsr[2 * 41] = ONE;
        m.run(FpAsm.xsadddp(63, 40, 41)).assertCompleted();
        assertEquals(0x4000_0000_0000_0000L, m.cpu.vsr[2 * 63]);
        assertEquals(0, m.cpu.vsr[2 * 63 + 1]);
    }

    @Test
    void shouldMoveFpscrFieldsWithTheV3Variants() {
        final TestMachine m = machine();
        m.cpu.fpscr = Fpscr.DRN | Fpscr.VE | Fpscr.XE | Fpscr.FI | Fpscr.OX | 2;
        m.run(FpAsm.mffsl(1), FpAsm.mffsce(2), FpAsm.mffscrni(3, 1), FpAsm.mffscdrni(4, 5)).assertCompleted();
        assertEquals(Fpscr.DRN | Fpscr.VE | Fpscr.XE | Fpscr.FI | 2, m.cpu.fpr(1));
        assertEquals(Fpscr.DRN | Fpscr.VE | Fpscr.XE | Fpscr.FI | Fpscr.OX | 2, m.cpu.fpr(2));
        assertEquals(Fpscr.DRN | 2, m.cpu.fpr(3));
        assertEquals(Fpscr.DRN | 1, m.cpu.fpr(4));
        assertEquals(5L << 32 | Fpscr.FI | Fpscr.OX | 1, m.cpu.fpscr);
    }

    @Test
    void shouldWriteFpscrWithMtfsfFieldsAndLAndMtfsfiW() {
        final TestMachine m = machine();
        m.cpu.setFpr(3, 0x0000_0004_0000_00F3L);
        m.run(FpAsm.mtfsf(0x01, 3, 0, 0), FpAsm.mtfsfi(7, 5, 1)).assertCompleted();
        assertEquals(5L << 32 | 3, m.cpu.fpscr);
        m.run(FpAsm.mtfsf(0, 3, 1, 0)).assertCompleted();
        assertEquals(0x0000_0004_0000_00F3L, m.cpu.fpscr);
    }

    @Test
    void shouldSetFxWhenMtfsb1SetsAnExceptionBitAndMcrfsClearsIt() {
        final TestMachine m = machine();
        m.run(FpAsm.mtfsb1(3), FpAsm.mcrfs(2, 0)).assertCompleted();
        assertEquals(0x9, (m.cpu.cr >>> 20) & 0xF);
        assertEquals(0, m.cpu.fpscr);
    }

    @Test
    void shouldConvertSinglesExactlyOnLoadAndTruncateOnStore() {
        final TestMachine m = machine();
        m.data(TestMachine.DATA, 4, 0x7FA0_0000L);
        m.data(TestMachine.DATA + 4, 4, 0x0000_0001L);
        m.gpr(5, TestMachine.DATA);
        m.run(FpAsm.lfs(1, 0, 5), FpAsm.lfs(2, 4, 5)).assertCompleted();
        assertEquals(0x7FF4_0000_0000_0000L, m.cpu.fpr(1));
        assertEquals(Double.doubleToLongBits(0x1p-149), m.cpu.fpr(2));
        m.cpu.setFpr(3, Double.doubleToLongBits(0x1.fffffffffffffp-130));
        m.run(FpAsm.stfs(3, 8, 5)).assertCompleted();
        assertEquals(0x000F_FFFFL, m.data(TestMachine.DATA + 8, 4));
    }

    @Test
    void shouldLoadPairsInQuadwordOrderAndRejectUpdateFormsWithRaZero() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN);
        m.cpu.setMsr(m.cpu.msr | Cpu.MSR_FP);
        m.data(TestMachine.DATA, 8, 0x1111);
        m.data(TestMachine.DATA + 8, 8, 0x2222);
        m.gpr(5, TestMachine.DATA);
        m.run(FpAsm.lfdp(2, 0, 5)).assertCompleted();
        assertEquals(0x2222, m.cpu.fpr(2));
        assertEquals(0x1111, m.cpu.fpr(3));
        final TestMachine n = machine();
        n.run(0xC420_0000).assertInterrupt(Interrupts.PROGRAM);
    }

    @Test
    void shouldConvertToIntegersWithSaturationAndVxcvi() {
        final TestMachine m = machine();
        m.cpu.setFpr(3, FpMath.DEFAULT_NAN);
        m.cpu.setFpr(4, Double.doubleToLongBits(-2.5));
        m.run(FpAsm.fctiw(1, 3), FpAsm.fctiwz(2, 4), FpAsm.fctidu(5, 4)).assertCompleted();
        assertEquals(0x8000_0000L, m.cpu.fpr(1));
        assertEquals(-2L, m.cpu.fpr(2));
        assertEquals(0, m.cpu.fpr(5));
        assertTrue((m.cpu.fpscr & Fpscr.VXCVI) != 0);
    }
}
