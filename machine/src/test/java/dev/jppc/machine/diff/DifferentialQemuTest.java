package dev.jppc.machine.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two commands that need QEMU (scripts/difftest-regenerate.sh runs them; docs/differential.md):
 * <ul>
 * <li>{@code -Djppc.diff=regenerate}: runs seeds 1..{@code jppc.diff.seeds} of every family on QEMU and writes
 * the reference files under src/test/resources/diff/, then says whether jppc agrees;</li>
 * <li>{@code -Djppc.diff=fresh}: runs {@code jppc.diff.count} new seeds per family and byte order (from
 * {@code jppc.diff.base}, default: the clock) on QEMU and on jppc and fails on any difference.</li>
 * </ul>
 * {@code jppc.diff.families} (comma-separated ids) narrows either to some families; {@code jppc.diff.shown} is how
 * many differing programs are printed (20). A failing run also counts the differing programs by the instruction of
 * their first differing log record.
 */
@EnabledIfSystemProperty(named = "jppc.diff", matches = "regenerate|fresh")
class DifferentialQemuTest {

    /** The mnemonic in a difference's first slot name, "step 4 fpscr (fcmpo cr2,...)". */
    private static final Pattern FIRST_STEP = Pattern.compile("\n  step [0-9]+ [^(]*\\(([a-z0-9.]+)");

    private static final ByteOrder[] ORDERS = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};

    @TempDir
    Path scratch;

    @Test
    @EnabledIfSystemProperty(named = "jppc.diff", matches = "regenerate")
    void shouldRegenerateReferences() throws IOException, InterruptedException {
        assumeTrue(QemuRunner.available(), "qemu-ppc64le and qemu-ppc64 (Debian package qemu-user) are not installed");
        final int seeds = Integer.getInteger("jppc.diff.seeds", DifferentialTest.COMMITTED_SEEDS);
        final Path directory = Path.of(System.getProperty("jppc.diff.out", "src/test/resources/diff"));
        final QemuRunner qemu = new QemuRunner(scratch);
        final GuestRunner jppc = new UserModeRunner();
        final String producer = QemuRunner.version();
        final List<String> problems = new ArrayList<>();
        for (final Family family : families()) {
            for (final ByteOrder order : ORDERS) {
                final Map<Long, ReferenceFile.Entry> records = new LinkedHashMap<>();
                for (long seed = 1; seed <= seeds; seed++) {
                    final DiffProgram program = ProgramGenerator.generate(family, seed, order);
                    final GuestRunner.Output reference = qemu.run(program);
                    if (reference.failure() != null) {
                        throw new IllegalStateException(program.name() + " failed on QEMU: " + reference.failure()
                            + "\n" + program.listing());
                    }
                    records.put(seed, new ReferenceFile.Entry(ReferenceFile.crc(program.elf()), reference.stdout()));
                    check(program, reference, jppc.run(program), problems);
                }
                final Path file = directory.resolve(ReferenceFile.resourceName(family, order).substring(5));
                ReferenceFile.write(file, family, order, producer, records);
                System.out.println("wrote " + file + " (" + records.size() + " seeds)");
            }
        }
        report(problems);
    }

    @Test
    @EnabledIfSystemProperty(named = "jppc.diff", matches = "fresh")
    void shouldMatchQemuOnFreshSeeds() {
        assumeTrue(QemuRunner.available(), "qemu-ppc64le and qemu-ppc64 (Debian package qemu-user) are not installed");
        final int count = Integer.getInteger("jppc.diff.count", 200);
        final long base = Long.getLong("jppc.diff.base", System.currentTimeMillis() * 1000);
        System.out.println("fresh seeds " + base + ".." + (base + count - 1) + " per family and byte order");
        final QemuRunner qemu = new QemuRunner(scratch);
        final GuestRunner jppc = new UserModeRunner();
        final List<String> problems = new ArrayList<>();
        int runs = 0;
        for (final Family family : families()) {
            for (final ByteOrder order : ORDERS) {
                for (long seed = base; seed < base + count; seed++) {
                    final DiffProgram program = ProgramGenerator.generate(family, seed, order);
                    final GuestRunner.Output reference = qemu.run(program);
                    if (reference.failure() != null) {
                        problems.add(program.name() + " failed on QEMU: " + reference.failure() + "\n"
                            + program.listing());
                        continue;
                    }
                    check(program, reference, jppc.run(program), problems);
                    runs++;
                }
                System.out.println(family.id() + " " + DiffProgram.orderName(order) + ": " + count + " seeds done, "
                    + problems.size() + " difference(s) so far");
            }
        }
        System.out.println(runs + " programs (" + runs * ProgramGenerator.STEPS + " instructions under test) run on"
            + " QEMU and jppc; " + problems.size() + " differ");
        report(problems);
    }

    private static void check(final DiffProgram program, final GuestRunner.Output reference,
                              final GuestRunner.Output actual, final List<String> problems) {
        if (actual.failure() != null) {
            problems.add(program.name() + " failed on jppc: " + actual.failure() + "\n" + program.listing());
            return;
        }
        final String difference = Comparison.differences(program, reference.stdout(), actual.stdout());
        if (difference != null) {
            problems.add(difference);
        }
    }

    private static void report(final List<String> problems) {
        final Map<String, Integer> byInstruction = new TreeMap<>();
        for (final String problem : problems) {
            final Matcher first = FIRST_STEP.matcher(problem);
            byInstruction.merge(first.find() ? first.group(1) : "(other)", 1, Integer::sum);
        }
        if (!problems.isEmpty()) {
            System.out.println("programs by the instruction of their first differing log record: " + byInstruction);
        }
        problems.stream().limit(Integer.getInteger("jppc.diff.shown", 20)).forEach(System.out::println);
        assertTrue(problems.isEmpty(), problems.size() + " program(s) differ between QEMU and jppc (printed above)");
    }

    private static List<Family> families() {
        final String wanted = System.getProperty("jppc.diff.families", "");
        if (wanted.isBlank()) {
            return List.of(Family.values());
        }
        return Arrays.stream(wanted.split(",")).map(String::trim).map(Family::byId).toList();
    }
}
