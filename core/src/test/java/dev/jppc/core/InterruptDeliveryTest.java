package dev.jppc.core;

import static dev.jppc.core.TestMachine.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.jppc.core.asm.PpcAsm;

/**
 * Book III-S chapter 6 interrupt delivery (SRR1 contents, the new MSR, LPCR[ILE] and HID0[HILE]), the
 * decrementer and external interrupts with MSR[EE], {@code wait}, and the interpreter's promise that
 * {@link Interpreter#run(long)} returns even when the guest faults at its own interrupt vector.
 */
class InterruptDeliveryTest {

    private static final long KERNEL = Cpu.MSR_SF | Cpu.MSR_ME;

    @Test
    void shouldSaveTheMsrInSrr1ExceptTheReasonBits() {
        // Bits 33:36 and 42:47 of the MSR are not copied: SRR1 carries the interrupt's reason there.
        final long reasonBitsOfMsr = (1L << 30) | (1L << 27) | (1L << 21) | (1L << 16);
        final long msr = KERNEL | Cpu.MSR_PR | Cpu.MSR_EE | Cpu.MSR_FP | Cpu.MSR_FE0 | Cpu.MSR_FE1 | Cpu.MSR_RI
            | Cpu.MSR_PMM | Cpu.MSR_VEC | Cpu.MSR_VSX | reasonBitsOfMsr;
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.setMsr(msr);
        m.run(PpcAsm.trap()).assertInterrupt(Interrupts.PROGRAM);
        assertEquals(Long.toHexString((msr & ~reasonBitsOfMsr) | Interrupts.SRR1_TRAP), Long.toHexString(m.srr1()));
        assertEquals(KERNEL, m.cpu.msr, "the new MSR: 64-bit, ME kept, everything else off");
    }

