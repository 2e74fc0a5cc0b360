/*
 * mmu-basic.c: a self-checking test of the hashed MMU (Power ISA v2.07B
 * Book III-S chapter 5; shared/spec/hash-mmu.md) on jppc's bare machine.
 *
 * The program runs in real mode (MSR[IR] = MSR[DR] = 0). It builds a page
 * table and an SLB, then switches translation on for single accesses
 * (access.S: mtmsrd, one load, store or call, mtmsrd) and compares what
 * happened with what the architecture says: the value read, where a store
 * landed, R and C in the in-memory HPTE, and for every storage interrupt its
 * vector, SRR0, SRR1 (the MSR of the access plus the cause bits), DAR,
 * DSISR and the MSR the handler got. DAR and DSISR are preset before each
 * access, so "unchanged" (ISI, instruction segment) is checked as well.
 * The image maps itself at its own address with one 16 MiB page, so that
 * the access functions can run with MSR[IR] = 1.
 *
 * Output: one line per group, "NAME: N checks, F failed", the first
 * failures of a group in detail, and "RESULT: N checks, F failed". main()
 * returns 0 when nothing failed.
 */
#include "../mmu-common/mmu.h"

#if defined(__LITTLE_ENDIAN__)
#define BYTE_ORDER_NAME "little-endian"
#else
#define BYTE_ORDER_NAME "big-endian"
#endif

/* ---- memory layout (physical) ---------------------------------------------------- */

#define HPT_BASE 0x00F00000ul /* 256 KiB table (HTABSIZE 0) inside the image's 16 MiB page */
#define FRAME(n) (0x00400000ul + (u64)(n) * 0x10000) /* 64 KiB frames for 4K and 64K pages */
#define BIG_FRAME(n) ((u64)(n) << 24) /* 16 MiB frames, n = 1..11 */

#define NO_VALUE (~0ul) /* what access.S returns when the access did not happen */
#define PRESET_DAR 0x0DA0DA0DA0ul
#define PRESET_DSISR 0x5A5Aul
#define NOT_COMPARED (~0ul)

/* DSISR and ISI SRR1 cause bits (hash-mmu.md §8). */
#define NO_HPTE 0x40000000ul
#define NO_EXECUTE 0x10000000ul
#define PROTECTION 0x08000000ul
#define STORE 0x02000000ul
#define KEY 0x00200000ul

/* ---- segments ---------------------------------------------------------------------- */

/* EA 0..256M: the image at its own address, 16 MiB base pages. */
static const struct segment ident = { 0x0ul, SEGMENT_256M, 0x1ul, 24, 0, 0 };
static const struct segment seg4k = { 0x10000000ul, SEGMENT_256M, 0x123456789ul, 12, 0, 1 };
static const struct segment seg64k = { 0x20000000ul, SEGMENT_256M, 0x7654321ul, 16, 0, 2 };
static const struct segment seg16m = { 0x30000000ul, SEGMENT_256M, 0xABCDEFul, 24, 0, 3 };
static const struct segment seg1t = { 0x30000000000ul, SEGMENT_1T, 0x271828182ul, 12, 0, 4 };
static const struct segment seg1t64 = { 0x40000000000ul, SEGMENT_1T, 0x1618033ul, 16, 0, 5 };
static const struct segment segks = { 0x50000000ul, SEGMENT_256M, 0x5A5A5ul, 12, SLB_KS, 6 };
static const struct segment segkp = { 0x60000000ul, SEGMENT_256M, 0x6B6B6ul, 12, SLB_KP, 7 };
static const struct segment segnx = { 0x70000000ul, SEGMENT_256M, 0x7C7C7ul, 12, SLB_N, 8 };
static const struct segment segremap = { 0x80000000ul, SEGMENT_256M, 0x8D8D8ul, 12, 0, 9 };
/* The same effective segment and SLB entry with another VSID. */
static const struct segment segremap_alt = { 0x80000000ul, SEGMENT_256M, 0x9E9E9ul, 12, 0, 9 };

static const struct segment *const segments[] = {
    &ident, &seg4k, &seg64k, &seg16m, &seg1t, &seg1t64, &segks, &segkp, &segnx, &segremap,
};
#define SEGMENT_COUNT (sizeof(segments) / sizeof(segments[0]))

/* ---- checks ------------------------------------------------------------------------- */

#define MAX_FAILURES_SHOWN 8

static const char *group_name;
static unsigned group_checks, group_failures, all_checks, all_failures;
static u64 msr0; /* the MSR of the program (real mode) */
static u64 handler_msr; /* what every storage interrupt must leave */

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

/* Writes "li r3, value; blr" at ra. */
static void plant_code(u64 ra, unsigned value)
{
    *(volatile u32 *)ra = 0x38600000u | (value & 0x7FFF);
    *(volatile u32 *)(ra + 4) = 0x4E800020u;
    sync_icache(ra, 8);
}

static void arm(void)
{
    trap_clear();
    mtspr(SPR_DAR, PRESET_DAR);
    mtspr(SPR_DSISR, PRESET_DSISR);
}

static void expect_no_trap(const char *what)
{
    check(what, "interrupts", trap.count, 0);
}

