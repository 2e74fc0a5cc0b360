/*
 * Reference data for jppc's VMX instructions, produced on QEMU's POWER8 model (qemu-ppc64le -cpu power8).
 *
 * For a fixed seed, runs every VMX register instruction of Power ISA v2.07 (and the v3.0/v3.1 ones jppc accepts)
 * on many inputs biased to edge values, and prints one line per case:
 *
 *   WORD A B C VSCR -> D VSCR' CR
 *
 * WORD is the instruction (VRT = v0, VRA = v1, VRB = v2, VRC = v3; for the GPR-result forms RT = r9 and RA =
 * r10, r10 holding doubleword 1 of C); A, B, C and D are 128-bit registers in the ISA's big-endian element order
 * (32 hex digits); VSCR is the value moved in with mtvscr and VSCR' the value mfvscr reads after; CR is the CR6
 * field after the instruction (CR cleared before). For a GPR result, D is 0 || RT.
 *
 * Build and run: see the Makefile beside this file (make -C core/src/test/golden/vmx).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define F_RC  1   /* VC form: Rc (bit 21) chosen at random */
#define F_UIM 2   /* immediate in the VRA field (UIM, SIM) */
#define F_SHB 4   /* vsldoi SHB in bits 22:25 */
#define F_SIX 8   /* vshasigma ST and SIX in the VRB field */
#define F_GPR 16  /* result in r9 */
#define F_FP  32  /* floating-point operands */
#define F_V3  64  /* ISA v3.0/v3.1: run on -cpu power10 */
#define F_BCD 128 /* packed decimal operands; PS (bit 22) chosen at random */

struct insn {
    const char *name;
    uint32_t word;
    int flags;
};

