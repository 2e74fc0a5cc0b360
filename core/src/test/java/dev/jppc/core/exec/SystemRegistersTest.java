package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;

/**
 * mfspr, mtspr and mftb (Book I 3.3.17, Book III-S 4.4.4): the privilege of each class of SPR in each state,
 * the rules for read-only and unimplemented SPR numbers (the javadoc of {@link SystemRegisters}), XER, the
 * timebase and the registers whose writes are masked.
 */
class SystemRegistersTest {

    private static final long VALUE = 0x0123_4567_89AB_CDEFL;

    /** Problem-state SPRs: both directions work in problem state. */
    @ParameterizedTest
    @ValueSource(ints = {Spr.LR, Spr.CTR, Spr.TAR, Spr.VRSAVE, Spr.PPR, 768, 783, 800, 806})
    void shouldAccessUserSprsInProblemState(final int spr) {
        for (final ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            final TestMachine m = TestMachine.supervisor(order).problemState().gpr(3, VALUE)
                .run(PpcAsm.mtspr(spr, 3), PpcAsm.mfspr(4, spr)).assertCompleted();
            assertEquals(VALUE, m.gpr(4), "SPR " + spr);
        }
    }

    @Test
    void shouldAliasTheUserViewsOfPrivilegedSprs() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, VALUE).gpr(5, 0x77)
            .run(PpcAsm.mtspr(Spr.SPRG3, 3), PpcAsm.mtspr(Spr.DSCR_USER, 5)).assertCompleted();
        assertEquals(0x77, m.cpu.spr[Spr.DSCR], "DSCR user view writes DSCR");
        m.problemState().run(PpcAsm.mfspr(4, Spr.SPRG3_USER), PpcAsm.mfspr(6, Spr.DSCR_USER)).assertCompleted();
        assertEquals(VALUE, m.gpr(4), "SPRG3 is readable through 259 in problem state");
        assertEquals(0x77, m.gpr(6));
        TestMachine.supervisor(ByteOrder.BIG_ENDIAN).problemState().run(PpcAsm.mtspr(Spr.SPRG3_USER, 3))
            .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
    }

    @ParameterizedTest
    @ValueSource(ints = {Spr.SRR0, Spr.SRR1, Spr.SPRG0, Spr.SPRG1, Spr.SPRG2, Spr.SPRG3, Spr.DAR, Spr.DSISR,
        Spr.CFAR, Spr.PIDR, Spr.FSCR, Spr.DSCR, 784, 799})
    void shouldAccessSupervisorSprsOnlyInPrivilegedState(final int spr) {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, VALUE)
            .run(PpcAsm.mtspr(spr, 3), PpcAsm.mfspr(4, spr)).assertCompleted();
        assertEquals(VALUE, m.gpr(4), "SPR " + spr);
        for (final int word : new int[] {PpcAsm.mtspr(spr, 3), PpcAsm.mfspr(4, spr)}) {
            final TestMachine p = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).problemState().gpr(3, 1).gpr(4, 2)
                .run(PpcAsm.nop(), word).assertProgramInterrupt(at(1), Interrupts.SRR1_PRIVILEGED);
            assertEquals(2, p.gpr(4));
            assertNotEquals(1L, p.cpu.spr[spr], "not written");
            // The same from problem state on a processor with hypervisor state: still a program interrupt.
            TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).problemState().run(word)
                .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Spr.LPCR, Spr.HSRR0, Spr.HSRR1, Spr.HSPRG0, Spr.HSPRG1, Spr.SDR1, Spr.HID0, Spr.LPIDR,
        Spr.HDAR, Spr.HDSISR, Spr.HEIR, Spr.AMOR, Spr.HMER})
    void shouldAccessHypervisorSprsOnlyInHypervisorState(final int spr) {
        final TestMachine hv = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).gpr(3, VALUE)
            .run(PpcAsm.mtspr(spr, 3), PpcAsm.mfspr(4, spr)).assertCompleted();
        // HMER starts at 0 and a write ANDs into it (see shouldClearHmerBitsByAnding).
        assertEquals(spr == Spr.HMER ? 0 : VALUE, hv.gpr(4), "SPR " + spr);
        for (final int word : new int[] {PpcAsm.mtspr(spr, 3), PpcAsm.mfspr(4, spr)}) {
            // A partition's privileged state where jppc is the hypervisor: privileged-instruction interrupt.
            TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, VALUE).run(word)
                .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
            // Privileged non-hypervisor state on a processor with HV: the hypervisor emulates it.
            final TestMachine guest = TestMachine.hypervisorCapableSupervisor(ByteOrder.LITTLE_ENDIAN)
                .gpr(3, VALUE).run(word).assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
            assertEquals(word & 0xFFFF_FFFFL, guest.cpu.spr[Spr.HEIR]);
            assertEquals(TestMachine.CODE, guest.cpu.spr[Spr.HSRR0]);
            // Problem state: privileged-instruction interrupt.
            TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).problemState().run(word)
                .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
        }
    }

    @Test
    void shouldRefuseWritesToReadOnlySprsAndReadsOfWriteOnlyOnes() {
        for (final int word : new int[] {PpcAsm.mtspr(Spr.PVR, 3), PpcAsm.mtspr(Spr.TB, 3),
            PpcAsm.mtspr(Spr.TBU, 3), PpcAsm.mtspr(Spr.PIR, 3), PpcAsm.mfspr(3, Spr.TBL_WRITE)}) {
            TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).run(word)
                .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
        }
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.mfspr(3, Spr.PVR),
            PpcAsm.mfspr(4, Spr.PIR)).assertCompleted();
        assertEquals(Cpu.PVR_POWER8, m.gpr(3));
        assertEquals(0, m.gpr(4));
    }

    /** Unimplemented numbers with SPR bit 0x10 set: privileged in problem state, a no-op otherwise. */
    @ParameterizedTest
    @ValueSource(ints = {16, 50, 60, 500, 1020})
    void shouldTreatUnimplementedPrivilegedSprsAsNoOps(final int spr) {
        assertEquals(Spr.UNIMPLEMENTED, Spr.readLevel(spr));
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, VALUE).gpr(4, 44)
            .run(PpcAsm.mtspr(spr, 3), PpcAsm.mfspr(4, spr)).assertCompleted();
        assertEquals(44, m.gpr(4), "a no-op mfspr leaves RT unchanged");
        TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.mfspr(4, spr)).assertCompleted();
        TestMachine.supervisor(ByteOrder.BIG_ENDIAN).problemState().run(PpcAsm.mfspr(4, spr))
            .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
        TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).problemState().run(PpcAsm.mtspr(spr, 3))
            .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
    }

    /**
     * Unimplemented numbers without bit 0x10: a no-op in privileged state except 0, 4, 5 and 6; those, and every
     * one of them in problem state, raise the hypervisor emulation assistance interrupt where the processor has
     * HV and a privileged-instruction program interrupt where jppc is the hypervisor.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4, 5, 6, 7, 10, 12, 14, 15, 32, 100})
    void shouldFollowTheUnimplementedUserSprRules(final int spr) {
        assertEquals(Spr.UNIMPLEMENTED, Spr.readLevel(spr));
        final boolean special = spr == 0 || spr == 4 || spr == 5 || spr == 6;
        for (final int word : new int[] {PpcAsm.mfspr(4, spr), PpcAsm.mtspr(spr, 3)}) {
            final TestMachine partition = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(4, 44).run(word);
            final TestMachine bare = TestMachine.hypervisorCapableSupervisor(ByteOrder.BIG_ENDIAN).gpr(4, 44).run(word);
            if (special) {
                partition.assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
                bare.assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
                assertEquals(word & 0xFFFF_FFFFL, bare.cpu.spr[Spr.HEIR]);
            } else {
                partition.assertCompleted();
                bare.assertCompleted();
                assertEquals(44, partition.gpr(4));
            }
            TestMachine.supervisor(ByteOrder.BIG_ENDIAN).problemState().run(word)
                .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
            final TestMachine user = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).problemState().run(word)
                .assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
            assertEquals(word & 0xFFFF_FFFFL, user.cpu.spr[Spr.HEIR]);
        }
    }

    @Test
    void shouldKeepOnlyTheDefinedXerBits() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).problemState().gpr(3, -1L)
            .run(PpcAsm.mtxer(3), PpcAsm.mfxer(4), PpcAsm.li(5, 0), PpcAsm.mtxer(5), PpcAsm.mfxer(6))
            .assertCompleted();
        assertEquals(0xE00C_007FL, m.gpr(4), "SO OV CA, OV32 CA32 and the 7-bit byte count");
        assertEquals(0, m.gpr(6));
        assertEquals(0, m.cpu.xerSo | m.cpu.xerOv | m.cpu.xerCa | m.cpu.xerOv32 | m.cpu.xerCa32);
    }

    @Test
    void shouldReadTheTimebaseInProblemStateThroughMftbAndMfspr() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).problemState()
            .run(PpcAsm.nop(), PpcAsm.nop(), Words.mftbX(3, Spr.TB), PpcAsm.mftb(4), Words.mftbX(5, Spr.TBU),
                PpcAsm.mftb(6, Spr.TBU))
            .assertCompleted();
        assertEquals(2, m.gpr(3), "the timebase counts completed instructions");
        assertEquals(3, m.gpr(4));
        assertEquals(0, m.gpr(5));
        assertEquals(0, m.gpr(6));
    }

    @Test
    void shouldRaiseIllegalForMftbOfAnotherRegister() {
        TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(Words.mftbX(3, Spr.DEC))
            .assertProgramInterrupt(at(0), Interrupts.SRR1_ILLEGAL);
    }

    @Test
    void shouldWriteTheTimebaseInHypervisorState() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).gpr(3, 0x1000).gpr(4, 0x5)
            .run(PpcAsm.mtspr(Spr.TBL_WRITE, 3), PpcAsm.mtspr(Spr.TBU_WRITE, 4), PpcAsm.mftb(5),
                PpcAsm.mfspr(6, Spr.TBU))
            .assertCompleted();
        // TBL was written by word 0; words 1 and 2 completed since: TB = 0x5_0000_1000 + 2 at word 2.
        assertEquals(0x5_0000_1002L, m.gpr(5));
        assertEquals(5, m.gpr(6));
        TestMachine.supervisor(ByteOrder.BIG_ENDIAN).run(PpcAsm.mtspr(Spr.TBL_WRITE, 3))
            .assertProgramInterrupt(at(0), Interrupts.SRR1_PRIVILEGED);
    }

    @Test
    void shouldCountTheDecrementerDown() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, 1000)
            .run(PpcAsm.mtspr(Spr.DEC, 3), PpcAsm.nop(), PpcAsm.nop(), PpcAsm.mfspr(4, Spr.DEC)).assertCompleted();
        assertEquals(1000 - 3, m.gpr(4));
        // DEC is a 32-bit register on POWER8 (no large decrementer): mfspr zero extends it (Book III-S mfspr).
        final TestMachine negative = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, 2)
            .run(PpcAsm.mtspr(Spr.DEC, 3), PpcAsm.nop(), PpcAsm.nop(), PpcAsm.nop(), PpcAsm.nop(),
                PpcAsm.mfspr(4, Spr.DEC)).assertCompleted();
        assertEquals(0xFFFF_FFFDL, negative.gpr(4), "2 - 5 ticks, as a 32-bit register");
        final TestMachine wrap = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, 0xFFFF_FFFF_8000_0000L)
            .run(PpcAsm.mtspr(Spr.DEC, 3), PpcAsm.mfspr(4, Spr.DEC)).assertCompleted();
        assertEquals(0x7FFF_FFFFL, wrap.gpr(4), "0x80000000 counts down to 0x7fffffff");
    }

    @Test
    void shouldMaskAmrWritesByPrivilege() {
        final TestMachine hv = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).gpr(3, -1L)
            .run(PpcAsm.mtspr(Spr.AMR, 3)).assertCompleted();
        assertEquals(-1L, hv.cpu.mmu.amr(), "the hypervisor writes all of AMR");
        final TestMachine os = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(3, -1L);
        os.cpu.mmu.setAmor(0xF0F0);
        os.run(PpcAsm.mtspr(Spr.AMR, 3)).assertCompleted();
        assertEquals(0xF0F0, os.cpu.mmu.amr(), "privileged state writes what AMOR allows");
        final TestMachine user = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).problemState().gpr(3, 0);
        user.cpu.mmu.setAmr(-1L);
        user.cpu.mmu.setUamor(0xFF);
        user.run(PpcAsm.mtspr(Spr.AMR_USER, 3), PpcAsm.mfspr(4, Spr.AMR_USER)).assertCompleted();
        assertEquals(~0xFFL, user.cpu.mmu.amr(), "problem state writes what UAMOR allows");
        assertEquals(~0xFFL, user.gpr(4));
    }

    /** mtspr HMER ANDs RS into HMER, so that the hypervisor clears the bits it handled (Book III-S, mtspr). */
    @Test
    void shouldClearHmerBitsByAnding() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).gpr(3, 0x0F0F);
        m.cpu.spr[Spr.HMER] = 0xFF00;
        m.run(PpcAsm.mtspr(Spr.HMER, 3), PpcAsm.mfspr(4, Spr.HMER)).assertCompleted();
        assertEquals(0x0F00, m.gpr(4));
    }

    @Test
    void shouldReadThePvrAndKeepThePpr32View() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).problemState().gpr(3, 0x0010_0000L)
            .run(PpcAsm.mtspr(Spr.PPR32, 3), PpcAsm.mfspr(4, Spr.PPR), PpcAsm.mfspr(5, Spr.PPR32)).assertCompleted();
        assertEquals(0x0010_0000L << 32, m.gpr(4));
        assertEquals(0x0010_0000L, m.gpr(5));
    }
}
