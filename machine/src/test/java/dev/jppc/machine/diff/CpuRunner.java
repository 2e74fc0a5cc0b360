package dev.jppc.machine.diff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.StopReason;
import dev.jppc.core.asm.PpcAsm;
import dev.jppc.machine.elf.ElfException;
import dev.jppc.machine.elf.ElfImage;
import dev.jppc.mmu.GuestMemory;

/**
 * A fast Linux user-mode stand-in for the bulk of the differential suite in CI ({@link UserModeRunner}, the
 * real {@code jppc user}, runs the first seeds and the QEMU modes): the program runs on a jppc {@link Cpu} in
 * problem state (MSR[PR]=1, 64-bit, the program's byte order) with its segments at their addresses in real
 * mode, and the two system calls the programs make, write(1, ...) and exit_group, are answered here.
 *
 * <p>How: every interrupt vector holds {@code attn}, which stops the interpreter in hypervisor state. A stop
 * at the system call vector (0xC00) is served (r0 = 4 appends the bytes to stdout and returns the count in r3;
 * r0 = 234 ends the run) and the program resumes at SRR0 with MSR = SRR1, as a kernel's return does. A stop at
 * any other vector is reported as a failure naming the interrupt and the instruction: Linux would have sent a
 * signal there.
 */
final class CpuRunner implements GuestRunner {

    private static final long RAM_SIZE = 2L << 20;
    private static final long BUDGET = 2_000_000;
    private static final int SYS_WRITE = 4;
    private static final int SYS_EXIT_GROUP = 234;

    private final GuestMemory ram = new GuestMemory(RAM_SIZE);

    @Override
    public Output run(final DiffProgram program) {
        final ByteOrder order = program.order();
        ram.fill(0, RAM_SIZE, (byte) 0);
        final Cpu cpu = new Cpu(ram, true);
        final Interpreter interpreter = new Interpreter(cpu);
        cpu.attnEnabled = true;
        long msr = Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_PR | Cpu.MSR_ME | Cpu.MSR_FP | Cpu.MSR_VEC | Cpu.MSR_VSX;
        if (order == ByteOrder.LITTLE_ENDIAN) {
            msr |= Cpu.MSR_LE;
            cpu.spr[Spr.HID0] |= Interrupts.HID0_HILE;
            cpu.spr[Spr.LPCR] |= Interrupts.LPCR_ILE;
        }
        for (long vector = 0x100; vector < 0x1000; vector += 0x20) {
            ram.putInt(vector, PpcAsm.attn(), order);
        }
        try {
            final ElfImage image = ElfImage.parse(program.elf());
            image.loadInto(ram, address -> address);
            cpu.pc = image.entryDescriptor().map(d -> d.entry()).orElse(image.entry());
        } catch (final ElfException e) {
            return new Output(new byte[0], "cannot load the program: " + e.getMessage());
        }
        cpu.setMsr(msr);
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        while (true) {
            final StopReason reason = interpreter.run(BUDGET - cpu.instructions);
            if (reason != StopReason.ATTENTION) {
                return new Output(stdout.toByteArray(), "stopped: " + reason + " at pc " + Long.toHexString(cpu.pc));
            }
            final long vector = cpu.pc - 4;
            if (vector != Interrupts.SYSTEM_CALL) {
                final boolean hypervisor = Interrupts.isHypervisorInterrupt((int) vector);
                final long where = cpu.spr[hypervisor ? Spr.HSRR0 : Spr.SRR0];
                return new Output(stdout.toByteArray(), String.format("interrupt 0x%x at 0x%x (%08x)", vector, where,
                    ram.contains(where, 4) ? ram.getInt(where, order) : 0));
            }
            final long number = cpu.gpr[0];
            if (number == SYS_EXIT_GROUP) {
                return new Output(stdout.toByteArray(), cpu.gpr[3] == 0 ? null : "exit status " + cpu.gpr[3]);
            }
            if (number != SYS_WRITE || cpu.gpr[3] != 1 || cpu.gpr[5] < 0 || cpu.gpr[5] > RAM_SIZE
                || !ram.contains(cpu.gpr[4], (int) cpu.gpr[5])) {
                return new Output(stdout.toByteArray(), "unexpected system call " + number);
            }
            final byte[] bytes = new byte[(int) cpu.gpr[5]];
            ram.getBytes(cpu.gpr[4], bytes, 0, bytes.length);
            stdout.writeBytes(bytes);
            cpu.gpr[3] = bytes.length;
            cpu.pc = cpu.spr[Spr.SRR0];
            cpu.setMsr(msr);
        }
    }
}
