package dev.jppc.machine.monitor;

import java.util.ArrayList;
import java.util.List;

import dev.jppc.core.Cpu;
import dev.jppc.core.Spr;
import dev.jppc.core.decode.Disassembler;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.PageSizes;
import dev.jppc.mmu.hash.Slb;
import dev.jppc.mmu.hash.TranslationExplainer;
import dev.jppc.mmu.hash.TranslationExplanation;
import dev.jppc.mmu.hash.TranslationExplanation.Outcome;
import dev.jppc.mmu.tlb.Tlb;
import dev.jppc.mmu.tlb.TranslationMode;

/**
 * The monitor's views of a stopped machine: registers, SLB, page table, TLBs, memory. Reading never changes
 * the machine (instructions are fetched through the {@link TranslationExplainer}, not the CPU).
 */
final class MachineReports {

    /** Longest memory dump. */
    static final int MAX_DUMP = 4096;
    /** Valid HPTEs {@code info hpt} lists without {@code all}. */
    static final int HPTE_LIST_LIMIT = 32;

    /** MSR bits by name, most significant first (Book III-S "Machine State Register"). */
    private static final long[] MSR_BITS = {Cpu.MSR_SF, Cpu.MSR_HV, Cpu.MSR_VEC, Cpu.MSR_VSX, Cpu.MSR_EE,
        Cpu.MSR_PR, Cpu.MSR_FP, Cpu.MSR_ME, Cpu.MSR_FE0, Cpu.MSR_SE, Cpu.MSR_BE, Cpu.MSR_FE1, Cpu.MSR_IR,
        Cpu.MSR_DR, Cpu.MSR_PMM, Cpu.MSR_RI, Cpu.MSR_LE};
    private static final String[] MSR_NAMES = {"SF", "HV", "VEC", "VSX", "EE", "PR", "FP", "ME", "FE0", "SE",
        "BE", "FE1", "IR", "DR", "PMM", "RI", "LE"};

    private final Cpu cpu;
    private final TranslationExplainer explainer;

    MachineReports(final Cpu cpu) {
        this.cpu = cpu;
        this.explainer = new TranslationExplainer(cpu.mmu);
    }

    TranslationExplainer explainer() {
        return explainer;
    }

