package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.jppc.core.decode.Decoder;
import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.ExtendedMnemonics;
import dev.jppc.core.decode.Op;
import dev.jppc.machine.elf.ElfException;
import dev.jppc.machine.elf.ElfImage;
import dev.jppc.machine.elf.ElfSection;

/**
 * Differential test of jppc's decoder against GNU objdump (binutils): every word of every executable section of
 * real binaries, and a sweep over every decode-table slot plus seeded random words, is decoded by both. They
 * must agree on which words are instructions and on the instruction ({@link ExtendedMnemonics} turns objdump's
 * extended mnemonics into jppc's rows). Words objdump names as instructions of families jppc does not implement
 * (floating point, VMX, VSX, ...) are counted and left out of the comparison.
 *
 * <p>Binaries: {@code src/test/resources/disasm/*.elf} (see rebuild.sh there), the guests under the repository's
 * {@code guests/} when present, and any paths in {@code -Djppc.disasm.elfs=a.elf:b.elf}. Skipped when the
 * cross objdump is not installed (Debian: binutils-powerpc64le-linux-gnu, binutils-powerpc64-linux-gnu).
 */
class DisasmObjdumpTest {

    private static final String OBJDUMP_LE = "powerpc64le-linux-gnu-objdump";
    private static final String OBJDUMP_BE = "powerpc64-linux-gnu-objdump";
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path RESOURCES = MODULE.resolve("src/test/resources/disasm");
    /** How many disagreements an assertion message lists in full. */
    private static final int SHOWN = 60;
    /** An objdump -d --no-show-raw-insn line: address, then the instruction text. */
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+(\\S.*)$");

    /** Primary opcodes whose meaning depends on bits 21-31 (extended opcodes, DS/DQ/MD forms, prefixes). */
    private static final Set<Integer> SUB_DECODED = Set.of(0, 1, 4, 6, 19, 30, 31, 56, 57, 58, 59, 60, 61, 62, 63);

    /**
     * Encodings that objdump names like a row of jppc's but that are other instructions: jppc's row has
     * another extended opcode. (primary, 10-bit extended opcode, why.)
     */
    private static final Map<String, Foreign> FOREIGN_ENCODINGS = Map.of(
            "wait", new Foreign(31, 30, "ISA v3.0 wait (jppc implements v2.07 wait, 31/62)"),
            "icbt", new Foreign(31, 262, "Book E icbt (jppc implements Book S icbt, 31/22)"));

    /** An encoding objdump names with a mnemonic of jppc's that jppc's row does not cover. */
    private record Foreign(int primary, int extended, String why) {
        boolean matches(final int word) {
            return word >>> 26 == primary && ((word >>> 1) & 0x3FF) == extended;
        }
    }

    /** What became of one word. */
    enum Verdict {
        /** Same instruction. */
        AGREE(false),
        /** Neither decodes it (data in text, padding, words of no family). */
        BOTH_UNDECODED(false),
        /** objdump names an instruction of a family jppc does not implement, and jppc rejects it. */
        OUTSIDE_FAMILIES(false),
        /** objdump names an instruction outside jppc's families, but jppc decodes the word as something. */
        OVERLAP(false),
        /** The second word of a v3.1 prefixed instruction. */
        PREFIX_SUFFIX(false),
        /** objdump names an instruction jppc implements, but jppc's decoder rejects the word. */
        JPPC_REJECTS(true),
        /**
         * objdump rejects the word (.long), jppc decodes it as an invalid form (Power ISA Book I): an update-form
         * load or store with RA=0 or RA=RT, a quadword access with an odd register pair. jppc's decoder looks at
         * opcodes only, by design; the word is reported, not failed (the pseries-le guests start with
         * byte-swapped big-endian instructions that read as such a form).
         */
        INVALID_FORM(false),
        /** objdump rejects the word (.long), jppc decodes it. */
        JPPC_ACCEPTS(true),
        /** Both decode it, as different instructions. */
        MISMATCH(true);

        private final boolean failure;

