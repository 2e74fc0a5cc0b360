package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;

/**
 * Book I 3.3.14 rotate and shift instructions: every rotate with its mask (including the wrap-around masks
 * of mb > me), and every shift including amounts of 32/64 and above and the XER[CA] rules of the algebraic
 * shifts (CA set only when the source is negative and one bits are shifted out; CA32 follows CA).
 */
class RotateShiftTest {

    private static final ByteOrder[] ORDERS = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};

    /**
     * RS in r4, RA (target, and the insert base of rlwimi/rldimi) in r3, RB in r5. {@code n} is SH for the
     * immediate forms and the value of RB for the register forms; {@code mb}/{@code me} as the mnemonic
     * takes them (rldicr and rldcr take ME, the rest MB).
     */
    @ParameterizedTest(name = "{0} RS={1} RA={2} n={3} mb={4} me={5}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | RS                 | RA before          | n      | mb | me | result
        rlwinm | 0x12345678         | 0                  | 8      | 0  | 31 | 0x34567812
        rlwinm | 0xffffffff12345678 | 0                  | 0      | 0  | 31 | 0x12345678
        rlwinm | 0x12345678         | 0                  | 0      | 28 | 3  | 0x1234567810000008
        rlwinm | 0x80000001         | 0                  | 1      | 31 | 31 | 1
        rlwinm | 0xf000000f         | 0                  | 4      | 0  | 27 | 0xf0
        rlwinm | 0x80000000         | 0                  | 0      | 0  | 0  | 0x80000000
        rlwinm | 1                  | 0                  | 31     | 0  | 31 | 0x80000000
        rlwinm | 0x12345678         | 0                  | 4      | 1  | 0  | 0x2345678123456781
        rlwnm  | 0x12345678         | 0                  | 0xffffffe8 | 0 | 31 | 0x34567812
        rlwnm  | 0x12345678         | 0                  | 36     | 0  | 31 | 0x23456781
        rlwnm  | 0x12345678         | 0                  | 0      | 28 | 3  | 0x1234567810000008
        rlwimi | 0x12345678         | -1                 | 0      | 8  | 15 | 0xffffffffff34ffff
        rlwimi | 0xab               | 0                  | 24     | 0  | 7  | 0xab000000
        rlwimi | 0x12345678         | 0                  | 0      | 28 | 3  | 0x1234567810000008
        rlwimi | 0                  | -1                 | 0      | 28 | 3  | 0x0ffffff0
        rldicl | 0x123456789abcdef0 | 0                  | 8      | 0  | 0  | 0x3456789abcdef012
        rldicl | 0x123456789abcdef0 | 0                  | 0      | 32 | 0  | 0x9abcdef0
        rldicl | 0x123456789abcdef0 | 0                  | 60     | 4  | 0  | 0x0123456789abcdef
        rldicl | 2                  | 0                  | 63     | 63 | 0  | 1
        rldicr | 0x123456789abcdef0 | 0                  | 4      | 0  | 59 | 0x23456789abcdef00
        rldicr | MIN                | 0                  | 0      | 0  | 0  | MIN
        rldicr | 0x123456789abcdef0 | 0                  | 32     | 0  | 31 | 0x9abcdef000000000
        rldic  | 0xff               | 0                  | 8      | 48 | 0  | 0xff00
        rldic  | -1                 | 0                  | 4      | 0  | 0  | 0xfffffffffffffff0
        rldic  | -1                 | 0                  | 60     | 8  | 0  | 0xf0ffffffffffffff
        rldimi | 0                  | -1                 | 16     | 32 | 0  | 0xffffffff0000ffff
        rldimi | 0x1234             | 0                  | 48     | 0  | 0  | 0x1234000000000000
        rldimi | -1                 | 0                  | 60     | 8  | 0  | 0xf0ffffffffffffff
        rldcl  | 0x123456789abcdef0 | 0                  | 0xff08 | 0  | 0  | 0x3456789abcdef012
        rldcl  | 0x123456789abcdef0 | 0                  | 68     | 56 | 0  | 0x01
        rldcr  | 0x123456789abcdef0 | 0                  | 4      | 0  | 55 | 0x23456789abcdef00
        rldcr  | 0x123456789abcdef0 | 0                  | 64     | 0  | 63 | 0x123456789abcdef0
        """)
    void shouldRotateUnderMask(final String op, final String rs, final String raBefore, final String n,
                               final int mb, final int me, final String result) {
        final int amount = (int) value(n);
        for (final ByteOrder order : ORDERS) {
            for (final boolean record : new boolean[] {false, true}) {
                final int word = rotate(op, amount, mb, me, record);
                final TestMachine m = TestMachine.supervisor(order).gpr(4, value(rs)).gpr(3, value(raBefore))
                    .gpr(5, value(n)).xer(XerBits.CA).run(word).assertCompleted();
                assertEquals(Long.toHexString(value(result)), Long.toHexString(m.gpr(3)), op + (record ? "." : ""));
                assertEquals(XerBits.CA, m.cpu.xer(), "rotates leave XER alone");
                assertEquals(record ? XerBits.signOf(value(result)) << 28 : 0, m.cpu.cr, "CR");
            }
        }
    }

    private static int rotate(final String op, final int n, final int mb, final int me, final boolean record) {
        return switch (op) {
            case "rlwinm" -> record ? PpcAsm.rlwinm_(3, 4, n, mb, me) : PpcAsm.rlwinm(3, 4, n, mb, me);
            case "rlwnm" -> record ? PpcAsm.rlwnm_(3, 4, 5, mb, me) : PpcAsm.rlwnm(3, 4, 5, mb, me);
            case "rlwimi" -> record ? PpcAsm.rlwimi_(3, 4, n, mb, me) : PpcAsm.rlwimi(3, 4, n, mb, me);
            case "rldicl" -> record ? PpcAsm.rldicl_(3, 4, n, mb) : PpcAsm.rldicl(3, 4, n, mb);
            case "rldicr" -> record ? PpcAsm.rldicr_(3, 4, n, me) : PpcAsm.rldicr(3, 4, n, me);
            case "rldic" -> record ? PpcAsm.rldic_(3, 4, n, mb) : PpcAsm.rldic(3, 4, n, mb);
            case "rldimi" -> record ? PpcAsm.rldimi_(3, 4, n, mb) : PpcAsm.rldimi(3, 4, n, mb);
            case "rldcl" -> record ? PpcAsm.rldcl_(3, 4, 5, mb) : PpcAsm.rldcl(3, 4, 5, mb);
            case "rldcr" -> record ? PpcAsm.rldcr_(3, 4, 5, me) : PpcAsm.rldcr(3, 4, 5, me);
            default -> throw new IllegalArgumentException(op);
        };
    }

    /**
     * RS in r4, the amount in RB (r5) or SH; CA is "-" for the logical shifts, which must leave it alone.
     * Each row runs with CA and CA32 clear and set beforehand.
     */
    @ParameterizedTest(name = "{0} RS={1} by {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # op  | RS                 | amount | result             | CA
        slw   | 0xffffffff80000001 | 1      | 2                  | -
        slw   | 1                  | 31     | 0x80000000         | -
        slw   | 1                  | 32     | 0                  | -
        slw   | 1                  | 63     | 0                  | -
        slw   | 1                  | 64     | 1                  | -
        slw   | 0x12345678         | 4      | 0x23456780         | -
        srw   | 0xffffffff80000000 | 1      | 0x40000000         | -
        srw   | 0x80000000         | 31     | 1                  | -
        srw   | 0x80000000         | 32     | 0                  | -
        srw   | 0x80000000         | 68     | 0x08000000         | -
        sld   | 1                  | 63     | MIN                | -
        sld   | 1                  | 64     | 0                  | -
        sld   | 1                  | 127    | 0                  | -
        sld   | 1                  | 128    | 1                  | -
        srd   | MIN                | 63     | 1                  | -
        srd   | MIN                | 64     | 0                  | -
        srd   | -1                 | 4      | 0x0fffffffffffffff | -
        srd   | -1                 | 132    | 0x0fffffffffffffff | -
        sraw  | 0x80000000         | 4      | 0xfffffffff8000000 | 0
        sraw  | 0x80000001         | 1      | 0xffffffffc0000000 | 1
        sraw  | 0x7fffffff         | 4      | 0x07ffffff         | 0
        sraw  | 0xffffffff         | 31     | -1                 | 1
        sraw  | 0x80000000         | 32     | -1                 | 1
        sraw  | 1                  | 32     | 0                  | 0
        sraw  | 0x1fffffffe        | 0      | -2                 | 0
        sraw  | -1                 | 63     | -1                 | 1
        sraw  | 0x80000000         | 64     | 0xffffffff80000000 | 0
        sraw  | 0x7fffffff00000001 | 1      | 0                  | 0
        srawi | 0x80000001         | 1      | 0xffffffffc0000000 | 1
        srawi | 0x80000000         | 31     | -1                 | 0
        srawi | 0xffffffff         | 0      | -1                 | 0
        srawi | 0x100000004        | 2      | 1                  | 0
        srawi | 0xfffffff1         | 4      | -1                 | 1
        srad  | MIN                | 63     | -1                 | 0
        srad  | 0x8000000000000001 | 1      | 0xc000000000000000 | 1
        srad  | -1                 | 64     | -1                 | 1
        srad  | 1                  | 64     | 0                  | 0
        srad  | -2                 | 127    | -1                 | 1
        srad  | -2                 | 128    | -2                 | 0
        srad  | MAX                | 62     | 1                  | 0
        sradi | 0x8000000000000001 | 1      | 0xc000000000000000 | 1
        sradi | -1                 | 63     | -1                 | 1
        sradi | 0x8000000000000010 | 4      | 0xf800000000000001 | 0
        sradi | 0x8000000000000011 | 4      | 0xf800000000000001 | 1
        sradi | 0x100000000        | 32     | 1                  | 0
        sradi | -1                 | 0      | -1                 | 0
        """)
    void shouldShiftAndSetCarryForAlgebraicShifts(final String op, final String rs, final String amount,
                                                  final String result, final String ca) {
        final int n = (int) value(amount);
        for (final ByteOrder order : ORDERS) {
            for (final boolean caBefore : new boolean[] {false, true}) {
                for (final boolean record : new boolean[] {false, true}) {
                    final long xerBefore = caBefore ? XerBits.CA | XerBits.CA32 : 0;
                    final TestMachine m = TestMachine.supervisor(order).gpr(4, value(rs)).gpr(5, value(amount))
                        .xer(xerBefore).run(shift(op, n, record)).assertCompleted();
                    final String name = op + (record ? "." : "") + " CA before " + caBefore;
                    assertEquals(Long.toHexString(value(result)), Long.toHexString(m.gpr(3)), name);
                    final long xerAfter = ca.equals("-") ? xerBefore
                        : ca.equals("1") ? XerBits.CA | XerBits.CA32 : 0;
                    assertEquals(xerAfter, m.cpu.xer(), name + ": XER");
                    assertEquals(record ? XerBits.signOf(value(result)) << 28 : 0, m.cpu.cr, name + ": CR");
                }
            }
        }
    }

    private static int shift(final String op, final int n, final boolean record) {
        return switch (op) {
            case "slw" -> record ? PpcAsm.slw_(3, 4, 5) : PpcAsm.slw(3, 4, 5);
            case "srw" -> record ? PpcAsm.srw_(3, 4, 5) : PpcAsm.srw(3, 4, 5);
            case "sld" -> record ? PpcAsm.sld_(3, 4, 5) : PpcAsm.sld(3, 4, 5);
            case "srd" -> record ? PpcAsm.srd_(3, 4, 5) : PpcAsm.srd(3, 4, 5);
            case "sraw" -> record ? PpcAsm.sraw_(3, 4, 5) : PpcAsm.sraw(3, 4, 5);
            case "srawi" -> record ? PpcAsm.srawi_(3, 4, n) : PpcAsm.srawi(3, 4, n);
            case "srad" -> record ? PpcAsm.srad_(3, 4, 5) : PpcAsm.srad(3, 4, 5);
            case "sradi" -> record ? PpcAsm.sradi_(3, 4, n) : PpcAsm.sradi(3, 4, n);
            default -> throw new IllegalArgumentException(op);
        };
    }

    @Test
    void shouldSetCr0FromTheLowWordIn32BitMode() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().gpr(4, 0x12345678)
            .run(PpcAsm.rlwinm_(3, 4, 0, 28, 3), PpcAsm.cmpwi(1, 3, 0)).assertCompleted();
        assertEquals(0x1234_5678_1000_0008L, m.gpr(3));
        assertEquals(XerBits.GT, m.cr0());
        final TestMachine n = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().gpr(4, 1)
            .run(PpcAsm.sldi(3, 4, 32)).assertCompleted();
        assertEquals(0x1_0000_0000L, n.gpr(3));
        final TestMachine r = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().gpr(4, 1)
            .run(PpcAsm.rldicr_(3, 4, 32, 31)).assertCompleted();
        assertEquals(XerBits.EQ, r.cr0(), "low word of 0x100000000 is zero");
    }
}
