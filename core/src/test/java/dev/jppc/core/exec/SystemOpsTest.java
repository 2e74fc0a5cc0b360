package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.StopReason;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.exec.LoadStoreTest.Order;

/**
 * Book III-S system instructions: sc (system call interrupt and the hypercall path), rfid and hrfid with their
 * MSR rules, mfmsr, mtmsr and mtmsrd, the privileged instructions in problem state, illegal instructions on
 * both kinds of processor, and attn.
 */
class SystemOpsTest {

    private static final long KERNEL = Cpu.MSR_SF | Cpu.MSR_ME;

    // ---- sc ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldTakeTheSystemCallInterruptWithSrr0AfterTheSc(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order).problemState().msrBits(Cpu.MSR_EE | Cpu.MSR_FP)
            .run(PpcAsm.nop(), PpcAsm.sc()).assertInterrupt(Interrupts.SYSTEM_CALL);
        assertEquals(at(2), m.srr0(), "SRR0 = the instruction after sc");
        final long oldMsr = KERNEL | Cpu.MSR_PR | Cpu.MSR_EE | Cpu.MSR_FP | (m.littleEndian() ? Cpu.MSR_LE : 0);
        assertEquals(oldMsr, m.srr1(), "SRR1 = the MSR, no reason bits");
        assertEquals(KERNEL | (m.littleEndian() ? Cpu.MSR_LE : 0), m.cpu.msr, "privileged, EE off, LE = ILE");
    }

    @Test
    void shouldPassSc1FromAPartitionToTheHypervisor() {
        final AtomicInteger calls = new AtomicInteger();
        final TestMachine m = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).gpr(3, 0x04).gpr(4, 7);
        m.cpu.hypervisor = cpu -> {
            calls.incrementAndGet();
            cpu.gpr[3] = 0;
            cpu.gpr[4] = cpu.gpr[4] * 6;
        };
        m.run(PpcAsm.sc(1), PpcAsm.addi(5, 4, 0)).assertCompleted();
        assertEquals(1, calls.get());
        assertEquals(0, m.gpr(3));
        assertEquals(42, m.gpr(5), "execution continues after the sc");
        final TestMachine user = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).problemState().gpr(3, 0x04);
        user.cpu.hypervisor = cpu -> calls.incrementAndGet();
        user.run(PpcAsm.sc(1)).assertCompleted();
        assertEquals(1, calls.get(), "no hypercall from problem state");
        assertEquals(-3L, user.gpr(3), "H_PRIVILEGE");
    }

    @Test
    void shouldTakeSc1WithoutAHypervisorAsASystemCall() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.sc(1))
            .assertInterrupt(Interrupts.SYSTEM_CALL);
        assertEquals(at(1), m.srr0());
    }

    /** sc LEV=1 is the one instruction that enters hypervisor state (Book III-S 6.5.14). */
    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldEnterHypervisorStateOnSc1WhereTheProcessorHasIt(final Order o) {
        final TestMachine m = TestMachine.hypervisorCapableSupervisor(o.order).msrBits(Cpu.MSR_EE)
            .run(PpcAsm.sc(1)).assertInterrupt(Interrupts.SYSTEM_CALL);
        assertEquals(at(1), m.srr0());
        assertEquals(0, m.srr1() & Cpu.MSR_HV);
        assertEquals(KERNEL | Cpu.MSR_HV | (m.littleEndian() ? Cpu.MSR_LE : 0), m.cpu.msr);
        final TestMachine os = TestMachine.hypervisorCapableSupervisor(o.order).run(PpcAsm.sc())
            .assertInterrupt(Interrupts.SYSTEM_CALL);
        assertEquals(0, os.cpu.msr & Cpu.MSR_HV, "sc 0 stays in the partition");
    }

    // ---- rfid, hrfid ------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldReturnFromInterruptToSrr0WithSrr1(final Order o) {
        final TestMachine m = TestMachine.supervisor(o.order);
        m.cpu.spr[Spr.SRR0] = at(2) | 3;
        m.cpu.spr[Spr.SRR1] = m.cpu.msr | Cpu.MSR_FP | Cpu.MSR_RI;
        m.run(PpcAsm.rfid(), PpcAsm.li(3, 1), PpcAsm.li(4, 1)).assertCompleted();
        assertEquals(0, m.gpr(3));
        assertEquals(1, m.gpr(4));
        assertEquals(m.cpu.spr[Spr.SRR1], m.cpu.msr);
    }

    @Test
    void shouldForceEeIrAndDrWhenReturningToProblemState() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.cpu.spr[Spr.SRR0] = at(5);
        m.cpu.spr[Spr.SRR1] = KERNEL | Cpu.MSR_PR;
        m.run(PpcAsm.rfid()).assertInterrupt(Interrupts.INSTRUCTION_SEGMENT);
        assertEquals(at(5), m.srr0(), "the fetch at SRR0 faulted: relocation is on and no SLB entry maps it");
        assertEquals(KERNEL | Cpu.MSR_PR | Cpu.MSR_EE | Cpu.MSR_IR | Cpu.MSR_DR, m.srr1() & Interrupts.SRR1_MSR_BITS);
    }

    @Test
    void shouldLetRfidClearButNeverSetHvAndChangeMeOnlyInHypervisorState() {
        final TestMachine hv = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN);
        hv.cpu.spr[Spr.SRR0] = at(1);
        hv.cpu.spr[Spr.SRR1] = Cpu.MSR_SF;
        hv.run(PpcAsm.rfid()).assertCompleted();
        assertEquals(Cpu.MSR_SF, hv.cpu.msr, "the hypervisor drops to the partition, ME cleared from SRR1");
        final TestMachine guest = TestMachine.hypervisorCapableSupervisor(ByteOrder.BIG_ENDIAN);
        guest.cpu.spr[Spr.SRR0] = at(1);
        guest.cpu.spr[Spr.SRR1] = Cpu.MSR_SF | Cpu.MSR_HV;
        guest.run(PpcAsm.rfid()).assertCompleted();
        assertEquals(KERNEL, guest.cpu.msr, "no HV from SRR1, ME kept");
    }

    @Test
    void shouldSwitchByteOrderAndModeOnRfid() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        // The target runs little-endian in 32-bit mode; SRR0's high word is dropped.
        m.ram.putInt(0x8000, PpcAsm.li(3, 0x33), ByteOrder.LITTLE_ENDIAN);
        m.ram.putInt(0x8004, TestMachine.BRANCH_TO_SELF, ByteOrder.LITTLE_ENDIAN);
        m.cpu.spr[Spr.SRR0] = 0xFFFF_FFFF_0000_8000L;
        m.cpu.spr[Spr.SRR1] = Cpu.MSR_ME | Cpu.MSR_LE;
        m.run(PpcAsm.rfid());
        assertEquals(0x33, m.gpr(3));
        assertEquals(0x8004, m.cpu.pc);
    }

    @Test
    void shouldReturnFromHypervisorInterruptWithHsrr() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.LITTLE_ENDIAN);
        m.cpu.spr[Spr.HSRR0] = at(2);
        m.cpu.spr[Spr.HSRR1] = KERNEL | Cpu.MSR_LE;
        m.run(PpcAsm.hrfid(), PpcAsm.li(3, 1)).assertCompleted();
        assertEquals(0, m.gpr(3));
        assertEquals(KERNEL | Cpu.MSR_LE, m.cpu.msr, "hrfid may clear HV");
        final TestMachine guest = TestMachine.hypervisorCapableSupervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.hrfid())
            .assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
        assertEquals(PpcAsm.hrfid() & 0xFFFF_FFFFL, guest.cpu.spr[Spr.HEIR]);
        TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.hrfid())
            .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
    }

    // ---- MSR access -------------------------------------------------------------------------------------

    @Test
    void shouldReadTheMsr() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.LITTLE_ENDIAN).run(PpcAsm.mfmsr(3)).assertCompleted();
        assertEquals(KERNEL | Cpu.MSR_HV | Cpu.MSR_LE, m.gpr(3));
    }

    @Test
    void shouldChangeOnlyEeAndRiWithL1() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, -1L).gpr(4, 0)
            .run(PpcAsm.mtmsrd(3, 1), PpcAsm.mfmsr(5), PpcAsm.mtmsr(4, 1), PpcAsm.mfmsr(6)).assertCompleted();
        assertEquals(KERNEL | Cpu.MSR_EE | Cpu.MSR_RI, m.gpr(5));
        assertEquals(KERNEL, m.gpr(6));
    }

    /** mtmsrd L=0 writes every bit but HV, ME and LE (Book III-S 4.4.3; QEMU and Microwatt alike). */
    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldNotAlterHvMeOrLeWithMtmsrd(final Order o) {
        final long le = o.order == ByteOrder.LITTLE_ENDIAN ? Cpu.MSR_LE : 0;
        final TestMachine hv = TestMachine.hypervisor(o.order).gpr(3, Cpu.MSR_SF | Cpu.MSR_FP | (le ^ Cpu.MSR_LE))
            .run(PpcAsm.mtmsrd(3), PpcAsm.mfmsr(4)).assertCompleted();
        assertEquals(KERNEL | Cpu.MSR_HV | Cpu.MSR_FP | le, hv.gpr(4), "HV and ME kept, LE unchanged");
        final TestMachine os = TestMachine.hypervisorCapableSupervisor(o.order)
            .gpr(3, Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_EE).run(PpcAsm.mtmsrd(3), PpcAsm.mfmsr(4)).assertCompleted();
        assertEquals(KERNEL | Cpu.MSR_EE | le, os.gpr(4), "no way into hypervisor state");
    }

    @Test
    void shouldWriteOnlyTheLowWordWithMtmsr() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, Cpu.MSR_FP | Cpu.MSR_RI)
            .run(PpcAsm.mtmsr(3), PpcAsm.mfmsr(4)).assertCompleted();
        assertEquals(KERNEL | Cpu.MSR_FP | Cpu.MSR_RI, m.gpr(4), "SF (high word) and ME kept");
    }

    @Test
    void shouldForceEeIrAndDrWhenMtmsrdSetsPr() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, Cpu.MSR_SF | Cpu.MSR_PR)
            .run(PpcAsm.mtmsrd(3)).assertInterrupt(Interrupts.INSTRUCTION_SEGMENT);
        assertEquals(KERNEL | Cpu.MSR_PR | Cpu.MSR_EE | Cpu.MSR_IR | Cpu.MSR_DR, m.srr1() & Interrupts.SRR1_MSR_BITS);
        assertEquals(at(1), m.srr0());
    }

    @Test
    void shouldSwitchTo32BitModeWithMtmsrd() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, Cpu.MSR_ME).gpr(4, -1L)
            .run(PpcAsm.mtmsrd(3), PpcAsm.addic_(5, 4, 1)).assertCompleted();
        assertEquals(0, m.cpu.msr & Cpu.MSR_SF);
        assertEquals(XerBits.EQ, m.cr0());
    }

    // ---- privilege and illegal instructions ---------------------------------------------------------------

    @Test
    void shouldRaisePrivilegedForSystemInstructionsInProblemState() {
        final int[] privileged = {PpcAsm.rfid(), PpcAsm.hrfid(), PpcAsm.mfmsr(3), PpcAsm.mtmsr(3), PpcAsm.mtmsr(3, 1),
            PpcAsm.mtmsrd(3), PpcAsm.mtmsrd(3, 1), PpcAsm.slbmte(3, 4), PpcAsm.slbmfee(3, 4), PpcAsm.slbmfev(3, 4),
            PpcAsm.slbie(4), PpcAsm.slbia(), PpcAsm.slbfee_(3, 4), PpcAsm.tlbie(4, 0), PpcAsm.tlbiel(4, 0),
            PpcAsm.tlbsync(), PpcAsm.mtspr(Spr.SRR0, 3), PpcAsm.mfspr(3, Spr.SPRG0)};
        for (final int word : privileged) {
            for (final ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                final TestMachine m = TestMachine.supervisor(order).problemState().gpr(3, 0x33)
                    .run(PpcAsm.nop(), word).assertProgramInterrupt(at(1), Interrupts.SRR1_PRIVILEGED);
                assertEquals(0x33, m.gpr(3), String.format("0x%08x must have no effect", word));
                assertEquals(KERNEL | (m.littleEndian() ? Cpu.MSR_LE : 0), m.cpu.msr);
                TestMachine.hypervisor(order).problemState().run(word)
                    .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void shouldRaiseTheIllegalInstructionInterruptByProcessorKind(final Order o) {
        final int illegal = 0x0000_0000;
        final TestMachine partition = TestMachine.supervisor(o.order).run(PpcAsm.nop(), illegal)
            .assertProgramInterrupt(at(1), Interrupts.SRR1_ILLEGAL);
        assertEquals(0, partition.cpu.msr & Cpu.MSR_HV);
        for (final TestMachine m : new TestMachine[] {TestMachine.hypervisor(o.order),
            TestMachine.hypervisorCapableSupervisor(o.order), TestMachine.hypervisor(o.order).problemState()}) {
            final long msrBefore = m.cpu.msr;
            m.run(PpcAsm.nop(), illegal).assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
            assertEquals(at(1), m.cpu.spr[Spr.HSRR0]);
            assertEquals(msrBefore & Interrupts.SRR1_MSR_BITS, m.cpu.spr[Spr.HSRR1]);
            assertEquals(0, m.cpu.spr[Spr.HEIR]);
            assertEquals(KERNEL | Cpu.MSR_HV | (m.littleEndian() ? Cpu.MSR_LE : 0), m.cpu.msr);
            assertEquals(0, m.srr0(), "SRR0 untouched by a hypervisor interrupt");
        }
        final TestMachine heir = TestMachine.hypervisor(o.order).run(0x7C00_07FE)
            .assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
        assertEquals(0x7C00_07FEL, heir.cpu.spr[Spr.HEIR], "HEIR holds the word");
    }

    @Test
    void shouldStopAtAttnOnlyWhenEnabledInHypervisorState() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).gpr(3, 0x1234);
        m.cpu.attnEnabled = true;
        m.code(TestMachine.CODE, PpcAsm.attn());
        m.cpu.pc = TestMachine.CODE;
        assertEquals(StopReason.ATTENTION, m.interpreter.run(10));
        assertEquals(0x34, m.cpu.exitCode);
        TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.attn())
            .assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
        final TestMachine os = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        os.cpu.attnEnabled = true;
        os.run(PpcAsm.attn()).assertProgramInterrupt(at(0), Interrupts.SRR1_ILLEGAL);
        assertFalse(os.cpu.stopReason == StopReason.ATTENTION);
    }
}
