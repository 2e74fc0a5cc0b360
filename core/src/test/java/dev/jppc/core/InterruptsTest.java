package dev.jppc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.jppc.mmu.GuestMemory;

class InterruptsTest {

    /**
     * Rows: MSR[HV] when the data storage interrupt happens, HID0[HILE], LPCR[ILE], the MSR[LE] the handler gets.
     * An interrupt that leaves MSR[HV]=1 follows HILE; one that ends in MSR[HV]=0 follows ILE.
     */
    static Stream<Arguments> byteOrders() {
        return Stream.of(
            Arguments.of(true, true, false, true),
            Arguments.of(true, false, true, false),
            Arguments.of(false, true, false, false),
            Arguments.of(false, false, true, true));
    }

    @ParameterizedTest
    @MethodSource("byteOrders")
    void shouldTakeTheByteOrderOfTheStateTheInterruptEndsIn(final boolean hypervisor, final boolean hile,
                                                            final boolean ile, final boolean little) {
        final Cpu cpu = new Cpu(new GuestMemory(1 << 20), true);
        cpu.setMsr(Cpu.MSR_SF | Cpu.MSR_ME | (hypervisor ? Cpu.MSR_HV : 0));
        cpu.spr[Spr.HID0] = hile ? Interrupts.HID0_HILE : 0;
        cpu.spr[Spr.LPCR] = ile ? Interrupts.LPCR_ILE : 0;
        Interrupts.deliver(cpu, Interrupts.DATA_STORAGE, 0x1000, 0);
        assertEquals(little, (cpu.msr & Cpu.MSR_LE) != 0, "MSR[LE]");
        assertEquals(hypervisor, (cpu.msr & Cpu.MSR_HV) != 0, "MSR[HV]");
        assertEquals(Interrupts.DATA_STORAGE, cpu.nip);
    }
}
