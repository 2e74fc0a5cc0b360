package dev.jppc.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The disassembler on a sample of words (GNU as operand order, base mnemonics only, branch targets as absolute
 * addresses from pc 0x10000), and on one word of every op.
 */
class DisassemblerTest {

    private static final long PC = 0x1_0000;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
        0x38600001 | addi     r3,r0,1
        0x3c60ffff | addis    r3,r0,-1
        0x7c642e15 | addo.    r3,r4,r5
        0x7c642a15 | add.     r3,r4,r5
        0x708300ff | andi.    r3,r4,0xff
        0x60000000 | ori      r0,r0,0x0
        0x5483298e | rlwinm   r3,r4,5,6,7
        0x7883f862 | rldicl   r3,r4,63,33
        0x788326e4 | rldicr   r3,r4,4,59
        0xe861fff8 | ld       r3,-8(r1)
        0xe0c40020 | lq       r6,32(r4)
        0x9421fff0 | stwu     r1,-16(r1)
        0x7c64282e | lwzx     r3,r4,r5
        0x48000100 | b        0x10100
        0x4bfffffd | bl       0xfffc
        0x48000702 | ba       0x700
        0x4182fff8 | bc       12,2,0xfff8
        0x4e800020 | bclr     20,0
        0x4e800821 | bclrl    20,0,1
        0x4e800420 | bcctr    20,0
        0x7c6802a6 | mfspr    r3,8
        0x7c7a03a6 | mtspr    26,r3
        0x7c6ff120 | mtcrf    0xff,r3
        0x7c780120 | mtocrf   0x80,r3
        0x7c701026 | mfocrf   r3,0x1
        0x7c600026 | mfcr     r3
        0x7c0004ac | sync
        0x7c2004ac | lwsync
        0x7c4004ac | ptesync
        0x44000002 | sc
        0x44000022 | sc       1
        0x7c042800 | cmp      cr0,0,r4,r5
        0x2ba4000a | cmpli    cr7,1,r4,10
        0x7c64289e | isel     r3,r4,r5,2
        0x00000000 | .long 0x00000000
        0x7fe00008 | tw       31,r0,r0
        0x0c83ffff | twi      4,r3,-1
        0x7c0003e4 | slbia
        0x7c610164 | mtmsrd   r3,1
        0x7c602029 | lwarx    r3,r0,r4,1
        0x7c83fe76 | sradi    r3,r4,63
        0x78834428 | rldic    r3,r4,8,48
        0x7c6400d0 | neg      r3,r4
        0x7c640591 | subfzeo. r3,r4
        0x00000200 | attn
        0x4c000024 | rfid
        0x7c6021ad | stdcx.   r3,r0,r4
        0x4f800000 | mcrf     cr7,cr0
        0x4cc63182 | crxor    6,6,6
        0x7c642893 | mulhd.   r3,r4,r5
        0x7ca444aa | lswi     r5,r4,8
        0x7c0027ec | dcbz     r0,r4
        0x7c831e70 | srawi    r3,r4,3
        0x7c832bf8 | cmpb     r3,r4,r5
        0x78832810 | rldcl    r3,r4,r5,0
        0x7c0007fe | .long 0x7c0007fe
        0x7c6c42a6 | mfspr    r3,268
        0x10432000 | vaddubm  v2,v3,v4
        0x10432406 | vcmpequb. v2,v3,v4
        0x1043216e | vmaddfp  v2,v3,v5,v4
        0x104321ec | vsldoi   v2,v3,v4,7
        0x1041220c | vspltb   v2,v4,1
        0x105d030c | vspltisb v2,-3
        0x1043ce82 | vshasigmaw v2,v3,1,9
        0x7c4320ce | lvx      v2,r3,r4
        0x7c4021ce | stvx     v2,r0,r4
        0x10400604 | mfvscr   v2
        0x10002644 | mtvscr   v4
        0x10612602 | vctzlsbb r3,v4
        0x1065270d | vextubrx r3,r5,v4
        0x104305c8 | vsbox    v2,v3
        0x1040210a | vrefp    v2,v4
        0x1043230a | vcfux    v2,v4,3
        0x104327c6 | vcmpbfp. v2,v3,v4
        0x10692642 | vextracthm r3,v4
        0x10602602 | vclzlsbb r3,v4
        0x1043216b | vperm    v2,v3,v4,v5
        0x107d2602 | .long 0x107d2602
        0x10432601 | bcdadd.  v2,v3,v4,1
        0x10432441 | bcdsub.  v2,v3,v4,0
        0x10602642 | .long 0x10602642
        """)
    void shouldDisassembleTheSample(final String word, final String text) {
        final int insn = (int) Long.parseLong(word.trim().substring(2), 16);
        assertEquals(text.substring(1), Disassembler.disassemble(insn, PC));
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void shouldNameEveryOpByItsMnemonic(final Op op) {
        if (op == Op.ILLEGAL) {
            return;
        }
        final int word = DecoderTest.assembled(op);
        final String text = Disassembler.disassemble(word, PC);
        final String base = switch (op) {
            case SYNC -> "lwsync";
            case MFCR -> "mfocrf";
            case B -> "bl";
            case BCLR -> "bclrl";
            case BCTAR -> "bctarl";
            default -> op.mnemonic();
        };
        assertTrue(text.startsWith(base), op + " disassembles as '" + text + "'");
        assertEquals(text.split(" ")[0], Disassembler.mnemonic(word));
    }
}