    /** The MSR's set bits by name, e.g. "SF HV ME IR DR". */
    static String msrNames(final long msr) {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < MSR_BITS.length; i++) {
            if ((msr & MSR_BITS[i]) != 0) {
                names.add(MSR_NAMES[i]);
            }
        }
        return names.isEmpty() ? "-" : String.join(" ", names);
    }

    /** "pc  0x...: word  disassembly", fetched without side effects. */
    String instructionAt(final long pc) {
        final Outcome where = explainer.explain(pc, HashMmu.FETCH, cpu.msr).outcome();
        final GuestMemory ram = cpu.ram;
        if (where.kind() != Outcome.Kind.RAM || !ram.contains(where.realAddress(), 4)) {
            return String.format("%016x: (not fetchable: %s)", pc, where.text());
        }
        final int word = ram.getInt(where.realAddress(), cpu.order);
        return String.format("%016x: %08x  %s", pc, word, Disassembler.disassemble(word, pc));
    }

    String registers() {
        final StringBuilder out = new StringBuilder();
        line(out, "pc   %s", instructionAt(cpu.pc));
        line(out, "msr  %016x  %s", cpu.msr, msrNames(cpu.msr));
        line(out, "cr   %08x          xer  %016x  lr   %016x  ctr  %016x", cpu.cr, cpu.xer(), cpu.lr, cpu.ctr);
        for (int i = 0; i < 32; i += 4) {
            line(out, "r%-3d %016x  r%-3d %016x  r%-3d %016x  r%-3d %016x", i, cpu.gpr[i], i + 1, cpu.gpr[i + 1],
                i + 2, cpu.gpr[i + 2], i + 3, cpu.gpr[i + 3]);
        }
        line(out, "srr0 %016x  srr1 %016x  dar  %016x  dsisr %08x", cpu.spr[Spr.SRR0], cpu.spr[Spr.SRR1],
            cpu.spr[Spr.DAR], cpu.spr[Spr.DSISR]);
        line(out, "sdr1 %016x  lpcr %016x", cpu.mmu.sdr1(), cpu.spr[Spr.LPCR]);
        line(out, "instructions %d", cpu.instructions);
        return out.toString();
    }

    String slb() {
        final Slb slb = cpu.mmu.slb;
        final StringBuilder out = new StringBuilder();
        int valid = 0;
        for (int i = 0; i < Slb.SIZE; i++) {
            if (slb.isValid(i)) {
                valid++;
            }
        }
        line(out, "SLB: %d of %d entries valid", valid, Slb.SIZE);
        if (valid == 0) {
            return out.toString();
        }
        line(out, "  #  ESID         seg   VSID           Ks Kp N  C  L LP  base  ESID word         VSID word");
        for (int i = 0; i < Slb.SIZE; i++) {
            if (!slb.isValid(i)) {
                continue;
            }
            final long esidWord = slb.esidWord(i);
            final long vsidWord = slb.vsidWord(i);
            final boolean oneTerabyte = slb.isOneTerabyte(i);
            line(out, "%3d  %-11s  %-4s  %-13s  %d  %d  %d  %d  %d %d%d  %-4s  %016x  %016x", i,
                String.format("0x%x", oneTerabyte ? esidWord >>> 40 : esidWord >>> 28), oneTerabyte ? "1T" : "256M",
                String.format("0x%x", slb.vsid(i)), bit(vsidWord, Slb.VSID_KS), bit(vsidWord, Slb.VSID_KP),
                bit(vsidWord, Slb.VSID_N), bit(vsidWord, Slb.VSID_C), bit(vsidWord, Slb.VSID_L),
                bit(vsidWord, 0x20), bit(vsidWord, 0x10), TranslationExplanation.pageSize(slb.baseShift(i)),
                esidWord, vsidWord);
        }
        return out.toString();
    }

    String hpt(final boolean all) {
        final HashMmu mmu = cpu.mmu;
        final HashPageTable table = mmu.table();
        final StringBuilder out = new StringBuilder();
        if (table == null) {
            line(out, mmu.isTableOutsideRam() ? String.format("SDR1 0x%x names a page table outside RAM", mmu.sdr1())
                : "no hashed page table yet (SDR1 0x" + Long.toHexString(mmu.sdr1()) + ")");
            return out.toString();
        }
        final int groups = table.groupMask() + 1;
        final String where = table.isInGuestMemory()
            ? String.format("at real address 0x%x (SDR1 0x%x)", table.realBase(), mmu.sdr1())
            : "owned by the hypervisor, outside guest RAM";
        line(out, "hashed page table: %s %s, %d PTEGs of 8 HPTEs", TranslationExplanation.pageSize(
            table.log2Size()), where, groups);
        final long[] entry = new long[2];
        final int[] fill = new int[Hpte.PER_GROUP + 1];
        final List<String> listed = new ArrayList<>();
        int valid = 0;
        int bolted = 0;
        for (int group = 0; group < groups; group++) {
            int inGroup = 0;
            for (int slot = 0; slot < Hpte.PER_GROUP; slot++) {
                final int index = group * Hpte.PER_GROUP + slot;
                table.readEntry(index, entry, 0);
                if (!Hpte.isValid(entry[0])) {
                    continue;
                }
                inGroup++;
                valid++;
                if (Hpte.isBolted(entry[0])) {
                    bolted++;
                }
                if (all || listed.size() < HPTE_LIST_LIMIT) {
                    listed.add(describeHpte(index, entry[0], entry[1]) + mappedBy(index, entry[0], entry[1],
                        table.groupMask()));
                }
            }
            fill[inGroup]++;
        }
        line(out, "valid HPTEs: %d of %d; bolted (HPTE_V_BOLTED 0x10): %d", valid, table.entryCount(), bolted);
        out.append("PTEG fill (valid HPTEs in a group: number of groups):").append(System.lineSeparator());
        final StringBuilder histogram = new StringBuilder(" ");
        for (int n = 0; n <= Hpte.PER_GROUP; n++) {
            histogram.append(String.format(" %d: %d", n, fill[n]));
        }
        line(out, "%s", histogram);
        if (valid > 0) {
            line(out, "valid HPTEs%s:", valid > listed.size() ? String.format(" (first %d; 'info hpt all' lists "
                + "all)", listed.size()) : "");
            line(out, "  index    PTEG/slot  v                 r                 decoded");
            listed.forEach(text -> line(out, "%s", text));
        }
        return out.toString();
    }

    private static String describeHpte(final int index, final long v, final long r) {
        final int shift = PageSizes.actualShiftAnyBase(v, r);
        final String size = shift == 0 ? "?" : TranslationExplanation.pageSize(shift);
        final long page = shift == 0 ? r & Hpte.R_ARPN : Hpte.pageRealAddress(r, shift);
        final int pp = Hpte.pp(r);
        return String.format("  %-7d  %-9s  %016x  %016x  B=%d AVPN 0x%x H=%d %s%s page 0x%x PP=%d%d%d R=%d C=%d "
                + "WIMG=%s N=%d key %d", index,
            String.format("0x%x/%d", index / Hpte.PER_GROUP, index % Hpte.PER_GROUP), v, r,
            Hpte.segmentSize(v), Hpte.avpn(v), bit(v, Hpte.V_SECONDARY), Hpte.isBolted(v) ? "bolted " : "", size,
            page, (pp >>> 2) & 1, (pp >>> 1) & 1, pp & 1, bit(r, Hpte.R_REFERENCED), bit(r, Hpte.R_CHANGED),
            String.format("%4s", Integer.toBinaryString(Hpte.wimg(r))).replace(' ', '0'),
            bit(r, Hpte.R_NO_EXECUTE), Hpte.key(r));
    }

    /**
     * "; EA 0x... (SLB n)": the EA the HPTE maps through the first valid SLB entry with its segment size and VSID,
     * found by reading the hash backwards (hash-mmu.md §5, §6.4): the AVPN holds the VSID and the segment offset
     * from bit 23 up; the group number, XORed with the VSID's part of the hash, gives the page-number bits below.
     * Empty when no SLB entry has the VSID.
     */
    private String mappedBy(final int index, final long v, final long r, final int groupMask) {
        final Slb slb = cpu.mmu.slb;
        final long avpn = Hpte.avpn(v);
        for (int i = 0; i < Slb.SIZE; i++) {
            if (!slb.isValid(i)) {
                continue;
            }
            final boolean oneTerabyte = slb.isOneTerabyte(i);
            final long vsid = slb.vsid(i);
            final int baseShift = slb.baseShift(i);
            final int actualShift = PageSizes.actualShift(baseShift, v, r);
            if (Hpte.segmentSize(v) != (oneTerabyte ? Slb.B_1T : Slb.B_256M)
                || (oneTerabyte ? avpn >>> 17 : avpn >>> 5) != vsid || actualShift == 0) {
                continue;
            }
            final long group = index / Hpte.PER_GROUP;
            final long hashLow = (Hpte.isSecondary(v) ? ~group : group) & groupMask;
            final long pageLow = (hashLow ^ (oneTerabyte ? vsid ^ (vsid << 25) : vsid)) & groupMask;
            final long offset = ((avpn & (oneTerabyte ? 0x1_FFFF : 0x1F)) << 23)
                | ((pageLow << baseShift) & ((1L << 23) - 1));
            final long ea = ((slb.esidWord(i) & slb.segmentMask(i)) | offset) & -(1L << actualShift);
            return String.format("; EA 0x%x (SLB %d)", ea, i);
        }
        return "";
    }

    String tlbs() {
        final StringBuilder out = new StringBuilder();
        tlb(out, "fetch", cpu.mmu.fetchTlb);
        tlb(out, "load", cpu.mmu.loadTlb);
        tlb(out, "store", cpu.mmu.storeTlb);
        return out.toString();
    }

    private static void tlb(final StringBuilder out, final String name, final Tlb tlb) {
        line(out, "%s TLB: %d of %d entries valid", name, tlb.validCount(), Tlb.ENTRIES);
        for (int i = 0; i < Tlb.ENTRIES; i++) {
            final long tag = tlb.tag[i];
            if (tag == Tlb.INVALID_TAG) {
                continue;
            }
            final int mode = (int) (tag & ~Tlb.PAGE_MASK);
            line(out, "  EA page %016x -> RA page %016x  %s", tag & Tlb.PAGE_MASK, tlb.realPage[i], modeName(mode));
        }
    }

    private static String modeName(final int mode) {
        return (TranslationMode.isTranslated(mode) ? "translated" : "real") + ", "
            + ((mode & TranslationMode.PROBLEM) != 0 ? "problem state" : "privileged")
            + ((mode & TranslationMode.HYPERVISOR) != 0 ? ", hypervisor" : "");
    }

    /** A hex and ASCII dump of {@code length} bytes of guest real memory, or why not. */
    String dump(final long address, final int length) {
        final GuestMemory ram = cpu.ram;
        if (length <= 0 || length > MAX_DUMP) {
            return String.format("error: x/N dumps 1 to %d bytes, not %d%n", MAX_DUMP, length);
        }
        if (!ram.contains(address, length)) {
            return String.format("error: 0x%x..0x%x is not in RAM (0..0x%x)%n", address, address + length - 1,
                ram.size() - 1);
        }
        final StringBuilder out = new StringBuilder();
        for (long line = address; line < address + length; line += 16) {
            final int count = (int) Math.min(16, address + length - line);
            final StringBuilder hex = new StringBuilder();
            final StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                final int b = ram.getByte(line + i) & 0xFF;
                hex.append(String.format("%02x", b)).append(i % 4 == 3 ? "  " : " ");
                text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            line(out, "%016x  %-50s  |%s|", line, hex.toString().stripTrailing(), text);
        }
        return out.toString();
    }

    private static int bit(final long word, final long mask) {
        return (word & mask) != 0 ? 1 : 0;
    }

    private static void line(final StringBuilder out, final String format, final Object... args) {
        out.append(String.format(format, args)).append(System.lineSeparator());
    }
}
