package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;

/**
 * Book I 3.3.13 logical instructions, the extend/count/population/parity instructions, cmpb, bpermd and
 * isel. Each row runs in both byte orders; the record forms are checked for CR0 in 64- and 32-bit mode.
 */
class LogicalTest {

    private static final ByteOrder[] ORDERS = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
    private static final int CR_BEFORE = 0x0F0F_0F0F;
    private static final long XER_BEFORE = XerBits.SO | XerBits.CA | XerBits.OV;

    /** Builds RA from RS (and RB); {@code record} selects the dot form. */
    @FunctionalInterface
    private interface Encoder {
        int word(int ra, int rs, int rb, boolean record);
    }

    private static Encoder encoder(final String op) {
        return switch (op.trim()) {
            case "and" -> (a, s, b, r) -> r ? PpcAsm.and_(a, s, b) : PpcAsm.and(a, s, b);
            case "andc" -> (a, s, b, r) -> r ? PpcAsm.andc_(a, s, b) : PpcAsm.andc(a, s, b);
            case "or" -> (a, s, b, r) -> r ? PpcAsm.or_(a, s, b) : PpcAsm.or(a, s, b);
            case "orc" -> (a, s, b, r) -> r ? PpcAsm.orc_(a, s, b) : PpcAsm.orc(a, s, b);
            case "xor" -> (a, s, b, r) -> r ? PpcAsm.xor_(a, s, b) : PpcAsm.xor(a, s, b);
            case "nand" -> (a, s, b, r) -> r ? PpcAsm.nand_(a, s, b) : PpcAsm.nand(a, s, b);
            case "nor" -> (a, s, b, r) -> r ? PpcAsm.nor_(a, s, b) : PpcAsm.nor(a, s, b);
            case "eqv" -> (a, s, b, r) -> r ? PpcAsm.eqv_(a, s, b) : PpcAsm.eqv(a, s, b);
            case "extsb" -> (a, s, b, r) -> r ? PpcAsm.extsb_(a, s) : PpcAsm.extsb(a, s);
            case "extsh" -> (a, s, b, r) -> r ? PpcAsm.extsh_(a, s) : PpcAsm.extsh(a, s);
            case "extsw" -> (a, s, b, r) -> r ? PpcAsm.extsw_(a, s) : PpcAsm.extsw(a, s);
            case "cntlzw" -> (a, s, b, r) -> r ? PpcAsm.cntlzw_(a, s) : PpcAsm.cntlzw(a, s);
            case "cntlzd" -> (a, s, b, r) -> r ? PpcAsm.cntlzd_(a, s) : PpcAsm.cntlzd(a, s);
            case "cnttzw" -> (a, s, b, r) -> r ? PpcAsm.cnttzw_(a, s) : PpcAsm.cnttzw(a, s);
            case "cnttzd" -> (a, s, b, r) -> r ? PpcAsm.cnttzd_(a, s) : PpcAsm.cnttzd(a, s);
            case "popcntb" -> (a, s, b, r) -> PpcAsm.popcntb(a, s);
            case "popcntw" -> (a, s, b, r) -> PpcAsm.popcntw(a, s);
            case "popcntd" -> (a, s, b, r) -> PpcAsm.popcntd(a, s);
            case "prtyw" -> (a, s, b, r) -> PpcAsm.prtyw(a, s);
            case "prtyd" -> (a, s, b, r) -> PpcAsm.prtyd(a, s);
            case "cmpb" -> (a, s, b, r) -> PpcAsm.cmpb(a, s, b);
            case "bpermd" -> (a, s, b, r) -> PpcAsm.bpermd(a, s, b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    /**
     * RS in r4, RB in r5, RA = r3. The CR0 columns are the record form's CR0 in 64- and 32-bit mode, or "-" for
     * instructions without one.
     */
    @ParameterizedTest(name = "{0} RS={1} RB={2}")
    @CsvSource(delimiter = '|', textBlock = """
        # op    | RS                 | RB                 | result             | CR0 64 | CR0 32
        and     | 0xff00ff00ff00ff00 | 0x0ff00ff00ff00ff0 | 0x0f000f000f000f00 | GT | GT
        andc    | 0xff00ff00ff00ff00 | 0x0ff00ff00ff00ff0 | 0xf000f000f000f000 | LT | LT
        or      | 0xff00ff00ff00ff00 | 0x0ff00ff00ff00ff0 | 0xfff0fff0fff0fff0 | LT | LT
        orc     | 0xff00ff00ff00ff00 | 0x0ff00ff00ff00ff0 | 0xff0fff0fff0fff0f | LT | LT
        xor     | 0xff00ff00ff00ff00 | 0x0ff00ff00ff00ff0 | 0xf0f0f0f0f0f0f0f0 | LT | LT
        nand    | 0xff00ff00ff00ff00 | 0x0ff00ff00ff00ff0 | 0xf0fff0fff0fff0ff | LT | LT
        nor     | 0xff00ff00ff00ff00 | 0x0ff00ff00ff00ff0 | 0x000f000f000f000f | GT | GT
        eqv     | 0xff00ff00ff00ff00 | 0x0ff00ff00ff00ff0 | 0x0f0f0f0f0f0f0f0f | GT | GT
        and     | 0x80000000         | -1                 | 0x80000000         | GT | LT
        or      | 0x100000000        | 0                  | 0x100000000        | GT | EQ
        xor     | -1                 | -1                 | 0                  | EQ | EQ
        nor     | 0                  | 0                  | -1                 | LT | LT
        extsb   | 0x80               | 0                  | 0xffffffffffffff80 | LT | LT
        extsb   | 0x7f               | 0                  | 0x7f               | GT | GT
        extsb   | 0x1234567890abcd00 | 0                  | 0                  | EQ | EQ
        extsh   | 0x8000             | 0                  | 0xffffffffffff8000 | LT | LT
        extsh   | 0xffff7fff         | 0                  | 0x7fff             | GT | GT
        extsw   | 0x80000000         | 0                  | 0xffffffff80000000 | LT | LT
        extsw   | 0xffffffff7fffffff | 0                  | 0x7fffffff         | GT | GT
        cntlzw  | 0                  | 0                  | 32                 | GT | GT
        cntlzw  | 0xffffffff00000001 | 0                  | 31                 | GT | GT
        cntlzw  | 0x80000000         | 0                  | 0                  | EQ | EQ
        cntlzd  | 0                  | 0                  | 64                 | GT | GT
        cntlzd  | 1                  | 0                  | 63                 | GT | GT
        cntlzd  | MIN                | 0                  | 0                  | EQ | EQ
        cntlzd  | 0x80000000         | 0                  | 32                 | GT | GT
        cnttzw  | 0                  | 0                  | 32                 | GT | GT
        cnttzw  | 0x100000000        | 0                  | 32                 | GT | GT
        cnttzw  | 0x80000000         | 0                  | 31                 | GT | GT
        cnttzw  | 1                  | 0                  | 0                  | EQ | EQ
        cnttzd  | 0                  | 0                  | 64                 | GT | GT
        cnttzd  | MIN                | 0                  | 63                 | GT | GT
        cnttzd  | 0x100000000        | 0                  | 32                 | GT | GT
        popcntb | 0x0103070f1f3f7fff | 0                  | 0x0102030405060708 | -  | -
        popcntb | -1                 | 0                  | 0x0808080808080808 | -  | -
        popcntw | 0xffffffff00000001 | 0                  | 0x0000002000000001 | -  | -
        popcntw | -1                 | 0                  | 0x0000002000000020 | -  | -
        popcntd | -1                 | 0                  | 64                 | -  | -
        popcntd | 0x8000000000000001 | 0                  | 2                  | -  | -
        prtyw   | 0x0100000001000001 | 0                  | 0x0000000100000000 | -  | -
        prtyw   | 0x0101010101010101 | 0                  | 0                  | -  | -
        prtyw   | 0x00000000000000ff | 0                  | 1                  | -  | -
        prtyw   | 0xfefefefe01010100 | 0                  | 1                  | -  | -
        prtyd   | 0x0101010101010101 | 0                  | 0                  | -  | -
        prtyd   | 0x0100000000000000 | 0                  | 1                  | -  | -
        prtyd   | 0xfffffffffffffffe | 0                  | 1                  | -  | -
        cmpb    | 0x1122334455667788 | 0x1100330055007700 | 0xff00ff00ff00ff00 | -  | -
        cmpb    | 0                  | 0                  | -1                 | -  | -
        cmpb    | -1                 | 0                  | 0                  | -  | -
        bpermd  | 0x0001020304050607 | 0xa500000000000000 | 0xa5               | -  | -
        bpermd  | 0x3f3e3d3c3b3a3938 | 1                  | 0x80               | -  | -
        bpermd  | 0x4000ffff80000000 | -1                 | 0x47               | -  | -
        bpermd  | 0x0700000000000000 | 0x0100000000000000 | 0x80               | -  | -
        """)
    void shouldComputeLogicalResults(final String op, final String rs, final String rb, final String result,
                                     final String cr0Mode64, final String cr0Mode32) {
        final Encoder encoder = encoder(op);
        for (final ByteOrder order : ORDERS) {
            final TestMachine m = TestMachine.supervisor(order).gpr(4, value(rs)).gpr(5, value(rb))
                .xer(XER_BEFORE).cr(CR_BEFORE).run(encoder.word(3, 4, 5, false)).assertCompleted();
            assertEquals(Long.toHexString(value(result)), Long.toHexString(m.gpr(3)), op);
            assertEquals(XER_BEFORE, m.cpu.xer(), op + " must not change XER");
            assertEquals(CR_BEFORE, m.cpu.cr, op + " must not change CR");
            if (!cr0Mode64.equals("-")) {
                for (final boolean mode64 : new boolean[] {true, false}) {
                    final TestMachine r = TestMachine.supervisor(order).gpr(4, value(rs)).gpr(5, value(rb))
                        .xer(XER_BEFORE).cr(CR_BEFORE);
                    if (!mode64) {
                        r.mode32();
                    }
                    r.run(encoder.word(3, 4, 5, true)).assertCompleted();
                    assertEquals(value(result), r.gpr(3), op + ".");
                    assertEquals(XerBits.named(mode64 ? cr0Mode64 : cr0Mode32) | XerBits.SO_BIT, r.cr0(),
                        op + ". CR0 in " + (mode64 ? 64 : 32) + "-bit mode");
                    assertEquals(CR_BEFORE & 0x0FFF_FFFF, r.cpu.cr & 0x0FFF_FFFF, op + ". CR1-7");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} RS={1} UI={2}")
    @CsvSource(delimiter = '|', textBlock = """
        # op   | RS                 | UI     | result             | CR0 64 | CR0 32
        andi.  | 0xffffffffffff8001 | 0x8001 | 0x8001             | GT | GT
        andi.  | 0xff00             | 0x00ff | 0                  | EQ | EQ
        andis. | -1                 | 0x8000 | 0x80000000         | GT | LT
        andis. | 0x0000ffff00000000 | 0xffff | 0                  | EQ | EQ
        ori    | 0x1234000000000000 | 0xffff | 0x123400000000ffff | -  | -
        oris   | 0                  | 0x8000 | 0x80000000         | -  | -
        xori   | -1                 | 0xffff | 0xffffffffffff0000 | -  | -
        xoris  | 0                  | 0xffff | 0xffff0000         | -  | -
        xoris  | 0xffffffff         | 0x8000 | 0x7fffffff         | -  | -
        """)
    void shouldApplyZeroExtendedImmediates(final String op, final String rs, final String ui, final String result,
                                           final String cr0Mode64, final String cr0Mode32) {
        final int imm = (int) value(ui);
        final int word = switch (op) {
            case "andi." -> PpcAsm.andi_(3, 4, imm);
            case "andis." -> PpcAsm.andis_(3, 4, imm);
            case "ori" -> PpcAsm.ori(3, 4, imm);
            case "oris" -> PpcAsm.oris(3, 4, imm);
            case "xori" -> PpcAsm.xori(3, 4, imm);
            default -> PpcAsm.xoris(3, 4, imm);
        };
        for (final ByteOrder order : ORDERS) {
            for (final boolean mode64 : new boolean[] {true, false}) {
                final TestMachine m = TestMachine.supervisor(order).gpr(4, value(rs)).xer(XER_BEFORE).cr(CR_BEFORE);
                if (!mode64) {
                    m.mode32();
                }
                m.run(word).assertCompleted();
                assertEquals(value(result), m.gpr(3), op);
                assertEquals(XER_BEFORE, m.cpu.xer());
                final int expectedCr = cr0Mode64.equals("-") ? CR_BEFORE
                    : (CR_BEFORE & 0x0FFF_FFFF) | ((XerBits.named(mode64 ? cr0Mode64 : cr0Mode32) | 1) << 28);
                assertEquals(Integer.toHexString(expectedCr), Integer.toHexString(m.cpu.cr), op + " CR");
            }
        }
    }

    @Test
    void shouldSelectWithIselOnEveryCrBit() {
        for (final ByteOrder order : ORDERS) {
            for (int bc = 0; bc < 32; bc++) {
                final int bit = 1 << (31 - bc);
                final TestMachine set = TestMachine.supervisor(order).gpr(4, 0x4444).gpr(5, 0x5555).cr(bit)
                    .run(PpcAsm.isel(3, 4, 5, bc), PpcAsm.isel(6, 0, 5, bc)).assertCompleted();
                assertEquals(0x4444, set.gpr(3), "isel with CR bit " + bc + " set takes RA");
                assertEquals(0, set.gpr(6), "isel with RA=0 and CR bit " + bc + " set takes 0");
                final TestMachine clear = TestMachine.supervisor(order).gpr(4, 0x4444).gpr(5, 0x5555).cr(~bit)
                    .run(PpcAsm.isel(3, 4, 5, bc)).assertCompleted();
                assertEquals(0x5555, clear.gpr(3), "isel with CR bit " + bc + " clear takes RB");
                assertEquals(~bit, clear.cpu.cr);
            }
        }
    }
}