static void expect_trap(const char *what, u64 vector, u64 srr0, u64 srr1, u64 dar, u64 dsisr)
{
    check(what, "interrupts", trap.count, 1);
    check(what, "vector", trap.vector, vector);
    check(what, "SRR0", trap.srr0, srr0);
    check(what, "SRR1", trap.srr1, srr1);
    check(what, "DAR", trap.dar, dar);
    if (dsisr != NOT_COMPARED) {
        check(what, "DSISR", trap.dsisr, dsisr);
    }
    check(what, "handler MSR", trap.msr, handler_msr);
}

/* Loads and stores that must work: the load sees the pattern planted at ra, the store lands at ra. */
static void load_ok(const char *what, u64 ea, u64 ra)
{
    u64 want = plant(ra);
    arm();
    u64 got = xlate_ld(ea);
    expect_no_trap(what);
    check(what, "loaded", got, want);
}

static void store_ok(const char *what, u64 ea, u64 ra)
{
    u64 value = ~pattern(ra);
    real_std(ra, 0);
    arm();
    xlate_std(ea, value);
    expect_no_trap(what);
    check(what, "stored", real_ld(ra), value);
}

/* Loads and stores that must take a data storage interrupt (and leave register and memory alone). */
static void load_dsi(const char *what, u64 ea, u64 dsisr)
{
    arm();
    u64 got = xlate_ld(ea);
    expect_trap(what, 0x300, (u64)xlate_ld_at, msr0 | MSR_DR, ea, dsisr);
    check(what, "target register", got, NO_VALUE);
}

static void store_dsi(const char *what, u64 ea, u64 ra, u64 dsisr)
{
    u64 before = ra ? plant(ra) : 0;
    arm();
    xlate_std(ea, 0x5EEDul);
    expect_trap(what, 0x300, (u64)xlate_std_at, msr0 | MSR_DR, ea, dsisr);
    if (ra) {
        check(what, "memory", real_ld(ra), before);
    }
}

/*
 * The same in problem state. access.S enters it with rfid and SRR1 = MSR | PR | IR | DR; rfid also sets
 * MSR[EE] when it sets PR (EE, IR and DR become SRR1's bit ORed with PR), so that is the MSR SRR1 shows.
 */
#define USER_MSR (msr0 | MSR_EE | MSR_PR | MSR_IR | MSR_DR)
static void user_load_ok(const char *what, u64 ea, u64 ra)
{
    u64 want = plant(ra);
    arm();
    u64 got = xlate_user_ld(ea);
    expect_no_trap(what);
    check(what, "loaded", got, want);
}

static void user_store_ok(const char *what, u64 ea, u64 ra)
{
    u64 value = ~pattern(ra);
    real_std(ra, 0);
    arm();
    xlate_user_std(ea, value);
    expect_no_trap(what);
    check(what, "stored", real_ld(ra), value);
}

static void user_load_dsi(const char *what, u64 ea, u64 dsisr)
{
    arm();
    u64 got = xlate_user_ld(ea);
    expect_trap(what, 0x300, (u64)xlate_user_ld_at, USER_MSR, ea, dsisr);
    check(what, "target register", got, NO_VALUE);
}

static void user_store_dsi(const char *what, u64 ea, u64 ra, u64 dsisr)
{
    u64 before = plant(ra);
    arm();
    xlate_user_std(ea, 0x5EEDul);
    expect_trap(what, 0x300, (u64)xlate_user_std_at, USER_MSR, ea, dsisr);
    check(what, "memory", real_ld(ra), before);
}

/*
 * Data segment interrupts: DAR = EA. DSISR is not compared: hash-mmu.md §8 says "unchanged" (which is what
 * jppc and QEMU do), but the Book III-S description of the interrupt leaves it undefined.
 */
static void load_dseg(const char *what, u64 ea)
{
    arm();
    u64 got = xlate_ld(ea);
    expect_trap(what, 0x380, (u64)xlate_ld_at, msr0 | MSR_DR, ea, NOT_COMPARED);
    check(what, "target register", got, NO_VALUE);
}

static void store_dseg(const char *what, u64 ea)
{
    arm();
    xlate_std(ea, 0x5EEDul);
    expect_trap(what, 0x380, (u64)xlate_std_at, msr0 | MSR_DR, ea, NOT_COMPARED);
}

/* Instruction fetches (xlate_call with MSR[IR] = 1): ISI and ISeg leave DAR and DSISR alone. */
static void exec_ok(const char *what, u64 ea, u64 want)
{
    arm();
    u64 got = xlate_call(ea);
    expect_no_trap(what);
    check(what, "returned", got, want);
}

static void exec_isi(const char *what, u64 ea, u64 cause)
{
    arm();
    u64 got = xlate_call(ea);
    expect_trap(what, 0x400, ea, msr0 | MSR_IR | cause, PRESET_DAR, PRESET_DSISR);
    check(what, "returned", got, NO_VALUE);
}

static void exec_iseg(const char *what, u64 ea)
{
    arm();
    u64 got = xlate_call(ea);
    expect_trap(what, 0x480, ea, msr0 | MSR_IR, PRESET_DAR, PRESET_DSISR);
    check(what, "returned", got, NO_VALUE);
}

