/*
 * mmu-tour: a short tour of the hashed MMU on jppc's bare machine.
 *
 * The bare machine starts us in real mode (MSR[IR] = MSR[DR] = 0): every
 * effective address (EA) is the real address (RA). This program builds the
 * three things translation needs, turns it on, touches a page, and stops
 * with everything left in place, so that a monitor can look at SDR1, the
 * SLB and the page table afterwards:
 *
 *   1. a hashed page table (HPT) in RAM, named by SDR1;
 *   2. SLB entries: each maps a segment of EAs (256 MiB here) to a virtual
 *      segment id (VSID) and says which base page size the segment uses;
 *   3. page table entries (HPTEs): each maps one page of a segment to a real
 *      page; it lives in the group of 8 entries that the VSID and the page
 *      number hash to.
 *
 * One mapping per page size: the program itself (16 MiB pages, mapped at
 * its own address so that it keeps running when translation comes on), a
 * data page (64 KiB) and the UART (4 KiB, cache-inhibited and guarded).
 * The helpers used here are in ../mmu-common/mmu.c; the facts behind them
 * in shared/spec/hash-mmu.md.
 */
#include "../mmu-common/mmu.h"

#define HPT_BASE 0x00F00000ul /* 256 KiB page table: must be aligned to its size */
#define STACK_PAGE 0x0E000000ul /* start.S keeps the stack just below 0x0F000000 */
#define DATA_EA 0x10000000ul /* where the program sees its data page ... */
#define DATA_RA 0x00800000ul /* ... and where that page really is */
#define UART 0x0000600000000000ul /* the console (workout/console-bare.c) */

/* Three segments: { first EA, size, VSID, base page shift, keys/no-execute, SLB entry }. */
static const struct segment image_segment = { 0, SEGMENT_256M, 0x100, 24, 0, 0 };
static const struct segment data_segment = { DATA_EA, SEGMENT_256M, 0x200, 16, 0, 1 };
static const struct segment uart_segment = { UART, SEGMENT_256M, 0x300, 12, 0, 2 };

static void show_segment(const struct segment *s)
{
    u64 esid, vsid;
    __asm__ volatile("slbmfee %0, %1" : "=r"(esid) : "r"((u64)s->index));
    __asm__ volatile("slbmfev %0, %1" : "=r"(vsid) : "r"((u64)s->index));
    print("  SLB %u: ESID word 0x%016lx  VSID word 0x%016lx  (VSID 0x%lx, %s base pages)\n", s->index, esid, vsid,
          s->vsid, s->base_shift == 24 ? "16M" : s->base_shift == 16 ? "64K" : "4K");
}

static void show_hpte(const char *what, u64 ea, volatile struct hpte *p)
{
    u64 index = ((u64)p - HPT_BASE) / 16; /* group * 8 + slot */
    print("  %s EA 0x%016lx  HPTE %4lu (group 0x%03lx slot %lu): v 0x%016lx r 0x%016lx\n", what, ea, index,
          index / 8, index % 8, hpte_get_v(p), hpte_get_r(p));
}

static const char *rc(volatile struct hpte *p)
{
    u64 r = hpte_get_r(p);
    return (r & HPTE_R_C) ? "R=1 C=1" : (r & HPTE_R_R) ? "R=1 C=0" : "R=0 C=0";
}

int main(void)
{
    print("mmu-tour: the hashed MMU of the bare machine, step by step\n");
    mmu_cpu_setup(0); /* interrupt vectors: here every interrupt is a fatal error */

    /* 1. The page table: 2^(18 + 0) bytes, cleared, its address and size in SDR1. */
    hpt_setup(HPT_BASE, 0);
    print("1. page table at 0x%lx, 256 KiB = 2048 groups of 8 entries; SDR1 = 0x%lx\n", HPT_BASE,
          mfspr(SPR_SDR1));

    /* 2. The segments. */
    slb_load(&image_segment);
    slb_load(&data_segment);
    slb_load(&uart_segment);
    print("2. segments (slbmte):\n");
    show_segment(&image_segment);
    show_segment(&data_segment);
    show_segment(&uart_segment);

    /* 3. The pages. PP 00 with key Ks = 0 allows reading and writing. */
    volatile struct hpte *image = map_page(&image_segment, 0, 0, 24, HPTE_PP(0) | HPTE_R_M);
    volatile struct hpte *stack = map_page(&image_segment, STACK_PAGE, STACK_PAGE, 24, HPTE_PP(0) | HPTE_R_M);
    volatile struct hpte *data = map_page(&data_segment, DATA_EA, DATA_RA, 16, HPTE_PP(0) | HPTE_R_M);
    volatile struct hpte *uart = map_page(&uart_segment, UART, UART, 12, HPTE_PP(0) | HPTE_R_I | HPTE_R_G);
    print("3. pages (HPTEs, big-endian in memory; index = group * 8 + slot):\n");
    show_hpte("image", 0, image);
    show_hpte("stack", STACK_PAGE, stack);
    show_hpte("data ", DATA_EA, data);
    show_hpte("uart ", UART, uart);

    /* Something to find in the data page, written at its real address. */
    real_std(DATA_RA + 0x100, 0x1122334455667788ul);

    /* 4. Translation on: from the next instruction on, every fetch and data access goes through the MMU. */
    mtmsrd(mfmsr() | MSR_IR | MSR_DR);
    print("4. translation on: MSR = 0x%lx (this line went through the UART's 4K page)\n", mfmsr());

    /* 5. A load and a store through the 64K page; the MMU records them in the HPTE's R and C bits. */
    print("5. data page HPTE before: %s\n", rc(data));
    u64 value = *(volatile u64 *)(DATA_EA + 0x100);
    print("   load  EA 0x%lx -> 0x%lx; HPTE now %s\n", DATA_EA + 0x100, value, rc(data));
    *(volatile u64 *)(DATA_EA + 0x108) = 0xCAFEF00Dul;
    print("   store EA 0x%lx <- 0xcafef00d; HPTE now %s\n", DATA_EA + 0x108, rc(data));

    print("6. stopping with translation on; SDR1, the SLB and the page table stay for inspection\n");
    return 0;
}
