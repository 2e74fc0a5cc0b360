package dev.jppc.devices.hcall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitMix64Test {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, PseriesHypervisor.DEFAULT_RANDOM_SEED})
    void shouldDrawWhatSplittableRandomDraws(final long seed) {
        final SplittableRandom reference = new SplittableRandom(seed);
        final SplitMix64 generator = new SplitMix64(seed);
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.nextLong(), generator.nextLong(), "draw " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 500})
    void shouldContinueFromASavedState(final int drawn) {
        final SplitMix64 original = new SplitMix64(PseriesHypervisor.DEFAULT_RANDOM_SEED);
        for (int i = 0; i < drawn; i++) {
            original.nextLong();
        }
        final SplitMix64 restored = new SplitMix64(0);
        restored.setState(original.state());
        for (int i = 0; i < 100; i++) {
            assertEquals(original.nextLong(), restored.nextLong());
        }
    }
}
