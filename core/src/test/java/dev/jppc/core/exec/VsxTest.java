package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.TestMachine;
import dev.jppc.core.decode.Disassembler;

/**
 * VSX loads, stores, GPR moves and permutes on single instructions: register aliasing (FPR n is doubleword 0 of
 * VSR n, VR n is VSR 32+n), the byte order of every load and store in both MSR[LE] modes, and which MSR bit each
 * instruction needs. VsxReferenceTest compares the same instructions with QEMU on random operands.
 */
class VsxTest {

    private static final long ALL_FACILITIES = Cpu.MSR_VSX | Cpu.MSR_FP | Cpu.MSR_VEC;
    private static final long HIGH = 0x0011_2233_4455_6677L;
    private static final long LOW = 0x8899_AABB_CCDD_EEFFL;

    // ---- encoders (GNU as operand order), pinned to GNU as below -----------------------------------------

    /** X form on primary 31 with the VSR's fifth bit in bit 31 (loads, stores, GPR moves). */
    static int x31(final int xo, final int vsr, final int ra, final int rb) {
        return (31 << 26) | ((vsr & 31) << 21) | (ra << 16) | (rb << 11) | (xo << 1) | (vsr >>> 5);
    }

    static int lxvd2x(final int xt, final int ra, final int rb) {
        return x31(844, xt, ra, rb);
    }

    static int stxvd2x(final int xs, final int ra, final int rb) {
        return x31(972, xs, ra, rb);
    }

    static int mfvsrd(final int ra, final int xs) {
        return x31(51, xs, ra, 0);
    }

    static int mtvsrd(final int xt, final int ra) {
        return x31(179, xt, ra, 0);
    }

    static int mtvsrdd(final int xt, final int ra, final int rb) {
        return x31(435, xt, ra, rb);
    }

    static int mfvsrld(final int ra, final int xs) {
        return x31(307, xs, ra, 0);
    }

    /** XX3 form on primary 60. */
    static int xx3(final int xo, final int xt, final int xa, final int xb) {
        return (60 << 26) | ((xt & 31) << 21) | ((xa & 31) << 16) | ((xb & 31) << 11) | (xo << 3)
            | ((xa >>> 5) << 2) | ((xb >>> 5) << 1) | (xt >>> 5);
    }

    static int xxlor(final int xt, final int xa, final int xb) {
        return xx3(146, xt, xa, xb);
    }

    static int xxpermdi(final int xt, final int xa, final int xb, final int dm) {
        return xx3(10 | (dm << 5), xt, xa, xb);
    }

    static int xxspltib(final int xt, final int imm8) {
        return (60 << 26) | ((xt & 31) << 21) | (imm8 << 11) | (360 << 1) | (xt >>> 5);
    }

    static int lxv(final int xt, final int dq, final int ra) {
        return (61 << 26) | ((xt & 31) << 21) | (ra << 16) | (dq & 0xFFF0) | ((xt >>> 5) << 3) | 1;
    }