static u64 slbmfee(u64 index)
{
    u64 v;
    __asm__ volatile("slbmfee %0, %1" : "=r"(v) : "r"(index));
    return v;
}

static u64 slbmfev(u64 index)
{
    u64 v;
    __asm__ volatile("slbmfev %0, %1" : "=r"(v) : "r"(index));
    return v;
}

/* slbfee.: the VSID word of the entry translating ea; *found = CR0[EQ]. */
static u64 slbfee(u64 ea, u64 *found)
{
    u64 v, cr;
    __asm__ volatile("slbfee. %0, %2\n\tmfcr %1" : "=r"(v), "=r"(cr) : "r"(ea) : "cr0");
    *found = (cr >> 29) & 1;
    return v;
}

static void set_amr(u64 value)
{
    mtspr(SPR_AMR, value);
    __asm__ volatile("isync" : : : "memory");
}

static void set_iamr(u64 value)
{
    mtspr(SPR_IAMR, value);
    __asm__ volatile("isync" : : : "memory");
}

/* AMR/IAMR bits of storage key k (hash-mmu.md §7.3). */
#define AMR_NO_STORE(k) (2ul << (62 - 2 * (k)))
#define AMR_NO_LOAD(k) (1ul << (62 - 2 * (k)))
#define IAMR_NO_FETCH(k) (1ul << (62 - 2 * (k)))

static u64 hpte_rc(volatile struct hpte *p)
{
    return hpte_get_r(p) & (HPTE_R_R | HPTE_R_C);
}

/* ---- the groups ---------------------------------------------------------------------- */

static u64 ident_probe = 0x1DE471714ul;
static u32 ident_code[2];

static void test_setup(void)
{
    begin("setup");
    hpt_setup(HPT_BASE, 0);
    check("SDR1", "value", mfspr(SPR_SDR1), HPT_BASE);
    for (unsigned i = 0; i < SEGMENT_COUNT; i++) {
        slb_load(segments[i]);
    }
    for (unsigned i = 0; i < SEGMENT_COUNT; i++) {
        check("slbmfee", "ESID word", slbmfee(segments[i]->index), slb_esid_word(segments[i]));
        check("slbmfev", "VSID word", slbmfev(segments[i]->index), slb_vsid_word(segments[i]));
    }
    u64 found;
    u64 vsid_word = slbfee(seg1t.ea + 0x987654321ul, &found);
    check("slbfee. in a 1T segment", "CR0[EQ]", found, 1);
    check("slbfee. in a 1T segment", "VSID word", vsid_word, slb_vsid_word(&seg1t));
    vsid_word = slbfee(seg64k.ea + 0xFFFFFF8ul, &found);
    check("slbfee. in a 256M segment", "CR0[EQ]", found, 1);
    check("slbfee. in a 256M segment", "VSID word", vsid_word, slb_vsid_word(&seg64k));
    slbfee(0xA0000000ul, &found);
    check("slbfee. without a segment", "CR0[EQ]", found, 0);
    /* The image at its own address: one 16 MiB page in a 16 MiB-base segment. */
    map_page(&ident, 0, 0, 24, HPTE_PP(0) | HPTE_R_M);
    end();
}

static void test_4k(void)
{
    begin("4K pages");
    map_page(&seg4k, 0x10003000ul, FRAME(0), 12, HPTE_PP(0));
    map_page(&seg4k, 0x10004000ul, FRAME(0) + 0x9000, 12, HPTE_PP(0));
    load_ok("4K load", 0x10003000ul, FRAME(0));
    load_ok("4K load at the end of the page", 0x10003FF8ul, FRAME(0) + 0xFF8);
    load_ok("4K load, second page", 0x10004010ul, FRAME(0) + 0x9010);
    store_ok("4K store", 0x10004020ul, FRAME(0) + 0x9020);
    plant(FRAME(0));
    arm();
    u64 byte = xlate_lbz(0x10003005ul);
    expect_no_trap("4K byte load");
    check("4K byte load", "loaded", byte, *(volatile u8 *)(FRAME(0) + 5));
    /* Offset bits 23..27 are in the AVPN only: 0x10803000 hashes to 0x10003000's group. */
    load_dsi("4K, AVPN differs in offset bit 23", 0x10803000ul, NO_HPTE);
    end();
}

static void test_64k(void)
{
    begin("64K pages");
    /* In a 4 KiB-base segment (LP 0x07): one HPTE per 4 KiB base page that is touched. */
    u64 ea = 0x10100000ul, ra = FRAME(2);
    map_page(&seg4k, ea, ra, 16, HPTE_PP(0));
    map_page(&seg4k, ea + 0xB000, ra, 16, HPTE_PP(0));
    load_ok("64K in 4K segment", ea + 0x8, ra + 0x8);
    load_ok("64K in 4K segment, base page 0xB", ea + 0xB5A8, ra + 0xB5A8);
    store_ok("64K in 4K segment, store", ea + 0xB010, ra + 0xB010);
    load_dsi("64K in 4K segment, base page without HPTE", ea + 0x5000, NO_HPTE);
    /* In a 64 KiB-base segment (LP 0x01): one HPTE covers the page. */
    ea = 0x20130000ul;
    ra = FRAME(3);
    map_page(&seg64k, ea, ra, 16, HPTE_PP(0));
    load_ok("64K in 64K segment", ea + 0x10, ra + 0x10);
    load_ok("64K in 64K segment, end", ea + 0xFFF8, ra + 0xFFF8);
    store_ok("64K in 64K segment, store", ea + 0x8880, ra + 0x8880);
    /* A 4 KiB HPTE (L=0) does not decode in a 64 KiB-base segment: skipped. */
    ea = 0x20150000ul;
    hpte_insert(hpte_group(&seg64k, ea, 0), 0, hpte_first_word(&seg64k, ea, 12),
                hpte_second_word(&seg64k, FRAME(3), 12));
    load_dsi("4K HPTE in 64K segment", ea + 0x100, NO_HPTE);
    end();
}

