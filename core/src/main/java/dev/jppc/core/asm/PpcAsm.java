package dev.jppc.core.asm;

/**
 * A small assembler for the Power ISA v2.07 fixed-point, branch, storage-control and Book III-S system instructions
 * (plus the v3.0 {@code mod*} and {@code cnttz*} a POWER8-built userland may probe): one static method per mnemonic,
 * each returning the 32-bit instruction word.
 *
 * <p>It is written from the ISA's instruction formats and is deliberately independent of jppc's decoder, so that
 * decoder tests built on it check one reading of the ISA against another; its encodings are pinned to GNU as by the
 * golden table in the tests.
 *
 * <h2>Naming</h2>
 * A method is named after the GNU as mnemonic, with the record-form dot (Rc=1) written as a trailing underscore:
 * method {@code add} assembles {@code add}, {@code add_} assembles {@code add.}, {@code addo} assembles {@code addo}
 * (OE=1) and {@code addo_} assembles {@code addo.}; likewise {@code andi_}, {@code addic_}, {@code stwcx_},
 * {@code slbfee_}. Optional GNU operands are overloads ({@code sync()} and {@code sync(l)}, {@code bclr(bo, bi)} and
 * {@code bclr(bo, bi, bh)}).
 *
 * <h2>Operands</h2>
 * Operands come in GNU as order. A memory operand {@code d(ra)} becomes the two parameters {@code d, ra}:
 * {@code ld 3,8(4)} is {@code ld(3, 8, 4)}. Registers, CR fields (0..7) and CR bits (0..31) are plain numbers.
 * A branch target is a byte offset from the branch itself for the relative forms ({@code b .+0x10} is
 * {@code b(0x10)}) and an absolute address for the {@code a} forms ({@code ba 0x100} is {@code ba(0x100)}).
 * {@link AsmBuffer} adds branches to named labels.
 *
 * <h2>Checks</h2>
 * Every operand is range-checked: a bad one is an {@link IllegalArgumentException} naming the ISA operand (RT, SI,
 * DS, BD, ...) and the value. Instruction forms the ISA calls invalid are rejected where GNU as rejects them too
 * (load/store with update, {@code lmw}/{@code lswi} loading their base register, odd {@code lq} register pairs,
 * reserved BO encodings, {@code bcctr} decrementing CTR), so that what assembles here is meant to assemble with GNU
 * as too. A test that needs an invalid form writes the raw word.
 */
public final class PpcAsm {

    private static final int LI_MIN = -(1 << 25);
    private static final int LI_MAX = (1 << 25) - 4;

    private PpcAsm() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Branch facility (Book I, chapter 2)
    // ---------------------------------------------------------------------------------------------------------

    /** {@code b target}: branch by a byte offset from this instruction. */
    public static int b(final int offset) {
        return iForm(offset, "LI offset", 0, 0);
    }

    /** {@code ba target}: branch to an absolute address (sign-extended from 26 bits). */
    public static int ba(final int target) {
        return iForm(target, "LI target", 1, 0);
    }

    public static int bl(final int offset) {
        return iForm(offset, "LI offset", 0, 1);
    }

    public static int bla(final int target) {
        return iForm(target, "LI target", 1, 1);
    }

    public static int bc(final int bo, final int bi, final int offset) {
        return bForm(bo, bi, offset, "BD offset", 0, 0);
    }

    public static int bca(final int bo, final int bi, final int target) {
        return bForm(bo, bi, target, "BD target", 1, 0);
    }

    public static int bcl(final int bo, final int bi, final int offset) {
        return bForm(bo, bi, offset, "BD offset", 0, 1);
    }

    public static int bcla(final int bo, final int bi, final int target) {
        return bForm(bo, bi, target, "BD target", 1, 1);
    }

    public static int bclr(final int bo, final int bi) {
        return bclr(bo, bi, 0);
    }

    public static int bclr(final int bo, final int bi, final int bh) {
        return xlBranch(16, bo, bi, bh, 0);
    }

    public static int bclrl(final int bo, final int bi) {
        return bclrl(bo, bi, 0);
    }

    public static int bclrl(final int bo, final int bi, final int bh) {
        return xlBranch(16, bo, bi, bh, 1);
    }

    public static int bcctr(final int bo, final int bi) {
        return bcctr(bo, bi, 0);
    }

    public static int bcctr(final int bo, final int bi, final int bh) {
        return xlBranch(528, ctrNotDecremented(bo), bi, bh, 0);
    }

    public static int bcctrl(final int bo, final int bi) {
        return bcctrl(bo, bi, 0);
    }

    public static int bcctrl(final int bo, final int bi, final int bh) {
        return xlBranch(528, ctrNotDecremented(bo), bi, bh, 1);
    }

    public static int bctar(final int bo, final int bi) {
        return bctar(bo, bi, 0);
    }

    public static int bctar(final int bo, final int bi, final int bh) {
        return xlBranch(560, bo, bi, bh, 0);
    }

    public static int bctarl(final int bo, final int bi) {
        return bctarl(bo, bi, 0);
    }

    public static int bctarl(final int bo, final int bi, final int bh) {
        return xlBranch(560, bo, bi, bh, 1);
    }

    public static int crand(final int bt, final int ba, final int bb) {
        return crLogical(257, bt, ba, bb);
    }

    public static int cror(final int bt, final int ba, final int bb) {
        return crLogical(449, bt, ba, bb);
    }

    public static int crxor(final int bt, final int ba, final int bb) {
        return crLogical(193, bt, ba, bb);
    }

    public static int crnand(final int bt, final int ba, final int bb) {
        return crLogical(225, bt, ba, bb);
    }

    public static int crnor(final int bt, final int ba, final int bb) {
        return crLogical(33, bt, ba, bb);
    }

    public static int creqv(final int bt, final int ba, final int bb) {
        return crLogical(289, bt, ba, bb);
    }

    public static int crandc(final int bt, final int ba, final int bb) {
        return crLogical(129, bt, ba, bb);
    }

    public static int crorc(final int bt, final int ba, final int bb) {
        return crLogical(417, bt, ba, bb);
    }

    public static int mcrf(final int bf, final int bfa) {
        return opcd(19) | field(crField("BF", bf), 8) | field(crField("BFA", bfa), 13);
    }

    /** {@code sc lev}; LEV=1 is the hypervisor call. */
    public static int sc(final int lev) {
        return opcd(17) | field(unsigned("LEV", lev, 7), 26) | 0b10;
    }

