package dev.jppc.devices.hcall;

import java.util.random.RandomGenerator;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014) with
 * the golden-ratio increment: from the same seed it draws the same numbers as {@code new SplittableRandom(seed)},
 * and, unlike that class, its whole state is one long that a snapshot can save, so H_RANDOM goes on after a
 * restore with the numbers the original would have drawn.
 */
public final class SplitMix64 implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private long state;

    public SplitMix64(final long seed) {
        state = seed;
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The state: the seed plus the increment times the numbers drawn. */
    public long state() {
        return state;
    }

    public void setState(final long value) {
        state = value;
    }
}
