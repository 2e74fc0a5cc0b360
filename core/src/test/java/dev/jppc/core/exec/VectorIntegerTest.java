package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.VmxAsm;

/**
 * Book I 6.9 vector integer instructions on hand-picked operands: saturation and VSCR[SAT], the quadword carry
 * chain, compares with CR6, element shifts, multiplies and sums. The QEMU reference data covers them broadly.
 */
class VectorIntegerTest {

    /** Runs {@code word} (VRT = 1, VRA = 2, VRB = 3, VRC = 4) and returns the machine. */
    private static TestMachine run(final int word, final long ah, final long al, final long bh, final long bl,
                                   final long ch, final long cl) {
        final TestMachine m = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).msrBits(Cpu.MSR_VEC);
        m.cpu.setVr(2, ah, al);
        m.cpu.setVr(3, bh, bl);
        m.cpu.setVr(4, ch, cl);
        m.run(word).assertCompleted();
        return m;
    }

    private static void assertVr(final TestMachine m, final String hi, final String lo) {
        assertEquals(TestMachine.value(hi), m.cpu.vrHigh(1), "doubleword 0");
        assertEquals(TestMachine.value(lo), m.cpu.vrLow(1), "doubleword 1");
    }

    /** VRA = 0x7f80ff0001020304 || 0, VRB = 0x01ff010100000000 || 0. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "vaddubm, 0x807f000101020304, 0, 0",
        "vaddubs, 0x80ffff0101020304, 0, 1",
        "vaddsbs, 0x7f80000101020304, 0, 1",
        "vsububs, 0x7e00fe0001020304, 0, 1",
        "vsubuwm, 0x7d81fdff01020304, 0, 0",
        "vavgub, 0x40c0800101010202, 0, 0",
        "vmaxsb, 0x7fff010101020304, 0, 0",
        "vminub, 0x0180010000000000, 0, 0",
        "vslb, 0xfe00fe0001020304, 0, 0",
        "vsrab, 0x3fffff0001020304, 0, 0",
        "vrlw, 0xff01fe0001020304, 0, 0",
        "vmuleub, 0x007f00ff00000000, 0, 0",
        "vmulosh, 0xfffeff0000000000, 0, 0",
        "vpkuhus, 0xffffffff00000000, 0xffff000000000000, 1",
        "vpkshss, 0x7f807f7f00000000, 0x7f7f000000000000, 1"
    })
    void shouldComputeElementwise(final String op, final String hi, final String lo, final int sat) {
        final int word = switch (op) {
            case "vaddubm" -> VmxAsm.vaddubm(1, 2, 3);
            case "vaddubs" -> VmxAsm.vaddubs(1, 2, 3);
            case "vaddsbs" -> VmxAsm.vaddsbs(1, 2, 3);
            case "vsububs" -> VmxAsm.vsububs(1, 2, 3);
            case "vsubuwm" -> VmxAsm.vsubuwm(1, 2, 3);
            case "vavgub" -> VmxAsm.vavgub(1, 2, 3);
            case "vmaxsb" -> VmxAsm.vmaxsb(1, 2, 3);
            case "vminub" -> VmxAsm.vminub(1, 2, 3);
            case "vslb" -> VmxAsm.vslb(1, 2, 3);
            case "vsrab" -> VmxAsm.vsrab(1, 2, 3);
            case "vrlw" -> VmxAsm.vrlw(1, 2, 3);
            case "vmuleub" -> VmxAsm.vmuleub(1, 2, 3);
            case "vmulosh" -> VmxAsm.vmulosh(1, 2, 3);
            case "vpkuhus" -> VmxAsm.vpkuhus(1, 2, 3);
            default -> VmxAsm.vpkshss(1, 2, 3);
        };
        final TestMachine m = run(word, 0x7F80_FF00_0102_0304L, 0, 0x01FF_0101_0000_0000L, 0, 0, 0);
        assertVr(m, hi, lo);
        assertEquals(sat, m.cpu.vscr & VectorInteger.VSCR_SAT, "SAT");
    }

    @Test
    void shouldCarryThroughTheWholeQuadword() {
        assertVr(run(VmxAsm.vadduqm(1, 2, 3), 0, -1L, 0, 1, 0, 0), "1", "0");
        assertVr(run(VmxAsm.vaddcuq(1, 2, 3), -1L, -1L, 0, 1, 0, 0), "0", "1");
        assertVr(run(VmxAsm.vaddeuqm(1, 2, 3, 4), 0, -1L, 0, 0, 0, 1), "1", "0");
        assertVr(run(VmxAsm.vaddecuq(1, 2, 3, 4), -1L, -1L, 0, 0, 0, 1), "0", "1");
        assertVr(run(VmxAsm.vsubuqm(1, 2, 3), 1, 0, 0, 1, 0, 0), "0", "0xffffffffffffffff");
        assertVr(run(VmxAsm.vsubcuq(1, 2, 3), 0, 5, 0, 5, 0, 0), "0", "1");
        assertVr(run(VmxAsm.vsubcuq(1, 2, 3), 0, 4, 0, 5, 0, 0), "0", "0");
        assertVr(run(VmxAsm.vsubeuqm(1, 2, 3, 4), 0, 5, 0, 5, 0, 0), "-1", "-1");
        assertVr(run(VmxAsm.vsubecuq(1, 2, 3, 4), 0, 5, 0, 5, 0, 0), "0", "0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "vcmpequb., 0x0000000000000000, 0x0000000000000000, 2",
        "vcmpgtub., 0x0000000000000000, 0x0000000000000000, 2",
        "vcmpgtsb., 0xffffffffffffffff, 0xffffffffffffffff, 8",
        "vcmpequw, 0xffffffff00000000, 0x00000000ffffffff, 0"
    })
    void shouldSetCr6ForTheRecordForms(final String op, final String hi, final String lo, final int cr6) {
        final int word = switch (op) {
            case "vcmpequb." -> VmxAsm.vcmpequb_(1, 2, 3);
            case "vcmpgtub." -> VmxAsm.vcmpgtub_(1, 2, 3);
            case "vcmpgtsb." -> VmxAsm.vcmpgtsb_(1, 3, 2);
            default -> VmxAsm.vcmpequw(1, 2, 3);
        };
        final long ah = op.equals("vcmpequw") ? 0x1234_5678_0000_0001L : 0x0101_0101_0101_0101L;
        final long al = op.equals("vcmpequw") ? 0x0000_0002_9999_9999L : 0x0101_0101_0101_0101L;
        final long bh = op.equals("vcmpequw") ? 0x1234_5678_0000_0002L : 0x0202_0202_0202_0202L;
        final long bl = op.equals("vcmpequw") ? 0x0000_0003_9999_9999L : 0x0202_0202_0202_0202L;
        final TestMachine m = run(word, ah, al, bh, bl, 0, 0);
        assertVr(m, hi, lo);
        assertEquals(cr6, m.crField(6));
    }

    @Test
    void shouldSumAcrossWithSaturation() {
        final TestMachine m = run(VmxAsm.vsumsws(1, 2, 3), 0x7FFF_FFFF_0000_0001L, 0, 0, 0, 0, 0);
        assertVr(m, "0", "0x7fffffff");
        assertEquals(1, m.cpu.vscr & VectorInteger.VSCR_SAT);
        assertVr(run(VmxAsm.vsum2sws(1, 2, 3), 0x0000_0001_0000_0002L, 0xFFFF_FFFF_FFFF_FFFEL, 0x0000_0000_0000_0004L,
            0x0000_0000_0000_0001L, 0, 0), "7", "0xfffffffe");
        assertVr(run(VmxAsm.vmsumubm(1, 2, 3, 4), 0x0102_0304_FFFF_FFFFL, 0, 0x0101_0101_0101_0101L, 0,
            0x0000_0010_0000_0000L, 0), "0x0000001a000003fc", "0");
    }

    @Test
    void shouldCountBits() {
        assertVr(run(VmxAsm.vclzb(1, 3), 0, 0, 0x0001_0280_FF7F_3F10L, 0x0000_0000_0000_0000L, 0, 0),
            "0x0807060000010203", "0x0808080808080808");
        assertVr(run(VmxAsm.vpopcntd(1, 3), 0, 0, -1L, 0xF0L, 0, 0), "64", "4");
    }
}