static void test_16m(void)
{
    begin("16M pages");
    load_ok("16M in 16M segment (the image)", (u64)&ident_probe, (u64)&ident_probe);
    ident_code[0] = 0x38600016u; /* li r3, 0x16 */
    ident_code[1] = 0x4E800020u; /* blr */
    sync_icache((u64)ident_code, 8);
    exec_ok("16M in 16M segment, fetch", (u64)ident_code, 0x16);
    /* In a 4 KiB-base segment (LP 0x38), one HPTE per base page touched; 0xABC000 has offset bit 23 set. */
    u64 ea = 0x11000000ul, ra = BIG_FRAME(1);
    map_page(&seg4k, ea, ra, 24, HPTE_PP(0));
    map_page(&seg4k, ea + 0xABC000, ra, 24, HPTE_PP(0));
    load_ok("16M in 4K segment", ea + 0x10, ra + 0x10);
    load_ok("16M in 4K segment, base page 0xABC", ea + 0xABC5A8, ra + 0xABC5A8);
    store_ok("16M in 4K segment, store", ea + 0xABC7F0, ra + 0xABC7F0);
    load_dsi("16M in 4K segment, base page without HPTE", ea + 0x123000, NO_HPTE);
    /* In a 64 KiB-base segment (LP 0x08). */
    ea = 0x21000000ul;
    ra = BIG_FRAME(2);
    map_page(&seg64k, ea, ra, 24, HPTE_PP(0));
    map_page(&seg64k, ea + 0x7F0000, ra, 24, HPTE_PP(0));
    load_ok("16M in 64K segment", ea + 0x18, ra + 0x18);
    load_ok("16M in 64K segment, base page 0x7F", ea + 0x7F8008, ra + 0x7F8008);
    store_ok("16M in 64K segment, store", ea + 0x7F0100, ra + 0x7F0100);
    load_dsi("16M in 64K segment, base page without HPTE", ea + 0x120000, NO_HPTE);
    /* In a 16 MiB-base segment (LP 0x00): one HPTE, the whole page. */
    ea = 0x32000000ul;
    ra = BIG_FRAME(3);
    map_page(&seg16m, ea, ra, 24, HPTE_PP(0));
    load_ok("16M in 16M segment", ea + 0x8, ra + 0x8);
    load_ok("16M in 16M segment, end", ea + 0xFFFFF8, ra + 0xFFFFF8);
    store_ok("16M in 16M segment, store", ea + 0x876540, ra + 0x876540);
    load_dsi("16M in 16M segment, next page", ea + 0x1000000, NO_HPTE);
    end();
}

static void test_1t(void)
{
    begin("1T segments");
    /* 4 KiB pages: offset bits 28..39 go into the hash and the AVPN. */
    u64 ea = seg1t.ea + 0x1234567000ul, ra = FRAME(4);
    map_page(&seg1t, ea, ra, 12, HPTE_PP(0));
    load_ok("1T, 4K page", ea + 0x48, ra + 0x48);
    store_ok("1T, 4K page, store", ea + 0x50, ra + 0x50);
    plant_code(ra + 0x800, 0x1F);
    exec_ok("1T, 4K page, fetch", ea + 0x800, 0x1F);
    load_dsi("1T, AVPN differs in offset bit 32", ea ^ 0x100000000ul, NO_HPTE);
    /* An HPTE for a 256 MiB segment (B=0) does not translate in a 1 TiB one. */
    u64 ea2 = seg1t.ea + 0x4321000ul;
    hpte_insert(hpte_group(&seg1t, ea2, 0), 0, hpte_first_word(&seg1t, ea2, 12) & ~HPTE_V_1T,
                hpte_second_word(&seg1t, ra, 12));
    load_dsi("1T, HPTE with B=0", ea2, NO_HPTE);
    /* 64 KiB base: a 64 KiB page and a 16 MiB page (one HPTE per 64 KiB base page touched). */
    ea = seg1t64.ea + 0x5566770000ul;
    ra = FRAME(5);
    map_page(&seg1t64, ea, ra, 16, HPTE_PP(0));
    load_ok("1T, 64K page", ea + 0xFF0, ra + 0xFF0);
    store_ok("1T, 64K page, store", ea + 0xFFF8, ra + 0xFFF8);
    ea = seg1t64.ea + 0x3300000000ul;
    ra = BIG_FRAME(4);
    map_page(&seg1t64, ea, ra, 24, HPTE_PP(0));
    map_page(&seg1t64, ea + 0x9A0000, ra, 24, HPTE_PP(0));
    load_ok("1T, 16M page", ea + 0x28, ra + 0x28);
    load_ok("1T, 16M page, base page 0x9A", ea + 0x9A0010, ra + 0x9A0010);
    store_ok("1T, 16M page, store", ea + 0x9AFFF8, ra + 0x9AFFF8);
    end();
}

