package dev.jppc.bench;

import static dev.jppc.core.asm.PpcAsm.add;
import static dev.jppc.core.asm.PpcAsm.ld;
import static dev.jppc.core.asm.PpcAsm.li;
import static dev.jppc.core.asm.PpcAsm.lis;
import static dev.jppc.core.asm.PpcAsm.mtctr;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.StopReason;
import dev.jppc.core.asm.AsmBuffer;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;

/**
 * The MMU's costs: a load that hits the TLB with translation on against the same load in real mode, a table
 * walk that hits in the primary group, and a guest loop touching more pages than the TLB holds.
 *
 * <p>The machine: 64 MiB of RAM, a 1 MiB hashed page table at 1 MiB (SDR1), one 256 MiB segment (VSID
 * 0x123) at EA 0, 4 KiB pages mapped one to one (EA = RA) for the code and 16 MiB of data at 16 MiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class MmuBenchmark {

    private static final long TABLE = 1L << 20;
    private static final int TABLE_LOG2 = 20;
    private static final long VSID = 0x123;
    private static final long CODE = 0x1_0000;
    private static final long DATA = 16L << 20;
    private static final int DATA_PAGES = 4096;
    private static final int LOADS = 1024;
    private static final long MSR_TRANSLATED = Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_ME | Cpu.MSR_IR | Cpu.MSR_DR;
    private static final long MSR_REAL = Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_ME;

    private Cpu cpu;
    private Interpreter interpreter;

    @Setup(Level.Trial)
    public void setUp() {
        final GuestMemory ram = new GuestMemory(64L << 20);
        cpu = new Cpu(ram, true);
        final HashMmu mmu = cpu.mmu;
        if (!mmu.setSdr1(TABLE | (TABLE_LOG2 - 18))) {
            throw new IllegalStateException("SDR1 refused");
        }
        // slbmte: RS = VSID << 12 (256 MiB segment, 4 KiB base pages), RB = ESID 0 | V | index 0.
        if (!mmu.slbmte(VSID << 12, 0x0800_0000L)) {
            throw new IllegalStateException("slbmte refused");
        }
        final HashPageTable table = mmu.table();
        for (long page = CODE; page < CODE + 0x4000; page += 4096) {
            map(table, page);
        }
        for (int i = 0; i < DATA_PAGES; i++) {
            map(table, DATA + 4096L * i);
        }
        final byte[] code = pageLoop().toBytes(ByteOrder.BIG_ENDIAN);
        ram.putBytes(CODE, code, 0, code.length);
        interpreter = new Interpreter(cpu);
    }

    /** Maps the 4 KiB page at {@code ea} to the same real address, R and C already set, primary group. */
    private static void map(final HashPageTable table, final long ea) {
        final long hash = (VSID ^ (ea >>> 12)) & 0x7F_FFFF_FFFFL;
        final int group = (int) (hash & table.groupMask());
        final long avpn = (VSID << 5) | (ea >>> 23);
        for (int slot = 0; slot < 8; slot++) {
            final int index = group * 8 + slot;
            if ((table.v(index) & 1) == 0) {
                // r: RPN | R (0x100) | C (0x80) | PP=0b10 (read/write for Ks=0 supervisor)
                table.writeEntry(index, (avpn << 7) | 1, ea | 0x100 | 0x80 | 0x2);
                return;
            }
        }
        throw new IllegalStateException("group full");
    }

    /** for (;;) { for (i = 0; i < pages; i++) r5 = *(long *)(DATA + i * 4096); } */
    private static AsmBuffer pageLoop() {
        return new AsmBuffer()
            .label("outer")
            .emit(lis(3, (int) (DATA >>> 16)))
            .emit(li(4, 4096))
            .emit(li(6, DATA_PAGES))
            .emit(mtctr(6))
            .label("next")
            .emit(ld(5, 0, 3))
            .emit(add(3, 3, 4))
            .bdnz("next")
            .b("outer");
    }

    @Benchmark
    @OperationsPerInvocation(LOADS)
    public long loadRealMode() {
        cpu.setMsr(MSR_REAL);
        long sum = 0;
        for (int i = 0; i < LOADS; i++) {
            sum += cpu.load(DATA + ((i & 511) << 3), 8);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(LOADS)
    public long loadTranslatedTlbHit() {
        cpu.setMsr(MSR_TRANSLATED);
        long sum = 0;
        for (int i = 0; i < LOADS; i++) {
            sum += cpu.load(DATA + ((i & 511) << 3), 8);
        }
        return sum;
    }

    /** One hashed page table search that hits in the primary group (no TLB, no R/C change). */
    @Benchmark
    public long tableWalkPrimaryHit() {
        return cpu.mmu.translate(DATA + 4096L * 77, HashMmu.LOAD, MSR_TRANSLATED, false);
    }

    /** Guest code loading from 4096 pages in turn: every load misses the 1024-entry TLB and walks the table. */
    @Benchmark
    @OperationsPerInvocation(100_000)
    public long guestLoopManyPages() {
        cpu.setMsr(MSR_TRANSLATED);
        if (cpu.pc < CODE || cpu.pc >= CODE + 0x4000) {
            cpu.pc = CODE;
        }
        final StopReason reason = interpreter.run(100_000);
        if (reason != StopReason.BUDGET) {
            throw new IllegalStateException("stopped: " + reason + " vector 0x"
                + Integer.toHexString(cpu.lastRaisedVector()));
        }
        return cpu.instructions;
    }
}
