/*
 * hcall.c: a self-checking pseries partition (jppc is the hypervisor, the
 * program runs with MSR[HV] = 0). It uses the hashed page table only
 * through hypercalls (LoPAPR 14.5.4.1: H_ENTER, H_READ, H_PROTECT,
 * H_REMOVE, H_BULK_REMOVE), takes data storage, decrementer and external
 * interrupts at its own vectors, and sends itself an XICS IPI (H_CPPR,
 * H_IPI, H_XIRR, H_EOI, H_IPOLL).
 *
 * The code always runs in real mode (MSR[IR] = 0); data translation is on
 * only for single accesses (mmu-common/access.S), so only the pages under
 * test need mappings. The vectors are written to real 0x100..0xF80 at run
 * time (hcall-vectors.S): the image itself is loaded at 0x400000.
 *
 * Output: one line per group, "NAME: N checks, F failed", the first
 * failures of a group in detail, and "RESULT: N checks, F failed"; exit
 * status 0 when nothing failed (RTAS power-off), 1 otherwise (ibm,os-term).
 */
#include "../mmu-common/mmu.h"

/* ---- hypercalls (PAPR numbers and return codes) ------------------------------------ */

#define H_SUCCESS 0
#define H_PARAMETER (-4)
#define H_PTEG_FULL (-6)
#define H_NOT_FOUND (-7)

#define H_REMOVE 0x04
#define H_ENTER 0x08
#define H_READ 0x0C
#define H_CLEAR_MOD 0x10
#define H_CLEAR_REF 0x14
#define H_PROTECT 0x18
#define H_EOI 0x64
#define H_CPPR 0x68
#define H_IPI 0x6C
#define H_IPOLL 0x70
#define H_XIRR 0x74
#define H_BULK_REMOVE 0x124

#define H_EXACT (1ul << (63 - 24)) /* H_ENTER: this slot only */
#define H_READ_4 (1ul << (63 - 26)) /* H_READ: the aligned four entries */
#define H_AVPN (1ul << (63 - 32)) /* H_REMOVE, H_PROTECT: v must match */

/* H_BULK_REMOVE specifiers: type (bits 0:1), response code (2:3), R and C (4:5), index (8:63). */
#define BULK_REQUEST (1ul << 62)
#define BULK_RESPONSE (2ul << 62)
#define BULK_END (3ul << 62)
#define BULK_INDEX 0x00FFFFFFFFFFFFFFul
#define BULK_R (1ul << 59)
#define BULK_C (1ul << 58)

#define XICS_IPI_SOURCE 2 /* the XISR of an inter-processor interrupt */

/* A hypercall: r3 = opcode, r4..r11 = regs[0..7] in and out; returns r3. */
static long hcall(u64 opcode, u64 regs[8])
{
    register u64 r3 __asm__("r3") = opcode;
    register u64 r4 __asm__("r4") = regs[0];
    register u64 r5 __asm__("r5") = regs[1];
    register u64 r6 __asm__("r6") = regs[2];
    register u64 r7 __asm__("r7") = regs[3];
    register u64 r8 __asm__("r8") = regs[4];
    register u64 r9 __asm__("r9") = regs[5];
    register u64 r10 __asm__("r10") = regs[6];
    register u64 r11 __asm__("r11") = regs[7];
    __asm__ volatile("sc 1"
                     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7), "+r"(r8), "+r"(r9), "+r"(r10),
                       "+r"(r11)
                     :
                     : "r0", "r12", "ctr", "xer", "cr0", "cr1", "cr5", "cr6", "cr7", "memory");
    regs[0] = r4;
    regs[1] = r5;
    regs[2] = r6;
    regs[3] = r7;
    regs[4] = r8;
    regs[5] = r9;
    regs[6] = r10;
    regs[7] = r11;
    return (long)r3;
}

