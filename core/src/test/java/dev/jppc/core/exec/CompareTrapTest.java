package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.Interrupts;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;

/** Book I 3.3.10 compare and 3.3.11 trap instructions. */
class CompareTrapTest {

    private static final ByteOrder[] ORDERS = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
    private static final int CR_BEFORE = 0x1234_5678;

    private static final int TO_LT = 0x10;
    private static final int TO_GT = 0x08;
    private static final int TO_EQ = 0x04;
    private static final int TO_LTU = 0x02;
    private static final int TO_GTU = 0x01;

    /** Every BF, with XER[SO] clear and set: only field BF changes, to the row's result plus SO. */
    @ParameterizedTest(name = "{0} L={1} RA={2} B={3}")
    @CsvSource(delimiter = '|', textBlock = """
        # op  | L | RA          | RB or immediate | result
        cmp   | 1 | -1          | 1           | LT
        cmp   | 0 | -1          | 1           | LT
        cmp   | 1 | 0x80000000  | 0           | GT
        cmp   | 0 | 0x80000000  | 0           | LT
        cmp   | 1 | 0x100000000 | 0           | GT
        cmp   | 0 | 0x100000000 | 0           | EQ
        cmp   | 1 | MIN         | MAX         | LT
        cmp   | 0 | MIN         | MAX         | GT
        cmp   | 1 | 5           | 5           | EQ
        cmpl  | 1 | -1          | 1           | GT
        cmpl  | 0 | 0x100000000 | 1           | LT
        cmpl  | 0 | 0xffffffff  | 0x1ffffffff | EQ
        cmpl  | 1 | 0xffffffff  | 0x1ffffffff | LT
        cmpl  | 1 | MIN         | MAX         | GT
        cmpl  | 0 | 0x80000000  | 0x7fffffff  | GT
        cmpi  | 1 | -1          | -1          | EQ
        cmpi  | 0 | 0xffffffff  | -1          | EQ
        cmpi  | 1 | 0xffffffff  | -1          | GT
        cmpi  | 1 | -32769      | -32768      | LT
        cmpi  | 0 | 0x80000000  | 0           | LT
        cmpi  | 1 | 0x80000000  | 0           | GT
        cmpli | 1 | 0xffff      | 0xffff      | EQ
        cmpli | 0 | 0x10000ffff | 0xffff      | EQ
        cmpli | 1 | 0x10000ffff | 0xffff      | GT
        cmpli | 1 | -1          | 0xffff      | GT
        cmpli | 0 | 0x8000      | 0xffff      | LT
        cmpli | 1 | 0           | 1           | LT
        """)
    void shouldCompareIntoEveryCrField(final String op, final int l, final String ra, final String b,
                                       final String result) {
        for (final ByteOrder order : ORDERS) {
            for (int bf = 0; bf < 8; bf++) {
                for (final int so : new int[] {0, 1}) {
                    final int word = switch (op) {
                        case "cmp" -> PpcAsm.cmp(bf, l, 4, 5);
                        case "cmpl" -> PpcAsm.cmpl(bf, l, 4, 5);
                        case "cmpi" -> PpcAsm.cmpi(bf, l, 4, (int) value(b));
                        default -> PpcAsm.cmpli(bf, l, 4, (int) value(b));
                    };
                    final TestMachine m = TestMachine.supervisor(order).gpr(4, value(ra)).gpr(5, value(b))
                        .xer(so != 0 ? XerBits.SO : 0).cr(CR_BEFORE).run(word).assertCompleted();
                    final int shift = 28 - 4 * bf;
                    final int expected = (CR_BEFORE & ~(0xF << shift)) | ((XerBits.named(result) | so) << shift);
                    assertEquals(Integer.toHexString(expected), Integer.toHexString(m.cpu.cr),
                        op + " into cr" + bf + " with SO=" + so);
                }
            }
        }
    }

