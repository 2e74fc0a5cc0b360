package dev.jppc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;
import dev.jppc.core.decode.OpWords;
import dev.jppc.core.spi.MmioDevice;
import dev.jppc.mmu.GuestMemory;

/**
 * Random instruction words on small machines: whatever the words, {@link Interpreter#run(long)} must return,
 * never with {@link StopReason#INTERNAL_ERROR} (the interpreter's conversion of any Java exception) and never by
 * throwing. Writes outside RAM cannot go unnoticed: {@link GuestMemory} throws on them, which surfaces as an
 * internal error.
 *
 * <p>Each case is a fresh processor (with or without hypervisor state, in problem or privileged state, big- or
 * little-endian, 64- or 32-bit mode, sometimes with relocation on) on 1 MiB of RAM with a device window
 * above it; registers hold addresses inside RAM, at its edges, near the device and far outside, and odd
 * values. Half of the words are uniformly random, half are implemented instructions with random fields.
 * The interrupt vectors hold random words too, so interrupts lead to more random code.
 *
 * <p>The seed is printed; rerun one with {@code -Djppc.fuzz.seed=N} (and {@code -Djppc.fuzz.words=N}).
 */
class InterpreterFuzzTest {

    private static final long RAM_SIZE = 1 << 20;
    private static final long DEVICE_BASE = 0x4000_0000L;
    private static final long DEVICE_SIZE = 0x1_0000;
    private static final int WORDS_PER_CASE = 32;
    private static final long DEFAULT_SEED = 0x6A70_7063_2026L;
    private static final Op[] OPS = Arrays.stream(Op.values()).filter(op -> op != Op.ILLEGAL).toArray(Op[]::new);
    private static final long[] ODD_VALUES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0x7FFF_FFFFL, 0x8000_0000L,
        0xFFFF_FFFFL, 0x1_0000_0000L, RAM_SIZE, RAM_SIZE - 1, RAM_SIZE - 8, DEVICE_BASE, DEVICE_BASE + DEVICE_SIZE - 4,
        0xF000_0000_0000_0000L, 0xFFFF_FFFF_FFFF_FFF0L, 0xFFFF_FFF0L};

    /** A fixed default seed keeps the default build reproducible; the slow run takes a new seed each time. */
    @Test
    void shouldSurviveAMillionRandomWords() {
        final long seed = Long.getLong("jppc.fuzz.seed", DEFAULT_SEED);
        // A hang in run() is a failure too, not a stuck build.
        assertTimeoutPreemptively(Duration.ofMinutes(3),
            () -> fuzz(seed, Long.getLong("jppc.fuzz.words", 1_000_000L)));
    }

    @Test
    @Tag("slow")
    void shouldSurviveAHundredMillionRandomWords() {
        final long seed = Long.getLong("jppc.fuzz.seed", System.nanoTime());
        assertTimeoutPreemptively(Duration.ofHours(2),
            () -> fuzz(seed, Long.getLong("jppc.fuzz.words", 100_000_000L)));
    }

    /**
     * Runs cases until {@code words} random words have been placed and as many instructions have completed
     * (many random words fault, and a fault delivers an interrupt instead of completing).
     */
    private static void fuzz(final long seed, final long words) {
        System.out.printf("InterpreterFuzzTest: seed %d (-Djppc.fuzz.seed=%d), %d words%n", seed, seed, words);
        final long started = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(seed);
        final GuestMemory ram = new GuestMemory(RAM_SIZE);
        for (long a = 0; a < RAM_SIZE; a += 8) {
            ram.putLong(a, random.nextLong(), ByteOrder.BIG_ENDIAN);
        }
        final Device device = new Device(random.split());
        final int[] code = new int[WORDS_PER_CASE];
        final long[] reasons = new long[StopReason.values().length];
        long placed = 0;
        long completed = 0;
        long n = 0;
        for (; placed < words || completed < words; n++) {
            if (n % 64 == 0) {
                randomiseVectors(ram, random);
            }
            final Cpu cpu = randomCpu(ram, random, device);
            for (int i = 0; i < code.length; i++) {
                code[i] = randomWord(random);
                ram.putInt(cpu.pc + 4L * i, code[i], cpu.order);
            }
            if (n % 8 == 0) {
                // The disassembler (used by traces and the monitor) must cope with any word too.
                Disassembler.disassemble(code[0], cpu.pc);
            }
            final StopReason reason = runCase(seed, n, cpu, code, n % 256 == 0);
            reasons[reason.ordinal()]++;
            placed += code.length;
            completed += cpu.instructions;
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("InterpreterFuzzTest: %d cases, %d words placed, %d instructions completed, stops %s,"
            + " %.1f s%n", n, placed, completed, summary(reasons), seconds);
        assertEquals(0, reasons[StopReason.INTERNAL_ERROR.ordinal()]);
    }

    private static StopReason runCase(final long seed, final long n, final Cpu cpu, final int[] code,
                                      final boolean traced) {
        final long pc = cpu.pc;
        final long msr = cpu.msr;
        final Interpreter interpreter = new Interpreter(cpu);
        if (traced) {
            interpreter.setTrace(new PrintStream(OutputStream.nullOutputStream()));
        }
        final StopReason reason;
        try {
            reason = interpreter.run(2L * WORDS_PER_CASE);
        } catch (final Throwable t) {
            throw new AssertionError(describe(seed, n, pc, msr, code) + ": run threw", t);
        }
        if (reason == StopReason.INTERNAL_ERROR) {
            throw new AssertionError(describe(seed, n, pc, msr, code) + ": internal error",
                interpreter.internalError());
        }
        if ((cpu.pc & 3) != 0 || cpu.xerByteCount > 127 || cpu.xerSo > 1 || cpu.xerCa > 1) {
            fail(describe(seed, n, pc, msr, code) + String.format(": inconsistent state, pc 0x%x XER 0x%x", cpu.pc,
                cpu.xer()));
        }
        return reason;
    }

    // ---- random machines ----------------------------------------------------------------------------------

    private static Cpu randomCpu(final GuestMemory ram, final SplittableRandom random, final Device device) {
        final boolean hypervisorCapable = random.nextBoolean();
        final Cpu cpu = new Cpu(ram, hypervisorCapable);
        cpu.mmio.map(DEVICE_BASE, DEVICE_SIZE, device);
        cpu.attnEnabled = random.nextInt(4) == 0;
        if (!hypervisorCapable && random.nextBoolean()) {
            cpu.hypervisor = c -> c.gpr[3] = c.gpr[4] ^ c.gpr[5];
        }
        cpu.setMsr(randomMsr(random, hypervisorCapable));
        for (int r = 0; r < 32; r++) {
            cpu.gpr[r] = randomValue(random);
        }
        cpu.cr = random.nextInt();
        cpu.setXer(random.nextLong());
        cpu.lr = randomValue(random);
        cpu.ctr = random.nextInt(4) == 0 ? random.nextInt(4) : randomValue(random);
        for (final int spr : new int[] {Spr.SRR0, Spr.SRR1, Spr.HSRR0, Spr.HSRR1, Spr.TAR, Spr.AMOR, Spr.UAMOR,
            Spr.SPRG0, Spr.DAR}) {
            cpu.spr[spr] = randomValue(random);
        }
        cpu.spr[Spr.LPCR] = random.nextLong() & (Interrupts.LPCR_ILE | Interrupts.LPCR_HDICE | (3L << 23));
        cpu.spr[Spr.HID0] = random.nextBoolean() ? Interrupts.HID0_HILE : 0;
        if (random.nextInt(4) == 0) {
            cpu.setDecrementer(random.nextInt(2 * WORDS_PER_CASE));
        }
        if (hypervisorCapable && random.nextInt(4) == 0) {
            cpu.setHypervisorDecrementer(random.nextInt(2 * WORDS_PER_CASE));
        }
        cpu.externalInterrupt = random.nextInt(16) == 0;
        cpu.pc = random.nextLong(RAM_SIZE / 4 - WORDS_PER_CASE) * 4;
        return cpu;
    }

    private static long randomMsr(final SplittableRandom random, final boolean hypervisorCapable) {
        long msr = random.nextLong() & (Cpu.MSR_FP | Cpu.MSR_VEC | Cpu.MSR_VSX | Cpu.MSR_FE0 | Cpu.MSR_FE1
            | Cpu.MSR_RI | Cpu.MSR_SE | Cpu.MSR_BE | Cpu.MSR_PMM);
        if (random.nextInt(8) != 0) {
            msr |= Cpu.MSR_SF;
        }
        if (random.nextBoolean()) {
            msr |= Cpu.MSR_LE;
        }
        if (random.nextBoolean()) {
            msr |= Cpu.MSR_PR;
        }
        if (hypervisorCapable && random.nextBoolean()) {
            msr |= Cpu.MSR_HV;
        }
        if (random.nextInt(8) != 0) {
            msr |= Cpu.MSR_ME;
        }
        if (random.nextBoolean()) {
            msr |= Cpu.MSR_EE;
        }
        if (random.nextInt(16) == 0) {
            msr |= Cpu.MSR_IR | Cpu.MSR_DR;
        }
        return msr;
    }

    /** Mostly addresses in RAM (for loads, stores and branches), else its edges, the device, or anything. */
    private static long randomValue(final SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> random.nextLong(RAM_SIZE);
            case 4 -> (random.nextLong(RAM_SIZE) & ~0xFL) | 0xFFFF_FFFF_0000_0000L;
            case 5 -> ODD_VALUES[random.nextInt(ODD_VALUES.length)] + random.nextInt(-16, 17);
            case 6 -> random.nextInt(-64, 65);
            default -> random.nextLong();
        };
    }

    /** Half uniformly random words, half implemented instructions with random fields. */
    private static int randomWord(final SplittableRandom random) {
        if (random.nextBoolean()) {
            return random.nextInt();
        }
        return OpWords.withExtended(OPS[random.nextInt(OPS.length)], random.nextInt());
    }

    private static void randomiseVectors(final GuestMemory ram, final SplittableRandom random) {
        final ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        for (long a = 0; a < 0x1000; a += 4) {
            ram.putInt(a, randomWord(random), order);
        }
    }

    private static String describe(final long seed, final long n, final long pc, final long msr, final int[] code) {
        final StringBuilder text = new StringBuilder(String.format("seed %d case %d: pc 0x%x msr 0x%x words", seed,
            n, pc, msr));
        for (final int word : code) {
            text.append(String.format(" %08x", word));
        }
        return text.toString();
    }

    private static String summary(final long[] reasons) {
        final StringBuilder text = new StringBuilder();
        for (final StopReason reason : StopReason.values()) {
            if (reasons[reason.ordinal()] != 0) {
                text.append(text.length() == 0 ? "" : ", ").append(reason).append('=')
                    .append(reasons[reason.ordinal()]);
            }
        }
        return text.toString();
    }

    /** A device window that reads random values and ignores writes, as a device must never throw. */
    private static final class Device implements MmioDevice {
        private final SplittableRandom random;

        Device(final SplittableRandom random) {
            this.random = random;
        }

        @Override
        public long read(final long offset, final int size) {
            if (offset < 0 || offset + size > DEVICE_SIZE) {
                throw new IllegalStateException("device access outside its window at offset " + offset);
            }
            return random.nextLong() >>> (64 - 8 * size);
        }

        @Override
        public void write(final long offset, final int size, final long value) {
            if (offset < 0 || offset + size > DEVICE_SIZE) {
                throw new IllegalStateException("device access outside its window at offset " + offset);
            }
        }
    }
}
