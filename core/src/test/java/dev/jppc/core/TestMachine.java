package dev.jppc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteOrder;

import dev.jppc.mmu.GuestMemory;

/**
 * A small machine for instruction tests: 1 MiB of RAM, a CPU in real mode, and a branch-to-self at every
 * interrupt vector so that a test can tell "the program ran to its end" from "interrupt X was taken".
 *
 * <p>{@link #run(int...)} places the words at {@link #CODE} in the CPU's byte order, follows them with a
 * branch-to-self, and runs the interpreter with a budget large enough for the words; the CPU then spins either
 * at the end of the program ({@link #assertCompleted()}) or at a vector ({@link #assertInterrupt(int)}). Vectors
 * are written in the byte order interrupts are taken in: LPCR[ILE] and HID0[HILE] follow the machine's order.
 */
public final class TestMachine {

    public static final long RAM_SIZE = 1 << 20;
    /** Where programs go: well above the interrupt vectors. */
    public static final long CODE = 0x1_0000;
    /** A scratch data area. */
    public static final long DATA = 0x2_0000;
    /** {@code b .} */
    public static final int BRANCH_TO_SELF = 0x4800_0000;

    /** One RAM per test thread, cleared for every machine: allocating 1 MiB off-heap per test would churn. */
    private static final ThreadLocal<GuestMemory> RAM = ThreadLocal.withInitial(() -> new GuestMemory(RAM_SIZE));

    public final GuestMemory ram;
    public final Cpu cpu;
    public final Interpreter interpreter;
    private final ByteOrder order;
    private long programEnd = -1;

    private TestMachine(final boolean hypervisorCapable, final boolean hypervisorState, final ByteOrder order) {
        this.order = order;
        ram = RAM.get();
        ram.fill(0, RAM_SIZE, (byte) 0);
        cpu = new Cpu(ram, hypervisorCapable);
        interpreter = new Interpreter(cpu);
        long msr = Cpu.MSR_SF | Cpu.MSR_ME | (hypervisorState ? Cpu.MSR_HV : 0);
        if (order == ByteOrder.LITTLE_ENDIAN) {
            msr |= Cpu.MSR_LE;
            cpu.spr[Spr.LPCR] |= Interrupts.LPCR_ILE;
            cpu.spr[Spr.HID0] |= Interrupts.HID0_HILE;
        }
        cpu.setMsr(msr);
        for (long vector = 0x100; vector < 0x1000; vector += 0x20) {
            ram.putInt(vector, BRANCH_TO_SELF, order);
        }
    }

    /** A partition's processor (no hypervisor state, as on pseries) in privileged state. */
    public static TestMachine supervisor(final ByteOrder order) {
        return new TestMachine(false, false, order);
    }

    /** A processor with hypervisor state (the bare machine), running in hypervisor state. */
    public static TestMachine hypervisor(final ByteOrder order) {
        return new TestMachine(true, true, order);
    }

    /** A processor with hypervisor state, running in privileged non-hypervisor state. */
    public static TestMachine hypervisorCapableSupervisor(final ByteOrder order) {
        return new TestMachine(true, false, order);
    }

    public ByteOrder order() {
        return order;
    }

    public boolean littleEndian() {
        return order == ByteOrder.LITTLE_ENDIAN;
    }

    // ---- state set-up ---------------------------------------------------------------------------------

    /** Problem state (MSR[PR]=1), set directly; real mode is kept since there is no MMU. */
    public TestMachine problemState() {
        cpu.setMsr(cpu.msr | Cpu.MSR_PR);
        return this;
    }

    /** 32-bit mode: MSR[SF]=0. */
    public TestMachine mode32() {
        cpu.setMsr(cpu.msr & ~Cpu.MSR_SF);
        return this;
    }

    public TestMachine msrBits(final long bits) {
        cpu.setMsr(cpu.msr | bits);
        return this;
    }

    public TestMachine gpr(final int n, final long value) {
        cpu.gpr[n] = value;
        return this;
    }

    public TestMachine xer(final long value) {
        cpu.setXer(value);
        return this;
    }

    public TestMachine cr(final int value) {
        cpu.cr = value;
        return this;
    }

    // ---- storage ---------------------------------------------------------------------------------------

    /** Writes instruction words at {@code address} in the CPU's byte order. */
    public TestMachine code(final long address, final int... words) {
        for (int i = 0; i < words.length; i++) {
            ram.putInt(address + 4L * i, words[i], order);
        }
        return this;
    }

