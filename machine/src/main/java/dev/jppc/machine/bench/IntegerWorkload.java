package dev.jppc.machine.bench;

import static dev.jppc.core.asm.PpcAsm.addi;
import static dev.jppc.core.asm.PpcAsm.andi_;
import static dev.jppc.core.asm.PpcAsm.cmpld;
import static dev.jppc.core.asm.PpcAsm.lbzx;
import static dev.jppc.core.asm.PpcAsm.li;
import static dev.jppc.core.asm.PpcAsm.lis;
import static dev.jppc.core.asm.PpcAsm.mtctr;
import static dev.jppc.core.asm.PpcAsm.mulld;
import static dev.jppc.core.asm.PpcAsm.ori;
import static dev.jppc.core.asm.PpcAsm.oris;
import static dev.jppc.core.asm.PpcAsm.sldi;
import static dev.jppc.core.asm.PpcAsm.srdi;
import static dev.jppc.core.asm.PpcAsm.stbx;
import static dev.jppc.core.asm.PpcAsm.xor;
import static dev.jppc.core.asm.PpcAsm.xori;
import static dev.jppc.core.asm.PpcAsm.xoris;

import java.nio.ByteOrder;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.StopReason;
import dev.jppc.core.asm.AsmBuffer;
import dev.jppc.mmu.GuestMemory;

/**
 * The bundled integer benchmark: a bitwise CRC-32 and an FNV-1a hash over a 4 KiB buffer, repeated forever.
 * It mixes byte loads, logical ops, shifts, a multiply and taken/untaken branches, as compiled integer code
 * does. Runs in real mode on a bare CPU; {@code jppc bench} and the JMH benchmark both use it.
 */
public final class IntegerWorkload {

    public static final long CODE = 0x1000;
    public static final long BUFFER = 0x1_0000;
    public static final int LENGTH = 4096;

    private final Cpu cpu;
    private final Interpreter interpreter;

    public IntegerWorkload(final ByteOrder order) {
        final GuestMemory ram = new GuestMemory(1 << 20);
        final byte[] code = program().toBytes(order);
        ram.putBytes(CODE, code, 0, code.length);
        cpu = new Cpu(ram, true);
        cpu.setMsr(Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_ME | (order == ByteOrder.LITTLE_ENDIAN ? Cpu.MSR_LE : 0));
        cpu.pc = CODE;
        interpreter = new Interpreter(cpu);
    }

    static AsmBuffer program() {
        final AsmBuffer a = new AsmBuffer();
        a.emit(lis(3, (int) (BUFFER >>> 16)))
            .emit(li(4, LENGTH))
            .emit(li(6, 0))
            .label("fill")
            .emit(mulld(7, 6, 6))
            .emit(addi(7, 7, 3))
            .emit(stbx(7, 3, 6))
            .emit(addi(6, 6, 1))
            .emit(cmpld(6, 4))
            .blt(0, "fill")
            // FNV-1a 64-bit prime 0x100000001b3 in r11
            .emit(li(11, 1))
            .emit(sldi(11, 11, 40))
            .emit(ori(11, 11, 0x1b3))
            .label("outer")
            .emit(li(5, -1))
            .emit(lis(10, 0xcbf2))
            .emit(oris(10, 10, 0))
            .emit(li(6, 0))
            .label("byte")
            .emit(lbzx(7, 3, 6))
            .emit(xor(5, 5, 7))
            .emit(li(8, 8))
            .emit(mtctr(8))
            .label("bit")
            .emit(andi_(9, 5, 1))
            .emit(srdi(5, 5, 1))
            .beq(0, "skip")
            .emit(xoris(5, 5, 0xEDB8))
            .emit(xori(5, 5, 0x8320))
            .label("skip")
            .bdnz("bit")
            .emit(xor(10, 10, 7))
            .emit(mulld(10, 10, 11))
            .emit(addi(6, 6, 1))
            .emit(cmpld(6, 4))
            .blt(0, "byte")
            .b("outer");
        return a;
    }

    /** Runs {@code instructions} more guest instructions; returns how many ran. */
    public long run(final long instructions) {
        final long before = cpu.instructions;
        final StopReason reason = interpreter.run(instructions);
        if (reason != StopReason.BUDGET) {
            throw new IllegalStateException("workload stopped: " + reason, interpreter.internalError());
        }
        return cpu.instructions - before;
    }

    public Cpu cpu() {
        return cpu;
    }
}
