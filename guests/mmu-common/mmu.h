/*
 * mmu.h: what a bare-machine guest needs to run its own hashed page table
 * (Power ISA v2.07B Book III-S chapter 5, "Storage Control"; the facts are
 * collected in shared/spec/hash-mmu.md, whose sections are cited below).
 *
 * The pieces, in the order a program uses them:
 *   1. a page table (HPT) in RAM, aligned to its size, named by SDR1;
 *   2. SLB entries (slbmte): an effective segment (256 MiB or 1 TiB of EA
 *      space) gets a virtual segment id (VSID), protection keys Ks/Kp, a
 *      no-execute bit and a base page size;
 *   3. page table entries (HPTEs, 16 bytes, always big-endian in memory):
 *      found by hashing the VSID with the page number into a group of 8
 *      ("PTEG"); the primary group first, then the secondary one (H=1);
 *   4. MSR[IR] (instruction fetches) and MSR[DR] (loads and stores) switch
 *      translation on; interrupts switch it off again.
 */
#ifndef MMU_H
#define MMU_H

#include "../workout/lib.h"

/* ---- registers ------------------------------------------------------------ */

#define SPR_DSISR 18
#define SPR_DAR 19
#define SPR_DEC 22
#define SPR_SDR1 25
#define SPR_AMR 29
#define SPR_IAMR 61
#define SPR_LPCR 318
#define SPR_HID0 1008

#define MSR_SF (1ul << 63)
#define MSR_HV (1ul << 60)
#define MSR_EE (1ul << 15)
#define MSR_PR (1ul << 14)
#define MSR_ME (1ul << 12)
#define MSR_IR (1ul << 5)
#define MSR_DR (1ul << 4)
#define MSR_LE 1ul

/* LPCR[ILE]: interrupts that end in MSR[HV] = 0 arrive little-endian. */
#define LPCR_ILE (1ul << 25)
/* HID0[HILE] (POWER8): interrupts that end in MSR[HV] = 1 arrive little-endian. */
#define HID0_HILE (1ul << 44)

#define mfspr(n) ({ u64 v_; __asm__ volatile("mfspr %0, %1" : "=r"(v_) : "i"(n)); v_; })
#define mtspr(n, v) __asm__ volatile("mtspr %0, %1" : : "i"(n), "r"((u64)(v)) : "memory")

static inline u64 mfmsr(void)
{
    u64 v;
    __asm__ volatile("mfmsr %0" : "=r"(v));
    return v;
}

static inline void mtmsrd(u64 v)
{
    __asm__ volatile("mtmsrd %0\n\tisync" : : "r"(v) : "memory");
}

/* ---- SLB (hash-mmu.md §2) ---------------------------------------------------- */

#define SLB_ESID_V 0x08000000ul /* slbmte RB: valid */
#define SLB_B_1T (1ul << 62) /* slbmte RS: 1 TiB segment */
#define SLB_KS 0x800ul /* key for privileged state */
#define SLB_KP 0x400ul /* key for problem state */
#define SLB_N 0x200ul /* no-execute segment */
#define SLB_LLP_4K 0x000ul /* base page size 4 KiB (L||LP) */
#define SLB_LLP_64K 0x110ul /* base page size 64 KiB */
#define SLB_LLP_16M 0x100ul /* base page size 16 MiB */

#define SEGMENT_256M 28 /* log2 of the segment sizes */
#define SEGMENT_1T 40

struct segment {
    u64 ea; /* first effective address of the segment */
    unsigned shift; /* SEGMENT_256M or SEGMENT_1T */
    u64 vsid;
    unsigned base_shift; /* base page size: 12, 16 or 24 */
    u64 flags; /* SLB_KS, SLB_KP, SLB_N */
    unsigned index; /* SLB entry */
};

u64 slb_esid_word(const struct segment *s); /* ESID || V, as slbmfee returns it */
u64 slb_vsid_word(const struct segment *s); /* B || VSID || keys || N || L || LP */
void slb_load(const struct segment *s); /* slbmte; isync */
void slb_invalidate(const struct segment *s); /* slbie; isync */

/* ---- page table (hash-mmu.md §5, §6) ------------------------------------------- */

#define HPTE_V_1T (1ul << 62) /* B = 1 TiB segment */
#define HPTE_V_LARGE 0x4ul /* L: not a 4 KiB page; the size is in LP */
#define HPTE_V_SECONDARY 0x2ul /* H: lives in the secondary group */
#define HPTE_V_VALID 0x1ul

#define HPTE_R_PP0 (1ul << 63)
#define HPTE_R_R 0x100ul /* referenced */
#define HPTE_R_C 0x080ul /* changed */
#define HPTE_R_I 0x020ul /* caching inhibited */
#define HPTE_R_M 0x010ul /* memory coherence */
#define HPTE_R_G 0x008ul /* guarded: never executable */
#define HPTE_R_N 0x004ul /* no-execute page */

