package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.value;
import static dev.jppc.core.exec.XerBits.CA;
import static dev.jppc.core.exec.XerBits.CA32;
import static dev.jppc.core.exec.XerBits.OV;
import static dev.jppc.core.exec.XerBits.OV32;
import static dev.jppc.core.exec.XerBits.SO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;

/**
 * Book I 3.3.9 fixed-point arithmetic: every XO-form instruction in its four forms (plain, o, ., o.), the
 * D-form immediates, multiply, divide (with jppc's definition of the undefined quotients: 0, and OV in the o
 * forms) and the v3.0 modulo instructions. Each table row runs in both byte orders, with XER[SO] clear and
 * already set, in every form; CR0 of the record forms is derived from the row's result.
 */
class FixedPointArithmeticTest {

    private static final ByteOrder[] ORDERS = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
    /** CR contents before the instruction, so that a test sees which fields it changed. */
    private static final int CR_BEFORE = 0x0F0F_0F0F;

    @ParameterizedTest(name = "{0} RA={1} RB={2} CA={3}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | RA                 | RB          | CA in | result             | CA | CA32 | OV | OV32
        add    | 0                  | 0           | 0 | 0                      | 0 | 0 | 0 | 0
        add    | MAX                | 1           | 0 | MIN                    | 0 | 0 | 1 | 0
        add    | -1                 | 1           | 1 | 0                      | 1 | 1 | 0 | 0
        add    | 0x7fffffff         | 1           | 0 | 0x80000000             | 0 | 0 | 0 | 1
        add    | 0x80000000         | 0x80000000  | 0 | 0x100000000            | 0 | 0 | 0 | 1
        add    | MIN                | MIN         | 0 | 0                      | 0 | 0 | 1 | 0
        add    | 0xffffffff         | 1           | 0 | 0x100000000            | 0 | 0 | 0 | 0
        add    | MIN                | -1          | 0 | MAX                    | 0 | 0 | 1 | 0
        add    | 0x100000000        | 0x100000000 | 0 | 0x200000000            | 0 | 0 | 0 | 0
        addc   | 0                  | 0           | 0 | 0                      | 0 | 0 | 0 | 0
        addc   | -1                 | 1           | 0 | 0                      | 1 | 1 | 0 | 0
        addc   | MAX                | 1           | 0 | MIN                    | 0 | 1 | 1 | 0
        addc   | 0xffffffff         | 1           | 0 | 0x100000000            | 0 | 1 | 0 | 0
        addc   | MIN                | MIN         | 0 | 0                      | 1 | 0 | 1 | 0
        addc   | 0x80000000         | 0x80000000  | 0 | 0x100000000            | 0 | 1 | 0 | 1
        addc   | 0x7fffffff         | 1           | 1 | 0x80000000             | 0 | 0 | 0 | 1
        addc   | -1                 | -1          | 0 | -2                     | 1 | 1 | 0 | 0
        adde   | 0                  | 0           | 1 | 1                      | 0 | 0 | 0 | 0
        adde   | -1                 | 0           | 1 | 0                      | 1 | 1 | 0 | 0
        adde   | MAX                | 0           | 1 | MIN                    | 0 | 1 | 1 | 0
        adde   | -1                 | -1          | 1 | -1                     | 1 | 1 | 0 | 0
        adde   | 0x7fffffff         | 0           | 1 | 0x80000000             | 0 | 0 | 0 | 1
        adde   | MIN                | -1          | 1 | MIN                    | 1 | 1 | 0 | 0
        adde   | -1                 | 1           | 0 | 0                      | 1 | 1 | 0 | 0
        addme  | 0                  | 0           | 0 | -1                     | 0 | 0 | 0 | 0
        addme  | 0                  | 0           | 1 | 0                      | 1 | 1 | 0 | 0
        addme  | MIN                | 0           | 0 | MAX                    | 1 | 0 | 1 | 0
        addme  | 0x80000000         | 0           | 0 | 0x7fffffff             | 1 | 1 | 0 | 1
        addme  | 1                  | 0           | 0 | 0                      | 1 | 1 | 0 | 0
        addze  | -1                 | 0           | 1 | 0                      | 1 | 1 | 0 | 0
        addze  | MAX                | 0           | 1 | MIN                    | 0 | 1 | 1 | 0
        addze  | 5                  | 0           | 0 | 5                      | 0 | 0 | 0 | 0
        addze  | 0x7fffffff         | 0           | 1 | 0x80000000             | 0 | 0 | 0 | 1
        subf   | 1                  | 0           | 0 | -1                     | 0 | 0 | 0 | 0
        subf   | 1                  | MIN         | 1 | MAX                    | 1 | 1 | 1 | 0
        subf   | -1                 | MAX         | 0 | MIN                    | 0 | 0 | 1 | 0
        subf   | 1                  | 0x80000000  | 0 | 0x7fffffff             | 0 | 0 | 0 | 1
        subf   | 0                  | 0           | 0 | 0                      | 0 | 0 | 0 | 0
        subf   | MIN                | 0           | 0 | MIN                    | 0 | 0 | 1 | 0
        subfc  | 1                  | 0           | 0 | -1                     | 0 | 0 | 0 | 0
        subfc  | 0                  | 0           | 0 | 0                      | 1 | 1 | 0 | 0
        subfc  | 1                  | 2           | 0 | 1                      | 1 | 1 | 0 | 0
        subfc  | 1                  | MIN         | 0 | MAX                    | 1 | 0 | 1 | 0
        subfc  | 0x100000000        | 0           | 0 | 0xffffffff00000000     | 0 | 1 | 0 | 0
        subfc  | 1                  | 0x80000000  | 0 | 0x7fffffff             | 1 | 1 | 0 | 1
        subfe  | 0                  | 0           | 0 | -1                     | 0 | 0 | 0 | 0
        subfe  | 0                  | 0           | 1 | 0                      | 1 | 1 | 0 | 0
        subfe  | -1                 | MAX         | 1 | MIN                    | 0 | 1 | 1 | 0
        subfe  | 1                  | 0x80000000  | 1 | 0x7fffffff             | 1 | 1 | 0 | 1
        subfme | 0                  | 0           | 0 | -2                     | 1 | 1 | 0 | 0
        subfme | -1                 | 0           | 0 | -1                     | 0 | 0 | 0 | 0
        subfme | -1                 | 0           | 1 | 0                      | 1 | 1 | 0 | 0
        subfme | MAX                | 0           | 0 | MAX                    | 1 | 0 | 1 | 0
        subfze | 0                  | 0           | 1 | 0                      | 1 | 1 | 0 | 0
        subfze | 0                  | 0           | 0 | -1                     | 0 | 0 | 0 | 0
        subfze | MIN                | 0           | 1 | MIN                    | 0 | 1 | 1 | 0
        subfze | 0x80000000         | 0           | 1 | 0xffffffff80000000     | 0 | 0 | 0 | 1
        neg    | 1                  | 0           | 0 | -1                     | 0 | 0 | 0 | 0
        neg    | MIN                | 0           | 1 | MIN                    | 1 | 1 | 1 | 0
        neg    | 0x80000000         | 0           | 0 | 0xffffffff80000000     | 0 | 0 | 0 | 1
        neg    | 0                  | 0           | 0 | 0                      | 0 | 0 | 0 | 0
        neg    | -1                 | 0           | 0 | 1                      | 0 | 0 | 0 | 0
        """)
    void shouldAddAndSubtractIn64BitMode(final String op, final String ra, final String rb, final int caIn,
                                         final String result, final int ca, final int ca32, final int ov,
                                         final int ov32) {
        checkEveryForm(op, value(ra), value(rb), caIn, value(result), ca, ca32, ov, ov32, true);
    }

    /**
     * In 32-bit mode CA is the carry out of bit 32 and OV the overflow of the low word (Book I 3.2.2, and
     * QEMU); the result is still the full 64-bit sum, and CR0 looks at its low word only.
     */
    @ParameterizedTest(name = "{0} RA={1} RB={2} CA={3}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | RA                 | RB          | CA in | result             | CA | CA32 | OV | OV32 | CR0
        addc   | 0xffffffff         | 1           | 0 | 0x100000000            | 1 | 1 | 0 | 0 | EQ
        addc   | -1                 | 1           | 0 | 0                      | 1 | 1 | 0 | 0 | EQ
        addc   | MIN                | MIN         | 0 | 0                      | 0 | 0 | 0 | 0 | EQ
        addc   | 0x7fffffff         | 1           | 0 | 0x80000000             | 0 | 0 | 1 | 1 | LT
        add    | MAX                | 1           | 0 | MIN                    | 0 | 0 | 0 | 0 | EQ
        add    | 0x7fffffff         | 1           | 1 | 0x80000000             | 1 | 1 | 1 | 1 | LT
        add    | 0x100000000        | 0x7fffffff  | 0 | 0x17fffffff            | 0 | 0 | 0 | 0 | GT
        adde   | 0xffffffff         | 0           | 1 | 0x100000000            | 1 | 1 | 0 | 0 | EQ
        addme  | 0x100000000        | 0           | 0 | 0xffffffff             | 0 | 0 | 0 | 0 | LT
        addze  | 0x7fffffff         | 0           | 1 | 0x80000000             | 0 | 0 | 1 | 1 | LT
        subf   | 1                  | 0x80000000  | 0 | 0x7fffffff             | 0 | 0 | 1 | 1 | GT
        subfc  | 0x100000000        | 0           | 0 | 0xffffffff00000000     | 1 | 1 | 0 | 0 | EQ
        subfc  | 1                  | 0x100000000 | 0 | 0xffffffff             | 0 | 0 | 0 | 0 | LT
        subfe  | 0                  | 0           | 1 | 0                      | 1 | 1 | 0 | 0 | EQ
        subfme | 0xffffffff         | 0           | 0 | 0xfffffffeffffffff     | 0 | 0 | 0 | 0 | LT
        subfze | 0x80000000         | 0           | 1 | 0xffffffff80000000     | 0 | 0 | 1 | 1 | LT
        neg    | 0x80000000         | 0           | 0 | 0xffffffff80000000     | 0 | 0 | 1 | 1 | LT
        neg    | MIN                | 0           | 0 | MIN                    | 0 | 0 | 0 | 0 | EQ
        """)
    void shouldUseTheLowWordForCarryOverflowAndCr0In32BitMode(final String op, final String ra, final String rb,
                                                              final int caIn, final String result, final int ca,
                                                              final int ca32, final int ov, final int ov32,
                                                              final String cr0) {
        checkEveryForm(op, value(ra), value(rb), caIn, value(result), ca, ca32, ov, ov32, false);
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32()
            .gpr(4, value(ra)).gpr(5, value(rb)).xer(caIn != 0 ? CA | CA32 : 0)
            .run(XoForms.of(op).rc().word(3, 4, 5)).assertCompleted();
        assertEquals(XerBits.named(cr0), m.cr0(), "CR0 of " + op + ". in 32-bit mode");
    }

