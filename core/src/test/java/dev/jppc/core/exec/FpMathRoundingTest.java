package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Cpu;
import dev.jppc.mmu.GuestMemory;

/**
 * The engine's results against exact BigDecimal arithmetic: for seeded random operands whose results stay in
 * the normal range, every result in every rounding mode, double and single precision, is one of the two
 * representable neighbours of the exact value, the one the mode selects, with FI and FR to match. This covers
 * the round-to-nearest fast path and the BigInteger slow path alike.
 */
class FpMathRoundingTest {

    private static final int CASES = 2000;

    private static final Cpu CPU = new Cpu(new GuestMemory(1 << 16), false);

    private static double operand(final Random random) {
        final double significand = 1 + random.nextDouble();
        final double value = Math.scalb(significand, random.nextInt(80) - 40);
        // Some operands are short (exactly representable sums and products, ties), some have full 53 bits.
        final double shortened = random.nextBoolean() ? value : (float) value;
        return random.nextBoolean() ? shortened : -shortened;
    }

    private static BigDecimal exact(final int op, final double a, final double b, final double c) {
        final BigDecimal x = new BigDecimal(a);
        final BigDecimal y = new BigDecimal(b);
        return switch (op) {
            case 0 -> x.add(y);
            case 1 -> x.multiply(y);
            case 2 -> x.divide(y, new MathContext(120));
            default -> x.multiply(y).add(new BigDecimal(c));
        };
    }

    private static long compute(final int op, final double a, final double b, final double c, final boolean single) {
        final long x = Double.doubleToLongBits(a);
        final long y = Double.doubleToLongBits(b);
        return switch (op) {
            case 0 -> FpMath.add(CPU, x, y, single);
            case 1 -> FpMath.multiply(CPU, x, y, single);
            case 2 -> FpMath.divide(CPU, x, y, single);
            default -> FpMath.multiplyAdd(CPU, x, y, Double.doubleToLongBits(c), single);
        };
    }

    private static double neighbour(final double r, final int direction, final boolean single) {
        if (single) {
            return direction > 0 ? Math.nextUp((float) r) : Math.nextDown((float) r);
        }
        return direction > 0 ? Math.nextUp(r) : Math.nextDown(r);
    }

    private static boolean even(final double r, final boolean single) {
        return single ? (Float.floatToRawIntBits((float) r) & 1) == 0 : (Double.doubleToRawLongBits(r) & 1) == 0;
    }

    /** op: 0 add, 1 multiply, 2 divide, 3 multiply-add. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void shouldRoundTheExactResultInEveryMode(final int op) {
        final Random random = new Random(1234 + op);
        for (int i = 0; i < CASES; i++) {
            final double a = operand(random);
            final double b = operand(random);
            final double c = op == 1 ? 0 : operand(random) * (random.nextBoolean() ? a * b : 1);
            final int mode = random.nextInt(4);
            final boolean single = random.nextBoolean();
            CPU.fpscr = mode;
            CPU.fpFlags = 0;
            final double r = Double.longBitsToDouble(compute(op, a, b, c, single));
            final BigDecimal exact = exact(op, a, b, c);
            final String what = String.format("op %d mode %d single %b: %a %a %a -> %a", op, mode, single, a, b, c,
                r);
            if (exact.signum() == 0) {
                continue;
            }
            final int cmp = new BigDecimal(r).compareTo(exact);
            final boolean inexact = cmp != 0;
            assertEquals(inexact, (CPU.fpFlags & Fpscr.FI) != 0, what);
            if (!inexact) {
                continue;
            }
            // The other candidate lies on the far side of the exact value.
            final double other = neighbour(r, -cmp, single);
            assertTrue(new BigDecimal(other).compareTo(exact) * cmp < 0, what + " is not a neighbour");
            final boolean up = cmp > 0;
            switch (mode) {
                case Fpscr.ROUND_ZERO -> assertTrue(Math.abs(r) < Math.abs(other), what);
                case Fpscr.ROUND_UP -> assertTrue(up, what);
                case Fpscr.ROUND_DOWN -> assertTrue(!up, what);
                default -> {
                    final int distance = new BigDecimal(r).subtract(exact).abs()
                        .compareTo(new BigDecimal(other).subtract(exact).abs());
                    assertTrue(distance < 0 || distance == 0 && even(r, single), what);
                }
            }
            // FR: the magnitude was rounded up.
            assertEquals(up == r > 0, (CPU.fpFlags & Fpscr.FR) != 0, what + " FR");
        }
    }
}
