package dev.jppc.core.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class AsmBufferTest {

    @Test
    void shouldResolveForwardAndBackwardBranches() {
        final AsmBuffer asm = new AsmBuffer()
                .emit(PpcAsm.li(3, 0))          // 0x00
                .label("loop")
                .emit(PpcAsm.addi(3, 3, 1))     // 0x04
                .beq(1, "done")                 // 0x08 -> 0x14
                .bdnz("loop")                   // 0x0c -> 0x04
                .b("loop")                      // 0x10 -> 0x04
                .label("done")
                .bl("done");                    // 0x14 -> 0x14

        assertArrayEquals(new int[] {
            PpcAsm.li(3, 0),
            PpcAsm.addi(3, 3, 1),
            PpcAsm.beq(1, 0x0c),
            PpcAsm.bdnz(-0x08),
            PpcAsm.b(-0x0c),
            PpcAsm.bl(0),
        }, asm.words());
        assertEquals(0x04, asm.offsetOf("loop"));
        assertEquals(0x14, asm.offsetOf("done"));
        assertEquals(0x18, asm.position());
    }

    @Test
    void shouldEncodeEveryLabelBranchLikeItsEncoder() {
        final AsmBuffer asm = new AsmBuffer()
                .bc(12, 6, "end").bcl(20, 31, "end").bne(2, "end").blt(3, "end").bge(4, "end")
                .bgt(5, "end").ble(6, "end").bdz("end")
                .label("end");

        assertArrayEquals(new int[] {
            PpcAsm.bc(12, 6, 32), PpcAsm.bcl(20, 31, 28), PpcAsm.bne(2, 24), PpcAsm.blt(3, 20), PpcAsm.bge(4, 16),
            PpcAsm.bgt(5, 12), PpcAsm.ble(6, 8), PpcAsm.bdz(4),
        }, asm.words());
    }

    @Test
    void shouldWriteBothByteOrders() {
        final AsmBuffer asm = new AsmBuffer().emit(0x38600001).emit(PpcAsm.blr());

        assertArrayEquals(new byte[] {0x38, 0x60, 0x00, 0x01, 0x4e, (byte) 0x80, 0x00, 0x20},
                asm.toBytes(ByteOrder.BIG_ENDIAN));
        assertArrayEquals(new byte[] {0x01, 0x00, 0x60, 0x38, 0x20, 0x00, (byte) 0x80, 0x4e},
                asm.toBytes(ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void shouldWriteAtAnOffsetWithinBounds() {
        final byte[] image = new byte[12];
        new AsmBuffer().b("self").label("self").emit(PpcAsm.nop()).writeTo(image, 4, ByteOrder.BIG_ENDIAN);

        assertArrayEquals(new byte[] {0, 0, 0, 0, 0x48, 0, 0, 0x04, 0x60, 0, 0, 0}, image);
        assertThrows(IllegalArgumentException.class,
                () -> new AsmBuffer().emit(0).emit(0).writeTo(new byte[12], 8, ByteOrder.BIG_ENDIAN));
        assertThrows(IllegalArgumentException.class,
                () -> new AsmBuffer().emit(0).writeTo(new byte[12], -4, ByteOrder.BIG_ENDIAN));
    }

    @Test
    void shouldGrowPastItsInitialCapacity() {
        final AsmBuffer asm = new AsmBuffer();
        for (int i = 0; i < 1000; i++) {
            asm.emit(PpcAsm.li(3, i));
        }

        final int[] words = asm.words();
        assertEquals(1000, words.length);
        assertEquals(PpcAsm.li(3, 999), words[999]);
    }

    @Test
    void shouldRejectUnboundLabelNamingIt() {
        final AsmBuffer asm = new AsmBuffer().emit(PpcAsm.nop()).b("nowhere");

        final IllegalStateException e = assertThrows(IllegalStateException.class, asm::words);
        assertTrue(e.getMessage().contains("'nowhere'") && e.getMessage().contains("byte offset 4"), e.getMessage());
    }

    @Test
    void shouldRejectDuplicateLabel() {
        final AsmBuffer asm = new AsmBuffer().label("x").emit(PpcAsm.nop());

        assertThrows(IllegalArgumentException.class, () -> asm.label("x"));
        assertThrows(IllegalArgumentException.class, () -> asm.label(" "));
        assertThrows(IllegalArgumentException.class, () -> asm.offsetOf("y"));
    }

    @Test
    void shouldRejectConditionalBranchOutOfReach() {
        final AsmBuffer asm = new AsmBuffer().beq(0, "far");
        for (int i = 0; i < 0x2000; i++) {
            asm.emit(PpcAsm.nop());
        }
        asm.label("far");

        final IllegalStateException e = assertThrows(IllegalStateException.class, asm::words);
        assertTrue(e.getMessage().contains("'far'") && e.getMessage().contains("BD offset"), e.getMessage());
    }

    @Test
    void shouldCheckBranchOperandsWhenTheBranchIsAdded() {
        final AsmBuffer asm = new AsmBuffer();

        assertThrows(IllegalArgumentException.class, () -> asm.bc(21, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> asm.beq(8, "x"));
        assertEquals(0, asm.position());
    }
}