static const struct insn table[] = {
    {"vpkuhum", 0x1001100e, 0},
    {"vpkuwum", 0x1001104e, 0},
    {"vpkudum", 0x1001144e, 0},
    {"vpkuhus", 0x1001108e, 0},
    {"vpkuwus", 0x100110ce, 0},
    {"vpkudus", 0x100114ce, 0},
    {"vpkshus", 0x1001110e, 0},
    {"vpkswus", 0x1001114e, 0},
    {"vpksdus", 0x1001154e, 0},
    {"vpkshss", 0x1001118e, 0},
    {"vpkswss", 0x100111ce, 0},
    {"vpksdss", 0x100115ce, 0},
    {"vpkpx", 0x1001130e, 0},
    {"vupkhsb", 0x1000120e, 0},
    {"vupkhsh", 0x1000124e, 0},
    {"vupkhsw", 0x1000164e, 0},
    {"vupklsb", 0x1000128e, 0},
    {"vupklsh", 0x100012ce, 0},
    {"vupklsw", 0x100016ce, 0},
    {"vupkhpx", 0x1000134e, 0},
    {"vupklpx", 0x100013ce, 0},
    {"vmrghb", 0x1001100c, 0},
    {"vmrghh", 0x1001104c, 0},
    {"vmrghw", 0x1001108c, 0},
    {"vmrglb", 0x1001110c, 0},
    {"vmrglh", 0x1001114c, 0},
    {"vmrglw", 0x1001118c, 0},
    {"vmrgew", 0x1001178c, 0},
    {"vmrgow", 0x1001168c, 0},
    {"vspltb", 0x1001120c, F_UIM},
    {"vsplth", 0x1001124c, F_UIM},
    {"vspltw", 0x1001128c, F_UIM},
    {"vspltisb", 0x1001130c, F_UIM},
    {"vspltish", 0x1001134c, F_UIM},
    {"vspltisw", 0x1001138c, F_UIM},
    {"vperm", 0x100110eb, 0},
    {"vpermxor", 0x100110ed, 0},
    {"vsel", 0x100110ea, 0},
    {"vsldoi", 0x100110ec, F_SHB},
    {"vsl", 0x100111c4, 0},
    {"vsr", 0x100112c4, 0},
    {"vslo", 0x1001140c, 0},
    {"vsro", 0x1001144c, 0},
    {"vgbbd", 0x1000150c, 0},
    {"vbpermq", 0x1001154c, 0},
    {"vaddubm", 0x10011000, 0},
    {"vadduhm", 0x10011040, 0},
    {"vadduwm", 0x10011080, 0},
    {"vaddudm", 0x100110c0, 0},
    {"vadduqm", 0x10011100, 0},
    {"vaddcuq", 0x10011140, 0},
    {"vaddcuw", 0x10011180, 0},
    {"vaddubs", 0x10011200, 0},
    {"vadduhs", 0x10011240, 0},
    {"vadduws", 0x10011280, 0},
    {"vaddsbs", 0x10011300, 0},
    {"vaddshs", 0x10011340, 0},
    {"vaddsws", 0x10011380, 0},
    {"vsububm", 0x10011400, 0},
    {"vsubuhm", 0x10011440, 0},
    {"vsubuwm", 0x10011480, 0},
    {"vsubudm", 0x100114c0, 0},
    {"vsubuqm", 0x10011500, 0},
    {"vsubcuq", 0x10011540, 0},
    {"vsubcuw", 0x10011580, 0},
    {"vsububs", 0x10011600, 0},
    {"vsubuhs", 0x10011640, 0},
    {"vsubuws", 0x10011680, 0},
    {"vsubsbs", 0x10011700, 0},
    {"vsubshs", 0x10011740, 0},
    {"vsubsws", 0x10011780, 0},
    {"vaddeuqm", 0x100110fc, 0},
    {"vaddecuq", 0x100110fd, 0},
    {"vsubeuqm", 0x100110fe, 0},
    {"vsubecuq", 0x100110ff, 0},
    {"vmuloub", 0x10011008, 0},
    {"vmulouh", 0x10011048, 0},
    {"vmulouw", 0x10011088, 0},
    {"vmulosb", 0x10011108, 0},
    {"vmulosh", 0x10011148, 0},
    {"vmulosw", 0x10011188, 0},
    {"vmuleub", 0x10011208, 0},
    {"vmuleuh", 0x10011248, 0},
    {"vmuleuw", 0x10011288, 0},
    {"vmulesb", 0x10011308, 0},
    {"vmulesh", 0x10011348, 0},
    {"vmulesw", 0x10011388, 0},
    {"vmuluwm", 0x10011089, 0},
    {"vmhaddshs", 0x100110e0, 0},
    {"vmhraddshs", 0x100110e1, 0},
    {"vmladduhm", 0x100110e2, 0},
    {"vmsumubm", 0x100110e4, 0},
    {"vmsummbm", 0x100110e5, 0},
    {"vmsumuhm", 0x100110e6, 0},
    {"vmsumuhs", 0x100110e7, 0},
    {"vmsumshm", 0x100110e8, 0},
    {"vmsumshs", 0x100110e9, 0},
    {"vsumsws", 0x10011788, 0},
    {"vsum2sws", 0x10011688, 0},
    {"vsum4ubs", 0x10011608, 0},
    {"vsum4sbs", 0x10011708, 0},
    {"vsum4shs", 0x10011648, 0},
    {"vavgub", 0x10011402, 0},
    {"vavguh", 0x10011442, 0},
    {"vavguw", 0x10011482, 0},
    {"vavgsb", 0x10011502, 0},
    {"vavgsh", 0x10011542, 0},
    {"vavgsw", 0x10011582, 0},
    {"vmaxub", 0x10011002, 0},
    {"vmaxuh", 0x10011042, 0},
    {"vmaxuw", 0x10011082, 0},
    {"vmaxud", 0x100110c2, 0},
    {"vmaxsb", 0x10011102, 0},
    {"vmaxsh", 0x10011142, 0},
    {"vmaxsw", 0x10011182, 0},
    {"vmaxsd", 0x100111c2, 0},
    {"vminub", 0x10011202, 0},
    {"vminuh", 0x10011242, 0},
    {"vminuw", 0x10011282, 0},
    {"vminud", 0x100112c2, 0},
    {"vminsb", 0x10011302, 0},
    {"vminsh", 0x10011342, 0},
    {"vminsw", 0x10011382, 0},
    {"vminsd", 0x100113c2, 0},
    {"vcmpequb", 0x10011006, F_RC},
    {"vcmpequh", 0x10011046, F_RC},
    {"vcmpequw", 0x10011086, F_RC},
    {"vcmpequd", 0x100110c7, F_RC},
    {"vcmpgtub", 0x10011206, F_RC},
    {"vcmpgtuh", 0x10011246, F_RC},
    {"vcmpgtuw", 0x10011286, F_RC},
    {"vcmpgtud", 0x100112c7, F_RC},
    {"vcmpgtsb", 0x10011306, F_RC},
    {"vcmpgtsh", 0x10011346, F_RC},
    {"vcmpgtsw", 0x10011386, F_RC},
    {"vcmpgtsd", 0x100113c7, F_RC},
    {"vcmpneb", 0x10011007, F_RC | F_V3},
    {"vand", 0x10011404, 0},
    {"vandc", 0x10011444, 0},
    {"vor", 0x10011484, 0},
    {"vxor", 0x100114c4, 0},
    {"vnor", 0x10011504, 0},
    {"vorc", 0x10011544, 0},
    {"vnand", 0x10011584, 0},
    {"veqv", 0x10011684, 0},
    {"vrlb", 0x10011004, 0},
    {"vrlh", 0x10011044, 0},
    {"vrlw", 0x10011084, 0},
    {"vrld", 0x100110c4, 0},
    {"vslb", 0x10011104, 0},
    {"vslh", 0x10011144, 0},
    {"vslw", 0x10011184, 0},
    {"vsld", 0x100115c4, 0},
    {"vsrb", 0x10011204, 0},
    {"vsrh", 0x10011244, 0},
    {"vsrw", 0x10011284, 0},
    {"vsrd", 0x100116c4, 0},
    {"vsrab", 0x10011304, 0},
    {"vsrah", 0x10011344, 0},
    {"vsraw", 0x10011384, 0},
    {"vsrad", 0x100113c4, 0},
    {"vaddfp", 0x1001100a, F_FP},
    {"vsubfp", 0x1001104a, F_FP},
    {"vmaxfp", 0x1001140a, F_FP},
    {"vminfp", 0x1001144a, F_FP},
    {"vmaddfp", 0x100110ee, F_FP},
    {"vnmsubfp", 0x100110ef, F_FP},
    {"vcfux", 0x1001130a, F_UIM | F_FP},
    {"vcfsx", 0x1001134a, F_UIM | F_FP},
    {"vctuxs", 0x1001138a, F_UIM | F_FP},
    {"vctsxs", 0x100113ca, F_UIM | F_FP},
    {"vrfin", 0x1000120a, F_FP},
    {"vrfiz", 0x1000124a, F_FP},
    {"vrfip", 0x1000128a, F_FP},
    {"vrfim", 0x100012ca, F_FP},
    {"vrefp", 0x1000110a, F_FP},
    {"vrsqrtefp", 0x1000114a, F_FP},
    {"vexptefp", 0x1000118a, F_FP},
    {"vlogefp", 0x100011ca, F_FP},
    {"vcmpeqfp", 0x100110c6, F_RC | F_FP},
    {"vcmpgefp", 0x100111c6, F_RC | F_FP},
    {"vcmpgtfp", 0x100112c6, F_RC | F_FP},
    {"vcmpbfp", 0x100113c6, F_RC | F_FP},
    {"vcipher", 0x10011508, 0},
    {"vcipherlast", 0x10011509, 0},
    {"vncipher", 0x10011548, 0},
    {"vncipherlast", 0x10011549, 0},
    {"vsbox", 0x100105c8, 0},
    {"vshasigmaw", 0x10011682, F_SIX},
    {"vshasigmad", 0x100116c2, F_SIX},
    {"vpmsumb", 0x10011408, 0},
    {"vpmsumh", 0x10011448, 0},
    {"vpmsumw", 0x10011488, 0},
    {"vpmsumd", 0x100114c8, 0},
    {"vclzb", 0x10001702, 0},
    {"vclzh", 0x10001742, 0},
    {"vclzw", 0x10001782, 0},
    {"vclzd", 0x100017c2, 0},
    {"vpopcntb", 0x10001703, 0},
    {"vpopcnth", 0x10001743, 0},
    {"vpopcntw", 0x10001783, 0},
    {"vpopcntd", 0x100017c3, 0},
    {"vctzlsbb", 0x11211602, F_GPR | F_V3},
    {"vextubrx", 0x112a170d, F_GPR | F_V3},
    {"vextractbm", 0x11281642, F_GPR | F_V3},
    {"bcdadd.", 0x10011401, F_BCD},
    {"bcdsub.", 0x10011441, F_BCD},
    {"vclzlsbb", 0x11201602, F_GPR | F_V3},
    {"vextracthm", 0x11291642, F_GPR | F_V3},
    {"vextractwm", 0x112a1642, F_GPR | F_V3},
    {"vextractdm", 0x112b1642, F_GPR | F_V3},
};

