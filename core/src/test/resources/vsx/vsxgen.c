/*
 * Reference data for jppc's VSX loads, stores, moves, logical and permute instructions, taken from QEMU.
 *
 * For every instruction of the table below it builds random instruction words (random VSR numbers 0-63 in
 * every register field, random DM/SHW/UIM/IMM8, random base registers and misaligned addresses), runs each one
 * once on random registers and a random 64-byte buffer, and prints one line:
 *
 *   name word inputs -> outputs
 *
 * inputs:  vsN=<32 hex digits, doubleword 0 then 1> for every VSR the word names; rN=<16 hex> for the GPRs it
 *          names, or rN=@<decimal> for an address <decimal> bytes from the buffer's start; mem=<128 hex> (the
 *          buffer, in address order) for storage accesses.
 * outputs: every VSR and GPR that changed, and mem= when the buffer changed. Registers not listed keep their
 *          value.
 *
 * Usage: vsxgen p8|p9 [cases per instruction] (p8: ISA v2.07 instructions, run with -cpu power8; p9: the v3.0
 * ones, run with -cpu power9). See Makefile.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct state {
    uint64_t vsr[64][2];
    uint64_t gpr[32];
};

extern void vsx_run(struct state *state, uint64_t *save);
extern uint32_t vsx_slot[];

enum kind {
    LOAD_X,     /* XT,RA,RB: EA = (RA|0) + RB */
    STORE_X,
    LOAD_L,     /* lxvl XT,RA,RB: EA = (RA|0), length in RB[0:7] */
    STORE_L,
    LOAD_DQ,    /* lxv XT,DQ(RA) */
    STORE_DQ,
    MOVE_FROM,  /* RA,XS */
    MOVE_TO,    /* XT,RA */
    MOVE_TO_2,  /* XT,RA,RB */
    XX3,        /* XT,XA,XB */
    XX3_DM,     /* XT,XA,XB,DM or SHW */
    XX4,        /* XT,XA,XB,XC */
    XX2_UIM,    /* XT,XB,UIM */
    IMM8,       /* XT,IMM8 */
};

struct insn {
    const char *name;
    uint32_t base;
    enum kind kind;
    int v3;
    int special;  /* 1: memory holds interesting singles; 2: VSR doubleword 0 holds interesting doubles */
};

#define X31(xo) ((31u << 26) | ((uint32_t) (xo) << 1))
#define XX3W(xo) ((60u << 26) | ((uint32_t) (xo) << 3))

static const struct insn INSNS[] = {
    {"lxsdx", X31(588), LOAD_X, 0, 0},
    {"lxsiwax", X31(76), LOAD_X, 0, 0},
    {"lxsiwzx", X31(12), LOAD_X, 0, 0},
    {"lxsspx", X31(524), LOAD_X, 0, 1},
    {"lxvd2x", X31(844), LOAD_X, 0, 0},
    {"lxvdsx", X31(332), LOAD_X, 0, 0},
    {"lxvw4x", X31(780), LOAD_X, 0, 0},
    {"stxsdx", X31(716), STORE_X, 0, 0},
    {"stxsiwx", X31(140), STORE_X, 0, 0},
    {"stxsspx", X31(652), STORE_X, 0, 2},
    {"stxvd2x", X31(972), STORE_X, 0, 0},
    {"stxvw4x", X31(908), STORE_X, 0, 0},
    {"mfvsrd", X31(51), MOVE_FROM, 0, 0},
    {"mfvsrwz", X31(115), MOVE_FROM, 0, 0},
    {"mtvsrd", X31(179), MOVE_TO, 0, 0},
    {"mtvsrwa", X31(211), MOVE_TO, 0, 0},
    {"mtvsrwz", X31(243), MOVE_TO, 0, 0},
    {"xxland", XX3W(130), XX3, 0, 0},
    {"xxlandc", XX3W(138), XX3, 0, 0},
    {"xxlor", XX3W(146), XX3, 0, 0},
    {"xxlxor", XX3W(154), XX3, 0, 0},
    {"xxlnor", XX3W(162), XX3, 0, 0},
    {"xxlorc", XX3W(170), XX3, 0, 0},
    {"xxlnand", XX3W(178), XX3, 0, 0},
    {"xxleqv", XX3W(186), XX3, 0, 0},
    {"xxsel", (60u << 26) | (3u << 4), XX4, 0, 0},
    {"xxpermdi", XX3W(10), XX3_DM, 0, 0},
    {"xxsldwi", XX3W(2), XX3_DM, 0, 0},
    {"xxmrghw", XX3W(18), XX3, 0, 0},
    {"xxmrglw", XX3W(50), XX3, 0, 0},
    {"xxspltw", (60u << 26) | (164u << 2), XX2_UIM, 0, 0},
    {"lxvl", X31(269), LOAD_L, 1, 0},
    {"stxvl", X31(397), STORE_L, 1, 0},
    {"lxv", (61u << 26) | 1, LOAD_DQ, 1, 0},
    {"stxv", (61u << 26) | 5, STORE_DQ, 1, 0},
    {"mfvsrld", X31(307), MOVE_FROM, 1, 0},
    {"mtvsrdd", X31(435), MOVE_TO_2, 1, 0},
    {"mtvsrws", X31(403), MOVE_TO, 1, 0},
    {"xxspltib", (60u << 26) | (360u << 1), IMM8, 1, 0},
};

