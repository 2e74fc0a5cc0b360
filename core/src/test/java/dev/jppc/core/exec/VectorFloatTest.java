package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.VmxAsm;

/**
 * Book I 6.10 vector floating point on single elements (the same value in all four words): the cases the QEMU
 * reference data cannot check (denormal sources in non-Java mode, where QEMU 7.2 departs from Book I 6.5) and
 * the special values of the estimates.
 */
class VectorFloatTest {

    /** Runs {@code word} (VRT = 1, VRA = 2, VRB = 3, VRC = 4) with every word of VRA/VRB/VRC set; returns word 0. */
    private static int run(final int word, final int a, final int b, final int c, final boolean nonJava) {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).msrBits(Cpu.MSR_VEC);
        m.cpu.setVr(2, splat(a), splat(a));
        m.cpu.setVr(3, splat(b), splat(b));
        m.cpu.setVr(4, splat(c), splat(c));
        m.cpu.vscr = nonJava ? VectorInteger.VSCR_NJ : 0;
        m.run(word).assertCompleted();
        assertEquals(m.cpu.vrHigh(1), m.cpu.vrLow(1), "all elements alike");
        return (int) (m.cpu.vrHigh(1) >>> 32);
    }

    private static long splat(final int w) {
        return ((long) w << 32) | (w & 0xFFFF_FFFFL);
    }

    private static int hex(final String s) {
        return (int) Long.parseLong(s.substring(2), 16);
    }

    @ParameterizedTest(name = "{0} {1} {2} NJ={3} -> {4}")
    @CsvSource({
        // A denormal source is zero of its sign in non-Java mode, and used as it is in Java mode.
        "vaddfp, 0x00000001, 0x00000000, true, 0x00000000",
        "vaddfp, 0x80000001, 0x80000000, true, 0x80000000",
        "vaddfp, 0x00000001, 0x00000000, false, 0x00000001",
        "vaddfp, 0x00400000, 0x00400000, true, 0x00000000",
        "vaddfp, 0x00400000, 0x00400000, false, 0x00800000",
        // A tiny result is zero of its sign in non-Java mode.
        "vsubfp, 0x00800001, 0x00800000, true, 0x00000000",
        "vsubfp, 0x80800000, 0x80800001, true, 0x00000000",
        "vsubfp, 0x80800001, 0x80800000, true, 0x80000000",
        "vsubfp, 0x00800001, 0x00800000, false, 0x00000001",
        // NaNs: VRA's first, made quiet; invalid operations give the default QNaN.
        "vaddfp, 0x7f800001, 0xffc00001, false, 0x7fc00001",
        "vsubfp, 0x3f800000, 0xff800002, false, 0xffc00002",
        "vsubfp, 0x7f800000, 0x7f800000, false, 0x7fc00000",
        "vmaxfp, 0x80000000, 0x00000000, false, 0x00000000",
        "vminfp, 0x00000000, 0x80000000, false, 0x80000000",
        "vmaxfp, 0x00000001, 0x00000000, true, 0x00000000"
    })
    void shouldComputeTwoOperandElements(final String op, final String a, final String b, final boolean nonJava,
                                         final String expected) {
        final int word = switch (op) {
            case "vaddfp" -> VmxAsm.vaddfp(1, 2, 3);
            case "vsubfp" -> VmxAsm.vsubfp(1, 2, 3);
            case "vmaxfp" -> VmxAsm.vmaxfp(1, 2, 3);
            default -> VmxAsm.vminfp(1, 2, 3);
        };
        assertEquals(hex(expected), run(word, hex(a), hex(b), 0, nonJava));
    }

    @ParameterizedTest(name = "{0} {1} NJ={2} -> {3}")
    @CsvSource({
        "vrfip, 0x00000001, false, 0x3f800000",
        "vrfip, 0x00000001, true, 0x00000000",
        "vrfim, 0x80000001, false, 0xbf800000",
        "vrfim, 0x80000001, true, 0x80000000",
        "vrfin, 0x3f000000, false, 0x00000000",
        "vrfin, 0x3fc00000, false, 0x40000000",
        "vrfiz, 0xbfc00000, false, 0xbf800000",
        "vrefp, 0x80000000, false, 0xff800000",
        "vrefp, 0x00000001, true, 0x7f800000",
        "vrsqrtefp, 0x40800000, false, 0x3f000000",
        "vrsqrtefp, 0xbf800000, false, 0x7fc00000",
        "vexptefp, 0xff800000, false, 0x00000000",
        "vexptefp, 0x80000000, false, 0x3f800000",
        "vexptefp, 0x7f800000, false, 0x7f800000",
        "vexptefp, 0x40400000, false, 0x41000000",
        "vexptefp, 0xc3000000, true, 0x00000000",
        "vexptefp, 0xc3000000, false, 0x00200000",
        "vlogefp, 0x41000000, false, 0x40400000",
        "vlogefp, 0x00000000, false, 0xff800000",
        "vlogefp, 0x00000001, true, 0xff800000",
        "vlogefp, 0xbf800000, false, 0x7fc00000"
    })
    void shouldComputeOneOperandElements(final String op, final String b, final boolean nonJava,
                                         final String expected) {
        final int word = switch (op) {
            case "vrfip" -> VmxAsm.vrfip(1, 3);
            case "vrfim" -> VmxAsm.vrfim(1, 3);
            case "vrfin" -> VmxAsm.vrfin(1, 3);
            case "vrfiz" -> VmxAsm.vrfiz(1, 3);
            case "vrefp" -> VmxAsm.vrefp(1, 3);
            case "vrsqrtefp" -> VmxAsm.vrsqrtefp(1, 3);
            case "vexptefp" -> VmxAsm.vexptefp(1, 3);
            default -> VmxAsm.vlogefp(1, 3);
        };
        assertEquals(hex(expected), run(word, 0, hex(b), 0, nonJava));
    }

    @ParameterizedTest(name = "{0} a={1} b={2} c={3} -> {4}")
    @CsvSource({
        // vmaddfp: a x c + b, one rounding; vnmsubfp: -(a x c - b)
        "vmaddfp, 0x3f800001, 0xbf800002, 0x3f800001, 0x28800000",
        "vnmsubfp, 0x40000000, 0x3f800000, 0x3f800000, 0xbf800000",
        "vmaddfp, 0x7f800000, 0x3f800000, 0x00000000, 0x7fc00000",
        "vnmsubfp, 0x7fc00005, 0x3f800000, 0x3f800000, 0x7fc00005",
        "vmaddfp, 0x3f800000, 0x7f800002, 0xffc00003, 0x7fc00002"
    })
    void shouldFuseMultiplyAdd(final String op, final String a, final String b, final String c,
                               final String expected) {
        final int word = op.equals("vmaddfp") ? VmxAsm.vmaddfp(1, 2, 4, 3) : VmxAsm.vnmsubfp(1, 2, 4, 3);
        assertEquals(hex(expected), run(word, hex(a), hex(b), hex(c), false));
    }

    @ParameterizedTest(name = "{0} {1} scale {2} -> {3}")
    @CsvSource({
        "vctsxs, 0x4f000000, 0, 0x7fffffff",
        "vctsxs, 0xcf000001, 0, 0x80000000",
        "vctsxs, 0x7fc00000, 0, 0x00000000",
        "vctuxs, 0xbf000000, 0, 0x00000000",
        "vctuxs, 0xbf800000, 0, 0x00000000",
        "vctuxs, 0x3f800000, 31, 0x80000000",
        "vcfsx, 0xffffffff, 1, 0xbf000000",
        "vcfux, 0xffffffff, 0, 0x4f800000"
    })
    void shouldConvert(final String op, final String b, final int scale, final String expected) {
        final int word = switch (op) {
            case "vctsxs" -> VmxAsm.vctsxs(1, 3, scale);
            case "vctuxs" -> VmxAsm.vctuxs(1, 3, scale);
            case "vcfsx" -> VmxAsm.vcfsx(1, 3, scale);
            default -> VmxAsm.vcfux(1, 3, scale);
        };
        assertEquals(hex(expected), run(word, 0, hex(b), 0, false));
    }
}