static long hcall3(u64 opcode, u64 a4, u64 a5, u64 a6, u64 *out4, u64 *out5)
{
    u64 regs[8] = { a4, a5, a6, 0, 0, 0, 0, 0 };
    long status = hcall(opcode, regs);
    if (out4) {
        *out4 = regs[0];
    }
    if (out5) {
        *out5 = regs[1];
    }
    return status;
}

static long h_enter(u64 flags, u64 index, u64 v, u64 r, u64 *slot)
{
    u64 regs[8] = { flags, index, v, r, 0, 0, 0, 0 };
    long status = hcall(H_ENTER, regs);
    *slot = regs[0];
    return status;
}

static long h_read(u64 index, u64 *v, u64 *r)
{
    return hcall3(H_READ, 0, index, 0, v, r);
}

static long h_remove(u64 flags, u64 index, u64 avpn, u64 *v, u64 *r)
{
    return hcall3(H_REMOVE, flags, index, avpn, v, r);
}

static long h_protect(u64 flags, u64 index, u64 avpn)
{
    return hcall3(H_PROTECT, flags, index, avpn, 0, 0);
}

/* ---- interrupts ---------------------------------------------------------------------- */

/* Filled by hcall-vectors.S; the handler may change srr0/srr1 before rfid. */
struct trap_frame {
    u64 r0, r1, r2, r5_to_r12[8], lr, ctr, xer, srr0, srr1;
};
volatile struct trap_frame trap_frame;

extern const u32 vector_stub[]; /* six instructions; the fifth is "li r3, vector" */
#define STUB_WORDS 6

static volatile struct {
    u64 dsi, external, decrementer; /* interrupts taken, by kind */
    u64 dar, dsisr, srr0, srr1, msr; /* of the last one; msr: the handler's */
    u64 xirr; /* what H_XIRR returned in the external handler */
    long ipi_status, eoi_status;
} traps;

static void clear_traps(void)
{
    memset((void *)&traps, 0, sizeof(traps));
    traps.dar = traps.dsisr = traps.srr0 = traps.srr1 = ~0ul;
}

/* Called from hcall-vectors.S with translation and MSR[EE] off. */
void trap_handler(u64 vector)
{
    traps.msr = mfmsr();
    traps.srr0 = trap_frame.srr0;
    traps.srr1 = trap_frame.srr1;
    if (vector == 0x300) {
        traps.dsi++;
        traps.dar = mfspr(SPR_DAR);
        traps.dsisr = mfspr(SPR_DSISR);
        trap_frame.srr0 += 4; /* skip the access; SRR1 turns DR back on */
    } else if (vector == 0x900) {
        traps.decrementer++;
        mtspr(SPR_DEC, 0x7FFFFFFFul); /* far away again */
    } else if (vector == 0x500) {
        u64 xirr = 0;
        traps.external++;
        hcall3(H_XIRR, 0, 0, 0, &xirr, 0);
        traps.xirr = xirr;
        traps.ipi_status = hcall3(H_IPI, 0, 0xFF, 0, 0, 0); /* withdraw the IPI */
        traps.eoi_status = hcall3(H_EOI, xirr, 0, 0, 0, 0);
    } else {
        print("unexpected interrupt 0x%lx: SRR0 0x%lx SRR1 0x%lx DAR 0x%lx DSISR 0x%lx\n", vector,
              trap_frame.srr0, trap_frame.srr1, mfspr(SPR_DAR), mfspr(SPR_DSISR));
        console_exit(1);
    }
}

static void install_vectors(void)
{
    for (u64 vector = 0x100; vector <= 0xF80; vector += 0x80) {
        volatile u32 *at = (volatile u32 *)vector;
        for (unsigned i = 0; i < STUB_WORDS; i++) {
            at[i] = i == 4 ? (vector_stub[i] & 0xFFFF0000u) | (u32)vector : vector_stub[i];
        }
    }
}

static void spin(unsigned n)
{
    for (volatile unsigned i = 0; i < n; i++) {
    }
}

