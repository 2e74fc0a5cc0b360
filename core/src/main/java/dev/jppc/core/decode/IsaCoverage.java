package dev.jppc.core.decode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of a real program's instruction mix jppc implements, from a census of the mnemonics GNU objdump
 * prints for it ("mnemonic count" lines, as in {@code mnemonics-kernel.txt}), and the list of what jppc
 * implements for {@code jppc isa}. Cold path only.
 */
public final class IsaCoverage {

    /** objdump's names for words it could not decode (the census files list them as one line). */
    private static final List<String> UNDECODED = List.of(".long/unknown", ".long", "(bad)");

    private IsaCoverage() {
    }

    /** A mnemonic of the census that jppc does not implement, and how often it occurs. */
    public record Missing(String mnemonic, long count) {
    }

    /**
     * Coverage of one census: distinct mnemonics jppc implements out of all distinct mnemonics, the same
     * weighted by occurrence count, and the missing mnemonics, most frequent first.
     */
    public record Report(int distinctCovered, int distinctTotal, long occurrencesCovered, long occurrencesTotal,
                         List<Missing> missing) {

        public Report {
            missing = List.copyOf(missing);
        }

        /** Covered distinct mnemonics as a percentage of all of them; 100 for an empty census. */
        public double distinctPercent() {
            return percent(distinctCovered, distinctTotal);
        }

        /** Covered occurrences as a percentage of all of them; 100 for an empty census. */
        public double occurrencesPercent() {
            return percent(occurrencesCovered, occurrencesTotal);
        }

        private static double percent(final long part, final long whole) {
            return whole == 0 ? 100.0 : 100.0 * part / whole;
        }
    }

    /**
     * Reads "mnemonic count" lines; blank lines and lines starting with {@code #} are skipped, as is objdump's
     * {@code .long/unknown} line (data, not instructions). A mnemonic listed twice has its counts added.
     *
     * @throws IllegalArgumentException naming the line when one is not "mnemonic count"
     */
    public static Report coverage(final List<String> lines) {
        final Map<String, Long> counts = parse(lines);
        int distinctCovered = 0;
        long occurrencesCovered = 0;
        long occurrencesTotal = 0;
        final List<Missing> missing = new ArrayList<>();
        for (final Map.Entry<String, Long> entry : counts.entrySet()) {
            occurrencesTotal += entry.getValue();
            if (ExtendedMnemonics.baseOf(entry.getKey()).isPresent()) {
                distinctCovered++;
                occurrencesCovered += entry.getValue();
            } else {
                missing.add(new Missing(entry.getKey(), entry.getValue()));
            }
        }
        missing.sort(Comparator.comparingLong((final Missing m) -> m.count()).reversed()
                .thenComparing(Missing::mnemonic));
        return new Report(distinctCovered, counts.size(), occurrencesCovered, occurrencesTotal, missing);
    }

    /** The report as text: the two figures, then every missing mnemonic with its count. */
    public static String format(final Report report) {
        final StringBuilder out = new StringBuilder();
        out.append(String.format("mnemonics:    %d of %d implemented (%.2f%%)%n", report.distinctCovered(),
                report.distinctTotal(), report.distinctPercent()));
        out.append(String.format("instructions: %d of %d implemented (%.2f%%)%n", report.occurrencesCovered(),
                report.occurrencesTotal(), report.occurrencesPercent()));
        out.append(String.format("missing (%d):%n", report.missing().size()));
        for (final Missing m : report.missing()) {
            out.append(String.format("  %-16s %d%n", m.mnemonic(), m.count()));
        }
        return out.toString();
    }

    /**
     * One line per implemented instruction in table order (grouped by Power ISA section): the base mnemonic,
     * then its {@code .}, {@code o} and {@code o.} forms and the names jppc's disassembler gives variants
     * (branch l/a forms, mfocrf, mtocrf, lwsync, ptesync).
     */
    public static List<String> implementedMnemonics() {
        final List<String> lines = new ArrayList<>();
        for (final Op op : Op.values()) {
            if (op != Op.ILLEGAL) {
                lines.add(String.join(" ", forms(op)));
            }
        }
        return lines;
    }

    /** Every name jppc's disassembler can print for {@code op}, base mnemonic first. */
    public static List<String> forms(final Op op) {
        final String base = op.mnemonic();
        final List<String> forms = new ArrayList<>();
        forms.add(base);
        if (op.has(Op.RC)) {
            forms.add(base + ".");
        }
        if (op.has(Op.OE)) {
            forms.add(base + "o");
            forms.add(base + "o.");
        }
        forms.addAll(specialForms(op));
        return forms;
    }

    private static List<String> specialForms(final Op op) {
        return switch (op) {
            case B, BC -> List.of(op.mnemonic() + "l", op.mnemonic() + "a", op.mnemonic() + "la");
            case BCLR, BCCTR, BCTAR -> List.of(op.mnemonic() + "l");
            case MFCR -> List.of("mfocrf");
            case MTCRF -> List.of("mtocrf");
            case SYNC -> List.of("lwsync", "ptesync");
            case VCTZLSBB -> List.of("vclzlsbb");
            case VEXTRACTBM -> List.of("vextracthm", "vextractwm", "vextractdm");
            default -> List.of();
        };
    }

    private static Map<String, Long> parse(final List<String> lines) {
        final Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected \"mnemonic count\", got \""
                        + line + "\"");
            }
            final long count = parseCount(fields[1], i + 1);
            if (!UNDECODED.contains(fields[0])) {
                counts.merge(fields[0], count, Long::sum);
            }
        }
        return counts;
    }

    private static long parseCount(final String text, final int lineNumber) {
        try {
            final long count = Long.parseLong(text);
            if (count < 0) {
                throw new IllegalArgumentException("line " + lineNumber + ": negative count " + count);
            }
            return count;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": count \"" + text + "\" is not a number",
                    e);
        }
    }
}
