package dev.jppc.core.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every {@link PpcAsm} encoder against the words GNU as produced for golden.txt. */
class PpcAsmGoldenTest {

    static List<GoldenTable.Case> cases() {
        return GoldenTable.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldEncodeLikeGnuAs(final GoldenTable.Case golden) {
        final int word = encode(golden.mnemonic(), golden.operands());

        assertEquals(hex(golden.word()), hex(word), () -> "golden.txt:" + golden.line() + " " + golden.source());
    }

    @Test
    void shouldCoverEveryEncoderInTheGoldenTable() {
        final Set<String> tested = cases().stream()
                .map(c -> c.mnemonic().replace('.', '_'))
                .collect(Collectors.toSet());
        final Set<String> untested = Arrays.stream(PpcAsm.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .filter(name -> !tested.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));

        assertTrue(untested.isEmpty(), () -> "encoders without a golden case: " + untested);
    }

    private static String hex(final int word) {
        return String.format("0x%08x", word);
    }

    /** Calls the encoder for a GNU mnemonic; {@code o} holds the operands in source order. */
    private static int encode(final String mnemonic, final int[] o) {
        return switch (mnemonic) {
            // Branch (Book I chapter 2)
            case "b" -> PpcAsm.b(o[0]);
            case "ba" -> PpcAsm.ba(o[0]);
            case "bl" -> PpcAsm.bl(o[0]);
            case "bla" -> PpcAsm.bla(o[0]);
            case "bc" -> PpcAsm.bc(o[0], o[1], o[2]);
            case "bca" -> PpcAsm.bca(o[0], o[1], o[2]);
            case "bcl" -> PpcAsm.bcl(o[0], o[1], o[2]);
            case "bcla" -> PpcAsm.bcla(o[0], o[1], o[2]);
            case "bclr" -> o.length == 2 ? PpcAsm.bclr(o[0], o[1]) : PpcAsm.bclr(o[0], o[1], o[2]);
            case "bclrl" -> o.length == 2 ? PpcAsm.bclrl(o[0], o[1]) : PpcAsm.bclrl(o[0], o[1], o[2]);
            case "bcctr" -> o.length == 2 ? PpcAsm.bcctr(o[0], o[1]) : PpcAsm.bcctr(o[0], o[1], o[2]);
            case "bcctrl" -> o.length == 2 ? PpcAsm.bcctrl(o[0], o[1]) : PpcAsm.bcctrl(o[0], o[1], o[2]);
            case "bctar" -> o.length == 2 ? PpcAsm.bctar(o[0], o[1]) : PpcAsm.bctar(o[0], o[1], o[2]);
            case "bctarl" -> o.length == 2 ? PpcAsm.bctarl(o[0], o[1]) : PpcAsm.bctarl(o[0], o[1], o[2]);
            case "crand" -> PpcAsm.crand(o[0], o[1], o[2]);
            case "cror" -> PpcAsm.cror(o[0], o[1], o[2]);
            case "crxor" -> PpcAsm.crxor(o[0], o[1], o[2]);
            case "crnand" -> PpcAsm.crnand(o[0], o[1], o[2]);
            case "crnor" -> PpcAsm.crnor(o[0], o[1], o[2]);
            case "creqv" -> PpcAsm.creqv(o[0], o[1], o[2]);
            case "crandc" -> PpcAsm.crandc(o[0], o[1], o[2]);
            case "crorc" -> PpcAsm.crorc(o[0], o[1], o[2]);
            case "mcrf" -> PpcAsm.mcrf(o[0], o[1]);
            case "sc" -> o.length == 0 ? PpcAsm.sc() : PpcAsm.sc(o[0]);

            // Loads and stores (Book I 3.3.2 - 3.3.7)
            case "lbz" -> PpcAsm.lbz(o[0], o[1], o[2]);
            case "lbzu" -> PpcAsm.lbzu(o[0], o[1], o[2]);
            case "lbzx" -> PpcAsm.lbzx(o[0], o[1], o[2]);
            case "lbzux" -> PpcAsm.lbzux(o[0], o[1], o[2]);
            case "lhz" -> PpcAsm.lhz(o[0], o[1], o[2]);
            case "lhzu" -> PpcAsm.lhzu(o[0], o[1], o[2]);
            case "lhzx" -> PpcAsm.lhzx(o[0], o[1], o[2]);
            case "lhzux" -> PpcAsm.lhzux(o[0], o[1], o[2]);
            case "lha" -> PpcAsm.lha(o[0], o[1], o[2]);
            case "lhau" -> PpcAsm.lhau(o[0], o[1], o[2]);
            case "lhax" -> PpcAsm.lhax(o[0], o[1], o[2]);
            case "lhaux" -> PpcAsm.lhaux(o[0], o[1], o[2]);
            case "lwz" -> PpcAsm.lwz(o[0], o[1], o[2]);
            case "lwzu" -> PpcAsm.lwzu(o[0], o[1], o[2]);
            case "lwzx" -> PpcAsm.lwzx(o[0], o[1], o[2]);
            case "lwzux" -> PpcAsm.lwzux(o[0], o[1], o[2]);
            case "lwa" -> PpcAsm.lwa(o[0], o[1], o[2]);
            case "lwax" -> PpcAsm.lwax(o[0], o[1], o[2]);
            case "lwaux" -> PpcAsm.lwaux(o[0], o[1], o[2]);
            case "ld" -> PpcAsm.ld(o[0], o[1], o[2]);
            case "ldu" -> PpcAsm.ldu(o[0], o[1], o[2]);
            case "ldx" -> PpcAsm.ldx(o[0], o[1], o[2]);
            case "ldux" -> PpcAsm.ldux(o[0], o[1], o[2]);
            case "stb" -> PpcAsm.stb(o[0], o[1], o[2]);
            case "stbu" -> PpcAsm.stbu(o[0], o[1], o[2]);
            case "stbx" -> PpcAsm.stbx(o[0], o[1], o[2]);
            case "stbux" -> PpcAsm.stbux(o[0], o[1], o[2]);
            case "sth" -> PpcAsm.sth(o[0], o[1], o[2]);
            case "sthu" -> PpcAsm.sthu(o[0], o[1], o[2]);
            case "sthx" -> PpcAsm.sthx(o[0], o[1], o[2]);
            case "sthux" -> PpcAsm.sthux(o[0], o[1], o[2]);
            case "stw" -> PpcAsm.stw(o[0], o[1], o[2]);
            case "stwu" -> PpcAsm.stwu(o[0], o[1], o[2]);
            case "stwx" -> PpcAsm.stwx(o[0], o[1], o[2]);
            case "stwux" -> PpcAsm.stwux(o[0], o[1], o[2]);
            case "std" -> PpcAsm.std(o[0], o[1], o[2]);
            case "stdu" -> PpcAsm.stdu(o[0], o[1], o[2]);
            case "stdx" -> PpcAsm.stdx(o[0], o[1], o[2]);
            case "stdux" -> PpcAsm.stdux(o[0], o[1], o[2]);
            case "lq" -> PpcAsm.lq(o[0], o[1], o[2]);
            case "stq" -> PpcAsm.stq(o[0], o[1], o[2]);
            case "lhbrx" -> PpcAsm.lhbrx(o[0], o[1], o[2]);
            case "lwbrx" -> PpcAsm.lwbrx(o[0], o[1], o[2]);
            case "ldbrx" -> PpcAsm.ldbrx(o[0], o[1], o[2]);
            case "sthbrx" -> PpcAsm.sthbrx(o[0], o[1], o[2]);
            case "stwbrx" -> PpcAsm.stwbrx(o[0], o[1], o[2]);
            case "stdbrx" -> PpcAsm.stdbrx(o[0], o[1], o[2]);
            case "lmw" -> PpcAsm.lmw(o[0], o[1], o[2]);
            case "stmw" -> PpcAsm.stmw(o[0], o[1], o[2]);
            case "lbarx" -> o.length == 3 ? PpcAsm.lbarx(o[0], o[1], o[2]) : PpcAsm.lbarx(o[0], o[1], o[2], o[3]);
            case "lharx" -> o.length == 3 ? PpcAsm.lharx(o[0], o[1], o[2]) : PpcAsm.lharx(o[0], o[1], o[2], o[3]);
            case "lwarx" -> o.length == 3 ? PpcAsm.lwarx(o[0], o[1], o[2]) : PpcAsm.lwarx(o[0], o[1], o[2], o[3]);
            case "ldarx" -> o.length == 3 ? PpcAsm.ldarx(o[0], o[1], o[2]) : PpcAsm.ldarx(o[0], o[1], o[2], o[3]);
            case "lqarx" -> o.length == 3 ? PpcAsm.lqarx(o[0], o[1], o[2]) : PpcAsm.lqarx(o[0], o[1], o[2], o[3]);
            case "stbcx." -> PpcAsm.stbcx_(o[0], o[1], o[2]);
            case "sthcx." -> PpcAsm.sthcx_(o[0], o[1], o[2]);
            case "stwcx." -> PpcAsm.stwcx_(o[0], o[1], o[2]);
            case "stdcx." -> PpcAsm.stdcx_(o[0], o[1], o[2]);
            case "stqcx." -> PpcAsm.stqcx_(o[0], o[1], o[2]);
            case "lswi" -> PpcAsm.lswi(o[0], o[1], o[2]);
            case "lswx" -> PpcAsm.lswx(o[0], o[1], o[2]);
            case "stswi" -> PpcAsm.stswi(o[0], o[1], o[2]);
            case "stswx" -> PpcAsm.stswx(o[0], o[1], o[2]);

            // Arithmetic (Book I 3.3.9)
            case "add" -> PpcAsm.add(o[0], o[1], o[2]);
            case "add." -> PpcAsm.add_(o[0], o[1], o[2]);
            case "addo" -> PpcAsm.addo(o[0], o[1], o[2]);
            case "addo." -> PpcAsm.addo_(o[0], o[1], o[2]);
            case "addc" -> PpcAsm.addc(o[0], o[1], o[2]);
            case "addc." -> PpcAsm.addc_(o[0], o[1], o[2]);
            case "addco" -> PpcAsm.addco(o[0], o[1], o[2]);
            case "addco." -> PpcAsm.addco_(o[0], o[1], o[2]);
            case "adde" -> PpcAsm.adde(o[0], o[1], o[2]);
            case "adde." -> PpcAsm.adde_(o[0], o[1], o[2]);
            case "addeo" -> PpcAsm.addeo(o[0], o[1], o[2]);
            case "addeo." -> PpcAsm.addeo_(o[0], o[1], o[2]);
            case "addme" -> PpcAsm.addme(o[0], o[1]);
            case "addme." -> PpcAsm.addme_(o[0], o[1]);
            case "addmeo" -> PpcAsm.addmeo(o[0], o[1]);
            case "addmeo." -> PpcAsm.addmeo_(o[0], o[1]);
            case "addze" -> PpcAsm.addze(o[0], o[1]);
            case "addze." -> PpcAsm.addze_(o[0], o[1]);
            case "addzeo" -> PpcAsm.addzeo(o[0], o[1]);
            case "addzeo." -> PpcAsm.addzeo_(o[0], o[1]);
            case "subf" -> PpcAsm.subf(o[0], o[1], o[2]);
            case "subf." -> PpcAsm.subf_(o[0], o[1], o[2]);
            case "subfo" -> PpcAsm.subfo(o[0], o[1], o[2]);
            case "subfo." -> PpcAsm.subfo_(o[0], o[1], o[2]);
            case "subfc" -> PpcAsm.subfc(o[0], o[1], o[2]);
            case "subfc." -> PpcAsm.subfc_(o[0], o[1], o[2]);
            case "subfco" -> PpcAsm.subfco(o[0], o[1], o[2]);
            case "subfco." -> PpcAsm.subfco_(o[0], o[1], o[2]);
            case "subfe" -> PpcAsm.subfe(o[0], o[1], o[2]);
            case "subfe." -> PpcAsm.subfe_(o[0], o[1], o[2]);
            case "subfeo" -> PpcAsm.subfeo(o[0], o[1], o[2]);
            case "subfeo." -> PpcAsm.subfeo_(o[0], o[1], o[2]);
            case "subfme" -> PpcAsm.subfme(o[0], o[1]);
            case "subfme." -> PpcAsm.subfme_(o[0], o[1]);
            case "subfmeo" -> PpcAsm.subfmeo(o[0], o[1]);
            case "subfmeo." -> PpcAsm.subfmeo_(o[0], o[1]);
            case "subfze" -> PpcAsm.subfze(o[0], o[1]);
            case "subfze." -> PpcAsm.subfze_(o[0], o[1]);
            case "subfzeo" -> PpcAsm.subfzeo(o[0], o[1]);
            case "subfzeo." -> PpcAsm.subfzeo_(o[0], o[1]);
            case "neg" -> PpcAsm.neg(o[0], o[1]);
            case "neg." -> PpcAsm.neg_(o[0], o[1]);
            case "nego" -> PpcAsm.nego(o[0], o[1]);
            case "nego." -> PpcAsm.nego_(o[0], o[1]);
            case "mullw" -> PpcAsm.mullw(o[0], o[1], o[2]);
            case "mullw." -> PpcAsm.mullw_(o[0], o[1], o[2]);
            case "mullwo" -> PpcAsm.mullwo(o[0], o[1], o[2]);
            case "mullwo." -> PpcAsm.mullwo_(o[0], o[1], o[2]);
            case "mulld" -> PpcAsm.mulld(o[0], o[1], o[2]);
            case "mulld." -> PpcAsm.mulld_(o[0], o[1], o[2]);
            case "mulldo" -> PpcAsm.mulldo(o[0], o[1], o[2]);
            case "mulldo." -> PpcAsm.mulldo_(o[0], o[1], o[2]);
            case "mulhw" -> PpcAsm.mulhw(o[0], o[1], o[2]);
            case "mulhw." -> PpcAsm.mulhw_(o[0], o[1], o[2]);
            case "mulhwu" -> PpcAsm.mulhwu(o[0], o[1], o[2]);
            case "mulhwu." -> PpcAsm.mulhwu_(o[0], o[1], o[2]);
            case "mulhd" -> PpcAsm.mulhd(o[0], o[1], o[2]);
            case "mulhd." -> PpcAsm.mulhd_(o[0], o[1], o[2]);
            case "mulhdu" -> PpcAsm.mulhdu(o[0], o[1], o[2]);
            case "mulhdu." -> PpcAsm.mulhdu_(o[0], o[1], o[2]);
            case "divw" -> PpcAsm.divw(o[0], o[1], o[2]);
            case "divw." -> PpcAsm.divw_(o[0], o[1], o[2]);
            case "divwo" -> PpcAsm.divwo(o[0], o[1], o[2]);
            case "divwo." -> PpcAsm.divwo_(o[0], o[1], o[2]);
            case "divwu" -> PpcAsm.divwu(o[0], o[1], o[2]);
            case "divwu." -> PpcAsm.divwu_(o[0], o[1], o[2]);
            case "divwuo" -> PpcAsm.divwuo(o[0], o[1], o[2]);
            case "divwuo." -> PpcAsm.divwuo_(o[0], o[1], o[2]);
            case "divd" -> PpcAsm.divd(o[0], o[1], o[2]);
            case "divd." -> PpcAsm.divd_(o[0], o[1], o[2]);
            case "divdo" -> PpcAsm.divdo(o[0], o[1], o[2]);
            case "divdo." -> PpcAsm.divdo_(o[0], o[1], o[2]);
            case "divdu" -> PpcAsm.divdu(o[0], o[1], o[2]);
            case "divdu." -> PpcAsm.divdu_(o[0], o[1], o[2]);
            case "divduo" -> PpcAsm.divduo(o[0], o[1], o[2]);
            case "divduo." -> PpcAsm.divduo_(o[0], o[1], o[2]);
            case "divwe" -> PpcAsm.divwe(o[0], o[1], o[2]);
            case "divwe." -> PpcAsm.divwe_(o[0], o[1], o[2]);
            case "divweo" -> PpcAsm.divweo(o[0], o[1], o[2]);
            case "divweo." -> PpcAsm.divweo_(o[0], o[1], o[2]);
            case "divweu" -> PpcAsm.divweu(o[0], o[1], o[2]);
            case "divweu." -> PpcAsm.divweu_(o[0], o[1], o[2]);
            case "divweuo" -> PpcAsm.divweuo(o[0], o[1], o[2]);
            case "divweuo." -> PpcAsm.divweuo_(o[0], o[1], o[2]);
            case "divde" -> PpcAsm.divde(o[0], o[1], o[2]);
            case "divde." -> PpcAsm.divde_(o[0], o[1], o[2]);
            case "divdeo" -> PpcAsm.divdeo(o[0], o[1], o[2]);
            case "divdeo." -> PpcAsm.divdeo_(o[0], o[1], o[2]);
            case "divdeu" -> PpcAsm.divdeu(o[0], o[1], o[2]);
            case "divdeu." -> PpcAsm.divdeu_(o[0], o[1], o[2]);
            case "divdeuo" -> PpcAsm.divdeuo(o[0], o[1], o[2]);
            case "divdeuo." -> PpcAsm.divdeuo_(o[0], o[1], o[2]);
            case "modsw" -> PpcAsm.modsw(o[0], o[1], o[2]);
            case "moduw" -> PpcAsm.moduw(o[0], o[1], o[2]);
            case "modsd" -> PpcAsm.modsd(o[0], o[1], o[2]);
            case "modud" -> PpcAsm.modud(o[0], o[1], o[2]);
            case "addi" -> PpcAsm.addi(o[0], o[1], o[2]);
            case "addis" -> PpcAsm.addis(o[0], o[1], o[2]);
            case "addic" -> PpcAsm.addic(o[0], o[1], o[2]);
            case "addic." -> PpcAsm.addic_(o[0], o[1], o[2]);
            case "subfic" -> PpcAsm.subfic(o[0], o[1], o[2]);
            case "mulli" -> PpcAsm.mulli(o[0], o[1], o[2]);

            // Compare and trap (Book I 3.3.10 - 3.3.11)
            case "cmp" -> PpcAsm.cmp(o[0], o[1], o[2], o[3]);
            case "cmpl" -> PpcAsm.cmpl(o[0], o[1], o[2], o[3]);
            case "cmpi" -> PpcAsm.cmpi(o[0], o[1], o[2], o[3]);
            case "cmpli" -> PpcAsm.cmpli(o[0], o[1], o[2], o[3]);
            case "tw" -> PpcAsm.tw(o[0], o[1], o[2]);
            case "twi" -> PpcAsm.twi(o[0], o[1], o[2]);
            case "td" -> PpcAsm.td(o[0], o[1], o[2]);
            case "tdi" -> PpcAsm.tdi(o[0], o[1], o[2]);
            case "isel" -> PpcAsm.isel(o[0], o[1], o[2], o[3]);

            // Logical (Book I 3.3.13)
            case "andi." -> PpcAsm.andi_(o[0], o[1], o[2]);
            case "andis." -> PpcAsm.andis_(o[0], o[1], o[2]);
            case "ori" -> PpcAsm.ori(o[0], o[1], o[2]);
            case "oris" -> PpcAsm.oris(o[0], o[1], o[2]);
            case "xori" -> PpcAsm.xori(o[0], o[1], o[2]);
            case "xoris" -> PpcAsm.xoris(o[0], o[1], o[2]);
            case "and" -> PpcAsm.and(o[0], o[1], o[2]);
            case "and." -> PpcAsm.and_(o[0], o[1], o[2]);
            case "andc" -> PpcAsm.andc(o[0], o[1], o[2]);
            case "andc." -> PpcAsm.andc_(o[0], o[1], o[2]);
            case "or" -> PpcAsm.or(o[0], o[1], o[2]);
            case "or." -> PpcAsm.or_(o[0], o[1], o[2]);
            case "orc" -> PpcAsm.orc(o[0], o[1], o[2]);
            case "orc." -> PpcAsm.orc_(o[0], o[1], o[2]);
            case "xor" -> PpcAsm.xor(o[0], o[1], o[2]);
            case "xor." -> PpcAsm.xor_(o[0], o[1], o[2]);
            case "nand" -> PpcAsm.nand(o[0], o[1], o[2]);
            case "nand." -> PpcAsm.nand_(o[0], o[1], o[2]);
            case "nor" -> PpcAsm.nor(o[0], o[1], o[2]);
            case "nor." -> PpcAsm.nor_(o[0], o[1], o[2]);
            case "eqv" -> PpcAsm.eqv(o[0], o[1], o[2]);
            case "eqv." -> PpcAsm.eqv_(o[0], o[1], o[2]);
            case "extsb" -> PpcAsm.extsb(o[0], o[1]);
            case "extsb." -> PpcAsm.extsb_(o[0], o[1]);
            case "extsh" -> PpcAsm.extsh(o[0], o[1]);
            case "extsh." -> PpcAsm.extsh_(o[0], o[1]);
            case "extsw" -> PpcAsm.extsw(o[0], o[1]);
            case "extsw." -> PpcAsm.extsw_(o[0], o[1]);
            case "cntlzw" -> PpcAsm.cntlzw(o[0], o[1]);
            case "cntlzw." -> PpcAsm.cntlzw_(o[0], o[1]);
            case "cntlzd" -> PpcAsm.cntlzd(o[0], o[1]);
            case "cntlzd." -> PpcAsm.cntlzd_(o[0], o[1]);
            case "cnttzw" -> PpcAsm.cnttzw(o[0], o[1]);
            case "cnttzw." -> PpcAsm.cnttzw_(o[0], o[1]);
            case "cnttzd" -> PpcAsm.cnttzd(o[0], o[1]);
            case "cnttzd." -> PpcAsm.cnttzd_(o[0], o[1]);
            case "popcntb" -> PpcAsm.popcntb(o[0], o[1]);
            case "popcntw" -> PpcAsm.popcntw(o[0], o[1]);
            case "popcntd" -> PpcAsm.popcntd(o[0], o[1]);
            case "prtyw" -> PpcAsm.prtyw(o[0], o[1]);
            case "prtyd" -> PpcAsm.prtyd(o[0], o[1]);
            case "cmpb" -> PpcAsm.cmpb(o[0], o[1], o[2]);
            case "bpermd" -> PpcAsm.bpermd(o[0], o[1], o[2]);

            // Rotate and shift (Book I 3.3.14)
            case "rlwinm" -> PpcAsm.rlwinm(o[0], o[1], o[2], o[3], o[4]);
            case "rlwinm." -> PpcAsm.rlwinm_(o[0], o[1], o[2], o[3], o[4]);
            case "rlwnm" -> PpcAsm.rlwnm(o[0], o[1], o[2], o[3], o[4]);
            case "rlwnm." -> PpcAsm.rlwnm_(o[0], o[1], o[2], o[3], o[4]);
            case "rlwimi" -> PpcAsm.rlwimi(o[0], o[1], o[2], o[3], o[4]);
            case "rlwimi." -> PpcAsm.rlwimi_(o[0], o[1], o[2], o[3], o[4]);
            case "rldicl" -> PpcAsm.rldicl(o[0], o[1], o[2], o[3]);
            case "rldicl." -> PpcAsm.rldicl_(o[0], o[1], o[2], o[3]);
            case "rldicr" -> PpcAsm.rldicr(o[0], o[1], o[2], o[3]);
            case "rldicr." -> PpcAsm.rldicr_(o[0], o[1], o[2], o[3]);
            case "rldic" -> PpcAsm.rldic(o[0], o[1], o[2], o[3]);
            case "rldic." -> PpcAsm.rldic_(o[0], o[1], o[2], o[3]);
            case "rldimi" -> PpcAsm.rldimi(o[0], o[1], o[2], o[3]);
            case "rldimi." -> PpcAsm.rldimi_(o[0], o[1], o[2], o[3]);
            case "rldcl" -> PpcAsm.rldcl(o[0], o[1], o[2], o[3]);
            case "rldcl." -> PpcAsm.rldcl_(o[0], o[1], o[2], o[3]);
            case "rldcr" -> PpcAsm.rldcr(o[0], o[1], o[2], o[3]);
            case "rldcr." -> PpcAsm.rldcr_(o[0], o[1], o[2], o[3]);
            case "slw" -> PpcAsm.slw(o[0], o[1], o[2]);
            case "slw." -> PpcAsm.slw_(o[0], o[1], o[2]);
            case "srw" -> PpcAsm.srw(o[0], o[1], o[2]);
            case "srw." -> PpcAsm.srw_(o[0], o[1], o[2]);
            case "sraw" -> PpcAsm.sraw(o[0], o[1], o[2]);
            case "sraw." -> PpcAsm.sraw_(o[0], o[1], o[2]);
            case "srawi" -> PpcAsm.srawi(o[0], o[1], o[2]);
            case "srawi." -> PpcAsm.srawi_(o[0], o[1], o[2]);
            case "sld" -> PpcAsm.sld(o[0], o[1], o[2]);
            case "sld." -> PpcAsm.sld_(o[0], o[1], o[2]);
            case "srd" -> PpcAsm.srd(o[0], o[1], o[2]);
            case "srd." -> PpcAsm.srd_(o[0], o[1], o[2]);
            case "srad" -> PpcAsm.srad(o[0], o[1], o[2]);
            case "srad." -> PpcAsm.srad_(o[0], o[1], o[2]);
            case "sradi" -> PpcAsm.sradi(o[0], o[1], o[2]);
            case "sradi." -> PpcAsm.sradi_(o[0], o[1], o[2]);

            // System registers and CR (Book I 3.3.17, Book III-S)
            case "mfcr" -> PpcAsm.mfcr(o[0]);
            case "mfocrf" -> PpcAsm.mfocrf(o[0], o[1]);
            case "mtcrf" -> PpcAsm.mtcrf(o[0], o[1]);
            case "mtocrf" -> PpcAsm.mtocrf(o[0], o[1]);
            case "mfspr" -> PpcAsm.mfspr(o[0], o[1]);
            case "mtspr" -> PpcAsm.mtspr(o[0], o[1]);
            case "mftb" -> o.length == 1 ? PpcAsm.mftb(o[0]) : PpcAsm.mftb(o[0], o[1]);
            case "mfmsr" -> PpcAsm.mfmsr(o[0]);
            case "mtmsr" -> o.length == 1 ? PpcAsm.mtmsr(o[0]) : PpcAsm.mtmsr(o[0], o[1]);
            case "mtmsrd" -> o.length == 1 ? PpcAsm.mtmsrd(o[0]) : PpcAsm.mtmsrd(o[0], o[1]);

            // Storage control and synchronisation (Book II)
            case "sync" -> o.length == 0 ? PpcAsm.sync() : PpcAsm.sync(o[0]);
            case "lwsync" -> PpcAsm.lwsync();
            case "ptesync" -> PpcAsm.ptesync();
            case "eieio" -> PpcAsm.eieio();
            case "isync" -> PpcAsm.isync();
            case "dcbz" -> PpcAsm.dcbz(o[0], o[1]);
            case "dcbt" -> o.length == 2 ? PpcAsm.dcbt(o[0], o[1]) : PpcAsm.dcbt(o[0], o[1], o[2]);
            case "dcbtst" -> o.length == 2 ? PpcAsm.dcbtst(o[0], o[1]) : PpcAsm.dcbtst(o[0], o[1], o[2]);
            case "dcbst" -> PpcAsm.dcbst(o[0], o[1]);
            case "dcbf" -> o.length == 2 ? PpcAsm.dcbf(o[0], o[1]) : PpcAsm.dcbf(o[0], o[1], o[2]);
            case "icbi" -> PpcAsm.icbi(o[0], o[1]);

            // Book III-S
            case "attn" -> PpcAsm.attn();
            case "rfid" -> PpcAsm.rfid();
            case "hrfid" -> PpcAsm.hrfid();
            case "tlbie" -> PpcAsm.tlbie(o[0], o[1]);
            case "tlbiel" -> PpcAsm.tlbiel(o[0], o[1]);
            case "tlbsync" -> PpcAsm.tlbsync();
            case "slbmte" -> PpcAsm.slbmte(o[0], o[1]);
            case "slbmfee" -> PpcAsm.slbmfee(o[0], o[1]);
            case "slbmfev" -> PpcAsm.slbmfev(o[0], o[1]);
            case "slbie" -> PpcAsm.slbie(o[0]);
            case "slbia" -> o.length == 0 ? PpcAsm.slbia() : PpcAsm.slbia(o[0]);
            case "slbfee." -> PpcAsm.slbfee_(o[0], o[1]);

            // Extended mnemonics
            case "nop" -> PpcAsm.nop();
            case "li" -> PpcAsm.li(o[0], o[1]);
            case "lis" -> PpcAsm.lis(o[0], o[1]);
            case "mr" -> PpcAsm.mr(o[0], o[1]);
            case "trap" -> PpcAsm.trap();
            case "blr" -> PpcAsm.blr();
            case "blrl" -> PpcAsm.blrl();
            case "bctr" -> PpcAsm.bctr();
            case "bctrl" -> PpcAsm.bctrl();
            case "mtxer" -> PpcAsm.mtxer(o[0]);
            case "mfxer" -> PpcAsm.mfxer(o[0]);
            case "mtlr" -> PpcAsm.mtlr(o[0]);
            case "mflr" -> PpcAsm.mflr(o[0]);
            case "mtctr" -> PpcAsm.mtctr(o[0]);
            case "mfctr" -> PpcAsm.mfctr(o[0]);
            case "mtsdr1" -> PpcAsm.mtsdr1(o[0]);
            case "cmpw" -> o.length == 2 ? PpcAsm.cmpw(o[0], o[1]) : PpcAsm.cmpw(o[0], o[1], o[2]);
            case "cmpd" -> o.length == 2 ? PpcAsm.cmpd(o[0], o[1]) : PpcAsm.cmpd(o[0], o[1], o[2]);
            case "cmplw" -> o.length == 2 ? PpcAsm.cmplw(o[0], o[1]) : PpcAsm.cmplw(o[0], o[1], o[2]);
            case "cmpld" -> o.length == 2 ? PpcAsm.cmpld(o[0], o[1]) : PpcAsm.cmpld(o[0], o[1], o[2]);
            case "cmpwi" -> o.length == 2 ? PpcAsm.cmpwi(o[0], o[1]) : PpcAsm.cmpwi(o[0], o[1], o[2]);
            case "cmpdi" -> o.length == 2 ? PpcAsm.cmpdi(o[0], o[1]) : PpcAsm.cmpdi(o[0], o[1], o[2]);
            case "cmplwi" -> o.length == 2 ? PpcAsm.cmplwi(o[0], o[1]) : PpcAsm.cmplwi(o[0], o[1], o[2]);
            case "cmpldi" -> o.length == 2 ? PpcAsm.cmpldi(o[0], o[1]) : PpcAsm.cmpldi(o[0], o[1], o[2]);
            case "beq" -> o.length == 1 ? PpcAsm.beq(o[0]) : PpcAsm.beq(o[0], o[1]);
            case "bne" -> o.length == 1 ? PpcAsm.bne(o[0]) : PpcAsm.bne(o[0], o[1]);
            case "blt" -> o.length == 1 ? PpcAsm.blt(o[0]) : PpcAsm.blt(o[0], o[1]);
            case "bge" -> o.length == 1 ? PpcAsm.bge(o[0]) : PpcAsm.bge(o[0], o[1]);
            case "bgt" -> o.length == 1 ? PpcAsm.bgt(o[0]) : PpcAsm.bgt(o[0], o[1]);
            case "ble" -> o.length == 1 ? PpcAsm.ble(o[0]) : PpcAsm.ble(o[0], o[1]);
            case "bso" -> o.length == 1 ? PpcAsm.bso(o[0]) : PpcAsm.bso(o[0], o[1]);
            case "bns" -> o.length == 1 ? PpcAsm.bns(o[0]) : PpcAsm.bns(o[0], o[1]);
            case "bdnz" -> PpcAsm.bdnz(o[0]);
            case "bdz" -> PpcAsm.bdz(o[0]);
            case "slwi" -> PpcAsm.slwi(o[0], o[1], o[2]);
            case "srwi" -> PpcAsm.srwi(o[0], o[1], o[2]);
            case "clrlwi" -> PpcAsm.clrlwi(o[0], o[1], o[2]);
            case "rotlwi" -> PpcAsm.rotlwi(o[0], o[1], o[2]);
            case "sldi" -> PpcAsm.sldi(o[0], o[1], o[2]);
            case "srdi" -> PpcAsm.srdi(o[0], o[1], o[2]);
            case "clrldi" -> PpcAsm.clrldi(o[0], o[1], o[2]);
            case "rotldi" -> PpcAsm.rotldi(o[0], o[1], o[2]);
            default -> throw new IllegalArgumentException("no encoder mapped for mnemonic " + mnemonic);
        };
    }
}
