package dev.jppc.machine.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.jppc.core.decode.Decoder;
import dev.jppc.core.decode.Op;
import dev.jppc.machine.elf.ElfImage;

class ProgramGeneratorTest {

    static List<Arguments> familiesAndOrders() {
        final List<Arguments> all = new ArrayList<>();
        for (final Family family : Family.values()) {
            all.add(Arguments.of(family, ByteOrder.LITTLE_ENDIAN));
            all.add(Arguments.of(family, ByteOrder.BIG_ENDIAN));
        }
        return all;
    }

    static List<Arguments> arithmeticFamiliesAndOrders() {
        return familiesAndOrders().stream().filter(a -> ((Family) a.get()[0]).hasVectorScratch()).toList();
    }

    @ParameterizedTest
    @MethodSource("familiesAndOrders")
    void shouldBuildTheSameProgramFromTheSameSeed(final Family family, final ByteOrder order) {
        assertArrayEquals(ProgramGenerator.generate(family, 7, order).elf(),
            ProgramGenerator.generate(family, 7, order).elf());
    }

    @ParameterizedTest
    @MethodSource("familiesAndOrders")
    void shouldWriteAnElfWhoseEntryIsTheCode(final Family family, final ByteOrder order) throws Exception {
        final ElfImage image = ElfImage.parse(ProgramGenerator.generate(family, 3, order).elf());
        assertEquals(order, image.byteOrder());
        assertEquals(2, image.segments().size());
        final long entry = image.entryDescriptor().map(d -> d.entry()).orElse(image.entry());
        assertEquals(ElfWriter.CODE, entry);
        assertEquals(order == ByteOrder.BIG_ENDIAN ? ElfImage.Abi.ELF_V1 : ElfImage.Abi.ELF_V2, image.abi());
    }

    @ParameterizedTest
    @MethodSource("familiesAndOrders")
    void shouldDrawEveryStepFromItsFamily(final Family family, final ByteOrder order) {
        final Set<Op> allowed = Set.copyOf(family.ops(order));
        for (long seed = 1; seed <= 20; seed++) {
            final DiffProgram program = ProgramGenerator.generate(family, seed, order);
            assertEquals(ProgramGenerator.STEPS, program.steps().size());
            for (final DiffProgram.Step step : program.steps()) {
                final Op op = Decoder.decodeOp(step.word());
                // The branch family marks paths with addi.
                assertTrue(allowed.contains(op) || family == Family.BRANCH && op == Op.ADDI, step.toString());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("familiesAndOrders")
    void shouldRunToTheEndOnJppc(final Family family, final ByteOrder order) {
        final GuestRunner runner = new UserModeRunner();
        final DiffProgram program = ProgramGenerator.generate(family, 11, order);
        final GuestRunner.Output output = runner.run(program);
        assertNull(output.failure());
        assertEquals(program.outputLength(), output.stdout().length);
    }

    @ParameterizedTest
    @MethodSource("arithmeticFamiliesAndOrders")
    void shouldLeaveTheHarnessScratchRegistersToTheHarness(final Family family, final ByteOrder order) {
        final Pattern scratch = Pattern.compile("\\b(f31|v31|vs31|vs63)\\b");
        for (long seed = 1; seed <= 20; seed++) {
            final DiffProgram program = ProgramGenerator.generate(family, seed, order);
            assertFalse(scratch.matcher(program.listing()).find(), program.listing());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0x7fa00001, 0x7ff4000020000000",
        "0xffc00000, 0xfff8000000000000",
        "0x00000001, 0x36a0000000000000",
        "0x80000000, 0x8000000000000000",
        "0x3f800000, 0x3ff0000000000000",
    })
    void shouldWidenSinglesExactlyKeepingSignallingNans(final String single, final String expected) {
        assertEquals(parse(expected), FloatValues.singleAsDouble((int) parse(single)));
    }

    @ParameterizedTest
    @CsvSource({
        "0x0080000080000002, true, 0x0080000080000000",
        "0x001fffffffffffff, true, 0x001fffffffffffff",
        "0x8000000000000000, true, 0x8000000000000000",
        "0x8000000000000001, true, 0x8000000000000400",
        "0xffffffffffffffff, false, 0xfffffffffffff800",
        "-3, true, -3",
    })
    void shouldKeepConversionOperandsExactInDouble(final String value, final boolean signed, final String expected) {
        assertEquals(parse(expected), VsxArithSteps.exactInDouble(parse(value), signed));
    }

    @ParameterizedTest
    @CsvSource({
        "DIVW, 0xffffffff80000000, -1, false",
        "DIVW, 0x80000000, 0xffffffff, false",
        "DIVW, 7, 0x100000000, false",
        "DIVW, 7, 2, true",
        "DIVWU, 7, 0xffffffff00000000, false",
        "DIVD, 0x8000000000000000, -1, false",
        "DIVD, 0x8000000000000000, 1, true",
        "DIVDU, 1, 0, false",
        "DIVWEU, 3, 4, true",
        "DIVWEU, 4, 4, false",
        "DIVWE, 1, 2, false",
        "DIVWE, 1, 3, true",
        "DIVWE, 0xffffffff, 2, true",
        "DIVWE, 1, 1, false",
        "DIVDE, 0xc000000000000000, 0x8000000000000000, false",
        "DIVDE, 0xc000000000000000, 0x7fffffffffffffff, false",
        "DIVDE, -1, 2, true",
        "DIVDEU, 0xfffffffffffffffe, 0xffffffffffffffff, true",
        "DIVDEU, 5, 5, false",
        "MODSW, 0x80000000, -1, false",
        "MODUD, 9, 0, false",
    })
    void shouldKnowWhichQuotientsTheIsaLeavesUndefined(final Op op, final String dividend, final String divisor,
                                                       final boolean defined) {
        assertEquals(defined, RegisterSteps.defined(op, parse(dividend), parse(divisor)));
    }

    @ParameterizedTest
    @CsvSource({
        "0xffffffff55555555, 0x100000002, true",
        "0xc000000000000000, 0x7fffffffffffffff, true",
        "-1, 2, false",
        "1, 0, false",
        "5, 3, false",
    })
    void shouldKnowTheDivdeOverflowsQemuMisses(final String dividend, final String divisor, final boolean missed) {
        assertEquals(missed, RegisterSteps.qemuMissesOverflow(parse(dividend), parse(divisor)));
    }

    private static long parse(final String text) {
        return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
    }
}
