package dev.jppc.core.asm;

/**
 * Encoders for the Book I chapter 4 floating-point instructions and the VSX floating-point arithmetic of
 * chapter 7, in the conventions of {@link PpcAsm} (GNU as operand order, {@code _} for the record form,
 * range-checked operands). Written from the ISA's A, X, D, DS, XX2 and XX3 layouts, independently of the
 * decoder. VSX registers are 0..63.
 */
public final class FpAsm {

    private FpAsm() {
    }

    public static int lfs(final int frt, final int d, final int ra) {
        return dForm(48, fpr("FRT", frt), gpr("RA", ra), d);
    }

    public static int lfsu(final int frt, final int d, final int ra) {
        return dForm(49, fpr("FRT", frt), updateBase(ra), d);
    }

    public static int lfd(final int frt, final int d, final int ra) {
        return dForm(50, fpr("FRT", frt), gpr("RA", ra), d);
    }

    public static int lfdu(final int frt, final int d, final int ra) {
        return dForm(51, fpr("FRT", frt), updateBase(ra), d);
    }

    public static int stfs(final int frt, final int d, final int ra) {
        return dForm(52, fpr("FRT", frt), gpr("RA", ra), d);
    }

    public static int stfsu(final int frt, final int d, final int ra) {
        return dForm(53, fpr("FRT", frt), updateBase(ra), d);
    }

    public static int stfd(final int frt, final int d, final int ra) {
        return dForm(54, fpr("FRT", frt), gpr("RA", ra), d);
    }

    public static int stfdu(final int frt, final int d, final int ra) {
        return dForm(55, fpr("FRT", frt), updateBase(ra), d);
    }

    public static int lfdp(final int frtp, final int ds, final int ra) {
        return dsForm(57, pair("FRTp", frtp), gpr("RA", ra), ds, 0);
    }

    public static int stfdp(final int frsp, final int ds, final int ra) {
        return dsForm(61, pair("FRSp", frsp), gpr("RA", ra), ds, 0);
    }

