package dev.jppc.core.asm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The golden table in {@code asm/golden.txt}: GNU as source lines with the word GNU as made of each. The file's
 * header says how regenerate.sh builds it.
 */
final class GoldenTable {

    /** The flags regenerate.sh assembles with; keep the two in step. */
    static final List<String> GNU_AS_FLAGS = List.of("-a64", "-mbig", "-mpower9");

    private static final String RESOURCE = "/asm/golden.txt";
    private static final Pattern CASE = Pattern.compile("(.*\\S)\\s+0x([0-9a-fA-F]{8})\\s*");
    private static final Pattern MEMORY_OPERAND = Pattern.compile("(.+)\\((\\d+)\\)");

    /** One case: the source line, e.g. {@code ld 3,-8(4)}, and GNU's word for it. */
    record Case(String source, int word, int line) {

        String mnemonic() {
            final int space = source.indexOf(' ');
            return space < 0 ? source : source.substring(0, space);
        }

        /** The operands as numbers in source order: {@code d(ra)} gives two, {@code crN} gives N, {@code .+N} N. */
        int[] operands() {
            final int space = source.indexOf(' ');
            if (space < 0) {
                return new int[0];
            }
            final List<Integer> values = new ArrayList<>();
            for (final String token : source.substring(space + 1).split(",")) {
                final String operand = token.trim();
                final Matcher memory = MEMORY_OPERAND.matcher(operand);
                if (memory.matches()) {
                    values.add(Integer.decode(memory.group(1)));
                    values.add(Integer.decode(memory.group(2)));
                } else if (operand.startsWith("cr")) {
                    values.add(Integer.decode(operand.substring(2)));
                } else if (operand.startsWith(".")) {
                    values.add(Integer.decode(operand.substring(1)));
                } else {
                    values.add(Integer.decode(operand));
                }
            }
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public String toString() {
            return source;
        }
    }

    private GoldenTable() {
    }

    static List<Case> cases() {
        try (InputStream in = GoldenTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> parse(final BufferedReader reader) throws IOException {
        final List<Case> cases = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            final Matcher matcher = CASE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalStateException(RESOURCE + ":" + lineNumber + " has no hex word (run regenerate.sh): "
                        + line);
            }
            cases.add(new Case(matcher.group(1).strip(), Integer.parseUnsignedInt(matcher.group(2), 16), lineNumber));
        }
        return cases;
    }
}