/* Spins with MSR[EE] on until *counter reaches want (or gives up). */
static void spin_enabled(volatile u64 *counter, u64 want)
{
    u64 msr = mfmsr();
    mtmsrd(msr | MSR_EE);
    for (unsigned i = 0; i < 1000000 && *counter < want; i++) {
    }
    spin(1000); /* time for a second, wrong interrupt */
    mtmsrd(msr);
}

/* ---- checks ------------------------------------------------------------------------- */

#define MAX_FAILURES_SHOWN 8

static const char *group_name;
static unsigned group_checks, group_failures, all_checks, all_failures;

static void begin(const char *name)
{
    group_name = name;
    group_checks = 0;
    group_failures = 0;
}

static void end(void)
{
    print("%s: %u checks, %u failed\n", group_name, group_checks, group_failures);
    all_checks += group_checks;
    all_failures += group_failures;
}

static void check(const char *what, const char *field, u64 got, u64 want)
{
    group_checks++;
    if (got != want) {
        group_failures++;
        if (group_failures <= MAX_FAILURES_SHOWN) {
            print("  FAIL %s: %s 0x%lx, expected 0x%lx\n", what, field, got, want);
        }
    }
}

/* What every interrupt handler must run with: no HV, PR, EE, IR, DR. */
static void check_handler_msr(const char *what)
{
    check(what, "handler MSR", traps.msr & (MSR_HV | MSR_PR | MSR_EE | MSR_IR | MSR_DR), 0);
}

static void check_dsi(const char *what, u64 ea, u64 dsisr, const u32 *at)
{
    check(what, "data storage interrupts", traps.dsi, 1);
    check(what, "DAR", traps.dar, ea);
    check(what, "DSISR", traps.dsisr, dsisr);
    check(what, "SRR0", traps.srr0, (u64)at);
    check(what, "SRR1 DR", traps.srr1 & (MSR_DR | MSR_IR), MSR_DR);
    check_handler_msr(what);
}

/* A value that says which real address it was planted at. */
static u64 pattern(u64 ra)
{
    return (ra * 0x9E3779B97F4A7C15ul) ^ 0x0123456789ABCDEFul;
}

static u64 plant(u64 ra)
{
    real_std(ra, pattern(ra));
    return pattern(ra);
}

/* Plants a value at ra, then loads it through ea (in this order: C leaves the order of arguments open). */
static void check_load(const char *what, const char *field, u64 ea, u64 ra)
{
    u64 want = plant(ra);
    check(what, field, xlate_ld(ea), want);
}

/* ---- the mappings ------------------------------------------------------------------- */

/* Two 256 MiB segments: 4 KiB pages at EA 0x10000000, 64 KiB pages at EA 0x20000000. */
#define SEG4K_EA 0x10000000ul
#define SEG4K_VSID 0x12345ul
#define SEG64K_EA 0x20000000ul
#define SEG64K_VSID 0x6789Aul
#define FULL_VSID 0x55555ul

#define PP_RW 2ul /* key 0 (Ks = 0): read and write */
#define PP_RO 3ul /* key 0: read only */

static u64 entry_count; /* of jppc's page table, found with H_READ */
static u64 group_mask;

struct mapping {
    const char *name;
    u64 ea, ra, vsid;
    unsigned shift; /* 12 or 16; the segment's base page size too */
    u64 v, r, slot;
};

static struct mapping maps[] = {
    { "4K page 0", SEG4K_EA + 0x0000, 0x02003000, SEG4K_VSID, 12, 0, 0, 0 },
    { "4K page 1", SEG4K_EA + 0x1000, 0x02000000, SEG4K_VSID, 12, 0, 0, 0 },
    { "4K page 2", SEG4K_EA + 0x2000, 0x02001000, SEG4K_VSID, 12, 0, 0, 0 },
    { "4K page 5", SEG4K_EA + 0x5000, 0x02002000, SEG4K_VSID, 12, 0, 0, 0 },
    { "64K page", SEG64K_EA + 0x10000, 0x02010000, SEG64K_VSID, 16, 0, 0, 0 },
};
enum { LOAD_ONLY, STORE_ONLY, UNTOUCHED, BULK, BIG };