        Verdict(final boolean failure) {
            this.failure = failure;
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldAgreeWithObjdumpOnRealBinaries() throws IOException {
        final List<Path> images = images();
        assumeTrue(!images.isEmpty(), "no ppc64 ELF images found under " + RESOURCES);
        return images.stream().map(image -> DynamicTest.dynamicTest(MODULE.relativize(image.toAbsolutePath())
                .toString(), () -> compareImage(image)));
    }

    @Test
    void shouldAgreeWithObjdumpOnEveryDecodeSlot(@TempDir final Path dir) throws IOException, InterruptedException {
        final Optional<String> objdump = objdump(ByteOrder.BIG_ENDIAN);
        assumeTrue(objdump.isPresent(), noObjdump());
        final int[] words = sweepWords();
        final Path raw = dir.resolve("sweep.bin");
        final ByteBuffer bytes = ByteBuffer.allocate(words.length * 4).order(ByteOrder.BIG_ENDIAN);
        for (final int word : words) {
            bytes.putInt(word);
        }
        Files.write(raw, bytes.array());
        final Map<Long, String> listing = disassemble(dir, List.of(objdump.get(), "-b", "binary", "-m",
                "powerpc:common64", "-EB", "-D", "-z", "--no-show-raw-insn", raw.toString()));
        final Comparison comparison = new Comparison("decode-slot sweep");
        for (int i = 0; i < words.length; i++) {
            comparison.add(4L * i, words[i], listing);
        }
        System.out.println(comparison.summary());
        // Reserved fields: jppc decodes by primary and extended opcode alone, objdump also checks reserved bits
        // and operand constraints, so JPPC_ACCEPTS is expected here and only reported.
        assertTrue(comparison.count(Verdict.JPPC_REJECTS) + comparison.count(Verdict.MISMATCH) == 0,
                comparison.failures(Verdict.JPPC_REJECTS, Verdict.MISMATCH));
    }

    private static void compareImage(final Path path) throws IOException, ElfException, InterruptedException {
        final ElfImage image = ElfImage.read(path);
        final Optional<String> objdump = objdump(image.byteOrder());
        assumeTrue(objdump.isPresent(), noObjdump());
        final Path dir = Files.createTempDirectory("jppc-disasm");
        try {
            final Map<Long, String> listing = disassemble(dir, List.of(objdump.get(), "-d", "-z",
                    "--no-show-raw-insn", path.toAbsolutePath().toString()));
            final Comparison comparison = new Comparison(path.getFileName().toString());
            for (final ElfSection section : image.executableSections()) {
                final ByteBuffer data = section.data();
                for (int offset = 0; offset + 4 <= data.limit(); offset += 4) {
                    comparison.add(section.address() + offset, data.getInt(offset), listing);
                }
            }
            System.out.println(comparison.summary());
            assertTrue(comparison.failureCount() == 0, comparison.failures(Verdict.JPPC_REJECTS,
                    Verdict.JPPC_ACCEPTS, Verdict.MISMATCH));
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (final Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** Tallies verdicts for one binary and keeps the words that need a person's attention. */
    private static final class Comparison {
        private final String name;
        private final Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        private final Map<Verdict, List<String>> details = new EnumMap<>(Verdict.class);
        private final Map<String, Integer> outside = new HashMap<>();
        private final Map<String, Integer> overlaps = new TreeMap<>();
        private final Map<String, Integer> accepted = new TreeMap<>();
        private final Map<String, Integer> invalid = new TreeMap<>();

        Comparison(final String name) {
            this.name = name;
        }

        void add(final long address, final int word, final Map<Long, String> listing) {
            final String text = listing.get(address);
            final Op op = Decoder.decodeOp(word);
            final Verdict verdict = judge(text, word, op);
            counts.merge(verdict, 1, Integer::sum);
            final String mnemonic = text == null ? "" : label(mnemonicOf(text), word);
            switch (verdict) {
                case OUTSIDE_FAMILIES -> outside.merge(mnemonic, 1, Integer::sum);
                case OVERLAP -> overlaps.merge(mnemonic + " (jppc: " + op.mnemonic() + ")", 1, Integer::sum);
                case JPPC_ACCEPTS -> accepted.merge(op.mnemonic(), 1, Integer::sum);
                case INVALID_FORM -> invalid.merge(op.mnemonic(), 1, Integer::sum);
                default -> {
                }
            }
            if (verdict.failure) {
                details.computeIfAbsent(verdict, v -> new ArrayList<>()).add(String.format(
                        "  0x%x: 0x%08x  objdump: %-32s jppc: %s", address, word, text == null ? "-" : text,
                        Disassembler.disassemble(word, address)));
            }
        }

        private static Verdict judge(final String text, final int word, final Op op) {
            if (text == null) {
                return Verdict.PREFIX_SUFFIX;
            }
            final String mnemonic = mnemonicOf(text);
            if (mnemonic.equals(".long") || mnemonic.equals("(bad)")) {
                if (op == Op.ILLEGAL) {
                    return Verdict.BOTH_UNDECODED;
                }
                return invalidForm(op, word) ? Verdict.INVALID_FORM : Verdict.JPPC_ACCEPTS;
            }
            final Foreign foreign = FOREIGN_ENCODINGS.get(mnemonic);
            final Optional<Op> base = foreign != null && foreign.matches(word) ? Optional.empty()
                    : ExtendedMnemonics.baseOf(mnemonic);
            if (base.isEmpty()) {
                return op == Op.ILLEGAL ? Verdict.OUTSIDE_FAMILIES : Verdict.OVERLAP;
            }
            if (op == Op.ILLEGAL) {
                return Verdict.JPPC_REJECTS;
            }
            return ExtendedMnemonics.agrees(mnemonic, op) ? Verdict.AGREE : Verdict.MISMATCH;
        }

        int count(final Verdict verdict) {
            return counts.getOrDefault(verdict, 0);
        }

        int failureCount() {
            int failures = 0;
            for (final Verdict verdict : Verdict.values()) {
                if (verdict.failure) {
                    failures += count(verdict);
                }
            }
            return failures;
        }

        String summary() {
            final StringBuilder out = new StringBuilder(name).append(": ");
            out.append(counts.entrySet().stream()
                    .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
            if (!outside.isEmpty()) {
                out.append("\n  outside jppc's families: ").append(top(outside));
            }
            if (!overlaps.isEmpty()) {
                out.append("\n  jppc decodes words objdump names outside jppc's families: ").append(overlaps);
            }
            if (!invalid.isEmpty()) {
                out.append("\n  jppc decodes invalid forms objdump rejects, by jppc op: ").append(invalid);
            }
            if (!accepted.isEmpty()) {
                out.append("\n  jppc decodes words objdump rejects, by jppc op: ").append(accepted);
            }
            return out.toString();
        }

        String failures(final Verdict... verdicts) {
            final StringBuilder out = new StringBuilder(summary()).append('\n');
            for (final Verdict verdict : verdicts) {
                final List<String> lines = details.getOrDefault(verdict, List.of());
                if (lines.isEmpty()) {
                    continue;
                }
                out.append(verdict).append(" (").append(lines.size()).append("):\n");
                lines.stream().limit(SHOWN).forEach(line -> out.append(line).append('\n'));
                if (lines.size() > SHOWN) {
                    out.append("  ... ").append(lines.size() - SHOWN).append(" more\n");
                }
            }
            return out.toString();
        }

        private static String top(final Map<String, Integer> census) {
            return census.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry
                            .comparingByKey()))
                    .limit(40).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                    + (census.size() > 40 ? ", ..." : "");
        }
    }

    /** The mnemonic, marked with the encoding when objdump's name belongs to a foreign encoding. */
    private static String label(final String mnemonic, final int word) {
        final Foreign foreign = FOREIGN_ENCODINGS.get(mnemonic);
        return foreign != null && foreign.matches(word) ? mnemonic + " [" + foreign.why() + "]" : mnemonic;
    }

    /**
     * The invalid forms of Book I loads and stores that objdump rejects: update forms whose RA is 0 (or RT, for
     * loads), and lq/stq/lqarx/stqcx. with an odd register pair (or lq's pair overlapping RA).
     */
    static boolean invalidForm(final Op op, final int word) {
        final int rt = (word >>> 21) & 31;
        final int ra = (word >>> 16) & 31;
        if (op.has(Op.UPDATE)) {
            return ra == 0 || (op.has(Op.LOAD) && ra == rt);
        }
        return switch (op) {
            case LQ -> (rt & 1) != 0 || rt == ra;
            case STQ, LQARX, STQCX_ -> (rt & 1) != 0;
            default -> false;
        };
    }

    private static String mnemonicOf(final String text) {
        final int end = text.indexOf(' ');
        final int tab = text.indexOf('\t');
        final int cut = end < 0 ? tab : tab < 0 ? end : Math.min(end, tab);
        return cut < 0 ? text : text.substring(0, cut);
    }

    /** objdump's listing: instruction address to text (mnemonic and operands, comments removed). */
    private static Map<Long, String> disassemble(final Path dir, final List<String> command)
            throws IOException, InterruptedException {
        final Path out = dir.resolve("objdump.out");
        final Path err = dir.resolve("objdump.err");
        final Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within 10 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        final Map<Long, String> listing = new HashMap<>();
        try (Stream<String> lines = Files.lines(out, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                final Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    listing.put(Long.parseUnsignedLong(m.group(1), 16), m.group(2).replaceAll("\\s+", " ").trim());
                }
            });
        }
        return listing;
    }

    /**
     * Every slot of every decode row under several operand patterns (Rc and OE included; all 11 low bits for
     * the primary opcodes that sub-decode them), the low bits of the other primary opcodes, and seeded random
     * words.
     */
    static int[] sweepWords() {
        final int[][] fields = {{3, 4, 5, 6}, {0, 0, 0, 0}, {31, 1, 2, 31}, {12, 2, 0, 0}, {4, 30, 0, 0},
            {20, 0, 0, 0}, {1, 1, 1, 1}};
        final List<Integer> words = new ArrayList<>();
        for (int primary = 0; primary < 64; primary++) {
            for (final int[] f : fields) {
                final int operands = (primary << 26) | (f[0] << 21) | (f[1] << 16) | (f[2] << 11);
                if (SUB_DECODED.contains(primary)) {
                    for (int low = 0; low < 2048; low++) {
                        words.add(operands | low);
                    }
                } else {
                    for (int low = 0; low < 64; low++) {
                        words.add(operands | (f[3] << 6) | low);
                    }
                }
            }
        }
        final Random random = new Random(0x6A707063L);
        for (int i = 0; i < 65536; i++) {
            words.add(random.nextInt());
        }
        return words.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Path> images() throws IOException {
        final List<Path> images = new ArrayList<>(elfFilesUnder(RESOURCES));
        final Path guests = MODULE.getParent().resolve("guests");
        images.addAll(elfFilesUnder(guests));
        final String extra = System.getProperty("jppc.disasm.elfs", "");
        for (final String path : extra.split(File.pathSeparator)) {
            if (!path.isBlank()) {
                images.add(Path.of(path));
            }
        }
        return images;
    }

    private static List<Path> elfFilesUnder(final Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".elf") && Files.isRegularFile(p))
                    .filter(p -> !hidden(dir.relativize(p)))
                    .sorted().toList();
        } catch (final UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether a path has a component starting with '.' (build scratch such as guests/.build). */
    private static boolean hidden(final Path relative) {
        for (final Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The objdump for this byte order, or the other one (each reads both orders). */
    private static Optional<String> objdump(final ByteOrder order) {
        final String preferred = order == ByteOrder.LITTLE_ENDIAN ? OBJDUMP_LE : OBJDUMP_BE;
        final String other = order == ByteOrder.LITTLE_ENDIAN ? OBJDUMP_BE : OBJDUMP_LE;
        return Stream.of(preferred, other).filter(DisasmObjdumpTest::onPath).findFirst();
    }

    private static String noObjdump() {
        return OBJDUMP_LE + " / " + OBJDUMP_BE + " not on the PATH (Debian: binutils-powerpc64le-linux-gnu);"
                + " skipping the differential test against objdump";
    }

    private static boolean onPath(final String tool) {
        final String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (final String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }
}
