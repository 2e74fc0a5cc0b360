package dev.jppc.devices.hcall;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.jppc.core.Cpu;
import dev.jppc.devices.console.Vterm;
import dev.jppc.devices.rtas.Rtas;
import dev.jppc.devices.xics.Xics;
import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashPageTable;

/**
 * A pseries partition for hypercall tests, set up as {@code Machine.createPseries} does: 32 MiB of RAM, a CPU
 * without hypervisor state in 64-bit privileged real mode, a 256 KiB hypervisor-owned page table (2048 groups),
 * and the hypervisor. {@link #call} loads r3..r12 and makes the hypercall as {@code sc 1} would.
 *
 * <p>The HPTE values here are built from hash-mmu.md's formulas, not with the production helpers.
 */
final class HcallFixture {

    static final long RAM_SIZE = 32L << 20;
    static final int TABLE_LOG2 = 18;
    /** A 256 MiB segment for tests: ESID 1 (EAs 0x1000_0000..0x1FFF_FFFF), its VSID. */
    static final long SEGMENT_EA = 0x1000_0000L;
    static final long VSID = 0x123;
    /** SLB VSID word bit Kp: Linux's kernel segments (Ks=0: privileged code gets PP 0 as read/write). */
    static final long SLB_KP = 0x400;
    /** HPTE r WIMG = M, the only mapping of RAM H_ENTER accepts. */
    static final long R_M = 0x10;

    /** One RAM for all tests (allocating 32 MiB off-heap per test would churn); zeroed for each fixture. */
    private static final GuestMemory SHARED_RAM = new GuestMemory(RAM_SIZE);

    final GuestMemory ram = SHARED_RAM;
    final Cpu cpu;
    final HashPageTable table;
    final PseriesHypervisor hypervisor;
    final Xics xics;
    final Vterm vterm;
    final Rtas rtas;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    HcallFixture() {
        ram.fill(0, RAM_SIZE, (byte) 0);
        cpu = new Cpu(ram, false);
        cpu.setMsr(Cpu.MSR_SF | Cpu.MSR_ME);
        table = HashPageTable.allocate(TABLE_LOG2);
        cpu.mmu.setHypervisorTable(table);
        xics = new Xics(cpu);
        vterm = new Vterm(console);
        rtas = new Rtas(ram, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 0, xics);
        hypervisor = new PseriesHypervisor(vterm, rtas, xics);
        cpu.hypervisor = hypervisor;
    }

    /** Makes hypercall {@code number} with {@code args} in r4 and up; returns r3. */
    long call(final long number, final long... args) {
        cpu.gpr[3] = number;
        for (int i = 0; i < args.length; i++) {
            cpu.gpr[4 + i] = args[i];
        }
        hypervisor.hypercall(cpu);
        return cpu.gpr[3];
    }

    // ---- HPTEs (hash-mmu.md §4-§6) ----------------------------------------------------------------------------

    static long llp(final int baseShift) {
        switch (baseShift) {
            case 12:
                return 0;
            case 16:
                return 0x110;
            case 24:
                return 0x100;
            default:
                throw new IllegalArgumentException("no base page shift " + baseShift);
        }
    }

    static long penc(final int baseShift, final int actualShift) {
        final String pair = baseShift + "/" + actualShift;
        switch (pair) {
            case "12/16":
                return 0x07;
            case "12/24":
                return 0x38;
            case "16/16":
                return 0x01;
            case "16/24":
                return 0x08;
            case "24/24":
                return 0x00;
            default:
                throw new IllegalArgumentException("no encoding " + pair);
        }
    }

    /** HPTE v for the page of {@code ea} in the test segment: AVPN = VA >>> 23 (large page bits cleared), L, V. */
    static long v(final long ea, final int actualShift) {
        long avpn = (VSID << 5) | ((ea & 0x0FFF_FFFFL) >>> 23);
        if (actualShift > 23) {
            avpn &= ~((1L << (actualShift - 23)) - 1);
        }
        return (avpn << 7) | (actualShift > 12 ? 4 : 0) | 1;
    }

    /** HPTE r: the real page, penc for a large page, WIMG = M and the given protection bits. */
    static long r(final long realPage, final int baseShift, final int actualShift, final long flags) {
        final long lp = actualShift > 12 ? penc(baseShift, actualShift) << 12 : 0;
        return (realPage & ~((1L << actualShift) - 1)) | lp | R_M | flags;
    }

    /** The index of slot 0 of the primary group of {@code ea} in the test segment for a segment base size. */
    static long groupIndex(final long ea, final int baseShift) {
        final long hash = (VSID ^ ((ea & 0x0FFF_FFFFL) >>> baseShift)) & 0x7F_FFFF_FFFFL;
        return (hash & ((1L << (TABLE_LOG2 - 7)) - 1)) * 8;
    }

    /** Loads SLB entry 0 with the test segment (Kp=1) of the given base page size. */
    void segment(final int baseShift) {
        final long rs = (VSID << 12) | llp(baseShift) | SLB_KP;
        final long rb = SEGMENT_EA | 0x0800_0000L;
        if (!cpu.mmu.slbmte(rs, rb)) {
            throw new IllegalStateException("slbmte refused");
        }
    }
}
