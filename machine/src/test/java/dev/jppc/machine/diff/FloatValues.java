package dev.jppc.machine.diff;

import java.util.Random;

import dev.jppc.core.exec.Fpscr;

/**
 * Random floating-point operands biased to where FP arithmetic goes wrong: signed zeros, infinities, quiet and
 * signalling NaNs with payloads, denormals, the smallest and largest normal numbers in double and single
 * format, conversion limits (2^31, 2^32, 2^63, 2^64), halfway cases of rounding to integer and to single
 * precision, and their neighbours one ulp away.
 */
final class FloatValues {

    private static final long[] DOUBLE_EDGES = {
        0x0000_0000_0000_0000L, 0x8000_0000_0000_0000L, 0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L,
        0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF8_0000_0000_1234L, 0x7FF0_0000_0000_0001L,
        0xFFF4_0000_0000_0000L, 0x7FF7_FFFF_FFFF_FFFFL, 0x0000_0000_0000_0001L, 0x8000_0000_0000_0001L,
        0x000F_FFFF_FFFF_FFFFL, 0x0010_0000_0000_0000L, 0x8010_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL,
        0xFFEF_FFFF_FFFF_FFFFL, 0x3FF0_0000_0000_0000L, 0xBFF0_0000_0000_0000L, 0x3FE0_0000_0000_0000L,
        0x3FF8_0000_0000_0000L, 0x4004_0000_0000_0000L, 0xC004_0000_0000_0000L, 0xBFE0_0000_0000_0000L,
        0x4330_0000_0000_0000L, 0x4340_0000_0000_0000L, 0x41E0_0000_0000_0000L, 0x41DF_FFFF_FFC0_0000L,
        0xC1E0_0000_0000_0000L, 0x41F0_0000_0000_0000L, 0x43E0_0000_0000_0000L, 0xC3E0_0000_0000_0000L,
        0x43F0_0000_0000_0000L, 0x43DF_FFFF_FFFF_FFFFL, 0x47EF_FFFF_E000_0000L, 0x47EF_FFFF_F000_0000L,
        0x47F0_0000_0000_0000L, 0x3810_0000_0000_0000L, 0x36A0_0000_0000_0000L, 0x380F_FFFF_C000_0000L,
        0x3690_0000_0000_0000L, 0x3FF0_0000_1000_0000L, 0x3FF0_0000_1000_0001L, 0x3FF0_0000_3000_0000L,
        0x3FEF_FFFF_F800_0000L, 0x0008_0000_0000_0000L, 0x4000_0000_0000_0000L, 0x3CA0_0000_0000_0000L,
    };

    private static final int[] SINGLE_EDGES = {
        0x0000_0000, 0x8000_0000, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0xFFC0_0000, 0x7FA0_0001, 0x7F80_0001,
        0x0000_0001, 0x807F_FFFF, 0x0080_0000, 0x8080_0000, 0x7F7F_FFFF, 0xFF7F_FFFF, 0x3F80_0000, 0xBF80_0000,
        0x3F00_0000, 0x3FC0_0000, 0x4020_0000, 0xC020_0000, 0x4B00_0000, 0x4F00_0000, 0xCF00_0000, 0x4F80_0000,
        0x4EFF_FFFF, 0x3F7F_FFFF, 0x3380_0000, 0x4000_0000,
    };

    private FloatValues() {
    }

    /** A doubleword for an FPR: an edge, a neighbour of one, a single, a halfway case, a small number or bits. */
    static long nextDouble(final Random random) {
        final int pick = random.nextInt(100);
        if (pick < 30) {
            return DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
        }
        if (pick < 40) {
            return DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)] + random.nextInt(5) - 2;
        }
        if (pick < 55) {
            return singleAsDouble(nextSingle(random));
        }
        if (pick < 65) {
            return nearSingleRounding(random);
        }
        if (pick < 80) {
            final double value = (random.nextInt(4001) - 2000) / (double) (1 << random.nextInt(6));
            return Double.doubleToRawLongBits(value);
        }
        return random.nextLong();
    }

    /** A doubleword holding a value representable in single format (operands of single-precision arithmetic). */
    static long nextSingleValued(final Random random) {
        return singleAsDouble(nextSingle(random));
    }

    /** A 32-bit single: an edge, a neighbour of one, a small number or random bits. */
    static int nextSingle(final Random random) {
        final int pick = random.nextInt(100);
        if (pick < 35) {
            return SINGLE_EDGES[random.nextInt(SINGLE_EDGES.length)];
        }
        if (pick < 50) {
            return SINGLE_EDGES[random.nextInt(SINGLE_EDGES.length)] + random.nextInt(5) - 2;
        }
        if (pick < 70) {
            return Float.floatToRawIntBits((random.nextInt(4001) - 2000) / (float) (1 << random.nextInt(6)));
        }
        return random.nextInt();
    }

    /** A single that is not a denormal (a denormal becomes a zero of its sign). */
    static int nextNormalSingle(final Random random) {
        final int bits = nextSingle(random);
        final boolean denormal = (bits & 0x7F80_0000) == 0 && (bits & 0x007F_FFFF) != 0;
        return denormal ? bits & 0x8000_0000 : bits;
    }

    /** Two singles in one doubleword (operands of the vector single-precision instructions). */
    static long singlePair(final Random random) {
        return (long) nextSingle(random) << 32 | nextSingle(random) & 0xFFFF_FFFFL;
    }

    /** A double a little off, or exactly at, half an ulp of single precision from a single. */
    private static long nearSingleRounding(final Random random) {
        final long single = singleAsDouble(Float.floatToRawIntBits(random.nextFloat() * (1 << random.nextInt(20))));
        final long halfUlp = 1L << 28;
        final long offset = switch (random.nextInt(3)) {
            case 0 -> halfUlp;
            case 1 -> halfUlp + 1;
            default -> halfUlp - 1;
        };
        final long sign = random.nextBoolean() ? Long.MIN_VALUE : 0;
        return (single + offset) | sign;
    }

    /** The double-format bits of single {@code bits} (exact, SNaNs kept signalling). */
    static long singleAsDouble(final int bits) {
        final int exponent = (bits >>> 23) & 0xFF;
        final long sign = (long) (bits >>> 31) << 63;
        final long fraction = bits & 0x007F_FFFFL;
        if (exponent == 0xFF) {
            return sign | 0x7FF0_0000_0000_0000L | fraction << 29;
        }
        if (exponent == 0 && fraction == 0) {
            return sign;
        }
        return Double.doubleToRawLongBits(Float.intBitsToFloat(bits & 0x7FFF_FFFF)) | sign;
    }

    /**
     * An FPSCR image for mtfsf and the initial state: random status and exception bits, every enable and NI 0
     * (an enabled exception ends a Linux process with SIGFPE), FEX and VX 0 (mtfsf ignores them), random RN, and
     * FX set whenever an exception bit is, so that FX is 0 only with no exception bit set (docs/differential.md:
     * QEMU sets FX again for an exception whose bit was already 1).
     */
    static long fpscr(final Random random) {
        final boolean exceptions = random.nextBoolean();
        long value = random.nextInt(4);
        if (exceptions) {
            value |= random.nextLong() & Fpscr.EXCEPTIONS & random.nextLong();
        }
        value |= random.nextLong() & (Fpscr.FR | Fpscr.FI | Fpscr.FPRF);
        if ((value & Fpscr.EXCEPTIONS) != 0 || random.nextBoolean()) {
            value |= Fpscr.FX;
        }
        return value;
    }
}