static void test_secondary(void)
{
    begin("secondary PTEG");
    u64 ea = 0x10200000ul, ra = FRAME(6);
    hpte_insert(hpte_group(&seg4k, ea, 1), 1, hpte_first_word(&seg4k, ea, 12), hpte_second_word(&seg4k, ra, 12));
    load_ok("secondary group, H=1", ea + 0x30, ra + 0x30);
    store_ok("secondary group, H=1, store", ea + 0x38, ra + 0x38);
    ea = 0x10201000ul;
    hpte_insert(hpte_group(&seg4k, ea, 1), 0, hpte_first_word(&seg4k, ea, 12),
                hpte_second_word(&seg4k, ra + 0x1000, 12));
    load_dsi("secondary group, H=0", ea, NO_HPTE);
    ea = 0x10202000ul;
    hpte_insert(hpte_group(&seg4k, ea, 0), 1, hpte_first_word(&seg4k, ea, 12),
                hpte_second_word(&seg4k, ra + 0x2000, 12));
    load_dsi("primary group, H=1", ea, NO_HPTE);
    /* A full primary group (8 pages that differ in offset bits 23..25) and the ninth in the secondary. */
    ea = 0x10203000ul;
    u64 ra2 = FRAME(7);
    for (u64 k = 1; k <= 8; k++) {
        u64 other = ea + (k << 23);
        hpte_insert(hpte_group(&seg4k, ea, 0), 0, hpte_first_word(&seg4k, other, 12),
                    hpte_second_word(&seg4k, ra2 + k * 0x1000, 12));
    }
    hpte_insert(hpte_group(&seg4k, ea, 1), 1, hpte_first_word(&seg4k, ea, 12), hpte_second_word(&seg4k, ra2, 12));
    load_ok("full primary group, entry in the secondary", ea + 0x40, ra2 + 0x40);
    load_ok("full primary group, last filler", ea + (8ul << 23) + 0x40, ra2 + 0x8040);
    load_ok("full primary group, first filler", ea + (1ul << 23) + 0x48, ra2 + 0x1048);
    end();
}

static void test_reference_change(void)
{
    begin("reference and change");
    u64 ea = 0x10300000ul, ra = FRAME(8);
    volatile struct hpte *p = map_page(&seg4k, ea, ra, 12, HPTE_PP(0));
    check("new HPTE", "R|C", hpte_rc(p), 0);
    load_ok("load", ea + 0x10, ra + 0x10);
    check("after a load", "R|C", hpte_rc(p), HPTE_R_R);
    arm();
    u64 through_alias = xlate_ld((u64)&p->r);
    expect_no_trap("HPTE read through the image's mapping");
    check("HPTE read through the image's mapping", "r", through_alias, p->r);
    store_ok("store", ea + 0x18, ra + 0x18);
    check("after a store", "R|C", hpte_rc(p), HPTE_R_R | HPTE_R_C);
    p = map_page(&seg4k, ea + 0x1000, ra + 0x1000, 12, HPTE_PP(0));
    store_ok("first access a store", ea + 0x1008, ra + 0x1008);
    check("after a first store", "R|C", hpte_rc(p), HPTE_R_R | HPTE_R_C);
    p = map_page(&seg4k, ea + 0x2000, ra + 0x2000, 12, HPTE_PP(3));
    load_ok("read-only page, load", ea + 0x2000, ra + 0x2000);
    store_dsi("read-only page, store", ea + 0x2008, ra + 0x2008, PROTECTION | STORE);
    check("after a refused store", "R|C", hpte_rc(p), HPTE_R_R);
    p = map_page(&seg64k, 0x20170000ul, FRAME(9), 16, HPTE_PP(0));
    load_ok("64K page, load", 0x2017A000ul, FRAME(9) + 0xA000);
    check("64K page after a load", "R|C", hpte_rc(p), HPTE_R_R);
    store_ok("64K page, store", 0x2017FFF0ul, FRAME(9) + 0xFFF0);
    check("64K page after a store", "R|C", hpte_rc(p), HPTE_R_R | HPTE_R_C);
    p = map_page(&seg16m, 0x34000000ul, BIG_FRAME(5), 24, HPTE_PP(0));
    load_ok("16M page, load", 0x34ABCDE8ul, BIG_FRAME(5) + 0xABCDE8);
    check("16M page after a load", "R|C", hpte_rc(p), HPTE_R_R);
    store_ok("16M page, store", 0x34000008ul, BIG_FRAME(5) + 0x8);
    check("16M page after a store", "R|C", hpte_rc(p), HPTE_R_R | HPTE_R_C);
    p = map_page(&seg1t, seg1t.ea + 0xFF00000000ul, FRAME(9) + 0x1000, 12, HPTE_PP(0));
    load_ok("1T page, load", seg1t.ea + 0xFF00000100ul, FRAME(9) + 0x1100);
    check("1T page after a load", "R|C", hpte_rc(p), HPTE_R_R);
    end();
}

