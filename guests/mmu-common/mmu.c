/*
 * mmu.c: page table, SLB and interrupt-record helpers for the MMU guests
 * (see mmu.h). Everything here runs in real mode.
 */
#include "mmu.h"

volatile struct trap_record trap;

static u64 hpt_base;
static u64 hpt_group_mask;
static u64 sdr1;

/* HPTEs are big-endian whatever MSR[LE] says (hash-mmu.md §0). */
static u64 to_be(u64 x)
{
#if defined(__LITTLE_ENDIAN__)
    return __builtin_bswap64(x);
#else
    return x;
#endif
}

/* ---- SLB ------------------------------------------------------------------------ */

u64 slb_esid_word(const struct segment *s)
{
    return (s->ea & ~((1ul << s->shift) - 1)) | SLB_ESID_V;
}

static u64 slb_llp(unsigned base_shift)
{
    return base_shift == 16 ? SLB_LLP_64K : base_shift == 24 ? SLB_LLP_16M : SLB_LLP_4K;
}

u64 slb_vsid_word(const struct segment *s)
{
    if (s->shift == SEGMENT_1T) {
        return SLB_B_1T | (s->vsid << 24) | s->flags | slb_llp(s->base_shift);
    }
    return (s->vsid << 12) | s->flags | slb_llp(s->base_shift);
}

void slb_load(const struct segment *s)
{
    __asm__ volatile("slbmte %0, %1\n\tisync" : : "r"(slb_vsid_word(s)), "r"(slb_esid_word(s) | s->index)
                     : "memory");
}

void slb_invalidate(const struct segment *s)
{
    /* slbie RB: ESID, and the segment size B in bits 37:38 (hash-mmu.md §2.3). */
    u64 rb = (s->ea & ~((1ul << s->shift) - 1)) | (s->shift == SEGMENT_1T ? 1ul << 25 : 0);
    __asm__ volatile("slbie %0\n\tisync" : : "r"(rb) : "memory");
}

/* ---- page table ------------------------------------------------------------------ */

void hpt_setup(u64 base, unsigned htabsize)
{
    u64 bytes = 1ul << (18 + htabsize);
    for (u64 a = base; a < base + bytes; a += 8) {
        real_std(a, 0);
    }
    hpt_base = base;
    hpt_group_mask = (bytes >> 7) - 1; /* 128 bytes per group */
    sdr1 = base | htabsize;
    __asm__ volatile("ptesync" : : : "memory");
    mtspr(SPR_SDR1, sdr1);
    __asm__ volatile("isync" : : : "memory");
}

u64 sdr1_value(void)
{
    return sdr1;
}

static u64 segment_offset(const struct segment *s, u64 ea)
{
    return ea & ((1ul << s->shift) - 1);
}

u64 hpte_group(const struct segment *s, u64 ea, int secondary)
{
    u64 page = segment_offset(s, ea) >> s->base_shift;
    u64 hash = s->shift == SEGMENT_1T ? s->vsid ^ (s->vsid << 25) ^ page : s->vsid ^ page;
    hash &= 0x7FFFFFFFFFul; /* 39 bits */
    return (secondary ? ~hash : hash) & hpt_group_mask;
}

volatile struct hpte *hpte_slot(u64 group, unsigned slot)
{
    return (volatile struct hpte *)(hpt_base + group * 128 + slot * 16);
}

u64 hpte_first_word(const struct segment *s, u64 ea, unsigned page_shift)
{
    /*
     * AVPN = VA bits 0:54 = (VSID || offset) >> 23, at bit 7 (hash-mmu.md §6.2, §6.4). Bits that lie inside
     * a base page (only in 16 MiB-base segments) are zero, as Linux builds them; a 16 MiB page in a smaller-
     * base segment has one HPTE per base page, each with the AVPN bits of its own EA.
     */
    u64 avpn_offset = segment_offset(s, ea) >> 23;
    if (s->base_shift > 23) {
        avpn_offset &= ~((1ul << (s->base_shift - 23)) - 1);
    }
    u64 v = s->shift == SEGMENT_1T ? HPTE_V_1T | (s->vsid << 24) : s->vsid << 12;
    v |= avpn_offset << 7;
    if (page_shift != 12) {
        v |= HPTE_V_LARGE;
    }
    return v | HPTE_V_VALID;
}

/* LP encodings of hash-mmu.md §4 (base page shift, actual page shift) -> penc. */
static u64 penc(unsigned base_shift, unsigned page_shift)
{
    if (base_shift == 12) {
        return page_shift == 16 ? 0x07 : 0x38;
    }
    if (base_shift == 16) {
        return page_shift == 16 ? 0x01 : 0x08;
    }
    return 0x00;
}

u64 hpte_second_word(const struct segment *s, u64 ra, unsigned page_shift)
{
    u64 r = ra & ~((1ul << page_shift) - 1) & 0x0FFFFFFFFFFFF000ul;
    if (page_shift != 12) {
        r |= penc(s->base_shift, page_shift) << 12;
    }
    return r;
}

u64 hpte_get_v(volatile struct hpte *p)
{
    return to_be(p->v);
}

u64 hpte_get_r(volatile struct hpte *p)
{
    return to_be(p->r);
}

