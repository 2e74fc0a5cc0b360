/*
 * Reference data for jppc's floating-point tests: runs Book I chapter 4 FP instructions and the VSX FP
 * arithmetic on seeded random operands (biased to special values, rounding boundaries and integer limits) in
 * every rounding mode, with the exception enables on and off, and prints one line per case:
 *
 *   WORD FPSCR MEM0 MEM1 R1H R1L R2H R2L R3H R3L R4H R4L > FPSCR CR MEM0 MEM1 R1H R1L R2H R2L R3H R3L R4H R4L [P]
 *
 * hex without leading zeros. R1..R4 are VSRs base..base+3 (base 1 for FP, 1 or 33 for VSX), as doubleword 0
 * (H) and 1 (L); the instruction's operands are T=R1, A=R2, B=R3, C=R4; loads and stores address MEM via r5
 * (and r6 = 0). After '>', a field equal to its input is printed as '='. CR was 0 before. P marks a case in
 * which the instruction raised the floating-point enabled program interrupt (SIGFPE: qemu-user runs with
 * MSR[FE0 FE1] set); the state printed is what QEMU left when the signal was delivered.
 *
 * Build and run: see Makefile (make -C core/src/test/golden/fp).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

struct fpcase {
    uint64_t in[8][2];
    uint64_t fpscr_in, fpscr_out, cr;
    uint64_t mem[2];
    uint64_t out[8][2];
};

extern void harness(struct fpcase *);
extern uint32_t harness_slot;

static volatile int trapped;

static void on_sigfpe(int sig, siginfo_t *info, void *context) {
    ucontext_t *uc = context;
    (void) sig;
    (void) info;
    /* Only the instruction under test counts: the harness's own mtfsf traps when FEX is already 1. */
    if (uc->uc_mcontext.gp_regs[32] == (unsigned long) &harness_slot) { /* PT_NIP */
        trapped = 1;
    }
    uc->uc_mcontext.gp_regs[32] += 4; /* continue after the trapping instruction */
}

static uint64_t state = 0x9E3779B97F4A7C15ull;

