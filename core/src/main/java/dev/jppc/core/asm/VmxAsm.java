package dev.jppc.core.asm;

/**
 * Encoders for the VMX (Altivec) instructions of Power ISA v2.07 Book I chapter 6, plus the v3.0 vctzlsbb,
 * vextubrx and vcmpneb and the v3.1 vextractbm jppc accepts: one static method per GNU as mnemonic, operands in GNU
 * as order, the record-form dot written as a trailing underscore ({@code vcmpequb_} is {@code vcmpequb.}), as in
 * {@link PpcAsm}. VX form: VRT, VRA, VRB and an 11-bit extended opcode in bits 21-31; VA form: VRT, VRA, VRB, VRC
 * and a 6-bit opcode; VC form: VRT, VRA, VRB, Rc in bit 21 and a 10-bit opcode. Loads and stores are X form
 * (primary 31). Operands are range-checked like PpcAsm's.
 */
public final class VmxAsm {

    private VmxAsm() {
    }

    private static int unsigned(final String name, final int value, final int bits) {
        if (value < 0 || value >= 1 << bits) {
            throw new IllegalArgumentException(name + " must be 0.." + ((1 << bits) - 1) + ", was " + value);
        }
        return value;
    }

    private static int vr(final String name, final int reg) {
        return unsigned(name, reg, 5);
    }

    private static int signed5(final int value) {
        if (value < -16 || value > 15) {
            throw new IllegalArgumentException("SIM must be -16..15, was " + value);
        }
        return value & 31;
    }

    private static int vxForm(final int xo, final int t, final int a, final int b) {
        return (4 << 26) | (t << 21) | (a << 16) | (b << 11) | xo;
    }

    private static int vaForm(final int xo, final int t, final int a, final int b, final int c) {
        return (4 << 26) | (t << 21) | (a << 16) | (b << 11) | (c << 6) | xo;
    }

    private static int vcForm(final int xo, final int t, final int a, final int b, final int rc) {
        return (4 << 26) | (t << 21) | (a << 16) | (b << 11) | (rc << 10) | xo;
    }

    public static int lvebx(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (7 << 1);
    }

    public static int lvehx(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (39 << 1);
    }

    public static int lvewx(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (71 << 1);
    }

    public static int lvx(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (103 << 1);
    }

    public static int lvxl(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (359 << 1);
    }

    public static int stvebx(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (135 << 1);
    }

    public static int stvehx(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (167 << 1);
    }

    public static int stvewx(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (199 << 1);
    }

    public static int stvx(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (231 << 1);
    }

    public static int stvxl(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (487 << 1);
    }

    public static int lvsl(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (6 << 1);
    }

    public static int lvsr(final int vd, final int ra, final int rb) {
        return (31 << 26) | (vr("VRT", vd) << 21) | (unsigned("RA", ra, 5) << 16) | (unsigned("RB", rb, 5) << 11) | (38 << 1);
    }