void hpte_put(volatile struct hpte *p, u64 v, u64 r)
{
    /* The entry becomes valid only after its second doubleword is in place. */
    p->v = to_be(v & ~HPTE_V_VALID);
    __asm__ volatile("eieio" : : : "memory");
    p->r = to_be(r);
    __asm__ volatile("eieio" : : : "memory");
    p->v = to_be(v);
    __asm__ volatile("ptesync" : : : "memory");
}

volatile struct hpte *hpte_insert(u64 group, int secondary, u64 v, u64 r)
{
    for (unsigned slot = 0; slot < 8; slot++) {
        volatile struct hpte *p = hpte_slot(group, slot);
        if (!(hpte_get_v(p) & HPTE_V_VALID)) {
            hpte_put(p, v | (secondary ? HPTE_V_SECONDARY : 0), r);
            return p;
        }
    }
    print("page table group 0x%lx is full\n", group);
    console_exit(3);
}

volatile struct hpte *map_page(const struct segment *s, u64 ea, u64 ra, unsigned page_shift, u64 rflags)
{
    return hpte_insert(hpte_group(s, ea, 0), 0, hpte_first_word(s, ea, page_shift),
                       hpte_second_word(s, ra, page_shift) | rflags);
}

u64 tlbie_rb(const struct segment *s, u64 ea, unsigned page_shift, int *large)
{
    /* RB holds the low 64 bits of the virtual address VSID || offset. */
    u64 va = (s->vsid << s->shift) | segment_offset(s, ea);
    u64 b = s->shift == SEGMENT_1T ? 1 : 0;
    if (s->base_shift == 12) {
        /* 4 KiB base: the actual size as L||LP in bits 56:58 (0 for 4 KiB, 0b101 for 64 KiB, 0b100 for 16 MiB). */
        u64 sllp = page_shift == 12 ? 0 : page_shift == 16 ? 5 : 4;
        *large = 0;
        return (va & ~0xFFFul) | (b << 8) | (sllp << 5);
    }
    /* Large base page: LP in the RPN bits, AVAL, and bit 63 = L. */
    *large = 1;
    return (va & ~((1ul << page_shift) - 1)) | (penc(s->base_shift, page_shift) << 12) | (b << 8)
           | ((va >> 12) & 0xFE) | 1;
}

void hpte_change(volatile struct hpte *p, u64 v, u64 r, const struct segment *s, u64 ea, unsigned page_shift)
{
    int large;
    u64 rb = tlbie_rb(s, ea, page_shift, &large);
    p->v = to_be(hpte_get_v(p) & ~HPTE_V_VALID);
    if (large) {
        __asm__ volatile("ptesync\n\ttlbie %0, 1\n\teieio\n\ttlbsync\n\tptesync" : : "r"(rb) : "memory");
    } else {
        __asm__ volatile("ptesync\n\ttlbie %0, 0\n\teieio\n\ttlbsync\n\tptesync" : : "r"(rb) : "memory");
    }
    p->r = to_be(r);
    __asm__ volatile("eieio" : : : "memory");
    p->v = to_be(v);
    __asm__ volatile("ptesync" : : : "memory");
}

void sync_icache(u64 address, u64 length)
{
    for (u64 a = address & ~127ul; a < address + length; a += 128) {
        __asm__ volatile("dcbst 0, %0\n\tsync\n\ticbi 0, %0" : : "r"(a) : "memory");
    }
    __asm__ volatile("sync\n\tisync" : : : "memory");
}

/* ---- interrupts -------------------------------------------------------------------- */

void mmu_cpu_setup(int resume)
{
    /*
     * Interrupts that leave MSR[HV] = 1 (all of ours: we run in hypervisor state) take MSR[LE] from
     * HID0[HILE]; LPCR[ILE] is for interrupts that end in MSR[HV] = 0, i.e. for partitions. A hypervisor
     * sets HILE to its own byte order (OPAL does it for Linux) and leaves LPCR[ILE] to its guests.
     */
    u64 hid0 = mfspr(SPR_HID0);
#if defined(__LITTLE_ENDIAN__)
    hid0 |= HID0_HILE;
#else
    hid0 &= ~HID0_HILE;
#endif
    __asm__ volatile("sync" : : : "memory");
    mtspr(SPR_HID0, hid0);
    __asm__ volatile("isync" : : : "memory");
    /* Problem state runs with MSR[EE] = 1: keep the decrementer far from zero. */
    mtspr(SPR_DEC, 0x7FFFFFFFul);
    trap.resume = (u64)resume;
}

void trap_clear(void)
{
    trap.count = 0;
    trap.vector = 0;
    trap.dar = 0;
    trap.dsisr = 0;
    trap.srr0 = 0;
    trap.srr1 = 0;
    trap.msr = 0;
}

void trap_report(u64 vector)
{
    print("unexpected interrupt 0x%lx: SRR0 0x%lx SRR1 0x%lx DAR 0x%lx DSISR 0x%lx HSRR0 0x%lx HSRR1 0x%lx\n", vector,
          trap.srr0, trap.srr1, trap.dar, trap.dsisr, trap.hsrr0, trap.hsrr1);
    console_exit(2);
}
