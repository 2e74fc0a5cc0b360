/*
 * churn.c: a pseries partition that keeps rewriting its hashed page table
 * and dirtying memory, for live-migration tests (jppc's docs/migration.md).
 *
 * It owns a 256 MiB segment at EA 0x10000000 whose first WINDOW pages it
 * maps, one at a time, onto a rotating pool of real pages: each iteration
 * takes one window page away with H_REMOVE and maps it again with H_ENTER
 * onto another pool page, then stores and loads through the new mapping
 * with data translation on (mmu-common/access.S) and scatters stores over
 * a 4 MiB area in real mode. Every PRINT_EVERY iterations it prints a line
 * with a checksum of all it has read, so the console depends only on the
 * instructions executed (jppc's virtual clock), wherever the run was
 * migrated. At the end it checks every window page through its mapping
 * against the pool page's real address and powers off (status 0), or
 * reports the mismatches (status 1).
 */
#include "../mmu-common/mmu.h"

#define H_SUCCESS 0
#define H_PARAMETER (-4)
#define H_REMOVE 0x04
#define H_ENTER 0x08
#define H_READ 0x0C

#define SEG_EA 0x10000000ul
#define SEG_VSID 0x5A5A5ul
#define WINDOW 16 /* window pages remapped in turn */
#define POOL_RA 0x02000000ul
#define POOL_PAGES 64
#define SCRIBBLE_RA 0x03000000ul
#define SCRIBBLE_BYTES (4ul << 20)
#define STORES_PER_ITERATION 8
#define ITERATIONS 30000
#define PRINT_EVERY 1500
#define PP_READ_WRITE 0x2ul

u64 xlate_ld(u64 ea);
void xlate_std(u64 ea, u64 value);

static u64 group_mask;
static u64 window_slot[WINDOW]; /* the HPTE index of each window page's mapping */
static u64 window_pool[WINDOW]; /* the pool page it maps */
static u64 hpt_updates;
static u64 checksum;
static unsigned failures;

static long hcall4(u64 opcode, u64 *r4, u64 *r5, u64 r6, u64 r7)
{
    register u64 a3 __asm__("r3") = opcode;
    register u64 a4 __asm__("r4") = *r4;
    register u64 a5 __asm__("r5") = *r5;
    register u64 a6 __asm__("r6") = r6;
    register u64 a7 __asm__("r7") = r7;
    __asm__ volatile("sc 1"
                     : "+r"(a3), "+r"(a4), "+r"(a5), "+r"(a6), "+r"(a7)
                     :
                     : "r0", "r8", "r9", "r10", "r11", "r12", "ctr", "xer", "cr0", "cr1", "cr5", "cr6", "cr7",
                       "memory");
    *r4 = a4;
    *r5 = a5;
    return (long)a3;
}

/* The table's size: the first index H_READ refuses. */
static u64 probe_entries(void)
{
    unsigned shift = 11;
    for (;;) {
        u64 flags = 0, index = 1ul << shift;
        if (hcall4(H_READ, &flags, &index, 0, 0) != H_SUCCESS) {
            return 1ul << shift;
        }
        shift++;
    }
}

static u64 page_ea(unsigned page)
{
    return SEG_EA + ((u64)page << 12);
}

/* Maps window page `page` onto pool page `pool` in the first free slot of its primary group. */
static void enter(unsigned page, u64 pool)
{
    u64 ea = page_ea(page);
    u64 hash = (SEG_VSID ^ ((ea & 0x0FFFFFFFul) >> 12)) & 0x7FFFFFFFFFul;
    u64 flags = 0, index = (hash & group_mask) * 8;
    u64 v = SEG_VSID << 12 | ((ea & 0x0FFFFFFFul) >> 23) << 7 | HPTE_V_VALID;
    u64 r = (POOL_RA + (pool << 12)) | HPTE_R_M | PP_READ_WRITE;
    long status = hcall4(H_ENTER, &flags, &index, v, r);
    if (status != H_SUCCESS) {
        print("H_ENTER of page %u failed: %ld\n", page, status);
        failures++;
        return;
    }
    window_slot[page] = flags; /* r4 out: the slot used */
    window_pool[page] = pool;
    hpt_updates++;
}

static void remove(unsigned page)
{
    u64 flags = 0, index = window_slot[page];
    long status = hcall4(H_REMOVE, &flags, &index, 0, 0);
    if (status != H_SUCCESS) {
        print("H_REMOVE of page %u failed: %ld\n", page, status);
        failures++;
    }
    hpt_updates++;
}

/* SplitMix64's finaliser: every input bit reaches every output bit. */
static u64 mix(u64 x)
{
    x += 0x9E3779B97F4A7C15ul;
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ul;
    x *= 0x94D049BB133111EBul;
    x ^= x >> 31;
    return x;
}

static void iterate(unsigned n)
{
    unsigned page = n % WINDOW;
    remove(page);
    enter(page, (n * 7 + page) % POOL_PAGES);
    u64 offset = (n * 8) & 0xFF8;
    xlate_std(page_ea(page) + offset, mix(n));
    unsigned other = (n * 5 + 3) % WINDOW;
    checksum = mix(checksum ^ xlate_ld(page_ea(other) + (((n - 16) * 8) & 0xFF8)));
    volatile u64 *scribble = (volatile u64 *)SCRIBBLE_RA;
    for (unsigned i = 0; i < STORES_PER_ITERATION; i++) {
        u64 at = ((u64)n * 4099 + i * 131071) % (SCRIBBLE_BYTES / 8);
        scribble[at] = scribble[at] + mix(n + i);
        checksum ^= scribble[(at * 3) % (SCRIBBLE_BYTES / 8)];
    }
}

/* Every window page through its mapping equals its pool page read in real mode. */
static void check_window(void)
{
    for (unsigned page = 0; page < WINDOW; page++) {
        for (u64 offset = 0; offset < 4096; offset += 512) {
            u64 real = *(volatile u64 *)(POOL_RA + (window_pool[page] << 12) + offset);
            u64 mapped = xlate_ld(page_ea(page) + offset);
            if (real != mapped) {
                print("window page %u offset 0x%lx: 0x%lx through the mapping, 0x%lx in real mode\n", page,
                      offset, mapped, real);
                failures++;
            }
        }
    }
}

int main(void)
{
    print("churn-pseries: H_ENTER/H_REMOVE churn with translated accesses, big-endian\n");
    group_mask = probe_entries() / 8 - 1;
    __asm__ volatile("slbia\n\tisync" : : : "memory");
    u64 rs = SEG_VSID << 12 | SLB_LLP_4K;
    u64 rb = SEG_EA | SLB_ESID_V | 1;
    __asm__ volatile("slbmte %0, %1\n\tisync" : : "r"(rs), "r"(rb) : "memory");
    for (unsigned page = 0; page < WINDOW; page++) {
        enter(page, page);
    }
    for (unsigned n = 0; n < ITERATIONS; n++) {
        iterate(n);
        if ((n + 1) % PRINT_EVERY == 0) {
            print("iteration %u: %lu page table updates, checksum %016lx\n", n + 1, hpt_updates, checksum);
        }
    }
    check_window();
    u64 scribbled = 0;
    for (u64 at = 0; at < SCRIBBLE_BYTES / 8; at += 97) {
        scribbled = mix(scribbled ^ ((volatile u64 *)SCRIBBLE_RA)[at]);
    }
    print("RESULT: %lu page table updates, checksum %016lx, memory %016lx, %u failures\n", hpt_updates, checksum,
          scribbled, failures);
    return failures != 0;
}