/* The GPRs a generated word may name: r3 and r4 belong to the harness, r1, r2 and r13 to the C runtime. */
static const int GPRS[] = {0, 5, 6, 7, 8, 9, 10, 11, 12};
#define NGPRS (sizeof GPRS / sizeof GPRS[0])

static uint8_t buffer[64] __attribute__((aligned(64)));
static uint64_t save[128] __attribute__((aligned(16)));
static struct state state __attribute__((aligned(16)));
static uint64_t rng = 0x6a707063765358ull;

static uint64_t next(void)
{
    /* xorshift64* */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545f4914f6cdd1dull;
}

static int below(int n)
{
    return (int) (next() % (uint64_t) n);
}

static int vsr_field(void)
{
    return below(64);
}

static int gpr_not(int a, int b)
{
    for (;;) {
        int g = GPRS[1 + below(NGPRS - 1)];
        if (g != a && g != b) {
            return g;
        }
    }
}

/* A single-precision pattern: zeros, denormals, infinities, NaNs and normal values in about equal shares. */
static uint32_t interesting_single(void)
{
    uint32_t sign = (uint32_t) below(2) << 31;
    uint32_t fraction = (uint32_t) next() & 0x7fffff;
    static const uint32_t EXPONENTS[] = {0, 0, 1, 2, 126, 127, 128, 253, 254, 255, 255};
    uint32_t exponent = below(3) == 0 ? (uint32_t) below(256) : EXPONENTS[below(11)];
    if (below(8) == 0) {
        fraction >>= below(23);
    }
    return sign | (exponent << 23) | fraction;
}

/* A double-precision pattern whose exponent is near the single-precision limits (874-896 denormalize). */
static uint64_t interesting_double(void)
{
    uint64_t sign = (uint64_t) below(2) << 63;
    uint64_t fraction = next() & 0xfffffffffffffull;
    static const uint64_t EXPONENTS[] = {0, 1, 700, 873, 874, 875, 880, 890, 895, 896, 897, 898, 1023, 1150,
                                         1151, 1152, 1153, 1300, 2046, 2047, 2047};
    uint64_t exponent = below(4) == 0 ? (uint64_t) below(2048) : EXPONENTS[below(21)];
    if (below(8) == 0) {
        fraction = 0;
    }
    return sign | (exponent << 52) | fraction;
}

static void put_vsr(uint32_t *word, int n, int lsb, int extension_bit)
{
    *word |= (uint32_t) (n & 31) << lsb;
    *word |= (uint32_t) (n >> 5) << extension_bit;
}

struct fields {
    int vsrs[4];
    int nvsrs;
    int gprs[2];
    int ngprs;
    int address_gpr;  /* the GPR that holds a buffer address, or -1 */
    long address;     /* its offset from the buffer */
    int memory;
};

static void add_vsr(struct fields *f, int n)
{
    f->vsrs[f->nvsrs++] = n;
}

