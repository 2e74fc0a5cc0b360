package dev.jppc.machine.monitor;

import static dev.jppc.core.asm.PpcAsm.attn;
import static dev.jppc.core.asm.PpcAsm.isync;
import static dev.jppc.core.asm.PpcAsm.li;
import static dev.jppc.core.asm.PpcAsm.lis;
import static dev.jppc.core.asm.PpcAsm.lwz;
import static dev.jppc.core.asm.PpcAsm.mfmsr;
import static dev.jppc.core.asm.PpcAsm.mtmsrd;
import static dev.jppc.core.asm.PpcAsm.mtsdr1;
import static dev.jppc.core.asm.PpcAsm.ori;
import static dev.jppc.core.asm.PpcAsm.oris;
import static dev.jppc.core.asm.PpcAsm.ptesync;
import static dev.jppc.core.asm.PpcAsm.sldi;
import static dev.jppc.core.asm.PpcAsm.slbmte;
import static dev.jppc.core.asm.PpcAsm.std;
import static dev.jppc.core.asm.PpcAsm.stw;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.jppc.core.asm.AsmBuffer;
import dev.jppc.machine.Machine;
import dev.jppc.machine.MachineConfig;
import dev.jppc.machine.MachineException;
import dev.jppc.machine.MachineType;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.HptHash;

/**
 * A big-endian bare-machine guest built in Java that exercises the hashed MMU: it points SDR1 at a 256 KiB table,
 * writes five HPTEs with std, loads two SLB entries, turns on instruction and data relocation, stores to a
 * read-write page, loads from a read-only page and from a page mapped through its secondary group, and stops with
 * {@code attn} (r3 = 0) with translation still on.
 *
 * <pre>
 *   segment 0: ESID 0, VSID 0x10, 4K base pages      code page 0x100000 -> 0x100000 (bolted)
 *   segment 1: ESID 1, VSID 0x20, 64K base pages     0x10000000 -> 0x200000 read-write
 *                                                    0x10010000 -> 0x210000 read-only (PP0||PP = 110)
 *                                                    0x10020000 -> 0x220000 read-write, secondary group
 *                                                    0x10030000 and beyond: not mapped
 * </pre>
 */
final class MmuTestGuest {

    static final long CODE = 0x10_0000L;
    static final long TABLE = 0x40_0000L;
    static final long DATA_EA = 0x1000_0000L;
    static final long READ_ONLY_EA = 0x1001_0000L;
    static final long SECONDARY_EA = 0x1002_0000L;
    static final long UNMAPPED_EA = 0x1003_0000L;
    static final long DATA_RA = 0x20_0000L;
    static final long READ_ONLY_RA = 0x21_0000L;
    static final long SECONDARY_RA = 0x22_0000L;
    static final long CODE_VSID = 0x10;
    static final long DATA_VSID = 0x20;
    /** The word the guest stores at DATA_EA + 0x10. */
    static final int STORED = 0x1234;

    private static final int GROUP_MASK = (1 << (18 - 7)) - 1;
    private static final long SLB_KP = 0x400;
    private static final long SLB_64K = 0x110;
    private static final long MEMORY_COHERENT = 0x10;

    private MmuTestGuest() {
    }

    /** A bare machine with this guest loaded, its console going to {@code console}. */
    static Machine machine(final OutputStream console) throws MachineException {
        return Machine.create(new MachineConfig().type(MachineType.BARE).memory(32L << 20).image(elf(program()))
            .console(console));
    }

    /** A bare machine running an endless loop at its entry, for interrupting. */
    static Machine loop(final OutputStream console) throws MachineException {
        final AsmBuffer a = new AsmBuffer().label("top").emit(ori(0, 0, 0)).b("top");
        return Machine.create(new MachineConfig().type(MachineType.BARE).memory(32L << 20).image(elf(a))
            .console(console));
    }