/* The primary group of a page of a 256 MiB segment (hash-mmu.md §5). */
static u64 group_of(u64 vsid, u64 ea, unsigned shift)
{
    u64 hash = (vsid ^ ((ea & 0x0FFFFFFFul) >> shift)) & 0x7FFFFFFFFFul;
    return hash & group_mask;
}

static u64 first_word(u64 vsid, u64 ea, unsigned shift)
{
    u64 v = vsid << 12 | ((ea & 0x0FFFFFFFul) >> 23) << 7 | HPTE_V_VALID;
    return shift == 12 ? v : v | HPTE_V_LARGE;
}

static u64 second_word(u64 ra, unsigned shift, u64 pp)
{
    u64 r = ra | HPTE_R_M | pp;
    return shift == 12 ? r : r | 0x01ul << 12; /* LP 0x01: a 64K page in a 64K-base segment */
}

static void slb_entry(u64 ea, u64 vsid, u64 llp, unsigned index)
{
    u64 rs = vsid << 12 | llp;
    u64 rb = (ea & ~0x0FFFFFFFul) | SLB_ESID_V | index;
    __asm__ volatile("slbmte %0, %1\n\tisync" : : "r"(rs), "r"(rb) : "memory");
}

/* ---- the groups ---------------------------------------------------------------------- */

static void partition(void)
{
    begin("partition");
    check("MSR at entry", "HV PR IR DR", mfmsr() & (MSR_HV | MSR_PR | MSR_IR | MSR_DR), 0);
    unsigned shift = 11;
    while (shift < 40 && h_read(1ul << shift, 0, 0) == H_SUCCESS) {
        shift++;
    }
    entry_count = 1ul << shift;
    group_mask = entry_count / 8 - 1;
    check("page table", "at least 256 KiB", entry_count >= 16384, 1);
    check("H_READ last entry", "status", h_read(entry_count - 1, 0, 0), H_SUCCESS);
    check("H_READ past the end", "status", h_read(entry_count, 0, 0), H_PARAMETER);
    end();
}

static void enter_and_access(void)
{
    begin("H_ENTER and accesses");
    __asm__ volatile("slbia\n\tisync" : : : "memory");
    slb_entry(SEG4K_EA, SEG4K_VSID, SLB_LLP_4K, 1);
    slb_entry(SEG64K_EA, SEG64K_VSID, SLB_LLP_64K, 2);
    for (unsigned i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
        struct mapping *m = &maps[i];
        u64 group = group_of(m->vsid, m->ea, m->shift);
        m->v = first_word(m->vsid, m->ea, m->shift);
        m->r = second_word(m->ra, m->shift, PP_RW);
        check(m->name, "H_ENTER", h_enter(0, group * 8, m->v, m->r, &m->slot), H_SUCCESS);
        check(m->name, "slot's group", m->slot & ~7ul, group * 8);
    }
    clear_traps();
    struct mapping *m = &maps[LOAD_ONLY];
    check_load(m->name, "load", m->ea + 0x08, m->ra + 0x08);
    check_load(m->name, "load at the end", m->ea + 0xFF8, m->ra + 0xFF8);
    m = &maps[STORE_ONLY];
    real_std(m->ra + 0x40, 0);
    xlate_std(m->ea + 0x40, 0x1111222233334444ul);
    check(m->name, "stored", real_ld(m->ra + 0x40), 0x1111222233334444ul);
    m = &maps[BULK];
    xlate_std(m->ea + 0x100, 0x5555666677778888ul);
    check(m->name, "stored", real_ld(m->ra + 0x100), 0x5555666677778888ul);
    m = &maps[BIG];
    check_load(m->name, "load", m->ea + 0x10, m->ra + 0x10);
    check_load(m->name, "load at the end", m->ea + 0xFFF8, m->ra + 0xFFF8);
    xlate_std(m->ea + 0x8000, 0x9999AAAABBBBCCCCul);
    check(m->name, "stored in the upper half", real_ld(m->ra + 0x8000), 0x9999AAAABBBBCCCCul);
    check("accesses", "interrupts", traps.dsi + traps.decrementer + traps.external, 0);
    end();
}