    public static int vpkuhum(final int vd, final int va, final int vb) {
        return vxForm(14, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkuwum(final int vd, final int va, final int vb) {
        return vxForm(78, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkudum(final int vd, final int va, final int vb) {
        return vxForm(1102, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkuhus(final int vd, final int va, final int vb) {
        return vxForm(142, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkuwus(final int vd, final int va, final int vb) {
        return vxForm(206, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkudus(final int vd, final int va, final int vb) {
        return vxForm(1230, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkshus(final int vd, final int va, final int vb) {
        return vxForm(270, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkswus(final int vd, final int va, final int vb) {
        return vxForm(334, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpksdus(final int vd, final int va, final int vb) {
        return vxForm(1358, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkshss(final int vd, final int va, final int vb) {
        return vxForm(398, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkswss(final int vd, final int va, final int vb) {
        return vxForm(462, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpksdss(final int vd, final int va, final int vb) {
        return vxForm(1486, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpkpx(final int vd, final int va, final int vb) {
        return vxForm(782, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vupkhsb(final int vd, final int vb) {
        return vxForm(526, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vupkhsh(final int vd, final int vb) {
        return vxForm(590, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vupkhsw(final int vd, final int vb) {
        return vxForm(1614, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vupklsb(final int vd, final int vb) {
        return vxForm(654, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vupklsh(final int vd, final int vb) {
        return vxForm(718, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vupklsw(final int vd, final int vb) {
        return vxForm(1742, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vupkhpx(final int vd, final int vb) {
        return vxForm(846, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vupklpx(final int vd, final int vb) {
        return vxForm(974, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vmrghb(final int vd, final int va, final int vb) {
        return vxForm(12, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmrghh(final int vd, final int va, final int vb) {
        return vxForm(76, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmrghw(final int vd, final int va, final int vb) {
        return vxForm(140, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmrglb(final int vd, final int va, final int vb) {
        return vxForm(268, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmrglh(final int vd, final int va, final int vb) {
        return vxForm(332, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmrglw(final int vd, final int va, final int vb) {
        return vxForm(396, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmrgew(final int vd, final int va, final int vb) {
        return vxForm(1932, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmrgow(final int vd, final int va, final int vb) {
        return vxForm(1676, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vspltb(final int vd, final int vb, final int uim) {
        return vxForm(524, vr("VRT", vd), unsigned("UIM", uim, 5), vr("VRB", vb));
    }

    public static int vsplth(final int vd, final int vb, final int uim) {
        return vxForm(588, vr("VRT", vd), unsigned("UIM", uim, 5), vr("VRB", vb));
    }

    public static int vspltw(final int vd, final int vb, final int uim) {
        return vxForm(652, vr("VRT", vd), unsigned("UIM", uim, 5), vr("VRB", vb));
    }

    public static int vspltisb(final int vd, final int sim) {
        return vxForm(780, vr("VRT", vd), signed5(sim), 0);
    }

    public static int vspltish(final int vd, final int sim) {
        return vxForm(844, vr("VRT", vd), signed5(sim), 0);
    }

    public static int vspltisw(final int vd, final int sim) {
        return vxForm(908, vr("VRT", vd), signed5(sim), 0);
    }

    public static int vperm(final int vd, final int va, final int vb, final int vc) {
        return vaForm(43, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vpermxor(final int vd, final int va, final int vb, final int vc) {
        return vaForm(45, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vsel(final int vd, final int va, final int vb, final int vc) {
        return vaForm(42, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vsldoi(final int vd, final int va, final int vb, final int shb) {
        return vaForm(44, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), unsigned("SHB", shb, 4));
    }

    public static int vsl(final int vd, final int va, final int vb) {
        return vxForm(452, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsr(final int vd, final int va, final int vb) {
        return vxForm(708, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vslo(final int vd, final int va, final int vb) {
        return vxForm(1036, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsro(final int vd, final int va, final int vb) {
        return vxForm(1100, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vgbbd(final int vd, final int vb) {
        return vxForm(1292, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vbpermq(final int vd, final int va, final int vb) {
        return vxForm(1356, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddubm(final int vd, final int va, final int vb) {
        return vxForm(0, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vadduhm(final int vd, final int va, final int vb) {
        return vxForm(64, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vadduwm(final int vd, final int va, final int vb) {
        return vxForm(128, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddudm(final int vd, final int va, final int vb) {
        return vxForm(192, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vadduqm(final int vd, final int va, final int vb) {
        return vxForm(256, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddcuq(final int vd, final int va, final int vb) {
        return vxForm(320, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddcuw(final int vd, final int va, final int vb) {
        return vxForm(384, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddubs(final int vd, final int va, final int vb) {
        return vxForm(512, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vadduhs(final int vd, final int va, final int vb) {
        return vxForm(576, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vadduws(final int vd, final int va, final int vb) {
        return vxForm(640, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddsbs(final int vd, final int va, final int vb) {
        return vxForm(768, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddshs(final int vd, final int va, final int vb) {
        return vxForm(832, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddsws(final int vd, final int va, final int vb) {
        return vxForm(896, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsububm(final int vd, final int va, final int vb) {
        return vxForm(1024, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubuhm(final int vd, final int va, final int vb) {
        return vxForm(1088, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubuwm(final int vd, final int va, final int vb) {
        return vxForm(1152, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubudm(final int vd, final int va, final int vb) {
        return vxForm(1216, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubuqm(final int vd, final int va, final int vb) {
        return vxForm(1280, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubcuq(final int vd, final int va, final int vb) {
        return vxForm(1344, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubcuw(final int vd, final int va, final int vb) {
        return vxForm(1408, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsububs(final int vd, final int va, final int vb) {
        return vxForm(1536, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubuhs(final int vd, final int va, final int vb) {
        return vxForm(1600, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubuws(final int vd, final int va, final int vb) {
        return vxForm(1664, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubsbs(final int vd, final int va, final int vb) {
        return vxForm(1792, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubshs(final int vd, final int va, final int vb) {
        return vxForm(1856, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubsws(final int vd, final int va, final int vb) {
        return vxForm(1920, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddeuqm(final int vd, final int va, final int vb, final int vc) {
        return vaForm(60, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vaddecuq(final int vd, final int va, final int vb, final int vc) {
        return vaForm(61, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vsubeuqm(final int vd, final int va, final int vb, final int vc) {
        return vaForm(62, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vsubecuq(final int vd, final int va, final int vb, final int vc) {
        return vaForm(63, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmuloub(final int vd, final int va, final int vb) {
        return vxForm(8, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmulouh(final int vd, final int va, final int vb) {
        return vxForm(72, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmulouw(final int vd, final int va, final int vb) {
        return vxForm(136, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmulosb(final int vd, final int va, final int vb) {
        return vxForm(264, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmulosh(final int vd, final int va, final int vb) {
        return vxForm(328, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmulosw(final int vd, final int va, final int vb) {
        return vxForm(392, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmuleub(final int vd, final int va, final int vb) {
        return vxForm(520, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmuleuh(final int vd, final int va, final int vb) {
        return vxForm(584, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmuleuw(final int vd, final int va, final int vb) {
        return vxForm(648, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmulesb(final int vd, final int va, final int vb) {
        return vxForm(776, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmulesh(final int vd, final int va, final int vb) {
        return vxForm(840, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmulesw(final int vd, final int va, final int vb) {
        return vxForm(904, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmuluwm(final int vd, final int va, final int vb) {
        return vxForm(137, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmhaddshs(final int vd, final int va, final int vb, final int vc) {
        return vaForm(32, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmhraddshs(final int vd, final int va, final int vb, final int vc) {
        return vaForm(33, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmladduhm(final int vd, final int va, final int vb, final int vc) {
        return vaForm(34, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmsumubm(final int vd, final int va, final int vb, final int vc) {
        return vaForm(36, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmsummbm(final int vd, final int va, final int vb, final int vc) {
        return vaForm(37, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmsumuhm(final int vd, final int va, final int vb, final int vc) {
        return vaForm(38, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmsumuhs(final int vd, final int va, final int vb, final int vc) {
        return vaForm(39, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmsumshm(final int vd, final int va, final int vb, final int vc) {
        return vaForm(40, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vmsumshs(final int vd, final int va, final int vb, final int vc) {
        return vaForm(41, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vsumsws(final int vd, final int va, final int vb) {
        return vxForm(1928, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsum2sws(final int vd, final int va, final int vb) {
        return vxForm(1672, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsum4ubs(final int vd, final int va, final int vb) {
        return vxForm(1544, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsum4sbs(final int vd, final int va, final int vb) {
        return vxForm(1800, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsum4shs(final int vd, final int va, final int vb) {
        return vxForm(1608, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vavgub(final int vd, final int va, final int vb) {
        return vxForm(1026, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vavguh(final int vd, final int va, final int vb) {
        return vxForm(1090, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vavguw(final int vd, final int va, final int vb) {
        return vxForm(1154, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vavgsb(final int vd, final int va, final int vb) {
        return vxForm(1282, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vavgsh(final int vd, final int va, final int vb) {
        return vxForm(1346, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vavgsw(final int vd, final int va, final int vb) {
        return vxForm(1410, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxub(final int vd, final int va, final int vb) {
        return vxForm(2, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxuh(final int vd, final int va, final int vb) {
        return vxForm(66, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxuw(final int vd, final int va, final int vb) {
        return vxForm(130, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxud(final int vd, final int va, final int vb) {
        return vxForm(194, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxsb(final int vd, final int va, final int vb) {
        return vxForm(258, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxsh(final int vd, final int va, final int vb) {
        return vxForm(322, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxsw(final int vd, final int va, final int vb) {
        return vxForm(386, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxsd(final int vd, final int va, final int vb) {
        return vxForm(450, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminub(final int vd, final int va, final int vb) {
        return vxForm(514, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminuh(final int vd, final int va, final int vb) {
        return vxForm(578, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminuw(final int vd, final int va, final int vb) {
        return vxForm(642, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminud(final int vd, final int va, final int vb) {
        return vxForm(706, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminsb(final int vd, final int va, final int vb) {
        return vxForm(770, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminsh(final int vd, final int va, final int vb) {
        return vxForm(834, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminsw(final int vd, final int va, final int vb) {
        return vxForm(898, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminsd(final int vd, final int va, final int vb) {
        return vxForm(962, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vcmpequb(final int vd, final int va, final int vb) {
        return vcForm(6, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpequb_(final int vd, final int va, final int vb) {
        return vcForm(6, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpequh(final int vd, final int va, final int vb) {
        return vcForm(70, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpequh_(final int vd, final int va, final int vb) {
        return vcForm(70, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpequw(final int vd, final int va, final int vb) {
        return vcForm(134, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpequw_(final int vd, final int va, final int vb) {
        return vcForm(134, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpequd(final int vd, final int va, final int vb) {
        return vcForm(199, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpequd_(final int vd, final int va, final int vb) {
        return vcForm(199, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtub(final int vd, final int va, final int vb) {
        return vcForm(518, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtub_(final int vd, final int va, final int vb) {
        return vcForm(518, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtuh(final int vd, final int va, final int vb) {
        return vcForm(582, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtuh_(final int vd, final int va, final int vb) {
        return vcForm(582, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtuw(final int vd, final int va, final int vb) {
        return vcForm(646, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtuw_(final int vd, final int va, final int vb) {
        return vcForm(646, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtud(final int vd, final int va, final int vb) {
        return vcForm(711, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtud_(final int vd, final int va, final int vb) {
        return vcForm(711, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtsb(final int vd, final int va, final int vb) {
        return vcForm(774, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtsb_(final int vd, final int va, final int vb) {
        return vcForm(774, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtsh(final int vd, final int va, final int vb) {
        return vcForm(838, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtsh_(final int vd, final int va, final int vb) {
        return vcForm(838, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtsw(final int vd, final int va, final int vb) {
        return vcForm(902, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtsw_(final int vd, final int va, final int vb) {
        return vcForm(902, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtsd(final int vd, final int va, final int vb) {
        return vcForm(967, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtsd_(final int vd, final int va, final int vb) {
        return vcForm(967, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpneb(final int vd, final int va, final int vb) {
        return vcForm(7, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpneb_(final int vd, final int va, final int vb) {
        return vcForm(7, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vand(final int vd, final int va, final int vb) {
        return vxForm(1028, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vandc(final int vd, final int va, final int vb) {
        return vxForm(1092, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vor(final int vd, final int va, final int vb) {
        return vxForm(1156, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vxor(final int vd, final int va, final int vb) {
        return vxForm(1220, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vnor(final int vd, final int va, final int vb) {
        return vxForm(1284, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vorc(final int vd, final int va, final int vb) {
        return vxForm(1348, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vnand(final int vd, final int va, final int vb) {
        return vxForm(1412, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int veqv(final int vd, final int va, final int vb) {
        return vxForm(1668, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vrlb(final int vd, final int va, final int vb) {
        return vxForm(4, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vrlh(final int vd, final int va, final int vb) {
        return vxForm(68, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vrlw(final int vd, final int va, final int vb) {
        return vxForm(132, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vrld(final int vd, final int va, final int vb) {
        return vxForm(196, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vslb(final int vd, final int va, final int vb) {
        return vxForm(260, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vslh(final int vd, final int va, final int vb) {
        return vxForm(324, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vslw(final int vd, final int va, final int vb) {
        return vxForm(388, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsld(final int vd, final int va, final int vb) {
        return vxForm(1476, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsrb(final int vd, final int va, final int vb) {
        return vxForm(516, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsrh(final int vd, final int va, final int vb) {
        return vxForm(580, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsrw(final int vd, final int va, final int vb) {
        return vxForm(644, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsrd(final int vd, final int va, final int vb) {
        return vxForm(1732, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsrab(final int vd, final int va, final int vb) {
        return vxForm(772, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsrah(final int vd, final int va, final int vb) {
        return vxForm(836, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsraw(final int vd, final int va, final int vb) {
        return vxForm(900, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsrad(final int vd, final int va, final int vb) {
        return vxForm(964, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vaddfp(final int vd, final int va, final int vb) {
        return vxForm(10, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsubfp(final int vd, final int va, final int vb) {
        return vxForm(74, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaxfp(final int vd, final int va, final int vb) {
        return vxForm(1034, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vminfp(final int vd, final int va, final int vb) {
        return vxForm(1098, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vmaddfp(final int vd, final int va, final int vc, final int vb) {
        return vaForm(46, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vnmsubfp(final int vd, final int va, final int vc, final int vb) {
        return vaForm(47, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), vr("VRC", vc));
    }

    public static int vcfux(final int vd, final int vb, final int uim) {
        return vxForm(778, vr("VRT", vd), unsigned("UIM", uim, 5), vr("VRB", vb));
    }

    public static int vcfsx(final int vd, final int vb, final int uim) {
        return vxForm(842, vr("VRT", vd), unsigned("UIM", uim, 5), vr("VRB", vb));
    }

    public static int vctuxs(final int vd, final int vb, final int uim) {
        return vxForm(906, vr("VRT", vd), unsigned("UIM", uim, 5), vr("VRB", vb));
    }

    public static int vctsxs(final int vd, final int vb, final int uim) {
        return vxForm(970, vr("VRT", vd), unsigned("UIM", uim, 5), vr("VRB", vb));
    }

    public static int vrfin(final int vd, final int vb) {
        return vxForm(522, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vrfiz(final int vd, final int vb) {
        return vxForm(586, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vrfip(final int vd, final int vb) {
        return vxForm(650, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vrfim(final int vd, final int vb) {
        return vxForm(714, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vrefp(final int vd, final int vb) {
        return vxForm(266, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vrsqrtefp(final int vd, final int vb) {
        return vxForm(330, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vexptefp(final int vd, final int vb) {
        return vxForm(394, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vlogefp(final int vd, final int vb) {
        return vxForm(458, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vcmpeqfp(final int vd, final int va, final int vb) {
        return vcForm(198, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpeqfp_(final int vd, final int va, final int vb) {
        return vcForm(198, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgefp(final int vd, final int va, final int vb) {
        return vcForm(454, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgefp_(final int vd, final int va, final int vb) {
        return vcForm(454, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpgtfp(final int vd, final int va, final int vb) {
        return vcForm(710, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpgtfp_(final int vd, final int va, final int vb) {
        return vcForm(710, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcmpbfp(final int vd, final int va, final int vb) {
        return vcForm(966, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 0);
    }

    public static int vcmpbfp_(final int vd, final int va, final int vb) {
        return vcForm(966, vr("VRT", vd), vr("VRA", va), vr("VRB", vb), 1);
    }

    public static int vcipher(final int vd, final int va, final int vb) {
        return vxForm(1288, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vcipherlast(final int vd, final int va, final int vb) {
        return vxForm(1289, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vncipher(final int vd, final int va, final int vb) {
        return vxForm(1352, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vncipherlast(final int vd, final int va, final int vb) {
        return vxForm(1353, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vsbox(final int vd, final int va) {
        return vxForm(1480, vr("VRT", vd), vr("VRA", va), 0);
    }

    public static int vshasigmaw(final int vd, final int va, final int st, final int six) {
        return vxForm(1666, vr("VRT", vd), vr("VRA", va), (unsigned("ST", st, 1) << 4) | unsigned("SIX", six, 4));
    }

    public static int vshasigmad(final int vd, final int va, final int st, final int six) {
        return vxForm(1730, vr("VRT", vd), vr("VRA", va), (unsigned("ST", st, 1) << 4) | unsigned("SIX", six, 4));
    }

    public static int vpmsumb(final int vd, final int va, final int vb) {
        return vxForm(1032, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpmsumh(final int vd, final int va, final int vb) {
        return vxForm(1096, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpmsumw(final int vd, final int va, final int vb) {
        return vxForm(1160, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vpmsumd(final int vd, final int va, final int vb) {
        return vxForm(1224, vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int vclzb(final int vd, final int vb) {
        return vxForm(1794, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vclzh(final int vd, final int vb) {
        return vxForm(1858, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vclzw(final int vd, final int vb) {
        return vxForm(1922, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vclzd(final int vd, final int vb) {
        return vxForm(1986, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vpopcntb(final int vd, final int vb) {
        return vxForm(1795, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vpopcnth(final int vd, final int vb) {
        return vxForm(1859, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vpopcntw(final int vd, final int vb) {
        return vxForm(1923, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vpopcntd(final int vd, final int vb) {
        return vxForm(1987, vr("VRT", vd), 0, vr("VRB", vb));
    }

    public static int vctzlsbb(final int rt, final int vb) {
        return vxForm(1538, unsigned("RT", rt, 5), 1, vr("VRB", vb));
    }

    public static int vextubrx(final int rt, final int ra, final int vb) {
        return vxForm(1805, unsigned("RT", rt, 5), unsigned("RA", ra, 5), vr("VRB", vb));
    }

    public static int vextractbm(final int rt, final int vb) {
        return vxForm(1602, unsigned("RT", rt, 5), 8, vr("VRB", vb));
    }

    public static int mfvscr(final int vd) {
        return vxForm(1540, vr("VRT", vd), 0, 0);
    }

    public static int mtvscr(final int vb) {
        return vxForm(1604, 0, 0, vr("VRB", vb));
    }

    public static int bcdadd_(final int vd, final int va, final int vb, final int ps) {
        return vxForm(0x401 | (unsigned("PS", ps, 1) << 9), vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }

    public static int bcdsub_(final int vd, final int va, final int vb, final int ps) {
        return vxForm(0x441 | (unsigned("PS", ps, 1) << 9), vr("VRT", vd), vr("VRA", va), vr("VRB", vb));
    }
}