/* Little-endian host view of a VR after lvx: lo is doubleword 1, hi doubleword 0. */
struct vr {
    uint64_t lo, hi;
};

struct frame {
    struct vr a, b, c, vscr_in, d, vscr_out;   /* offsets 0, 16, 32, 48, 64, 80 */
    uint64_t cr;                               /* 96 */
    uint64_t r10;                              /* 104 */
    uint64_t r9;                               /* 112 */
    uint64_t pad;
} __attribute__((aligned(16)));

static uint64_t state = 0x6A7070632D766D78ULL;

static uint64_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static uint64_t element_edge(int width)
{
    const uint64_t mask = width == 64 ? ~0ULL : (1ULL << width) - 1;
    const uint64_t top = 1ULL << (width - 1);
    switch (next() % 12) {
    case 0: return 0;
    case 1: return 1;
    case 2: return mask;
    case 3: return top;
    case 4: return top - 1;
    case 5: return top + 1;
    case 6: return mask - 1;
    case 7: return next() & 31;
    case 8: return (top - 1) - (next() & 3);
    case 9: return top >> 1;
    default: return next() & mask;
    }
}

static uint64_t doubleword_of_elements(int width)
{
    uint64_t r = 0;
    for (int sh = 64 - width; sh >= 0; sh -= width) {
        const uint64_t mask = width == 64 ? ~0ULL : (1ULL << width) - 1;
        r |= (element_edge(width) & mask) << sh;
    }
    return r;
}