static void read_back(void)
{
    static const u64 rc[] = { HPTE_R_R, HPTE_R_R | HPTE_R_C, 0, HPTE_R_R | HPTE_R_C, HPTE_R_R | HPTE_R_C };
    begin("H_READ");
    for (unsigned i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
        struct mapping *m = &maps[i];
        u64 v = 0;
        u64 r = 0;
        check(m->name, "H_READ", h_read(m->slot, &v, &r), H_SUCCESS);
        check(m->name, "v", v, m->v);
        check(m->name, "r without R and C", r & ~(HPTE_R_R | HPTE_R_C), m->r);
        check(m->name, "R and C", r & (HPTE_R_R | HPTE_R_C), rc[i]);
    }
    u64 regs[8] = { H_READ_4, maps[LOAD_ONLY].slot, 0, 0, 0, 0, 0, 0 };
    check("H_READ_4", "status", hcall(H_READ, regs), H_SUCCESS);
    check("H_READ_4", "v of the entry", regs[2 * (maps[LOAD_ONLY].slot & 3)], maps[LOAD_ONLY].v);
    end();

    /* H_CLEAR_MOD / H_CLEAR_REF (as KVM: the old r in r4), and the next accesses setting R and C again. */
    begin("H_CLEAR_MOD, H_CLEAR_REF");
    struct mapping *m = &maps[STORE_ONLY];
    u64 old = 0;
    u64 r = 0;
    check("H_CLEAR_MOD", "status", hcall3(H_CLEAR_MOD, 0, m->slot, 0, &old, 0), H_SUCCESS);
    check("H_CLEAR_MOD", "old r", old, m->r | HPTE_R_R | HPTE_R_C);
    h_read(m->slot, 0, &r);
    check("after H_CLEAR_MOD", "R and C", r & (HPTE_R_R | HPTE_R_C), HPTE_R_R);
    check("H_CLEAR_REF", "status", hcall3(H_CLEAR_REF, 0, m->slot, 0, &old, 0), H_SUCCESS);
    check("H_CLEAR_REF", "old r", old, m->r | HPTE_R_R);
    h_read(m->slot, 0, &r);
    check("after H_CLEAR_REF", "R and C", r & (HPTE_R_R | HPTE_R_C), 0);
    check("load", "loaded", xlate_ld(m->ea + 0x40), 0x1111222233334444ul);
    h_read(m->slot, 0, &r);
    check("after a load", "R and C", r & (HPTE_R_R | HPTE_R_C), HPTE_R_R);
    xlate_std(m->ea + 0x50, 0x77);
    h_read(m->slot, 0, &r);
    check("after a store", "R and C", r & (HPTE_R_R | HPTE_R_C), HPTE_R_R | HPTE_R_C);
    check("index past the table", "H_CLEAR_REF", hcall3(H_CLEAR_REF, 0, entry_count, 0, 0, 0), H_PARAMETER);
    end();
}

