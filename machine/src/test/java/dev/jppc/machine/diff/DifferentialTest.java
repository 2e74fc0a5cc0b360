package dev.jppc.machine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential suite as CI runs it, without QEMU: every committed (family, byte order, seed) program is
 * rebuilt from its seed, run on jppc ({@link CpuRunner}, and the first seeds also under {@code jppc user}), and
 * its output compared with what QEMU produced (the files under
 * src/test/resources/diff/). A difference names the register or log record that differs, both values and the
 * program's steps; docs/differential.md says how to regenerate the files and run fresh seeds on QEMU.
 */
class DifferentialTest {

    /** Seeds 1..N of every family and byte order are committed. */
    static final int COMMITTED_SEEDS = 40;

    /**
     * Seeds 1..N also run under {@code jppc user}; every seed runs on {@link CpuRunner}, which starts a program in
     * well under a millisecond where jppc user sets up 16 MiB of RAM, a page table and a code cache for each.
     */
    static final int USER_MODE_SEEDS = 3;

    @TestFactory
    List<DynamicTest> shouldMatchQemuOnCommittedSeeds() {
        final List<DynamicTest> tests = new ArrayList<>();
        for (final Family family : Family.values()) {
            for (final ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                tests.add(DynamicTest.dynamicTest(family.id() + " " + DiffProgram.orderName(order),
                    () -> check(family, order)));
            }
        }
        return tests;
    }

    private static void check(final Family family, final ByteOrder order) throws IOException {
        final Map<Long, ReferenceFile.Entry> references = ReferenceFile.read(family, order);
        assertFalse(references.isEmpty(), ReferenceFile.resourceName(family, order) + " is missing: run "
            + "scripts/difftest-regenerate.sh");
        final GuestRunner cpu = new CpuRunner();
        final GuestRunner user = new UserModeRunner();
        final List<String> problems = new ArrayList<>();
        for (final Map.Entry<Long, ReferenceFile.Entry> reference : references.entrySet()) {
            final DiffProgram program = ProgramGenerator.generate(family, reference.getKey(), order);
            if (ReferenceFile.crc(program.elf()) != reference.getValue().programCrc()) {
                fail(program.name() + ": the generator no longer builds the program the reference was made with; "
                    + "run scripts/difftest-regenerate.sh (docs/differential.md)");
            }
            compare(program, reference.getValue(), cpu, problems);
            if (reference.getKey() <= USER_MODE_SEEDS) {
                compare(program, reference.getValue(), user, problems);
            }
        }
        problems.stream().limit(5).forEach(System.out::println);
        assertEquals(0, problems.size(), problems.size() + " of " + references.size() + " " + family.id() + " "
            + DiffProgram.orderName(order) + " programs differ from QEMU (printed above)");
    }

    private static void compare(final DiffProgram program, final ReferenceFile.Entry reference, final GuestRunner jppc,
                                final List<String> problems) {
        final GuestRunner.Output output = jppc.run(program);
        if (output.failure() != null) {
            problems.add(program.name() + " failed on jppc (" + jppc.getClass().getSimpleName() + "): "
                + output.failure() + "\n" + program.listing());
            return;
        }
        final String difference = Comparison.differences(program, reference.output(), output.stdout());
        if (difference != null) {
            problems.add(jppc.getClass().getSimpleName() + ": " + difference);
        }
    }
}