static void add_gpr(struct fields *f, int n)
{
    f->gprs[f->ngprs++] = n;
}

/* XT or XS in bits 6-10 with TX in bit 31 (the LSB of the word). */
static uint32_t with_xt(uint32_t word, struct fields *f)
{
    int t = vsr_field();
    put_vsr(&word, t, 21, 0);
    add_vsr(f, t);
    return word;
}

static uint32_t build(const struct insn *in, struct fields *f)
{
    uint32_t word = in->base;
    memset(f, 0, sizeof *f);
    f->address_gpr = -1;
    switch (in->kind) {
    case LOAD_X:
    case STORE_X: {
        word = with_xt(word, f);
        int ra = below(3) == 0 ? 0 : gpr_not(-1, -1);
        int rb = gpr_not(ra, -1);
        long offset = below(49);
        word |= (uint32_t) ra << 16 | (uint32_t) rb << 11;
        if (ra == 0) {
            f->address_gpr = rb;
            f->address = offset;
        } else {
            long apart = below(129) - 64;
            f->address_gpr = ra;
            f->address = offset - apart;
            state.gpr[rb] = (uint64_t) apart;
            add_gpr(f, rb);
        }
        add_gpr(f, f->address_gpr);
        f->memory = 1;
        break;
    }
    case LOAD_L:
    case STORE_L: {
        word = with_xt(word, f);
        int ra = gpr_not(-1, -1);
        int rb = gpr_not(ra, -1);
        word |= (uint32_t) ra << 16 | (uint32_t) rb << 11;
        f->address_gpr = ra;
        f->address = below(49);
        state.gpr[rb] = ((uint64_t) below(21) << 56) | (next() >> 8);
        add_gpr(f, ra);
        add_gpr(f, rb);
        f->memory = 1;
        break;
    }
    case LOAD_DQ:
    case STORE_DQ: {
        int t = vsr_field();
        put_vsr(&word, t, 21, 3);
        add_vsr(f, t);
        int ra = gpr_not(-1, -1);
        int dq = 16 * (below(5) - 2);
        word |= (uint32_t) ra << 16 | ((uint32_t) dq & 0xfff0);
        f->address_gpr = ra;
        f->address = below(49) - dq;
        add_gpr(f, ra);
        f->memory = 1;
        break;
    }
    case MOVE_FROM: {
        word = with_xt(word, f);
        int ra = GPRS[below(NGPRS)];
        word |= (uint32_t) ra << 16;
        add_gpr(f, ra);
        break;
    }
    case MOVE_TO:
    case MOVE_TO_2: {
        word = with_xt(word, f);
        int ra = GPRS[below(NGPRS)];
        word |= (uint32_t) ra << 16;
        add_gpr(f, ra);
        if (in->kind == MOVE_TO_2) {
            int rb = GPRS[below(NGPRS)];
            word |= (uint32_t) rb << 11;
            if (rb != ra) {
                add_gpr(f, rb);
            }
        }
        break;
    }
    case XX3:
    case XX3_DM:
    case XX4: {
        int t = vsr_field();
        int a = vsr_field();
        int b = below(4) == 0 ? a : vsr_field();
        put_vsr(&word, t, 21, 0);
        put_vsr(&word, a, 16, 2);
        put_vsr(&word, b, 11, 1);
        add_vsr(f, t);
        add_vsr(f, a);
        add_vsr(f, b);
        if (in->kind == XX3_DM) {
            word |= (uint32_t) below(4) << 8;
        } else if (in->kind == XX4) {
            int c = vsr_field();
            put_vsr(&word, c, 6, 3);
            add_vsr(f, c);
        }
        break;
    }
    case XX2_UIM: {
        int t = vsr_field();
        int b = vsr_field();
        put_vsr(&word, t, 21, 0);
        put_vsr(&word, b, 11, 1);
        word |= (uint32_t) below(4) << 16;
        add_vsr(f, t);
        add_vsr(f, b);
        break;
    }
    case IMM8:
        word = with_xt(word, f);
        word |= (uint32_t) below(256) << 11;
        break;
    }
    return word;
}

static void print_vsr(const char *prefix, int n, const uint64_t *v)
{
    printf("%svs%d=%016llx%016llx", prefix, n, (unsigned long long) v[0], (unsigned long long) v[1]);
}