/* What PP0||PP allows with key k (hash-mmu.md §7.1): bit 1 load, bit 2 store. */
#define R_ 1
#define W_ 2
static const unsigned pp_values[5] = { 0, 1, 2, 3, 6 };
static const unsigned pp_rights[2][5] = {
    { R_ | W_, R_ | W_, R_ | W_, R_, R_ }, /* k = 0 */
    { 0, R_, R_ | W_, R_, 0 }, /* k = 1 */
};
static const char *const pp_names[5] = { "pp 000", "pp 001", "pp 010", "pp 011", "pp 110" };

/* Maps five pages, one per PP value, at ea + i * 4K -> ra + i * 4K. */
static void map_pp_pages(const struct segment *s, u64 ea, u64 ra)
{
    for (unsigned i = 0; i < 5; i++) {
        map_page(s, ea + i * 0x1000, ra + i * 0x1000, 12, HPTE_PP(pp_values[i]));
    }
}

/* Loads and stores each of the five pages, in problem state or not, expecting key k's rights. */
static void check_pp_pages(u64 ea, u64 ra, int user, unsigned k)
{
    for (unsigned i = 0; i < 5; i++) {
        u64 e = ea + i * 0x1000 + 0x100, r = ra + i * 0x1000 + 0x100;
        const char *what = pp_names[i];
        unsigned rights = pp_rights[k][i];
        if (user) {
            if (rights & R_) {
                user_load_ok(what, e, r);
            } else {
                user_load_dsi(what, e, PROTECTION);
            }
            if (rights & W_) {
                user_store_ok(what, e + 8, r + 8);
            } else {
                user_store_dsi(what, e + 8, r + 8, PROTECTION | STORE);
            }
        } else {
            if (rights & R_) {
                load_ok(what, e, r);
            } else {
                load_dsi(what, e, PROTECTION);
            }
            if (rights & W_) {
                store_ok(what, e + 8, r + 8);
            } else {
                store_dsi(what, e + 8, r + 8, PROTECTION | STORE);
            }
        }
    }
}

static void test_pp(void)
{
    begin("PP protection");
    u64 ea = 0x10400000ul, ra = FRAME(10);
    map_pp_pages(&seg4k, ea, ra); /* Ks = 0: privileged state uses key 0 */
    check_pp_pages(ea, ra, 0, 0);
    /* dcbz is a store; a byte store reports its own (odd) address. */
    u64 before = plant(ra + 0x3080);
    arm();
    xlate_dcbz(ea + 0x3080);
    expect_trap("dcbz to pp 011", 0x300, (u64)xlate_dcbz_at, msr0 | MSR_DR, ea + 0x3080, PROTECTION | STORE);
    check("dcbz to pp 011", "memory", real_ld(ra + 0x3080), before);
    arm();
    xlate_stb(ea + 0x4123, 0x77);
    expect_trap("stb to pp 110", 0x300, (u64)xlate_stb_at, msr0 | MSR_DR, ea + 0x4123, PROTECTION | STORE);
    end();
}

static void test_keys(void)
{
    begin("Ks/Kp keys");
    u64 ea = segks.ea, ra = FRAME(11);
    map_pp_pages(&segks, ea, ra); /* Ks = 1, Kp = 0 */
    check_pp_pages(ea, ra, 0, 1);
    check_pp_pages(ea, ra, 1, 0);
    ea = segkp.ea;
    ra = FRAME(12);
    map_pp_pages(&segkp, ea, ra); /* Ks = 0, Kp = 1 */
    check_pp_pages(ea, ra, 0, 0);
    check_pp_pages(ea, ra, 1, 1);
    end();
}

static void test_amr(void)
{
    begin("AMR storage keys");
    u64 ea = 0x10500000ul, ra = FRAME(13);
    map_page(&seg4k, ea, ra, 12, HPTE_PP(0)); /* key 0 */
    map_page(&seg4k, ea + 0x1000, ra + 0x1000, 12, HPTE_PP(0) | HPTE_KEY(5));
    map_page(&seg4k, ea + 0x2000, ra + 0x2000, 12, HPTE_PP(0) | HPTE_KEY(5));
    map_page(&seg4k, ea + 0x3000, ra + 0x3000, 12, HPTE_PP(0) | HPTE_KEY(29));
    map_page(&seg4k, ea + 0x4000, ra + 0x4000, 12, HPTE_PP(3) | HPTE_KEY(5));
    map_page(&seg4k, ea + 0x5000, ra + 0x5000, 12, HPTE_PP(0) | HPTE_KEY(5));
    set_amr(AMR_NO_STORE(5));
    check("AMR", "value", mfspr(SPR_AMR), AMR_NO_STORE(5));
    load_ok("key 5 no-store, load", ea + 0x1010, ra + 0x1010);
    store_dsi("key 5 no-store, store", ea + 0x1018, ra + 0x1018, KEY | STORE);
    store_ok("key 0 while key 5 no-store", ea + 0x18, ra + 0x18);
    store_dsi("key 5 no-store, pp 011", ea + 0x4018, ra + 0x4018, PROTECTION | KEY | STORE);
    set_amr(AMR_NO_LOAD(5));
    load_dsi("key 5 no-load, load", ea + 0x2020, KEY);
    store_ok("key 5 no-load, store", ea + 0x2028, ra + 0x2028);
    set_amr(AMR_NO_LOAD(29) | AMR_NO_STORE(29));
    load_dsi("key 29 no-access, load", ea + 0x3030, KEY);
    store_dsi("key 29 no-access, store", ea + 0x3038, ra + 0x3038, KEY | STORE);
    load_ok("key 5 while key 29 no-access", ea + 0x1030, ra + 0x1030);
    set_amr(0);
    store_ok("key 29, AMR 0, store", ea + 0x3040, ra + 0x3040);
    /* mtspr AMR; isync applies to the next access, also to a page accessed just before. */
    load_ok("key 5, AMR 0, load", ea + 0x5000, ra + 0x5000);
    store_ok("key 5, AMR 0, store", ea + 0x5008, ra + 0x5008);
    set_amr(AMR_NO_LOAD(5) | AMR_NO_STORE(5));
    load_dsi("key 5 no-access after use, load", ea + 0x5010, KEY);
    store_dsi("key 5 no-access after use, store", ea + 0x5018, ra + 0x5018, KEY | STORE);
    set_amr(0);
    end();
}

