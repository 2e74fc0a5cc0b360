package dev.jppc.machine.bench;

import static dev.jppc.core.asm.PpcAsm.add;
import static dev.jppc.core.asm.PpcAsm.addi;
import static dev.jppc.core.asm.PpcAsm.andi_;
import static dev.jppc.core.asm.PpcAsm.cmpd;
import static dev.jppc.core.asm.PpcAsm.cmpdi;
import static dev.jppc.core.asm.PpcAsm.cmpld;
import static dev.jppc.core.asm.PpcAsm.lbzx;
import static dev.jppc.core.asm.PpcAsm.ld;
import static dev.jppc.core.asm.PpcAsm.ldx;
import static dev.jppc.core.asm.PpcAsm.li;
import static dev.jppc.core.asm.PpcAsm.lis;
import static dev.jppc.core.asm.PpcAsm.mr;
import static dev.jppc.core.asm.PpcAsm.mtctr;
import static dev.jppc.core.asm.PpcAsm.mulld;
import static dev.jppc.core.asm.PpcAsm.ori;
import static dev.jppc.core.asm.PpcAsm.oris;
import static dev.jppc.core.asm.PpcAsm.sldi;
import static dev.jppc.core.asm.PpcAsm.srdi;
import static dev.jppc.core.asm.PpcAsm.stbx;
import static dev.jppc.core.asm.PpcAsm.std;
import static dev.jppc.core.asm.PpcAsm.stdx;
import static dev.jppc.core.asm.PpcAsm.xor;
import static dev.jppc.core.asm.PpcAsm.xori;
import static dev.jppc.core.asm.PpcAsm.xoris;

import java.nio.ByteOrder;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.StopReason;
import dev.jppc.core.asm.AsmBuffer;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.HptHash;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.PageSizes;

/**
 * The bundled integer benchmark, repeated forever: a bitwise CRC-32 and an FNV-1a hash over a 4 KiB buffer,
 * then 64 numbers from a linear congruential generator sorted by insertion sort. It mixes byte and doubleword
 * loads and stores, logical ops, shifts, multiplies, compares and taken/untaken branches, as compiled integer
 * code does. After each round it stores the CRC, the hash, the smallest and largest number and the round
 * count at {@link #RESULTS}, which {@link #expectedResults} computes in Java for tests.
 *
 * <p>It runs on a bare CPU in hypervisor state, in real mode or with translation on: one 256 MiB segment of
 * 64 KiB pages mapped one to one by a hashed page table in RAM, the way issue 8 measures speed.
 */
public final class IntegerWorkload {

    /** How addresses are translated while the workload runs. */
    public enum Translation {
        /** MSR[IR]=MSR[DR]=0. */
        REAL,
        /** MSR[IR]=MSR[DR]=1, 64 KiB pages through the hashed page table. */
        PAGED_64K
    }

    public static final long CODE = 0x1000;
    public static final long BUFFER = 0x1_0000;
    public static final int LENGTH = 4096;
    public static final long NUMBERS = 0x2_0000;
    public static final int COUNT = 64;
    public static final long RESULTS = 0x3_0000;
    private static final long RAM_SIZE = 1 << 20;
    private static final long TABLE = 0x8_0000;
    private static final int TABLE_LOG2 = 18;
    private static final long MAPPED = 0x8_0000;
    private static final long VSID = 0x5A5;
    private static final long LCG_MULTIPLIER = 0x5851_F42D_4C95_7F2DL;
    private static final long LCG_INCREMENT = 12345;
    private static final long FNV_PRIME = 0x100_0000_01B3L;

    private final Cpu cpu;
    private final Interpreter interpreter;

    public IntegerWorkload(final ByteOrder order) {
        this(order, Translation.REAL);
    }

    public IntegerWorkload(final ByteOrder order, final Translation translation) {
        final GuestMemory ram = new GuestMemory(RAM_SIZE);
        final byte[] code = program().toBytes(order);
        ram.putBytes(CODE, code, 0, code.length);
        cpu = new Cpu(ram, true);
        long msr = Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_ME | (order == ByteOrder.LITTLE_ENDIAN ? Cpu.MSR_LE : 0);
        if (translation == Translation.PAGED_64K) {
            mapOneToOne(cpu.mmu);
            msr |= Cpu.MSR_IR | Cpu.MSR_DR;
        }
        cpu.setMsr(msr);
        cpu.pc = CODE;
        interpreter = new Interpreter(cpu);
    }

