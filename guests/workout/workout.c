/*
 * workout.c: a self-checking workout of the Power ISA Book I fixed-point
 * instructions, for jppc's guests.
 *
 * For each family of instructions it runs the real instruction (inline asm)
 * over tables of operands and compares everything the instruction writes
 * (the target register, an updated base register, memory, XER, the whole CR)
 * with a reference computed in portable C by other means: bit loops for
 * counts, shift-and-add multiplication, shift-and-subtract division,
 * explicit carry and overflow formulas. XER and CR are preset before every
 * check, and every bit the instruction does not write must keep its value.
 *
 * Only architecturally defined results are compared: where the Power ISA
 * leaves bits undefined (the high word of divw, mulhw and friends, CR0's
 * LT/GT/EQ after a 32-bit divide in 64-bit mode, the result of a divide
 * that overflows) those bits are masked out of the comparison.
 *
 * XER[OV32] and XER[CA32] exist from ISA 3.0 on; a POWER8 (ISA 2.07) has
 * neither. The workout finds out once whether the CPU keeps them and then
 * expects them either computed (ISA 3.0) or absent, so that it passes on
 * both. Nothing printed depends on that choice.
 *
 * Output: one line per family, "NAME: N checks, F failed", details of the
 * first failures of each family, a digest of all expected values (when the
 * reference code itself runs wrongly on a CPU, instruction and reference may
 * agree on a wrong value; the digest then differs from the one recorded in
 * the .expected file, which was computed on another implementation), and
 * last "RESULT: N checks, F failed". main() returns 0 when nothing failed.
 */
#include "lib.h"

#if defined(__LITTLE_ENDIAN__)
#define BYTE_ORDER_NAME "little-endian"
#else
#define BYTE_ORDER_NAME "big-endian"
#endif

/* ---------------------------------------------------------------------- */
/* What a check compares                                                   */

enum { RT, RA, AUX, XER, CR, NOUT };

static const char *const out_names[NOUT] = { "rt", "ra", "aux", "xer", "cr" };

/* The values an instruction produced (or should have produced). */
struct res {
    u64 v[NOUT];
};

struct op;

/* Runs the instruction: XER := xin, CR := crin, then the instruction. */
typedef void (*run_fn)(u64 a, u64 b, u64 xin, u64 crin, struct res *got);

/*
 * Computes the expected outputs. On entry want holds the inputs that stay
 * unchanged unless written (XER, CR) and mask says compare rt, xer and cr
 * completely and nothing else.
 */
typedef void (*ref_fn)(const struct op *op, u64 a, u64 b, struct res *want, struct res *mask);

/* Operation flags. */
#define F_RC 0x0001u /* record form: sets CR0 */
#define F_OE 0x0002u /* OE=1: sets OV, OV32, SO */
#define F_CA 0x0004u /* sets CA, CA32 */
#define F_NOB 0x0008u /* ignores the b operand: run once per a */
#define F_NOTA 0x0010u /* adds ~a instead of a */
#define F_CIN1 0x0020u /* carry in is 1 */
#define F_CINCA 0x0040u /* carry in is XER[CA] */
#define F_BM1 0x0080u /* second addend is -1 */
#define F_B0 0x0100u /* second addend is 0 */
#define F_IMM 0x0200u /* second operand is an immediate (p1 or p2) */
#define F_RA0 0x0400u /* RA field is 0: reads as the value 0 */
#define F_W 0x0800u /* 32-bit (word) variant */
#define F_L 0x1000u /* logical (unsigned) compare */
#define F_LINK 0x2000u /* LK=1 */
#define F_SIGNED 0x4000u /* algebraic load */
#define F_REV 0x8000u /* byte-reversed access */
#define F_UPD 0x10000u /* update form: RA := EA */

struct op {
    const char *name;
    run_fn run;
    ref_fn ref;
    unsigned flags;
    long p1; /* immediate, kind or size, depending on the family */
    long p2;
    long p3;
};

struct family {
    const char *name;
    const struct op *ops;
    unsigned nops;
    const u64 *as;
    unsigned na;
    const u64 *bs;
    unsigned nb;
    const u64 *xs; /* XER inputs */
    unsigned nx;
    const u64 *cs; /* CR inputs */
    unsigned nc;
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* XER bits (64-bit register, ISA bit 32 = value bit 31). */
#define SO 0x80000000ul
#define OV 0x40000000ul
#define CA 0x20000000ul
#define OV32 0x00080000ul
#define CA32 0x00040000ul

/* XER bits that this CPU keeps (OV32/CA32 only from ISA 3.0 on). */
static u64 xer_kept = ~0ul;

static u64 total_checks;
static u64 total_failed;
static unsigned failures_shown;
static u64 digest = 0xcbf29ce484222325ul;

#ifndef MAX_FAILURES_SHOWN
#define MAX_FAILURES_SHOWN 5 /* per family */
#endif

/* ---------------------------------------------------------------------- */
/* Small portable helpers (none uses the instruction it helps to check)    */

/*
 * GCC recognises the usual C idioms for sign extension, rotation and
 * comparison and compiles them to the very instructions they are meant to
 * check. opaque() hides a value from the optimiser so that the reference
 * stays made of other instructions (shifts by one, and, xor, add).
 */
static u64 opaque(u64 x)
{
    __asm__("" : "+r"(x));
    return x;
}

static u64 exts_bits(u64 x, unsigned bits)
{
    u64 sign = opaque(1ul << (bits - 1));
    u64 low = x & ((sign << 1) - 1);
    return (low ^ sign) - sign;
}

static u64 exts8(u64 x)
{
    return exts_bits(x, 8);
}

static u64 exts16(u64 x)
{
    return exts_bits(x, 16);
}

static u64 exts32(u64 x)
{
    return exts_bits(x, 32);
}

/* Shifts one bit at a time, so that sld/srd/srad are not checked by themselves. */
static u64 shift_left(u64 x, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        x = opaque(x << 1);
    }
    return x;
}

static u64 shift_right(u64 x, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        x = opaque(x >> 1);
    }
    return x;
}

static u64 rotl64(u64 x, unsigned n)
{
    n &= 63;
    return n ? shift_left(x, n) | shift_right(x, 64 - n) : x;
}

/* ROTL32 of the ISA: rotate the low word, duplicated into both halves. */
static u64 rotl32(u64 x, unsigned n)
{
    u64 w = x & 0xffffffff;
    return rotl64(w | (w << 32), n & 31);
}

/* MASK(mb, me) of the ISA, bit 0 the most significant; wraps when mb > me. */
static u64 mask64(unsigned mb, unsigned me)
{
    u64 from_mb = ~0ul >> mb;
    u64 to_me = ~0ul << (63 - me);
    return mb <= me ? from_mb & to_me : from_mb | to_me;
}

/* Arithmetic shift right by 0..63, without relying on C's >> of negatives. */
static u64 sar64(u64 x, unsigned n)
{
    u64 r = shift_right(x, n);
    if (x >> 63) {
        r |= ~shift_right(~0ul, n);
    }
    return r;
}

/* All ones when x is negative, else zero. */
static u64 sign_fill(u64 x)
{
    return 0 - (x >> 63);
}

/* Comparisons from the borrow of x - y, not from a compare instruction. */
static u64 less_unsigned(u64 x, u64 y)
{
    u64 d = x - y;
    return ((~x & y) | ((~x | y) & d)) >> 63;
}

static u64 less_signed(u64 x, u64 y)
{
    u64 d = x - y;
    return (d ^ ((x ^ y) & (d ^ x))) >> 63;
}

static u64 is_zero(u64 v)
{
    return ((v | (0 - v)) >> 63) ^ 1;
}

/* LT GT EQ as a CR field value (without SO). */
static u64 compare_field(u64 x, u64 y, int is_signed)
{
    u64 lt = is_signed ? less_signed(x, y) : less_unsigned(x, y);
    u64 gt = is_signed ? less_signed(y, x) : less_unsigned(y, x);
    return lt << 3 | gt << 2 | is_zero(x ^ y) << 1;
}

static unsigned bit_count(u64 x, unsigned bits)
{
    unsigned c = 0;
    for (unsigned i = 0; i < bits; i++) {
        c += (unsigned)((x >> i) & 1);
    }
    return c;
}

static unsigned leading_zeros(u64 x, unsigned bits)
{
    unsigned n = 0;
    for (int i = (int)bits - 1; i >= 0 && !((x >> i) & 1); i--) {
        n++;
    }
    return n;
}

/* 64 x 64 -> 128 unsigned multiplication by shift and add. */
static void mul128(u64 a, u64 b, u64 *hi, u64 *lo)
{
    u64 h = 0;
    u64 l = 0;
    for (unsigned i = 0; i < 64 && (b >> i) != 0; i++) {
        if ((b >> i) & 1) {
            u64 add_lo = a << i;
            u64 add_hi = i ? a >> (64 - i) : 0;
            u64 old = l;
            l += add_lo;
            h += add_hi + (l < old);
        }
    }
    *hi = h;
    *lo = l;
}

/* High doubleword of the signed 128-bit product. */
static u64 mulhs(u64 a, u64 b)
{
    u64 hi;
    u64 lo;
    mul128(a, b, &hi, &lo);
    if (a >> 63) {
        hi -= b;
    }
    if (b >> 63) {
        hi -= a;
    }
    return hi;
}

/* 128 / 64 -> 128 unsigned division by shift and subtract; d != 0. */
static void udiv128(u64 nh, u64 nl, u64 d, u64 *qh, u64 *ql)
{
    u64 r = 0;
    u64 qhi = 0;
    u64 qlo = 0;
    for (int i = nh ? 127 : 63; i >= 0; i--) { /* leading zero bits add nothing */
        u64 bit = i >= 64 ? (nh >> (i - 64)) & 1 : (nl >> i) & 1;
        u64 top = r >> 63;
        r = (r << 1) | bit;
        if (top || r >= d) {
            r -= d;
            if (i >= 64) {
                qhi |= 1ul << (i - 64);
            } else {
                qlo |= 1ul << i;
            }
        }
    }
    *qh = qhi;
    *ql = qlo;
}

/* Byte i of x counted from the most significant end. */
static u8 byte_be(u64 x, unsigned i)
{
    return (u8)(x >> (56 - 8 * i));
}

static u64 cr_bit(u64 cr, unsigned bi)
{
    return (cr >> (31 - bi)) & 1;
}

static u64 cr_with_bit(u64 cr, unsigned bi, u64 value)
{
    u64 m = 1ul << (31 - bi);
    return value ? cr | m : cr & ~m;
}

static u64 cr_with_field(u64 cr, unsigned bf, u64 value)
{
    unsigned shift = 28 - 4 * bf;
    return (cr & ~(0xful << shift)) | ((value & 0xf) << shift);
}

static u64 cr_field(u64 cr, unsigned bf)
{
    return (cr >> (28 - 4 * bf)) & 0xf;
}

/* CR0 := LT, GT, EQ from the 64-bit result, SO from the (new) XER. */
static void set_cr0(struct res *w, u64 result)
{
    u64 f = compare_field(result, 0, 1);
    if (w->v[XER] & SO) {
        f |= 1;
    }
    w->v[CR] = cr_with_field(w->v[CR], 0, f);
}

/* For a record form where only CR0[SO] is defined: mask out LT, GT, EQ. */
static void cr0_only_so(const struct op *op, struct res *m)
{
    if (op->flags & F_RC) {
        m->v[CR] &= ~0xe0000000ul;
    }
}

struct flags {
    int ca;
    int ca32;
    int ov;
    int ov32;
};

/* Writes RT, then CA/CA32, OV/OV32/SO and CR0 as the op's form asks. */
static void finish(const struct op *op, u64 rt, struct flags fl, struct res *w)
{
    u64 x = w->v[XER];
    if (op->flags & F_CA) {
        x = (x & ~(CA | CA32)) | (fl.ca ? CA : 0) | (fl.ca32 ? CA32 : 0);
    }
    if (op->flags & F_OE) {
        x = (x & ~(OV | OV32)) | (fl.ov ? OV | SO : 0) | (fl.ov32 ? OV32 : 0);
    }
    w->v[XER] = x & xer_kept;
    w->v[RT] = rt;
    if (op->flags & F_RC) {
        set_cr0(w, rt);
    }
}

/* ---------------------------------------------------------------------- */
/* Running instructions                                                    */

#define PRE "mtxer %[xi]\n\tmtcrf 255,%[ci]\n\t"
#define POST "\n\tmfxer %[xo]\n\tmfcr %[co]"
#define CR_CLOBBERS "cr0", "cr1", "cr2", "cr3", "cr4", "cr5", "cr6", "cr7"