static void test_unmapped(void)
{
    begin("unmapped DSI");
    load_dsi("4K segment, load", 0x10600000ul, NO_HPTE);
    store_dsi("4K segment, store", 0x10600008ul, 0, NO_HPTE | STORE);
    arm();
    u64 got = xlate_lbz(0x10600123ul);
    expect_trap("4K segment, lbz", 0x300, (u64)xlate_lbz_at, msr0 | MSR_DR, 0x10600123ul, NO_HPTE);
    check("4K segment, lbz", "target register", got, NO_VALUE);
    arm();
    xlate_dcbz(0x10600200ul);
    expect_trap("4K segment, dcbz", 0x300, (u64)xlate_dcbz_at, msr0 | MSR_DR, 0x10600200ul, NO_HPTE | STORE);
    load_dsi("64K segment, load", 0x20600000ul, NO_HPTE);
    load_dsi("16M segment, load", 0x36000000ul, NO_HPTE);
    load_dsi("1T segment, load", seg1t.ea + 0x5500000000ul, NO_HPTE);
    store_dsi("1T segment, store", seg1t.ea + 0x5500000008ul, 0, NO_HPTE | STORE);
    /* An HPTE that would match but has V=0. */
    u64 ea = 0x10601000ul;
    hpte_insert(hpte_group(&seg4k, ea, 0), 0, hpte_first_word(&seg4k, ea, 12) & ~HPTE_V_VALID,
                hpte_second_word(&seg4k, FRAME(13), 12));
    load_dsi("HPTE with V=0", ea, NO_HPTE);
    end();
}

static void test_data_segment(void)
{
    begin("data segment");
    load_dseg("no SLB entry, load", 0xA0000000ul);
    store_dseg("no SLB entry, store", 0xA0000008ul);
    load_dseg("EA above 2^63 (not ignored when translating)", 0xC000000000001000ul);
    u64 ea = 0x80005000ul, ra = FRAME(14);
    map_page(&segremap, ea, ra, 12, HPTE_PP(0));
    load_ok("before slbie", ea, ra);
    slb_invalidate(&segremap);
    load_dseg("after slbie, load", ea + 0x10);
    store_dseg("after slbie, store", ea + 0x18);
    slb_load(&segremap);
    load_ok("after slbmte", ea + 0x20, ra + 0x20);
    ea = seg1t.ea + 0x1234567000ul;
    slb_invalidate(&seg1t);
    load_dseg("1T after slbie", ea + 0x48);
    slb_load(&seg1t);
    load_ok("1T after slbmte", ea + 0x48, FRAME(4) + 0x48);
    end();
}

static void test_instruction_segment(void)
{
    begin("instruction segment");
    exec_iseg("no SLB entry", 0x90000000ul);
    exec_iseg("no SLB entry, 1T range", 0x50000000000ul + 0x1000);
    u64 ea = 0x80005800ul;
    plant_code(FRAME(14) + 0x800, 0x58);
    exec_ok("before slbie", ea, 0x58);
    slb_invalidate(&segremap);
    exec_iseg("after slbie", ea);
    slb_load(&segremap);
    exec_ok("after slbmte", ea, 0x58);
    end();
}

