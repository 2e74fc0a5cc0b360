package dev.jppc.devices.hcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;

class SplparHcallsTest {

    private static final long REGISTER_VPA = 1L << 45;
    private static final long REGISTER_DTL = 2L << 45;
    private static final long REGISTER_SLB_SHADOW = 3L << 45;
    private static final long DEREGISTER_VPA = 5L << 45;
    private static final long DEREGISTER_DTL = 6L << 45;
    private static final long DEREGISTER_SLB_SHADOW = 7L << 45;
    private static final long VPA = 0x1_0000;
    private static final long SLB_SHADOW = 0x1_1000;
    private static final long DTL = 0x2_0000;

    private final HcallFixture f = new HcallFixture();

    private long register(final long flags, final long address) {
        return f.call(Hcall.H_REGISTER_VPA, flags, SplparHcalls.CPU_ID, address);
    }

    /** Writes an area's length at offset 4: 16 bits for the VPA, 32 for the others. */
    private void sizeField(final long address, final long size, final boolean vpa) {
        if (vpa) {
            f.ram.putShort(address + 4, (short) size, ByteOrder.BIG_ENDIAN);
        } else {
            f.ram.putInt(address + 4, (int) size, ByteOrder.BIG_ENDIAN);
        }
    }

    private void registerVpa() {
        sizeField(VPA, 640, true);
        assertEquals(Hcall.H_SUCCESS, register(REGISTER_VPA, VPA));
    }

    // ---- H_REGISTER_VPA ---------------------------------------------------------------------------------------

    @Test
    void shouldRegisterAVpaAndLeaveItsContentsAlone() {
        sizeField(VPA, 0x280, true);
        f.ram.putByte(VPA + 9, (byte) 0);
        assertEquals(Hcall.H_SUCCESS, register(REGISTER_VPA, VPA));
        assertEquals(VPA, f.hypervisor.splpar().vpa());
        assertEquals(0, f.ram.getByte(VPA + 9), "a dedicated processor, not a shared one");
    }

    @Test
    void shouldRefuseAVpaAtAddressZeroAsQemuDoes() {
        sizeField(0, 640, true);
        assertEquals(Hcall.H_HARDWARE, register(REGISTER_VPA, 0));
    }

