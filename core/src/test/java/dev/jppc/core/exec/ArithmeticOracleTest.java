package dev.jppc.core.exec;

import static dev.jppc.core.exec.XerBits.CA;
import static dev.jppc.core.exec.XerBits.CA32;
import static dev.jppc.core.exec.XerBits.OV;
import static dev.jppc.core.exec.XerBits.OV32;
import static dev.jppc.core.exec.XerBits.SO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.TestMachine;

/**
 * Every XO-form arithmetic instruction on every pair of edge operands, in every form, in 64- and 32-bit mode,
 * with CA clear and set, against a reference computed with {@link BigInteger} straight from the ISA's
 * definitions (Book I 3.3.9: subtraction is {@code ~RA + RB + 1}; carries and overflows are of the exact
 * sums). Undefined quotients follow jppc's rule: result 0 and OV set.
 */
class ArithmeticOracleTest {

    private static final long[] EDGES = {
        0, 1, 2, 7, -1, -2, -7, Long.MAX_VALUE, Long.MIN_VALUE, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
        0xFFFF_FFFEL, 0x1_0000_0000L, 0x1_7FFF_FFFFL, 0xFFFF_FFFF_0000_0000L,
    };
    private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** What an instruction should produce. {@code ca < 0}: the instruction leaves CA and CA32 alone. */
    private record Outcome(long result, int ca, int ca32, int ov, int ov32) {
    }

    static Stream<Arguments> instructions() {
        final List<Arguments> all = new ArrayList<>();
        for (final String op : new String[] {"add", "addc", "adde", "addme", "addze", "subf", "subfc", "subfe",
            "subfme", "subfze", "neg", "mullw", "mulld", "divw", "divwu", "divd", "divdu", "divwe", "divweu",
            "divde", "divdeu"}) {
            all.add(Arguments.of(op, true));
            all.add(Arguments.of(op, false));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1} 64-bit mode")
    @MethodSource("instructions")
    void shouldAgreeWithTheBigIntegerReference(final String op, final boolean mode64) {
        final XoForms.Forms forms = XoForms.of(op);
        final Cpu cpu = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).cpu;
        if (!mode64) {
            cpu.setMsr(cpu.msr & ~Cpu.MSR_SF);
        }
        for (final long a : EDGES) {
            for (final long b : EDGES) {
                for (final int caIn : new int[] {0, 1}) {
                    final Outcome expected = reference(op, a, b, caIn, mode64);
                    for (final boolean overflow : new boolean[] {false, true}) {
                        for (final boolean record : new boolean[] {false, true}) {
                            cpu.gpr[3] = 0x5555;
                            cpu.gpr[4] = a;
                            cpu.gpr[5] = b;
                            cpu.setXer(caIn != 0 ? CA | CA32 : 0);
                            cpu.cr = 0;
                            Interpreter.execute(cpu, forms.form(overflow, record).word(3, 4, 5));
                            check(op, a, b, caIn, overflow, record, mode64, expected, cpu);
                        }
                    }
                }
            }
        }
    }

    private static void check(final String op, final long a, final long b, final int caIn, final boolean overflow,
                              final boolean record, final boolean mode64, final Outcome expected, final Cpu cpu) {
        final Supplier<String> name = () -> String.format("%s%s%s RA=0x%x RB=0x%x CA=%d %d-bit", op,
            overflow ? "o" : "", record ? "." : "", a, b, caIn, mode64 ? 64 : 32);
        assertEquals(expected.result(), cpu.gpr[3], () -> name.get() + ": result");
        final int ca = expected.ca() < 0 ? caIn : expected.ca();
        final int ca32 = expected.ca() < 0 ? caIn : expected.ca32();
        final int ov = overflow ? expected.ov() : 0;
        final int ov32 = overflow ? expected.ov32() : 0;
        final long xer = (ca != 0 ? CA : 0) | (ca32 != 0 ? CA32 : 0) | (ov != 0 ? OV | SO : 0)
            | (ov32 != 0 ? OV32 : 0);
        assertEquals(xer, cpu.xer(), () -> name.get() + ": XER");
        final int cr0 = record ? XerBits.cr0(expected.result(), mode64, ov) : 0;
        assertEquals(cr0, cpu.cr >>> 28, () -> name.get() + ": CR0");
    }

    // ---- the reference --------------------------------------------------------------------------------