    @Test
    void shouldCompareDoublewordsWhenLIsSetEvenIn32BitMode() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().gpr(4, 0x1_0000_0000L)
            .run(PpcAsm.cmpdi(4, 0), PpcAsm.cmpwi(1, 4, 0)).assertCompleted();
        assertEquals(XerBits.GT, m.crField(0));
        assertEquals(XerBits.EQ, m.crField(1));
    }

    /**
     * For every TO value 0..31 the instruction traps exactly when TO selects one of the conditions that hold
     * between the operands; the trap is a program interrupt with SRR1[46] set and SRR0 at the trap.
     */
    @ParameterizedTest(name = "{0} RA={1} B={2} holds {3}")
    @CsvSource(delimiter = '|', textBlock = """
        # op | RA           | RB or immediate | conditions that hold
        td   | -1           | 1           | lt gtu
        tw   | -1           | 1           | lt gtu
        td   | 1            | -1          | gt ltu
        tw   | 1            | -1          | gt ltu
        td   | 5            | 5           | eq
        tw   | 0x100000000  | 0           | eq
        td   | 0x100000000  | 0           | gt gtu
        tw   | 0x80000000   | 0           | lt gtu
        td   | 0x80000000   | 0           | gt gtu
        tw   | 0x100000001  | 0x200000002 | lt ltu
        td   | MIN          | MAX         | lt gtu
        tw   | 0xffffffff   | 0x7fffffff  | lt gtu
        tdi  | -2           | -1          | lt ltu
        twi  | 0            | -1          | gt ltu
        twi  | 0x100000000  | 0           | eq
        tdi  | 0x100000000  | 0           | gt gtu
        tdi  | 7            | 7           | eq
        twi  | 0xffff8000   | -32768      | eq
        """)
    void shouldTrapExactlyWhenASelectedConditionHolds(final String op, final String ra, final String b,
                                                      final String conditions) {
        final int holds = conditionBits(conditions);
        for (final ByteOrder order : ORDERS) {
            for (int to = 0; to < 32; to++) {
                final int word = switch (op) {
                    case "tw" -> PpcAsm.tw(to, 4, 5);
                    case "td" -> PpcAsm.td(to, 4, 5);
                    case "twi" -> PpcAsm.twi(to, 4, (int) value(b));
                    default -> PpcAsm.tdi(to, 4, (int) value(b));
                };
                final TestMachine m = TestMachine.supervisor(order).gpr(4, value(ra)).gpr(5, value(b))
                    .run(PpcAsm.nop(), word);
                if ((to & holds) != 0) {
                    m.assertProgramInterrupt(TestMachine.at(1), Interrupts.SRR1_TRAP);
                } else {
                    m.assertCompleted();
                }
            }
        }
    }

    @Test
    void shouldCompareDoublewordsInTdEvenIn32BitMode() {
        TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().gpr(4, 0x1_0000_0000L)
            .run(PpcAsm.tdi(TO_EQ, 4, 0)).assertCompleted();
        TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().gpr(4, 0x1_0000_0000L)
            .run(PpcAsm.twi(TO_EQ, 4, 0)).assertProgramInterrupt(TestMachine.at(0), Interrupts.SRR1_TRAP);
    }

    @Test
    void shouldTrapFromProblemStateToo() {
        TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).problemState()
            .run(PpcAsm.trap()).assertProgramInterrupt(TestMachine.at(0), Interrupts.SRR1_TRAP);
    }

    private static int conditionBits(final String conditions) {
        int bits = 0;
        for (final String c : conditions.trim().split(" +")) {
            bits |= switch (c) {
                case "lt" -> TO_LT;
                case "gt" -> TO_GT;
                case "eq" -> TO_EQ;
                case "ltu" -> TO_LTU;
                case "gtu" -> TO_GTU;
                default -> throw new IllegalArgumentException(c);
            };
        }
        return bits;
    }
}