static uint32_t float_edge(void)
{
    const uint32_t sign = (next() & 1) ? 0x80000000u : 0;
    switch (next() % 20) {
    case 0: return sign;                                         /* zero */
    case 1: return sign | 0x7f800000u;                           /* infinity */
    case 2: return sign | 0x7fc00000u | (next() & 0x3fffff);    /* QNaN */
    case 3: return sign | 0x7f800000u | (1 + next() % 0x3fffff); /* SNaN */
    case 4: return sign | (1 + next() % 0x7fffff);               /* denormal */
    case 5: return sign | 0x3f800000u;                           /* 1 */
    case 6: return sign | 0x00800000u;                           /* smallest normal */
    case 7: return sign | 0x7f7fffffu;                           /* largest */
    case 8: return sign | 0x00800000u | (next() & 0xff);         /* near the normal boundary */
    case 9: return sign | ((uint32_t)(0x4e + next() % 4) << 24) | (next() & 0xffffff); /* near 2^31, 2^32 */
    case 10: return sign | ((uint32_t)(120 + next() % 20) << 23) | (next() & 0x7fffff);  /* near 1 */
    case 11: return sign | ((uint32_t)(1 + next() % 8) << 23) | (next() & 0x7fffff);     /* tiny normals */
    case 12: return sign | 0x3f000000u;                          /* 0.5 */
    case 13: return sign | 0x3fc00000u;                          /* 1.5 */
    case 14: return sign | 0x40200000u;                          /* 2.5 */
    default: return (uint32_t)next();
    }
}

