package dev.jppc.devices.hcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.spi.MmioDevice;
import dev.jppc.devices.console.Vterm;
import dev.jppc.devices.rtas.Rtas;

class MiscHcallsTest {

    private static final long DATA = 0x3000;

    private final HcallFixture f = new HcallFixture();

    // ---- dispatch ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {0, 0x2C, 0x1AC, 0x1C4, 0x60, 0xF001, 3, 0x31D, -1, Long.MAX_VALUE, 1L << 32,
        (1L << 32) | Hcall.H_ENTER})
    void shouldAnswerFunctionForUnknownNumbers(final long number) {
        f.cpu.gpr[4] = 0x1111;
        assertEquals(Hcall.H_FUNCTION, f.call(number));
        assertEquals(0x1111, f.cpu.gpr[4]);
    }

    // ---- H_RANDOM ---------------------------------------------------------------------------------------------

    @Test
    void shouldGiveTheSameRandomNumbersInEveryRunByDefault() {
        final HcallFixture other = new HcallFixture();
        for (int i = 0; i < 4; i++) {
            assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_RANDOM));
            assertEquals(Hcall.H_SUCCESS, other.call(Hcall.H_RANDOM));
            assertEquals(f.cpu.gpr[4], other.cpu.gpr[4]);
        }
        final long last = f.cpu.gpr[4];
        f.call(Hcall.H_RANDOM);
        assertNotEquals(last, f.cpu.gpr[4]);
    }

    @Test
    void shouldDrawFromTheGivenGenerator() {
        final Rtas rtas = new Rtas(f.ram, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            0, f.xics);
        final PseriesHypervisor seeded = new PseriesHypervisor(new Vterm(new ByteArrayOutputStream()), rtas,
            f.xics, new SplittableRandom(99));
        f.cpu.gpr[3] = Hcall.H_RANDOM;
        seeded.hypercall(f.cpu);
        assertEquals(Hcall.H_SUCCESS, f.cpu.gpr[3]);
        assertEquals(new SplittableRandom(99).nextLong(), f.cpu.gpr[4]);
    }

    // ---- H_GET_CPU_CHARACTERISTICS ----------------------------------------------------------------------------

    @Test
    void shouldAdvertiseNoMitigationAndNoFlushInstruction() {
        f.cpu.gpr[4] = -1;
        f.cpu.gpr[5] = -1;
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_GET_CPU_CHARACTERISTICS));
        assertEquals(0, f.cpu.gpr[4]);
        assertEquals(0, f.cpu.gpr[5]);
    }

    // ---- H_LOGICAL_CI_LOAD, H_LOGICAL_CI_STORE ----------------------------------------------------------------

    @ParameterizedTest(name = "size {0}")
    @CsvSource({"1, 0x01", "2, 0x0102", "4, 0x01020304", "8, 0x0102030405060708"})
    void shouldLoadBigEndianFromRam(final long size, final long expected) {
        f.ram.putLong(DATA, 0x0102_0304_0506_0708L, ByteOrder.BIG_ENDIAN);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_LOGICAL_CI_LOAD, size, DATA));
        assertEquals(expected, f.cpu.gpr[4]);
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void shouldStoreTheLowBytesBigEndianToRam(final int size) {
        f.ram.putLong(DATA, -1, ByteOrder.BIG_ENDIAN);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_LOGICAL_CI_STORE, size, DATA, 0x1122_3344_5566_7788L));
        final long stored = size == 8 ? 0x1122_3344_5566_7788L : 0x1122_3344_5566_7788L & ((1L << (8 * size)) - 1);
        final long untouched = size == 8 ? 0 : -1L >>> (8 * size);
        assertEquals((stored << (64 - 8 * size)) | untouched, f.ram.getLong(DATA, ByteOrder.BIG_ENDIAN));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 3, 5, 16, -1, Long.MIN_VALUE | 4})
    void shouldRefuseOtherSizes(final long size) {
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_LOGICAL_CI_LOAD, size, DATA));
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_LOGICAL_CI_STORE, size, DATA, -1));
        assertEquals(0, f.ram.getLong(DATA, ByteOrder.BIG_ENDIAN));
    }

    @ParameterizedTest
    @ValueSource(longs = {HcallFixture.RAM_SIZE, HcallFixture.RAM_SIZE - 4, -1, -8, Long.MAX_VALUE})
    void shouldRefuseAddressesWithNothingBehindThem(final long address) {
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_LOGICAL_CI_LOAD, 8, address));
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_LOGICAL_CI_STORE, 8, address, -1));
        assertEquals(0, f.ram.getInt(HcallFixture.RAM_SIZE - 4, ByteOrder.BIG_ENDIAN));
    }

    @Test
    void shouldReachADeviceWindow() {
        final long[] last = new long[3];
        f.cpu.mmio.map(0x4000_0000L, 0x1000, new MmioDevice() {
            @Override
            public long read(final long offset, final int size) {
                return 0xAB00 | offset;
            }

            @Override
            public void write(final long offset, final int size, final long value) {
                last[0] = offset;
                last[1] = size;
                last[2] = value;
            }
        });
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_LOGICAL_CI_LOAD, 4, 0x4000_0010L));
        assertEquals(0xAB10, f.cpu.gpr[4]);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_LOGICAL_CI_STORE, 2, 0x4000_0020L, 0x55));
        assertEquals(0x20, last[0]);
        assertEquals(2, last[1]);
        assertEquals(0x55, last[2]);
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_LOGICAL_CI_LOAD, 8, 0x4000_0FFCL), "past the window");
    }

    @Test
    void shouldClearAReservationOnTheStoredGranule() {
        f.cpu.reserve(DATA + 0x40, 8);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_LOGICAL_CI_STORE, 1, DATA + 0x7F, 1));
        assertFalse(f.cpu.reservationValid);
    }
}