    static int stxv(final int xs, final int dq, final int ra) {
        return (61 << 26) | ((xs & 31) << 21) | (ra << 16) | (dq & 0xFFF0) | ((xs >>> 5) << 3) | 5;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lxvd2x 33,4,5 | 0x7c242e99", "stxvd2x 0,4,5 | 0x7c042f98", "mfvsrd 3,63 | 0x7fe30067",
        "mtvsrd 34,3 | 0x7c430167", "mtvsrdd 5,6,7 | 0x7ca63b66", "mfvsrld 3,4 | 0x7c830266",
        "xxlor 1,2,3 | 0xf0221c90", "xxpermdi 1,2,3,1 | 0xf0221950", "xxspltib 33,7 | 0xf0203ad1",
        "lxv 10,16(11) | 0xf54b0011", "stxv 42,-32(11) | 0xf54bffed"
    })
    void shouldEncodeLikeGnuAs(final String source, final String expected) {
        final int word = switch (source) {
            case "lxvd2x 33,4,5" -> lxvd2x(33, 4, 5);
            case "stxvd2x 0,4,5" -> stxvd2x(0, 4, 5);
            case "mfvsrd 3,63" -> mfvsrd(3, 63);
            case "mtvsrd 34,3" -> mtvsrd(34, 3);
            case "mtvsrdd 5,6,7" -> mtvsrdd(5, 6, 7);
            case "mfvsrld 3,4" -> mfvsrld(3, 4);
            case "xxlor 1,2,3" -> xxlor(1, 2, 3);
            case "xxpermdi 1,2,3,1" -> xxpermdi(1, 2, 3, 1);
            case "xxspltib 33,7" -> xxspltib(33, 7);
            case "lxv 10,16(11)" -> lxv(10, 16, 11);
            default -> stxv(42, -32, 11);
        };
        assertEquals((int) TestMachine.value(expected), word, source);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        0x7c242e99 | lxvd2x   vs33,r4,r5
        0xf022193f | xxsel    vs33,vs34,vs35,vs36
        0xf0221250 | xxpermdi vs1,vs2,vs2,2
        0xf0221b17 | xxsldwi  vs33,vs34,vs35,3
        0xf0201293 | xxspltw  vs33,vs34,0
        0xf0203ad1 | xxspltib vs33,7
        0x7fe30067 | mfvsrd   r3,vs63
        0x7c430167 | mtvsrd   vs34,r3
        0xf54bffed | stxv     vs42,-32(r11)
        """)
    void shouldDisassembleWithVsxRegisterNames(final String word, final String text) {
        assertEquals(text, Disassembler.disassemble((int) TestMachine.value(word), 0));
    }

    // ---- aliasing -------------------------------------------------------------------------------------

    @Test
    void shouldSeeFprsAsDoublewordZeroOfVsrsZeroTo31() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).msrBits(ALL_FACILITIES);
        m.cpu.setFpr(7, 0x4009_21FB_5444_2D18L);
        m.gpr(3, HIGH).run(mfvsrd(4, 7), mtvsrd(5, 3)).assertCompleted();
        assertEquals(0x4009_21FB_5444_2D18L, m.gpr(4));
        assertEquals(HIGH, m.cpu.fpr(5));
        assertEquals(HIGH, m.cpu.vsr[10]);
    }

    @Test
    void shouldSeeVrsAsVsrs32To63() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).msrBits(ALL_FACILITIES);
        m.cpu.setVr(3, HIGH, LOW);
        m.run(xxlor(1, 35, 35), mfvsrd(4, 35), mfvsrld(5, 35), xxpermdi(40, 35, 35, 2)).assertCompleted();
        assertEquals(HIGH, m.cpu.vsr[2]);
        assertEquals(LOW, m.cpu.vsr[3]);
        assertEquals(HIGH, m.gpr(4));
        assertEquals(LOW, m.gpr(5));
        assertEquals(LOW, m.cpu.vrHigh(8));
        assertEquals(HIGH, m.cpu.vrLow(8));
    }

    static int li(final int rt, final int si) {
        return (14 << 26) | (rt << 21) | (si & 0xFFFF);
    }

    /** Stores VSR i at DATA + 16i and loads it back into VSR 63-i: storage holds doubleword 0 first. */
    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldRoundTripEveryVsrThroughStorage(final Order order) {
        final TestMachine m = TestMachine.supervisor(order.byteOrder).msrBits(ALL_FACILITIES);
        for (int i = 0; i < 64; i++) {
            m.cpu.vsr[2 * i] = HIGH + i;
            m.cpu.vsr[2 * i + 1] = LOW - i;
        }
        final int[] program = new int[4 * 64];
        for (int i = 0; i < 64; i++) {
            program[2 * i] = li(4, 16 * i);
            program[2 * i + 1] = stxvd2x(i, 3, 4);
            program[128 + 2 * i] = li(4, 16 * i);
            program[128 + 2 * i + 1] = lxvd2x(63 - i, 3, 4);
        }
        m.gpr(3, TestMachine.DATA).runWithBudget(program.length + 4, program).assertCompleted();
        for (int i = 0; i < 64; i++) {
            assertEquals(HIGH + i, m.data(TestMachine.DATA + 16L * i, 8), "doubleword 0 of VSR " + i);
            assertEquals(LOW - i, m.data(TestMachine.DATA + 16L * i + 8, 8), "doubleword 1 of VSR " + i);
            assertEquals(HIGH + i, m.cpu.vsr[2 * (63 - i)], "VSR " + (63 - i) + " doubleword 0");
            assertEquals(LOW - i, m.cpu.vsr[2 * (63 - i) + 1], "VSR " + (63 - i) + " doubleword 1");
        }
    }

    // ---- byte order of every load and store ----------------------------------------------------------

    /** Bytes 0x80, 0x01, 0x02, ... 0x1f at DATA: the first word is negative in big-endian order only. */
    private static TestMachine withPattern(final String order, final long msr) {
        final TestMachine m = TestMachine.supervisor(Order.valueOf(order).byteOrder).msrBits(msr);
        for (int i = 0; i < 32; i++) {
            m.bytes(TestMachine.DATA + i, i == 0 ? 0x80 : i);
        }
        m.cpu.vsr[80] = HIGH;
        m.cpu.vsr[81] = LOW;
        return m.gpr(3, TestMachine.DATA).gpr(4, 5L << 56 | 0xFF_FFFF);
    }

    /** The load into VSR 40 (TX=1) from DATA: (RA|0)=0, RB=r3; lxv and lxvl use RA=r3 (lxvl's length is r4). */
    private static int load(final String name) {
        return switch (name) {
            case "lxvd2x" -> x31(844, 40, 0, 3);
            case "lxvw4x" -> x31(780, 40, 0, 3);
            case "lxvdsx" -> x31(332, 40, 0, 3);
            case "lxsdx" -> x31(588, 40, 0, 3);
            case "lxsiwax" -> x31(76, 40, 0, 3);
            case "lxsiwzx" -> x31(12, 40, 0, 3);
            case "lxsspx" -> x31(524, 40, 0, 3);
            case "lxv" -> lxv(40, 0, 3);
            case "lxvl" -> x31(269, 40, 3, 4);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static int store(final String name) {
        return switch (name) {
            case "stxvd2x" -> x31(972, 40, 0, 3);
            case "stxvw4x" -> x31(908, 40, 0, 3);
            case "stxsdx" -> x31(716, 40, 0, 3);
            case "stxsiwx" -> x31(140, 40, 0, 3);
            case "stxsspx" -> x31(652, 40, 0, 3);
            case "stxv" -> stxv(40, 0, 3);
            case "stxvl" -> x31(397, 40, 3, 4);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "BIG, lxvd2x, 0x8001020304050607, 0x08090a0b0c0d0e0f",
        "LITTLE, lxvd2x, 0x0706050403020180, 0x0f0e0d0c0b0a0908",
        "BIG, lxvw4x, 0x8001020304050607, 0x08090a0b0c0d0e0f",
        "LITTLE, lxvw4x, 0x0302018007060504, 0x0b0a09080f0e0d0c",
        "BIG, lxvdsx, 0x8001020304050607, 0x8001020304050607",
        "LITTLE, lxvdsx, 0x0706050403020180, 0x0706050403020180",
        "BIG, lxsdx, 0x8001020304050607, 0x8899aabbccddeeff",
        "LITTLE, lxsdx, 0x0706050403020180, 0x8899aabbccddeeff",
        "BIG, lxsiwax, 0xffffffff80010203, 0x8899aabbccddeeff",
        "LITTLE, lxsiwax, 0x0000000003020180, 0x8899aabbccddeeff",
        "BIG, lxsiwzx, 0x0000000080010203, 0x8899aabbccddeeff",
        "LITTLE, lxsiwzx, 0x0000000003020180, 0x8899aabbccddeeff",
        // v3.0: one quadword in the MSR[LE] byte order
        "BIG, lxv, 0x8001020304050607, 0x08090a0b0c0d0e0f",
        "LITTLE, lxv, 0x0f0e0d0c0b0a0908, 0x0706050403020180",
        "BIG, lxvl, 0x8001020304000000, 0",
        "LITTLE, lxvl, 0, 0x0000000403020180"
    })
    void shouldLoadInTheByteOrderOfMsrLe(final String order, final String name, final String dw0, final String dw1) {
        final TestMachine m = withPattern(order, ALL_FACILITIES).run(load(name)).assertCompleted();
        assertEquals(TestMachine.value(dw0), m.cpu.vsr[80], "doubleword 0");
        assertEquals(TestMachine.value(dw1), m.cpu.vsr[81], "doubleword 1");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "BIG, stxvd2x, 00112233445566778899aabbccddeeff",
        "LITTLE, stxvd2x, 7766554433221100ffeeddccbbaa9988",
        "BIG, stxvw4x, 00112233445566778899aabbccddeeff",
        "LITTLE, stxvw4x, 3322110077665544bbaa9988ffeeddcc",
        "BIG, stxsdx, 0011223344556677",
        "LITTLE, stxsdx, 7766554433221100",
        "BIG, stxsiwx, 44556677",
        "LITTLE, stxsiwx, 77665544",
        "BIG, stxv, 00112233445566778899aabbccddeeff",
        "LITTLE, stxv, ffeeddccbbaa99887766554433221100",
        "BIG, stxvl, 0011223344",
        "LITTLE, stxvl, ffeeddccbb"
    })
    void shouldStoreInTheByteOrderOfMsrLe(final String order, final String name, final String bytes) {
        final TestMachine m = withPattern(order, ALL_FACILITIES);
        for (int i = 0; i < 32; i++) {
            m.bytes(TestMachine.DATA + i, 0xEE);
        }
        m.run(store(name)).assertCompleted();
        final StringBuilder stored = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            stored.append(String.format("%02x", m.byteAt(TestMachine.DATA + i)));
        }
        assertEquals(bytes + "ee".repeat(20 - bytes.length() / 2), stored.toString());
    }

    /** lxsspx converts exactly, as Java's float-to-double widening does for every value that is not a NaN. */
    @ParameterizedTest
    @CsvSource({
        "BIG, 0x80010203", "LITTLE, 0x03020180", "BIG, 0x3f800000", "BIG, 0x00000001", "LITTLE, 0x807fffff",
        "BIG, 0x7f800000", "BIG, 0xff7fffff", "LITTLE, 0x00000000", "BIG, 0x80000000"
    })
    void shouldLoadSinglesAsTheirExactDouble(final String order, final String single) {
        final TestMachine m = withPattern(order, ALL_FACILITIES);
        m.data(TestMachine.DATA, 4, TestMachine.value(single));
        m.run(load("lxsspx")).assertCompleted();
        final float value = Float.intBitsToFloat((int) TestMachine.value(single));
        assertEquals(Double.doubleToRawLongBits(value), m.cpu.vsr[80]);
        m.cpu.vsr[80] = Double.doubleToRawLongBits(value);
        m.run(store("stxsspx")).assertCompleted();
        assertEquals(TestMachine.value(single), m.data(TestMachine.DATA, 4), "stxsspx gives the single back");
    }

    @Test
    void shouldKeepSignallingNansSignallingThroughSingleLoadsAndStores() {
        final TestMachine m = withPattern("BIG", ALL_FACILITIES);
        m.data(TestMachine.DATA, 4, 0x7F80_0001L);
        m.run(load("lxsspx")).assertCompleted();
        assertEquals(0x7FF0_0000_2000_0000L, m.cpu.vsr[80]);
        m.run(store("stxsspx")).assertCompleted();
        assertEquals(0x7F80_0001L, m.data(TestMachine.DATA, 4));
    }

    // ---- facility checks ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} with MSR {1}")
    @CsvSource({
        // v2.06 loads, stores and permutes: MSR[VSX] for every register
        "lxvd2x vs40, 'FP VEC', 0xF40", "lxvd2x vs40, VSX, 0", "xxlor vs1, 'FP VEC', 0xF40", "xxlor vs33, VSX, 0",
        // v2.07 GPR moves: MSR[FP] for VSR 0-31 (the FPRs), MSR[VEC] for VSR 32-63 (the VRs)
        "mfvsrd vs7, 'VSX VEC', 0x800", "mfvsrd vs7, FP, 0", "mfvsrd vs39, 'VSX FP', 0xF20", "mfvsrd vs39, VEC, 0",
        "mtvsrd vs39, 'VSX FP', 0xF20", "mtvsrd vs39, VEC, 0",
        // v3.0: MSR[VSX] for VSR 0-31, MSR[VEC] for VSR 32-63
        "mtvsrdd vs5, 'FP VEC', 0xF40", "mtvsrdd vs5, VSX, 0", "mtvsrdd vs37, 'VSX FP', 0xF20",
        "mtvsrdd vs37, VEC, 0", "lxv vs40, 'VSX FP', 0xF20", "lxv vs8, 'FP VEC', 0xF40",
        "xxspltib vs33, 'VSX FP', 0xF20", "xxspltib vs1, 'FP VEC', 0xF40", "xxspltib vs1, VSX, 0"
    })
    void shouldNeedTheFacilityTheIsaNames(final String instruction, final String msr, final String vector) {
        long bits = 0;
        for (final String bit : msr.split(" ")) {
            bits |= switch (bit) {
                case "VSX" -> Cpu.MSR_VSX;
                case "FP" -> Cpu.MSR_FP;
                default -> Cpu.MSR_VEC;
            };
        }
        final int vsr = Integer.parseInt(instruction.substring(instruction.lastIndexOf(" vs") + 3));
        final int word = switch (instruction.substring(0, instruction.indexOf(' '))) {
            case "lxvd2x" -> lxvd2x(vsr, 0, 3);
            case "xxlor" -> xxlor(vsr, 2, 3);
            case "mfvsrd" -> mfvsrd(5, vsr);
            case "mtvsrd" -> mtvsrd(vsr, 3);
            case "mtvsrdd" -> mtvsrdd(vsr, 3, 4);
            case "lxv" -> lxv(vsr, 0, 3);
            default -> xxspltib(vsr, 0x5A);
        };
        final TestMachine m = withPattern("BIG", bits);
        m.cpu.vsr[2 * vsr] = HIGH;
        m.gpr(5, LOW).run(word);
        if (TestMachine.value(vector) == 0) {
            m.assertCompleted();
            return;
        }
        m.assertInterrupt((int) TestMachine.value(vector));
        assertEquals(TestMachine.at(0), m.srr0(), "SRR0 is the instruction");
        assertEquals(HIGH, m.cpu.vsr[2 * vsr], "the target VSR is untouched");
        assertEquals(LOW, m.gpr(5), "the target GPR is untouched");
    }

    @Test
    void shouldRejectXxspltibWithBits11To12Set() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).msrBits(ALL_FACILITIES);
        m.run(xxspltib(1, 7) | (3 << 19)).assertProgramInterrupt(TestMachine.at(0), Interrupts.SRR1_ILLEGAL);
    }

    /** ByteOrder is not an enum; this one names the two for parameterized tests. */
    enum Order {
        BIG(ByteOrder.BIG_ENDIAN), LITTLE(ByteOrder.LITTLE_ENDIAN);

        final ByteOrder byteOrder;

        Order(final ByteOrder byteOrder) {
            this.byteOrder = byteOrder;
        }
    }
}
