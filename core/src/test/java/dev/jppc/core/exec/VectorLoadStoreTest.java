package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.asm.VmxAsm;

/**
 * Book I 6.7 vector loads and stores in both byte orders (the quadword reversed in little-endian mode, element
 * loads placed at the mirrored position), lvsl/lvsr, the VSCR moves and the MSR[VEC] check.
 */
class VectorLoadStoreTest {

    private static final long DATA = TestMachine.DATA;
    private static final long FILL_HIGH = 0xAAAA_AAAA_AAAA_AAAAL;
    private static final long FILL_LOW = 0x5555_5555_5555_5555L;

    private static TestMachine machine(final String order) {
        return machine(order.equals("LITTLE_ENDIAN") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    private static TestMachine machine(final ByteOrder order) {
        final TestMachine m = TestMachine.supervisor(order).msrBits(Cpu.MSR_VEC).gpr(3, DATA);
        for (int i = 0; i < 16; i++) {
            m.bytes(DATA + i, i);
        }
        m.cpu.setVr(2, FILL_HIGH, FILL_LOW);
        return m;
    }

    @ParameterizedTest
    @CsvSource({
        "BIG_ENDIAN, 0, 0x0001020304050607, 0x08090a0b0c0d0e0f",
        "BIG_ENDIAN, 13, 0x0001020304050607, 0x08090a0b0c0d0e0f",
        "LITTLE_ENDIAN, 0, 0x0f0e0d0c0b0a0908, 0x0706050403020100",
        "LITTLE_ENDIAN, 7, 0x0f0e0d0c0b0a0908, 0x0706050403020100"
    })
    void shouldLoadTheAlignedQuadword(final String order, final int offset, final String hi, final String lo) {
        final TestMachine m = machine(order).gpr(4, offset);
        m.run(VmxAsm.lvx(2, 3, 4)).assertCompleted();
        assertEquals(TestMachine.value(hi), m.cpu.vrHigh(2));
        assertEquals(TestMachine.value(lo), m.cpu.vrLow(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void shouldStoreWhatLvxLoads(final String order) {
        final TestMachine m = machine(order).gpr(4, 0).gpr(5, 0x40);
        m.run(VmxAsm.lvxl(2, 3, 4), VmxAsm.stvxl(2, 3, 5)).assertCompleted();
        for (int i = 0; i < 16; i++) {
            assertEquals(i, m.byteAt(DATA + 0x40 + i), "byte " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // order, offset, size, expected high, expected low (the other elements keep the fill pattern)
        "BIG_ENDIAN, 5, 1, 0xaaaaaaaaaa05aaaa, 0x5555555555555555",
        "LITTLE_ENDIAN, 5, 1, 0xaaaaaaaaaaaaaaaa, 0x5555055555555555",
        "BIG_ENDIAN, 7, 2, 0xaaaaaaaaaaaa0607, 0x5555555555555555",
        "LITTLE_ENDIAN, 6, 2, 0xaaaaaaaaaaaaaaaa, 0x0706555555555555",
        "BIG_ENDIAN, 9, 4, 0xaaaaaaaaaaaaaaaa, 0x08090a0b55555555",
        "LITTLE_ENDIAN, 12, 4, 0x0f0e0d0caaaaaaaa, 0x5555555555555555"
    })
    void shouldLoadOneElementInPlace(final String order, final int offset, final int size, final String hi,
                                     final String lo) {
        final TestMachine m = machine(order).gpr(4, offset);
        final int word = switch (size) {
            case 1 -> VmxAsm.lvebx(2, 3, 4);
            case 2 -> VmxAsm.lvehx(2, 3, 4);
            default -> VmxAsm.lvewx(2, 3, 4);
        };
        m.run(word).assertCompleted();
        assertEquals(TestMachine.value(hi), m.cpu.vrHigh(2), "high");
        assertEquals(TestMachine.value(lo), m.cpu.vrLow(2), "low");
    }

    @ParameterizedTest
    @CsvSource({"BIG_ENDIAN, 6, 0x06, 0x07", "LITTLE_ENDIAN, 6, 0x09, 0x08"})
    void shouldStoreOneHalfwordFromItsPlace(final String order, final int offset, final int first,
                                            final int second) {
        final TestMachine m = machine(order).gpr(4, offset);
        m.cpu.setVr(2, 0x0001_0203_0405_0607L, 0x0809_0A0B_0C0D_0E0FL);
        m.bytes(DATA + offset, 0xEE, 0xEE);
        m.run(VmxAsm.stvehx(2, 3, 4)).assertCompleted();
        assertEquals(first, m.byteAt(DATA + offset));
        assertEquals(second, m.byteAt(DATA + offset + 1));
    }

    @ParameterizedTest
    @CsvSource({
        "BIG_ENDIAN, 0, 0x0001020304050607, 0x08090a0b0c0d0e0f, 0x1011121314151617, 0x18191a1b1c1d1e1f",
        "LITTLE_ENDIAN, 3, 0x030405060708090a, 0x0b0c0d0e0f101112, 0x0d0e0f1011121314, 0x15161718191a1b1c"
    })
    void shouldMakeThePermuteControlVectors(final String order, final int offset, final String leftHi,
                                            final String leftLo, final String rightHi, final String rightLo) {
        final TestMachine m = machine(order).gpr(4, offset);
        m.run(VmxAsm.lvsl(5, 3, 4), VmxAsm.lvsr(6, 3, 4)).assertCompleted();
        assertEquals(TestMachine.value(leftHi), m.cpu.vrHigh(5));
        assertEquals(TestMachine.value(leftLo), m.cpu.vrLow(5));
        assertEquals(TestMachine.value(rightHi), m.cpu.vrHigh(6));
        assertEquals(TestMachine.value(rightLo), m.cpu.vrLow(6));
    }

    @Test
    void shouldMoveVscrThroughWordThree() {
        final TestMachine m = machine(ByteOrder.BIG_ENDIAN);
        m.cpu.setVr(4, -1, 0xFFFF_FFFF_FFFF_FFFFL);
        m.run(VmxAsm.mtvscr(4), VmxAsm.mfvscr(5)).assertCompleted();
        assertEquals(0x1_0001, m.cpu.vscr);
        assertEquals(0, m.cpu.vrHigh(5));
        assertEquals(0x1_0001, m.cpu.vrLow(5));
    }

    @Test
    void shouldRaiseVectorUnavailableWhileMsrVecIsClear() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.run(VmxAsm.vaddubm(1, 2, 3)).assertInterrupt(Interrupts.VMX_UNAVAILABLE);
        assertEquals(TestMachine.CODE, m.srr0());
        final TestMachine load = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        load.run(VmxAsm.lvx(2, 0, 3)).assertInterrupt(Interrupts.VMX_UNAVAILABLE);
    }

    @Test
    void shouldKeepVrsaveAsPlainStorage() {
        final TestMachine m = machine(ByteOrder.BIG_ENDIAN).gpr(5, 0xFFFF_0000L);
        m.run(PpcAsm.mtspr(256, 5), PpcAsm.mfspr(6, 256)).assertCompleted();
        assertEquals(0xFFFF_0000L, m.gpr(6));
    }
}