    /** Writes {@code size} bytes of {@code value} at {@code address} in the CPU's byte order. */
    public TestMachine data(final long address, final int size, final long value) {
        switch (size) {
            case 1 -> ram.putByte(address, (byte) value);
            case 2 -> ram.putShort(address, (short) value, order);
            case 4 -> ram.putInt(address, (int) value, order);
            case 8 -> ram.putLong(address, value, order);
            default -> throw new IllegalArgumentException("size " + size);
        }
        return this;
    }

    /** Reads {@code size} bytes at {@code address} in the CPU's byte order, zero extended. */
    public long data(final long address, final int size) {
        return switch (size) {
            case 1 -> ram.getByte(address) & 0xFFL;
            case 2 -> ram.getShort(address, order) & 0xFFFFL;
            case 4 -> ram.getInt(address, order) & 0xFFFF_FFFFL;
            case 8 -> ram.getLong(address, order);
            default -> throw new IllegalArgumentException("size " + size);
        };
    }

    /** Writes {@code bytes} at {@code address} as they are. */
    public TestMachine bytes(final long address, final int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            ram.putByte(address + i, (byte) bytes[i]);
        }
        return this;
    }

    public int byteAt(final long address) {
        return ram.getByte(address) & 0xFF;
    }

    // ---- running ---------------------------------------------------------------------------------------

    /** Runs {@code words} placed at {@link #CODE}; the budget covers each word once plus a few spins. */
    public TestMachine run(final int... words) {
        return runWithBudget(words.length + 4, words);
    }

    /** Runs {@code words} placed at {@link #CODE} for at most {@code budget} instructions. */
    public TestMachine runWithBudget(final long budget, final int... words) {
        code(CODE, words);
        programEnd = CODE + 4L * words.length;
        code(programEnd, BRANCH_TO_SELF);
        cpu.pc = CODE;
        return resume(budget);
    }

    /** Continues from the current pc for at most {@code budget} instructions. */
    public TestMachine resume(final long budget) {
        final StopReason reason = interpreter.run(budget);
        if (reason == StopReason.INTERNAL_ERROR) {
            throw new AssertionError("interpreter failed at pc 0x" + Long.toHexString(cpu.pc),
                interpreter.internalError());
        }
        return this;
    }

    /** The address of the branch-to-self after the program. */
    public long programEnd() {
        return programEnd;
    }

    public TestMachine assertCompleted() {
        if (cpu.pc != programEnd) {
            fail(String.format("expected the program to complete at 0x%x but the CPU is at 0x%x "
                + "(last interrupt 0x%x, SRR0 0x%x, SRR1 0x%x, HSRR0 0x%x)", programEnd, cpu.pc,
                cpu.lastRaisedVector(), srr0(), srr1(), cpu.spr[Spr.HSRR0]));
        }
        return this;
    }

    public TestMachine assertInterrupt(final int vector) {
        assertEquals(vector, cpu.pc, () -> String.format("expected interrupt 0x%x, the CPU is at 0x%x (SRR0 0x%x)",
            vector, cpu.pc, srr0()));
        return this;
    }

    /** Asserts a program interrupt whose SRR0 is {@code address} and whose SRR1 reason is {@code reason}. */
    public TestMachine assertProgramInterrupt(final long address, final long reason) {
        assertInterrupt(Interrupts.PROGRAM);
        assertEquals(address, srr0(), "SRR0");
        assertEquals(reason, srr1() & ~Interrupts.SRR1_MSR_BITS, "SRR1 bits 33:36 and 42:47");
        return this;
    }

    /** Address of the {@code index}-th word of the program. */
    public static long at(final int index) {
        return CODE + 4L * index;
    }

    /**
     * Parses a test-table value: {@code MAX} and {@code MIN} (the 64-bit extremes), a {@code 0x} hexadecimal
     * bit pattern of up to 64 bits, or a signed decimal.
     */
    public static long value(final String text) {
        final String t = text.trim().replace("_", "");
        return switch (t) {
            case "MAX" -> Long.MAX_VALUE;
            case "MIN" -> Long.MIN_VALUE;
            default -> t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        };
    }

    // ---- results ---------------------------------------------------------------------------------------

    public long gpr(final int n) {
        return cpu.gpr[n];
    }

    public long srr0() {
        return cpu.spr[Spr.SRR0];
    }

    public long srr1() {
        return cpu.spr[Spr.SRR1];
    }

    /** CR field 0 as LT GT EQ SO (8 4 2 1). */
    public int cr0() {
        return cpu.cr >>> 28;
    }

    /** CR field {@code n} as LT GT EQ SO (8 4 2 1). */
    public int crField(final int n) {
        return (cpu.cr >>> (28 - 4 * n)) & 0xF;
    }
}