static void protect(void)
{
    struct mapping *m = &maps[STORE_ONLY];
    u64 avpn = m->v & ~0x7Ful;
    u64 v = 0;
    u64 r = 0;
    begin("H_PROTECT");
    check("read-only", "H_PROTECT", h_protect(PP_RO, m->slot, 0), H_SUCCESS);
    h_read(m->slot, &v, &r);
    check("read-only", "PP0 and PP", r & (HPTE_R_PP0 | 3), PP_RO);
    check("read-only", "v", v, m->v);
    clear_traps();
    real_std(m->ra + 0x48, 0x0101010101010101ul);
    xlate_std(m->ea + 0x48, 0xDEADBEEFul);
    check_dsi("store to read-only", m->ea + 0x48, 0x0A000000, xlate_std_at);
    check("store to read-only", "memory", real_ld(m->ra + 0x48), 0x0101010101010101ul);
    clear_traps();
    check("load from read-only", "loaded", xlate_ld(m->ea + 0x40), 0x1111222233334444ul);
    check("load from read-only", "interrupts", traps.dsi, 0);
    check("H_AVPN mismatch", "H_PROTECT", h_protect(H_AVPN | PP_RW, m->slot, avpn ^ 0x80), H_NOT_FOUND);
    check("H_AVPN match", "H_PROTECT", h_protect(H_AVPN | PP_RW, m->slot, avpn), H_SUCCESS);
    xlate_std(m->ea + 0x48, 0xDEADBEEFul);
    check("store after read-write again", "memory", real_ld(m->ra + 0x48), 0xDEADBEEFul);
    check("store after read-write again", "interrupts", traps.dsi, 0);
    end();
}

static void remove(void)
{
    struct mapping *m = &maps[UNTOUCHED];
    u64 v = 0;
    u64 r = 0;
    begin("H_REMOVE");
    check("H_AVPN mismatch", "H_REMOVE", h_remove(H_AVPN, m->slot, (m->v & ~0x7Ful) ^ 0x80, 0, 0), H_NOT_FOUND);
    check("remove", "H_REMOVE", h_remove(0, m->slot, 0, &v, &r), H_SUCCESS);
    check("remove", "old v", v, m->v);
    check("remove", "old r", r, m->r);
    h_read(m->slot, &v, &r);
    check("after remove", "V", v & HPTE_V_VALID, 0);
    clear_traps();
    plant(m->ra);
    check("load after remove", "target register", xlate_ld(m->ea), ~0ul);
    check_dsi("load after remove", m->ea, 0x40000000, xlate_ld_at);
    check("remove again", "H_REMOVE", h_remove(0, m->slot, 0, 0, 0), H_NOT_FOUND);
    end();
}

static void bulk_remove(void)
{
    struct mapping *a = &maps[LOAD_ONLY];
    struct mapping *b = &maps[BULK];
    begin("H_BULK_REMOVE");
    u64 regs[8] = { BULK_REQUEST | a->slot, 0, BULK_REQUEST | b->slot, 0, BULK_END, 0, 0, 0 };
    check("two entries", "status", hcall(H_BULK_REMOVE, regs), H_SUCCESS);
    check("first response", "specifier", regs[0], BULK_RESPONSE | BULK_R | a->slot);
    check("second response", "specifier", regs[2], BULK_RESPONSE | BULK_R | BULK_C | b->slot);
    u64 v = 0;
    h_read(a->slot, &v, 0);
    check("first after", "V", v & HPTE_V_VALID, 0);
    h_read(b->slot, &v, 0);
    check("second after", "V", v & HPTE_V_VALID, 0);
    clear_traps();
    check("load from first", "target register", xlate_ld(a->ea + 0x08), ~0ul);
    check_dsi("load from first", a->ea + 0x08, 0x40000000, xlate_ld_at);
    clear_traps();
    check("load from second", "target register", xlate_ld(b->ea + 0x100), ~0ul);
    check_dsi("load from second", b->ea + 0x100, 0x40000000, xlate_ld_at);
    clear_traps();
    check("64K page still mapped", "loaded", xlate_ld(maps[BIG].ea + 0x10), pattern(maps[BIG].ra + 0x10));
    u64 again[8] = { BULK_REQUEST | a->slot, 0, BULK_END, 0, 0, 0, 0, 0 };
    check("removed entry", "status", hcall(H_BULK_REMOVE, again), H_SUCCESS);
    check("removed entry", "response", again[0], BULK_RESPONSE | 1ul << 60 | a->slot);
    end();
}