    /** One 256 MiB segment (ESID 0) of 64 KiB pages; every page below {@link #MAPPED} maps to itself. */
    private static void mapOneToOne(final HashMmu mmu) {
        if (!mmu.setSdr1(TABLE | (TABLE_LOG2 - 18)) || !mmu.slbmte((VSID << 12) | PageSizes.SLB_64K, 0x0800_0000L)) {
            throw new IllegalStateException("the MMU refused the workload's SDR1 or SLB entry");
        }
        final HashPageTable table = mmu.table();
        for (long ea = 0; ea < MAPPED; ea += 1 << PageSizes.SHIFT_64K) {
            final int group = HptHash.primaryGroup(HptHash.hash256M(VSID, ea, PageSizes.SHIFT_64K),
                table.groupMask());
            final long avpn = (VSID << 5) | (ea >>> 23);
            // LP 0b0000_0001 in the low RPN bits: a 64 KiB page in a 64 KiB segment; R and C set, PP 0b10.
            table.writeEntry(group * Hpte.PER_GROUP, (avpn << 7) | Hpte.V_LARGE | Hpte.V_VALID,
                ea | 0x1000 | Hpte.R_REFERENCED | Hpte.R_CHANGED | 0x2);
        }
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
            // r11 = FNV-1a 64-bit prime, r20 = results, r21 = rounds, r22 = numbers, r23 = LCG state,
            // r24 = LCG multiplier, r25 = LCG increment, r26 = COUNT
            .emit(li(11, 1))
            .emit(sldi(11, 11, 40))
            .emit(ori(11, 11, 0x1b3))
            .emit(lis(20, (int) (RESULTS >>> 16)))
            .emit(li(21, 0))
            .emit(lis(22, (int) (NUMBERS >>> 16)))
            .emit(li(23, 1))
            .emit(lis(24, (int) (LCG_MULTIPLIER >>> 48)))
            .emit(ori(24, 24, (int) (LCG_MULTIPLIER >>> 32) & 0xFFFF))
            .emit(sldi(24, 24, 32))
            .emit(oris(24, 24, (int) (LCG_MULTIPLIER >>> 16) & 0xFFFF))
            .emit(ori(24, 24, (int) LCG_MULTIPLIER & 0xFFFF))
            .emit(li(25, (int) LCG_INCREMENT))
            .emit(li(26, COUNT))
            .label("outer")
            // CRC-32 (reflected, bit by bit) in r5 and FNV-1a in r10 over the buffer
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
            // COUNT numbers from the LCG
            .emit(li(6, 0))
            .label("generate")
            .emit(mulld(23, 23, 24))
            .emit(add(23, 23, 25))
            .emit(sldi(7, 6, 3))
            .emit(stdx(23, 22, 7))
            .emit(addi(6, 6, 1))
            .emit(cmpld(6, 26))
            .blt(0, "generate")
            // insertion sort, signed: for (i = 1; i < COUNT; i++) { key = a[i]; j = i;
            //   while (j > 0 && a[j-1] > key) { a[j] = a[j-1]; j--; } a[j] = key; }
            .emit(li(6, 1))
            .label("insert")
            .emit(sldi(7, 6, 3))
            .emit(ldx(8, 22, 7))
            .emit(mr(9, 6))
            .label("shift")
            .emit(cmpdi(9, 0))
            .beq(0, "place")
            .emit(addi(12, 9, -1))
            .emit(sldi(13, 12, 3))
            .emit(ldx(14, 22, 13))
            .emit(cmpd(14, 8))
            .ble(0, "place")
            .emit(sldi(15, 9, 3))
            .emit(stdx(14, 22, 15))
            .emit(mr(9, 12))
            .b("shift")
            .label("place")
            .emit(sldi(15, 9, 3))
            .emit(stdx(8, 22, 15))
            .emit(addi(6, 6, 1))
            .emit(cmpld(6, 26))
            .blt(0, "insert")
            // results
            .emit(std(5, 0, 20))
            .emit(std(10, 8, 20))
            .emit(ld(7, 0, 22))
            .emit(std(7, 16, 20))
            .emit(ld(7, 8 * (COUNT - 1), 22))
            .emit(std(7, 24, 20))
            .emit(addi(21, 21, 1))
            .emit(std(21, 32, 20))
            .b("outer");
        return a;
    }

    /**
     * What the program stores at {@link #RESULTS} after {@code rounds} rounds: CRC, hash, smallest and largest
     * number of the last round, and the round count.
     */
    public static long[] expectedResults(final int rounds) {
        long crc = -1;
        long hash = 0xFFFF_FFFF_CBF2_0000L;
        for (int i = 0; i < LENGTH; i++) {
            final long b = (i * i + 3) & 0xFF;
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) {
                final boolean low = (crc & 1) != 0;
                crc >>>= 1;
                if (low) {
                    crc ^= 0xEDB8_8320L;
                }
            }
            hash = (hash ^ b) * FNV_PRIME;
        }
        long state = 1;
        final long[] numbers = new long[COUNT];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < COUNT; i++) {
                state = state * LCG_MULTIPLIER + LCG_INCREMENT;
                numbers[i] = state;
            }
        }
        java.util.Arrays.sort(numbers);
        return new long[] {crc, hash, numbers[0], numbers[COUNT - 1], rounds};
    }

    /** The five result doublewords the guest stored (in its byte order). */
    public long[] results() {
        final long[] out = new long[5];
        for (int i = 0; i < out.length; i++) {
            out[i] = cpu.ram.getLong(RESULTS + 8L * i, cpu.order);
        }
        return out;
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

    public Interpreter interpreter() {
        return interpreter;
    }
}