static uint64_t rnd(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static unsigned below(unsigned n) {
    return (unsigned) (rnd() % n);
}

static uint64_t dbits(double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static double bitsd(uint64_t u) {
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static const uint64_t specials[] = {
    0x0000000000000000ull, 0x7FF0000000000000ull, 0x7FF8000000000000ull, 0x7FF0000000000001ull,
    0x7FF4000000000000ull, 0x7FFC00000000ABCDull, 0x0000000000000001ull, 0x000FFFFFFFFFFFFFull,
    0x0010000000000000ull, 0x7FEFFFFFFFFFFFFFull, 0x3FF0000000000000ull, 0x3FE0000000000000ull,
    0x4000000000000000ull, 0x4008000000000000ull, 0x3FF0000000000001ull, 0x3FEFFFFFFFFFFFFFull,
    0x47EFFFFFE0000000ull, 0x3810000000000000ull, 0x36A0000000000000ull, 0x47F0000000000000ull,
    0x7FF000000000DEADull, 0x7FF8000000000001ull, 0x0008000000000000ull, 0x3CA0000000000000ull,
};

static uint64_t value(uint64_t previous);

/* Integers near the conversion limits, as doubles, plus or minus a fraction. */
static uint64_t integer_boundary(void) {
    static const double bases[] = {0, 1, 0x1p31, 0x1p32, 0x1p52, 0x1p53, 0x1p63, 0x1p64, 0x1p24, 100};
    static const double deltas[] = {0, 1, -1, 0.5, -0.5, 0.25, -0.75, 2, -2, 1.5, 0x1p-20};
    double x = bases[below(10)] + deltas[below(11)];
    if (below(4) == 0) {
        x = (double) (int64_t) rnd() / (double) (1ull << below(40));
    }
    return dbits(below(2) ? -x : x);
}

static uint64_t value(uint64_t previous) {
    uint64_t sign = (rnd() & 1) << 63;
    switch (below(12)) {
    case 0:
    case 1:
        return specials[below(sizeof specials / sizeof specials[0])] | sign;
    case 2:
        return (rnd() & 0x000FFFFFFFFFFFFFull) | sign;
    case 3:
        return rnd();
    case 4:
    case 5: {
        uint64_t exp = 1023 - 12 + below(24);
        return sign | exp << 52 | (rnd() & 0x000FFFFFFFFFFFFFull);
    }
    case 6: {
        /* A single-precision value (often denormal in single), or a single rounding midpoint. */
        uint64_t exp = 1023 - 152 + below(285);
        uint64_t frac = rnd() & 0x000FFFFFE0000000ull;
        if (below(3) == 0) {
            frac |= 1ull << 28;
        }
        if (below(4) == 0) {
            frac |= rnd() & 0x1FFFFFFF;
        }
        return sign | exp << 52 | frac;
    }
    case 7:
        return integer_boundary();
    case 8: {
        /* Extreme exponents: overflow and underflow territory. */
        static const int exps[] = {1, 2, 3, 52, 53, 54, 1000, 2045, 2046, 1023 - 126, 1023 - 127,
                                   1023 - 149, 1023 + 127, 1023 + 128, 1023 - 1000, 1023 + 1000};
        uint64_t exp = (uint64_t) exps[below(16)];
        return sign | exp << 52 | (below(2) ? rnd() & 0x000FFFFFFFFFFFFFull : 0);
    }
    case 9:
    case 10: {
        /* Related to the previous operand: cancellation, ties, near-equal values. */
        switch (below(5)) {
        case 0:
            return previous;
        case 1:
            return previous ^ (1ull << 63);
        case 2:
            return previous + 1;
        case 3:
            return (previous ^ (1ull << 63)) - 1;
        default:
            return dbits(bitsd(previous) * 0x1p-53) ^ sign;
        }
    }
    default: {
        uint64_t exp = 1023 - 60 + below(120);
        return sign | exp << 52 | (rnd() & 0x000FFFFFFFFFFFFFull);
    }
    }
}

static uint64_t integer(void) {
    switch (below(6)) {
    case 0:
        return rnd();
    case 1:
        return rnd() >> below(64);
    case 2:
        return (1ull << below(64)) + (uint64_t) (int64_t) (int) (below(9) - 4);
    case 3:
        return -(rnd() >> below(64));
    case 4:
        return (uint64_t) (int64_t) (int) (below(200) - 100);
    default:
        return value(0);
    }
}

static uint32_t single(void) {
    static const uint32_t s[] = {0, 1, 0x7FFFFF, 0x800000, 0x7F800000, 0x7FC00000, 0x7F800001, 0x7FA00000,
                                 0x3F800000, 0x7F7FFFFF, 0x00400000, 0x3F800001};
    uint32_t sign = (uint32_t) (rnd() & 1) << 31;
    switch (below(4)) {
    case 0:
        return s[below(12)] | sign;
    case 1:
        return (uint32_t) rnd();
    case 2:
        return sign | (uint32_t) (rnd() & 0x7FFFFF);
    default:
        return sign | (uint32_t) (127 - 20 + below(40)) << 23 | (uint32_t) (rnd() & 0x7FFFFF);
    }
}

/* FPSCR inputs: a rounding mode, sometimes enables, sometimes sticky exception bits already set. */
static uint64_t fpscr_input(void) {
    uint64_t f = below(4);
    if (below(3) == 0) {
        static const uint64_t enables[] = {0x80, 0x40, 0x20, 0x10, 0x08};
        f |= enables[below(5)];
        if (below(3) == 0) {
            f |= rnd() & 0xF8;
        }
    }
    if (below(6) == 0) {
        f |= rnd() & 0x9FF80700ull; /* FX, OX..VXVC, VXSOFT, VXSQRT, VXCVI */
    }
    return f;
}

enum kind {
    FP_ABC,     /* FP arithmetic: a, b, c doubles */
    FP_INT,     /* b holds an integer (fcfid family) */
    FP_CR,      /* compares and tests: BF random */
    FP_MOVE_FS, /* mtfsf, mtfsfi, mtfsb0/1, mcrfs: random fields */
    LOAD_S,     /* memory holds singles */
    LOAD_D,     /* memory holds doubles / words */
    STORE,      /* store f3 (or the pair f2/f3) */
    VS_D,       /* VSX: doubles in both doublewords */
    VS_INT,     /* VSX: integers */
    VS_S,       /* VSX: singles in the words */
    VS_CR,      /* VSX compares */
};

struct insn {
    const char *name;
    uint32_t word; /* registers filled in by build() */
    enum kind kind;
    int flag;      /* FP: has a record form; VSX: an XX3 form (XA is an operand) */
    int count;
};

#define A(p, xo) (((uint32_t) (p) << 26) | ((uint32_t) (xo) << 1))
#define X(p, xo) (((uint32_t) (p) << 26) | ((uint32_t) (xo) << 1))
#define XX3(xo) ((60u << 26) | ((uint32_t) (xo) << 3))
#define XX2(xo) ((60u << 26) | ((uint32_t) (xo) << 2))
#define R(t, a, b, c) (((uint32_t) (t) << 21) | ((uint32_t) (a) << 16) | ((uint32_t) (b) << 11) | ((uint32_t) (c) << 6))

static const struct insn table[] = {
    {"fadd", A(63, 21) | R(1, 2, 3, 0), FP_ABC, 1, 700},
    {"fsub", A(63, 20) | R(1, 2, 3, 0), FP_ABC, 1, 500},
    {"fmul", A(63, 25) | R(1, 2, 0, 4), FP_ABC, 1, 700},
    {"fdiv", A(63, 18) | R(1, 2, 3, 0), FP_ABC, 1, 700},
    {"fsqrt", A(63, 22) | R(1, 0, 3, 0), FP_ABC, 1, 500},
    {"fmadd", A(63, 29) | R(1, 2, 3, 4), FP_ABC, 1, 900},
    {"fmsub", A(63, 28) | R(1, 2, 3, 4), FP_ABC, 1, 500},
    {"fnmadd", A(63, 31) | R(1, 2, 3, 4), FP_ABC, 1, 500},
    {"fnmsub", A(63, 30) | R(1, 2, 3, 4), FP_ABC, 1, 500},
    {"fadds", A(59, 21) | R(1, 2, 3, 0), FP_ABC, 1, 700},
    {"fsubs", A(59, 20) | R(1, 2, 3, 0), FP_ABC, 1, 500},
    {"fmuls", A(59, 25) | R(1, 2, 0, 4), FP_ABC, 1, 700},
    {"fdivs", A(59, 18) | R(1, 2, 3, 0), FP_ABC, 1, 700},
    {"fsqrts", A(59, 22) | R(1, 0, 3, 0), FP_ABC, 1, 500},
    {"fmadds", A(59, 29) | R(1, 2, 3, 4), FP_ABC, 1, 900},
    {"fmsubs", A(59, 28) | R(1, 2, 3, 4), FP_ABC, 1, 500},
    {"fnmadds", A(59, 31) | R(1, 2, 3, 4), FP_ABC, 1, 500},
    {"fnmsubs", A(59, 30) | R(1, 2, 3, 4), FP_ABC, 1, 500},
    {"fre", A(63, 24) | R(1, 0, 3, 0), FP_ABC, 1, 300},
    {"fres", A(59, 24) | R(1, 0, 3, 0), FP_ABC, 1, 300},
    {"frsqrte", A(63, 26) | R(1, 0, 3, 0), FP_ABC, 1, 300},
    {"frsqrtes", A(59, 26) | R(1, 0, 3, 0), FP_ABC, 1, 300},
    {"fsel", A(63, 23) | R(1, 2, 3, 4), FP_ABC, 1, 200},
    {"frsp", X(63, 12) | R(1, 0, 3, 0), FP_ABC, 1, 600},
    {"fctiw", X(63, 14) | R(1, 0, 3, 0), FP_ABC, 1, 400},
    {"fctiwz", X(63, 15) | R(1, 0, 3, 0), FP_ABC, 1, 400},
    {"fctiwu", X(63, 142) | R(1, 0, 3, 0), FP_ABC, 1, 400},
    {"fctiwuz", X(63, 143) | R(1, 0, 3, 0), FP_ABC, 1, 400},
    {"fctid", X(63, 814) | R(1, 0, 3, 0), FP_ABC, 1, 400},
    {"fctidz", X(63, 815) | R(1, 0, 3, 0), FP_ABC, 1, 400},
    {"fctidu", X(63, 942) | R(1, 0, 3, 0), FP_ABC, 1, 400},
    {"fctiduz", X(63, 943) | R(1, 0, 3, 0), FP_ABC, 1, 400},
    {"fcfid", X(63, 846) | R(1, 0, 3, 0), FP_INT, 1, 400},
    {"fcfidu", X(63, 974) | R(1, 0, 3, 0), FP_INT, 1, 400},
    {"fcfids", X(59, 846) | R(1, 0, 3, 0), FP_INT, 1, 400},
    {"fcfidus", X(59, 974) | R(1, 0, 3, 0), FP_INT, 1, 400},
    {"frin", X(63, 392) | R(1, 0, 3, 0), FP_ABC, 1, 300},
    {"friz", X(63, 424) | R(1, 0, 3, 0), FP_ABC, 1, 300},
    {"frip", X(63, 456) | R(1, 0, 3, 0), FP_ABC, 1, 300},
    {"frim", X(63, 488) | R(1, 0, 3, 0), FP_ABC, 1, 300},
    {"fmr", X(63, 72) | R(1, 0, 3, 0), FP_ABC, 1, 50},
    {"fneg", X(63, 40) | R(1, 0, 3, 0), FP_ABC, 1, 50},
    {"fabs", X(63, 264) | R(1, 0, 3, 0), FP_ABC, 1, 50},
    {"fnabs", X(63, 136) | R(1, 0, 3, 0), FP_ABC, 1, 50},
    {"fcpsgn", X(63, 8) | R(1, 2, 3, 0), FP_ABC, 1, 50},
    {"fmrgew", X(63, 966) | R(1, 2, 3, 0), FP_ABC, 0, 50},
    {"fmrgow", X(63, 838) | R(1, 2, 3, 0), FP_ABC, 0, 50},
    {"fcmpu", X(63, 0) | R(0, 2, 3, 0), FP_CR, 0, 400},
    {"fcmpo", X(63, 32) | R(0, 2, 3, 0), FP_CR, 0, 400},
    {"ftdiv", X(63, 128) | R(0, 2, 3, 0), FP_CR, 0, 400},
    {"ftsqrt", X(63, 160) | R(0, 0, 3, 0), FP_CR, 0, 300},
    {"mffs", X(63, 583) | R(1, 0, 0, 0), FP_ABC, 1, 100},
    {"mtfsf", X(63, 711) | R(0, 0, 3, 0), FP_MOVE_FS, 1, 400},
    {"mtfsfi", X(63, 134), FP_MOVE_FS, 1, 300},
    {"mtfsb0", X(63, 70), FP_MOVE_FS, 1, 200},
    {"mtfsb1", X(63, 38), FP_MOVE_FS, 1, 300},
    {"mcrfs", X(63, 64), FP_MOVE_FS, 0, 300},
    {"lfs", (48u << 26) | R(1, 5, 0, 0), LOAD_S, 0, 300},
    {"lfsu", (49u << 26) | R(1, 5, 0, 0), LOAD_S, 0, 20},
    {"lfsx", X(31, 535) | R(1, 5, 6, 0), LOAD_S, 0, 20},
    {"lfsux", X(31, 567) | R(1, 5, 6, 0), LOAD_S, 0, 20},
    {"lfd", (50u << 26) | R(1, 5, 0, 0), LOAD_D, 0, 20},
    {"lfdu", (51u << 26) | R(1, 5, 0, 0), LOAD_D, 0, 20},
    {"lfdx", X(31, 599) | R(1, 5, 6, 0), LOAD_D, 0, 20},
    {"lfdux", X(31, 631) | R(1, 5, 6, 0), LOAD_D, 0, 20},
    {"lfiwax", X(31, 855) | R(1, 5, 6, 0), LOAD_D, 0, 50},
    {"lfiwzx", X(31, 887) | R(1, 5, 6, 0), LOAD_D, 0, 50},
    {"lfdp", (57u << 26) | R(2, 5, 0, 0), LOAD_D, 0, 30},
    {"lfdpx", X(31, 791) | R(2, 5, 6, 0), LOAD_D, 0, 30},
    {"stfs", (52u << 26) | R(3, 5, 0, 0), STORE, 0, 600},
    {"stfsu", (53u << 26) | R(3, 5, 0, 0), STORE, 0, 20},
    {"stfsx", X(31, 663) | R(3, 5, 6, 0), STORE, 0, 20},
    {"stfsux", X(31, 695) | R(3, 5, 6, 0), STORE, 0, 20},
    {"stfd", (54u << 26) | R(3, 5, 0, 0), STORE, 0, 20},
    {"stfdu", (55u << 26) | R(3, 5, 0, 0), STORE, 0, 20},
    {"stfdx", X(31, 727) | R(3, 5, 6, 0), STORE, 0, 20},
    {"stfdux", X(31, 759) | R(3, 5, 6, 0), STORE, 0, 20},
    {"stfiwx", X(31, 983) | R(3, 5, 6, 0), STORE, 0, 30},
    {"stfdp", (61u << 26) | R(2, 5, 0, 0), STORE, 0, 30},
    {"stfdpx", X(31, 919) | R(2, 5, 6, 0), STORE, 0, 30},
    {"xsadddp", XX3(32), VS_D, 1, 400},
    {"xssubdp", XX3(40), VS_D, 1, 300},
    {"xsmuldp", XX3(48), VS_D, 1, 400},
    {"xsdivdp", XX3(56), VS_D, 1, 400},
    {"xsmaddadp", XX3(33), VS_D, 1, 300},
    {"xsmaddmdp", XX3(41), VS_D, 1, 300},
    {"xsmsubadp", XX3(49), VS_D, 1, 200},
    {"xsmsubmdp", XX3(57), VS_D, 1, 200},
    {"xsnmaddadp", XX3(161), VS_D, 1, 200},
    {"xsnmaddmdp", XX3(169), VS_D, 1, 200},
    {"xsnmsubadp", XX3(177), VS_D, 1, 200},
    {"xsnmsubmdp", XX3(185), VS_D, 1, 200},
    {"xsmaxdp", XX3(160), VS_D, 1, 300},
    {"xsmindp", XX3(168), VS_D, 1, 300},
    {"xscpsgndp", XX3(176), VS_D, 1, 50},
    {"xsaddsp", XX3(0), VS_D, 1, 300},
    {"xssubsp", XX3(8), VS_D, 1, 200},
    {"xsmulsp", XX3(16), VS_D, 1, 300},
    {"xsdivsp", XX3(24), VS_D, 1, 300},
    {"xvadddp", XX3(96), VS_D, 1, 300},
    {"xvsubdp", XX3(104), VS_D, 1, 200},
    {"xvmuldp", XX3(112), VS_D, 1, 300},
    {"xvdivdp", XX3(120), VS_D, 1, 300},
    {"xvmaddadp", XX3(97), VS_D, 1, 300},
    {"xvcpsgndp", XX3(240), VS_D, 1, 50},
    {"xvaddsp", XX3(64), VS_S, 1, 300},
    {"xvmulsp", XX3(80), VS_S, 1, 300},
    {"xscmpudp", XX3(35), VS_CR, 1, 300},
    {"xscmpodp", XX3(43), VS_CR, 1, 300},
    {"xssqrtdp", XX2(75), VS_D, 0, 300},
    {"xsabsdp", XX2(345), VS_D, 0, 50},
    {"xsnabsdp", XX2(361), VS_D, 0, 50},
    {"xsnegdp", XX2(377), VS_D, 0, 50},
    {"xsrdpi", XX2(73), VS_D, 0, 200},
    {"xsrdpiz", XX2(89), VS_D, 0, 200},
    {"xsrdpip", XX2(105), VS_D, 0, 200},
    {"xsrdpim", XX2(121), VS_D, 0, 200},
    {"xsrdpic", XX2(107), VS_D, 0, 200},
    {"xsrsp", XX2(281), VS_D, 0, 300},
    {"xscvdpsxds", XX2(344), VS_D, 0, 300},
    {"xscvdpsxws", XX2(88), VS_D, 0, 300},
    {"xscvdpuxds", XX2(328), VS_D, 0, 300},
    {"xscvdpuxws", XX2(72), VS_D, 0, 300},
    {"xscvsxddp", XX2(376), VS_INT, 0, 200},
    {"xscvuxddp", XX2(360), VS_INT, 0, 200},
    {"xscvsxdsp", XX2(312), VS_INT, 0, 200},
    {"xscvuxdsp", XX2(296), VS_INT, 0, 200},
    {"xscvdpsp", XX2(265), VS_D, 0, 300},
    {"xscvspdp", XX2(329), VS_S, 0, 200},
    {"xscvdpspn", XX2(267), VS_D, 0, 200},
    {"xscvspdpn", XX2(331), VS_S, 0, 200},
    {"xvabsdp", XX2(473), VS_D, 0, 50},
    {"xvnegdp", XX2(505), VS_D, 0, 50},
    {"xvcvsxddp", XX2(504), VS_INT, 0, 200},
    {"xvcvdpsxds", XX2(472), VS_D, 0, 300},
    {"xvcvspdp", XX2(457), VS_S, 0, 200},
    {"xvcvdpsp", XX2(393), VS_D, 0, 300},
};

/* The word with VSX register fields for base (1 or 33): T=base, A=base+1, B=base+2. */
static uint32_t vsx_word(uint32_t word, int xx3, int base, int cr) {
    uint32_t t = (uint32_t) base, a = (uint32_t) base + 1, b = (uint32_t) base + 2;
    uint32_t w = word | (b & 31) << 11 | (b >> 5) << 1;
    if (cr) {
        w |= below(8) << 23;
    } else {
        w |= (t & 31) << 21 | (t >> 5);
    }
    if (xx3) {
        w |= (a & 31) << 16 | (a >> 5) << 2;
    }
    return w;
}

static void hex(uint64_t v) {
    printf(" %llx", (unsigned long long) v);
}

static void out(uint64_t before, uint64_t after) {
    if (before == after) {
        printf(" =");
    } else {
        hex(after);
    }
}

static uint64_t pack_singles(void) {
    return (uint64_t) single() << 32 | single();
}

static void run(const struct insn *in, int n) {
    struct fpcase c;
    for (int i = 0; i < n; i++) {
        memset(&c, 0, sizeof c);
        uint32_t word = in->word;
        int base = 1;
        int slot = 0;
        if (in->kind >= VS_D) {
            base = below(2) ? 33 : 1;
            slot = base == 33 ? 4 : 0;
        }
        uint64_t prev = value(0);
        for (int r = 0; r < 4; r++) {
            uint64_t v;
            switch (in->kind) {
            case FP_INT:
            case VS_INT:
                v = r == 2 ? integer() : value(prev);
                break;
            case VS_S:
                v = pack_singles();
                break;
            default:
                v = value(prev);
                break;
            }
            prev = v;
            c.in[slot + r][0] = v;
            c.in[slot + r][1] = in->kind >= VS_D ? (in->kind == VS_S ? pack_singles()
                                                    : in->kind == VS_INT ? integer() : value(v)) : 0;
        }
        c.in[slot][1] = rnd();
        c.fpscr_in = fpscr_input();
        switch (in->kind) {
        case FP_CR:
            word |= below(8) << 23;
            break;
        case FP_MOVE_FS:
            if (strcmp(in->name, "mtfsf") == 0) {
                word |= (uint32_t) below(256) << 17;
                if (below(8) == 0) {
                    word |= 1u << 25;
                }
                c.in[2][0] = rnd() & 0xFFFFFFFFull;
            } else if (strcmp(in->name, "mtfsfi") == 0) {
                word |= below(8) << 23 | below(16) << 12 | (below(4) == 0) << 16;
            } else if (strcmp(in->name, "mcrfs") == 0) {
                word |= below(8) << 23 | below(8) << 18;
            } else {
                word |= below(32) << 21;
            }
            if (below(2)) {
                c.fpscr_in |= rnd() & 0xFFFFF7FFull & ~0x60000000ull;
            }
            break;
        case LOAD_S:
            c.mem[0] = single() | (uint64_t) single() << 32;
            c.mem[1] = rnd();
            break;
        case LOAD_D:
            c.mem[0] = value(0);
            c.mem[1] = value(0);
            break;
        case STORE:
            c.mem[0] = rnd();
            c.mem[1] = rnd();
            break;
        case VS_CR:
            word = vsx_word(word, 1, base, 1);
            break;
        case VS_D:
        case VS_INT:
        case VS_S:
            word = vsx_word(word, in->flag, base, 0);
            break;
        default:
            break;
        }
        if (in->kind < VS_D && in->flag && below(2)) {
            word |= 1;
        }
        const uint64_t mem_in[2] = {c.mem[0], c.mem[1]};
        harness_slot = word;
        __builtin___clear_cache((char *) &harness_slot, (char *) &harness_slot + 4);
        trapped = 0;
        harness(&c);
        printf("%08x", word);
        hex(c.fpscr_in);
        hex(mem_in[0]);
        hex(mem_in[1]);
        for (int r = 0; r < 4; r++) {
            hex(c.in[slot + r][0]);
            hex(c.in[slot + r][1]);
        }
        printf(" >");
        hex(c.fpscr_out);
        hex(c.cr);
        out(mem_in[0], c.mem[0]);
        out(mem_in[1], c.mem[1]);
        for (int r = 0; r < 4; r++) {
            out(c.in[slot + r][0], c.out[slot + r][0]);
            out(c.in[slot + r][1], c.out[slot + r][1]);
        }
        printf("%s\n", trapped ? " P" : "");
    }
}

int main(int argc, char **argv) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigfpe;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGFPE, &sa, NULL);
    const char *only = argc > 1 ? argv[1] : NULL;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (only == NULL || strcmp(only, table[i].name) == 0) {
            run(&table[i], table[i].count);
        }
    }
    return 0;
}
