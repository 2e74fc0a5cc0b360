package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Cpu;
import dev.jppc.mmu.GuestMemory;

/**
 * The allocation-free round-to-nearest multiply-add (Math.fma and the ErrFma error) against the exact
 * BigInteger path, on operands built to hit what is hard: sums that cancel most of the product, addends just
 * below or above half an ulp, short significands that give exact results and ties. Same result bits and the
 * same FI, FR and XX, double and single precision; most cases must take the fast path.
 */
class FpMathFmaTest {

    private static final int CASES = 200_000;
    private static final long SLOW = 0x7FF0_0000_0000_0BADL;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldMatchTheExactPath(final boolean single) {
        final SplittableRandom random = new SplittableRandom(single ? 0xF3A_0002L : 0xF3A_0001L);
        final Cpu fast = new Cpu(new GuestMemory(1 << 16), false);
        final Cpu exact = new Cpu(new GuestMemory(1 << 16), false);
        int fastPath = 0;
        for (int n = 0; n < CASES; n++) {
            final double a = operand(random);
            final double x = operand(random);
            final double b = addend(random, a, x);
            fast.fpFlags = 0;
            exact.fpFlags = 0;
            final long got = FpMath.multiplyAddNearest(fast, a, x, b, single);
            if (got == SLOW) {
                continue;
            }
            fastPath++;
            final long want = FpMath.multiplyAddExact(exact, bits(a), bits(x), bits(b), single);
            final String what = String.format("%a * %a + %a", a, x, b);
            assertEquals(Long.toHexString(want), Long.toHexString(got), what);
            assertEquals(exact.fpFlags, fast.fpFlags, "FPSCR flags of " + what);
        }
        assertTrue(fastPath > CASES * 9 / 10, "too few cases took the fast path: " + fastPath);
    }

    private static long bits(final double value) {
        return Double.doubleToRawLongBits(value);
    }

    /** Full or short (single-precision) significands, either sign, exponents within +-60. */
    private static double operand(final SplittableRandom random) {
        double value = Math.scalb(1 + random.nextDouble(), random.nextInt(121) - 60);
        if (random.nextInt(3) == 0) {
            value = (float) value;
        }
        return random.nextBoolean() ? value : -value;
    }

    private static double addend(final SplittableRandom random, final double a, final double x) {
        final double product = a * x;
        return switch (random.nextInt(6)) {
            case 0 -> operand(random);
            // Cancels the rounded product: the result is the product's rounding error plus a little.
            case 1 -> -product;
            case 2 -> -product + Math.ulp(product) * (random.nextInt(9) - 4);
            // Near half an ulp of the product: the rounding direction hangs on the error's sign.
            case 3 -> Math.ulp(product) * (0.5 + (random.nextInt(3) - 1) * 0x1p-30) * (random.nextBoolean() ? 1 : -1);
            case 4 -> (float) (product * (random.nextDouble() - 0.5));
            default -> 0.0;
        };
    }
}
