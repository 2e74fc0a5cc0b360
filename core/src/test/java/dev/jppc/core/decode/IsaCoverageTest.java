package dev.jppc.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Coverage of the objdump censuses of Debian's kernel and busybox (copies of shared/spec, in
 * src/test/resources/isa). The exact figures are asserted so that a change in coverage, either way, shows up
 * here and is updated on purpose.
 */
class IsaCoverageTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "mnemonics-kernel.txt, 499, 527, 3681948, 3682446",
        "mnemonics-busybox.txt, 356, 386, 498983, 499500"
    })
    void shouldMeasureTheCensusCoverage(final String file, final int distinctCovered, final int distinctTotal,
                                        final long occurrencesCovered, final long occurrencesTotal)
            throws IOException {
        final IsaCoverage.Report report = IsaCoverage.coverage(census(file));
        System.out.println("ISA coverage of " + file + ":\n" + IsaCoverage.format(report));
        assertEquals(List.of(distinctCovered, distinctTotal, occurrencesCovered, occurrencesTotal),
                List.of(report.distinctCovered(), report.distinctTotal(), report.occurrencesCovered(),
                        report.occurrencesTotal()),
                "distinct covered, distinct total, occurrences covered, occurrences total");
    }

    @Test
    void shouldCountWeightedByOccurrencesAndSortMissingByCount() {
        final IsaCoverage.Report report = IsaCoverage.coverage(List.of(
                "# a comment", "", "ld 10", "mr 5", ".long/unknown 100", "dozi 3", "evaddw 7", "mr 1", "stop 3"));
        assertEquals(2, report.distinctCovered());
        assertEquals(5, report.distinctTotal());
        assertEquals(16, report.occurrencesCovered());
        assertEquals(29, report.occurrencesTotal());
        assertEquals(List.of(new IsaCoverage.Missing("evaddw", 7), new IsaCoverage.Missing("dozi", 3),
                new IsaCoverage.Missing("stop", 3)), report.missing());
        assertEquals(40.0, report.distinctPercent(), 1e-9);
    }

    @Test
    void shouldFormatFiguresAndMissingList() {
        final String text = IsaCoverage.format(IsaCoverage.coverage(List.of("ld 3", "dozi 1")));
        assertTrue(text.contains("mnemonics:    1 of 2 implemented (50.00%)"), text);
        assertTrue(text.contains("instructions: 3 of 4 implemented (75.00%)"), text);
        assertTrue(text.contains("  dozi             1"), text);
    }

    @Test
    void shouldReportFullCoverageOfAnEmptyCensus() {
        final IsaCoverage.Report report = IsaCoverage.coverage(List.of());
        assertEquals(100.0, report.occurrencesPercent(), 1e-9);
        assertEquals(List.of(), report.missing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ld", "ld 1 2", "ld x", "ld -1", "ld 99999999999999999999"})
    void shouldRejectMalformedLinesNamingTheLine(final String line) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IsaCoverage.coverage(List.of("std 1", line)));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    }

    @Test
    void shouldListEveryImplementedInstructionWithItsForms() {
        final List<String> lines = IsaCoverage.implementedMnemonics();
        assertEquals(Op.count() - 1, lines.size());
        assertEquals("addi", lines.get(0));
        assertTrue(lines.contains("add add. addo addo."), lines::toString);
        assertTrue(lines.contains("andi."), lines::toString);
        assertTrue(lines.contains("bc bcl bca bcla"), lines::toString);
        assertTrue(lines.contains("bclr bclrl"), lines::toString);
        assertTrue(lines.contains("sync lwsync ptesync"), lines::toString);
        assertTrue(lines.contains("mfcr mfocrf"), lines::toString);
    }

    private static List<String> census(final String file) throws IOException {
        try (InputStream in = IsaCoverageTest.class.getResourceAsStream("/isa/" + file)) {
            if (in == null) {
                throw new IOException("test resource /isa/" + file + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