    @ParameterizedTest(name = "{0} RA={1} RB={2}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | RA                 | RB          | result             | OV
        mullw  | 0x7fffffff         | 2           | 0xfffffffe         | 1
        mullw  | -1                 | -1          | 1                  | 0
        mullw  | 0x80000000         | -1          | 0x80000000         | 1
        mullw  | 0x100000000        | 5           | 0                  | 0
        mullw  | 0xffffffff         | 0xffffffff  | 1                  | 0
        mullw  | 0x80000000         | 0x80000000  | 0x4000000000000000 | 1
        mullw  | 3                  | -2          | -6                 | 0
        mulld  | MAX                | 2           | -2                 | 1
        mulld  | -1                 | -1          | 1                  | 0
        mulld  | MIN                | -1          | MIN                | 1
        mulld  | 0x100000000        | 0x100000000 | 0                  | 1
        mulld  | 0xffffffff         | 0xffffffff  | 0xfffffffe00000001 | 1
        mulld  | 0x7fffffff         | 0x7fffffff  | 0x3fffffff00000001 | 0
        mulld  | 3                  | -2          | -6                 | 0
        divw   | 7                  | 2           | 3                  | 0
        divw   | -7                 | 2           | 0xfffffffd         | 0
        divw   | 0x80000000         | -1          | 0                  | 1
        divw   | 5                  | 0           | 0                  | 1
        divw   | 0x100000007        | 2           | 3                  | 0
        divw   | 0x80000000         | 1           | 0x80000000         | 0
        divwu  | 0xffffffff         | 2           | 0x7fffffff         | 0
        divwu  | 0x80000000         | 0xffffffff  | 0                  | 0
        divwu  | 5                  | 0           | 0                  | 1
        divwu  | 0x100000000        | 0x100000000 | 0                  | 1
        divd   | MIN                | -1          | 0                  | 1
        divd   | -7                 | 2           | -3                 | 0
        divd   | MAX                | 0           | 0                  | 1
        divd   | MIN                | 2           | 0xc000000000000000 | 0
        divdu  | -1                 | 2           | MAX                | 0
        divdu  | MIN                | -1          | 0                  | 0
        divdu  | 1                  | 0           | 0                  | 1
        divwe  | 1                  | 2           | 0                  | 1
        divwe  | 1                  | 4           | 0x40000000         | 0
        divwe  | -1                 | 2           | 0x80000000         | 0
        divwe  | 1                  | 0           | 0                  | 1
        divwe  | 0                  | 5           | 0                  | 0
        divwe  | 1                  | -4          | 0xc0000000         | 0
        divwe  | 0x80000000         | -1          | 0                  | 1
        divweu | 1                  | 2           | 0x80000000         | 0
        divweu | 1                  | 1           | 0                  | 1
        divweu | 0                  | 0           | 0                  | 1
        divweu | 0x7fffffff         | 0x80000000  | 0xfffffffe         | 0
        divde  | 1                  | 4           | 0x4000000000000000 | 0
        divde  | 1                  | 2           | 0                  | 1
        divde  | -1                 | 2           | MIN                | 0
        divde  | 1                  | -4          | 0xc000000000000000 | 0
        divde  | 0                  | 0           | 0                  | 1
        divde  | 1                  | 1           | 0                  | 1
        divde  | 0                  | -1          | 0                  | 0
        divde  | 3                  | 7           | 0x6db6db6db6db6db6 | 0
        divde  | MIN                | MIN         | 0                  | 1
        divdeu | 1                  | 2           | MIN                | 0
        divdeu | 1                  | 1           | 0                  | 1
        divdeu | 0xfffffffffffffffe | -1          | 0xfffffffffffffffe | 0
        divdeu | 0                  | 0           | 0                  | 1
        """)
    void shouldMultiplyAndDivideWithOverflowAndJppcsUndefinedResults(final String op, final String ra,
                                                                   final String rb, final String result,
                                                                   final int ov) {
        // Multiply and divide leave CA alone and set OV32 equal to OV.
        for (final int caIn : new int[] {0, 1}) {
            checkEveryForm(op, value(ra), value(rb), caIn, value(result), caIn, caIn, ov, ov, true);
        }
    }

    @ParameterizedTest(name = "{0} RA={1} RB={2}")
    @CsvSource(delimiter = '|', textBlock = """
        # op    | RA          | RB         | result (64-bit register) | CR0 64-bit | CR0 32-bit
        mulhw   | 0x7fffffff  | 0x7fffffff | 0x3fffffff               | GT | GT
        mulhw   | -1          | -1         | 0                        | EQ | EQ
        mulhw   | 0x80000000  | 0x80000000 | 0x40000000               | GT | GT
        mulhw   | -1          | 1          | 0xffffffff               | GT | LT
        mulhw   | 0x80000000  | 1          | 0xffffffff               | GT | LT
        mulhwu  | 0xffffffff  | 0xffffffff | 0xfffffffe               | GT | LT
        mulhwu  | 0x80000000  | 2          | 1                        | GT | GT
        mulhwu  | -1          | 1          | 0                        | EQ | EQ
        mulhd   | MAX         | MAX        | 0x3fffffffffffffff       | GT | LT
        mulhd   | -1          | -1         | 0                        | EQ | EQ
        mulhd   | MIN         | MIN        | 0x4000000000000000       | GT | EQ
        mulhd   | MIN         | -1         | 0                        | EQ | EQ
        mulhd   | -1          | 1          | -1                       | LT | LT
        mulhdu  | -1          | -1         | 0xfffffffffffffffe       | LT | LT
        mulhdu  | MIN         | 2          | 1                        | GT | GT
        mulhdu  | 0x100000000 | 0x100000000 | 1                       | GT | GT
        mulhdu  | -1          | 1          | 0                        | EQ | EQ
        """)
    void shouldComputeHighProductsWithoutTouchingXer(final String op, final String ra, final String rb,
                                                     final String result, final String cr0Mode64,
                                                     final String cr0Mode32) {
        final XoForms.Encoder plain = switch (op) {
            case "mulhw" -> PpcAsm::mulhw;
            case "mulhwu" -> PpcAsm::mulhwu;
            case "mulhd" -> PpcAsm::mulhd;
            default -> PpcAsm::mulhdu;
        };
        final XoForms.Encoder record = switch (op) {
            case "mulhw" -> PpcAsm::mulhw_;
            case "mulhwu" -> PpcAsm::mulhwu_;
            case "mulhd" -> PpcAsm::mulhd_;
            default -> PpcAsm::mulhdu_;
        };
        final long xer = SO | OV | CA;
        for (final ByteOrder order : ORDERS) {
            final TestMachine m = TestMachine.supervisor(order).gpr(4, value(ra)).gpr(5, value(rb)).xer(xer)
                .cr(CR_BEFORE).run(plain.word(3, 4, 5)).assertCompleted();
            assertEquals(value(result), m.gpr(3), op);
            assertEquals(xer, m.cpu.xer(), "XER after " + op);
            assertEquals(CR_BEFORE, m.cpu.cr, "CR after " + op);
            for (final boolean mode64 : new boolean[] {true, false}) {
                final TestMachine r = TestMachine.supervisor(order).gpr(4, value(ra)).gpr(5, value(rb)).xer(xer);
                if (!mode64) {
                    r.mode32();
                }
                r.run(record.word(3, 4, 5)).assertCompleted();
                assertEquals(value(result), r.gpr(3), op + ".");
                assertEquals(XerBits.named(mode64 ? cr0Mode64 : cr0Mode32) | 1, r.cr0(),
                    op + ". CR0 in " + (mode64 ? 64 : 32) + "-bit mode");
            }
        }
    }

    @ParameterizedTest(name = "{0} RA={1} RB={2}")
    @CsvSource(delimiter = '|', textBlock = """
        # op  | RA          | RB | result
        modsw | 7           | 3  | 1
        modsw | -7          | 3  | -1
        modsw | 7           | -3 | 1
        modsw | 0x80000000  | -1 | 0
        modsw | 5           | 0  | 0
        moduw | 0xffffffff  | 10 | 5
        moduw | 5           | 0  | 0
        moduw | 0x100000007 | 4  | 3
        modsd | -7          | 3  | -1
        modsd | MIN         | -1 | 0
        modsd | 5           | 0  | 0
        modsd | 7           | -3 | 1
        modud | -1          | 10 | 5
        modud | 5           | 0  | 0
        """)
    void shouldComputeRemaindersWithoutTouchingXerOrCr(final String op, final String ra, final String rb,
                                                       final String result) {
        final XoForms.Encoder encoder = switch (op) {
            case "modsw" -> PpcAsm::modsw;
            case "moduw" -> PpcAsm::moduw;
            case "modsd" -> PpcAsm::modsd;
            default -> PpcAsm::modud;
        };
        final long xer = SO | OV | OV32 | CA | CA32;
        for (final ByteOrder order : ORDERS) {
            final TestMachine m = TestMachine.supervisor(order).gpr(4, value(ra)).gpr(5, value(rb)).xer(xer)
                .cr(CR_BEFORE).run(encoder.word(3, 4, 5)).assertCompleted();
            assertEquals(value(result), m.gpr(3), op);
            assertEquals(xer, m.cpu.xer(), "XER after " + op);
            assertEquals(CR_BEFORE, m.cpu.cr, "CR after " + op);
        }
    }

    // ---- D-form immediates --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} RA=r{1} ({2}) SI={3}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | RA field | RA value   | SI     | result
        addi   | 4        | 5          | -1     | 4
        addi   | 0        | 1234       | 7      | 7
        addi   | 4        | MAX        | 1      | MIN
        addi   | 4        | 0          | -32768 | -32768
        addis  | 0        | 1234       | -32768 | 0xffffffff80000000
        addis  | 4        | 1          | 1      | 0x10001
        addis  | 4        | MAX        | 1      | 0x800000000000ffff
        mulli  | 4        | MAX        | 2      | -2
        mulli  | 4        | 0x80000000 | -1     | 0xffffffff80000000
        mulli  | 4        | 5          | -32768 | -163840
        """)
    void shouldAddAndMultiplyImmediatesLeavingXerAlone(final String op, final int raField, final String raValue,
                                                       final int si, final String result) {
        final int word = switch (op) {
            case "addi" -> PpcAsm.addi(3, raField, si);
            case "addis" -> PpcAsm.addis(3, raField, si);
            default -> PpcAsm.mulli(3, raField, si);
        };
        for (final ByteOrder order : ORDERS) {
            final TestMachine m = TestMachine.supervisor(order).gpr(raField, value(raValue)).xer(SO | OV | CA)
                .cr(CR_BEFORE).run(word).assertCompleted();
            assertEquals(value(result), m.gpr(3), op);
            assertEquals(SO | OV | CA, m.cpu.xer());
            assertEquals(CR_BEFORE, m.cpu.cr);
        }
    }