static void test_execute(void)
{
    begin("execute protection");
    u64 ea = 0x10700000ul, ra = FRAME(15);
    for (unsigned i = 0; i < 8; i++) {
        plant_code(ra + i * 0x1000, 0x40 + i);
    }
    map_page(&seg4k, ea, ra, 12, HPTE_PP(0));
    exec_ok("executable page", ea, 0x40);
    exec_isi("no HPTE", ea + 0x1000 + 0x10, NO_HPTE);
    map_page(&seg4k, ea + 0x2000, ra + 0x1000, 12, HPTE_PP(0) | HPTE_R_N);
    exec_isi("HPTE N=1", ea + 0x2000, NO_EXECUTE);
    load_ok("HPTE N=1, load", ea + 0x2100, ra + 0x1100);
    map_page(&seg4k, ea + 0x3000, ra + 0x2000, 12, HPTE_PP(0) | HPTE_R_G);
    exec_isi("HPTE G=1", ea + 0x3000, NO_EXECUTE);
    load_ok("HPTE G=1, load", ea + 0x3100, ra + 0x2100);
    map_page(&segnx, segnx.ea, ra + 0x3000, 12, HPTE_PP(0));
    exec_isi("SLB N=1", segnx.ea, NO_EXECUTE);
    load_ok("SLB N=1, load", segnx.ea + 0x100, ra + 0x3100);
    map_page(&segks, segks.ea + 0x10000, ra + 0x4000, 12, HPTE_PP(0));
    exec_isi("no read authority (Ks=1, pp 000)", segks.ea + 0x10000, PROTECTION);
    map_page(&seg4k, ea + 0x4000, ra + 0x5000, 12, HPTE_PP(3));
    exec_ok("read-only page", ea + 0x4000, 0x45);
    map_page(&seg4k, ea + 0x5000, ra + 0x6000, 12, HPTE_PP(0) | HPTE_KEY(5));
    set_iamr(IAMR_NO_FETCH(5));
    exec_isi("IAMR key 5", ea + 0x5000, KEY);
    set_iamr(0);
    exec_ok("IAMR 0", ea + 0x5000, 0x46);
    set_amr(AMR_NO_LOAD(5) | AMR_NO_STORE(5));
    exec_ok("AMR does not apply to fetches", ea + 0x5000, 0x46);
    set_amr(0);
    plant_code(FRAME(16) + 0xFFF8, 0x64);
    map_page(&seg64k, 0x20700000ul, FRAME(16), 16, HPTE_PP(0));
    exec_ok("64K page", 0x2070FFF8ul, 0x64);
    end();
}

static void test_remap(void)
{
    begin("remap");
    u64 ea = 0x80006000ul;
    volatile struct hpte *p = map_page(&segremap, ea, FRAME(17), 12, HPTE_PP(0));
    u64 v = hpte_get_v(p);
    load_ok("first mapping", ea + 0x60, FRAME(17) + 0x60);
    hpte_change(p, v, hpte_second_word(&segremap, FRAME(18), 12) | HPTE_PP(0), &segremap, ea, 12);
    load_ok("new real page", ea + 0x60, FRAME(18) + 0x60);
    hpte_change(p, v, hpte_second_word(&segremap, FRAME(18), 12) | HPTE_PP(3), &segremap, ea, 12);
    store_dsi("now read-only", ea + 0x68, FRAME(18) + 0x68, PROTECTION | STORE);
    load_ok("now read-only, load", ea + 0x70, FRAME(18) + 0x70);
    hpte_change(p, v & ~HPTE_V_VALID, hpte_second_word(&segremap, FRAME(18), 12), &segremap, ea, 12);
    load_dsi("now invalid", ea + 0x78, NO_HPTE);
    hpte_change(p, v, hpte_second_word(&segremap, FRAME(18), 12) | HPTE_PP(0), &segremap, ea, 12);
    load_ok("valid again", ea + 0x80, FRAME(18) + 0x80);
    store_ok("valid again, store", ea + 0x88, FRAME(18) + 0x88);
    /* A 64 KiB page in a 64 KiB-base segment: tlbie with L=1. */
    u64 ea64 = 0x20800000ul;
    p = map_page(&seg64k, ea64, FRAME(19), 16, HPTE_PP(0));
    load_ok("64K first mapping", ea64 + 0x9040, FRAME(19) + 0x9040);
    hpte_change(p, hpte_get_v(p), hpte_second_word(&seg64k, FRAME(20), 16) | HPTE_PP(0), &seg64k, ea64, 16);
    load_ok("64K new real page", ea64 + 0x9040, FRAME(20) + 0x9040);
    /* The same ESID in SLB entry 9 with another VSID (slbie first: slbmte over a valid entry may leave the
     * old translation cached): another page table entry applies. */
    map_page(&segremap_alt, ea, FRAME(21), 12, HPTE_PP(0));
    slb_invalidate(&segremap);
    slb_load(&segremap_alt);
    load_ok("slbmte with another VSID", ea + 0x90, FRAME(21) + 0x90);
    slb_invalidate(&segremap_alt);
    slb_load(&segremap);
    load_ok("slbmte with the first VSID", ea + 0x90, FRAME(18) + 0x90);
    end();
}

int main(void)
{
    print("mmu-basic: hashed MMU on the bare machine, " BYTE_ORDER_NAME "\n");
    mmu_cpu_setup(1);
    msr0 = mfmsr();
    handler_msr = MSR_SF | MSR_HV | (msr0 & (MSR_ME | MSR_LE)); /* ME is kept, LE from HID0[HILE] */
    test_setup();
    test_4k();
    test_64k();
    test_16m();
    test_1t();
    test_secondary();
    test_reference_change();
    test_pp();
    test_keys();
    test_amr();
    test_unmapped();
    test_data_segment();
    test_instruction_segment();
    test_execute();
    test_remap();
    print("RESULT: %u checks, %u failed\n", all_checks, all_failures);
    return all_failures ? 1 : 0;
}