static void put(struct res *r, u64 rt, u64 ra, u64 aux, u64 xer, u64 cr)
{
    r->v[RT] = rt;
    r->v[RA] = ra;
    r->v[AUX] = aux;
    r->v[XER] = xer;
    r->v[CR] = cr;
}

/* An instruction writing %[t] from %[a] and %[b] (which are never r0). */
#define DEF_ALU(id, tmpl)                                                          \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)           \
    {                                                                              \
        u64 t;                                                                     \
        u64 xo;                                                                    \
        u64 co;                                                                    \
        __asm__ volatile(PRE tmpl POST                                             \
                         : [t] "=&r"(t), [xo] "=&r"(xo), [co] "=&r"(co)            \
                         : [a] "b"(a), [b] "b"(b), [xi] "r"(xin), [ci] "r"(crin)   \
                         : CR_CLOBBERS, "xer");                                    \
        put(r, t, 0, 0, xo, co);                                                   \
    }

/* An instruction that also reads %[t] (insert forms): t starts as b. */
#define DEF_INS(id, tmpl)                                                          \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)           \
    {                                                                              \
        u64 t = b;                                                                 \
        u64 xo;                                                                    \
        u64 co;                                                                    \
        __asm__ volatile(PRE tmpl POST                                             \
                         : [t] "+&r"(t), [xo] "=&r"(xo), [co] "=&r"(co)            \
                         : [a] "b"(a), [xi] "r"(xin), [ci] "r"(crin)               \
                         : CR_CLOBBERS, "xer");                                    \
        put(r, t, 0, 0, xo, co);                                                   \
    }

#define RRR " %[t],%[a],%[b]"
#define RR " %[t],%[a]"