static void print_buffer(const uint8_t *b)
{
    printf(" mem=");
    for (size_t i = 0; i < sizeof buffer; i++) {
        printf("%02x", b[i]);
    }
}

static int listed(const int *list, int count, int n)
{
    for (int i = 0; i < count; i++) {
        if (list[i] == n) {
            return 1;
        }
    }
    return 0;
}

static void run_case(const struct insn *in)
{
    struct fields f;
    for (int i = 0; i < 64; i++) {
        state.vsr[i][0] = next();
        state.vsr[i][1] = next();
    }
    for (size_t i = 0; i < NGPRS; i++) {
        state.gpr[GPRS[i]] = next();
    }
    for (size_t i = 0; i < sizeof buffer; i++) {
        buffer[i] = (uint8_t) next();
    }
    uint32_t word = build(in, &f);
    if (f.address_gpr >= 0) {
        state.gpr[f.address_gpr] = (uint64_t) (uintptr_t) buffer + (uint64_t) f.address;
    }
    if (in->special == 1) {
        for (size_t i = 0; i + 4 <= sizeof buffer; i += 4) {
            uint32_t single = interesting_single();
            memcpy(buffer + i, &single, 4);
        }
    } else if (in->special == 2) {
        state.vsr[f.vsrs[0]][0] = interesting_double();
    }

    printf("%s %08x", in->name, word);
    for (int i = 0; i < f.nvsrs; i++) {
        if (!listed(f.vsrs, i, f.vsrs[i])) {
            print_vsr(" ", f.vsrs[i], state.vsr[f.vsrs[i]]);
        }
    }
    for (int i = 0; i < f.ngprs; i++) {
        int g = f.gprs[i];
        if (g == f.address_gpr) {
            printf(" r%d=@%ld", g, f.address);
        } else {
            printf(" r%d=%016llx", g, (unsigned long long) state.gpr[g]);
        }
    }
    if (f.memory) {
        print_buffer(buffer);
    }

    struct state before = state;
    uint8_t memory_before[sizeof buffer];
    memcpy(memory_before, buffer, sizeof buffer);

    vsx_slot[0] = word;
    __builtin___clear_cache((char *) vsx_slot, (char *) (vsx_slot + 1));
    vsx_run(&state, save);

    printf(" ->");
    for (int i = 0; i < 64; i++) {
        if (memcmp(state.vsr[i], before.vsr[i], 16) != 0) {
            print_vsr(" ", i, state.vsr[i]);
        }
    }
    for (size_t i = 0; i < NGPRS; i++) {
        int g = GPRS[i];
        if (state.gpr[g] != before.gpr[g]) {
            printf(" r%d=%016llx", g, (unsigned long long) state.gpr[g]);
        }
    }
    if (memcmp(buffer, memory_before, sizeof buffer) != 0) {
        print_buffer(buffer);
    }
    printf("\n");
}

int main(int argc, char **argv)
{
    if (argc < 2 || (strcmp(argv[1], "p8") != 0 && strcmp(argv[1], "p9") != 0)) {
        fprintf(stderr, "usage: %s p8|p9 [cases per instruction]\n", argv[0]);
        return 2;
    }
    int v3 = strcmp(argv[1], "p9") == 0;
    int cases = argc > 2 ? atoi(argv[2]) : 64;
    long page = sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t) vsx_slot & ~(uintptr_t) (page - 1);
    if (mprotect((void *) start, (size_t) page * 2, PROT_READ | PROT_WRITE | PROT_EXEC) != 0) {
        perror("mprotect");
        return 1;
    }
    rng ^= (uint64_t) v3 << 40;
    printf("# vsxgen %s %d: QEMU reference for jppc's VsxReferenceTest (see vsxgen.c for the format)\n",
           argv[1], cases);
    for (size_t i = 0; i < sizeof INSNS / sizeof INSNS[0]; i++) {
        if (INSNS[i].v3 != v3) {
            continue;
        }
        int n = INSNS[i].special ? 4 * cases : cases;
        for (int k = 0; k < n; k++) {
            run_case(&INSNS[i]);
        }
    }
    return 0;
}