    @ParameterizedTest(name = "{0} RA={1} SI={2}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | RA          | SI | result             | CA | CA32
        addic  | -1          | 1  | 0                  | 1  | 1
        addic  | 0xffffffff  | 1  | 0x100000000        | 0  | 1
        addic  | 5           | -1 | 4                  | 1  | 1
        addic  | 0           | -1 | -1                 | 0  | 0
        addic  | MAX         | 1  | MIN                | 0  | 1
        subfic | 0           | 0  | 0                  | 1  | 1
        subfic | 1           | 0  | -1                 | 0  | 0
        subfic | 5           | -1 | -6                 | 1  | 1
        subfic | 0x100000000 | 0  | 0xffffffff00000000 | 0  | 1
        subfic | MIN         | 0  | MIN                | 0  | 1
        """)
    void shouldSetCarryForAddicAndSubfic(final String op, final String ra, final int si, final String result,
                                         final int ca, final int ca32) {
        final long expectedCa = (ca != 0 ? CA : 0) | (ca32 != 0 ? CA32 : 0);
        for (final ByteOrder order : ORDERS) {
            final boolean subtract = op.equals("subfic");
            // r0 as RA: addic and subfic read the register even when RA=0.
            final int word = subtract ? PpcAsm.subfic(3, 0, si) : PpcAsm.addic(3, 0, si);
            final TestMachine m = TestMachine.supervisor(order).gpr(0, value(ra)).xer(SO | OV)
                .cr(CR_BEFORE).run(word).assertCompleted();
            assertEquals(value(result), m.gpr(3), op);
            assertEquals(SO | OV | expectedCa, m.cpu.xer(), "XER after " + op);
            assertEquals(CR_BEFORE, m.cpu.cr, "CR after " + op);
            if (!subtract) {
                final TestMachine r = TestMachine.supervisor(order).gpr(0, value(ra)).xer(SO)
                    .cr(CR_BEFORE).run(PpcAsm.addic_(3, 0, si)).assertCompleted();
                assertEquals(value(result), r.gpr(3), "addic.");
                assertEquals(SO | expectedCa, r.cpu.xer(), "XER after addic.");
                assertEquals(XerBits.cr0(value(result), true, 1), r.cr0(), "CR0 after addic.");
                assertEquals(CR_BEFORE & 0x0FFF_FFFF, r.cpu.cr & 0x0FFF_FFFF, "CR1-7 after addic.");
            }
        }
    }

    @Test
    void shouldComputeAddicCarryFromTheLowWordIn32BitMode() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().gpr(4, 0xFFFF_FFFFL)
            .run(PpcAsm.addic_(3, 4, 1)).assertCompleted();
        assertEquals(0x1_0000_0000L, m.gpr(3));
        assertEquals(CA | CA32, m.cpu.xer());
        assertEquals(XerBits.EQ, m.cr0());
    }

    @Test
    void shouldReadOperandsBeforeWritingWhenTargetAndSourcesAreTheSameRegister() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(4, -1L)
            .run(PpcAsm.addco_(4, 4, 4)).assertCompleted();
        assertEquals(-2L, m.gpr(4));
        assertEquals(CA | CA32, m.cpu.xer());
        assertEquals(XerBits.LT, m.cr0());
    }

    // ---- the shared check ---------------------------------------------------------------------------

    /**
     * Runs every form of {@code op} with RA=r4, RB=r5, RT=r3 in both byte orders, with XER[SO, OV, OV32] clear
     * and set beforehand. CA and CA32 are expected as given (a row of an instruction that does not carry
     * lists the carry it starts with); OV and OV32 change only in the o forms, where SO sticks; CR0 changes
     * only in the record forms.
     */
    private static void checkEveryForm(final String op, final long a, final long b, final int caIn, final long result,
                                       final int ca, final int ca32, final int ov, final int ov32,
                                       final boolean mode64) {
        final XoForms.Forms forms = XoForms.of(op);
        for (final ByteOrder order : ORDERS) {
            for (final int sticky : new int[] {0, 1}) {
                for (final boolean overflow : new boolean[] {false, true}) {
                    for (final boolean record : new boolean[] {false, true}) {
                        final String name = op + (overflow ? "o" : "") + (record ? "." : "") + " RA=0x"
                            + Long.toHexString(a) + " RB=0x" + Long.toHexString(b) + " CA=" + caIn + " SO=" + sticky
                            + " " + order + (mode64 ? "" : " 32-bit");
                        final long xerBefore = (caIn != 0 ? CA | CA32 : 0) | (sticky != 0 ? SO | OV | OV32 : 0);
                        final TestMachine m = TestMachine.supervisor(order);
                        if (!mode64) {
                            m.mode32();
                        }
                        m.gpr(4, a).gpr(5, b).xer(xerBefore).cr(CR_BEFORE)
                            .run(forms.form(overflow, record).word(3, 4, 5)).assertCompleted();
                        assertEquals(result, m.gpr(3), name + ": result");
                        final int ovAfter = overflow ? ov : sticky;
                        final int ov32After = overflow ? ov32 : sticky;
                        final int soAfter = sticky | (overflow ? ov : 0);
                        final long xerAfter = (ca != 0 ? CA : 0) | (ca32 != 0 ? CA32 : 0) | (ovAfter != 0 ? OV : 0)
                            | (ov32After != 0 ? OV32 : 0) | (soAfter != 0 ? SO : 0);
                        assertEquals(Long.toHexString(xerAfter), Long.toHexString(m.cpu.xer()), name + ": XER");
                        final int crAfter = record
                            ? (XerBits.cr0(result, mode64, soAfter) << 28) | (CR_BEFORE & 0x0FFF_FFFF)
                            : CR_BEFORE;
                        assertEquals(Integer.toHexString(crAfter), Integer.toHexString(m.cpu.cr), name + ": CR");
                    }
                }
            }
        }
    }
}