    @ParameterizedTest(name = "VPA at {0}, size {1}")
    @CsvSource({
        "0x10040, 640", // not on a 128-byte cache line
        "0x10000, 639", // too small
        "0x10E00, 640", // crosses a 4 KiB page
        "0x10000, 0", // no size at all
    })
    void shouldRefuseABadVpa(final long address, final long size) {
        sizeField(address, size, true);
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_VPA, address));
        assertEquals(0, f.hypervisor.splpar().vpa());
    }

    @ParameterizedTest
    @ValueSource(longs = {HcallFixture.RAM_SIZE, HcallFixture.RAM_SIZE + 0x1000, -128, Long.MIN_VALUE,
        0x7FFF_FFFF_FFFF_FF80L})
    void shouldRefuseAreasOutsideRam(final long address) {
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_VPA, address));
        registerVpa();
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_SLB_SHADOW, address));
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_DTL, address));
    }

    @Test
    void shouldRefuseADtlReachingBeyondRam() {
        registerVpa();
        final long address = HcallFixture.RAM_SIZE - 0x1000;
        sizeField(address, 0x1001, false);
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_DTL, address));
        sizeField(address, 0xFFFF_FFFFL, false);
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_DTL, address));
        sizeField(address, 0x1000, false);
        assertEquals(Hcall.H_SUCCESS, register(REGISTER_DTL, address));
    }

    @Test
    void shouldRefuseAnSlbShadowOrDtlBeforeTheVpa() {
        sizeField(SLB_SHADOW, 0x100, false);
        sizeField(DTL, 0x1000, false);
        assertEquals(Hcall.H_RESOURCE, register(REGISTER_SLB_SHADOW, SLB_SHADOW));
        assertEquals(Hcall.H_RESOURCE, register(REGISTER_DTL, DTL));
        registerVpa();
        assertEquals(Hcall.H_SUCCESS, register(REGISTER_SLB_SHADOW, SLB_SHADOW));
        assertEquals(Hcall.H_SUCCESS, register(REGISTER_DTL, DTL));
        assertEquals(SLB_SHADOW, f.hypervisor.splpar().slbShadow());
        assertEquals(0x100, f.hypervisor.splpar().slbShadowSize());
        assertEquals(DTL, f.hypervisor.splpar().dtl());
        assertEquals(0x1000, f.hypervisor.splpar().dtlSize());
    }

    @Test
    void shouldRefuseSmallOrPageCrossingSlbShadowsAndSmallDtls() {
        registerVpa();
        sizeField(SLB_SHADOW, 7, false);
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_SLB_SHADOW, SLB_SHADOW));
        sizeField(SLB_SHADOW + 0xF00, 0x200, false);
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_SLB_SHADOW, SLB_SHADOW + 0xF00));
        sizeField(DTL, 47, false);
        assertEquals(Hcall.H_PARAMETER, register(REGISTER_DTL, DTL));
        assertEquals(Hcall.H_HARDWARE, register(REGISTER_DTL, 0));
        assertEquals(Hcall.H_HARDWARE, register(REGISTER_SLB_SHADOW, 0));
        assertEquals(0, f.hypervisor.splpar().slbShadow());
        assertEquals(0, f.hypervisor.splpar().dtl());
    }

    @Test
    void shouldKeepTheVpaWhileAnotherAreaDependsOnIt() {
        registerVpa();
        sizeField(SLB_SHADOW, 0x100, false);
        sizeField(DTL, 0x1000, false);
        register(REGISTER_SLB_SHADOW, SLB_SHADOW);
        register(REGISTER_DTL, DTL);
        assertEquals(Hcall.H_RESOURCE, register(DEREGISTER_VPA, 0));
        assertEquals(Hcall.H_SUCCESS, register(DEREGISTER_SLB_SHADOW, 0));
        assertEquals(Hcall.H_RESOURCE, register(DEREGISTER_VPA, 0));
        assertEquals(Hcall.H_SUCCESS, register(DEREGISTER_DTL, 0));
        assertEquals(Hcall.H_SUCCESS, register(DEREGISTER_VPA, 0));
        assertEquals(0, f.hypervisor.splpar().vpa());
        assertEquals(0, f.hypervisor.splpar().slbShadow());
        assertEquals(0, f.hypervisor.splpar().dtl());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 4L << 45, REGISTER_VPA | 1, REGISTER_VPA | (1L << 48), -1})
    void shouldRefuseUnknownSubfunctionsAndStrayFlagBits(final long flags) {
        sizeField(VPA, 640, true);
        assertEquals(Hcall.H_PARAMETER, register(flags, VPA));
        assertEquals(0, f.hypervisor.splpar().vpa());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, -1, 0x100})
    void shouldRefuseAnUnknownProcessor(final long cpu) {
        sizeField(VPA, 640, true);
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_REGISTER_VPA, REGISTER_VPA, cpu, VPA));
    }

    // ---- H_CEDE, H_CONFER, H_PROD -----------------------------------------------------------------------------

    @Test
    void shouldEnableExternalInterruptsAndSleepOnCede() {
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CEDE));
        assertEquals(Cpu.MSR_EE, f.cpu.msr & Cpu.MSR_EE);
        assertTrue(f.cpu.waiting);
    }

    @Test
    void shouldSleepUntilTheDecrementerAndTakeItAfterTheSc() {
        final long code = 0x1000;
        f.ram.putInt(code, 0x4400_0022, ByteOrder.BIG_ENDIAN); // sc 1
        f.ram.putInt(code + 4, 0x4800_0000, ByteOrder.BIG_ENDIAN); // b .
        f.ram.putInt(Interrupts.DECREMENTER, 0x4800_0000, ByteOrder.BIG_ENDIAN);
        f.cpu.pc = code;
        f.cpu.gpr[3] = Hcall.H_CEDE;
        f.cpu.setDecrementer(100_000);
        final Interpreter interpreter = new Interpreter(f.cpu);
        interpreter.run(50);
        assertEquals(Interrupts.DECREMENTER, f.cpu.pc);
        assertEquals(code + 4, f.cpu.spr[Spr.SRR0]);
        assertEquals(Hcall.H_SUCCESS, f.cpu.gpr[3]);
        assertTrue(f.cpu.timebase() - f.cpu.instructions >= 100_000 - 2,
            "virtual time jumped to the decrementer event without executing instructions");
    }

    @Test
    void shouldNotSleepWhenProddedBefore() {
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_PROD, 0));
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CEDE));
        assertFalse(f.cpu.waiting);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CEDE));
        assertTrue(f.cpu.waiting, "a prod is used up");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, -1, 0x8000_0000L})
    void shouldRefuseToProdAnUnknownProcessor(final long cpu) {
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_PROD, cpu));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0})
    void shouldConferToAllOrToItself(final long target) {
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CONFER, target, 7));
        assertFalse(f.cpu.waiting);
    }

    @Test
    void shouldUseUpAProdWhenConferringToItself() {
        f.call(Hcall.H_PROD, 0);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CONFER, 0, 0));
        f.call(Hcall.H_CEDE);
        assertTrue(f.cpu.waiting);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, -2, Long.MAX_VALUE})
    void shouldRefuseToConferToAnUnknownProcessor(final long target) {
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_CONFER, target, 0));
    }
}