/* The four forms of an XO-form instruction: plain, ".", "o", "o.". */
#define DEF_XO4(id, mn, ops)                                                       \
    DEF_ALU(id, mn ops)                                                            \
    DEF_ALU(id##_rc, mn "." ops)                                                   \
    DEF_ALU(id##_o, mn "o" ops)                                                    \
    DEF_ALU(id##_orc, mn "o." ops)
#define ROW_XO4(id, mn, fl, ref)                                                   \
    { mn, run_##id, ref, (fl), 0, 0, 0 },                                          \
    { mn ".", run_##id##_rc, ref, (fl) | F_RC, 0, 0, 0 },                          \
    { mn "o", run_##id##_o, ref, (fl) | F_OE, 0, 0, 0 },                           \
    { mn "o.", run_##id##_orc, ref, (fl) | F_OE | F_RC, 0, 0, 0 },

/* Plain and record form. */
#define DEF_X2(id, mn, ops)                                                        \
    DEF_ALU(id, mn ops)                                                            \
    DEF_ALU(id##_rc, mn "." ops)
#define ROW_X2(id, mn, fl, ref, p1)                                                \
    { mn, run_##id, ref, (fl), (p1), 0, 0 },                                       \
    { mn ".", run_##id##_rc, ref, (fl) | F_RC, (p1), 0, 0 },

/* ---------------------------------------------------------------------- */
/* Operand tables                                                          */

static const u64 values[] = {
    0x0000000000000000ul, 0x0000000000000001ul, 0x0000000000000002ul, 0xfffffffffffffffful,
    0xfffffffffffffffeul, 0x000000000000007ful, 0x0000000000000080ul, 0x000000000000fffful,
    0x000000007ffffffful, 0x0000000080000000ul, 0x00000000fffffffful, 0x0000000100000000ul,
    0xffffffff80000000ul, 0x7ffffffffffffffful, 0x8000000000000000ul, 0x123456789abcdef0ul,
    0xfedcba9876543210ul, 0x00000000deadbeeful, 0x5555555555555555ul, 0xcafef00d13579bdful,
};

/* Shift and rotate amounts, some with high bits that must be ignored. */
static const u64 shift_amounts[] = {
    0, 1, 4, 31, 32, 33, 63, 64, 65, 127, 128, 0xabcdef0000000005ul, 0xfffffffffffffffful,
};

static const u64 zero[] = { 0 };

static const u64 xer_plain[] = { 0, SO };
static const u64 xer_arith[] = { 0, CA, SO | OV | OV32, SO | OV | CA | OV32 | CA32 };
static const u64 xer_muldiv[] = { 0, SO | OV | OV32 | CA | CA32 };

/* CR0 starts as 0xf: a record form must clear what it does not set. */
static const u64 cr_plain[] = { 0xf13579bdul };
static const u64 cr_mixed[] = { 0x00000000ul, 0xfffffffful, 0x20000004ul, 0xdffffffbul, 0xa5c3e10ful };

/* ---------------------------------------------------------------------- */
/* add, subf and friends                                                   */

static void ref_add(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)m;
    u64 x = op->flags & F_RA0 ? 0 : op->flags & F_NOTA ? ~a : a;
    u64 y = op->flags & F_IMM ? (u64)op->p1 : op->flags & F_BM1 ? ~0ul : op->flags & F_B0 ? 0 : b;
    u64 cin = op->flags & F_CIN1 ? 1 : op->flags & F_CINCA ? (w->v[XER] & CA) != 0 : 0;
    u64 s = x + y + cin;
    u64 carries = (x & y) | ((x | y) & ~s); /* carry out of each bit */
    u64 overflows = (x ^ s) & (y ^ s); /* sign of the sum differs from both */
    struct flags fl = { (int)(carries >> 63), (int)((carries >> 31) & 1), (int)(overflows >> 63),
                        (int)((overflows >> 31) & 1) };
    finish(op, s, fl, w);
}

DEF_XO4(add, "add", RRR)
DEF_XO4(addc, "addc", RRR)
DEF_XO4(adde, "adde", RRR)
DEF_XO4(addme, "addme", RR)
DEF_XO4(addze, "addze", RR)
DEF_XO4(subf, "subf", RRR)
DEF_XO4(subfc, "subfc", RRR)
DEF_XO4(subfe, "subfe", RRR)
DEF_XO4(subfme, "subfme", RR)
DEF_XO4(subfze, "subfze", RR)
DEF_XO4(neg, "neg", RR)

static const struct op add_ops[] = {
    ROW_XO4(add, "add", 0, ref_add)
    ROW_XO4(addc, "addc", F_CA, ref_add)
    ROW_XO4(adde, "adde", F_CA | F_CINCA, ref_add)
    ROW_XO4(addme, "addme", F_NOB | F_CA | F_CINCA | F_BM1, ref_add)
    ROW_XO4(addze, "addze", F_NOB | F_CA | F_CINCA | F_B0, ref_add)
};

static const struct op subf_ops[] = {
    ROW_XO4(subf, "subf", F_NOTA | F_CIN1, ref_add)
    ROW_XO4(subfc, "subfc", F_NOTA | F_CIN1 | F_CA, ref_add)
    ROW_XO4(subfe, "subfe", F_NOTA | F_CINCA | F_CA, ref_add)
    ROW_XO4(subfme, "subfme", F_NOB | F_NOTA | F_CINCA | F_CA | F_BM1, ref_add)
    ROW_XO4(subfze, "subfze", F_NOB | F_NOTA | F_CINCA | F_CA | F_B0, ref_add)
    ROW_XO4(neg, "neg", F_NOB | F_NOTA | F_CIN1 | F_B0, ref_add)
};

/* Immediate forms: each immediate is its own instruction. */
#define SIMM_LIST(X, mn, tag) \
    X(mn, tag, 0, 0) X(mn, tag, 1, 1) X(mn, tag, m1, -1) X(mn, tag, m2, -2) \
    X(mn, tag, 7fff, 0x7fff) X(mn, tag, m8000, -0x8000) X(mn, tag, 1234, 0x1234)

#define DEF_IMM(mn, tag, sfx, val) DEF_ALU(tag##_##sfx, mn " %[t],%[a]," #val)
#define DEF_IMM_RA0(mn, tag, sfx, val) DEF_ALU(tag##_##sfx, mn " %[t],0," #val)

SIMM_LIST(DEF_IMM, "addi", addi)
SIMM_LIST(DEF_IMM_RA0, "addi", li)
SIMM_LIST(DEF_IMM, "addis", addis)
SIMM_LIST(DEF_IMM_RA0, "addis", lis)
SIMM_LIST(DEF_IMM, "addic", addic)
SIMM_LIST(DEF_IMM, "addic.", addicrc)
SIMM_LIST(DEF_IMM, "subfic", subfic)

#define ROW_ADDI(mn, tag, sfx, val) { mn, run_##tag##_##sfx, ref_add, F_NOB | F_IMM, (val), 0, 0 },
#define ROW_LI(mn, tag, sfx, val) { mn, run_##tag##_##sfx, ref_add, F_NOB | F_IMM | F_RA0, (val), 0, 0 },
#define ROW_ADDIS(mn, tag, sfx, val) { mn, run_##tag##_##sfx, ref_add, F_NOB | F_IMM, (val) * 65536l, 0, 0 },
#define ROW_LIS(mn, tag, sfx, val) \
    { mn, run_##tag##_##sfx, ref_add, F_NOB | F_IMM | F_RA0, (val) * 65536l, 0, 0 },
#define ROW_ADDIC(mn, tag, sfx, val) { mn, run_##tag##_##sfx, ref_add, F_NOB | F_IMM | F_CA, (val), 0, 0 },
#define ROW_ADDICRC(mn, tag, sfx, val) \
    { mn, run_##tag##_##sfx, ref_add, F_NOB | F_IMM | F_CA | F_RC, (val), 0, 0 },
#define ROW_SUBFIC(mn, tag, sfx, val) \
    { mn, run_##tag##_##sfx, ref_add, F_NOB | F_IMM | F_CA | F_NOTA | F_CIN1, (val), 0, 0 },

static const struct op addi_ops[] = {
    SIMM_LIST(ROW_ADDI, "addi", addi)
    SIMM_LIST(ROW_LI, "addi", li)
    SIMM_LIST(ROW_ADDIS, "addis", addis)
    SIMM_LIST(ROW_LIS, "addis", lis)
    SIMM_LIST(ROW_ADDIC, "addic", addic)
    SIMM_LIST(ROW_ADDICRC, "addic.", addicrc)
    SIMM_LIST(ROW_SUBFIC, "subfic", subfic)
};

/* ---------------------------------------------------------------------- */
/* Multiplication                                                          */

enum { MULLD, MULLW, MULHD, MULHDU, MULHW, MULHWU, MULLI };

static void ref_mul(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    struct flags fl = { 0, 0, 0, 0 };
    u64 hi;
    u64 lo;
    u64 rt = 0;
    switch (op->p1) {
    case MULLD:
        mul128(a, b, &hi, &lo);
        rt = lo;
        fl.ov = mulhs(a, b) != sign_fill(lo); /* product needs more than 64 bits */
        fl.ov32 = fl.ov;
        break;
    case MULLI:
        mul128(a, (u64)op->p2, &hi, &lo);
        rt = lo;
        break;
    case MULLW:
        mul128(exts32(a), exts32(b), &hi, &lo);
        rt = lo; /* the whole 64-bit product of the two words */
        fl.ov = lo != exts32(lo);
        fl.ov32 = fl.ov;
        break;
    case MULHD:
        rt = mulhs(a, b);
        break;
    case MULHDU:
        mul128(a, b, &hi, &lo);
        rt = hi;
        break;
    case MULHW:
    case MULHWU:
        if (op->p1 == MULHW) {
            mul128(exts32(a), exts32(b), &hi, &lo);
        } else {
            mul128(a & 0xffffffff, b & 0xffffffff, &hi, &lo);
        }
        rt = (lo >> 32) & 0xffffffff;
        m->v[RT] = 0xffffffff; /* RT[0:31] undefined */
        cr0_only_so(op, m); /* LT, GT, EQ undefined in 64-bit mode */
        break;
    }
    finish(op, rt, fl, w);
}

DEF_XO4(mulld, "mulld", RRR)
DEF_XO4(mullw, "mullw", RRR)
DEF_X2(mulhd, "mulhd", RRR)
DEF_X2(mulhdu, "mulhdu", RRR)
DEF_X2(mulhw, "mulhw", RRR)
DEF_X2(mulhwu, "mulhwu", RRR)
SIMM_LIST(DEF_IMM, "mulli", mulli)

#define ROW_XO4P(id, mn, fl, ref, p1)                                              \
    { mn, run_##id, ref, (fl), (p1), 0, 0 },                                       \
    { mn ".", run_##id##_rc, ref, (fl) | F_RC, (p1), 0, 0 },                       \
    { mn "o", run_##id##_o, ref, (fl) | F_OE, (p1), 0, 0 },                        \
    { mn "o.", run_##id##_orc, ref, (fl) | F_OE | F_RC, (p1), 0, 0 },
#define ROW_MULLI(mn, tag, sfx, val) { mn, run_##tag##_##sfx, ref_mul, F_NOB, MULLI, (val), 0 },

static const struct op mul_ops[] = {
    ROW_XO4P(mulld, "mulld", 0, ref_mul, MULLD)
    ROW_XO4P(mullw, "mullw", 0, ref_mul, MULLW)
    ROW_X2(mulhd, "mulhd", 0, ref_mul, MULHD)
    ROW_X2(mulhdu, "mulhdu", 0, ref_mul, MULHDU)
    ROW_X2(mulhw, "mulhw", 0, ref_mul, MULHW)
    ROW_X2(mulhwu, "mulhwu", 0, ref_mul, MULHWU)
    SIMM_LIST(ROW_MULLI, "mulli", mulli)
};

/* ---------------------------------------------------------------------- */
/* Division                                                                */

enum { DIVD, DIVDU, DIVW, DIVWU, DIVDE, DIVDEU, DIVWE, DIVWEU };

static void ref_div(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    int is_signed = op->p1 == DIVD || op->p1 == DIVW || op->p1 == DIVDE || op->p1 == DIVWE;
    int is_word = op->p1 == DIVW || op->p1 == DIVWU || op->p1 == DIVWE || op->p1 == DIVWEU;
    u64 nh; /* 128-bit dividend nh:nl, signed or not */
    u64 nl;
    u64 d;
    switch (op->p1) {
    case DIVD:
        nl = a;
        nh = sign_fill(a);
        d = b;
        break;
    case DIVDU:
        nl = a;
        nh = 0;
        d = b;
        break;
    case DIVW:
        nl = exts32(a);
        nh = sign_fill(nl);
        d = exts32(b);
        break;
    case DIVWU:
        nl = a & 0xffffffff;
        nh = 0;
        d = b & 0xffffffff;
        break;
    case DIVDE:
    case DIVDEU:
        nh = a; /* (RA) || 64 zeros */
        nl = 0;
        d = b;
        break;
    case DIVWE:
        nl = (a & 0xffffffff) << 32; /* (RA)[32:63] || 32 zeros, signed */
        nh = sign_fill(nl);
        d = exts32(b);
        break;
    default: /* DIVWEU */
        nl = (a & 0xffffffff) << 32;
        nh = 0;
        d = b & 0xffffffff;
        break;
    }
    int valid = d != 0;
    u64 q = 0;
    if (valid) {
        int negative = 0;
        if (is_signed && (nh >> 63)) { /* |n|: 128-bit negation */
            nh = ~nh + (nl == 0);
            nl = -nl;
            negative = 1;
        }
        if (is_signed && (d >> 63)) {
            d = -d;
            negative ^= 1;
        }
        u64 qh;
        u64 ql;
        udiv128(nh, nl, d, &qh, &ql);
        unsigned bits = is_word ? 32 : 64;
        u64 limit = is_signed ? (1ul << (bits - 1)) - (negative ? 0 : 1)
                              : (bits == 64 ? ~0ul : 0xfffffffful);
        valid = qh == 0 && ql <= limit;
        q = negative ? -ql : ql;
    }
    struct flags fl = { 0, 0, !valid, !valid };
    finish(op, q, fl, w);
    if (!valid) {
        m->v[RT] = 0; /* quotient undefined */
        cr0_only_so(op, m);
    } else if (is_word) {
        m->v[RT] = 0xffffffff; /* RT[0:31] undefined */
        cr0_only_so(op, m); /* LT, GT, EQ undefined in 64-bit mode */
    }
}

DEF_XO4(divd, "divd", RRR)
DEF_XO4(divdu, "divdu", RRR)
DEF_XO4(divw, "divw", RRR)
DEF_XO4(divwu, "divwu", RRR)
DEF_XO4(divde, "divde", RRR)
DEF_XO4(divdeu, "divdeu", RRR)
DEF_XO4(divwe, "divwe", RRR)
DEF_XO4(divweu, "divweu", RRR)

static const struct op div_ops[] = {
    ROW_XO4P(divd, "divd", 0, ref_div, DIVD)
    ROW_XO4P(divdu, "divdu", 0, ref_div, DIVDU)
    ROW_XO4P(divw, "divw", 0, ref_div, DIVW)
    ROW_XO4P(divwu, "divwu", 0, ref_div, DIVWU)
    ROW_XO4P(divde, "divde", 0, ref_div, DIVDE)
    ROW_XO4P(divdeu, "divdeu", 0, ref_div, DIVDEU)
    ROW_XO4P(divwe, "divwe", 0, ref_div, DIVWE)
    ROW_XO4P(divweu, "divweu", 0, ref_div, DIVWEU)
};

/* ---------------------------------------------------------------------- */
/* Compare                                                                 */

/* p1 = immediate, p2 = target CR field. */
static void ref_cmp(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)m;
    u64 x = a;
    u64 y = op->flags & F_IMM ? (u64)op->p1 : b;
    if (op->flags & F_W) {
        x = op->flags & F_L ? x & 0xffffffff : exts32(x);
        y = op->flags & F_L ? y & 0xffffffff : exts32(y);
    }
    u64 c = compare_field(x, y, !(op->flags & F_L));
    if (w->v[XER] & SO) {
        c |= 1;
    }
    w->v[CR] = cr_with_field(w->v[CR], (unsigned)op->p2, c);
    m->v[RT] = 0; /* no target register */
}

#define CMP_FORMS(X) \
    X(cmpd0, "cmpd 0,%[a],%[b]", "cmpd cr0", 0, 0) \
    X(cmpd6, "cmpd 6,%[a],%[b]", "cmpd cr6", 0, 6) \
    X(cmpw0, "cmpw 0,%[a],%[b]", "cmpw cr0", F_W, 0) \
    X(cmpw3, "cmpw 3,%[a],%[b]", "cmpw cr3", F_W, 3) \
    X(cmpld0, "cmpld 0,%[a],%[b]", "cmpld cr0", F_L, 0) \
    X(cmpld7, "cmpld 7,%[a],%[b]", "cmpld cr7", F_L, 7) \
    X(cmplw0, "cmplw 0,%[a],%[b]", "cmplw cr0", F_W | F_L, 0) \
    X(cmplw5, "cmplw 5,%[a],%[b]", "cmplw cr5", F_W | F_L, 5)
#define DEF_CMP(id, tmpl, name, fl, bf) DEF_ALU(id, tmpl)
#define ROW_CMP(id, tmpl, name, fl, bf) { name, run_##id, ref_cmp, (fl), 0, (bf), 0 },
CMP_FORMS(DEF_CMP)

#define CMPI_LIST(X, mn, tag, bf) \
    X(mn, tag, bf, 0, 0) X(mn, tag, bf, 1, 1) X(mn, tag, bf, m1, -1) X(mn, tag, bf, 7fff, 0x7fff) \
    X(mn, tag, bf, m8000, -0x8000) X(mn, tag, bf, 80, 0x80)
#define CMPLI_LIST(X, mn, tag, bf) \
    X(mn, tag, bf, 0, 0) X(mn, tag, bf, 1, 1) X(mn, tag, bf, ffff, 0xffff) X(mn, tag, bf, 7fff, 0x7fff) \
    X(mn, tag, bf, 8000, 0x8000) X(mn, tag, bf, 80, 0x80)
#define DEF_CMPI(mn, tag, bf, sfx, val) DEF_ALU(tag##_##sfx, mn " " #bf ",%[a]," #val)
CMPI_LIST(DEF_CMPI, "cmpdi", cmpdi, 1)
CMPI_LIST(DEF_CMPI, "cmpwi", cmpwi, 0)
CMPLI_LIST(DEF_CMPI, "cmpldi", cmpldi, 0)
CMPLI_LIST(DEF_CMPI, "cmplwi", cmplwi, 4)
#define ROW_CMPDI(mn, tag, bf, sfx, val) { mn, run_##tag##_##sfx, ref_cmp, F_NOB | F_IMM, (val), (bf), 0 },
#define ROW_CMPWI(mn, tag, bf, sfx, val) { mn, run_##tag##_##sfx, ref_cmp, F_NOB | F_IMM | F_W, (val), (bf), 0 },
#define ROW_CMPLDI(mn, tag, bf, sfx, val) { mn, run_##tag##_##sfx, ref_cmp, F_NOB | F_IMM | F_L, (val), (bf), 0 },
#define ROW_CMPLWI(mn, tag, bf, sfx, val) \
    { mn, run_##tag##_##sfx, ref_cmp, F_NOB | F_IMM | F_L | F_W, (val), (bf), 0 },

static const struct op cmp_ops[] = {
    CMP_FORMS(ROW_CMP)
    CMPI_LIST(ROW_CMPDI, "cmpdi", cmpdi, 1)
    CMPI_LIST(ROW_CMPWI, "cmpwi", cmpwi, 0)
    CMPLI_LIST(ROW_CMPLDI, "cmpldi", cmpldi, 0)
    CMPLI_LIST(ROW_CMPLWI, "cmplwi", cmplwi, 4)
};

/* ---------------------------------------------------------------------- */
/* Logical                                                                 */

enum { AND, OR, XOR, NAND, NOR, EQV, ANDC, ORC };

static void ref_logical(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)m;
    u64 y = op->flags & F_IMM ? (u64)op->p2 : b;
    u64 r;
    switch (op->p1) {
    case AND: r = a & y; break;
    case OR: r = a | y; break;
    case XOR: r = a ^ y; break;
    case NAND: r = ~(a & y); break;
    case NOR: r = ~(a | y); break;
    case EQV: r = ~(a ^ y); break;
    case ANDC: r = a & ~y; break;
    default: r = a | ~y; break;
    }
    struct flags none = { 0, 0, 0, 0 };
    finish(op, r, none, w);
}

DEF_X2(and, "and", RRR)
DEF_X2(or, "or", RRR)
DEF_X2(xor, "xor", RRR)
DEF_X2(nand, "nand", RRR)
DEF_X2(nor, "nor", RRR)
DEF_X2(eqv, "eqv", RRR)
DEF_X2(andc, "andc", RRR)
DEF_X2(orc, "orc", RRR)

#define UIMM_LIST(X, mn, tag, kind, fl, shift) \
    X(mn, tag, kind, fl, shift, 0, 0) X(mn, tag, kind, fl, shift, 1, 1) X(mn, tag, kind, fl, shift, ffff, 0xffff) \
    X(mn, tag, kind, fl, shift, 8000, 0x8000) X(mn, tag, kind, fl, shift, 00ff, 0x00ff) \
    X(mn, tag, kind, fl, shift, 5a5a, 0x5a5a)
#define DEF_UIMM(mn, tag, kind, fl, shift, sfx, val) DEF_ALU(tag##_##sfx, mn " %[t],%[a]," #val)
#define ROW_UIMM(mn, tag, kind, fl, shift, sfx, val) \
    { mn, run_##tag##_##sfx, ref_logical, F_NOB | F_IMM | (fl), (kind), (long)(val) << (shift), 0 },
UIMM_LIST(DEF_UIMM, "andi.", andi, AND, F_RC, 0)
UIMM_LIST(DEF_UIMM, "andis.", andis, AND, F_RC, 16)
UIMM_LIST(DEF_UIMM, "ori", ori, OR, 0, 0)
UIMM_LIST(DEF_UIMM, "oris", oris, OR, 0, 16)
UIMM_LIST(DEF_UIMM, "xori", xori, XOR, 0, 0)
UIMM_LIST(DEF_UIMM, "xoris", xoris, XOR, 0, 16)

static const struct op logical_ops[] = {
    ROW_X2(and, "and", 0, ref_logical, AND)
    ROW_X2(or, "or", 0, ref_logical, OR)
    ROW_X2(xor, "xor", 0, ref_logical, XOR)
    ROW_X2(nand, "nand", 0, ref_logical, NAND)
    ROW_X2(nor, "nor", 0, ref_logical, NOR)
    ROW_X2(eqv, "eqv", 0, ref_logical, EQV)
    ROW_X2(andc, "andc", 0, ref_logical, ANDC)
    ROW_X2(orc, "orc", 0, ref_logical, ORC)
    UIMM_LIST(ROW_UIMM, "andi.", andi, AND, F_RC, 0)
    UIMM_LIST(ROW_UIMM, "andis.", andis, AND, F_RC, 16)
    UIMM_LIST(ROW_UIMM, "ori", ori, OR, 0, 0)
    UIMM_LIST(ROW_UIMM, "oris", oris, OR, 0, 16)
    UIMM_LIST(ROW_UIMM, "xori", xori, XOR, 0, 0)
    UIMM_LIST(ROW_UIMM, "xoris", xoris, XOR, 0, 16)
};

/* ---------------------------------------------------------------------- */
/* Sign extension, counting, parity, cmpb, bpermd                          */

static void ref_exts(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)b;
    (void)m;
    u64 r = op->p1 == 8 ? exts8(a) : op->p1 == 16 ? exts16(a) : exts32(a);
    struct flags none = { 0, 0, 0, 0 };
    finish(op, r, none, w);
}

DEF_X2(extsb, "extsb", RR)
DEF_X2(extsh, "extsh", RR)
DEF_X2(extsw, "extsw", RR)

static const struct op exts_ops[] = {
    ROW_X2(extsb, "extsb", F_NOB, ref_exts, 8)
    ROW_X2(extsh, "extsh", F_NOB, ref_exts, 16)
    ROW_X2(extsw, "extsw", F_NOB, ref_exts, 32)
};

static void ref_cntlz(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)b;
    (void)m;
    struct flags none = { 0, 0, 0, 0 };
    finish(op, leading_zeros(a, (unsigned)op->p1), none, w);
}

DEF_X2(cntlzw, "cntlzw", RR)
DEF_X2(cntlzd, "cntlzd", RR)

static const struct op cntlz_ops[] = {
    ROW_X2(cntlzw, "cntlzw", F_NOB, ref_cntlz, 32)
    ROW_X2(cntlzd, "cntlzd", F_NOB, ref_cntlz, 64)
};

/* popcntb/w/d: p1 = field width in bits; prtyw/d: p1 = 32 or 64. */
static void ref_popcnt(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)b;
    (void)m;
    unsigned width = (unsigned)op->p1;
    u64 field_mask = width == 64 ? ~0ul : (1ul << width) - 1;
    u64 r = 0;
    for (unsigned shift = 0; shift < 64; shift += width) {
        r |= (u64)bit_count((a >> shift) & field_mask, width) << shift;
    }
    w->v[RT] = r;
}

static void ref_prty(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)b;
    (void)m;
    unsigned width = (unsigned)op->p1;
    u64 r = 0;
    for (unsigned shift = 0; shift < 64; shift += width) {
        u64 parity = 0;
        for (unsigned byte = 0; byte < width; byte += 8) {
            parity ^= (a >> (shift + byte)) & 1; /* least significant bit of each byte */
        }
        r |= parity << shift;
    }
    w->v[RT] = r;
}

static void ref_cmpb(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)op;
    (void)m;
    u64 r = 0;
    for (unsigned i = 0; i < 64; i += 8) {
        if (((a >> i) & 0xff) == ((b >> i) & 0xff)) {
            r |= 0xfful << i;
        }
    }
    w->v[RT] = r;
}

/* bpermd RA,RS,RB: bit i of the result byte = bit RS.byte[i] of RB. */
static void ref_bpermd(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)op;
    (void)m;
    u64 r = 0;
    for (unsigned i = 0; i < 8; i++) {
        unsigned index = byte_be(a, i);
        u64 bit = index < 64 ? (b >> (63 - index)) & 1 : 0;
        r |= bit << (7 - i);
    }
    w->v[RT] = r;
}

DEF_ALU(popcntb, "popcntb" RR)
DEF_ALU(popcntw, "popcntw" RR)
DEF_ALU(popcntd, "popcntd" RR)
DEF_ALU(prtyw, "prtyw" RR)
DEF_ALU(prtyd, "prtyd" RR)
DEF_ALU(cmpb, "cmpb" RRR)
DEF_ALU(bpermd, "bpermd" RRR)

static const struct op popcnt_ops[] = {
    { "popcntb", run_popcntb, ref_popcnt, F_NOB, 8, 0, 0 },
    { "popcntw", run_popcntw, ref_popcnt, F_NOB, 32, 0, 0 },
    { "popcntd", run_popcntd, ref_popcnt, F_NOB, 64, 0, 0 },
};

static const struct op prty_ops[] = {
    { "prtyw", run_prtyw, ref_prty, F_NOB, 32, 0, 0 },
    { "prtyd", run_prtyd, ref_prty, F_NOB, 64, 0, 0 },
};

static const struct op cmpb_ops[] = {
    { "cmpb", run_cmpb, ref_cmpb, 0, 0, 0, 0 },
};

static const struct op bpermd_ops[] = {
    { "bpermd", run_bpermd, ref_bpermd, 0, 0, 0, 0 },
};

/* Byte-wise indices for bpermd, in and out of the 0..63 range. */
static const u64 bpermd_indices[] = {
    0x0001020304050607ul, 0x38393a3b3c3d3e3ful, 0x3f3e3d3c3b3a3938ul, 0x0008101820283038ul,
    0x40ff7f3f00203f01ul, 0x0707070707070707ul, 0x80c0e0f0f8fcfefful, 0x0000000000000000ul,
};

/* Values that share some bytes and not others, for cmpb. */
static const u64 cmpb_values[] = {
    0x0000000000000000ul, 0xfffffffffffffffful, 0x00ff00ff00ff00fful, 0x1122334455667788ul,
    0x1122330055667700ul, 0x8822334455667711ul, 0x0000000100000000ul, 0xff000000000000fful,
};

/* ---------------------------------------------------------------------- */
/* isel                                                                    */

static void ref_isel(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)m;
    u64 ra = op->flags & F_RA0 ? 0 : a;
    w->v[RT] = cr_bit(w->v[CR], (unsigned)op->p1) ? ra : b;
}

#define ISEL_LIST(X) X(0) X(2) X(3) X(5) X(14) X(28) X(29) X(31)
#define DEF_ISEL(bc) DEF_ALU(isel_##bc, "isel %[t],%[a],%[b]," #bc) DEF_ALU(isel0_##bc, "isel %[t],0,%[b]," #bc)
#define ROW_ISEL(bc) \
    { "isel", run_isel_##bc, ref_isel, 0, (bc), 0, 0 }, { "isel ra=0", run_isel0_##bc, ref_isel, F_RA0, (bc), 0, 0 },
ISEL_LIST(DEF_ISEL)

static const struct op isel_ops[] = {
    ISEL_LIST(ROW_ISEL)
};

static const u64 isel_values[] = { 0x0123456789abcdeful, 0xfedcba9876543210ul, 0 };

/* ---------------------------------------------------------------------- */
/* Rotate                                                                  */

enum { RLWINM, RLWNM, RLWIMI, RLDICL, RLDICR, RLDIC, RLDIMI, RLDCL, RLDCR };

/* p1 = kind, p2 = shift (or -1: from RB), p3 = mb | me << 8. */
static void ref_rotate(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)m;
    unsigned mb = (unsigned)(op->p3 & 0xff);
    unsigned me = (unsigned)(op->p3 >> 8);
    unsigned sh = (unsigned)op->p2;
    u64 inserted_into = b; /* insert forms: RA's old value comes in as b */
    u64 r;
    switch (op->p1) {
    case RLWINM:
        r = rotl32(a, sh) & mask64(mb + 32, me + 32);
        break;
    case RLWNM:
        r = rotl32(a, (unsigned)(b & 31)) & mask64(mb + 32, me + 32);
        break;
    case RLWIMI: {
        u64 mk = mask64(mb + 32, me + 32);
        r = (rotl32(a, sh) & mk) | (inserted_into & ~mk);
        break;
    }
    case RLDICL:
        r = rotl64(a, sh) & mask64(mb, 63);
        break;
    case RLDICR:
        r = rotl64(a, sh) & mask64(0, me);
        break;
    case RLDIC:
        r = rotl64(a, sh) & mask64(mb, 63 - sh);
        break;
    case RLDIMI: {
        u64 mk = mask64(mb, 63 - sh);
        r = (rotl64(a, sh) & mk) | (inserted_into & ~mk);
        break;
    }
    case RLDCL:
        r = rotl64(a, (unsigned)(b & 63)) & mask64(mb, 63);
        break;
    default: /* RLDCR */
        r = rotl64(a, (unsigned)(b & 63)) & mask64(0, me);
        break;
    }
    struct flags none = { 0, 0, 0, 0 };
    finish(op, r, none, w);
}

/* rlwinm / rlwimi: (sh, mb, me), including wrapping masks. */
#define RLW_LIST(X, mn, tag, kind, def)                                              \
    X(mn, tag, kind, def, 0_0_31, 0, 0, 31) X(mn, tag, kind, def, 1_0_31, 1, 0, 31)  \
    X(mn, tag, kind, def, 8_16_23, 8, 16, 23) X(mn, tag, kind, def, 4_28_3, 4, 28, 3) \
    X(mn, tag, kind, def, 16_31_0, 16, 31, 0) X(mn, tag, kind, def, 27_5_31, 27, 5, 31) \
    X(mn, tag, kind, def, 5_0_26, 5, 0, 26) X(mn, tag, kind, def, 31_31_31, 31, 31, 31)
#define DEF_RLW(mn, tag, kind, def, sfx, sh, mb, me)                                 \
    def(tag##_##sfx, mn " %[t],%[a]," #sh "," #mb "," #me)                           \
    def(tag##_##sfx##_rc, mn ". %[t],%[a]," #sh "," #mb "," #me)
#define ROW_RLW(mn, tag, kind, def, sfx, sh, mb, me)                                          \
    { mn, run_##tag##_##sfx, ref_rotate, F_NOB, (kind), (sh), (mb) | (me) << 8 },              \
    { mn ".", run_##tag##_##sfx##_rc, ref_rotate, F_NOB | F_RC, (kind), (sh), (mb) | (me) << 8 },
RLW_LIST(DEF_RLW, "rlwinm", rlwinm, RLWINM, DEF_ALU)
RLW_LIST(DEF_RLW, "rlwimi", rlwimi, RLWIMI, DEF_INS)

/* rlwnm: (mb, me), shift from RB. */
#define RLWNM_LIST(X) X(0_31, 0, 31) X(16_23, 16, 23) X(28_3, 28, 3) X(31_0, 31, 0)
#define DEF_RLWNM(sfx, mb, me) \
    DEF_ALU(rlwnm_##sfx, "rlwnm %[t],%[a],%[b]," #mb "," #me) \
    DEF_ALU(rlwnm_##sfx##_rc, "rlwnm. %[t],%[a],%[b]," #mb "," #me)
#define ROW_RLWNM(sfx, mb, me) \
    { "rlwnm", run_rlwnm_##sfx, ref_rotate, 0, RLWNM, 0, (mb) | (me) << 8 }, \
    { "rlwnm.", run_rlwnm_##sfx##_rc, ref_rotate, F_RC, RLWNM, 0, (mb) | (me) << 8 },
RLWNM_LIST(DEF_RLWNM)

/* rldicl / rldicr / rldic / rldimi: (sh, mb-or-me). */
#define RLD_LIST(X, mn, tag, kind, def, field)                                       \
    X(mn, tag, kind, def, field, 0_0, 0, 0) X(mn, tag, kind, def, field, 1_0, 1, 0)  \
    X(mn, tag, kind, def, field, 63_0, 63, 0) X(mn, tag, kind, def, field, 8_56, 8, 56) \
    X(mn, tag, kind, def, field, 32_32, 32, 32) X(mn, tag, kind, def, field, 16_63, 16, 63) \
    X(mn, tag, kind, def, field, 60_4, 60, 4) X(mn, tag, kind, def, field, 4_59, 4, 59)
#define DEF_RLD(mn, tag, kind, def, field, sfx, sh, mx)                              \
    def(tag##_##sfx, mn " %[t],%[a]," #sh "," #mx)                                   \
    def(tag##_##sfx##_rc, mn ". %[t],%[a]," #sh "," #mx)
#define ROW_RLD(mn, tag, kind, def, field, sfx, sh, mx)                                          \
    { mn, run_##tag##_##sfx, ref_rotate, F_NOB, (kind), (sh), (mx) << (field) },                 \
    { mn ".", run_##tag##_##sfx##_rc, ref_rotate, F_NOB | F_RC, (kind), (sh), (mx) << (field) },
RLD_LIST(DEF_RLD, "rldicl", rldicl, RLDICL, DEF_ALU, 0)
RLD_LIST(DEF_RLD, "rldicr", rldicr, RLDICR, DEF_ALU, 8)
RLD_LIST(DEF_RLD, "rldic", rldic, RLDIC, DEF_ALU, 0)
RLD_LIST(DEF_RLD, "rldimi", rldimi, RLDIMI, DEF_INS, 0)

/* rldcl / rldcr: mb or me, shift from RB. */
#define RLDC_LIST(X, mn, tag, kind, field) \
    X(mn, tag, kind, field, 0, 0) X(mn, tag, kind, field, 1, 1) X(mn, tag, kind, field, 32, 32) \
    X(mn, tag, kind, field, 63, 63)
#define DEF_RLDC(mn, tag, kind, field, sfx, mx) \
    DEF_ALU(tag##_##sfx, mn " %[t],%[a],%[b]," #mx) \
    DEF_ALU(tag##_##sfx##_rc, mn ". %[t],%[a],%[b]," #mx)
#define ROW_RLDC(mn, tag, kind, field, sfx, mx) \
    { mn, run_##tag##_##sfx, ref_rotate, 0, (kind), 0, (mx) << (field) }, \
    { mn ".", run_##tag##_##sfx##_rc, ref_rotate, F_RC, (kind), 0, (mx) << (field) },
RLDC_LIST(DEF_RLDC, "rldcl", rldcl, RLDCL, 0)
RLDC_LIST(DEF_RLDC, "rldcr", rldcr, RLDCR, 8)

/* Rotates by an immediate: a from values, b = the old RA of insert forms. */
static const struct op rotate_imm_ops[] = {
    RLW_LIST(ROW_RLW, "rlwinm", rlwinm, RLWINM, DEF_ALU)
    RLD_LIST(ROW_RLD, "rldicl", rldicl, RLDICL, DEF_ALU, 0)
    RLD_LIST(ROW_RLD, "rldicr", rldicr, RLDICR, DEF_ALU, 8)
    RLD_LIST(ROW_RLD, "rldic", rldic, RLDIC, DEF_ALU, 0)
};

/* Insert forms: b is RA's old value, so it varies too. */
#define ROW_RLW_INS(mn, tag, kind, def, sfx, sh, mb, me)                                      \
    { mn, run_##tag##_##sfx, ref_rotate, 0, (kind), (sh), (mb) | (me) << 8 },                  \
    { mn ".", run_##tag##_##sfx##_rc, ref_rotate, F_RC, (kind), (sh), (mb) | (me) << 8 },
#define ROW_RLD_INS(mn, tag, kind, def, field, sfx, sh, mx)                                      \
    { mn, run_##tag##_##sfx, ref_rotate, 0, (kind), (sh), (mx) << (field) },                      \
    { mn ".", run_##tag##_##sfx##_rc, ref_rotate, F_RC, (kind), (sh), (mx) << (field) },

static const struct op rotate_insert_ops[] = {
    RLW_LIST(ROW_RLW_INS, "rlwimi", rlwimi, RLWIMI, DEF_INS)
    RLD_LIST(ROW_RLD_INS, "rldimi", rldimi, RLDIMI, DEF_INS, 0)
};

static const u64 insert_targets[] = { 0, 0xfffffffffffffffful, 0x0f1e2d3c4b5a6978ul };

static const struct op rotate_reg_ops[] = {
    RLWNM_LIST(ROW_RLWNM)
    RLDC_LIST(ROW_RLDC, "rldcl", rldcl, RLDCL, 0)
    RLDC_LIST(ROW_RLDC, "rldcr", rldcr, RLDCR, 8)
};

/* ---------------------------------------------------------------------- */
/* Shift                                                                   */

enum { SLW, SRW, SRAW, SLD, SRD, SRAD };

/* p1 = kind, p2 = immediate shift (srawi, sradi) when F_IMM. */
static void ref_shift(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)m;
    u64 amount = op->flags & F_IMM ? (u64)op->p2 : b;
    struct flags fl = { 0, 0, 0, 0 };
    u64 r;
    switch (op->p1) {
    case SLW: {
        unsigned n = (unsigned)(amount & 63); /* RB[58:63] */
        r = n >= 32 ? 0 : shift_left(a, n) & 0xffffffff;
        break;
    }
    case SRW: {
        unsigned n = (unsigned)(amount & 63);
        r = n >= 32 ? 0 : shift_right(a & 0xffffffff, n);
        break;
    }
    case SRAW: {
        unsigned n = (unsigned)(amount & 63);
        u64 s = exts32(a);
        u64 lost = n >= 32 ? a & 0xffffffff : a & (shift_left(1, n) - 1) & 0xffffffff;
        r = sar64(s, n >= 32 ? 63 : n);
        fl.ca = (s >> 63) && lost != 0; /* negative and one bits shifted out */
        fl.ca32 = fl.ca;
        break;
    }
    case SLD: {
        unsigned n = (unsigned)(amount & 127); /* RB[57:63] */
        r = n >= 64 ? 0 : shift_left(a, n);
        break;
    }
    case SRD: {
        unsigned n = (unsigned)(amount & 127);
        r = n >= 64 ? 0 : shift_right(a, n);
        break;
    }
    default: { /* SRAD */
        unsigned n = (unsigned)(amount & 127);
        u64 lost = n >= 64 ? a : a & (shift_left(1, n) - 1);
        r = sar64(a, n >= 64 ? 63 : n);
        fl.ca = (a >> 63) && lost != 0;
        fl.ca32 = fl.ca;
        break;
    }
    }
    finish(op, r, fl, w);
}

DEF_X2(slw, "slw", RRR)
DEF_X2(srw, "srw", RRR)
DEF_X2(sraw, "sraw", RRR)
DEF_X2(sld, "sld", RRR)
DEF_X2(srd, "srd", RRR)
DEF_X2(srad, "srad", RRR)

#define SRAWI_LIST(X) X(srawi, 0) X(srawi, 1) X(srawi, 4) X(srawi, 31)
#define SRADI_LIST(X) X(sradi, 0) X(sradi, 1) X(sradi, 4) X(sradi, 31) X(sradi, 32) X(sradi, 63)
#define DEF_SHI(mn, n) \
    DEF_ALU(mn##_##n, #mn " %[t],%[a]," #n) \
    DEF_ALU(mn##_##n##_rc, #mn ". %[t],%[a]," #n)
SRAWI_LIST(DEF_SHI)
SRADI_LIST(DEF_SHI)
#define ROW_SRAWI(mn, n) \
    { #mn, run_##mn##_##n, ref_shift, F_NOB | F_IMM | F_CA, SRAW, (n), 0 }, \
    { #mn ".", run_##mn##_##n##_rc, ref_shift, F_NOB | F_IMM | F_CA | F_RC, SRAW, (n), 0 },
#define ROW_SRADI(mn, n) \
    { #mn, run_##mn##_##n, ref_shift, F_NOB | F_IMM | F_CA, SRAD, (n), 0 }, \
    { #mn ".", run_##mn##_##n##_rc, ref_shift, F_NOB | F_IMM | F_CA | F_RC, SRAD, (n), 0 },

static const struct op shift_ops[] = {
    ROW_X2(slw, "slw", 0, ref_shift, SLW)
    ROW_X2(srw, "srw", 0, ref_shift, SRW)
    ROW_X2(sraw, "sraw", F_CA, ref_shift, SRAW)
    ROW_X2(sld, "sld", 0, ref_shift, SLD)
    ROW_X2(srd, "srd", 0, ref_shift, SRD)
    ROW_X2(srad, "srad", F_CA, ref_shift, SRAD)
    SRAWI_LIST(ROW_SRAWI)
    SRADI_LIST(ROW_SRADI)
};

/* ---------------------------------------------------------------------- */
/* Loads and stores                                                        */

/*
 * Loads read from load_area at offset a (some unaligned: POWER8 handles
 * those in hardware for these instructions); D-forms use displacement p2 and
 * X-forms index register value p2, the base register being chosen so that
 * the effective address is load_area + a. RA is reported relative to
 * load_area so that no absolute address reaches the output.
 */
static u8 load_area[64] __attribute__((aligned(64)));
static u8 store_area[64] __attribute__((aligned(64)));
static u8 store_expected[64];

static const u64 load_offsets[] = { 0, 1, 2, 3, 4, 6, 7, 8, 12, 13, 16, 31 };
static const u64 aligned_offsets[] = { 0, 8, 16, 24 };

static u8 area_pattern(unsigned i)
{
    return (u8)(0x81 + i * 0x3b);
}

/* The n-byte value at p as this CPU's byte order (or the other one) sees it. */
static u64 compose(const u8 *p, unsigned n, int reversed)
{
    u64 v = 0;
    for (unsigned i = 0; i < n; i++) {
#if defined(__LITTLE_ENDIAN__)
        unsigned k = reversed ? i : n - 1 - i;
#else
        unsigned k = reversed ? n - 1 - i : i;
#endif
        v = (v << 8) | p[k];
    }
    return v;
}

static void decompose(u8 *p, unsigned n, u64 v, int reversed)
{
    for (unsigned i = 0; i < n; i++) {
#if defined(__LITTLE_ENDIAN__)
        unsigned k = reversed ? n - 1 - i : i;
#else
        unsigned k = reversed ? i : n - 1 - i;
#endif
        p[k] = (u8)(v >> (8 * i));
    }
}

/* Eight bytes read most significant first: an order-free view of memory. */
static u64 window(const u8 *p)
{
    u64 v = 0;
    for (unsigned i = 0; i < 8; i++) {
        v = (v << 8) | p[i];
    }
    return v;
}

static u64 area_hash(const u8 *p, unsigned n)
{
    u64 h = 0x84222325cbf29ce4ul;
    for (unsigned i = 0; i < n; i++) {
        h = (h ^ p[i]) * 0x100000001b3ul;
    }
    return h;
}

static void ref_load(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)b;
    unsigned n = (unsigned)op->p1;
    u64 v = compose(load_area + a, n, (op->flags & F_REV) != 0);
    if (op->flags & F_SIGNED) {
        v = n == 2 ? exts16(v) : exts32(v);
    }
    w->v[RT] = v;
    w->v[RA] = op->flags & F_UPD ? a : a - (u64)op->p2;
    m->v[RA] = ~0ul;
}

/* Load with displacement: base = load_area + a - disp. */
#define DEF_LOAD_D(id, mn, disp)                                                     \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)             \
    {                                                                                \
        (void)b;                                                                     \
        u64 base = (u64)load_area + a - (u64)(disp);                                 \
        u64 t;                                                                       \
        u64 xo;                                                                      \
        u64 co;                                                                      \
        __asm__ volatile(PRE mn " %[t]," #disp "(%[ra])" POST                        \
                         : [t] "=&r"(t), [ra] "+&b"(base), [xo] "=&r"(xo), [co] "=&r"(co) \
                         : [xi] "r"(xin), [ci] "r"(crin), "m"(load_area)             \
                         : CR_CLOBBERS, "xer");                                      \
        put(r, t, base - (u64)load_area, 0, xo, co);                                 \
    }

/* Indexed load: RB = index, base = load_area + a - index. */
#define DEF_LOAD_IX(id, mn, index)                                                    \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)             \
    {                                                                                \
        (void)b;                                                                     \
        u64 idx = (u64)(index);                                                      \
        u64 base = (u64)load_area + a - idx;                                         \
        u64 t;                                                                       \
        u64 xo;                                                                      \
        u64 co;                                                                      \
        __asm__ volatile(PRE mn " %[t],%[ra],%[rb]" POST                             \
                         : [t] "=&r"(t), [ra] "+&b"(base), [xo] "=&r"(xo), [co] "=&r"(co) \
                         : [rb] "r"(idx), [xi] "r"(xin), [ci] "r"(crin), "m"(load_area) \
                         : CR_CLOBBERS, "xer");                                      \
        put(r, t, base - (u64)load_area, 0, xo, co);                                 \
    }

#define LOAD_LIST(X)                                                    \
    X(D, lbz, "lbz", 1, 0, 5)                                           \
    X(D, lhz, "lhz", 2, 0, -3)                                          \
    X(D, lha, "lha", 2, F_SIGNED, 7)                                    \
    X(D, lwz, "lwz", 4, 0, -12)                                         \
    X(D, lwa, "lwa", 4, F_SIGNED, 8)                                    \
    X(D, ld, "ld", 8, 0, -16)                                           \
    X(D, lbzu, "lbzu", 1, F_UPD, 3)                                     \
    X(D, lhzu, "lhzu", 2, F_UPD, -6)                                    \
    X(D, lhau, "lhau", 2, F_UPD | F_SIGNED, 10)                         \
    X(D, lwzu, "lwzu", 4, F_UPD, 20)                                    \
    X(D, ldu, "ldu", 8, F_UPD, -8)                                      \
    X(IX, lbzx, "lbzx", 1, 0, 9)                                         \
    X(IX, lhzx, "lhzx", 2, 0, -5)                                        \
    X(IX, lhax, "lhax", 2, F_SIGNED, 16)                                 \
    X(IX, lwzx, "lwzx", 4, 0, -1)                                        \
    X(IX, lwax, "lwax", 4, F_SIGNED, 24)                                 \
    X(IX, ldx, "ldx", 8, 0, 2)                                           \
    X(IX, lbzux, "lbzux", 1, F_UPD, -7)                                  \
    X(IX, lhzux, "lhzux", 2, F_UPD, 11)                                  \
    X(IX, lhaux, "lhaux", 2, F_UPD | F_SIGNED, -2)                       \
    X(IX, lwzux, "lwzux", 4, F_UPD, 6)                                   \
    X(IX, lwaux, "lwaux", 4, F_UPD | F_SIGNED, -32)                      \
    X(IX, ldux, "ldux", 8, F_UPD, 40)                                    \
    X(IX, lhbrx, "lhbrx", 2, F_REV, 0)                                   \
    X(IX, lwbrx, "lwbrx", 4, F_REV, 13)                                  \
    X(IX, ldbrx, "ldbrx", 8, F_REV, -24)
#define DEF_LOAD(form, id, mn, n, fl, p) DEF_LOAD_##form(id, mn, p)
#define ROW_LOAD(form, id, mn, n, fl, p) { mn, run_##id, ref_load, F_NOB | (fl), (n), (p), 0 },
LOAD_LIST(DEF_LOAD)

static const struct op load_ops[] = {
    LOAD_LIST(ROW_LOAD)
};

/*
 * Stores: a is the value, b the offset in store_area (after an 8-byte
 * margin). rt = the 8 bytes at the offset, aux = a hash of the whole area
 * (so a store that spills is seen), ra = the base register relative to the
 * area.
 */
static void fill_store_area(u8 *p)
{
    for (unsigned i = 0; i < sizeof(store_area); i++) {
        p[i] = (u8)(0xe7 ^ (i * 0x1d));
    }
}

static void ref_store(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    unsigned n = (unsigned)op->p1;
    unsigned at = 8 + (unsigned)b;
    fill_store_area(store_expected);
    decompose(store_expected + at, n, a, (op->flags & F_REV) != 0);
    w->v[RT] = window(store_expected + at);
    w->v[AUX] = area_hash(store_expected, sizeof(store_expected));
    w->v[RA] = op->flags & F_UPD ? at : at - (u64)op->p2;
    m->v[RA] = ~0ul;
    m->v[AUX] = ~0ul;
}

static void store_result(struct res *r, u64 b, u64 base, u64 xo, u64 co)
{
    put(r, window(store_area + 8 + b), base - (u64)store_area, area_hash(store_area, sizeof(store_area)), xo, co);
}

#define DEF_STORE_D(id, mn, disp)                                                    \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)             \
    {                                                                                \
        fill_store_area(store_area);                                                 \
        u64 base = (u64)store_area + 8 + b - (u64)(disp);                            \
        u64 xo;                                                                      \
        u64 co;                                                                      \
        __asm__ volatile(PRE mn " %[v]," #disp "(%[ra])" POST                        \
                         : [ra] "+&b"(base), [xo] "=&r"(xo), [co] "=&r"(co),         \
                           "=m"(store_area)                                          \
                         : [v] "r"(a), [xi] "r"(xin), [ci] "r"(crin)                 \
                         : CR_CLOBBERS, "xer");                                      \
        store_result(r, b, base, xo, co);                                            \
    }

#define DEF_STORE_IX(id, mn, index)                                                   \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)             \
    {                                                                                \
        fill_store_area(store_area);                                                 \
        u64 idx = (u64)(index);                                                      \
        u64 base = (u64)store_area + 8 + b - idx;                                    \
        u64 xo;                                                                      \
        u64 co;                                                                      \
        __asm__ volatile(PRE mn " %[v],%[ra],%[rb]" POST                             \
                         : [ra] "+&b"(base), [xo] "=&r"(xo), [co] "=&r"(co),         \
                           "=m"(store_area)                                          \
                         : [v] "r"(a), [rb] "r"(idx), [xi] "r"(xin), [ci] "r"(crin)  \
                         : CR_CLOBBERS, "xer");                                      \
        store_result(r, b, base, xo, co);                                            \
    }

#define STORE_LIST(X)                                                   \
    X(D, stb, "stb", 1, 0, -1)                                          \
    X(D, sth, "sth", 2, 0, 9)                                           \
    X(D, stw, "stw", 4, 0, -7)                                          \
    X(D, std, "std", 8, 0, 16)                                          \
    X(D, stbu, "stbu", 1, F_UPD, 2)                                     \
    X(D, sthu, "sthu", 2, F_UPD, -4)                                    \
    X(D, stwu, "stwu", 4, F_UPD, 12)                                    \
    X(D, stdu, "stdu", 8, F_UPD, -24)                                   \
    X(IX, stbx, "stbx", 1, 0, 3)                                         \
    X(IX, sthx, "sthx", 2, 0, -9)                                        \
    X(IX, stwx, "stwx", 4, 0, 17)                                        \
    X(IX, stdx, "stdx", 8, 0, -3)                                        \
    X(IX, stbux, "stbux", 1, F_UPD, 5)                                   \
    X(IX, sthux, "sthux", 2, F_UPD, -6)                                  \
    X(IX, stwux, "stwux", 4, F_UPD, 30)                                  \
    X(IX, stdux, "stdux", 8, F_UPD, -11)                                 \
    X(IX, sthbrx, "sthbrx", 2, F_REV, 1)                                 \
    X(IX, stwbrx, "stwbrx", 4, F_REV, -8)                                \
    X(IX, stdbrx, "stdbrx", 8, F_REV, 7)
#define DEF_STORE(form, id, mn, n, fl, p) DEF_STORE_##form(id, mn, p)
#define ROW_STORE(form, id, mn, n, fl, p) { mn, run_##id, ref_store, (fl), (n), (p), 0 },
STORE_LIST(DEF_STORE)

static const struct op store_ops[] = {
    STORE_LIST(ROW_STORE)
};

static const u64 store_offsets[] = { 0, 1, 3, 4, 8, 13, 16, 31 };

/* ---------------------------------------------------------------------- */
/* Load and store multiple (big-endian only: they are illegal in LE mode)  */

#if !defined(__LITTLE_ENDIAN__)

/* stmw stores these five registers, made from a. */
static void stmw_sources(u64 a, u64 *r)
{
    r[0] = a;
    r[1] = ~a;
    r[2] = a + 1;
    r[3] = rotl64(a, 8);
    r[4] = -a;
}

/* lmw/stmw check: rt, ra hold the words of r27..r30 or r30..r31; aux the rest. */
static void ref_multiple(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    unsigned first = (unsigned)op->p1; /* first register: 27 or 30 */
    unsigned count = 32 - first;
    u64 words[5] = { 0, 0, 0, 0, 0 };
    if (op->p2) { /* stmw: memory gets the low words of the registers */
        u64 regs[5];
        stmw_sources(a, regs);
        fill_store_area(store_expected);
        for (unsigned i = 0; i < count; i++) {
            decompose(store_expected + b + 4 * i, 4, regs[i], 0);
        }
        w->v[RT] = window(store_expected + b);
        w->v[RA] = window(store_expected + b + 8);
        w->v[AUX] = area_hash(store_expected, sizeof(store_expected));
    } else { /* lmw: registers get zero-extended words */
        for (unsigned i = 0; i < count; i++) {
            words[i] = compose(load_area + a + 4 * i, 4, 0);
        }
        w->v[RT] = words[0] << 32 | words[1];
        w->v[RA] = words[2] << 32 | words[3];
        w->v[AUX] = words[4]; /* plus the OR of all high words: zero */
    }
    m->v[RA] = ~0ul;
    m->v[AUX] = ~0ul;
}

static void lmw_result(struct res *r, const u64 *regs, unsigned count, u64 xo, u64 co)
{
    u64 words[5] = { 0, 0, 0, 0, 0 };
    u64 high = 0;
    for (unsigned i = 0; i < count; i++) {
        words[i] = regs[i] & 0xffffffff;
        high |= regs[i] >> 32;
    }
    put(r, words[0] << 32 | words[1], words[2] << 32 | words[3], words[4] | high << 32, xo, co);
}

static void run_lmw27(u64 a, u64 b, u64 xin, u64 crin, struct res *r)
{
    (void)b;
    u64 regs[5];
    u64 xo;
    u64 co;
    __asm__ volatile(PRE "lmw 27,0(%[ra])\n\t"
                     "std 27,0(%[out])\n\tstd 28,8(%[out])\n\tstd 29,16(%[out])\n\t"
                     "std 30,24(%[out])\n\tstd 31,32(%[out])" POST
                     : [xo] "=&r"(xo), [co] "=&r"(co), "=m"(regs)
                     : [ra] "b"((u64)load_area + a), [out] "b"(regs), [xi] "r"(xin), [ci] "r"(crin),
                       "m"(load_area)
                     : CR_CLOBBERS, "xer", "r27", "r28", "r29", "r30", "r31");
    lmw_result(r, regs, 5, xo, co);
}

static void run_lmw30(u64 a, u64 b, u64 xin, u64 crin, struct res *r)
{
    (void)b;
    u64 regs[2];
    u64 xo;
    u64 co;
    __asm__ volatile(PRE "lmw 30,0(%[ra])\n\t"
                     "std 30,0(%[out])\n\tstd 31,8(%[out])" POST
                     : [xo] "=&r"(xo), [co] "=&r"(co), "=m"(regs)
                     : [ra] "b"((u64)load_area + a), [out] "b"(regs), [xi] "r"(xin), [ci] "r"(crin),
                       "m"(load_area)
                     : CR_CLOBBERS, "xer", "r30", "r31");
    lmw_result(r, regs, 2, xo, co);
}

static void stmw_result(struct res *r, u64 b, u64 xo, u64 co)
{
    put(r, window(store_area + b), window(store_area + b + 8), area_hash(store_area, sizeof(store_area)), xo,
        co);
}

static void run_stmw27(u64 a, u64 b, u64 xin, u64 crin, struct res *r)
{
    u64 regs[5];
    stmw_sources(a, regs);
    fill_store_area(store_area);
    u64 xo;
    u64 co;
    __asm__ volatile("ld 27,0(%[in])\n\tld 28,8(%[in])\n\tld 29,16(%[in])\n\t"
                     "ld 30,24(%[in])\n\tld 31,32(%[in])\n\t" PRE "stmw 27,0(%[ra])" POST
                     : [xo] "=&r"(xo), [co] "=&r"(co), "=m"(store_area)
                     : [ra] "b"((u64)store_area + b), [in] "b"(regs), "m"(regs), [xi] "r"(xin),
                       [ci] "r"(crin)
                     : CR_CLOBBERS, "xer", "r27", "r28", "r29", "r30", "r31");
    stmw_result(r, b, xo, co);
}

static void run_stmw30(u64 a, u64 b, u64 xin, u64 crin, struct res *r)
{
    u64 regs[5];
    stmw_sources(a, regs);
    fill_store_area(store_area);
    u64 xo;
    u64 co;
    __asm__ volatile("ld 30,0(%[in])\n\tld 31,8(%[in])\n\t" PRE "stmw 30,0(%[ra])" POST
                     : [xo] "=&r"(xo), [co] "=&r"(co), "=m"(store_area)
                     : [ra] "b"((u64)store_area + b), [in] "b"(regs), "m"(regs), [xi] "r"(xin),
                       [ci] "r"(crin)
                     : CR_CLOBBERS, "xer", "r30", "r31");
    stmw_result(r, b, xo, co);
}

static const struct op lmw_ops[] = {
    { "lmw r27", run_lmw27, ref_multiple, F_NOB, 27, 0, 0 },
    { "lmw r30", run_lmw30, ref_multiple, F_NOB, 30, 0, 0 },
};

static const struct op stmw_ops[] = {
    { "stmw r27", run_stmw27, ref_multiple, 0, 27, 1, 0 },
    { "stmw r30", run_stmw30, ref_multiple, 0, 30, 1, 0 },
};

static const u64 word_offsets[] = { 0, 4, 8, 12, 20 };

#endif /* !__LITTLE_ENDIAN__ */

/* ---------------------------------------------------------------------- */
/* Load and reserve, store conditional                                     */

/*
 * Success: larx then stcx. to the same address stores and sets CR0 to
 * 0b001||SO. Failure: after that stcx. the reservation is gone (any stcx.
 * clears it, Book II 1.7.3.1), so a second stcx. must store nothing and set
 * CR0 to 0b000||SO. A plain store by this same CPU to the granule is not in
 * the ISA's list of events that clear a reservation, so it is not used as a
 * failure case. a = the value to store, b = the offset in store_area.
 */
static void ref_atomic(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    unsigned n = (unsigned)op->p1;
    int fails = op->p2 != 0;
    unsigned at = 8 + (unsigned)b;
    fill_store_area(store_expected);
    w->v[RT] = compose(store_expected + at, n, 0); /* the reserved load */
    if (!fails) {
        decompose(store_expected + at, n, a, 0);
    }
    w->v[RA] = window(store_expected + at);
    w->v[AUX] = area_hash(store_expected, sizeof(store_expected));
    w->v[CR] = cr_with_field(w->v[CR], 0, (fails ? 0 : 2) | (w->v[XER] & SO ? 1 : 0));
    m->v[RA] = ~0ul;
    m->v[AUX] = ~0ul;
}

#define DEF_ATOMIC(id, larx, stcx, second)                                           \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)             \
    {                                                                                \
        fill_store_area(store_area);                                                 \
        u64 ea = (u64)store_area + 8 + b;                                            \
        u64 t;                                                                       \
        u64 xo;                                                                      \
        u64 co;                                                                      \
        __asm__ volatile(PRE larx " %[t],0,%[ea]\n\t" second stcx " %[v],0,%[ea]" POST \
                         : [t] "=&r"(t), [xo] "=&r"(xo), [co] "=&r"(co), "+m"(store_area) \
                         : [v] "r"(a), [ea] "b"(ea), [xi] "r"(xin), [ci] "r"(crin)   \
                         : CR_CLOBBERS, "xer");                                      \
        put(r, t, window(store_area + 8 + b), area_hash(store_area, sizeof(store_area)), xo, co); \
    }
#define STCX_FIRST(stcx) stcx " %[t],0,%[ea]\n\t"

#define ATOMIC_LIST(X) X(b, "lbarx", "stbcx.", 1) X(h, "lharx", "sthcx.", 2) X(w, "lwarx", "stwcx.", 4) \
    X(d, "ldarx", "stdcx.", 8)
#define DEF_ATOMICS(sz, larx, stcx, n) \
    DEF_ATOMIC(atomic_ok_##sz, larx, stcx, "") \
    DEF_ATOMIC(atomic_fail_##sz, larx, stcx, STCX_FIRST(stcx))
#define ROW_ATOMICS(sz, larx, stcx, n) \
    { larx "/" stcx, run_atomic_ok_##sz, ref_atomic, 0, (n), 0, 0 }, \
    { larx "/" stcx " (no reservation)", run_atomic_fail_##sz, ref_atomic, 0, (n), 1, 0 },
ATOMIC_LIST(DEF_ATOMICS)

static const struct op atomic_ops[] = {
    ATOMIC_LIST(ROW_ATOMICS)
};

/* ---------------------------------------------------------------------- */
/* Branches                                                                */

/*
 * a = CTR before the branch; CR comes from the CR list. rt = 1 when the
 * branch was taken, ra = CTR after (relative to the sequence's own address
 * for bcctr, whose target is in CTR), aux = LR after, relative likewise.
 * p1 = BO, p2 = BI, p3 = kind.
 */
enum { BR_BC, BR_BCLR, BR_BCCTR };

static void ref_branch(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)b;
    unsigned bo = (unsigned)op->p1;
    unsigned bi = (unsigned)op->p2;
    int link = (op->flags & F_LINK) != 0;
    u64 ctr = a;
    int ctr_ok = 1;
    if (op->p3 != BR_BCCTR && !(bo & 4)) { /* BO[2] = 0: decrement CTR */
        ctr--;
        ctr_ok = (ctr != 0) != ((bo & 2) != 0); /* BO[3]: branch if CTR = 0 */
    }
    int cond_ok = (bo & 16) || cr_bit(w->v[CR], bi) == ((bo & 8) != 0);
    w->v[RT] = ctr_ok && cond_ok;
    m->v[RA] = ~0ul;
    m->v[AUX] = ~0ul;
    switch (op->p3) {
    case BR_BC:
        w->v[RA] = ctr;
        w->v[AUX] = link ? 12 : 0; /* LR = address after the bc */
        break;
    case BR_BCLR:
        w->v[RA] = ctr;
        w->v[AUX] = link ? 20 : 24; /* else LR keeps the target */
        break;
    default:
        w->v[RA] = 24; /* CTR keeps the target */
        w->v[AUX] = link ? 20 : 0;
        break;
    }
}

/* Offsets from label 2: mflr +0, li/addi +4, bc +8 (bc) or +16 (bclr, bcctr). */
#define DEF_BC(id, insn)                                                             \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)             \
    {                                                                                \
        (void)b;                                                                     \
        u64 t;                                                                       \
        u64 c;                                                                       \
        u64 base;                                                                    \
        u64 lr;                                                                      \
        u64 xo;                                                                      \
        u64 co;                                                                      \
        __asm__ volatile(PRE "mtctr %[ctr]\n\t"                                      \
                         "bcl 20,31,2f\n"                                            \
                         "2:\tmflr %[base]\n\t"                                      \
                         "li %[t],1\n\t" insn " 1f\n\t"                              \
                         "li %[t],0\n"                                               \
                         "1:\tmfctr %[c]\n\t"                                        \
                         "mflr %[lr]" POST                                           \
                         : [t] "=&r"(t), [c] "=&r"(c), [base] "=&r"(base), [lr] "=&r"(lr), \
                           [xo] "=&r"(xo), [co] "=&r"(co)                            \
                         : [ctr] "r"(a), [xi] "r"(xin), [ci] "r"(crin)               \
                         : CR_CLOBBERS, "xer", "ctr", "lr");                         \
        put(r, t, c, lr - base, xo, co);                                             \
    }

#define DEF_BCLR(id, insn)                                                           \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)             \
    {                                                                                \
        (void)b;                                                                     \
        u64 t;                                                                       \
        u64 c;                                                                       \
        u64 base;                                                                    \
        u64 target;                                                                  \
        u64 lr;                                                                      \
        u64 xo;                                                                      \
        u64 co;                                                                      \
        __asm__ volatile(PRE "mtctr %[ctr]\n\t"                                      \
                         "bcl 20,31,2f\n"                                            \
                         "2:\tmflr %[base]\n\t"                                      \
                         "addi %[target],%[base],1f-2b\n\t"                          \
                         "mtlr %[target]\n\t"                                        \
                         "li %[t],1\n\t" insn "\n\t"                                 \
                         "li %[t],0\n"                                               \
                         "1:\tmfctr %[c]\n\t"                                        \
                         "mflr %[lr]" POST                                           \
                         : [t] "=&r"(t), [c] "=&r"(c), [base] "=&b"(base), [target] "=&r"(target), \
                           [lr] "=&r"(lr), [xo] "=&r"(xo), [co] "=&r"(co)            \
                         : [ctr] "r"(a), [xi] "r"(xin), [ci] "r"(crin)               \
                         : CR_CLOBBERS, "xer", "ctr", "lr");                         \
        put(r, t, c, lr - base, xo, co);                                             \
    }

#define DEF_BCCTR(id, insn)                                                          \
    static void run_##id(u64 a, u64 b, u64 xin, u64 crin, struct res *r)             \
    {                                                                                \
        (void)a;                                                                     \
        (void)b;                                                                     \
        u64 t;                                                                       \
        u64 c;                                                                       \
        u64 base;                                                                    \
        u64 target;                                                                  \
        u64 lr;                                                                      \
        u64 xo;                                                                      \
        u64 co;                                                                      \
        __asm__ volatile(PRE "bcl 20,31,2f\n"                                        \
                         "2:\tmflr %[base]\n\t"                                      \
                         "addi %[target],%[base],1f-2b\n\t"                          \
                         "mtctr %[target]\n\t"                                       \
                         "li %[t],1\n\t" insn "\n\t"                                 \
                         "li %[t],0\n"                                               \
                         "1:\tmfctr %[c]\n\t"                                        \
                         "mflr %[lr]" POST                                           \
                         : [t] "=&r"(t), [c] "=&r"(c), [base] "=&b"(base), [target] "=&r"(target), \
                           [lr] "=&r"(lr), [xo] "=&r"(xo), [co] "=&r"(co)            \
                         : [xi] "r"(xin), [ci] "r"(crin)                             \
                         : CR_CLOBBERS, "xer", "ctr", "lr");                         \
        put(r, t, c - base, lr - base, xo, co);                                      \
    }

/* BO values: bdnzf, bdzf, bf (with and without hints), bdnzt, bdzt, bt, bdnz, bdz, always. */
#define BC_LIST(X, bi) \
    X(0, bi) X(2, bi) X(4, bi) X(6, bi) X(7, bi) X(8, bi) X(10, bi) X(12, bi) X(14, bi) X(15, bi) \
    X(16, bi) X(18, bi) X(24, bi) X(25, bi) X(26, bi) X(27, bi) X(20, bi)
#define DEF_BC_BO(bo, bi) \
    DEF_BC(bc_##bo##_##bi, "bc " #bo "," #bi ",") \
    DEF_BC(bcl_##bo##_##bi, "bcl " #bo "," #bi ",")
#define ROW_BC_BO(bo, bi) \
    { "bc", run_bc_##bo##_##bi, ref_branch, F_NOB, (bo), (bi), BR_BC }, \
    { "bcl", run_bcl_##bo##_##bi, ref_branch, F_NOB | F_LINK, (bo), (bi), BR_BC },
BC_LIST(DEF_BC_BO, 2)
BC_LIST(DEF_BC_BO, 29)

#define BCLR_LIST(X, bi) X(0, bi) X(4, bi) X(8, bi) X(12, bi) X(16, bi) X(18, bi) X(20, bi)
#define DEF_BCLR_BO(bo, bi) \
    DEF_BCLR(bclr_##bo##_##bi, "bclr " #bo "," #bi ",0") \
    DEF_BCLR(bclrl_##bo##_##bi, "bclrl " #bo "," #bi ",0")
#define ROW_BCLR_BO(bo, bi) \
    { "bclr", run_bclr_##bo##_##bi, ref_branch, F_NOB, (bo), (bi), BR_BCLR }, \
    { "bclrl", run_bclrl_##bo##_##bi, ref_branch, F_NOB | F_LINK, (bo), (bi), BR_BCLR },
BCLR_LIST(DEF_BCLR_BO, 2)
BCLR_LIST(DEF_BCLR_BO, 31)

/* bcctr must not decrement CTR (BO[2] = 1). */
#define BCCTR_LIST(X, bi) X(4, bi) X(12, bi) X(20, bi)
#define DEF_BCCTR_BO(bo, bi) \
    DEF_BCCTR(bcctr_##bo##_##bi, "bcctr " #bo "," #bi ",0") \
    DEF_BCCTR(bcctrl_##bo##_##bi, "bcctrl " #bo "," #bi ",0")
#define ROW_BCCTR_BO(bo, bi) \
    { "bcctr", run_bcctr_##bo##_##bi, ref_branch, F_NOB, (bo), (bi), BR_BCCTR }, \
    { "bcctrl", run_bcctrl_##bo##_##bi, ref_branch, F_NOB | F_LINK, (bo), (bi), BR_BCCTR },
BCCTR_LIST(DEF_BCCTR_BO, 2)
BCCTR_LIST(DEF_BCCTR_BO, 29)

static const struct op branch_ops[] = {
    BC_LIST(ROW_BC_BO, 2)
    BC_LIST(ROW_BC_BO, 29)
    BCLR_LIST(ROW_BCLR_BO, 2)
    BCLR_LIST(ROW_BCLR_BO, 31)
    BCCTR_LIST(ROW_BCCTR_BO, 2)
    BCCTR_LIST(ROW_BCCTR_BO, 29)
};

static const u64 ctr_values[] = { 0, 1, 2, 0x100000000ul, 0xfffffffffffffffful };

/* Condition registers with CR bits 2, 29 and 31 in each combination. */
static const u64 cr_branch[] = { 0x00000000ul, 0x20000000ul, 0x00000004ul, 0xfffffffful, 0xdffffffaul, 0x20000005ul };

/* ---------------------------------------------------------------------- */
/* CR logical operations and CR moves                                      */

enum { CRAND, CROR, CRXOR, CRNAND, CRNOR, CREQV, CRANDC, CRORC };

/* p1 = kind, p2 = BT | BA << 8 | BB << 16. */
static void ref_crlogical(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)a;
    (void)b;
    m->v[RT] = 0; /* no target register */
    unsigned bt = (unsigned)(op->p2 & 0xff);
    u64 x = cr_bit(w->v[CR], (unsigned)((op->p2 >> 8) & 0xff));
    u64 y = cr_bit(w->v[CR], (unsigned)((op->p2 >> 16) & 0xff));
    u64 r;
    switch (op->p1) {
    case CRAND: r = x & y; break;
    case CROR: r = x | y; break;
    case CRXOR: r = x ^ y; break;
    case CRNAND: r = !(x & y); break;
    case CRNOR: r = !(x | y); break;
    case CREQV: r = !(x ^ y); break;
    case CRANDC: r = x & !y; break;
    default: r = x | !y; break;
    }
    w->v[CR] = cr_with_bit(w->v[CR], bt, r);
}

#define CRBITS_LIST(X, mn, kind) \
    X(mn, kind, 0, 1, 2) X(mn, kind, 31, 0, 31) X(mn, kind, 5, 5, 5) X(mn, kind, 12, 2, 29) X(mn, kind, 2, 3, 2)
#define DEF_CRL(mn, kind, bt, ba, bb) DEF_ALU(mn##_##bt##_##ba##_##bb, #mn " " #bt "," #ba "," #bb)
#define ROW_CRL(mn, kind, bt, ba, bb) \
    { #mn, run_##mn##_##bt##_##ba##_##bb, ref_crlogical, F_NOB, (kind), (bt) | (ba) << 8 | (bb) << 16, 0 },
#define CRL_ALL(X) \
    CRBITS_LIST(X, crand, CRAND) CRBITS_LIST(X, cror, CROR) CRBITS_LIST(X, crxor, CRXOR) \
    CRBITS_LIST(X, crnand, CRNAND) CRBITS_LIST(X, crnor, CRNOR) CRBITS_LIST(X, creqv, CREQV) \
    CRBITS_LIST(X, crandc, CRANDC) CRBITS_LIST(X, crorc, CRORC)
CRL_ALL(DEF_CRL)

static const struct op crlogical_ops[] = {
    CRL_ALL(ROW_CRL)
};

static const u64 cr_patterns[] = { 0x00000000ul, 0xfffffffful, 0xa5c3e10ful, 0x5a3c1ef0ul, 0x80000001ul, 0x3000000cul };

enum { MCRF, MTCRF, MFCR, MFOCRF };

/* p1 = kind, p2 = BF | BFA << 8 (mcrf) or FXM. */
static void ref_crmove(const struct op *op, u64 a, u64 b, struct res *w, struct res *m)
{
    (void)b;
    u64 cr = w->v[CR];
    u64 fields = 0; /* the FXM fields as a bit mask */
    for (unsigned f = 0; f < 8; f++) {
        if (op->p2 & (0x80 >> f)) {
            fields |= 0xful << (28 - 4 * f);
        }
    }
    switch (op->p1) {
    case MCRF: {
        m->v[RT] = 0; /* no target register */
        unsigned bf = (unsigned)(op->p2 & 0xff);
        unsigned bfa = (unsigned)(op->p2 >> 8);
        w->v[CR] = cr_with_field(cr, bf, cr_field(cr, bfa));
        break;
    }
    case MTCRF: /* also mtocrf, which names one field */
        m->v[RT] = 0; /* no target register */
        w->v[CR] = (cr & ~fields) | (a & fields);
        break;
    case MFCR:
        w->v[RT] = cr; /* 32 zeros || CR */
        break;
    default: /* MFOCRF: the named field; the rest of RT is undefined */
        w->v[RT] = cr & fields;
        m->v[RT] = fields;
        break;
    }
}

#define MCRF_LIST(X) X(0, 7) X(7, 0) X(3, 3) X(2, 5) X(6, 1)
#define DEF_MCRF(bf, bfa) DEF_ALU(mcrf_##bf##_##bfa, "mcrf " #bf "," #bfa)
#define ROW_MCRF(bf, bfa) { "mcrf", run_mcrf_##bf##_##bfa, ref_crmove, F_NOB, MCRF, (bf) | (bfa) << 8, 0 },
MCRF_LIST(DEF_MCRF)

#define MTCRF_LIST(X) X(mtcrf, 0x00) X(mtcrf, 0x80) X(mtcrf, 0x01) X(mtcrf, 0xff) X(mtcrf, 0x5a) X(mtcrf, 0x81)
#define MTOCRF_LIST(X) X(mtocrf, 0x80) X(mtocrf, 0x10) X(mtocrf, 0x04) X(mtocrf, 0x01)
#define DEF_MTCRF(mn, fxm) DEF_ALU(mn##_##fxm, #mn " " #fxm ",%[a]")
#define ROW_MTCRF(mn, fxm) { #mn, run_##mn##_##fxm, ref_crmove, F_NOB, MTCRF, (fxm), 0 },
MTCRF_LIST(DEF_MTCRF)
MTOCRF_LIST(DEF_MTCRF)

#define MFOCRF_LIST(X) X(0x80) X(0x20) X(0x02) X(0x01)
#define DEF_MFOCRF(fxm) DEF_ALU(mfocrf_##fxm, "mfocrf %[t]," #fxm)
#define ROW_MFOCRF(fxm) { "mfocrf", run_mfocrf_##fxm, ref_crmove, F_NOB, MFOCRF, (fxm), 0 },
MFOCRF_LIST(DEF_MFOCRF)
DEF_ALU(mfcr, "mfcr %[t]")

static const struct op crmove_ops[] = {
    MCRF_LIST(ROW_MCRF)
    MTCRF_LIST(ROW_MTCRF)
    MTOCRF_LIST(ROW_MTCRF)
    MFOCRF_LIST(ROW_MFOCRF)
    { "mfcr", run_mfcr, ref_crmove, F_NOB, MFCR, 0, 0 },
};

static const u64 cr_sources[] = { 0, 0xfffffffffffffffful, 0x123456789abcdef0ul };

/* ---------------------------------------------------------------------- */
/* Driver                                                                  */

static void fold(u64 v)
{
    digest = (digest ^ v) * 0x100000001b3ul;
    digest ^= digest >> 29;
}

static void show_failure(const struct op *op, u64 a, u64 b, u64 xin, u64 crin, const struct res *got,
                         const struct res *want, const struct res *mask)
{
    if (failures_shown >= MAX_FAILURES_SHOWN) {
        return;
    }
    failures_shown++;
    print("FAIL %s [%ld,%ld,%ld] a=%016lx b=%016lx xer=%lx cr=%08lx:", op->name, op->p1, op->p2, op->p3, a, b,
          xin, crin);
    for (unsigned i = 0; i < NOUT; i++) {
        if ((got->v[i] ^ want->v[i]) & mask->v[i]) {
            print(" %s=%016lx want %016lx (mask %016lx)", out_names[i], got->v[i], want->v[i], mask->v[i]);
        }
    }
    print("\n");
}

static void run_family(const struct family *f)
{
    u64 checks = 0;
    u64 failed = 0;
    failures_shown = 0;
    for (unsigned o = 0; o < f->nops; o++) {
        const struct op *op = &f->ops[o];
        unsigned nb = op->flags & F_NOB ? 1 : f->nb;
        for (unsigned ia = 0; ia < f->na; ia++) {
            for (unsigned ib = 0; ib < nb; ib++) {
                for (unsigned ix = 0; ix < f->nx; ix++) {
                    for (unsigned ic = 0; ic < f->nc; ic++) {
                        u64 a = f->as[ia];
                        u64 b = op->flags & F_NOB ? 0 : f->bs[ib];
                        u64 xin = f->xs[ix];
                        u64 crin = f->cs[ic];
                        struct res got;
                        struct res want = { { 0, 0, 0, xin & xer_kept, crin } };
                        struct res mask = { { ~0ul, 0, 0, ~0ul, ~0ul } };
                        op->run(a, b, xin, crin, &got);
                        op->ref(op, a, b, &want, &mask);
                        checks++;
                        int bad = 0;
                        for (unsigned i = 0; i < NOUT; i++) {
                            u64 m = i == XER ? mask.v[i] & ~(OV32 | CA32) : mask.v[i];
                            fold(want.v[i] & m);
                            bad |= ((got.v[i] ^ want.v[i]) & mask.v[i]) != 0;
                        }
                        if (bad) {
                            failed++;
                            show_failure(op, a, b, xin, crin, &got, &want, &mask);
                        }
                    }
                }
            }
        }
    }
    print("%s: %lu checks, %lu failed\n", f->name, checks, failed);
    total_checks += checks;
    total_failed += failed;
}

#define FAMILY(name, ops, as, bs, xs, cs) \
    { name, ops, COUNT(ops), as, COUNT(as), bs, COUNT(bs), xs, COUNT(xs), cs, COUNT(cs) }

static const struct family families[] = {
    FAMILY("add", add_ops, values, values, xer_arith, cr_plain),
    FAMILY("subf", subf_ops, values, values, xer_arith, cr_plain),
    FAMILY("addi", addi_ops, values, zero, xer_arith, cr_plain),
    FAMILY("mul", mul_ops, values, values, xer_muldiv, cr_plain),
    FAMILY("div", div_ops, values, values, xer_muldiv, cr_plain),
    FAMILY("cmp", cmp_ops, values, values, xer_plain, cr_plain),
    FAMILY("logical", logical_ops, values, values, xer_plain, cr_plain),
    FAMILY("exts", exts_ops, values, zero, xer_plain, cr_plain),
    FAMILY("cntlz", cntlz_ops, values, zero, xer_plain, cr_plain),
    FAMILY("popcnt", popcnt_ops, values, zero, xer_plain, cr_plain),
    FAMILY("prty", prty_ops, values, zero, xer_plain, cr_plain),
    FAMILY("cmpb", cmpb_ops, cmpb_values, cmpb_values, xer_plain, cr_plain),
    FAMILY("bpermd", bpermd_ops, bpermd_indices, values, xer_plain, cr_plain),
    FAMILY("isel", isel_ops, isel_values, isel_values, xer_plain, cr_mixed),
    FAMILY("rotate", rotate_imm_ops, values, zero, xer_plain, cr_plain),
    FAMILY("rotate-insert", rotate_insert_ops, values, insert_targets, xer_plain, cr_plain),
    FAMILY("rotate-reg", rotate_reg_ops, values, shift_amounts, xer_plain, cr_plain),
    FAMILY("shift", shift_ops, values, shift_amounts, xer_arith, cr_plain),
    FAMILY("load", load_ops, load_offsets, zero, xer_plain, cr_plain),
    FAMILY("store", store_ops, values, store_offsets, xer_plain, cr_plain),
#if !defined(__LITTLE_ENDIAN__)
    FAMILY("lmw", lmw_ops, word_offsets, zero, xer_plain, cr_plain),
    FAMILY("stmw", stmw_ops, values, word_offsets, xer_plain, cr_plain),
#endif
    FAMILY("atomic", atomic_ops, values, aligned_offsets, xer_plain, cr_plain),
    FAMILY("branch", branch_ops, ctr_values, zero, xer_plain, cr_branch),
    FAMILY("crlogical", crlogical_ops, zero, zero, xer_plain, cr_patterns),
    FAMILY("crmove", crmove_ops, cr_sources, zero, xer_plain, cr_patterns),
};

/* Does this CPU keep XER[OV32] and XER[CA32] (ISA 3.0) or not (POWER8)? */
static void probe_xer(void)
{
    u64 x;
    __asm__ volatile("mtxer %1\n\tmfxer %0\n\tmtxer %2" : "=&r"(x) : "r"(OV32 | CA32), "r"(0ul) : "xer");
    xer_kept = (x & (OV32 | CA32)) == (OV32 | CA32) ? ~0ul : ~(OV32 | CA32);
}

int main(void)
{
    print("jppc integer workout, " BYTE_ORDER_NAME "\n");
    probe_xer();
    for (unsigned i = 0; i < sizeof(load_area); i++) {
        load_area[i] = area_pattern(i);
    }
    for (unsigned i = 0; i < COUNT(families); i++) {
        run_family(&families[i]);
    }
    print("digest: %016lx\n", digest);
    print("RESULT: %lu checks, %lu failed\n", total_checks, total_failed);
    return total_failed == 0 ? 0 : 1;
}
