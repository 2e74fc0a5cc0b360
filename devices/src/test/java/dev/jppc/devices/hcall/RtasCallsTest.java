package dev.jppc.devices.hcall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.StopReason;
import dev.jppc.devices.rtas.Rtas;

/** RTAS calls made as Linux makes them: an argument buffer in RAM and the private hypercall 0xF000. */
class RtasCallsTest {

    private static final long BUFFER = 0x3000;
    private static final long DATA = 0x4000;
    private static final int VTY = 0x1100;

    private final HcallFixture f = new HcallFixture();

    /** Makes an RTAS call; returns the nret return cells (status first). */
    private int[] rtas(final int token, final int nret, final int... args) {
        f.ram.putInt(BUFFER, token, ByteOrder.BIG_ENDIAN);
        f.ram.putInt(BUFFER + 4, args.length, ByteOrder.BIG_ENDIAN);
        f.ram.putInt(BUFFER + 8, nret, ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < args.length; i++) {
            f.ram.putInt(BUFFER + 12 + 4L * i, args[i], ByteOrder.BIG_ENDIAN);
        }
        for (int i = 0; i < nret; i++) {
            f.ram.putInt(BUFFER + 12 + 4L * (args.length + i), 0x5A5A5A5A, ByteOrder.BIG_ENDIAN);
        }
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.KVMPPC_H_RTAS, BUFFER));
        final int[] rets = new int[nret];
        for (int i = 0; i < nret; i++) {
            rets[i] = f.ram.getInt(BUFFER + 12 + 4L * (args.length + i), ByteOrder.BIG_ENDIAN);
        }
        return rets;
    }

    @Test
    void shouldSetAndGetAnInterruptSource() {
        assertArrayEquals(new int[] {0, 0, 0xFF}, rtas(Rtas.IBM_GET_XIVE, 3, VTY), "masked at reset");
        assertArrayEquals(new int[] {0}, rtas(Rtas.IBM_SET_XIVE, 1, VTY, 0, 5));
        assertArrayEquals(new int[] {0, 0, 5}, rtas(Rtas.IBM_GET_XIVE, 3, VTY));
    }

    @Test
    void shouldMaskAndUnmaskKeepingThePriority() {
        rtas(Rtas.IBM_SET_XIVE, 1, VTY, 0, 5);
        assertArrayEquals(new int[] {0}, rtas(Rtas.IBM_INT_OFF, 1, VTY));
        assertArrayEquals(new int[] {0, 0, 0xFF}, rtas(Rtas.IBM_GET_XIVE, 3, VTY));
        f.xics.setCppr(0xFF);
        f.xics.pulse(VTY);
        assertEquals(false, f.cpu.externalInterrupt);
        assertArrayEquals(new int[] {0}, rtas(Rtas.IBM_INT_ON, 1, VTY));
        assertArrayEquals(new int[] {0, 0, 5}, rtas(Rtas.IBM_GET_XIVE, 3, VTY));
        assertTrue(f.cpu.externalInterrupt, "the message that came while masked is sent");
    }

    @ParameterizedTest(name = "set-xive({0}, {1}, {2})")
    @CsvSource({"0x0FFF, 0, 5", "0x2000, 0, 5", "2, 0, 5", "0x1100, 1, 5", "0x1100, 0, 0x100", "0x1100, 0, -1"})
    void shouldRefuseABadSetXive(final String irq, final int server, final String priority) {
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR},
            rtas(Rtas.IBM_SET_XIVE, 1, Integer.decode(irq), server, Integer.decode(priority)));
    }

    @Test
    void shouldRefuseXiveCallsWithBadCounts() {
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(Rtas.IBM_SET_XIVE, 1, VTY, 0));
        assertEquals(Rtas.PARAMETER_ERROR, rtas(Rtas.IBM_GET_XIVE, 1, VTY)[0]);
        assertEquals(Rtas.PARAMETER_ERROR, rtas(Rtas.IBM_GET_XIVE, 3, 0x42)[0]);
        assertEquals(Rtas.PARAMETER_ERROR, rtas(Rtas.IBM_INT_OFF, 1, 0x42)[0]);
        assertEquals(Rtas.PARAMETER_ERROR, rtas(Rtas.IBM_INT_ON, 1, VTY, 0)[0]);
        assertEquals(Rtas.PARAMETER_ERROR, rtas(Rtas.IBM_INT_ON, 2, VTY)[0]);
    }

    @Test
    void shouldFindNoEvents() {
        assertArrayEquals(new int[] {Rtas.NO_ERRORS_FOUND}, rtas(Rtas.EVENT_SCAN, 1, -1, 0, 0x5000, 0x800));
        assertArrayEquals(new int[] {Rtas.NO_ERRORS_FOUND}, rtas(Rtas.CHECK_EXCEPTION, 1, 0, 0, 0, 0, 0x5000, 0x800));
        assertArrayEquals(new int[] {Rtas.NO_ERRORS_FOUND},
            rtas(Rtas.CHECK_EXCEPTION, 1, 0, 0, 0, 0, 0x5000, 0x800, 0));
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(Rtas.EVENT_SCAN, 1, -1, 0, 0x5000));
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(Rtas.CHECK_EXCEPTION, 1, 0, 0, 0, 0, 0x5000));
    }

    @Test
    void shouldReportTheOnlyCpuRunning() {
        assertArrayEquals(new int[] {0, Rtas.CPU_RUNNING}, rtas(Rtas.QUERY_CPU_STOPPED_STATE, 2, 0));
        assertEquals(Rtas.PARAMETER_ERROR, rtas(Rtas.QUERY_CPU_STOPPED_STATE, 2, 1)[0]);
        assertEquals(Rtas.PARAMETER_ERROR, rtas(Rtas.QUERY_CPU_STOPPED_STATE, 1, 0)[0]);
    }

    @Test
    void shouldRefuseToStartACpuThatRunsOrDoesNotExist() {
        assertArrayEquals(new int[] {Rtas.HARDWARE_ERROR}, rtas(Rtas.START_CPU, 1, 0, 0x100, 0));
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(Rtas.START_CPU, 1, 1, 0x100, 0));
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(Rtas.START_CPU, 1, 0, 0x100));
    }

    @Test
    void shouldStopTheMachineWhenTheOnlyCpuStopsItself() {
        assertArrayEquals(new int[] {0}, rtas(Rtas.STOP_SELF, 1));
        assertEquals(StopReason.POWER_OFF, f.cpu.stopReason);
    }

    @Test
    void shouldKnowNoSystemParameters() {
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(Rtas.IBM_GET_SYSTEM_PARAMETER, 1, 20, 0x5000, 64));
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(Rtas.IBM_SET_SYSTEM_PARAMETER, 1, 42, 0x5000));
    }

    @Test
    void shouldStoreAndFetchNvram() {
        f.ram.putBytes(DATA, new byte[] {1, 2, 3, 4}, 0, 4);
        assertArrayEquals(new int[] {0, 4}, rtas(Rtas.NVRAM_STORE, 2, 0x100, (int) DATA, 4));
        assertArrayEquals(new int[] {0, 4}, rtas(Rtas.NVRAM_FETCH, 2, 0x100, (int) DATA + 0x100, 4));
        final byte[] back = new byte[4];
        f.ram.getBytes(DATA + 0x100, back, 0, 4);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, back);
        assertEquals(3, f.rtas.nvram()[0x102]);
    }

    @ParameterizedTest(name = "offset {0}, length {1}")
    @CsvSource({"0x10000, 1", "0xFFFF, 2", "0, 0x10001", "-1, 1", "1, -1"})
    void shouldRefuseAnNvramRangeOutsideTheNvram(final String offset, final String length) {
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR, 0},
            rtas(Rtas.NVRAM_FETCH, 2, (int) Long.decode(offset).longValue(), (int) DATA,
                (int) Long.decode(length).longValue()));
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR, 0},
            rtas(Rtas.NVRAM_STORE, 2, (int) Long.decode(offset).longValue(), (int) DATA,
                (int) Long.decode(length).longValue()));
    }

    @Test
    void shouldRefuseAnNvramBufferOutsideRam() {
        assertArrayEquals(new int[] {Rtas.HARDWARE_ERROR, 0},
            rtas(Rtas.NVRAM_FETCH, 2, 0, (int) (HcallFixture.RAM_SIZE - 2), 4));
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(Rtas.NVRAM_STORE, 1, 0, (int) DATA, 4));
    }

    @Test
    void shouldAnswerAnUnknownTokenWithParameterError() {
        assertArrayEquals(new int[] {Rtas.PARAMETER_ERROR}, rtas(0x2FFF, 1));
    }
}