/* 31 decimal digits and a sign code, now and then an invalid digit or sign. */
static void random_decimal(struct vr *v)
{
    static const uint8_t signs[] = {0xc, 0xd, 0xf, 0xa, 0xb, 0xe, 0xc, 0xd, 0xc, 0xd, 0x3};
    const int style = next() % 6;
    v->hi = v->lo = 0;
    for (int k = 1; k < 32; k++) {
        uint64_t digit;
        switch (style) {
        case 0: digit = 9; break;
        case 1: digit = k < 4 ? next() % 10 : 0; break;
        case 2: digit = 0; break;
        default: digit = next() % 10; break;
        }
        if (next() % 300 == 0) {
            digit = 10 + next() % 6;
        }
        if (k < 16) {
            v->lo |= digit << (4 * k);
        } else {
            v->hi |= digit << (4 * (k - 16));
        }
    }
    v->lo |= signs[next() % sizeof signs];
}

static void random_vector(struct vr *v, int fp)
{
    if (fp && next() % 8 != 0) {
        v->hi = ((uint64_t)float_edge() << 32) | float_edge();
        v->lo = ((uint64_t)float_edge() << 32) | float_edge();
        return;
    }
    switch (next() % 4) {
    case 0:
        v->hi = next();
        v->lo = next();
        break;
    case 3:
        v->hi = next() & 0x1f1f1f1f1f1f1f1fULL;
        v->lo = next() & 0x1f1f1f1f1f1f1f1fULL;
        break;
    default: {
        const int width = 8 << (next() % 4);
        v->hi = doubleword_of_elements(width);
        v->lo = doubleword_of_elements(width);
    }
    }
}

/* Words of the stub: lvx/stvx/li/ld/std/mtcrf/mfcr/mtvscr/mfvscr/blr (X, D, DS and VX forms). */
#define LI(rt, v)        (0x38000000u | ((rt) << 21) | ((v) & 0xffff))
#define LVX(vt, ra, rb)  (0x7c0000ceu | ((vt) << 21) | ((ra) << 16) | ((rb) << 11))
#define STVX(vs, ra, rb) (0x7c0001ceu | ((vs) << 21) | ((ra) << 16) | ((rb) << 11))
#define LD(rt, d, ra)    (0xe8000000u | ((rt) << 21) | ((ra) << 16) | (d))
#define STD(rs, d, ra)   (0xf8000000u | ((rs) << 21) | ((ra) << 16) | (d))
#define MTCRF6(rs)       (0x7c002120u | ((rs) << 21))   /* mtcrf 0x02: CR6 only (CR2-4 are the caller's) */
#define MFCR(rt)         (0x7c000026u | ((rt) << 21))
#define MTVSCR(vb)       (0x10000644u | ((vb) << 11))
#define MFVSCR(vt)       (0x10000604u | ((vt) << 21))
#define BLR              0x4e800020u

typedef void (*stub_fn)(struct frame *);

static uint32_t *code;

