package dev.jppc.core.decode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the mnemonics GNU objdump prints (base or extended, with {@code .}, {@code o}, branch {@code +}/{@code -}
 * hints and {@code l}/{@code a} suffixes) to the {@link Op} row that executes them, so that objdump listings can
 * be compared with jppc's decoder and measured against its instruction table. Cold path only.
 *
 * <p>The rules follow the "Assembler Extended Mnemonics" appendix of Power ISA Book I (branch, condition
 * register logical, subtract, compare, trap, rotate/shift, move to/from SPR, miscellaneous) and the names
 * binutils 2.40 gives SPRs and barrier variants.
 * Mnemonics of families jppc does not implement (VSX beyond what POWER8 software uses, quad precision, decimal
 * floating point, TM, Book E, POWER/601, prefixed v3.1 instructions) and mnemonics jppc does not implement at all
 * map to {@link Optional#empty()}.
 *
 * <p>A name alone cannot tell every encoding apart: objdump also prints {@code wait} for the v3.0 wait at 31/30
 * and {@code icbt} for Book E's icbt at 31/262, neither of which jppc implements; this class answers with jppc's
 * rows (31/62 and 31/22), and callers that hold the word can check its extended opcode.
 */
public final class ExtendedMnemonics {

    /** Branch conditions on a CR bit: how objdump names BO "branch if true/false" together with BI's bit. */
    private static final String CONDITIONS = "lt|le|eq|ge|gt|nl|ne|ng|so|ns|un|nu|t|f";

    /**
     * b, then an optional CTR decrement (dnz/dz), an optional condition, an optional target register (lr, ctr,
     * tar), then LK ({@code l}) and AA ({@code a}). Hints are stripped before matching.
     */
    private static final Pattern BRANCH = Pattern.compile(
            "b(?<dec>dnz|dz)?(?<cond>" + CONDITIONS + ")?(?<reg>lr|ctr|tar)?(?<lk>l)?(?<aa>a)?");

    /** The base conditional forms: bc, bca, bcl, bcla, bclr, bclrl, bcctr, bcctrl, bctar, bctarl. */
    private static final Pattern BRANCH_CONDITIONAL = Pattern.compile("bc(?<reg>lr|ctr|tar)?(?<lk>l)?(?<aa>a)?");

    /** Trap with a TO condition: tw/td, the condition, and {@code i} for the immediate forms. */
    private static final Pattern TRAP = Pattern.compile(
            "t(?<size>[wd])(?<cond>lt|le|eq|ge|gt|nl|ne|ng|llt|lle|lge|lgt|lnl|lng|u)(?<imm>i)?");

    /** SPRG names with an optional number: mfsprg RT,n and mfsprg3, usprg0 and so on. */
    private static final Pattern SPRG = Pattern.compile("u?sprg[0-7]?");

    /**
     * The SPR names objdump puts after mf/mt (binutils 2.40, every SPR number swept). A name here never
     * collides with a real mf/mt instruction: mfmsr, mfcr, mffs, mfvscr, mfvsrd, mfsr, mfdcr stay outside.
     */
    private static final Set<String> SPR_NAMES = Set.of(
            "xer", "lr", "ctr", "dscr", "dsisr", "dar", "dec", "sdr1", "srr0", "srr1", "cfar", "amr", "pidr",
            "iamr", "tfhar", "tfiar", "texasr", "texasru", "ctrl", "fscr", "uamor", "uamr", "udscr", "pspb",
            "dpdes", "dawr0", "dawr1", "dawrx0", "dawrx1", "rpr", "ciabr", "hfscr", "vrsave", "ear", "tbl",
            "tbu", "tbu40", "pvr", "hsprg0", "hsprg1", "hdisr", "hdar", "spurr", "purr", "hdec", "hrmor", "urmor",
            "hsrr0", "hsrr1", "lpcr", "lpidr", "hmer", "hmeer", "pcr", "heir", "amor", "tir", "ptcr", "pir",
            "ppr", "ppr32", "psscr", "hpsscr", "ic", "vtb", "smfctrl", "rtcl", "rtcu", "asr", "asdr", "tar",
            "ebbhr", "ebbrr", "bescr", "bescrs", "bescrsu", "bescrr", "bescrru", "usrr0", "usrr1",
            "mmcr0", "mmcr1", "mmcr2", "mmcr3", "mmcra", "ummcr0", "ummcr1", "ummcr2", "ummcr3", "ummcra",
            "pmc1", "pmc2", "pmc3", "pmc4", "pmc5", "pmc6", "upmc1", "upmc2", "upmc3", "upmc4", "upmc5", "upmc6",
            "siar", "sdar", "sier", "sier2", "sier3", "usiar", "usdar", "usier", "usier2", "usier3",
            "ibatu", "ibatl", "dbatu", "dbatl");

    /** Exact names that are not base mnemonics, each with the row that executes it. */
    private static final Map<String, Op> EXTENDED = new HashMap<>();
    /** Base mnemonics, including those whose only form carries a dot (andi., stwcx.). */
    private static final Map<String, Op> BASE = new HashMap<>();

    static {
        for (final Op op : Op.values()) {
            if (op != Op.ILLEGAL) {
                BASE.put(op.mnemonic(), op);
            }
        }
        defineOtherExtended();
        defineCompareAndTrap();
        defineRotateAndShift();
        defineBarriersAndCache();
        defineMoves();
        defineFloatingPoint();
        defineLegacyPowerNames();
        defineVector();
        defineVectorScalar();
    }

    private ExtendedMnemonics() {
    }

    /**
     * VMX: vmr and vnot (Book I appendix, vor and vnor with VRA = VRB), and the names of the ISA v3.0/v3.1 words
     * that share jppc's vctzlsbb and vextractbm rows, told apart by their VRA field.
     */
    private static void defineVector() {
        EXTENDED.put("vmr", Op.VOR);
        EXTENDED.put("vnot", Op.VNOR);
        EXTENDED.put("dssall", Op.DSS);
        EXTENDED.put("dstt", Op.DST);
        EXTENDED.put("dststt", Op.DSTST);
        EXTENDED.put("vclzlsbb", Op.VCTZLSBB);
        EXTENDED.put("vextracthm", Op.VEXTRACTBM);
        EXTENDED.put("vextractwm", Op.VEXTRACTBM);
        EXTENDED.put("vextractdm", Op.VEXTRACTBM);
    }

    /**
     * The op that executes {@code objdumpMnemonic}, or empty when jppc does not implement it (another family,
     * an instruction jppc lacks, {@code .long}, or an unknown name).
     */
    public static Optional<Op> baseOf(final String objdumpMnemonic) {
        String name = objdumpMnemonic.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith("+") || name.endsWith("-")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.startsWith(".")) {
            return Optional.empty();
        }
        final Op exact = exact(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        // Record form: "x." is x with Rc=1, for the ops that have an Rc bit.
        if (name.endsWith(".")) {
            final Op op = withoutOverflow(name.substring(0, name.length() - 1));
            return op != null && op.has(Op.RC) ? Optional.of(op) : Optional.empty();
        }
        return Optional.ofNullable(withoutOverflow(name));
    }

    /**
     * Whether objdump's mnemonic names the instruction jppc decoded as {@code op}: {@link #baseOf} equals
     * {@code op}, or the name covers two rows. objdump prints mftb/mftbu both for the mftb instruction (31/371)
     * and for mfspr of TB/TBU (SPR 268/269).
     */
    public static boolean agrees(final String objdumpMnemonic, final Op op) {
        final Optional<Op> base = baseOf(objdumpMnemonic);
        if (base.isEmpty()) {
            return false;
        }
        return base.get() == op || (base.get() == Op.MFTB && op == Op.MFSPR);
    }

    /** The name without an {@code o} suffix, when that suffix is the OE bit of an XO-form op. */
    private static Op withoutOverflow(final String name) {
        final Op op = exact(name);
        if (op != null) {
            return op;
        }
        if (name.endsWith("o")) {
            final Op base = exact(name.substring(0, name.length() - 1));
            if (base != null && base.has(Op.OE)) {
                return base;
            }
        }
        return null;
    }

    private static Op exact(final String name) {
        final Op base = BASE.get(name);
        if (base != null) {
            return base;
        }
        final Op extended = EXTENDED.get(name);
        if (extended != null) {
            return extended;
        }
        if (name.startsWith("b")) {
            return branch(name);
        }
        if (name.startsWith("t")) {
            return trap(name);
        }
        if (name.startsWith("mf") || name.startsWith("mt")) {
            return sprMove(name);
        }
        return null;
    }

    /** The extended branch mnemonics over b, bc, bclr, bcctr and bctar. */
    private static Op branch(final String name) {
        final Matcher conditional = BRANCH_CONDITIONAL.matcher(name);
        if (conditional.matches()) {
            return branchTarget(conditional.group("reg"), conditional.group("aa") != null, Op.BC);
        }
        final Matcher m = BRANCH.matcher(name);
        if (!m.matches()) {
            return null;
        }
        final boolean decrements = m.group("dec") != null;
        final boolean conditionalBranch = decrements || m.group("cond") != null;
        if ("ctr".equals(m.group("reg")) && decrements) {
            return null; // bcctr with a CTR decrement is an invalid form: no mnemonic for it
        }
        return branchTarget(m.group("reg"), m.group("aa") != null, conditionalBranch ? Op.BC : Op.B);
    }

    /** The op for a branch with target register {@code reg} (null: an immediate target, {@code direct}). */
    private static Op branchTarget(final String reg, final boolean absolute, final Op direct) {
        if (reg == null) {
            return direct;
        }
        if (absolute) {
            return null; // register targets have no AA bit
        }
        return switch (reg) {
            case "lr" -> Op.BCLR;
            case "ctr" -> Op.BCCTR;
            default -> Op.BCTAR;
        };
    }

    /** tweq, tdnei, twui, ...: the name gives TO; {@code i} selects the D-form. */
    private static Op trap(final String name) {
        final Matcher m = TRAP.matcher(name);
        if (!m.matches()) {
            return null;
        }
        final boolean word = "w".equals(m.group("size"));
        if (m.group("imm") != null) {
            return word ? Op.TWI : Op.TDI;
        }
        return word ? Op.TW : Op.TD;
    }

    /** Move to/from SPR by name (binutils' names): mflr, mtsrr0, mfsprg, mthsprg0, mttbl and so on. */
    private static Op sprMove(final String name) {
        final String spr = name.substring(2);
        if (!SPR_NAMES.contains(spr) && !SPRG.matcher(spr).matches()) {
            return null;
        }
        return name.startsWith("mf") ? Op.MFSPR : Op.MTSPR;
    }

    /** Miscellaneous, condition register logical and subtract extended mnemonics. */
    /**
     * The ISA v3.0 FPSCR moves that share mffs's extended opcode (bits 11-15 tell them apart) and the VSX
     * copy-sign extended mnemonic.
     */
    private static void defineFloatingPoint() {
        for (final String name : new String[] {"mffsce", "mffscdrn", "mffscdrni", "mffscrn", "mffscrni", "mffsl"}) {
            EXTENDED.put(name, Op.MFFS);
        }
        EXTENDED.put("xvmovdp", Op.XVCPSGNDP);
    }

    private static void defineOtherExtended() {
        EXTENDED.put("li", Op.ADDI);
        EXTENDED.put("la", Op.ADDI);
        EXTENDED.put("subi", Op.ADDI);
        EXTENDED.put("lis", Op.ADDIS);
        EXTENDED.put("subis", Op.ADDIS);
        EXTENDED.put("subic", Op.ADDIC);
        EXTENDED.put("subic.", Op.ADDIC_);
        EXTENDED.put("sub", Op.SUBF);
        EXTENDED.put("subc", Op.SUBFC);
        EXTENDED.put("nop", Op.ORI);
        EXTENDED.put("xnop", Op.XORI);
        EXTENDED.put("mr", Op.OR);
        // Hint nops (Book II): binutils names "or Rx,Rx,Rx" for x = 26, 27, 29, 30 and "ori 31,31,0"
        for (final String name : new String[] {"yield", "mdoio", "mdoom", "miso"}) {
            EXTENDED.put(name, Op.OR);
        }
        EXTENDED.put("exser", Op.ORI);
        EXTENDED.put("not", Op.NOR);
        EXTENDED.put("crset", Op.CREQV);
        EXTENDED.put("crclr", Op.CRXOR);
        EXTENDED.put("crmove", Op.CROR);
        EXTENDED.put("crnot", Op.CRNOR);
        EXTENDED.put("isellt", Op.ISEL);
        EXTENDED.put("iselgt", Op.ISEL);
        EXTENDED.put("iseleq", Op.ISEL);
    }

    /** Compare and trap. */
    private static void defineCompareAndTrap() {
        EXTENDED.put("cmpwi", Op.CMPI);
        EXTENDED.put("cmpdi", Op.CMPI);
        EXTENDED.put("cmplwi", Op.CMPLI);
        EXTENDED.put("cmpldi", Op.CMPLI);
        EXTENDED.put("cmpw", Op.CMP);
        EXTENDED.put("cmpd", Op.CMP);
        EXTENDED.put("cmplw", Op.CMPL);
        EXTENDED.put("cmpld", Op.CMPL);
        EXTENDED.put("trap", Op.TW);
    }

    /** Rotate and shift. */
    private static void defineRotateAndShift() {
        for (final String name : new String[] {"rotlwi", "rotrwi", "slwi", "srwi", "clrlwi", "clrrwi", "extlwi",
            "extrwi", "clrlslwi"}) {
            EXTENDED.put(name, Op.RLWINM);
        }
        EXTENDED.put("rotlw", Op.RLWNM);
        EXTENDED.put("inslwi", Op.RLWIMI);
        EXTENDED.put("insrwi", Op.RLWIMI);
        for (final String name : new String[] {"rotldi", "rotrdi", "srdi", "clrldi", "extrdi"}) {
            EXTENDED.put(name, Op.RLDICL);
        }
        for (final String name : new String[] {"sldi", "clrrdi", "extldi"}) {
            EXTENDED.put(name, Op.RLDICR);
        }
        EXTENDED.put("clrlsldi", Op.RLDIC);
        EXTENDED.put("insrdi", Op.RLDIMI);
        EXTENDED.put("rotld", Op.RLDCL);
    }

    /**
     * Book II barriers and cache hints: sync variants (by L, and the v3.1 SC field jppc's decoder does not
     * look at), wait variants (WC), and the dcbt/dcbtst/dcbf/dcbz variants objdump names by their TH or L field.
     */
    private static void defineBarriersAndCache() {
        for (final String name : new String[] {"hwsync", "lwsync", "ptesync", "msync", "phwsync", "plwsync",
            "stsync", "stcisync", "stncisync"}) {
            EXTENDED.put(name, Op.SYNC);
        }
        EXTENDED.put("mbar", Op.EIEIO);
        // wait 31/62 with a WC field (v2.07); pause_short is the v3.1 wait 2,0 at 31/30, which jppc lacks
        EXTENDED.put("waitrsv", Op.WAIT);
        EXTENDED.put("waitimpl", Op.WAIT);
        for (final String name : new String[] {"dcbtct", "dcbtds", "dcbtt"}) {
            EXTENDED.put(name, Op.DCBT);
        }
        for (final String name : new String[] {"dcbtstct", "dcbtstds", "dcbtstt"}) {
            EXTENDED.put(name, Op.DCBTST);
        }
        for (final String name : new String[] {"dcbfl", "dcbflp", "dcbfps", "dcbstps"}) {
            EXTENDED.put(name, Op.DCBF);
        }
        EXTENDED.put("dcbzl", Op.DCBZ);
    }

    /** The condition register and time base moves that are not plain SPR names. */
    private static void defineMoves() {
        EXTENDED.put("mfocrf", Op.MFCR);
        EXTENDED.put("mtocrf", Op.MTCRF);
        EXTENDED.put("mtcr", Op.MTCRF);
        EXTENDED.put("mftb", Op.MFTB);
        EXTENDED.put("mftbu", Op.MFTB);
    }

    /**
     * VSX (Book I chapter 7 and its extended mnemonics): the logical and permute shorthands, and the names objdump
     * gives the GPR moves by register number (f0-f31 for VSR 0-31, v0-v31 for VSR 32-63).
     */
    private static void defineVectorScalar() {
        EXTENDED.put("xxmr", Op.XXLOR);
        EXTENDED.put("xxlnot", Op.XXLNOR);
        for (final String name : new String[] {"xxswapd", "xxspltd", "xxmrghd", "xxmrgld"}) {
            EXTENDED.put(name, Op.XXPERMDI);
        }
        for (final String prefix : new String[] {"fpr", "vr"}) {
            EXTENDED.put("mf" + prefix + "d", Op.MFVSRD);
            EXTENDED.put("mf" + prefix + "wz", Op.MFVSRWZ);
            EXTENDED.put("mt" + prefix + "d", Op.MTVSRD);
            EXTENDED.put("mt" + prefix + "wa", Op.MTVSRWA);
            EXTENDED.put("mt" + prefix + "wz", Op.MTVSRWZ);
        }
    }

    /**
     * POWER (pre-PowerPC) names of the same encodings. objdump falls back to them for words whose PowerPC form
     * is invalid (lwzu with RA=0 or RA=RT prints as lu), and jppc executes those words with the PowerPC row.
     */
    private static void defineLegacyPowerNames() {
        EXTENDED.put("lu", Op.LWZU);
        EXTENDED.put("lux", Op.LWZUX);
        EXTENDED.put("stu", Op.STWU);
        EXTENDED.put("stux", Op.STWUX);
        EXTENDED.put("lm", Op.LMW);
        EXTENDED.put("stm", Op.STMW);
        EXTENDED.put("lsi", Op.LSWI);
        EXTENDED.put("lsx", Op.LSWX);
        EXTENDED.put("stsi", Op.STSWI);
        EXTENDED.put("stsx", Op.STSWX);
    }
}