    @Test
    void shouldKeepMeClearedInTheNewMsrWhenItWasOff() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.setMsr(Cpu.MSR_SF);
        m.run(PpcAsm.trap()).assertInterrupt(Interrupts.PROGRAM);
        assertEquals(Cpu.MSR_SF, m.cpu.msr);
    }

    @Test
    void shouldEnter64BitModeOnAnInterruptFrom32BitMode() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).mode32().run(PpcAsm.sc())
            .assertInterrupt(Interrupts.SYSTEM_CALL);
        assertEquals(0, m.srr1() & Cpu.MSR_SF);
        assertEquals(KERNEL, m.cpu.msr);
    }

    /** LPCR[ILE] decides the byte order interrupts are taken in, whatever the interrupted code used. */
    @Test
    void shouldTakeInterruptsLittleEndianWhenLpcrIleIsSet() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.spr[Spr.LPCR] |= Interrupts.LPCR_ILE;
        m.ram.putInt(Interrupts.PROGRAM, PpcAsm.li(3, 0x77), ByteOrder.LITTLE_ENDIAN);
        m.ram.putInt(Interrupts.PROGRAM + 4, TestMachine.BRANCH_TO_SELF, ByteOrder.LITTLE_ENDIAN);
        m.run(PpcAsm.trap());
        assertEquals(Interrupts.PROGRAM + 4, m.cpu.pc);
        assertEquals(0x77, m.gpr(3), "the handler ran little-endian");
        assertEquals(KERNEL | Cpu.MSR_LE, m.cpu.msr);
        assertEquals(0, m.srr1() & Cpu.MSR_LE);

        final TestMachine le = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN);
        le.cpu.spr[Spr.LPCR] &= ~Interrupts.LPCR_ILE;
        le.ram.putInt(Interrupts.PROGRAM, TestMachine.BRANCH_TO_SELF, ByteOrder.BIG_ENDIAN);
        le.run(PpcAsm.trap()).assertInterrupt(Interrupts.PROGRAM);
        assertEquals(KERNEL, le.cpu.msr, "ILE=0: big-endian handler");
        assertEquals(Cpu.MSR_LE, le.srr1() & Cpu.MSR_LE);
    }

    /** HID0[HILE] does the same for hypervisor interrupts. */
    @Test
    void shouldTakeHypervisorInterruptsInTheHileByteOrder() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.spr[Spr.HID0] |= Interrupts.HID0_HILE;
        m.ram.putInt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE, TestMachine.BRANCH_TO_SELF, ByteOrder.LITTLE_ENDIAN);
        m.run(0).assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
        assertEquals(KERNEL | Cpu.MSR_HV | Cpu.MSR_LE, m.cpu.msr);
        final TestMachine big = TestMachine.hypervisor(ByteOrder.LITTLE_ENDIAN);
        big.cpu.spr[Spr.HID0] = 0;
        big.ram.putInt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE, TestMachine.BRANCH_TO_SELF, ByteOrder.BIG_ENDIAN);
        big.run(0).assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
        assertEquals(KERNEL | Cpu.MSR_HV, big.cpu.msr);
    }

    @Test
    void shouldSendMachineChecksToSrrEvenWithHypervisorState() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).gpr(4, TestMachine.RAM_SIZE)
            .run(PpcAsm.lbz(3, 0, 4)).assertInterrupt(Interrupts.MACHINE_CHECK);
        assertEquals(TestMachine.CODE, m.srr0());
        assertEquals(Cpu.MSR_SF | Cpu.MSR_HV, m.cpu.msr, "hypervisor state, ME off");
    }

    // ---- decrementer ------------------------------------------------------------------------------------

    private static int[] nops(final int prefix, final int count) {
        final int[] words = new int[prefix + count];
        for (int i = 0; i < words.length; i++) {
            words[i] = PpcAsm.nop();
        }
        return words;
    }

    /**
     * mtdec 10 at word 1 (time 1): DEC passes zero when the timebase reaches 1 + 10 + 1 = 12, after word 11,
     * so the interrupt is taken with SRR0 at word 12.
     */
    @Test
    void shouldTakeTheDecrementerInterruptWhenDecPassesZeroWithEeOn() {
        final int[] words = nops(2, 20);
        words[0] = PpcAsm.li(3, 10);
        words[1] = PpcAsm.mtspr(Spr.DEC, 3);
        final TestMachine m = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).msrBits(Cpu.MSR_EE).run(words)
            .assertInterrupt(Interrupts.DECREMENTER);
        assertEquals(at(12), m.srr0());
        assertEquals(KERNEL | Cpu.MSR_EE | Cpu.MSR_LE, m.srr1());
        assertEquals(KERNEL | Cpu.MSR_LE, m.cpu.msr);
        assertTrue(m.cpu.decrementer() < 0);
        assertFalse(m.cpu.decrementerPending, "taking the interrupt consumed the exception");
    }

    @Test
    void shouldHoldTheDecrementerExceptionWhileEeIsOffAndTakeItWhenEnabled() {
        final int[] words = nops(2, 20);
        words[0] = PpcAsm.li(3, 5);
        words[1] = PpcAsm.mtspr(Spr.DEC, 3);
        final TestMachine off = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(words).assertCompleted();
        assertTrue(off.cpu.decrementerPending);
        words[15] = PpcAsm.li(4, -1);
        words[16] = PpcAsm.mtmsrd(4, 1);
        final TestMachine on = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(words)
            .assertInterrupt(Interrupts.DECREMENTER);
        assertEquals(at(17), on.srr0(), "taken right after mtmsrd set EE");
    }

    @Test
    void shouldNotInterruptBeforeDecPassesZero() {
        final int[] words = nops(2, 20);
        words[0] = PpcAsm.li(3, 100);
        words[1] = PpcAsm.mtspr(Spr.DEC, 3);
        TestMachine.supervisor(ByteOrder.BIG_ENDIAN).msrBits(Cpu.MSR_EE).run(words).assertCompleted();
    }

    @Test
    void shouldTakeAnExternalInterruptWithEeOn() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.externalInterrupt = true;
        m.run(PpcAsm.nop(), PpcAsm.nop()).assertCompleted();
        final TestMachine on = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).msrBits(Cpu.MSR_EE);
        on.cpu.externalInterrupt = true;
        on.run(PpcAsm.nop()).assertInterrupt(Interrupts.EXTERNAL);
        assertEquals(at(0), on.srr0());
    }

    // ---- wait -------------------------------------------------------------------------------------------

    @Test
    void shouldSleepInWaitUntilTheDecrementerInterrupt() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).msrBits(Cpu.MSR_EE).gpr(3, 1000)
            .run(PpcAsm.mtspr(Spr.DEC, 3), waitWord(), PpcAsm.li(4, 1)).assertInterrupt(Interrupts.DECREMENTER);
        assertEquals(at(2), m.srr0(), "the interrupt returns after the wait");
        assertEquals(0, m.gpr(4));
        assertTrue(m.cpu.timebase() > 1000, "time jumped to the decrementer event");
        assertTrue(m.cpu.instructions < 20, "without executing instructions");
        assertFalse(m.cpu.waiting);
    }

    @Test
    void shouldWakeFromWaitWithEeOffAndContinue() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, 1000)
            .run(PpcAsm.mtspr(Spr.DEC, 3), waitWord(), PpcAsm.mftb(4)).assertCompleted();
        assertTrue(m.gpr(4) > 1000, "mftb after the wait sees the time that passed: " + m.gpr(4));
    }

    private static int waitWord() {
        return (31 << 26) | (62 << 1);
    }

    // ---- run always returns -----------------------------------------------------------------------------

    /**
     * An illegal instruction whose vector holds another illegal instruction completes no instruction, ever;
     * run(budget) must still return (each delivered interrupt uses up a step of the budget).
     */
    @Test
    void shouldReturnFromRunWhenTheInterruptVectorFaultsToo() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.ram.putInt(Interrupts.PROGRAM, 0, ByteOrder.BIG_ENDIAN);
        m.code(TestMachine.CODE, 0);
        m.cpu.pc = TestMachine.CODE;
        final StopReason reason = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> m.interpreter.run(1000));
        assertEquals(StopReason.BUDGET, reason);
        assertEquals(Interrupts.PROGRAM, m.cpu.pc);
        assertEquals(Interrupts.PROGRAM, m.srr0());
    }

    @Test
    void shouldReturnFromRunOnAnInstructionStorageLoop() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        // Relocated interrupts (LPCR[AIL]=3) from relocated code: with no MMU every fetch faults again.
        m.cpu.spr[Spr.LPCR] |= 3L << 23;
        m.cpu.setMsr(m.cpu.msr | Cpu.MSR_IR | Cpu.MSR_DR);
        m.cpu.pc = 0x1000;
        final StopReason reason = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> m.interpreter.run(500));
        assertEquals(StopReason.BUDGET, reason);
    }
}