static void full_group(void)
{
    u64 group = group_of(SEG4K_VSID, SEG4K_EA, 12) ^ 0x100;
    if (group == group_of(SEG64K_VSID, maps[BIG].ea, 16)) {
        group ^= 0x200;
    }
    u64 r = second_word(0x02020000, 12, PP_RW);
    u64 slot = 0;
    begin("full group");
    for (u64 i = 0; i < 8; i++) {
        check("fill with H_EXACT", "H_ENTER", h_enter(H_EXACT, group * 8 + i, FULL_VSID << 12 | i << 7 | 1, r, &slot),
              H_SUCCESS);
        check("fill with H_EXACT", "slot", slot, group * 8 + i);
    }
    check("ninth entry", "H_ENTER", h_enter(0, group * 8, FULL_VSID << 12 | 8 << 7 | 1, r, &slot), H_PTEG_FULL);
    check("ninth entry, other index", "H_ENTER", h_enter(0, group * 8 + 5, FULL_VSID << 12 | 1, r, &slot),
          H_PTEG_FULL);
    check("H_EXACT on a used slot", "H_ENTER", h_enter(H_EXACT, group * 8 + 3, FULL_VSID << 12 | 1, r, &slot),
          H_PTEG_FULL);
    u64 regs[8] = { H_READ_4, group * 8 + 6, 0, 0, 0, 0, 0, 0 };
    check("H_READ_4", "status", hcall(H_READ, regs), H_SUCCESS);
    for (u64 i = 0; i < 4; i++) {
        check("H_READ_4", "v", regs[2 * i], FULL_VSID << 12 | (4 + i) << 7 | 1);
    }
    check("free slot 3", "H_REMOVE", h_remove(0, group * 8 + 3, 0, 0, 0), H_SUCCESS);
    check("into slot 3", "H_ENTER", h_enter(0, group * 8, FULL_VSID << 12 | 9 << 7 | 1, r, &slot), H_SUCCESS);
    check("into slot 3", "slot", slot, group * 8 + 3);
    for (u64 i = 0; i < 8; i++) {
        check("empty the group", "H_REMOVE", h_remove(0, group * 8 + i, 0, 0, 0), H_SUCCESS);
    }
    end();
}

static void bad_arguments(void)
{
    u64 v = first_word(SEG4K_VSID, SEG4K_EA + 0x7000, 12);
    u64 r = second_word(0x02004000, 12, PP_RW);
    u64 group = group_of(SEG4K_VSID, SEG4K_EA + 0x7000, 12);
    u64 slot = 0;
    begin("bad arguments");
    check("index past the table", "H_ENTER", h_enter(0, entry_count, v, r, &slot), H_PARAMETER);
    check("index -1", "H_ENTER", h_enter(0, ~0ul, v, r, &slot), H_PARAMETER);
    check("RAM without M", "H_ENTER", h_enter(0, group * 8, v, r & ~HPTE_R_M, &slot), H_PARAMETER);
    check("RAM caching inhibited", "H_ENTER", h_enter(0, group * 8, v, r | HPTE_R_I, &slot), H_PARAMETER);
    check("index past the table", "H_READ", h_read(entry_count, 0, 0), H_PARAMETER);
    check("index past the table", "H_REMOVE", h_remove(0, entry_count, 0, 0, 0), H_PARAMETER);
    check("index past the table", "H_PROTECT", h_protect(PP_RO, entry_count, 0), H_PARAMETER);
    u64 regs[8] = { 0, 0, BULK_END, 0, 0, 0, 0, 0 };
    check("specifier of type 0", "H_BULK_REMOVE", hcall(H_BULK_REMOVE, regs), H_PARAMETER);
    check("server 1", "H_IPI", hcall3(H_IPI, 1, 5, 0, 0, 0), H_PARAMETER);
    check("nothing entered", "H_READ", h_read(group * 8, &v, 0), H_SUCCESS);
    check("nothing entered", "V", v & HPTE_V_VALID, 0);
    end();
}

