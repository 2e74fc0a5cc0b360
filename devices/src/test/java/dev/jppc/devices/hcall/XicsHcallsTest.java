package dev.jppc.devices.hcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.devices.xics.Xics;

/** The hcall-interrupt calls against the XICS state machine (pseries-boot.md §7.3, QEMU's xics.c). */
class XicsHcallsTest {

    private static final int VTY = 0x1100;
    private static final int DISK = 0x1101;

    private final HcallFixture f = new HcallFixture();

    private long xirr() {
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_XIRR));
        return f.cpu.gpr[4];
    }

    private void cppr(final int value) {
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CPPR, value));
    }

    @Test
    void shouldStartWithNothingPendingAndEverythingMasked() {
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_IPOLL));
        assertEquals(0xFF00_0000L, f.cpu.gpr[4]);
        assertEquals(0xFF, f.cpu.gpr[5]);
        assertFalse(f.cpu.externalInterrupt);
    }

    @Test
    void shouldRaiseAnIpiWhenMfrrIsMoreFavouredThanCppr() {
        cppr(0xFF);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_IPI, 0, 5));
        assertTrue(f.cpu.externalInterrupt);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_IPOLL));
        assertEquals(0xFF00_0002L, f.cpu.gpr[4], "polling accepts nothing");
        assertEquals(5, f.cpu.gpr[5]);
        assertEquals(0xFF00_0002L, xirr());
        assertFalse(f.cpu.externalInterrupt, "accepting lowers the line");
        assertEquals(0x0500_0000, f.xics.xirr(), "CPPR became the IPI's priority");
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_IPI, 0, 0xFF));
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_EOI, 0xFF00_0002L));
        assertEquals(0xFF00_0000, f.xics.xirr());
        assertFalse(f.cpu.externalInterrupt);
    }

    @Test
    void shouldNotRaiseAnIpiThatCpprMasks() {
        cppr(4);
        f.call(Hcall.H_IPI, 0, 4);
        assertFalse(f.cpu.externalInterrupt);
        cppr(5);
        assertTrue(f.cpu.externalInterrupt, "a less favoured CPPR lets the waiting IPI through");
    }

    @Test
    void shouldPresentTheIpiAgainAfterEoiWhileMfrrStillHoldsIt() {
        cppr(0xFF);
        f.call(Hcall.H_IPI, 0, 0);
        final long accepted = xirr();
        f.call(Hcall.H_EOI, accepted);
        assertTrue(f.cpu.externalInterrupt);
    }

    @Test
    void shouldRejectAnIpiForAnUnknownServer() {
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_IPI, 1, 0));
        assertFalse(f.cpu.externalInterrupt);
    }

    @Test
    void shouldReturnXisrZeroWhenNothingIsPending() {
        cppr(0xFF);
        assertEquals(0xFF00_0000L, xirr());
        assertEquals(0xFF00_0000, f.xics.xirr(), "accepting nothing leaves CPPR at 0xFF");
    }

    @Test
    void shouldReturnTheTimebaseFromXirrX() {
        cppr(0xFF);
        f.call(Hcall.H_IPI, 0, 3);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_XIRR_X));
        assertEquals(0xFF00_0002L, f.cpu.gpr[4]);
        assertEquals(f.cpu.timebase(), f.cpu.gpr[5]);
    }

    @Test
    void shouldRejectAPendingInterruptWhenCpprBecomesMoreFavoured() {
        cppr(0xFF);
        f.xics.setXive(VTY, 0, 5);
        f.xics.setInput(VTY, true);
        assertTrue(f.cpu.externalInterrupt);
        cppr(5);
        assertFalse(f.cpu.externalInterrupt);
        assertEquals(0x0500_0000, f.xics.xirr());
        cppr(0xFF);
        assertTrue(f.cpu.externalInterrupt, "the rejected message is resent");
        assertEquals(0xFF00_0000L | VTY, xirr());
    }

    @Test
    void shouldPreferTheMoreFavouredSourceAndResendTheOtherAfterEoi() {
        cppr(0xFF);
        f.xics.setXive(VTY, 0, 5);
        f.xics.setXive(DISK, 0, 3);
        f.xics.pulse(VTY);
        f.xics.pulse(DISK);
        final long first = xirr();
        assertEquals(0xFF00_0000L | DISK, first);
        assertFalse(f.cpu.externalInterrupt, "VTY (5) does not beat CPPR 3");
        f.call(Hcall.H_EOI, first);
        assertTrue(f.cpu.externalInterrupt);
        assertEquals(0xFF00_0000L | VTY, xirr());
    }

    @Test
    void shouldHoldAMessageWhileMaskedAndSendItOnUnmask() {
        cppr(0xFF);
        f.xics.pulse(VTY);
        assertFalse(f.cpu.externalInterrupt, "every source starts masked");
        f.xics.setXive(VTY, 0, 5);
        assertTrue(f.cpu.externalInterrupt);
    }

    @Test
    void shouldPresentALevelSourceAgainWhileItStaysAsserted() {
        cppr(0xFF);
        f.xics.setLevelTriggered(DISK, true);
        f.xics.setXive(DISK, 0, 5);
        f.xics.setInput(DISK, true);
        final long accepted = xirr();
        f.call(Hcall.H_EOI, accepted);
        assertTrue(f.cpu.externalInterrupt, "still asserted");
        final long again = xirr();
        f.xics.setInput(DISK, false);
        f.call(Hcall.H_EOI, again);
        assertFalse(f.cpu.externalInterrupt);
    }

    @ParameterizedTest
    @ValueSource(longs = {0x105, 0xFFFF_FF05L, -251})
    void shouldUseTheLowByteAsThePriority(final long value) {
        cppr((int) value);
        assertEquals(0x0500_0000, f.xics.xirr());
    }

    @Test
    void shouldRestoreCpprFromTheEoiValue() {
        cppr(0);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_EOI, 0xFF00_0000L));
        assertEquals(0xFF00_0000, f.xics.xirr());
    }

    @Test
    void shouldIgnoreAnEoiForAnUnknownSource() {
        cppr(0xFF);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_EOI, 0xFF12_3456L));
        assertFalse(f.cpu.externalInterrupt);
    }

    @Test
    void shouldRaiseTheConsoleSourceOnInputFromAnotherThread() throws InterruptedException {
        f.vterm.setInputListener(() -> f.xics.pulse(VTY));
        cppr(0xFF);
        f.xics.setXive(VTY, 0, 5);
        final Thread input = new Thread(() -> f.vterm.offerInput(new byte[] {'x'}));
        input.start();
        input.join();
        assertTrue(f.cpu.externalInterrupt);
        assertEquals(0xFF00_0000L | Xics.FIRST_SOURCE + 0x100, xirr());
    }
}
