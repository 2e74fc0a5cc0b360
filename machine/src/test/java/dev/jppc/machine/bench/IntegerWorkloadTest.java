package dev.jppc.machine.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark computes what it should, in every mode it is measured in. */
class IntegerWorkloadTest {

    @ParameterizedTest
    @CsvSource({
        "BIG_ENDIAN, REAL, true", "BIG_ENDIAN, PAGED_64K, true", "LITTLE_ENDIAN, REAL, true",
        "LITTLE_ENDIAN, PAGED_64K, true", "BIG_ENDIAN, REAL, false", "LITTLE_ENDIAN, PAGED_64K, false"})
    void shouldComputeTheReferenceResults(final String order, final IntegerWorkload.Translation translation,
                                          final boolean translate) {
        final IntegerWorkload workload = new IntegerWorkload(
            "LITTLE_ENDIAN".equals(order) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, translation);
        workload.interpreter().setTranslation(translate);
        long[] results = workload.results();
        while (results[4] < 3) {
            workload.run(1_000_000);
            results = workload.results();
            assertTrue(workload.cpu().instructions < 100_000_000, "the workload makes no progress");
        }
        assertArrayEquals(IntegerWorkload.expectedResults((int) results[4]), results);
    }
}