static stub_fn build(uint32_t word)
{
    int n = 0;
    code[n++] = LI(4, 48);
    code[n++] = LVX(4, 3, 4);
    code[n++] = MTVSCR(4);
    code[n++] = LI(4, 0);
    code[n++] = LVX(1, 3, 4);
    code[n++] = LI(4, 16);
    code[n++] = LVX(2, 3, 4);
    code[n++] = LI(4, 32);
    code[n++] = LVX(3, 3, 4);
    code[n++] = LD(10, 104, 3);
    code[n++] = LI(9, 0);
    code[n++] = LI(5, 0);
    code[n++] = MTCRF6(5);
    code[n++] = LI(0, 0);
    code[n++] = word;
    code[n++] = MFCR(5);
    code[n++] = STD(5, 96, 3);
    code[n++] = STD(9, 112, 3);
    code[n++] = MFVSCR(4);
    code[n++] = LI(4, 64);
    code[n++] = STVX(0, 3, 4);
    code[n++] = LI(4, 80);
    code[n++] = STVX(4, 3, 4);
    code[n++] = BLR;
    __builtin___clear_cache((char *)code, (char *)(code + n));
    return (stub_fn)(void *)code;
}

static uint32_t variant(const struct insn *in)
{
    uint32_t word = in->word;
    if (in->flags & F_RC) {
        word |= (next() & 1) << 10;
    }
    if (in->flags & F_UIM) {
        word = (word & ~(31u << 16)) | ((uint32_t)(next() & 31) << 16);
    }
    if (in->flags & F_SHB) {
        word = (word & ~(15u << 6)) | ((uint32_t)(next() & 15) << 6);
    }
    if (in->flags & F_BCD) {
        word |= (next() & 1) << 9;
    }
    if (in->flags & F_SIX) {
        word = (word & ~(31u << 11)) | ((uint32_t)(next() & 31) << 11);
    }
    return word;
}

int main(int argc, char **argv)
{
    const int cases = argc > 1 ? atoi(argv[1]) : 120;
    /* "v3" selects the ISA v3.0/v3.1 instructions (run on -cpu power10), anything else the v2.07 ones. */
    const int v3 = argc > 2 && strcmp(argv[2], "v3") == 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    static struct frame f;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const struct insn *in = &table[i];
        if (((in->flags & F_V3) != 0) != v3) {
            continue;
        }
        const int fp = (in->flags & F_FP) != 0;
        const int count = fp ? 4 * cases : cases;
        for (int k = 0; k < count; k++) {
            const uint32_t word = variant(in);
            memset(&f, 0, sizeof f);
            random_vector(&f.a, fp);
            random_vector(&f.b, fp);
            random_vector(&f.c, fp);
            if (in->flags & F_BCD) {
                random_decimal(&f.a);
                random_decimal(&f.b);
            }
            if (next() % 6 == 0) {
                f.b = f.a;   /* equal operands: compares, subtraction to zero */
            } else if (next() % 6 == 0) {
                f.b.hi = f.a.hi ^ (next() & 0xff00ff00ff00ff00ULL);
            }
            f.r10 = f.c.lo;
            f.vscr_in.lo = (next() & 1 ? 0x10000 : 0) | (next() & 1);
            if (getenv("VMX_TRACE")) fprintf(stderr, "%s %08x\n", in->name, word);
            build(word)(&f);
            const uint64_t dhi = (in->flags & F_GPR) ? 0 : f.d.hi;
            const uint64_t dlo = (in->flags & F_GPR) ? f.r9 : f.d.lo;
            printf("%08x %016llx%016llx %016llx%016llx %016llx%016llx %05x -> %016llx%016llx %05x %x\n", word,
                   (unsigned long long)f.a.hi, (unsigned long long)f.a.lo,
                   (unsigned long long)f.b.hi, (unsigned long long)f.b.lo,
                   (unsigned long long)f.c.hi, (unsigned long long)f.c.lo,
                   (unsigned)(f.vscr_in.lo & 0x10001),
                   (unsigned long long)dhi, (unsigned long long)dlo,
                   (unsigned)(f.vscr_out.lo & 0xffffffff), (unsigned)((f.cr >> 4) & 0xf));
        }
    }
    return 0;
}