    static AsmBuffer program() {
        final AsmBuffer a = new AsmBuffer();
        load(a, 4, TABLE);
        a.emit(mtsdr1(4));
        hpte(a, 0, CODE_VSID, CODE, 12, CODE, Hpte.V_BOLTED, 0, false);
        hpte(a, 1, DATA_VSID, DATA_EA, 16, DATA_RA, 0, 0, false);
        hpte(a, 1, DATA_VSID, READ_ONLY_EA, 16, READ_ONLY_RA, 0, Hpte.R_PP0 | 0x2, false);
        hpte(a, 1, DATA_VSID, SECONDARY_EA, 16, SECONDARY_RA, 0, 0, true);
        a.emit(ptesync());
        load(a, 5, (CODE_VSID << 12) | SLB_KP);
        load(a, 6, 0x0800_0000L);
        a.emit(slbmte(5, 6));
        load(a, 5, (DATA_VSID << 12) | SLB_KP | SLB_64K);
        load(a, 6, DATA_EA | 0x0800_0000L | 1);
        a.emit(slbmte(5, 6))
            .emit(isync())
            .emit(mfmsr(5))
            .emit(ori(5, 5, 0x30))
            .emit(mtmsrd(5))
            .emit(isync());
        load(a, 8, DATA_EA);
        a.emit(li(9, STORED)).emit(stw(9, 0x10, 8));
        load(a, 8, READ_ONLY_EA);
        a.emit(lwz(10, 0, 8));
        load(a, 8, SECONDARY_EA);
        a.emit(lwz(11, 0, 8))
            .emit(li(3, 0))
            .emit(attn());
        return a;
    }

    /**
     * Emits the stores of one HPTE mapping {@code ea} (segment of {@code vsid}, 256M, base = actual size
     * {@code shift}) to {@code realPage}; the slot is the segment number (no two mappings here share a group).
     */
    private static void hpte(final AsmBuffer a, final int slot, final long vsid, final long ea, final int shift,
                             final long realPage, final long software, final long protection,
                             final boolean secondary) {
        final long offset = ea & 0x0FFF_FFFFL;
        final long hash = HptHash.hash256M(vsid, offset, shift);
        final int group = secondary ? HptHash.secondaryGroup(hash, GROUP_MASK) : HptHash.primaryGroup(hash, GROUP_MASK);
        final boolean large = shift != 12;
        final long v = HptHash.wantedV(vsid << 12, false, offset, shift, secondary) | software
            | (large ? Hpte.V_LARGE : 0);
        // 64K base and actual: penc 0x01 at bit 12 of the real page number.
        final long r = realPage | (large ? 0x1000 : 0) | MEMORY_COHERENT | protection;
        load(a, 7, TABLE + (long) HptHash.entryIndex(group, slot) * Hpte.BYTES);
        load(a, 5, v);
        load(a, 6, r);
        a.emit(std(6, 8, 7)).emit(std(5, 0, 7));
    }

    private static void load(final AsmBuffer a, final int rt, final long value) {
        a.emit(lis(rt, (int) (value >>> 48) & 0xFFFF))
            .emit(ori(rt, rt, (int) (value >>> 32) & 0xFFFF))
            .emit(sldi(rt, rt, 32))
            .emit(oris(rt, rt, (int) (value >>> 16) & 0xFFFF))
            .emit(ori(rt, rt, (int) value & 0xFFFF));
    }

    /** A big-endian ELF64 (ELFv2 flags) with one PT_LOAD segment at {@link #CODE}, entered at its start. */
    private static byte[] elf(final AsmBuffer program) {
        final byte[] code = program.toBytes(ByteOrder.BIG_ENDIAN);
        final int headers = 64 + 56;
        final ByteBuffer file = ByteBuffer.allocate(headers + code.length).order(ByteOrder.BIG_ENDIAN);
        file.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 2, 1});
        file.putShort(16, (short) 2).putShort(18, (short) 21).putInt(20, 1).putLong(24, CODE);
        file.putLong(32, 64).putLong(40, 0).putInt(48, 2).putShort(52, (short) 64);
        file.putShort(54, (short) 56).putShort(56, (short) 1);
        file.putInt(64, 1).putInt(68, 5).putLong(72, headers).putLong(80, CODE).putLong(88, CODE);
        file.putLong(96, code.length).putLong(104, code.length).putLong(112, 0x1_0000);
        file.put(headers, code);
        return file.array();
    }
}
