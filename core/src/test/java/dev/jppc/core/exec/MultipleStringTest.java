package dev.jppc.core.exec;

import static dev.jppc.core.TestMachine.DATA;
import static dev.jppc.core.exec.LoadStoreTest.assertBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.spi.MmioDevice;

/**
 * Book I 3.3.7 load/store multiple and string instructions: big-endian only (little-endian mode raises the
 * alignment interrupt, Book I 3.3.7 and QEMU), word registers zero extended, the register wrap from r31 to r0,
 * XER's byte count, and effective addresses that wrap in 32-bit mode.
 */
class MultipleStringTest {

    @Test
    void shouldLoadMultipleWordsZeroExtended() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).data(DATA, 4, 0x1111_1111)
            .data(DATA + 4, 4, 0x2222_2222).data(DATA + 8, 4, 0x8333_3333L).data(DATA + 12, 4, 0x4444_4444)
            .gpr(4, DATA + 8).gpr(27, -1L).gpr(28, -1L).gpr(31, -1L)
            .run(PpcAsm.lmw(28, -8, 4)).assertCompleted();
        assertEquals(0x1111_1111L, m.gpr(28));
        assertEquals(0x2222_2222L, m.gpr(29));
        assertEquals(0x8333_3333L, m.gpr(30));
        assertEquals(0x4444_4444L, m.gpr(31));
        assertEquals(-1L, m.gpr(27), "registers below RT are untouched");
    }

    @Test
    void shouldStoreMultipleLowWords() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(4, DATA)
            .gpr(29, 0xFFFF_FFFF_0102_0304L).gpr(30, 0x0506_0708).gpr(31, 0x090A_0B0C)
            .run(PpcAsm.stmw(29, 4, 4)).assertCompleted();
        assertBytes(m, DATA, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0);
    }

    @Test
    void shouldRaiseAlignmentForMultipleAndStringInstructionsInLittleEndianMode() {
        // Each effective address is DATA + 8: D(RA) for lmw/stmw, RA for lswi/stswi, RA + RB for lswx/stswx.
        final int[] words = {PpcAsm.lmw(28, 8, 4), PpcAsm.stmw(28, 8, 4), PpcAsm.lswi(5, 7, 8),
            PpcAsm.stswi(5, 7, 8), PpcAsm.lswx(5, 4, 6), PpcAsm.stswx(5, 4, 6)};
        for (final int word : words) {
            final TestMachine m = TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).gpr(4, DATA).gpr(6, 8)
                .gpr(7, DATA + 8).xer(8).gpr(28, 0x2828).gpr(5, 0x0505).run(PpcAsm.nop(), word)
                .assertInterrupt(Interrupts.ALIGNMENT);
            assertEquals(TestMachine.at(1), m.srr0());
            assertEquals(DATA + 8, m.cpu.spr[Spr.DAR], "DAR = the effective address");
            assertEquals(0x2828, m.gpr(28));
            assertEquals(0x0505, m.gpr(5));
            assertEquals(0, m.data(DATA + 8, 8), "nothing stored");
        }
        // Even with a zero byte count.
        TestMachine.supervisor(ByteOrder.LITTLE_ENDIAN).gpr(4, DATA).xer(0).run(PpcAsm.lswx(5, 4, 6))
            .assertInterrupt(Interrupts.ALIGNMENT);
    }

    @Test
    void shouldRaiseIllegalForLmwLoadingItsBaseRegister() {
        final int word = Words.d(46, 28, 30, 0);
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).gpr(30, DATA).gpr(28, 7).run(word)
            .assertProgramInterrupt(TestMachine.at(0), Interrupts.SRR1_ILLEGAL);
        assertEquals(7, m.gpr(28));
    }

    @Test
    void shouldLoadStringImmediateIntoConsecutiveRegisters() {
        final TestMachine m = bytes1To32().gpr(4, DATA).gpr(5, -1L).gpr(6, -1L).gpr(7, -1L)
            .run(PpcAsm.lswi(5, 4, 7)).assertCompleted();
        assertEquals(0x0102_0304L, m.gpr(5));
        assertEquals(0x0506_0700L, m.gpr(6), "unused low bytes of the last register are zero");
        assertEquals(-1L, m.gpr(7));
    }

    @Test
    void shouldLoadThirtyTwoBytesWhenNbIsZero() {
        final TestMachine m = bytes1To32().gpr(4, DATA).gpr(13, 0x1313).run(PpcAsm.lswi(5, 4, 0))
            .assertCompleted();
        assertEquals(0x0102_0304L, m.gpr(5));
        assertEquals(0x1D1E_1F20L, m.gpr(12));
        assertEquals(0x1313, m.gpr(13));
    }

    @Test
    void shouldWrapFromR31ToR0() {
        final TestMachine m = bytes1To32().gpr(4, DATA).run(PpcAsm.lswi(30, 4, 12)).assertCompleted();
        assertEquals(0x0102_0304L, m.gpr(30));
        assertEquals(0x0506_0708L, m.gpr(31));
        assertEquals(0x090A_0B0CL, m.gpr(0));
    }

    @Test
    void shouldLoadStringIndexedWithTheXerByteCount() {
        final TestMachine m = bytes1To32().gpr(4, DATA).gpr(9, 3).gpr(5, -1L).gpr(6, -1L).xer(5)
            .run(PpcAsm.lswx(5, 4, 9)).assertCompleted();
        assertEquals(0x0405_0607L, m.gpr(5));
        assertEquals(0x0800_0000L, m.gpr(6));
        final TestMachine none = bytes1To32().gpr(4, DATA).gpr(5, -1L).xer(0).run(PpcAsm.lswx(5, 0, 4))
            .assertCompleted();
        assertEquals(-1L, none.gpr(5), "a zero byte count loads nothing");
    }

    @Test
    void shouldStoreStrings() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        m.ram.fill(DATA, 64, (byte) 0xEE);
        m.gpr(4, DATA).gpr(5, 0x1234_5678_AABB_CCDDL).gpr(6, 0x1122_3344).gpr(9, 0x20).xer(3)
            .run(PpcAsm.stswi(5, 4, 6), PpcAsm.stswx(6, 4, 9)).assertCompleted();
        assertBytes(m, DATA, 0xAA, 0xBB, 0xCC, 0xDD, 0x11, 0x22, 0xEE);
        assertBytes(m, DATA + 0x20, 0x11, 0x22, 0x33, 0xEE);
    }

    /**
     * In 32-bit mode the address of each further word or byte wraps from 0xffffffff to 0 like any effective
     * address (Book I 1.10.3). RAM does not reach 4 GiB here, so a device window sits just below it.
     */
    @Test
    void shouldWrapTheAddressesOfLaterElementsIn32BitMode() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.BIG_ENDIAN).mode32().data(0, 4, 0xCAFE_BABEL);
        final RecordingDevice top = new RecordingDevice();
        m.cpu.mmio.map(0xFFFF_0000L, 0x1_0000, top);
        m.gpr(4, 0xFFFF_FFF8L).gpr(5, 0xFFFF_FFFEL)
            .run(PpcAsm.lmw(29, 0, 4), PpcAsm.lswi(11, 5, 4), PpcAsm.addi(31, 31, 1), PpcAsm.addi(6, 4, 4),
                PpcAsm.stmw(30, 0, 6))
            .assertCompleted();
        assertEquals(0xA000_FFF8L, m.gpr(29));
        assertEquals(0xA000_FFFCL, m.gpr(30));
        assertEquals(0xCAFE_BABFL, m.gpr(31), "the third word came from address 0 (then + 1)");
        assertEquals(0xA0A0_CAFEL, m.gpr(11), "two device bytes, then bytes 0 and 1");
        assertEquals(0xCAFE_BABFL, m.data(0, 4), "stmw wrote r31 to address 0");
        assertEquals(0xFFFCL, top.lastWriteOffset);
    }

    private static TestMachine bytes1To32() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 32; i++) {
            m.bytes(DATA + i, i + 1);
        }
        return m;
    }

    /** Reads 0xA000_0000 + offset (its low byte for byte reads: 0xA0 is the high byte); records writes. */
    private static final class RecordingDevice implements MmioDevice {
        long lastWriteOffset = -1;

        @Override
        public long read(final long offset, final int size) {
            return size == 1 ? 0xA0 : 0xA000_0000L + offset;
        }

        @Override
        public void write(final long offset, final int size, final long value) {
            lastWriteOffset = offset;
        }
    }
}
