package dev.jppc.devices.hcall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;

class ModeHcallsTest {

    private static final long LE = 4;
    private static final long AIL = 3;
    private static final long CIABR = 1;
    private static final long DAWR0 = 2;

    private final HcallFixture f = new HcallFixture();

    private long setMode(final long mflags, final long resource, final long value1, final long value2) {
        return f.call(Hcall.H_SET_MODE, mflags, resource, value1, value2);
    }

    private long lpcr() {
        return f.cpu.spr[Spr.LPCR];
    }

    // ---- resource 4: interrupt endianness ---------------------------------------------------------------------

    @Test
    void shouldSwitchInterruptsToLittleEndianAndBack() {
        assertEquals(Hcall.H_SUCCESS, setMode(1, LE, 0, 0));
        assertEquals(Interrupts.LPCR_ILE, lpcr());
        assertEquals(Hcall.H_SUCCESS, setMode(0, LE, 0, 0));
        assertEquals(0, lpcr());
    }

    @Test
    void shouldDeliverTheNextInterruptLittleEndian() {
        assertEquals(Hcall.H_SUCCESS, setMode(1, LE, 0, 0));
        Interrupts.deliver(f.cpu, Interrupts.DECREMENTER, 0x1000, 0);
        assertEquals(Cpu.MSR_LE, f.cpu.msr & Cpu.MSR_LE);
        assertEquals(Interrupts.DECREMENTER, f.cpu.nip);
    }

    @ParameterizedTest(name = "mflags {0}, value1 {1}, value2 {2} -> {3}")
    @CsvSource({"2, 0, 0, -256", "-1, 0, 0, -256", "1, 1, 0, -56", "1, 0, 1, -57", "7, 5, 5, -56"})
    void shouldRefuseBadEndianArgumentsAndLeaveLpcrAlone(final long mflags, final long value1, final long value2,
                                                       final long status) {
        assertEquals(status, setMode(mflags, LE, value1, value2));
        assertEquals(0, lpcr());
    }

    // ---- resource 3: address translation mode -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {0, 2, 3})
    void shouldSetLpcrAilAndKeepTheOtherBits(final long mode) {
        f.cpu.spr[Spr.LPCR] = Interrupts.LPCR_ILE | (1L << 23);
        assertEquals(Hcall.H_SUCCESS, setMode(mode, AIL, 0, 0));
        assertEquals(Interrupts.LPCR_ILE | (mode << 23), lpcr());
        assertEquals(mode, (lpcr() & ModeHcalls.LPCR_AIL) >>> ModeHcalls.LPCR_AIL_SHIFT);
    }

    @ParameterizedTest(name = "mflags {0}, value1 {1}, value2 {2} -> {3}")
    @CsvSource({"1, 0, 0, -256", "4, 0, 0, -256", "-1, 0, 0, -256", "3, 1, 0, -56", "3, 0, 1, -57"})
    void shouldRefuseBadTranslationModeArguments(final long mflags, final long value1, final long value2,
                                                 final long status) {
        assertEquals(status, setMode(mflags, AIL, value1, value2));
        assertEquals(0, lpcr());
    }

    @Test
    void shouldDeliverARelocatedInterruptAtTheAil3AddressAfterwards() {
        assertEquals(Hcall.H_SUCCESS, setMode(3, AIL, 0, 0));
        f.cpu.setMsr(Cpu.MSR_SF | Cpu.MSR_ME | Cpu.MSR_IR | Cpu.MSR_DR);
        Interrupts.deliver(f.cpu, Interrupts.DECREMENTER, 0x1000, 0);
        assertEquals(0xC000_0000_0000_4900L, f.cpu.nip);
    }

    // ---- resources 1 and 2: CIABR, DAWR0 ----------------------------------------------------------------------

    @Test
    void shouldStoreCiabr() {
        assertEquals(Hcall.H_SUCCESS, setMode(0, CIABR, 0xC000_0000_0000_1002L, 0));
        assertEquals(0xC000_0000_0000_1002L, f.cpu.spr[Spr.CIABR]);
    }

    @ParameterizedTest(name = "mflags {0}, value1 {1}, value2 {2} -> {3}")
    @CsvSource({"1, 0, 0, -256", "0, 0, 1, -57", "0, 3, 0, -56", "0, 0x1003, 0, -56"})
    void shouldRefuseBadCiabrArguments(final long mflags, final long value1, final long value2, final long status) {
        assertEquals(status, setMode(mflags, CIABR, value1, value2));
        assertEquals(0, f.cpu.spr[Spr.CIABR]);
    }

    @Test
    void shouldStoreDawr0AndDawrx0() {
        assertEquals(Hcall.H_SUCCESS, setMode(0, DAWR0, 0x1234_5678L, 0x3));
        assertEquals(0x1234_5678L, f.cpu.spr[Spr.DAWR0]);
        assertEquals(0x3, f.cpu.spr[Spr.DAWRX0]);
    }

    @ParameterizedTest(name = "mflags {0}, value2 {1} -> {2}")
    @CsvSource({"1, 0, -256", "0, 4, -57", "0, 7, -57"})
    void shouldRefuseBadDawrArguments(final long mflags, final long value2, final long status) {
        assertEquals(status, setMode(mflags, DAWR0, 0x1000, value2));
        assertEquals(0, f.cpu.spr[Spr.DAWR0]);
        assertEquals(0, f.cpu.spr[Spr.DAWRX0]);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5, 6, -1, Long.MIN_VALUE})
    void shouldAnswerP2ForAnUnknownResource(final long resource) {
        assertEquals(Hcall.H_P2, setMode(0, resource, 0, 0));
        assertEquals(0, lpcr());
    }

    // ---- H_SET_DABR, H_SET_XDABR ------------------------------------------------------------------------------

    @Test
    void shouldStoreDabrWithDabrxForBothStates() {
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_SET_DABR, 0xC000_0000_0123_4567L));
        assertEquals(0xC000_0000_0123_4567L, f.hypervisor.modes().dabr());
        assertEquals(Hcall.H_DABRX_KERNEL | Hcall.H_DABRX_USER, f.hypervisor.modes().dabrx());
    }

    @ParameterizedTest
    @ValueSource(longs = {0x1, 0x2, 0x3, 0x9, 0xB})
    void shouldStoreAnExtendedDabr(final long dabrx) {
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_SET_XDABR, 0x4000, dabrx));
        assertEquals(0x4000, f.hypervisor.modes().dabr());
        assertEquals(dabrx, f.hypervisor.modes().dabrx());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 0x8, 0x4, 0x7, 0x13, -1})
    void shouldRefuseABadDabrx(final long dabrx) {
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_SET_XDABR, 0x4000, dabrx));
        assertEquals(0, f.hypervisor.modes().dabr());
    }
}