    public static int lfsx(final int frt, final int ra, final int rb) {
        return x(31, 535, fpr("FRT", frt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lfsux(final int frt, final int ra, final int rb) {
        return x(31, 567, fpr("FRT", frt), updateBase(ra), gpr("RB", rb), 0);
    }

    public static int lfdx(final int frt, final int ra, final int rb) {
        return x(31, 599, fpr("FRT", frt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lfdux(final int frt, final int ra, final int rb) {
        return x(31, 631, fpr("FRT", frt), updateBase(ra), gpr("RB", rb), 0);
    }

    public static int stfsx(final int frt, final int ra, final int rb) {
        return x(31, 663, fpr("FRT", frt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stfsux(final int frt, final int ra, final int rb) {
        return x(31, 695, fpr("FRT", frt), updateBase(ra), gpr("RB", rb), 0);
    }

    public static int stfdx(final int frt, final int ra, final int rb) {
        return x(31, 727, fpr("FRT", frt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stfdux(final int frt, final int ra, final int rb) {
        return x(31, 759, fpr("FRT", frt), updateBase(ra), gpr("RB", rb), 0);
    }

    public static int lfiwax(final int frt, final int ra, final int rb) {
        return x(31, 855, fpr("FRT", frt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lfiwzx(final int frt, final int ra, final int rb) {
        return x(31, 887, fpr("FRT", frt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stfiwx(final int frt, final int ra, final int rb) {
        return x(31, 983, fpr("FRT", frt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lfdpx(final int frtp, final int ra, final int rb) {
        return x(31, 791, pair("FRTp", frtp), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stfdpx(final int frsp, final int ra, final int rb) {
        return x(31, 919, pair("FRSp", frsp), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int fdiv(final int frt, final int fra, final int frb) {
        return a(63, 18, frt, fra, frb, 0, 0);
    }

    public static int fdiv_(final int frt, final int fra, final int frb) {
        return a(63, 18, frt, fra, frb, 0, 1);
    }

    public static int fsub(final int frt, final int fra, final int frb) {
        return a(63, 20, frt, fra, frb, 0, 0);
    }

    public static int fsub_(final int frt, final int fra, final int frb) {
        return a(63, 20, frt, fra, frb, 0, 1);
    }

    public static int fadd(final int frt, final int fra, final int frb) {
        return a(63, 21, frt, fra, frb, 0, 0);
    }

    public static int fadd_(final int frt, final int fra, final int frb) {
        return a(63, 21, frt, fra, frb, 0, 1);
    }

    public static int fsqrt(final int frt, final int frb) {
        return a(63, 22, frt, 0, frb, 0, 0);
    }

    public static int fsqrt_(final int frt, final int frb) {
        return a(63, 22, frt, 0, frb, 0, 1);
    }

    public static int fre(final int frt, final int frb) {
        return a(63, 24, frt, 0, frb, 0, 0);
    }

    public static int fre_(final int frt, final int frb) {
        return a(63, 24, frt, 0, frb, 0, 1);
    }

    public static int frsqrte(final int frt, final int frb) {
        return a(63, 26, frt, 0, frb, 0, 0);
    }

    public static int frsqrte_(final int frt, final int frb) {
        return a(63, 26, frt, 0, frb, 0, 1);
    }

    public static int fmul(final int frt, final int fra, final int frc) {
        return a(63, 25, frt, fra, 0, frc, 0);
    }

    public static int fmul_(final int frt, final int fra, final int frc) {
        return a(63, 25, frt, fra, 0, frc, 1);
    }

    public static int fmsub(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 28, frt, fra, frb, frc, 0);
    }

    public static int fmsub_(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 28, frt, fra, frb, frc, 1);
    }

    public static int fmadd(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 29, frt, fra, frb, frc, 0);
    }

    public static int fmadd_(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 29, frt, fra, frb, frc, 1);
    }

    public static int fnmsub(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 30, frt, fra, frb, frc, 0);
    }

    public static int fnmsub_(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 30, frt, fra, frb, frc, 1);
    }

    public static int fnmadd(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 31, frt, fra, frb, frc, 0);
    }

    public static int fnmadd_(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 31, frt, fra, frb, frc, 1);
    }

    public static int fdivs(final int frt, final int fra, final int frb) {
        return a(59, 18, frt, fra, frb, 0, 0);
    }

    public static int fdivs_(final int frt, final int fra, final int frb) {
        return a(59, 18, frt, fra, frb, 0, 1);
    }

    public static int fsubs(final int frt, final int fra, final int frb) {
        return a(59, 20, frt, fra, frb, 0, 0);
    }

    public static int fsubs_(final int frt, final int fra, final int frb) {
        return a(59, 20, frt, fra, frb, 0, 1);
    }

    public static int fadds(final int frt, final int fra, final int frb) {
        return a(59, 21, frt, fra, frb, 0, 0);
    }

    public static int fadds_(final int frt, final int fra, final int frb) {
        return a(59, 21, frt, fra, frb, 0, 1);
    }

    public static int fsqrts(final int frt, final int frb) {
        return a(59, 22, frt, 0, frb, 0, 0);
    }

    public static int fsqrts_(final int frt, final int frb) {
        return a(59, 22, frt, 0, frb, 0, 1);
    }

    public static int fres(final int frt, final int frb) {
        return a(59, 24, frt, 0, frb, 0, 0);
    }

    public static int fres_(final int frt, final int frb) {
        return a(59, 24, frt, 0, frb, 0, 1);
    }

    public static int frsqrtes(final int frt, final int frb) {
        return a(59, 26, frt, 0, frb, 0, 0);
    }

    public static int frsqrtes_(final int frt, final int frb) {
        return a(59, 26, frt, 0, frb, 0, 1);
    }

    public static int fmuls(final int frt, final int fra, final int frc) {
        return a(59, 25, frt, fra, 0, frc, 0);
    }

    public static int fmuls_(final int frt, final int fra, final int frc) {
        return a(59, 25, frt, fra, 0, frc, 1);
    }

    public static int fmsubs(final int frt, final int fra, final int frc, final int frb) {
        return a(59, 28, frt, fra, frb, frc, 0);
    }

    public static int fmsubs_(final int frt, final int fra, final int frc, final int frb) {
        return a(59, 28, frt, fra, frb, frc, 1);
    }

    public static int fmadds(final int frt, final int fra, final int frc, final int frb) {
        return a(59, 29, frt, fra, frb, frc, 0);
    }

    public static int fmadds_(final int frt, final int fra, final int frc, final int frb) {
        return a(59, 29, frt, fra, frb, frc, 1);
    }

    public static int fnmsubs(final int frt, final int fra, final int frc, final int frb) {
        return a(59, 30, frt, fra, frb, frc, 0);
    }

    public static int fnmsubs_(final int frt, final int fra, final int frc, final int frb) {
        return a(59, 30, frt, fra, frb, frc, 1);
    }

    public static int fnmadds(final int frt, final int fra, final int frc, final int frb) {
        return a(59, 31, frt, fra, frb, frc, 0);
    }

    public static int fnmadds_(final int frt, final int fra, final int frc, final int frb) {
        return a(59, 31, frt, fra, frb, frc, 1);
    }

    public static int fsel(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 23, frt, fra, frb, frc, 0);
    }

    public static int fsel_(final int frt, final int fra, final int frc, final int frb) {
        return a(63, 23, frt, fra, frb, frc, 1);
    }

    public static int fcfids(final int frt, final int frb) {
        return x(59, 846, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fcfids_(final int frt, final int frb) {
        return x(59, 846, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fcfidus(final int frt, final int frb) {
        return x(59, 974, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fcfidus_(final int frt, final int frb) {
        return x(59, 974, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int frsp(final int frt, final int frb) {
        return x(63, 12, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int frsp_(final int frt, final int frb) {
        return x(63, 12, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fctiw(final int frt, final int frb) {
        return x(63, 14, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fctiw_(final int frt, final int frb) {
        return x(63, 14, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fctiwz(final int frt, final int frb) {
        return x(63, 15, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fctiwz_(final int frt, final int frb) {
        return x(63, 15, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fctiwu(final int frt, final int frb) {
        return x(63, 142, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fctiwu_(final int frt, final int frb) {
        return x(63, 142, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fctiwuz(final int frt, final int frb) {
        return x(63, 143, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fctiwuz_(final int frt, final int frb) {
        return x(63, 143, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fctid(final int frt, final int frb) {
        return x(63, 814, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fctid_(final int frt, final int frb) {
        return x(63, 814, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fctidz(final int frt, final int frb) {
        return x(63, 815, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fctidz_(final int frt, final int frb) {
        return x(63, 815, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fctidu(final int frt, final int frb) {
        return x(63, 942, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fctidu_(final int frt, final int frb) {
        return x(63, 942, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fctiduz(final int frt, final int frb) {
        return x(63, 943, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fctiduz_(final int frt, final int frb) {
        return x(63, 943, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fcfid(final int frt, final int frb) {
        return x(63, 846, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fcfid_(final int frt, final int frb) {
        return x(63, 846, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fcfidu(final int frt, final int frb) {
        return x(63, 974, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fcfidu_(final int frt, final int frb) {
        return x(63, 974, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int frin(final int frt, final int frb) {
        return x(63, 392, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int frin_(final int frt, final int frb) {
        return x(63, 392, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int friz(final int frt, final int frb) {
        return x(63, 424, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int friz_(final int frt, final int frb) {
        return x(63, 424, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int frip(final int frt, final int frb) {
        return x(63, 456, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int frip_(final int frt, final int frb) {
        return x(63, 456, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int frim(final int frt, final int frb) {
        return x(63, 488, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int frim_(final int frt, final int frb) {
        return x(63, 488, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fmr(final int frt, final int frb) {
        return x(63, 72, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fmr_(final int frt, final int frb) {
        return x(63, 72, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fneg(final int frt, final int frb) {
        return x(63, 40, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fneg_(final int frt, final int frb) {
        return x(63, 40, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fabs(final int frt, final int frb) {
        return x(63, 264, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fabs_(final int frt, final int frb) {
        return x(63, 264, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fnabs(final int frt, final int frb) {
        return x(63, 136, fpr("FRT", frt), 0, fpr("FRB", frb), 0);
    }

    public static int fnabs_(final int frt, final int frb) {
        return x(63, 136, fpr("FRT", frt), 0, fpr("FRB", frb), 1);
    }

    public static int fcpsgn(final int frt, final int fra, final int frb) {
        return x(63, 8, fpr("FRT", frt), fpr("FRA", fra), fpr("FRB", frb), 0);
    }

    public static int fcpsgn_(final int frt, final int fra, final int frb) {
        return x(63, 8, fpr("FRT", frt), fpr("FRA", fra), fpr("FRB", frb), 1);
    }

    public static int fmrgew(final int frt, final int fra, final int frb) {
        return x(63, 966, fpr("FRT", frt), fpr("FRA", fra), fpr("FRB", frb), 0);
    }

    public static int fmrgow(final int frt, final int fra, final int frb) {
        return x(63, 838, fpr("FRT", frt), fpr("FRA", fra), fpr("FRB", frb), 0);
    }

    public static int fcmpu(final int bf, final int fra, final int frb) {
        return x(63, 0, crField(bf) << 2, fpr("FRA", fra), fpr("FRB", frb), 0);
    }

    public static int fcmpo(final int bf, final int fra, final int frb) {
        return x(63, 32, crField(bf) << 2, fpr("FRA", fra), fpr("FRB", frb), 0);
    }

    public static int ftdiv(final int bf, final int fra, final int frb) {
        return x(63, 128, crField(bf) << 2, fpr("FRA", fra), fpr("FRB", frb), 0);
    }

    public static int ftsqrt(final int bf, final int frb) {
        return x(63, 160, crField(bf) << 2, 0, fpr("FRB", frb), 0);
    }

    public static int mffs(final int frt) {
        return x(63, 583, fpr("FRT", frt), 0, 0, 0);
    }

    public static int mffs_(final int frt) {
        return x(63, 583, fpr("FRT", frt), 0, 0, 1);
    }

    /** ISA v3.0: mffs, then clear the enable bits. */
    public static int mffsce(final int frt) {
        return x(63, 583, fpr("FRT", frt), 1, 0, 0);
    }

    /** ISA v3.0. */
    public static int mffscdrn(final int frt, final int frb) {
        return x(63, 583, fpr("FRT", frt), 20, fpr("FRB", frb), 0);
    }

    /** ISA v3.0. */
    public static int mffscdrni(final int frt, final int drm) {
        return x(63, 583, fpr("FRT", frt), 21, unsigned("DRM", drm, 3), 0);
    }

    /** ISA v3.0. */
    public static int mffscrn(final int frt, final int frb) {
        return x(63, 583, fpr("FRT", frt), 22, fpr("FRB", frb), 0);
    }

    /** ISA v3.0. */
    public static int mffscrni(final int frt, final int rm) {
        return x(63, 583, fpr("FRT", frt), 23, unsigned("RM", rm, 2), 0);
    }

    /** ISA v3.0. */
    public static int mffsl(final int frt) {
        return x(63, 583, fpr("FRT", frt), 24, 0, 0);
    }

    public static int mtfsf(final int flm, final int frb, final int l, final int w) {
        final int mask = unsigned("FLM", flm, 8);
        return x(63, 711, unsigned("L", l, 1) << 4 | mask >>> 4, (mask & 15) << 1 | unsigned("W", w, 1), fpr("FRB", frb),
            0);
    }

    public static int mtfsfi(final int bf, final int u, final int w) {
        return x(63, 134, crField(bf) << 2, unsigned("W", w, 1), unsigned("U", u, 4) << 1, 0);
    }

    public static int mtfsb0(final int bt) {
        return x(63, 70, unsigned("BT", bt, 5), 0, 0, 0);
    }

    public static int mtfsb1(final int bt) {
        return x(63, 38, unsigned("BT", bt, 5), 0, 0, 0);
    }

    public static int mtfsf_(final int flm, final int frb, final int l, final int w) {
        final int mask = unsigned("FLM", flm, 8);
        return x(63, 711, unsigned("L", l, 1) << 4 | mask >>> 4, (mask & 15) << 1 | unsigned("W", w, 1), fpr("FRB", frb),
            1);
    }

    public static int mtfsfi_(final int bf, final int u, final int w) {
        return x(63, 134, crField(bf) << 2, unsigned("W", w, 1), unsigned("U", u, 4) << 1, 1);
    }

    public static int mtfsb0_(final int bt) {
        return x(63, 70, unsigned("BT", bt, 5), 0, 0, 1);
    }

    public static int mtfsb1_(final int bt) {
        return x(63, 38, unsigned("BT", bt, 5), 0, 0, 1);
    }

    public static int mcrfs(final int bf, final int bfa) {
        return x(63, 64, crField(bf) << 2, crField(bfa) << 2, 0, 0);
    }

    public static int xsadddp(final int xt, final int xa, final int xb) {
        return xx3(32, xt, xa, xb);
    }

    public static int xssubdp(final int xt, final int xa, final int xb) {
        return xx3(40, xt, xa, xb);
    }

    public static int xsmuldp(final int xt, final int xa, final int xb) {
        return xx3(48, xt, xa, xb);
    }

    public static int xsdivdp(final int xt, final int xa, final int xb) {
        return xx3(56, xt, xa, xb);
    }

    public static int xsmaddadp(final int xt, final int xa, final int xb) {
        return xx3(33, xt, xa, xb);
    }

    public static int xsmaddmdp(final int xt, final int xa, final int xb) {
        return xx3(41, xt, xa, xb);
    }

    public static int xsmsubadp(final int xt, final int xa, final int xb) {
        return xx3(49, xt, xa, xb);
    }

    public static int xsmsubmdp(final int xt, final int xa, final int xb) {
        return xx3(57, xt, xa, xb);
    }

    public static int xsnmaddadp(final int xt, final int xa, final int xb) {
        return xx3(161, xt, xa, xb);
    }

    public static int xsnmaddmdp(final int xt, final int xa, final int xb) {
        return xx3(169, xt, xa, xb);
    }

    public static int xsnmsubadp(final int xt, final int xa, final int xb) {
        return xx3(177, xt, xa, xb);
    }

    public static int xsnmsubmdp(final int xt, final int xa, final int xb) {
        return xx3(185, xt, xa, xb);
    }

    public static int xsmaxdp(final int xt, final int xa, final int xb) {
        return xx3(160, xt, xa, xb);
    }

    public static int xsmindp(final int xt, final int xa, final int xb) {
        return xx3(168, xt, xa, xb);
    }

    public static int xscpsgndp(final int xt, final int xa, final int xb) {
        return xx3(176, xt, xa, xb);
    }

    public static int xsaddsp(final int xt, final int xa, final int xb) {
        return xx3(0, xt, xa, xb);
    }

    public static int xssubsp(final int xt, final int xa, final int xb) {
        return xx3(8, xt, xa, xb);
    }

    public static int xsmulsp(final int xt, final int xa, final int xb) {
        return xx3(16, xt, xa, xb);
    }

    public static int xsdivsp(final int xt, final int xa, final int xb) {
        return xx3(24, xt, xa, xb);
    }

    public static int xvadddp(final int xt, final int xa, final int xb) {
        return xx3(96, xt, xa, xb);
    }

    public static int xvsubdp(final int xt, final int xa, final int xb) {
        return xx3(104, xt, xa, xb);
    }

    public static int xvmuldp(final int xt, final int xa, final int xb) {
        return xx3(112, xt, xa, xb);
    }

    public static int xvdivdp(final int xt, final int xa, final int xb) {
        return xx3(120, xt, xa, xb);
    }

    public static int xvmaddadp(final int xt, final int xa, final int xb) {
        return xx3(97, xt, xa, xb);
    }

    public static int xvcpsgndp(final int xt, final int xa, final int xb) {
        return xx3(240, xt, xa, xb);
    }

    public static int xvaddsp(final int xt, final int xa, final int xb) {
        return xx3(64, xt, xa, xb);
    }

    public static int xvmulsp(final int xt, final int xa, final int xb) {
        return xx3(80, xt, xa, xb);
    }

    public static int xscmpudp(final int bf, final int xa, final int xb) {
        return xx3(35, crField(bf) << 2, xa, xb);
    }

    public static int xscmpodp(final int bf, final int xa, final int xb) {
        return xx3(43, crField(bf) << 2, xa, xb);
    }

    public static int xssqrtdp(final int xt, final int xb) {
        return xx2(75, xt, xb);
    }

    public static int xsabsdp(final int xt, final int xb) {
        return xx2(345, xt, xb);
    }

    public static int xsnabsdp(final int xt, final int xb) {
        return xx2(361, xt, xb);
    }

    public static int xsnegdp(final int xt, final int xb) {
        return xx2(377, xt, xb);
    }

    public static int xsrdpi(final int xt, final int xb) {
        return xx2(73, xt, xb);
    }

    public static int xsrdpiz(final int xt, final int xb) {
        return xx2(89, xt, xb);
    }

    public static int xsrdpip(final int xt, final int xb) {
        return xx2(105, xt, xb);
    }

    public static int xsrdpim(final int xt, final int xb) {
        return xx2(121, xt, xb);
    }

    public static int xsrdpic(final int xt, final int xb) {
        return xx2(107, xt, xb);
    }

    public static int xsrsp(final int xt, final int xb) {
        return xx2(281, xt, xb);
    }

    public static int xscvdpsxds(final int xt, final int xb) {
        return xx2(344, xt, xb);
    }

    public static int xscvdpsxws(final int xt, final int xb) {
        return xx2(88, xt, xb);
    }

    public static int xscvdpuxds(final int xt, final int xb) {
        return xx2(328, xt, xb);
    }

    public static int xscvdpuxws(final int xt, final int xb) {
        return xx2(72, xt, xb);
    }

    public static int xscvsxddp(final int xt, final int xb) {
        return xx2(376, xt, xb);
    }

    public static int xscvuxddp(final int xt, final int xb) {
        return xx2(360, xt, xb);
    }

    public static int xscvsxdsp(final int xt, final int xb) {
        return xx2(312, xt, xb);
    }

    public static int xscvuxdsp(final int xt, final int xb) {
        return xx2(296, xt, xb);
    }

    public static int xscvdpsp(final int xt, final int xb) {
        return xx2(265, xt, xb);
    }

    public static int xscvspdp(final int xt, final int xb) {
        return xx2(329, xt, xb);
    }

    public static int xscvdpspn(final int xt, final int xb) {
        return xx2(267, xt, xb);
    }

    public static int xscvspdpn(final int xt, final int xb) {
        return xx2(331, xt, xb);
    }

    public static int xvabsdp(final int xt, final int xb) {
        return xx2(473, xt, xb);
    }

    public static int xvnegdp(final int xt, final int xb) {
        return xx2(505, xt, xb);
    }

    public static int xvcvsxddp(final int xt, final int xb) {
        return xx2(504, xt, xb);
    }

    public static int xvcvdpsxds(final int xt, final int xb) {
        return xx2(472, xt, xb);
    }

    public static int xvcvspdp(final int xt, final int xb) {
        return xx2(457, xt, xb);
    }

    public static int xvcvdpsp(final int xt, final int xb) {
        return xx2(393, xt, xb);
    }

    // ---- formats (ISA bit numbers: bit 0 is the most significant bit of the word) ---------------------------

    private static int unsigned(final String name, final int value, final int bits) {
        if (value < 0 || value >= 1 << bits) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
        return value;
    }

    private static int fpr(final String name, final int n) {
        return unsigned(name, n, 5);
    }

    private static int gpr(final String name, final int n) {
        return unsigned(name, n, 5);
    }

    private static int pair(final String name, final int n) {
        if ((n & 1) != 0) {
            throw new IllegalArgumentException(name + " must be even: " + n);
        }
        return fpr(name, n);
    }

    private static int updateBase(final int ra) {
        if (ra == 0) {
            throw new IllegalArgumentException("RA must not be 0 in an update form");
        }
        return gpr("RA", ra);
    }

    private static int crField(final int bf) {
        return unsigned("BF", bf, 3);
    }

    private static int dForm(final int primary, final int f6, final int ra, final int d) {
        if (d < Short.MIN_VALUE || d > Short.MAX_VALUE) {
            throw new IllegalArgumentException("D out of range: " + d);
        }
        return primary << 26 | f6 << 21 | ra << 16 | (d & 0xFFFF);
    }

    private static int dsForm(final int primary, final int f6, final int ra, final int ds, final int xo) {
        if (ds < Short.MIN_VALUE || ds > Short.MAX_VALUE || (ds & 3) != 0) {
            throw new IllegalArgumentException("DS out of range or not a multiple of 4: " + ds);
        }
        return primary << 26 | f6 << 21 | ra << 16 | (ds & 0xFFFC) | xo;
    }

    private static int x(final int primary, final int xo, final int f6, final int f11, final int f16, final int rc) {
        return primary << 26 | f6 << 21 | f11 << 16 | f16 << 11 | xo << 1 | rc;
    }

    private static int a(final int primary, final int xo, final int frt, final int fra, final int frb, final int frc,
                         final int rc) {
        return primary << 26 | fpr("FRT", frt) << 21 | fpr("FRA", fra) << 16 | fpr("FRB", frb) << 11
            | fpr("FRC", frc) << 6 | xo << 1 | rc;
    }

    private static int vsr(final String name, final int n) {
        return unsigned(name, n, 6);
    }

    /** XX3: T, A, B in bits 6-20, XO in 21-28, AX, BX, TX in bits 29-31. A compare passes BF << 2 as xt. */
    private static int xx3(final int xo, final int xt, final int xa, final int xb) {
        final int t = vsr("XT", xt);
        final int a = vsr("XA", xa);
        final int b = vsr("XB", xb);
        return 60 << 26 | (t & 31) << 21 | (a & 31) << 16 | (b & 31) << 11 | xo << 3 | (a >>> 5) << 2 | (b >>> 5) << 1
            | t >>> 5;
    }

    /** XX2: T and B in bits 6-10 and 16-20, XO in 21-29, BX, TX in bits 30-31. */
    private static int xx2(final int xo, final int xt, final int xb) {
        final int t = vsr("XT", xt);
        final int b = vsr("XB", xb);
        return 60 << 26 | (t & 31) << 21 | (b & 31) << 11 | xo << 2 | (b >>> 5) << 1 | t >>> 5;
    }
}
