package dev.jppc.machine.diff;

import java.util.Random;

/**
 * Random operand values biased towards the places where integer instructions go wrong: 0, ±1, the sign and
 * carry boundaries at 32 and 64 bits, all-ones halves, and values one step away from each.
 */
final class EdgeValues {

    private static final long[] EDGES = {
        0L, 1L, -1L, 2L, -2L,
        0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0x1_0000_0000L,
        0xFFFF_FFFF_8000_0000L, 0xFFFF_FFFF_7FFF_FFFFL, 0x0000_0000_7FFF_FFFEL,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
        0x7FFFL, 0x8000L, 0xFFFFL, 0xFFFF_FFFF_FFFF_8000L, 0x80L, 0xFFL,
        0x8000_0000_8000_0000L, 0x0000_0001_0000_0001L, 0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL,
    };

    private EdgeValues() {
    }

    /** A 64-bit value: an edge (40%), an edge plus a small delta (15%), a small number (15%) or random bits. */
    static long next(final Random random) {
        final int pick = random.nextInt(100);
        if (pick < 40) {
            return EDGES[random.nextInt(EDGES.length)];
        }
        if (pick < 55) {
            return EDGES[random.nextInt(EDGES.length)] + random.nextInt(7) - 3;
        }
        if (pick < 70) {
            return random.nextInt(257) - 128;
        }
        if (pick < 85) {
            // A random value of random width, sign-extended or not: exercises every leading-zero count.
            final int width = 1 + random.nextInt(64);
            final long bits = random.nextLong() >>> (64 - width);
            return random.nextBoolean() ? bits : (bits << (64 - width)) >> (64 - width);
        }
        return random.nextLong();
    }

    /** A 16-bit immediate: 0, ±1, the ends of the signed and unsigned ranges, or random. */
    static int immediate16(final Random random) {
        final int pick = random.nextInt(10);
        return switch (pick) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 0xFFFF;
            case 3 -> 0x7FFF;
            case 4 -> 0x8000;
            default -> random.nextInt(0x1_0000);
        };
    }
}