    private static Outcome reference(final String op, final long a, final long b, final int ca, final boolean m64) {
        return switch (op) {
            case "add" -> noCarry(sum(a, b, 0, m64));
            case "addc" -> sum(a, b, 0, m64);
            case "adde" -> sum(a, b, ca, m64);
            case "addme" -> sum(a, -1, ca, m64);
            case "addze" -> sum(a, 0, ca, m64);
            case "subf" -> noCarry(sum(~a, b, 1, m64));
            case "subfc" -> sum(~a, b, 1, m64);
            case "subfe" -> sum(~a, b, ca, m64);
            case "subfme" -> sum(~a, -1, ca, m64);
            case "subfze" -> sum(~a, 0, ca, m64);
            case "neg" -> noCarry(sum(~a, 0, 1, m64));
            case "mullw" -> product(BigInteger.valueOf((int) a).multiply(BigInteger.valueOf((int) b)), 32);
            case "mulld" -> product(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), 64);
            case "divw" -> quotient(BigInteger.valueOf((int) a), BigInteger.valueOf((int) b), 32, true);
            case "divwu" -> quotient(low(a), low(b), 32, false);
            case "divd" -> quotient(BigInteger.valueOf(a), BigInteger.valueOf(b), 64, true);
            case "divdu" -> quotient(unsigned(a), unsigned(b), 64, false);
            case "divwe" -> quotient(BigInteger.valueOf((int) a).shiftLeft(32), BigInteger.valueOf((int) b), 32,
                true);
            case "divweu" -> quotient(low(a).shiftLeft(32), low(b), 32, false);
            case "divde" -> quotient(BigInteger.valueOf(a).shiftLeft(64), BigInteger.valueOf(b), 64, true);
            case "divdeu" -> quotient(unsigned(a).shiftLeft(64), unsigned(b), 64, false);
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** x + y + carryIn: carries and signed overflows of the whole doubleword and of the low word. */
    private static Outcome sum(final long x, final long y, final int carryIn, final boolean mode64) {
        final BigInteger c = BigInteger.valueOf(carryIn);
        final BigInteger unsigned64 = unsigned(x).add(unsigned(y)).add(c);
        final BigInteger unsigned32 = low(x).add(low(y)).add(c);
        final BigInteger signed64 = BigInteger.valueOf(x).add(BigInteger.valueOf(y)).add(c);
        final BigInteger signed32 = BigInteger.valueOf((int) x).add(BigInteger.valueOf((int) y)).add(c);
        final int ca64 = unsigned64.compareTo(TWO_64) >= 0 ? 1 : 0;
        final int ca32 = unsigned32.compareTo(TWO_32) >= 0 ? 1 : 0;
        final int ov64 = signed64.bitLength() > 63 ? 1 : 0;
        final int ov32 = signed32.bitLength() > 31 ? 1 : 0;
        return new Outcome(unsigned64.longValue(), mode64 ? ca64 : ca32, ca32, mode64 ? ov64 : ov32, ov32);
    }

    private static Outcome noCarry(final Outcome o) {
        return new Outcome(o.result(), -1, -1, o.ov(), o.ov32());
    }

    /** mullw/mulld: the low doubleword of the product; OV when the product does not fit {@code bits} bits. */
    private static Outcome product(final BigInteger p, final int bits) {
        final int ov = p.bitLength() > bits - 1 ? 1 : 0;
        return new Outcome(p.longValue(), -1, -1, ov, ov);
    }

    /**
     * Divisions truncate towards zero; a zero divisor or a quotient outside the {@code bits}-bit (signed or
     * unsigned) range is undefined: 0 with OV. A 32-bit quotient lands zero extended in RT.
     */
    private static Outcome quotient(final BigInteger dividend, final BigInteger divisor, final int bits,
                                    final boolean signed) {
        if (divisor.signum() == 0) {
            return new Outcome(0, -1, -1, 1, 1);
        }
        final BigInteger q = dividend.divide(divisor);
        final boolean fits = signed ? q.bitLength() <= bits - 1 : q.signum() >= 0 && q.bitLength() <= bits;
        if (!fits) {
            return new Outcome(0, -1, -1, 1, 1);
        }
        final long result = bits == 32 ? q.longValue() & 0xFFFF_FFFFL : q.longValue();
        return new Outcome(result, -1, -1, 0, 0);
    }

    private static BigInteger unsigned(final long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    private static BigInteger low(final long v) {
        return BigInteger.valueOf(v & 0xFFFF_FFFFL);
    }
}
