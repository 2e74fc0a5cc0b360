package dev.jppc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import dev.jppc.mmu.GuestMemory;

class InterpreterSmokeTest {

    @Test
    void shouldRunALoopAndStopAtAttn() {
        final GuestMemory ram = new GuestMemory(1 << 20);
        final int[] program = {
            0x38600000, // li r3,0
            0x38800064, // li r4,100
            0x7c8903a6, // mtctr r4
            0x38630002, // addi r3,r3,2
            0x4200fffc, // bdnz -4
            0x3863ff38, // addi r3,r3,-200
            0x00000200, // attn
        };
        for (int i = 0; i < program.length; i++) {
            ram.putInt(0x100 + 4L * i, program[i], ByteOrder.BIG_ENDIAN);
        }
        final Cpu cpu = new Cpu(ram, true);
        cpu.attnEnabled = true;
        cpu.setMsr(Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_ME);
        cpu.pc = 0x100;
        final StopReason reason = new Interpreter(cpu).run(10_000);
        assertEquals(StopReason.ATTENTION, reason);
        assertEquals(0, cpu.exitCode);
        assertEquals(0, cpu.gpr[3]);
        // li, li, mtctr, 100 x (addi, bdnz), addi, attn
        assertEquals(3 + 200 + 1 + 1, cpu.instructions);
    }
}