/* PP0||PP as a 3-bit number (hash-mmu.md §7.1), and the 5-bit storage key. */
#define HPTE_PP(pp) ((((pp) & 4) ? HPTE_R_PP0 : 0) | ((u64)(pp) & 3))
#define HPTE_KEY(k) (((u64)((k) >> 3) << 60) | ((u64)((k) & 7) << 9))

struct hpte {
    u64 v; /* big-endian: B, AVPN, SW, L, H, V */
    u64 r; /* big-endian: PP0, key, RPN (with LP), R, C, WIMG, N, PP */
};

/* Clears a 2^(18 + htabsize) byte table at base (aligned to its size) and sets SDR1. */
void hpt_setup(u64 base, unsigned htabsize);
u64 sdr1_value(void);

/* The group an EA hashes to (secondary: the other one), and its slots. */
u64 hpte_group(const struct segment *s, u64 ea, int secondary);
volatile struct hpte *hpte_slot(u64 group, unsigned slot);

/* The two doublewords for a page of 2^page_shift bytes at ea -> ra in segment s. */
u64 hpte_first_word(const struct segment *s, u64 ea, unsigned page_shift);
u64 hpte_second_word(const struct segment *s, u64 ra, unsigned page_shift);

/* Puts (v, r) into the first free slot of group (with H set for a secondary one). */
volatile struct hpte *hpte_insert(u64 group, int secondary, u64 v, u64 r);

/*
 * Maps the page of 2^page_shift bytes holding ea to the one holding ra, with
 * the HPTE in the primary group of ea. rflags: HPTE_PP(), HPTE_KEY(), WIMG,
 * N. A page larger than the segment's base page needs one HPTE per base page
 * that is accessed: the hash uses the base page number (hash-mmu.md §5).
 */
volatile struct hpte *map_page(const struct segment *s, u64 ea, u64 ra, unsigned page_shift, u64 rflags);

/* Reads and writes an HPTE in its big-endian format (r first, then v). */
u64 hpte_get_v(volatile struct hpte *p);
u64 hpte_get_r(volatile struct hpte *p);
void hpte_put(volatile struct hpte *p, u64 v, u64 r);

/*
 * Changes a valid HPTE that may be cached in a TLB, as Book III-S
 * ("Modifying a Page Table Entry") prescribes: V=0; ptesync; tlbie (the old
 * translation of the page at ea); eieio; tlbsync; ptesync; new contents;
 * eieio; V=1 (unless the new v is invalid); ptesync.
 */
void hpte_change(volatile struct hpte *p, u64 v, u64 r, const struct segment *s, u64 ea, unsigned page_shift);

/* The tlbie RB operand for the page at ea (hash-mmu.md §10); *large = the L operand. */
u64 tlbie_rb(const struct segment *s, u64 ea, unsigned page_shift, int *large);

/* Makes code written by stores visible to instruction fetches. */
void sync_icache(u64 address, u64 length);

/* ---- interrupts (vectors.S) -------------------------------------------------- */

struct trap_record {
    u64 count; /* interrupts taken since the last trap_clear() */
    u64 vector;
    u64 dar;
    u64 dsisr;
    u64 srr0;
    u64 srr1;
    u64 msr; /* the MSR the handler ran with */
    u64 hsrr0;
    u64 hsrr1;
    u64 resume; /* 1: resume after storage interrupts; 0: every interrupt is fatal */
};

extern volatile struct trap_record trap;

/* Interrupts are fatal unless resume is set; interrupts arrive in the program's byte order. */
void mmu_cpu_setup(int resume);
void trap_clear(void);
void trap_report(u64 vector) __attribute__((noreturn));

/* ---- access.S ------------------------------------------------------------------ */

u64 xlate_ld(u64 ea);
u64 xlate_lbz(u64 ea);
void xlate_std(u64 ea, u64 value);
void xlate_stb(u64 ea, u64 value);
void xlate_dcbz(u64 ea);
u64 xlate_call(u64 ea);
u64 xlate_user_ld(u64 ea);
void xlate_user_std(u64 ea, u64 value);
extern const u32 xlate_ld_at[], xlate_lbz_at[], xlate_std_at[], xlate_stb_at[], xlate_dcbz_at[];
extern const u32 xlate_user_ld_at[], xlate_user_std_at[];

/* Real-mode access to a real address (C runs with MSR[DR] = 0). */
static inline u64 real_ld(u64 ra)
{
    return *(volatile u64 *)ra;
}

static inline void real_std(u64 ra, u64 value)
{
    *(volatile u64 *)ra = value;
}

#endif