    public static int sc() {
        return sc(0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixed-point loads and stores (Book I, 3.3.2 - 3.3.7)
    // ---------------------------------------------------------------------------------------------------------

    public static int lbz(final int rt, final int d, final int ra) {
        return dForm(34, gpr("RT", rt), gpr("RA", ra), signed16("D", d));
    }

    public static int lbzu(final int rt, final int d, final int ra) {
        return dForm(35, gpr("RT", rt), loadUpdateBase(ra, rt), signed16("D", d));
    }

    public static int lbzx(final int rt, final int ra, final int rb) {
        return xForm(87, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lbzux(final int rt, final int ra, final int rb) {
        return xForm(119, gpr("RT", rt), loadUpdateBase(ra, rt), gpr("RB", rb), 0);
    }

    public static int lhz(final int rt, final int d, final int ra) {
        return dForm(40, gpr("RT", rt), gpr("RA", ra), signed16("D", d));
    }

    public static int lhzu(final int rt, final int d, final int ra) {
        return dForm(41, gpr("RT", rt), loadUpdateBase(ra, rt), signed16("D", d));
    }

    public static int lhzx(final int rt, final int ra, final int rb) {
        return xForm(279, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lhzux(final int rt, final int ra, final int rb) {
        return xForm(311, gpr("RT", rt), loadUpdateBase(ra, rt), gpr("RB", rb), 0);
    }

    public static int lha(final int rt, final int d, final int ra) {
        return dForm(42, gpr("RT", rt), gpr("RA", ra), signed16("D", d));
    }

    public static int lhau(final int rt, final int d, final int ra) {
        return dForm(43, gpr("RT", rt), loadUpdateBase(ra, rt), signed16("D", d));
    }

    public static int lhax(final int rt, final int ra, final int rb) {
        return xForm(343, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lhaux(final int rt, final int ra, final int rb) {
        return xForm(375, gpr("RT", rt), loadUpdateBase(ra, rt), gpr("RB", rb), 0);
    }

    public static int lwz(final int rt, final int d, final int ra) {
        return dForm(32, gpr("RT", rt), gpr("RA", ra), signed16("D", d));
    }

    public static int lwzu(final int rt, final int d, final int ra) {
        return dForm(33, gpr("RT", rt), loadUpdateBase(ra, rt), signed16("D", d));
    }

    public static int lwzx(final int rt, final int ra, final int rb) {
        return xForm(23, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lwzux(final int rt, final int ra, final int rb) {
        return xForm(55, gpr("RT", rt), loadUpdateBase(ra, rt), gpr("RB", rb), 0);
    }

    public static int lwa(final int rt, final int ds, final int ra) {
        return dsForm(58, gpr("RT", rt), gpr("RA", ra), ds, 2);
    }

    public static int lwax(final int rt, final int ra, final int rb) {
        return xForm(341, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lwaux(final int rt, final int ra, final int rb) {
        return xForm(373, gpr("RT", rt), loadUpdateBase(ra, rt), gpr("RB", rb), 0);
    }

    public static int ld(final int rt, final int ds, final int ra) {
        return dsForm(58, gpr("RT", rt), gpr("RA", ra), ds, 0);
    }

    public static int ldu(final int rt, final int ds, final int ra) {
        return dsForm(58, gpr("RT", rt), loadUpdateBase(ra, rt), ds, 1);
    }

    public static int ldx(final int rt, final int ra, final int rb) {
        return xForm(21, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int ldux(final int rt, final int ra, final int rb) {
        return xForm(53, gpr("RT", rt), loadUpdateBase(ra, rt), gpr("RB", rb), 0);
    }

    public static int stb(final int rs, final int d, final int ra) {
        return dForm(38, gpr("RS", rs), gpr("RA", ra), signed16("D", d));
    }

    public static int stbu(final int rs, final int d, final int ra) {
        return dForm(39, gpr("RS", rs), storeUpdateBase(ra), signed16("D", d));
    }

    public static int stbx(final int rs, final int ra, final int rb) {
        return xForm(215, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stbux(final int rs, final int ra, final int rb) {
        return xForm(247, gpr("RS", rs), storeUpdateBase(ra), gpr("RB", rb), 0);
    }

    public static int sth(final int rs, final int d, final int ra) {
        return dForm(44, gpr("RS", rs), gpr("RA", ra), signed16("D", d));
    }

    public static int sthu(final int rs, final int d, final int ra) {
        return dForm(45, gpr("RS", rs), storeUpdateBase(ra), signed16("D", d));
    }

    public static int sthx(final int rs, final int ra, final int rb) {
        return xForm(407, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int sthux(final int rs, final int ra, final int rb) {
        return xForm(439, gpr("RS", rs), storeUpdateBase(ra), gpr("RB", rb), 0);
    }

    public static int stw(final int rs, final int d, final int ra) {
        return dForm(36, gpr("RS", rs), gpr("RA", ra), signed16("D", d));
    }

    public static int stwu(final int rs, final int d, final int ra) {
        return dForm(37, gpr("RS", rs), storeUpdateBase(ra), signed16("D", d));
    }

    public static int stwx(final int rs, final int ra, final int rb) {
        return xForm(151, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stwux(final int rs, final int ra, final int rb) {
        return xForm(183, gpr("RS", rs), storeUpdateBase(ra), gpr("RB", rb), 0);
    }

    public static int std(final int rs, final int ds, final int ra) {
        return dsForm(62, gpr("RS", rs), gpr("RA", ra), ds, 0);
    }

    public static int stdu(final int rs, final int ds, final int ra) {
        return dsForm(62, gpr("RS", rs), storeUpdateBase(ra), ds, 1);
    }

    public static int stdx(final int rs, final int ra, final int rb) {
        return xForm(149, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stdux(final int rs, final int ra, final int rb) {
        return xForm(181, gpr("RS", rs), storeUpdateBase(ra), gpr("RB", rb), 0);
    }

    /** {@code lq RTp,DQ(RA)} (Book III-S in v2.07): RTp is an even register, DQ a multiple of 16. */
    public static int lq(final int rtp, final int dq, final int ra) {
        final int pair = evenPair("RTp", rtp);
        if (pair == ra) {
            throw new IllegalArgumentException("RTp must differ from RA for lq, both were " + ra);
        }
        final int offset = multipleOf("DQ", signedRange("DQ", dq, 16), 16);
        return opcd(56) | field(pair, 10) | field(gpr("RA", ra), 15) | (offset & 0xfff0);
    }

    /** {@code stq RSp,DS(RA)}: RSp is an even register. */
    public static int stq(final int rsp, final int ds, final int ra) {
        return dsForm(62, evenPair("RSp", rsp), gpr("RA", ra), ds, 2);
    }

    public static int lhbrx(final int rt, final int ra, final int rb) {
        return xForm(790, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lwbrx(final int rt, final int ra, final int rb) {
        return xForm(534, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int ldbrx(final int rt, final int ra, final int rb) {
        return xForm(532, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int sthbrx(final int rs, final int ra, final int rb) {
        return xForm(918, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stwbrx(final int rs, final int ra, final int rb) {
        return xForm(662, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int stdbrx(final int rs, final int ra, final int rb) {
        return xForm(660, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 0);
    }

    /** {@code lmw RT,D(RA)}: RA must not be among the registers loaded (RT..31). */
    public static int lmw(final int rt, final int d, final int ra) {
        if (gpr("RA", ra) >= gpr("RT", rt)) {
            throw new IllegalArgumentException("RA must be below RT for lmw (RT..31 are loaded), was RA=" + ra
                    + ", RT=" + rt);
        }
        return dForm(46, rt, ra, signed16("D", d));
    }

    public static int stmw(final int rs, final int d, final int ra) {
        return dForm(47, gpr("RS", rs), gpr("RA", ra), signed16("D", d));
    }

    /** {@code lswi RT,RA,NB}: NB=0 means 32 bytes; RA (even RA=0) must not be among the registers loaded. */
    public static int lswi(final int rt, final int ra, final int nb) {
        final int bytes = unsigned("NB", nb, 5) == 0 ? 32 : nb;
        final int registers = (bytes + 3) / 4;
        if (((gpr("RA", ra) - gpr("RT", rt)) & 31) < registers) {
            throw new IllegalArgumentException("RA must not be among the " + registers
                    + " registers lswi loads from RT=" + rt + ", was RA=" + ra);
        }
        return xForm(597, rt, ra, nb, 0);
    }

    /** {@code lswx RT,RA,RB}: RT must differ from RA and RB. */
    public static int lswx(final int rt, final int ra, final int rb) {
        if (gpr("RT", rt) == gpr("RA", ra) || rt == gpr("RB", rb)) {
            throw new IllegalArgumentException("RT must differ from RA and RB for lswx, was RT=" + rt + ", RA=" + ra
                    + ", RB=" + rb);
        }
        return xForm(533, rt, ra, rb, 0);
    }

    public static int stswi(final int rs, final int ra, final int nb) {
        return xForm(725, gpr("RS", rs), gpr("RA", ra), unsigned("NB", nb, 5), 0);
    }

    public static int stswx(final int rs, final int ra, final int rb) {
        return xForm(661, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixed-point arithmetic (Book I, 3.3.9): XO-form with the four Rc/OE variants, then D-form immediates
    // ---------------------------------------------------------------------------------------------------------

    public static int add(final int rt, final int ra, final int rb) {
        return xoForm(266, rt, ra, rb, 0, 0);
    }

    public static int add_(final int rt, final int ra, final int rb) {
        return xoForm(266, rt, ra, rb, 0, 1);
    }

    public static int addo(final int rt, final int ra, final int rb) {
        return xoForm(266, rt, ra, rb, 1, 0);
    }

    public static int addo_(final int rt, final int ra, final int rb) {
        return xoForm(266, rt, ra, rb, 1, 1);
    }

    public static int addc(final int rt, final int ra, final int rb) {
        return xoForm(10, rt, ra, rb, 0, 0);
    }

    public static int addc_(final int rt, final int ra, final int rb) {
        return xoForm(10, rt, ra, rb, 0, 1);
    }

    public static int addco(final int rt, final int ra, final int rb) {
        return xoForm(10, rt, ra, rb, 1, 0);
    }

    public static int addco_(final int rt, final int ra, final int rb) {
        return xoForm(10, rt, ra, rb, 1, 1);
    }

    public static int adde(final int rt, final int ra, final int rb) {
        return xoForm(138, rt, ra, rb, 0, 0);
    }

    public static int adde_(final int rt, final int ra, final int rb) {
        return xoForm(138, rt, ra, rb, 0, 1);
    }

    public static int addeo(final int rt, final int ra, final int rb) {
        return xoForm(138, rt, ra, rb, 1, 0);
    }

    public static int addeo_(final int rt, final int ra, final int rb) {
        return xoForm(138, rt, ra, rb, 1, 1);
    }

    public static int addme(final int rt, final int ra) {
        return xoForm(234, rt, ra, 0, 0, 0);
    }

    public static int addme_(final int rt, final int ra) {
        return xoForm(234, rt, ra, 0, 0, 1);
    }

    public static int addmeo(final int rt, final int ra) {
        return xoForm(234, rt, ra, 0, 1, 0);
    }

    public static int addmeo_(final int rt, final int ra) {
        return xoForm(234, rt, ra, 0, 1, 1);
    }

    public static int addze(final int rt, final int ra) {
        return xoForm(202, rt, ra, 0, 0, 0);
    }

    public static int addze_(final int rt, final int ra) {
        return xoForm(202, rt, ra, 0, 0, 1);
    }

    public static int addzeo(final int rt, final int ra) {
        return xoForm(202, rt, ra, 0, 1, 0);
    }

    public static int addzeo_(final int rt, final int ra) {
        return xoForm(202, rt, ra, 0, 1, 1);
    }

    public static int subf(final int rt, final int ra, final int rb) {
        return xoForm(40, rt, ra, rb, 0, 0);
    }

    public static int subf_(final int rt, final int ra, final int rb) {
        return xoForm(40, rt, ra, rb, 0, 1);
    }

    public static int subfo(final int rt, final int ra, final int rb) {
        return xoForm(40, rt, ra, rb, 1, 0);
    }

    public static int subfo_(final int rt, final int ra, final int rb) {
        return xoForm(40, rt, ra, rb, 1, 1);
    }

    public static int subfc(final int rt, final int ra, final int rb) {
        return xoForm(8, rt, ra, rb, 0, 0);
    }

    public static int subfc_(final int rt, final int ra, final int rb) {
        return xoForm(8, rt, ra, rb, 0, 1);
    }

    public static int subfco(final int rt, final int ra, final int rb) {
        return xoForm(8, rt, ra, rb, 1, 0);
    }

    public static int subfco_(final int rt, final int ra, final int rb) {
        return xoForm(8, rt, ra, rb, 1, 1);
    }

    public static int subfe(final int rt, final int ra, final int rb) {
        return xoForm(136, rt, ra, rb, 0, 0);
    }

    public static int subfe_(final int rt, final int ra, final int rb) {
        return xoForm(136, rt, ra, rb, 0, 1);
    }

    public static int subfeo(final int rt, final int ra, final int rb) {
        return xoForm(136, rt, ra, rb, 1, 0);
    }

    public static int subfeo_(final int rt, final int ra, final int rb) {
        return xoForm(136, rt, ra, rb, 1, 1);
    }

    public static int subfme(final int rt, final int ra) {
        return xoForm(232, rt, ra, 0, 0, 0);
    }

    public static int subfme_(final int rt, final int ra) {
        return xoForm(232, rt, ra, 0, 0, 1);
    }

    public static int subfmeo(final int rt, final int ra) {
        return xoForm(232, rt, ra, 0, 1, 0);
    }

    public static int subfmeo_(final int rt, final int ra) {
        return xoForm(232, rt, ra, 0, 1, 1);
    }

    public static int subfze(final int rt, final int ra) {
        return xoForm(200, rt, ra, 0, 0, 0);
    }

    public static int subfze_(final int rt, final int ra) {
        return xoForm(200, rt, ra, 0, 0, 1);
    }

    public static int subfzeo(final int rt, final int ra) {
        return xoForm(200, rt, ra, 0, 1, 0);
    }

    public static int subfzeo_(final int rt, final int ra) {
        return xoForm(200, rt, ra, 0, 1, 1);
    }

    public static int neg(final int rt, final int ra) {
        return xoForm(104, rt, ra, 0, 0, 0);
    }

    public static int neg_(final int rt, final int ra) {
        return xoForm(104, rt, ra, 0, 0, 1);
    }

    public static int nego(final int rt, final int ra) {
        return xoForm(104, rt, ra, 0, 1, 0);
    }

    public static int nego_(final int rt, final int ra) {
        return xoForm(104, rt, ra, 0, 1, 1);
    }

    public static int mullw(final int rt, final int ra, final int rb) {
        return xoForm(235, rt, ra, rb, 0, 0);
    }

    public static int mullw_(final int rt, final int ra, final int rb) {
        return xoForm(235, rt, ra, rb, 0, 1);
    }

    public static int mullwo(final int rt, final int ra, final int rb) {
        return xoForm(235, rt, ra, rb, 1, 0);
    }

    public static int mullwo_(final int rt, final int ra, final int rb) {
        return xoForm(235, rt, ra, rb, 1, 1);
    }

    public static int mulld(final int rt, final int ra, final int rb) {
        return xoForm(233, rt, ra, rb, 0, 0);
    }

    public static int mulld_(final int rt, final int ra, final int rb) {
        return xoForm(233, rt, ra, rb, 0, 1);
    }

    public static int mulldo(final int rt, final int ra, final int rb) {
        return xoForm(233, rt, ra, rb, 1, 0);
    }

    public static int mulldo_(final int rt, final int ra, final int rb) {
        return xoForm(233, rt, ra, rb, 1, 1);
    }

    public static int mulhw(final int rt, final int ra, final int rb) {
        return xoForm(75, rt, ra, rb, 0, 0);
    }

    public static int mulhw_(final int rt, final int ra, final int rb) {
        return xoForm(75, rt, ra, rb, 0, 1);
    }

    public static int mulhwu(final int rt, final int ra, final int rb) {
        return xoForm(11, rt, ra, rb, 0, 0);
    }

    public static int mulhwu_(final int rt, final int ra, final int rb) {
        return xoForm(11, rt, ra, rb, 0, 1);
    }

    public static int mulhd(final int rt, final int ra, final int rb) {
        return xoForm(73, rt, ra, rb, 0, 0);
    }

    public static int mulhd_(final int rt, final int ra, final int rb) {
        return xoForm(73, rt, ra, rb, 0, 1);
    }

    public static int mulhdu(final int rt, final int ra, final int rb) {
        return xoForm(9, rt, ra, rb, 0, 0);
    }

    public static int mulhdu_(final int rt, final int ra, final int rb) {
        return xoForm(9, rt, ra, rb, 0, 1);
    }

    public static int divw(final int rt, final int ra, final int rb) {
        return xoForm(491, rt, ra, rb, 0, 0);
    }

    public static int divw_(final int rt, final int ra, final int rb) {
        return xoForm(491, rt, ra, rb, 0, 1);
    }

    public static int divwo(final int rt, final int ra, final int rb) {
        return xoForm(491, rt, ra, rb, 1, 0);
    }

    public static int divwo_(final int rt, final int ra, final int rb) {
        return xoForm(491, rt, ra, rb, 1, 1);
    }

    public static int divwu(final int rt, final int ra, final int rb) {
        return xoForm(459, rt, ra, rb, 0, 0);
    }

    public static int divwu_(final int rt, final int ra, final int rb) {
        return xoForm(459, rt, ra, rb, 0, 1);
    }

    public static int divwuo(final int rt, final int ra, final int rb) {
        return xoForm(459, rt, ra, rb, 1, 0);
    }

    public static int divwuo_(final int rt, final int ra, final int rb) {
        return xoForm(459, rt, ra, rb, 1, 1);
    }

    public static int divd(final int rt, final int ra, final int rb) {
        return xoForm(489, rt, ra, rb, 0, 0);
    }

    public static int divd_(final int rt, final int ra, final int rb) {
        return xoForm(489, rt, ra, rb, 0, 1);
    }

    public static int divdo(final int rt, final int ra, final int rb) {
        return xoForm(489, rt, ra, rb, 1, 0);
    }

    public static int divdo_(final int rt, final int ra, final int rb) {
        return xoForm(489, rt, ra, rb, 1, 1);
    }

    public static int divdu(final int rt, final int ra, final int rb) {
        return xoForm(457, rt, ra, rb, 0, 0);
    }

    public static int divdu_(final int rt, final int ra, final int rb) {
        return xoForm(457, rt, ra, rb, 0, 1);
    }

    public static int divduo(final int rt, final int ra, final int rb) {
        return xoForm(457, rt, ra, rb, 1, 0);
    }

    public static int divduo_(final int rt, final int ra, final int rb) {
        return xoForm(457, rt, ra, rb, 1, 1);
    }

    public static int divwe(final int rt, final int ra, final int rb) {
        return xoForm(427, rt, ra, rb, 0, 0);
    }

    public static int divwe_(final int rt, final int ra, final int rb) {
        return xoForm(427, rt, ra, rb, 0, 1);
    }

    public static int divweo(final int rt, final int ra, final int rb) {
        return xoForm(427, rt, ra, rb, 1, 0);
    }

    public static int divweo_(final int rt, final int ra, final int rb) {
        return xoForm(427, rt, ra, rb, 1, 1);
    }

    public static int divweu(final int rt, final int ra, final int rb) {
        return xoForm(395, rt, ra, rb, 0, 0);
    }

    public static int divweu_(final int rt, final int ra, final int rb) {
        return xoForm(395, rt, ra, rb, 0, 1);
    }

    public static int divweuo(final int rt, final int ra, final int rb) {
        return xoForm(395, rt, ra, rb, 1, 0);
    }

    public static int divweuo_(final int rt, final int ra, final int rb) {
        return xoForm(395, rt, ra, rb, 1, 1);
    }

    public static int divde(final int rt, final int ra, final int rb) {
        return xoForm(425, rt, ra, rb, 0, 0);
    }

    public static int divde_(final int rt, final int ra, final int rb) {
        return xoForm(425, rt, ra, rb, 0, 1);
    }

    public static int divdeo(final int rt, final int ra, final int rb) {
        return xoForm(425, rt, ra, rb, 1, 0);
    }

    public static int divdeo_(final int rt, final int ra, final int rb) {
        return xoForm(425, rt, ra, rb, 1, 1);
    }

    public static int divdeu(final int rt, final int ra, final int rb) {
        return xoForm(393, rt, ra, rb, 0, 0);
    }

    public static int divdeu_(final int rt, final int ra, final int rb) {
        return xoForm(393, rt, ra, rb, 0, 1);
    }

    public static int divdeuo(final int rt, final int ra, final int rb) {
        return xoForm(393, rt, ra, rb, 1, 0);
    }

    public static int divdeuo_(final int rt, final int ra, final int rb) {
        return xoForm(393, rt, ra, rb, 1, 1);
    }

    /** {@code modsw} (ISA v3.0). */
    public static int modsw(final int rt, final int ra, final int rb) {
        return xForm(779, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    /** {@code moduw} (ISA v3.0). */
    public static int moduw(final int rt, final int ra, final int rb) {
        return xForm(267, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    /** {@code modsd} (ISA v3.0). */
    public static int modsd(final int rt, final int ra, final int rb) {
        return xForm(777, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    /** {@code modud} (ISA v3.0). */
    public static int modud(final int rt, final int ra, final int rb) {
        return xForm(265, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int addi(final int rt, final int ra, final int si) {
        return dForm(14, gpr("RT", rt), gpr("RA", ra), signed16("SI", si));
    }

    /** {@code addis}: like GNU as, SI may also be given as an unsigned 16-bit pattern (0..0xffff). */
    public static int addis(final int rt, final int ra, final int si) {
        return dForm(15, gpr("RT", rt), gpr("RA", ra), signedOrUnsigned16("SI", si));
    }

    public static int addic(final int rt, final int ra, final int si) {
        return dForm(12, gpr("RT", rt), gpr("RA", ra), signed16("SI", si));
    }

    public static int addic_(final int rt, final int ra, final int si) {
        return dForm(13, gpr("RT", rt), gpr("RA", ra), signed16("SI", si));
    }

    public static int subfic(final int rt, final int ra, final int si) {
        return dForm(8, gpr("RT", rt), gpr("RA", ra), signed16("SI", si));
    }

    public static int mulli(final int rt, final int ra, final int si) {
        return dForm(7, gpr("RT", rt), gpr("RA", ra), signed16("SI", si));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixed-point compare and trap (Book I, 3.3.10 - 3.3.11)
    // ---------------------------------------------------------------------------------------------------------

    public static int cmp(final int bf, final int l, final int ra, final int rb) {
        return xForm(0, compareTarget(bf, l), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int cmpl(final int bf, final int l, final int ra, final int rb) {
        return xForm(32, compareTarget(bf, l), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int cmpi(final int bf, final int l, final int ra, final int si) {
        return dForm(11, compareTarget(bf, l), gpr("RA", ra), signed16("SI", si));
    }

    public static int cmpli(final int bf, final int l, final int ra, final int ui) {
        return dForm(10, compareTarget(bf, l), gpr("RA", ra), unsigned("UI", ui, 16));
    }

    public static int tw(final int to, final int ra, final int rb) {
        return xForm(4, unsigned("TO", to, 5), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int twi(final int to, final int ra, final int si) {
        return dForm(3, unsigned("TO", to, 5), gpr("RA", ra), signed16("SI", si));
    }

    public static int td(final int to, final int ra, final int rb) {
        return xForm(68, unsigned("TO", to, 5), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int tdi(final int to, final int ra, final int si) {
        return dForm(2, unsigned("TO", to, 5), gpr("RA", ra), signed16("SI", si));
    }

    /** {@code isel RT,RA,RB,BC} (A-form): RT = CR[BC] ? (RA|0) : RB. */
    public static int isel(final int rt, final int ra, final int rb, final int bc) {
        return opcd(31) | field(gpr("RT", rt), 10) | field(gpr("RA", ra), 15) | field(gpr("RB", rb), 20)
                | field(crBit("BC", bc), 25) | field(15, 30);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixed-point logical (Book I, 3.3.13): RS is the source, RA the target
    // ---------------------------------------------------------------------------------------------------------

    public static int andi_(final int ra, final int rs, final int ui) {
        return dForm(28, gpr("RS", rs), gpr("RA", ra), unsigned("UI", ui, 16));
    }

    public static int andis_(final int ra, final int rs, final int ui) {
        return dForm(29, gpr("RS", rs), gpr("RA", ra), unsigned("UI", ui, 16));
    }

    public static int ori(final int ra, final int rs, final int ui) {
        return dForm(24, gpr("RS", rs), gpr("RA", ra), unsigned("UI", ui, 16));
    }

    public static int oris(final int ra, final int rs, final int ui) {
        return dForm(25, gpr("RS", rs), gpr("RA", ra), unsigned("UI", ui, 16));
    }

    public static int xori(final int ra, final int rs, final int ui) {
        return dForm(26, gpr("RS", rs), gpr("RA", ra), unsigned("UI", ui, 16));
    }

    public static int xoris(final int ra, final int rs, final int ui) {
        return dForm(27, gpr("RS", rs), gpr("RA", ra), unsigned("UI", ui, 16));
    }

    public static int and(final int ra, final int rs, final int rb) {
        return logical(28, ra, rs, rb, 0);
    }

    public static int and_(final int ra, final int rs, final int rb) {
        return logical(28, ra, rs, rb, 1);
    }

    public static int andc(final int ra, final int rs, final int rb) {
        return logical(60, ra, rs, rb, 0);
    }

    public static int andc_(final int ra, final int rs, final int rb) {
        return logical(60, ra, rs, rb, 1);
    }

    public static int or(final int ra, final int rs, final int rb) {
        return logical(444, ra, rs, rb, 0);
    }

    public static int or_(final int ra, final int rs, final int rb) {
        return logical(444, ra, rs, rb, 1);
    }

    public static int orc(final int ra, final int rs, final int rb) {
        return logical(412, ra, rs, rb, 0);
    }

    public static int orc_(final int ra, final int rs, final int rb) {
        return logical(412, ra, rs, rb, 1);
    }

    public static int xor(final int ra, final int rs, final int rb) {
        return logical(316, ra, rs, rb, 0);
    }

    public static int xor_(final int ra, final int rs, final int rb) {
        return logical(316, ra, rs, rb, 1);
    }

    public static int nand(final int ra, final int rs, final int rb) {
        return logical(476, ra, rs, rb, 0);
    }

    public static int nand_(final int ra, final int rs, final int rb) {
        return logical(476, ra, rs, rb, 1);
    }

    public static int nor(final int ra, final int rs, final int rb) {
        return logical(124, ra, rs, rb, 0);
    }

    public static int nor_(final int ra, final int rs, final int rb) {
        return logical(124, ra, rs, rb, 1);
    }

    public static int eqv(final int ra, final int rs, final int rb) {
        return logical(284, ra, rs, rb, 0);
    }

    public static int eqv_(final int ra, final int rs, final int rb) {
        return logical(284, ra, rs, rb, 1);
    }

    public static int extsb(final int ra, final int rs) {
        return logical(954, ra, rs, 0, 0);
    }

    public static int extsb_(final int ra, final int rs) {
        return logical(954, ra, rs, 0, 1);
    }

    public static int extsh(final int ra, final int rs) {
        return logical(922, ra, rs, 0, 0);
    }

    public static int extsh_(final int ra, final int rs) {
        return logical(922, ra, rs, 0, 1);
    }

    public static int extsw(final int ra, final int rs) {
        return logical(986, ra, rs, 0, 0);
    }

    public static int extsw_(final int ra, final int rs) {
        return logical(986, ra, rs, 0, 1);
    }

    public static int cntlzw(final int ra, final int rs) {
        return logical(26, ra, rs, 0, 0);
    }

    public static int cntlzw_(final int ra, final int rs) {
        return logical(26, ra, rs, 0, 1);
    }

    public static int cntlzd(final int ra, final int rs) {
        return logical(58, ra, rs, 0, 0);
    }

    public static int cntlzd_(final int ra, final int rs) {
        return logical(58, ra, rs, 0, 1);
    }

    /** {@code cnttzw} (ISA v3.0). */
    public static int cnttzw(final int ra, final int rs) {
        return logical(538, ra, rs, 0, 0);
    }

    public static int cnttzw_(final int ra, final int rs) {
        return logical(538, ra, rs, 0, 1);
    }

    /** {@code cnttzd} (ISA v3.0). */
    public static int cnttzd(final int ra, final int rs) {
        return logical(570, ra, rs, 0, 0);
    }

    public static int cnttzd_(final int ra, final int rs) {
        return logical(570, ra, rs, 0, 1);
    }

    public static int popcntb(final int ra, final int rs) {
        return logical(122, ra, rs, 0, 0);
    }

    public static int popcntw(final int ra, final int rs) {
        return logical(378, ra, rs, 0, 0);
    }

    public static int popcntd(final int ra, final int rs) {
        return logical(506, ra, rs, 0, 0);
    }

    public static int prtyw(final int ra, final int rs) {
        return logical(154, ra, rs, 0, 0);
    }

    public static int prtyd(final int ra, final int rs) {
        return logical(186, ra, rs, 0, 0);
    }

    public static int cmpb(final int ra, final int rs, final int rb) {
        return logical(508, ra, rs, rb, 0);
    }

    public static int bpermd(final int ra, final int rs, final int rb) {
        return logical(252, ra, rs, rb, 0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixed-point rotate and shift (Book I, 3.3.14)
    // ---------------------------------------------------------------------------------------------------------

    public static int rlwinm(final int ra, final int rs, final int sh, final int mb, final int me) {
        return mForm(21, ra, rs, unsigned("SH", sh, 5), mb, me, 0);
    }

    public static int rlwinm_(final int ra, final int rs, final int sh, final int mb, final int me) {
        return mForm(21, ra, rs, unsigned("SH", sh, 5), mb, me, 1);
    }

    public static int rlwnm(final int ra, final int rs, final int rb, final int mb, final int me) {
        return mForm(23, ra, rs, gpr("RB", rb), mb, me, 0);
    }

    public static int rlwnm_(final int ra, final int rs, final int rb, final int mb, final int me) {
        return mForm(23, ra, rs, gpr("RB", rb), mb, me, 1);
    }

    public static int rlwimi(final int ra, final int rs, final int sh, final int mb, final int me) {
        return mForm(20, ra, rs, unsigned("SH", sh, 5), mb, me, 0);
    }

    public static int rlwimi_(final int ra, final int rs, final int sh, final int mb, final int me) {
        return mForm(20, ra, rs, unsigned("SH", sh, 5), mb, me, 1);
    }

    public static int rldicl(final int ra, final int rs, final int sh, final int mb) {
        return mdForm(0, ra, rs, sh, "MB", mb, 0);
    }

    public static int rldicl_(final int ra, final int rs, final int sh, final int mb) {
        return mdForm(0, ra, rs, sh, "MB", mb, 1);
    }

    public static int rldicr(final int ra, final int rs, final int sh, final int me) {
        return mdForm(1, ra, rs, sh, "ME", me, 0);
    }

    public static int rldicr_(final int ra, final int rs, final int sh, final int me) {
        return mdForm(1, ra, rs, sh, "ME", me, 1);
    }

    public static int rldic(final int ra, final int rs, final int sh, final int mb) {
        return mdForm(2, ra, rs, sh, "MB", mb, 0);
    }

    public static int rldic_(final int ra, final int rs, final int sh, final int mb) {
        return mdForm(2, ra, rs, sh, "MB", mb, 1);
    }

    public static int rldimi(final int ra, final int rs, final int sh, final int mb) {
        return mdForm(3, ra, rs, sh, "MB", mb, 0);
    }

    public static int rldimi_(final int ra, final int rs, final int sh, final int mb) {
        return mdForm(3, ra, rs, sh, "MB", mb, 1);
    }

    public static int rldcl(final int ra, final int rs, final int rb, final int mb) {
        return mdsForm(8, ra, rs, rb, "MB", mb, 0);
    }

    public static int rldcl_(final int ra, final int rs, final int rb, final int mb) {
        return mdsForm(8, ra, rs, rb, "MB", mb, 1);
    }

    public static int rldcr(final int ra, final int rs, final int rb, final int me) {
        return mdsForm(9, ra, rs, rb, "ME", me, 0);
    }

    public static int rldcr_(final int ra, final int rs, final int rb, final int me) {
        return mdsForm(9, ra, rs, rb, "ME", me, 1);
    }

    public static int slw(final int ra, final int rs, final int rb) {
        return logical(24, ra, rs, rb, 0);
    }

    public static int slw_(final int ra, final int rs, final int rb) {
        return logical(24, ra, rs, rb, 1);
    }

    public static int srw(final int ra, final int rs, final int rb) {
        return logical(536, ra, rs, rb, 0);
    }

    public static int srw_(final int ra, final int rs, final int rb) {
        return logical(536, ra, rs, rb, 1);
    }

    public static int sraw(final int ra, final int rs, final int rb) {
        return logical(792, ra, rs, rb, 0);
    }

    public static int sraw_(final int ra, final int rs, final int rb) {
        return logical(792, ra, rs, rb, 1);
    }

    public static int srawi(final int ra, final int rs, final int sh) {
        return xForm(824, gpr("RS", rs), gpr("RA", ra), unsigned("SH", sh, 5), 0);
    }

    public static int srawi_(final int ra, final int rs, final int sh) {
        return xForm(824, gpr("RS", rs), gpr("RA", ra), unsigned("SH", sh, 5), 1);
    }

    public static int sld(final int ra, final int rs, final int rb) {
        return logical(27, ra, rs, rb, 0);
    }

    public static int sld_(final int ra, final int rs, final int rb) {
        return logical(27, ra, rs, rb, 1);
    }

    public static int srd(final int ra, final int rs, final int rb) {
        return logical(539, ra, rs, rb, 0);
    }

    public static int srd_(final int ra, final int rs, final int rb) {
        return logical(539, ra, rs, rb, 1);
    }

    public static int srad(final int ra, final int rs, final int rb) {
        return logical(794, ra, rs, rb, 0);
    }

    public static int srad_(final int ra, final int rs, final int rb) {
        return logical(794, ra, rs, rb, 1);
    }

    public static int sradi(final int ra, final int rs, final int sh) {
        return xsForm(413, ra, rs, sh, 0);
    }

    public static int sradi_(final int ra, final int rs, final int sh) {
        return xsForm(413, ra, rs, sh, 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Move to/from system registers and the CR (Book I 3.3.17, Book III-S)
    // ---------------------------------------------------------------------------------------------------------

    public static int mfcr(final int rt) {
        return xForm(19, gpr("RT", rt), 0, 0, 0);
    }

    /** {@code mfocrf RT,FXM}: FXM selects exactly one CR field (bit 0x80 is CR0). */
    public static int mfocrf(final int rt, final int fxm) {
        return opcd(31) | field(gpr("RT", rt), 10) | field(1, 11) | field(oneField(fxm), 19) | field(19, 30);
    }

    public static int mtcrf(final int fxm, final int rs) {
        return opcd(31) | field(gpr("RS", rs), 10) | field(unsigned("FXM", fxm, 8), 19) | field(144, 30);
    }

    public static int mtocrf(final int fxm, final int rs) {
        return opcd(31) | field(gpr("RS", rs), 10) | field(1, 11) | field(oneField(fxm), 19) | field(144, 30);
    }

    /** {@code mfspr RT,SPR}: the SPR number's two 5-bit halves are swapped in the instruction (Book I 3.3.17). */
    public static int mfspr(final int rt, final int spr) {
        return xfxSpr(339, gpr("RT", rt), spr);
    }

    public static int mtspr(final int spr, final int rs) {
        return xfxSpr(467, gpr("RS", rs), spr);
    }

    /**
     * {@code mftb RT}: like GNU as for POWER4 and later this is {@code mfspr RT,268}, not the phased-out
     * {@code mftb} X-form (31/371).
     */
    public static int mftb(final int rt) {
        return mfspr(rt, 268);
    }

    /** {@code mftb RT,TBR} with TBR 268 (TB) or 269 (TBU), encoded as {@code mfspr}. */
    public static int mftb(final int rt, final int tbr) {
        if (tbr != 268 && tbr != 269) {
            throw new IllegalArgumentException("TBR must be 268 (TB) or 269 (TBU), was " + tbr);
        }
        return mfspr(rt, tbr);
    }

    public static int mfmsr(final int rt) {
        return xForm(83, gpr("RT", rt), 0, 0, 0);
    }

    public static int mtmsr(final int rs) {
        return mtmsr(rs, 0);
    }

    /** {@code mtmsr RS,L}: L=1 changes only MSR[EE,RI]. */
    public static int mtmsr(final int rs, final int l) {
        return xForm(146, gpr("RS", rs), unsigned("L", l, 1), 0, 0);
    }

    public static int mtmsrd(final int rs) {
        return mtmsrd(rs, 0);
    }

    /** {@code mtmsrd RS,L}: L=1 changes only MSR[EE,RI]. */
    public static int mtmsrd(final int rs, final int l) {
        return xForm(178, gpr("RS", rs), unsigned("L", l, 1), 0, 0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Storage control and synchronisation (Book II, chapters 4 and 5)
    // ---------------------------------------------------------------------------------------------------------

    public static int sync() {
        return sync(0);
    }

    /** {@code sync L}: 0 heavyweight, 1 lwsync, 2 ptesync; 3 is reserved. */
    public static int sync(final int l) {
        if (l < 0 || l > 2) {
            throw new IllegalArgumentException("L must be 0..2 (3 is reserved), was " + l);
        }
        return xForm(598, l, 0, 0, 0);
    }

    public static int lwsync() {
        return sync(1);
    }

    public static int ptesync() {
        return sync(2);
    }

    public static int eieio() {
        return xForm(854, 0, 0, 0, 0);
    }

    public static int isync() {
        return opcd(19) | field(150, 30);
    }

    public static int dcbz(final int ra, final int rb) {
        return xForm(1014, 0, gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int dcbt(final int ra, final int rb) {
        return dcbt(ra, rb, 0);
    }

    /** {@code dcbt RA,RB,TH} in the server operand order (TH last). */
    public static int dcbt(final int ra, final int rb, final int th) {
        return xForm(278, unsigned("TH", th, 5), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int dcbtst(final int ra, final int rb) {
        return dcbtst(ra, rb, 0);
    }

    public static int dcbtst(final int ra, final int rb, final int th) {
        return xForm(246, unsigned("TH", th, 5), gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int dcbst(final int ra, final int rb) {
        return xForm(54, 0, gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int dcbf(final int ra, final int rb) {
        return dcbf(ra, rb, 0);
    }

    /** {@code dcbf RA,RB,L}: L is 0, 1 (dcbfl) or 3 (dcbflp); 2 is reserved. */
    public static int dcbf(final int ra, final int rb, final int l) {
        if (l < 0 || l > 3 || l == 2) {
            throw new IllegalArgumentException("L must be 0, 1 or 3, was " + l);
        }
        return xForm(86, l, gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int icbi(final int ra, final int rb) {
        return xForm(982, 0, gpr("RA", ra), gpr("RB", rb), 0);
    }

    public static int lbarx(final int rt, final int ra, final int rb) {
        return lbarx(rt, ra, rb, 0);
    }

    /** {@code lbarx RT,RA,RB,EH}: EH=1 hints that the reservation is for a lock acquisition. */
    public static int lbarx(final int rt, final int ra, final int rb, final int eh) {
        return xForm(52, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), unsigned("EH", eh, 1));
    }

    public static int lharx(final int rt, final int ra, final int rb) {
        return lharx(rt, ra, rb, 0);
    }

    public static int lharx(final int rt, final int ra, final int rb, final int eh) {
        return xForm(116, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), unsigned("EH", eh, 1));
    }

    public static int lwarx(final int rt, final int ra, final int rb) {
        return lwarx(rt, ra, rb, 0);
    }

    public static int lwarx(final int rt, final int ra, final int rb, final int eh) {
        return xForm(20, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), unsigned("EH", eh, 1));
    }

    public static int ldarx(final int rt, final int ra, final int rb) {
        return ldarx(rt, ra, rb, 0);
    }

    public static int ldarx(final int rt, final int ra, final int rb, final int eh) {
        return xForm(84, gpr("RT", rt), gpr("RA", ra), gpr("RB", rb), unsigned("EH", eh, 1));
    }

    public static int lqarx(final int rtp, final int ra, final int rb) {
        return lqarx(rtp, ra, rb, 0);
    }

    /** {@code lqarx RTp,RA,RB,EH}: RTp is an even register and must differ from RA and RB. */
    public static int lqarx(final int rtp, final int ra, final int rb, final int eh) {
        if (evenPair("RTp", rtp) == gpr("RA", ra) || rtp == gpr("RB", rb)) {
            throw new IllegalArgumentException("RTp must differ from RA and RB for lqarx, was RTp=" + rtp + ", RA="
                    + ra + ", RB=" + rb);
        }
        return xForm(276, rtp, ra, rb, unsigned("EH", eh, 1));
    }

    public static int stbcx_(final int rs, final int ra, final int rb) {
        return xForm(694, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 1);
    }

    public static int sthcx_(final int rs, final int ra, final int rb) {
        return xForm(726, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 1);
    }

    public static int stwcx_(final int rs, final int ra, final int rb) {
        return xForm(150, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 1);
    }

    public static int stdcx_(final int rs, final int ra, final int rb) {
        return xForm(214, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), 1);
    }

    public static int stqcx_(final int rsp, final int ra, final int rb) {
        return xForm(182, evenPair("RSp", rsp), gpr("RA", ra), gpr("RB", rb), 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Hypervisor/supervisor instructions (Book III-S): return from interrupt, TLB and SLB management
    // ---------------------------------------------------------------------------------------------------------

    public static int rfid() {
        return opcd(19) | field(18, 30);
    }

    public static int hrfid() {
        return opcd(19) | field(274, 30);
    }

    /** {@code attn}: the POWER processor's "support processor attention" word, 0x00000200. */
    public static int attn() {
        return field(256, 30);
    }

    /** {@code tlbie RB,RS} (v2.07: RS holds the LPID; L is in RB). */
    public static int tlbie(final int rb, final int rs) {
        return xForm(306, gpr("RS", rs), 0, gpr("RB", rb), 0);
    }

    /** {@code tlbiel RB,L} (v2.07): L=1 selects a large page; the bit is the low bit of v3.0's RS field. */
    public static int tlbiel(final int rb, final int l) {
        return xForm(274, unsigned("L", l, 1), 0, gpr("RB", rb), 0);
    }

    public static int tlbsync() {
        return xForm(566, 0, 0, 0, 0);
    }

    public static int slbmte(final int rs, final int rb) {
        return xForm(402, gpr("RS", rs), 0, gpr("RB", rb), 0);
    }

    public static int slbmfee(final int rt, final int rb) {
        return xForm(915, gpr("RT", rt), 0, gpr("RB", rb), 0);
    }

    public static int slbmfev(final int rt, final int rb) {
        return xForm(851, gpr("RT", rt), 0, gpr("RB", rb), 0);
    }

    public static int slbie(final int rb) {
        return xForm(434, 0, 0, gpr("RB", rb), 0);
    }

    public static int slbia() {
        return slbia(0);
    }

    /** {@code slbia IH}: the invalidation hint sits in bits 8:10. */
    public static int slbia(final int ih) {
        return xForm(498, unsigned("IH", ih, 3), 0, 0, 0);
    }

    public static int slbfee_(final int rt, final int rb) {
        return xForm(979, gpr("RT", rt), 0, gpr("RB", rb), 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Extended mnemonics (Book I appendix C, Book III-S appendix)
    // ---------------------------------------------------------------------------------------------------------

    /** {@code nop}: the preferred no-op, {@code ori 0,0,0}. */
    public static int nop() {
        return ori(0, 0, 0);
    }

    public static int li(final int rt, final int si) {
        return addi(rt, 0, si);
    }

    public static int lis(final int rt, final int si) {
        return addis(rt, 0, si);
    }

    public static int mr(final int ra, final int rs) {
        return or(ra, rs, rs);
    }

    public static int trap() {
        return tw(31, 0, 0);
    }

    public static int blr() {
        return bclr(20, 0);
    }

    public static int blrl() {
        return bclrl(20, 0);
    }

    public static int bctr() {
        return bcctr(20, 0);
    }

    public static int bctrl() {
        return bcctrl(20, 0);
    }

    public static int mtxer(final int rs) {
        return mtspr(1, rs);
    }

    public static int mfxer(final int rt) {
        return mfspr(rt, 1);
    }

    public static int mtlr(final int rs) {
        return mtspr(8, rs);
    }

    public static int mflr(final int rt) {
        return mfspr(rt, 8);
    }

    public static int mtctr(final int rs) {
        return mtspr(9, rs);
    }

    public static int mfctr(final int rt) {
        return mfspr(rt, 9);
    }

    public static int mtsdr1(final int rs) {
        return mtspr(25, rs);
    }

    public static int cmpw(final int ra, final int rb) {
        return cmp(0, 0, ra, rb);
    }

    public static int cmpw(final int bf, final int ra, final int rb) {
        return cmp(bf, 0, ra, rb);
    }

    public static int cmpd(final int ra, final int rb) {
        return cmp(0, 1, ra, rb);
    }

    public static int cmpd(final int bf, final int ra, final int rb) {
        return cmp(bf, 1, ra, rb);
    }

    public static int cmplw(final int ra, final int rb) {
        return cmpl(0, 0, ra, rb);
    }

    public static int cmplw(final int bf, final int ra, final int rb) {
        return cmpl(bf, 0, ra, rb);
    }

    public static int cmpld(final int ra, final int rb) {
        return cmpl(0, 1, ra, rb);
    }

    public static int cmpld(final int bf, final int ra, final int rb) {
        return cmpl(bf, 1, ra, rb);
    }

    public static int cmpwi(final int ra, final int si) {
        return cmpi(0, 0, ra, si);
    }

    public static int cmpwi(final int bf, final int ra, final int si) {
        return cmpi(bf, 0, ra, si);
    }

    public static int cmpdi(final int ra, final int si) {
        return cmpi(0, 1, ra, si);
    }

    public static int cmpdi(final int bf, final int ra, final int si) {
        return cmpi(bf, 1, ra, si);
    }

    public static int cmplwi(final int ra, final int ui) {
        return cmpli(0, 0, ra, ui);
    }

    public static int cmplwi(final int bf, final int ra, final int ui) {
        return cmpli(bf, 0, ra, ui);
    }

    public static int cmpldi(final int ra, final int ui) {
        return cmpli(0, 1, ra, ui);
    }

    public static int cmpldi(final int bf, final int ra, final int ui) {
        return cmpli(bf, 1, ra, ui);
    }

    public static int beq(final int offset) {
        return beq(0, offset);
    }

    /** {@code beq crN,target}: branch if CR field {@code bf} has EQ set. */
    public static int beq(final int bf, final int offset) {
        return bc(12, crBitOf(bf, 2), offset);
    }

    public static int bne(final int offset) {
        return bne(0, offset);
    }

    public static int bne(final int bf, final int offset) {
        return bc(4, crBitOf(bf, 2), offset);
    }

    public static int blt(final int offset) {
        return blt(0, offset);
    }

    public static int blt(final int bf, final int offset) {
        return bc(12, crBitOf(bf, 0), offset);
    }

    public static int bge(final int offset) {
        return bge(0, offset);
    }

    public static int bge(final int bf, final int offset) {
        return bc(4, crBitOf(bf, 0), offset);
    }

    public static int bgt(final int offset) {
        return bgt(0, offset);
    }

    public static int bgt(final int bf, final int offset) {
        return bc(12, crBitOf(bf, 1), offset);
    }

    public static int ble(final int offset) {
        return ble(0, offset);
    }

    public static int ble(final int bf, final int offset) {
        return bc(4, crBitOf(bf, 1), offset);
    }

    public static int bso(final int offset) {
        return bso(0, offset);
    }

    public static int bso(final int bf, final int offset) {
        return bc(12, crBitOf(bf, 3), offset);
    }

    public static int bns(final int offset) {
        return bns(0, offset);
    }

    public static int bns(final int bf, final int offset) {
        return bc(4, crBitOf(bf, 3), offset);
    }

    /** {@code bdnz target}: decrement CTR, branch if it is not zero. */
    public static int bdnz(final int offset) {
        return bc(16, 0, offset);
    }

    /** {@code bdz target}: decrement CTR, branch if it is zero. */
    public static int bdz(final int offset) {
        return bc(18, 0, offset);
    }

    public static int slwi(final int ra, final int rs, final int n) {
        return rlwinm(ra, rs, unsigned("N", n, 5), 0, 31 - n);
    }

    public static int srwi(final int ra, final int rs, final int n) {
        return rlwinm(ra, rs, (32 - unsigned("N", n, 5)) & 31, n, 31);
    }

    public static int clrlwi(final int ra, final int rs, final int n) {
        return rlwinm(ra, rs, 0, unsigned("N", n, 5), 31);
    }

    public static int rotlwi(final int ra, final int rs, final int n) {
        return rlwinm(ra, rs, unsigned("N", n, 5), 0, 31);
    }

    public static int sldi(final int ra, final int rs, final int n) {
        return rldicr(ra, rs, unsigned("N", n, 6), 63 - n);
    }

    public static int srdi(final int ra, final int rs, final int n) {
        return rldicl(ra, rs, (64 - unsigned("N", n, 6)) & 63, n);
    }

    public static int clrldi(final int ra, final int rs, final int n) {
        return rldicl(ra, rs, 0, unsigned("N", n, 6));
    }

    public static int rotldi(final int ra, final int rs, final int n) {
        return rldicl(ra, rs, unsigned("N", n, 6), 0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Instruction formats (Book I, 1.6). Bit numbers are the ISA's: bit 0 is the most significant bit of the word.
    // ---------------------------------------------------------------------------------------------------------

    /** Places {@code value} so that its least significant bit lands on ISA bit {@code lsb}. */
    private static int field(final int value, final int lsb) {
        return value << (31 - lsb);
    }

    private static int opcd(final int primary) {
        return field(primary, 5);
    }

    /** D-form: the primary opcode, two 5-bit fields and a 16-bit immediate (already range-checked). */
    private static int dForm(final int primary, final int f6, final int f11, final int imm16) {
        return opcd(primary) | field(f6, 10) | field(f11, 15) | (imm16 & 0xffff);
    }

    /** DS-form: a 14-bit word offset and a 2-bit extended opcode in the low bits. */
    private static int dsForm(final int primary, final int f6, final int ra, final int ds, final int xo) {
        final int offset = multipleOf("DS", signedRange("DS", ds, 16), 4);
        return opcd(primary) | field(f6, 10) | field(ra, 15) | (offset & 0xfffc) | xo;
    }

    /** X-form under primary opcode 31 with a 10-bit extended opcode in bits 21:30. */
    private static int xForm(final int xo, final int f6, final int f11, final int f16, final int bit31) {
        return opcd(31) | field(f6, 10) | field(f11, 15) | field(f16, 20) | field(xo, 30) | bit31;
    }

    /** XO-form: RT, RA, RB, OE in bit 21, a 9-bit extended opcode in bits 22:30, Rc. */
    private static int xoForm(final int xo, final int rt, final int ra, final int rb, final int oe, final int rc) {
        return opcd(31) | field(gpr("RT", rt), 10) | field(gpr("RA", ra), 15) | field(gpr("RB", rb), 20)
                | field(oe, 21) | field(xo, 30) | rc;
    }

    /** The logical, extend, count and shift X-forms: the source RS sits where RT would, the target in RA. */
    private static int logical(final int xo, final int ra, final int rs, final int rb, final int rc) {
        return xForm(xo, gpr("RS", rs), gpr("RA", ra), gpr("RB", rb), rc);
    }

    /** XS-form (sradi): a 6-bit shift split into bits 16:20 and bit 30, a 9-bit extended opcode in 21:29. */
    private static int xsForm(final int xo, final int ra, final int rs, final int sh, final int rc) {
        final int shift = unsigned("SH", sh, 6);
        return opcd(31) | field(gpr("RS", rs), 10) | field(gpr("RA", ra), 15) | field(shift & 31, 20)
                | field(xo, 29) | field(shift >> 5, 30) | rc;
    }

    /** M-form: rlwinm/rlwnm/rlwimi; {@code f16} is SH or RB, already checked. */
    private static int mForm(final int primary, final int ra, final int rs, final int f16, final int mb,
            final int me, final int rc) {
        return opcd(primary) | field(gpr("RS", rs), 10) | field(gpr("RA", ra), 15) | field(f16, 20)
                | field(unsigned("MB", mb, 5), 25) | field(unsigned("ME", me, 5), 30) | rc;
    }

    /** MD-form: the 6-bit SH is split (sh0:4 in 16:20, sh5 in 30), the 6-bit MB/ME is stored rotated. */
    private static int mdForm(final int xo, final int ra, final int rs, final int sh, final String maskName,
            final int mask, final int rc) {
        final int shift = unsigned("SH", sh, 6);
        return opcd(30) | field(gpr("RS", rs), 10) | field(gpr("RA", ra), 15) | field(shift & 31, 20)
                | field(mask6(maskName, mask), 26) | field(xo, 29) | field(shift >> 5, 30) | rc;
    }

    /** MDS-form: like MD with RB in place of SH and a 4-bit extended opcode. */
    private static int mdsForm(final int xo, final int ra, final int rs, final int rb, final String maskName,
            final int mask, final int rc) {
        return opcd(30) | field(gpr("RS", rs), 10) | field(gpr("RA", ra), 15) | field(gpr("RB", rb), 20)
                | field(mask6(maskName, mask), 26) | field(xo, 30) | rc;
    }

    /** A 6-bit MB/ME as MD/MDS forms store it: mb5 || mb0:4, i.e. the low five bits first. */
    private static int mask6(final String name, final int mask) {
        final int m = unsigned(name, mask, 6);
        return ((m & 31) << 1) | (m >> 5);
    }

    /** XFX-form mfspr/mtspr: the 10-bit SPR number goes in with its 5-bit halves swapped. */
    private static int xfxSpr(final int xo, final int f6, final int spr) {
        final int n = unsigned("SPR", spr, 10);
        return opcd(31) | field(f6, 10) | field(((n & 31) << 5) | (n >> 5), 20) | field(xo, 30);
    }

    /** I-form: b, ba, bl, bla. */
    private static int iForm(final int offset, final String name, final int aa, final int lk) {
        if (offset < LI_MIN || offset > LI_MAX) {
            throw new IllegalArgumentException(name + " must be in " + LI_MIN + ".." + LI_MAX + ", was " + offset);
        }
        return opcd(18) | (multipleOf(name, offset, 4) & 0x03fffffc) | field(aa, 30) | lk;
    }

    /** B-form: bc, bca, bcl, bcla. */
    private static int bForm(final int bo, final int bi, final int offset, final String name, final int aa,
            final int lk) {
        final int bd = multipleOf(name, signedRange(name, offset, 16), 4);
        return opcd(16) | field(validBo(bo), 10) | field(crBit("BI", bi), 15) | (bd & 0xfffc) | field(aa, 30) | lk;
    }

    /** XL-form branches to LR, CTR or TAR. */
    private static int xlBranch(final int xo, final int bo, final int bi, final int bh, final int lk) {
        return opcd(19) | field(validBo(bo), 10) | field(crBit("BI", bi), 15) | field(unsigned("BH", bh, 2), 20)
                | field(xo, 30) | lk;
    }

    private static int crLogical(final int xo, final int bt, final int ba, final int bb) {
        return opcd(19) | field(crBit("BT", bt), 10) | field(crBit("BA", ba), 15) | field(crBit("BB", bb), 20)
                | field(xo, 30);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Operand checks
    // ---------------------------------------------------------------------------------------------------------

    private static int unsigned(final String name, final int value, final int bits) {
        final int max = (1 << bits) - 1;
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max + ", was " + value);
        }
        return value;
    }

    private static int signedRange(final String name, final int value, final int bits) {
        final int min = -(1 << (bits - 1));
        final int max = (1 << (bits - 1)) - 1;
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    private static int signed16(final String name, final int value) {
        return signedRange(name, value, 16) & 0xffff;
    }

    private static int signedOrUnsigned16(final String name, final int value) {
        if (value < -0x8000 || value > 0xffff) {
            throw new IllegalArgumentException(name + " must be -32768..65535, was " + value);
        }
        return value & 0xffff;
    }

    private static int multipleOf(final String name, final int value, final int unit) {
        if (value % unit != 0) {
            throw new IllegalArgumentException(name + " must be a multiple of " + unit + ", was " + value);
        }
        return value;
    }

    private static int gpr(final String name, final int reg) {
        return unsigned(name, reg, 5);
    }

    private static int evenPair(final String name, final int reg) {
        if (gpr(name, reg) % 2 != 0) {
            throw new IllegalArgumentException(name + " must be an even register (a register pair), was " + reg);
        }
        return reg;
    }

    private static int crField(final String name, final int bf) {
        return unsigned(name, bf, 3);
    }

    private static int crBit(final String name, final int bit) {
        return unsigned(name, bit, 5);
    }

    /** The CR bit number of bit {@code bitInField} (LT=0, GT=1, EQ=2, SO=3) of CR field {@code bf}. */
    private static int crBitOf(final int bf, final int bitInField) {
        return crField("BF", bf) * 4 + bitInField;
    }

    /** BF (bits 6:8) and L (bit 10) of the compare instructions, as the value of the 5-bit field at bits 6:10. */
    private static int compareTarget(final int bf, final int l) {
        return crField("BF", bf) << 2 | unsigned("L", l, 1);
    }

    private static int oneField(final int fxm) {
        if (Integer.bitCount(unsigned("FXM", fxm, 8)) != 1) {
            throw new IllegalArgumentException("FXM must select exactly one CR field, was 0x"
                    + Integer.toHexString(fxm));
        }
        return fxm;
    }

    /** Loads with update: RA=0 and RA=RT are invalid forms (Book I 3.3.2). */
    private static int loadUpdateBase(final int ra, final int rt) {
        if (gpr("RA", ra) == 0 || ra == gpr("RT", rt)) {
            throw new IllegalArgumentException("RA must be neither 0 nor RT for a load with update, was RA=" + ra
                    + ", RT=" + rt);
        }
        return ra;
    }

    /** Stores with update: RA=0 is an invalid form (Book I 3.3.3). */
    private static int storeUpdateBase(final int ra) {
        if (gpr("RA", ra) == 0) {
            throw new IllegalArgumentException("RA must not be 0 for a store with update");
        }
        return ra;
    }

    /**
     * BO encodings (Book I 2.4, figure "BO field encodings"): "z" bits must be zero and the "at" hint 0b01 is
     * reserved. The value with BO bit 0 as its most significant bit: 0b1z1zz allows only 0b10100 (always).
     */
    private static int validBo(final int bo) {
        final boolean valid = switch (unsigned("BO", bo, 5) & 0b10100) {
            case 0b00000 -> (bo & 0b00001) == 0;
            case 0b00100 -> (bo & 0b00011) != 0b00001;
            case 0b10000 -> (bo & 0b01001) != 0b00001;
            default -> bo == 0b10100;
        };
        if (!valid) {
            throw new IllegalArgumentException("BO must be a defined encoding (z bits 0, at hint not 0b01), was " + bo);
        }
        return bo;
    }

    /** bcctr must not decrement CTR: BO bit 2 (value 0b00100) has to be set (Book I 2.4). */
    private static int ctrNotDecremented(final int bo) {
        if ((validBo(bo) & 0b00100) == 0) {
            throw new IllegalArgumentException("BO must not decrement CTR in bcctr, was " + bo);
        }
        return bo;
    }
}