static void decrementer(void)
{
    begin("decrementer");
    clear_traps();
    mtspr(SPR_DEC, 2000);
    spin(100000);
    check("EE off", "interrupts", traps.decrementer, 0);
    check("EE off", "DEC negative", (u32)mfspr(SPR_DEC) >> 31, 1);
    spin_enabled(&traps.decrementer, 1);
    check("EE on", "interrupts", traps.decrementer, 1);
    check("EE on", "SRR1 EE", traps.srr1 & (MSR_EE | MSR_DR | MSR_IR), MSR_EE);
    check_handler_msr("EE on");
    check("after the handler", "DEC positive", (u32)mfspr(SPR_DEC) >> 31, 0);
    check("other interrupts", "count", traps.dsi + traps.external, 0);
    end();
}

static void ipoll(const char *what, u64 xirr, u64 mfrr)
{
    u64 got_xirr = 0;
    u64 got_mfrr = 0;
    check(what, "H_IPOLL", hcall3(H_IPOLL, 0, 0, 0, &got_xirr, &got_mfrr), H_SUCCESS);
    check(what, "XIRR", got_xirr, xirr);
    check(what, "MFRR", got_mfrr, mfrr);
}

static void ipi(void)
{
    u64 ipi_xirr = 0xFF000000ul | XICS_IPI_SOURCE; /* CPPR before acceptance || XISR */
    begin("XICS IPI");
    clear_traps();
    check("open", "H_CPPR", hcall3(H_CPPR, 0xFF, 0, 0, 0, 0), H_SUCCESS);
    ipoll("idle", 0xFF000000ul, 0xFF);
    check("raise", "H_IPI", hcall3(H_IPI, 0, 5, 0, 0, 0), H_SUCCESS);
    spin(1000);
    check("EE off", "interrupts", traps.external, 0);
    ipoll("pending", ipi_xirr, 5);
    spin_enabled(&traps.external, 1);
    check("EE on", "interrupts", traps.external, 1);
    check("EE on", "XIRR", traps.xirr, ipi_xirr);
    check("EE on", "withdraw H_IPI", traps.ipi_status, H_SUCCESS);
    check("EE on", "H_EOI", traps.eoi_status, H_SUCCESS);
    check("EE on", "SRR1 EE", traps.srr1 & (MSR_EE | MSR_DR | MSR_IR), MSR_EE);
    check_handler_msr("EE on");
    ipoll("after H_EOI", 0xFF000000ul, 0xFF);

    check("CPPR 3", "H_CPPR", hcall3(H_CPPR, 3, 0, 0, 0, 0), H_SUCCESS);
    check("priority 5 under CPPR 3", "H_IPI", hcall3(H_IPI, 0, 5, 0, 0, 0), H_SUCCESS);
    spin_enabled(&traps.external, 2);
    check("priority 5 under CPPR 3", "interrupts", traps.external, 1);
    u64 msr = mfmsr();
    mtmsrd(msr | MSR_EE);
    hcall3(H_CPPR, 0xFF, 0, 0, 0, 0); /* the IPI is now favoured enough */
    for (unsigned i = 0; i < 1000000 && traps.external < 2; i++) {
    }
    mtmsrd(msr);
    check("CPPR back to 0xFF", "interrupts", traps.external, 2);
    check("CPPR back to 0xFF", "XIRR", traps.xirr, ipi_xirr);
    ipoll("at the end", 0xFF000000ul, 0xFF);
    check("other interrupts", "count", traps.dsi + traps.decrementer, 0);
    end();
}

int main(void)
{
    print("hcall-pseries: hypercalls, hashed page table and interrupts of a partition, big-endian\n");
    install_vectors();
    partition();
    enter_and_access();
    read_back();
    protect();
    remove();
    bulk_remove();
    full_group();
    bad_arguments();
    decrementer();
    ipi();
    print("RESULT: %u checks, %u failed\n", all_checks, all_failures);
    return all_failures != 0;
}
