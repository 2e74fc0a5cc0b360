package dev.jppc.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.FpAsm;
import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.asm.VmxAsm;

/**
 * The decoder against an independent reading of the instruction table: every word decodes to the one
 * {@link Op} whose opcode fields it carries, or to {@link Op#ILLEGAL}; every op round-trips through a word
 * built from its own fields and through the word the (GNU-as-checked) assembler makes for it; and every
 * encoding the table does not claim executes as the illegal-instruction interrupt.
 */
class DecoderTest {

    /** The primary opcodes that select an extended-opcode row. */
    private static final int[] ROW_PRIMARIES = {0, 19, 30, 31, 58, 62};

    /** Whether {@code word} carries the opcode fields of {@code op}. */
    static boolean carries(final Op op, final int word) {
        return OpWords.carries(op, word);
    }

    /** The op whose fields {@code word} carries; fails when two ops do. */
    static Op expected(final int word) {
        Op found = Op.ILLEGAL;
        for (final Op op : Op.values()) {
            if (carries(op, word)) {
                if (found != Op.ILLEGAL) {
                    fail(String.format("0x%08x carries the opcodes of both %s and %s", word, found, op));
                }
                found = op;
            }
        }
        return found;
    }

    /**
     * Every combination of primary opcode and the low eleven bits (which hold every extended opcode of every
     * form) decodes to exactly the op the table gives, whatever the other bits are.
     */
    @Test
    void shouldDecodeEverySlotOfEveryRowToExactlyOneOpOrIllegal() {
        final Random random = new Random(1);
        for (int primary = 0; primary < 64; primary++) {
            for (int low = 0; low < 2048; low++) {
                final int word = (primary << 26) | low;
                final Op op = expected(word);
                assertEquals(op, Decoder.decodeOp(word), () -> String.format("0x%08x", word));
                final int noisy = word | (random.nextInt() & 0x03FF_F800);
                assertEquals(op, Decoder.decodeOp(noisy), () -> String.format("0x%08x (other fields set)", noisy));
                assertTrue(Decoder.decode(word) >= 0 && Decoder.decode(word) < Op.count());
            }
        }
    }

    /** A word made of an op's primary and extended opcodes, every other bit random, decodes back to it. */
    @ParameterizedTest
    @EnumSource(Op.class)
    void shouldDecodeAWordBuiltFromTheOpsOwnFields(final Op op) {
        if (op == Op.ILLEGAL) {
            return;
        }
        final Random random = new Random(op.ordinal());
        for (int i = 0; i < 200; i++) {
            final int word = OpWords.withExtended(op, random.nextInt());
            assertEquals(op, Decoder.decodeOp(word), String.format("0x%08x", word));
        }
    }

    /** The assembler's word for each op, written from the ISA independently of {@link Op}, decodes to it. */
    @ParameterizedTest
    @EnumSource(Op.class)
    void shouldDecodeTheAssemblersWordForEveryOp(final Op op) {
        if (op == Op.ILLEGAL) {
            return;
        }
        assertEquals(op, Decoder.decodeOp(assembled(op)), String.format("0x%08x", assembled(op)));
    }

    static int assembled(final Op op) {
        return switch (op) {
            case ILLEGAL -> 0;
            case ADDI -> PpcAsm.addi(3, 4, -5);
            case ADDIS -> PpcAsm.addis(3, 4, 5);
            case ADDIC -> PpcAsm.addic(3, 4, 5);
            case ADDIC_ -> PpcAsm.addic_(3, 4, 5);
            case SUBFIC -> PpcAsm.subfic(3, 4, 5);
            case MULLI -> PpcAsm.mulli(3, 4, 5);
            case ADD -> PpcAsm.addo_(3, 4, 5);
            case ADDC -> PpcAsm.addc(3, 4, 5);
            case ADDE -> PpcAsm.addeo(3, 4, 5);
            case ADDME -> PpcAsm.addme_(3, 4);
            case ADDZE -> PpcAsm.addze(3, 4);
            case SUBF -> PpcAsm.subf(3, 4, 5);
            case SUBFC -> PpcAsm.subfco_(3, 4, 5);
            case SUBFE -> PpcAsm.subfe(3, 4, 5);
            case SUBFME -> PpcAsm.subfmeo(3, 4);
            case SUBFZE -> PpcAsm.subfze(3, 4);
            case NEG -> PpcAsm.nego_(3, 4);
            case MULLW -> PpcAsm.mullwo(3, 4, 5);
            case MULLD -> PpcAsm.mulld(3, 4, 5);
            case MULHW -> PpcAsm.mulhw_(3, 4, 5);
            case MULHWU -> PpcAsm.mulhwu(3, 4, 5);
            case MULHD -> PpcAsm.mulhd(3, 4, 5);
            case MULHDU -> PpcAsm.mulhdu_(3, 4, 5);
            case DIVW -> PpcAsm.divw(3, 4, 5);
            case DIVWU -> PpcAsm.divwuo(3, 4, 5);
            case DIVD -> PpcAsm.divd_(3, 4, 5);
            case DIVDU -> PpcAsm.divdu(3, 4, 5);
            case DIVWE -> PpcAsm.divwe(3, 4, 5);
            case DIVWEU -> PpcAsm.divweuo_(3, 4, 5);
            case DIVDE -> PpcAsm.divde(3, 4, 5);
            case DIVDEU -> PpcAsm.divdeu(3, 4, 5);
            case MODSW -> PpcAsm.modsw(3, 4, 5);
            case MODUW -> PpcAsm.moduw(3, 4, 5);
            case MODSD -> PpcAsm.modsd(3, 4, 5);
            case MODUD -> PpcAsm.modud(3, 4, 5);
            case CMPI -> PpcAsm.cmpi(7, 1, 4, -5);
            case CMPLI -> PpcAsm.cmpli(2, 0, 4, 5);
            case CMP -> PpcAsm.cmp(3, 1, 4, 5);
            case CMPL -> PpcAsm.cmpl(0, 0, 4, 5);
            case TWI -> PpcAsm.twi(4, 4, 5);
            case TDI -> PpcAsm.tdi(31, 4, 5);
            case TW -> PpcAsm.tw(31, 0, 0);
            case TD -> PpcAsm.td(8, 4, 5);
            case ISEL -> PpcAsm.isel(3, 4, 5, 31);
            case ANDI_ -> PpcAsm.andi_(3, 4, 5);
            case ANDIS_ -> PpcAsm.andis_(3, 4, 5);
            case ORI -> PpcAsm.ori(3, 4, 5);
            case ORIS -> PpcAsm.oris(3, 4, 5);
            case XORI -> PpcAsm.xori(3, 4, 5);
            case XORIS -> PpcAsm.xoris(3, 4, 5);
            case AND -> PpcAsm.and_(3, 4, 5);
            case ANDC -> PpcAsm.andc(3, 4, 5);
            case OR -> PpcAsm.or(3, 4, 5);
            case ORC -> PpcAsm.orc_(3, 4, 5);
            case XOR -> PpcAsm.xor(3, 4, 5);
            case NAND -> PpcAsm.nand(3, 4, 5);
            case NOR -> PpcAsm.nor_(3, 4, 5);
            case EQV -> PpcAsm.eqv(3, 4, 5);
            case EXTSB -> PpcAsm.extsb_(3, 4);
            case EXTSH -> PpcAsm.extsh(3, 4);
            case EXTSW -> PpcAsm.extsw(3, 4);
            case CNTLZW -> PpcAsm.cntlzw(3, 4);
            case CNTLZD -> PpcAsm.cntlzd_(3, 4);
            case CNTTZW -> PpcAsm.cnttzw(3, 4);
            case CNTTZD -> PpcAsm.cnttzd_(3, 4);
            case POPCNTB -> PpcAsm.popcntb(3, 4);
            case POPCNTW -> PpcAsm.popcntw(3, 4);
            case POPCNTD -> PpcAsm.popcntd(3, 4);
            case PRTYW -> PpcAsm.prtyw(3, 4);
            case PRTYD -> PpcAsm.prtyd(3, 4);
            case CMPB -> PpcAsm.cmpb(3, 4, 5);
            case BPERMD -> PpcAsm.bpermd(3, 4, 5);
            case LVEBX -> VmxAsm.lvebx(2, 3, 4);
            case LVEHX -> VmxAsm.lvehx(2, 3, 4);
            case LVEWX -> VmxAsm.lvewx(2, 3, 4);
            case LVX -> VmxAsm.lvx(2, 3, 4);
            case LVXL -> VmxAsm.lvxl(2, 3, 4);
            case STVEBX -> VmxAsm.stvebx(2, 3, 4);
            case STVEHX -> VmxAsm.stvehx(2, 3, 4);
            case STVEWX -> VmxAsm.stvewx(2, 3, 4);
            case STVX -> VmxAsm.stvx(2, 3, 4);
            case STVXL -> VmxAsm.stvxl(2, 3, 4);
            case LVSL -> VmxAsm.lvsl(2, 3, 4);
            case LVSR -> VmxAsm.lvsr(2, 3, 4);
            case VPKUHUM -> VmxAsm.vpkuhum(2, 3, 4);
            case VPKUWUM -> VmxAsm.vpkuwum(2, 3, 4);
            case VPKUDUM -> VmxAsm.vpkudum(2, 3, 4);
            case VPKUHUS -> VmxAsm.vpkuhus(2, 3, 4);
            case VPKUWUS -> VmxAsm.vpkuwus(2, 3, 4);
            case VPKUDUS -> VmxAsm.vpkudus(2, 3, 4);
            case VPKSHUS -> VmxAsm.vpkshus(2, 3, 4);
            case VPKSWUS -> VmxAsm.vpkswus(2, 3, 4);
            case VPKSDUS -> VmxAsm.vpksdus(2, 3, 4);
            case VPKSHSS -> VmxAsm.vpkshss(2, 3, 4);
            case VPKSWSS -> VmxAsm.vpkswss(2, 3, 4);
            case VPKSDSS -> VmxAsm.vpksdss(2, 3, 4);
            case VPKPX -> VmxAsm.vpkpx(2, 3, 4);
            case VUPKHSB -> VmxAsm.vupkhsb(2, 4);
            case VUPKHSH -> VmxAsm.vupkhsh(2, 4);
            case VUPKHSW -> VmxAsm.vupkhsw(2, 4);
            case VUPKLSB -> VmxAsm.vupklsb(2, 4);
            case VUPKLSH -> VmxAsm.vupklsh(2, 4);
            case VUPKLSW -> VmxAsm.vupklsw(2, 4);
            case VUPKHPX -> VmxAsm.vupkhpx(2, 4);
            case VUPKLPX -> VmxAsm.vupklpx(2, 4);
            case VMRGHB -> VmxAsm.vmrghb(2, 3, 4);
            case VMRGHH -> VmxAsm.vmrghh(2, 3, 4);
            case VMRGHW -> VmxAsm.vmrghw(2, 3, 4);
            case VMRGLB -> VmxAsm.vmrglb(2, 3, 4);
            case VMRGLH -> VmxAsm.vmrglh(2, 3, 4);
            case VMRGLW -> VmxAsm.vmrglw(2, 3, 4);
            case VMRGEW -> VmxAsm.vmrgew(2, 3, 4);
            case VMRGOW -> VmxAsm.vmrgow(2, 3, 4);
            case VSPLTB -> VmxAsm.vspltb(2, 4, 1);
            case VSPLTH -> VmxAsm.vsplth(2, 4, 1);
            case VSPLTW -> VmxAsm.vspltw(2, 4, 1);
            case VSPLTISB -> VmxAsm.vspltisb(2, -3);
            case VSPLTISH -> VmxAsm.vspltish(2, -3);
            case VSPLTISW -> VmxAsm.vspltisw(2, -3);
            case VPERM -> VmxAsm.vperm(2, 3, 4, 5);
            case VPERMXOR -> VmxAsm.vpermxor(2, 3, 4, 5);
            case VSEL -> VmxAsm.vsel(2, 3, 4, 5);
            case VSLDOI -> VmxAsm.vsldoi(2, 3, 4, 7);
            case VSL -> VmxAsm.vsl(2, 3, 4);
            case VSR -> VmxAsm.vsr(2, 3, 4);
            case VSLO -> VmxAsm.vslo(2, 3, 4);
            case VSRO -> VmxAsm.vsro(2, 3, 4);
            case VGBBD -> VmxAsm.vgbbd(2, 4);
            case VBPERMQ -> VmxAsm.vbpermq(2, 3, 4);
            case VADDUBM -> VmxAsm.vaddubm(2, 3, 4);
            case VADDUHM -> VmxAsm.vadduhm(2, 3, 4);
            case VADDUWM -> VmxAsm.vadduwm(2, 3, 4);
            case VADDUDM -> VmxAsm.vaddudm(2, 3, 4);
            case VADDUQM -> VmxAsm.vadduqm(2, 3, 4);
            case VADDCUQ -> VmxAsm.vaddcuq(2, 3, 4);
            case VADDCUW -> VmxAsm.vaddcuw(2, 3, 4);
            case VADDUBS -> VmxAsm.vaddubs(2, 3, 4);
            case VADDUHS -> VmxAsm.vadduhs(2, 3, 4);
            case VADDUWS -> VmxAsm.vadduws(2, 3, 4);
            case VADDSBS -> VmxAsm.vaddsbs(2, 3, 4);
            case VADDSHS -> VmxAsm.vaddshs(2, 3, 4);
            case VADDSWS -> VmxAsm.vaddsws(2, 3, 4);
            case VSUBUBM -> VmxAsm.vsububm(2, 3, 4);
            case VSUBUHM -> VmxAsm.vsubuhm(2, 3, 4);
            case VSUBUWM -> VmxAsm.vsubuwm(2, 3, 4);
            case VSUBUDM -> VmxAsm.vsubudm(2, 3, 4);
            case VSUBUQM -> VmxAsm.vsubuqm(2, 3, 4);
            case VSUBCUQ -> VmxAsm.vsubcuq(2, 3, 4);
            case VSUBCUW -> VmxAsm.vsubcuw(2, 3, 4);
            case VSUBUBS -> VmxAsm.vsububs(2, 3, 4);
            case VSUBUHS -> VmxAsm.vsubuhs(2, 3, 4);
            case VSUBUWS -> VmxAsm.vsubuws(2, 3, 4);
            case VSUBSBS -> VmxAsm.vsubsbs(2, 3, 4);
            case VSUBSHS -> VmxAsm.vsubshs(2, 3, 4);
            case VSUBSWS -> VmxAsm.vsubsws(2, 3, 4);
            case VADDEUQM -> VmxAsm.vaddeuqm(2, 3, 4, 5);
            case VADDECUQ -> VmxAsm.vaddecuq(2, 3, 4, 5);
            case VSUBEUQM -> VmxAsm.vsubeuqm(2, 3, 4, 5);
            case VSUBECUQ -> VmxAsm.vsubecuq(2, 3, 4, 5);
            case VMULOUB -> VmxAsm.vmuloub(2, 3, 4);
            case VMULOUH -> VmxAsm.vmulouh(2, 3, 4);
            case VMULOUW -> VmxAsm.vmulouw(2, 3, 4);
            case VMULOSB -> VmxAsm.vmulosb(2, 3, 4);
            case VMULOSH -> VmxAsm.vmulosh(2, 3, 4);
            case VMULOSW -> VmxAsm.vmulosw(2, 3, 4);
            case VMULEUB -> VmxAsm.vmuleub(2, 3, 4);
            case VMULEUH -> VmxAsm.vmuleuh(2, 3, 4);
            case VMULEUW -> VmxAsm.vmuleuw(2, 3, 4);
            case VMULESB -> VmxAsm.vmulesb(2, 3, 4);
            case VMULESH -> VmxAsm.vmulesh(2, 3, 4);
            case VMULESW -> VmxAsm.vmulesw(2, 3, 4);
            case VMULUWM -> VmxAsm.vmuluwm(2, 3, 4);
            case VMHADDSHS -> VmxAsm.vmhaddshs(2, 3, 4, 5);
            case VMHRADDSHS -> VmxAsm.vmhraddshs(2, 3, 4, 5);
            case VMLADDUHM -> VmxAsm.vmladduhm(2, 3, 4, 5);
            case VMSUMUBM -> VmxAsm.vmsumubm(2, 3, 4, 5);
            case VMSUMMBM -> VmxAsm.vmsummbm(2, 3, 4, 5);
            case VMSUMUHM -> VmxAsm.vmsumuhm(2, 3, 4, 5);
            case VMSUMUHS -> VmxAsm.vmsumuhs(2, 3, 4, 5);
            case VMSUMSHM -> VmxAsm.vmsumshm(2, 3, 4, 5);
            case VMSUMSHS -> VmxAsm.vmsumshs(2, 3, 4, 5);
            case VSUMSWS -> VmxAsm.vsumsws(2, 3, 4);
            case VSUM2SWS -> VmxAsm.vsum2sws(2, 3, 4);
            case VSUM4UBS -> VmxAsm.vsum4ubs(2, 3, 4);
            case VSUM4SBS -> VmxAsm.vsum4sbs(2, 3, 4);
            case VSUM4SHS -> VmxAsm.vsum4shs(2, 3, 4);
            case VAVGUB -> VmxAsm.vavgub(2, 3, 4);
            case VAVGUH -> VmxAsm.vavguh(2, 3, 4);
            case VAVGUW -> VmxAsm.vavguw(2, 3, 4);
            case VAVGSB -> VmxAsm.vavgsb(2, 3, 4);
            case VAVGSH -> VmxAsm.vavgsh(2, 3, 4);
            case VAVGSW -> VmxAsm.vavgsw(2, 3, 4);
            case VMAXUB -> VmxAsm.vmaxub(2, 3, 4);
            case VMAXUH -> VmxAsm.vmaxuh(2, 3, 4);
            case VMAXUW -> VmxAsm.vmaxuw(2, 3, 4);
            case VMAXUD -> VmxAsm.vmaxud(2, 3, 4);
            case VMAXSB -> VmxAsm.vmaxsb(2, 3, 4);
            case VMAXSH -> VmxAsm.vmaxsh(2, 3, 4);
            case VMAXSW -> VmxAsm.vmaxsw(2, 3, 4);
            case VMAXSD -> VmxAsm.vmaxsd(2, 3, 4);
            case VMINUB -> VmxAsm.vminub(2, 3, 4);
            case VMINUH -> VmxAsm.vminuh(2, 3, 4);
            case VMINUW -> VmxAsm.vminuw(2, 3, 4);
            case VMINUD -> VmxAsm.vminud(2, 3, 4);
            case VMINSB -> VmxAsm.vminsb(2, 3, 4);
            case VMINSH -> VmxAsm.vminsh(2, 3, 4);
            case VMINSW -> VmxAsm.vminsw(2, 3, 4);
            case VMINSD -> VmxAsm.vminsd(2, 3, 4);
            case VCMPEQUB -> VmxAsm.vcmpequb_(2, 3, 4);
            case VCMPEQUH -> VmxAsm.vcmpequh_(2, 3, 4);
            case VCMPEQUW -> VmxAsm.vcmpequw_(2, 3, 4);
            case VCMPEQUD -> VmxAsm.vcmpequd_(2, 3, 4);
            case VCMPGTUB -> VmxAsm.vcmpgtub_(2, 3, 4);
            case VCMPGTUH -> VmxAsm.vcmpgtuh_(2, 3, 4);
            case VCMPGTUW -> VmxAsm.vcmpgtuw_(2, 3, 4);
            case VCMPGTUD -> VmxAsm.vcmpgtud_(2, 3, 4);
            case VCMPGTSB -> VmxAsm.vcmpgtsb_(2, 3, 4);
            case VCMPGTSH -> VmxAsm.vcmpgtsh_(2, 3, 4);
            case VCMPGTSW -> VmxAsm.vcmpgtsw_(2, 3, 4);
            case VCMPGTSD -> VmxAsm.vcmpgtsd_(2, 3, 4);
            case VCMPNEB -> VmxAsm.vcmpneb_(2, 3, 4);
            case VAND -> VmxAsm.vand(2, 3, 4);
            case VANDC -> VmxAsm.vandc(2, 3, 4);
            case VOR -> VmxAsm.vor(2, 3, 4);
            case VXOR -> VmxAsm.vxor(2, 3, 4);
            case VNOR -> VmxAsm.vnor(2, 3, 4);
            case VORC -> VmxAsm.vorc(2, 3, 4);
            case VNAND -> VmxAsm.vnand(2, 3, 4);
            case VEQV -> VmxAsm.veqv(2, 3, 4);
            case VRLB -> VmxAsm.vrlb(2, 3, 4);
            case VRLH -> VmxAsm.vrlh(2, 3, 4);
            case VRLW -> VmxAsm.vrlw(2, 3, 4);
            case VRLD -> VmxAsm.vrld(2, 3, 4);
            case VSLB -> VmxAsm.vslb(2, 3, 4);
            case VSLH -> VmxAsm.vslh(2, 3, 4);
            case VSLW -> VmxAsm.vslw(2, 3, 4);
            case VSLD -> VmxAsm.vsld(2, 3, 4);
            case VSRB -> VmxAsm.vsrb(2, 3, 4);
            case VSRH -> VmxAsm.vsrh(2, 3, 4);
            case VSRW -> VmxAsm.vsrw(2, 3, 4);
            case VSRD -> VmxAsm.vsrd(2, 3, 4);
            case VSRAB -> VmxAsm.vsrab(2, 3, 4);
            case VSRAH -> VmxAsm.vsrah(2, 3, 4);
            case VSRAW -> VmxAsm.vsraw(2, 3, 4);
            case VSRAD -> VmxAsm.vsrad(2, 3, 4);
            case VADDFP -> VmxAsm.vaddfp(2, 3, 4);
            case VSUBFP -> VmxAsm.vsubfp(2, 3, 4);
            case VMAXFP -> VmxAsm.vmaxfp(2, 3, 4);
            case VMINFP -> VmxAsm.vminfp(2, 3, 4);
            case VMADDFP -> VmxAsm.vmaddfp(2, 3, 5, 4);
            case VNMSUBFP -> VmxAsm.vnmsubfp(2, 3, 5, 4);
            case VCFUX -> VmxAsm.vcfux(2, 4, 1);
            case VCFSX -> VmxAsm.vcfsx(2, 4, 1);
            case VCTUXS -> VmxAsm.vctuxs(2, 4, 1);
            case VCTSXS -> VmxAsm.vctsxs(2, 4, 1);
            case VRFIN -> VmxAsm.vrfin(2, 4);
            case VRFIZ -> VmxAsm.vrfiz(2, 4);
            case VRFIP -> VmxAsm.vrfip(2, 4);
            case VRFIM -> VmxAsm.vrfim(2, 4);
            case VREFP -> VmxAsm.vrefp(2, 4);
            case VRSQRTEFP -> VmxAsm.vrsqrtefp(2, 4);
            case VEXPTEFP -> VmxAsm.vexptefp(2, 4);
            case VLOGEFP -> VmxAsm.vlogefp(2, 4);
            case VCMPEQFP -> VmxAsm.vcmpeqfp_(2, 3, 4);
            case VCMPGEFP -> VmxAsm.vcmpgefp_(2, 3, 4);
            case VCMPGTFP -> VmxAsm.vcmpgtfp_(2, 3, 4);
            case VCMPBFP -> VmxAsm.vcmpbfp_(2, 3, 4);
            case VCIPHER -> VmxAsm.vcipher(2, 3, 4);
            case VCIPHERLAST -> VmxAsm.vcipherlast(2, 3, 4);
            case VNCIPHER -> VmxAsm.vncipher(2, 3, 4);
            case VNCIPHERLAST -> VmxAsm.vncipherlast(2, 3, 4);
            case VSBOX -> VmxAsm.vsbox(2, 3);
            case VSHASIGMAW -> VmxAsm.vshasigmaw(2, 3, 1, 9);
            case VSHASIGMAD -> VmxAsm.vshasigmad(2, 3, 1, 9);
            case VPMSUMB -> VmxAsm.vpmsumb(2, 3, 4);
            case VPMSUMH -> VmxAsm.vpmsumh(2, 3, 4);
            case VPMSUMW -> VmxAsm.vpmsumw(2, 3, 4);
            case VPMSUMD -> VmxAsm.vpmsumd(2, 3, 4);
            case VCLZB -> VmxAsm.vclzb(2, 4);
            case VCLZH -> VmxAsm.vclzh(2, 4);
            case VCLZW -> VmxAsm.vclzw(2, 4);
            case VCLZD -> VmxAsm.vclzd(2, 4);
            case VPOPCNTB -> VmxAsm.vpopcntb(2, 4);
            case VPOPCNTH -> VmxAsm.vpopcnth(2, 4);
            case VPOPCNTW -> VmxAsm.vpopcntw(2, 4);
            case VPOPCNTD -> VmxAsm.vpopcntd(2, 4);
            case VCTZLSBB -> VmxAsm.vctzlsbb(3, 4);
            case VEXTUBRX -> VmxAsm.vextubrx(3, 5, 4);
            case VEXTRACTBM -> VmxAsm.vextractbm(3, 4);
            case BCDADD_ -> VmxAsm.bcdadd_(2, 3, 4, 1);
            case BCDSUB_ -> VmxAsm.bcdsub_(2, 3, 4, 0);
            case MFVSCR -> VmxAsm.mfvscr(2);
            case MTVSCR -> VmxAsm.mtvscr(4);
            case RLWINM -> PpcAsm.rlwinm_(3, 4, 5, 6, 7);
            case RLWNM -> PpcAsm.rlwnm(3, 4, 5, 6, 7);
            case RLWIMI -> PpcAsm.rlwimi(3, 4, 5, 6, 7);
            case RLDICL -> PpcAsm.rldicl(3, 4, 63, 63);
            case RLDICR -> PpcAsm.rldicr_(3, 4, 32, 5);
            case RLDIC -> PpcAsm.rldic(3, 4, 33, 40);
            case RLDIMI -> PpcAsm.rldimi_(3, 4, 0, 0);
            case RLDCL -> PpcAsm.rldcl(3, 4, 5, 60);
            case RLDCR -> PpcAsm.rldcr_(3, 4, 5, 2);
            case SLW -> PpcAsm.slw(3, 4, 5);
            case SRW -> PpcAsm.srw_(3, 4, 5);
            case SRAW -> PpcAsm.sraw(3, 4, 5);
            case SRAWI -> PpcAsm.srawi_(3, 4, 31);
            case SLD -> PpcAsm.sld(3, 4, 5);
            case SRD -> PpcAsm.srd(3, 4, 5);
            case SRAD -> PpcAsm.srad_(3, 4, 5);
            case SRADI -> PpcAsm.sradi(3, 4, 63);
            case LBZ -> PpcAsm.lbz(3, -1, 4);
            case LBZU -> PpcAsm.lbzu(3, 1, 4);
            case LHZ -> PpcAsm.lhz(3, 2, 4);
            case LHZU -> PpcAsm.lhzu(3, 2, 4);
            case LHA -> PpcAsm.lha(3, 2, 4);
            case LHAU -> PpcAsm.lhau(3, 2, 4);
            case LWZ -> PpcAsm.lwz(3, 4, 4);
            case LWZU -> PpcAsm.lwzu(3, 4, 4);
            case LWA -> PpcAsm.lwa(3, 8, 4);
            case LD -> PpcAsm.ld(3, -8, 4);
            case LDU -> PpcAsm.ldu(3, 8, 4);
            case LQ -> PpcAsm.lq(6, 16, 4);
            case STB -> PpcAsm.stb(3, 1, 4);
            case STBU -> PpcAsm.stbu(3, 1, 4);
            case STH -> PpcAsm.sth(3, 2, 4);
            case STHU -> PpcAsm.sthu(3, 2, 4);
            case STW -> PpcAsm.stw(3, 4, 4);
            case STWU -> PpcAsm.stwu(1, -16, 1);
            case STD -> PpcAsm.std(3, 8, 4);
            case STDU -> PpcAsm.stdu(1, -32, 1);
            case STQ -> PpcAsm.stq(6, 16, 4);
            case LMW -> PpcAsm.lmw(28, 8, 4);
            case STMW -> PpcAsm.stmw(28, 8, 4);
            case LBZX -> PpcAsm.lbzx(3, 4, 5);
            case LBZUX -> PpcAsm.lbzux(3, 4, 5);
            case LHZX -> PpcAsm.lhzx(3, 4, 5);
            case LHZUX -> PpcAsm.lhzux(3, 4, 5);
            case LHAX -> PpcAsm.lhax(3, 4, 5);
            case LHAUX -> PpcAsm.lhaux(3, 4, 5);
            case LWZX -> PpcAsm.lwzx(3, 4, 5);
            case LWZUX -> PpcAsm.lwzux(3, 4, 5);
            case LWAX -> PpcAsm.lwax(3, 4, 5);
            case LWAUX -> PpcAsm.lwaux(3, 4, 5);
            case LDX -> PpcAsm.ldx(3, 4, 5);
            case LDUX -> PpcAsm.ldux(3, 4, 5);
            case STBX -> PpcAsm.stbx(3, 4, 5);
            case STBUX -> PpcAsm.stbux(3, 4, 5);
            case STHX -> PpcAsm.sthx(3, 4, 5);
            case STHUX -> PpcAsm.sthux(3, 4, 5);
            case STWX -> PpcAsm.stwx(3, 4, 5);
            case STWUX -> PpcAsm.stwux(3, 4, 5);
            case STDX -> PpcAsm.stdx(3, 4, 5);
            case STDUX -> PpcAsm.stdux(3, 4, 5);
            case LHBRX -> PpcAsm.lhbrx(3, 4, 5);
            case LWBRX -> PpcAsm.lwbrx(3, 4, 5);
            case LDBRX -> PpcAsm.ldbrx(3, 4, 5);
            case STHBRX -> PpcAsm.sthbrx(3, 4, 5);
            case STWBRX -> PpcAsm.stwbrx(3, 4, 5);
            case STDBRX -> PpcAsm.stdbrx(3, 4, 5);
            case LSWI -> PpcAsm.lswi(5, 4, 8);
            case LSWX -> PpcAsm.lswx(6, 4, 5);
            case STSWI -> PpcAsm.stswi(5, 4, 8);
            case STSWX -> PpcAsm.stswx(6, 4, 5);
            case LBARX -> PpcAsm.lbarx(3, 4, 5);
            case LHARX -> PpcAsm.lharx(3, 4, 5);
            case LWARX -> PpcAsm.lwarx(3, 4, 5, 1);
            case LDARX -> PpcAsm.ldarx(3, 4, 5);
            case LQARX -> PpcAsm.lqarx(6, 4, 5);
            case STBCX_ -> PpcAsm.stbcx_(3, 4, 5);
            case STHCX_ -> PpcAsm.sthcx_(3, 4, 5);
            case STWCX_ -> PpcAsm.stwcx_(3, 4, 5);
            case STDCX_ -> PpcAsm.stdcx_(3, 4, 5);
            case STQCX_ -> PpcAsm.stqcx_(6, 4, 5);
            case DCBZ -> PpcAsm.dcbz(4, 5);
            case DCBT -> PpcAsm.dcbt(4, 5);
            case DCBTST -> PpcAsm.dcbtst(4, 5);
            case DCBST -> PpcAsm.dcbst(4, 5);
            case DCBF -> PpcAsm.dcbf(4, 5);
            case ICBI -> PpcAsm.icbi(4, 5);
            case ICBT -> (31 << 26) | (4 << 16) | (5 << 11) | (22 << 1);
            case SYNC -> PpcAsm.lwsync();
            case EIEIO -> PpcAsm.eieio();
            case DSS -> 0x7E00_066C; // dssall, as in the Debian kernel
            case DST -> (31 << 26) | (4 << 16) | (5 << 11) | (342 << 1);
            case DSTST -> (31 << 26) | (4 << 16) | (5 << 11) | (374 << 1);
            case WAIT -> (31 << 26) | (62 << 1);
            case ISYNC -> PpcAsm.isync();
            case B -> PpcAsm.bl(-0x100);
            case BC -> PpcAsm.bc(12, 2, 0x40);
            case BCLR -> PpcAsm.bclrl(20, 0);
            case BCCTR -> PpcAsm.bcctr(20, 0);
            case BCTAR -> PpcAsm.bctarl(12, 5);
            case CRAND -> PpcAsm.crand(1, 2, 3);
            case CROR -> PpcAsm.cror(1, 2, 3);
            case CRXOR -> PpcAsm.crxor(1, 2, 3);
            case CRNAND -> PpcAsm.crnand(1, 2, 3);
            case CRNOR -> PpcAsm.crnor(1, 2, 3);
            case CREQV -> PpcAsm.creqv(1, 2, 3);
            case CRANDC -> PpcAsm.crandc(1, 2, 3);
            case CRORC -> PpcAsm.crorc(1, 2, 3);
            case MCRF -> PpcAsm.mcrf(7, 0);
            case MFCR -> PpcAsm.mfocrf(3, 0x10);
            case MTCRF -> PpcAsm.mtcrf(0xFF, 3);
            case MFSPR -> PpcAsm.mfspr(3, Spr.LR);
            case MTSPR -> PpcAsm.mtspr(Spr.SRR0, 3);
            case MFTB -> (31 << 26) | (3 << 21) | (12 << 16) | (8 << 11) | (371 << 1);
            case SC -> PpcAsm.sc(1);
            case RFID -> PpcAsm.rfid();
            case HRFID -> PpcAsm.hrfid();
            case MFMSR -> PpcAsm.mfmsr(3);
            case MTMSR -> PpcAsm.mtmsr(3, 1);
            case MTMSRD -> PpcAsm.mtmsrd(3);
            case SLBMTE -> PpcAsm.slbmte(3, 4);
            case SLBMFEE -> PpcAsm.slbmfee(3, 4);
            case SLBMFEV -> PpcAsm.slbmfev(3, 4);
            case SLBIE -> PpcAsm.slbie(4);
            case SLBIA -> PpcAsm.slbia(7);
            case SLBFEE_ -> PpcAsm.slbfee_(3, 4);
            case TLBIE -> PpcAsm.tlbie(4, 5);
            case TLBIEL -> PpcAsm.tlbiel(4, 1);
            case TLBSYNC -> PpcAsm.tlbsync();
            case ATTN -> PpcAsm.attn();
            case LFS -> FpAsm.lfs(1, 8, 3);
            case LFSU -> FpAsm.lfsu(1, 8, 3);
            case LFD -> FpAsm.lfd(1, 8, 3);
            case LFDU -> FpAsm.lfdu(1, 8, 3);
            case STFS -> FpAsm.stfs(1, 8, 3);
            case STFSU -> FpAsm.stfsu(1, 8, 3);
            case STFD -> FpAsm.stfd(1, 8, 3);
            case STFDU -> FpAsm.stfdu(1, 8, 3);
            case LFDP -> FpAsm.lfdp(2, 16, 3);
            case STFDP -> FpAsm.stfdp(2, 16, 3);
            case LFSX -> FpAsm.lfsx(1, 3, 4);
            case LFSUX -> FpAsm.lfsux(1, 3, 4);
            case LFDX -> FpAsm.lfdx(1, 3, 4);
            case LFDUX -> FpAsm.lfdux(1, 3, 4);
            case STFSX -> FpAsm.stfsx(1, 3, 4);
            case STFSUX -> FpAsm.stfsux(1, 3, 4);
            case STFDX -> FpAsm.stfdx(1, 3, 4);
            case STFDUX -> FpAsm.stfdux(1, 3, 4);
            case LFIWAX -> FpAsm.lfiwax(1, 3, 4);
            case LFIWZX -> FpAsm.lfiwzx(1, 3, 4);
            case STFIWX -> FpAsm.stfiwx(1, 3, 4);
            case LFDPX -> FpAsm.lfdpx(2, 3, 4);
            case STFDPX -> FpAsm.stfdpx(2, 3, 4);
            case FDIV -> FpAsm.fdiv(1, 2, 3);
            case FSUB -> FpAsm.fsub(1, 2, 3);
            case FADD -> FpAsm.fadd(1, 2, 3);
            case FSQRT -> FpAsm.fsqrt(1, 2);
            case FRE -> FpAsm.fre(1, 2);
            case FMUL -> FpAsm.fmul(1, 2, 3);
            case FRSQRTE -> FpAsm.frsqrte(1, 2);
            case FMSUB -> FpAsm.fmsub(1, 2, 3, 4);
            case FMADD -> FpAsm.fmadd(1, 2, 3, 4);
            case FNMSUB -> FpAsm.fnmsub(1, 2, 3, 4);
            case FNMADD -> FpAsm.fnmadd(1, 2, 3, 4);
            case FDIVS -> FpAsm.fdivs(1, 2, 3);
            case FSUBS -> FpAsm.fsubs(1, 2, 3);
            case FADDS -> FpAsm.fadds(1, 2, 3);
            case FSQRTS -> FpAsm.fsqrts(1, 2);
            case FRES -> FpAsm.fres(1, 2);
            case FMULS -> FpAsm.fmuls(1, 2, 3);
            case FRSQRTES -> FpAsm.frsqrtes(1, 2);
            case FMSUBS -> FpAsm.fmsubs(1, 2, 3, 4);
            case FMADDS -> FpAsm.fmadds(1, 2, 3, 4);
            case FNMSUBS -> FpAsm.fnmsubs(1, 2, 3, 4);
            case FNMADDS -> FpAsm.fnmadds(1, 2, 3, 4);
            case FSEL -> FpAsm.fsel(1, 2, 3, 4);
            case FCFIDS -> FpAsm.fcfids(1, 2);
            case FCFIDUS -> FpAsm.fcfidus(1, 2);
            case FCMPU -> FpAsm.fcmpu(1, 2, 3);
            case FCMPO -> FpAsm.fcmpo(1, 2, 3);
            case FTDIV -> FpAsm.ftdiv(1, 2, 3);
            case FTSQRT -> FpAsm.ftsqrt(1, 2);
            case FRSP -> FpAsm.frsp(1, 2);
            case FCTIW -> FpAsm.fctiw(1, 2);
            case FCTIWZ -> FpAsm.fctiwz(1, 2);
            case FCTIWU -> FpAsm.fctiwu(1, 2);
            case FCTIWUZ -> FpAsm.fctiwuz(1, 2);
            case FCTID -> FpAsm.fctid(1, 2);
            case FCTIDZ -> FpAsm.fctidz(1, 2);
            case FCTIDU -> FpAsm.fctidu(1, 2);
            case FCTIDUZ -> FpAsm.fctiduz(1, 2);
            case FCFID -> FpAsm.fcfid(1, 2);
            case FCFIDU -> FpAsm.fcfidu(1, 2);
            case FRIN -> FpAsm.frin(1, 2);
            case FRIZ -> FpAsm.friz(1, 2);
            case FRIP -> FpAsm.frip(1, 2);
            case FRIM -> FpAsm.frim(1, 2);
            case FMR -> FpAsm.fmr(1, 2);
            case FNEG -> FpAsm.fneg(1, 2);
            case FABS -> FpAsm.fabs(1, 2);
            case FNABS -> FpAsm.fnabs(1, 2);
            case FCPSGN -> FpAsm.fcpsgn(1, 2, 3);
            case FMRGEW -> FpAsm.fmrgew(1, 2, 3);
            case FMRGOW -> FpAsm.fmrgow(1, 2, 3);
            case MFFS -> FpAsm.mffs(1);
            case MTFSF -> FpAsm.mtfsf(255, 1, 0, 0);
            case MTFSFI -> FpAsm.mtfsfi(7, 3, 0);
            case MTFSB0 -> FpAsm.mtfsb0(1);
            case MTFSB1 -> FpAsm.mtfsb1(1);
            case MCRFS -> FpAsm.mcrfs(1, 2);
            case XSADDDP -> FpAsm.xsadddp(33, 2, 63);
            case XSSUBDP -> FpAsm.xssubdp(33, 2, 63);
            case XSMULDP -> FpAsm.xsmuldp(33, 2, 63);
            case XSDIVDP -> FpAsm.xsdivdp(33, 2, 63);
            case XSMADDADP -> FpAsm.xsmaddadp(33, 2, 63);
            case XSMADDMDP -> FpAsm.xsmaddmdp(33, 2, 63);
            case XSMSUBADP -> FpAsm.xsmsubadp(33, 2, 63);
            case XSMSUBMDP -> FpAsm.xsmsubmdp(33, 2, 63);
            case XSNMADDADP -> FpAsm.xsnmaddadp(33, 2, 63);
            case XSNMADDMDP -> FpAsm.xsnmaddmdp(33, 2, 63);
            case XSNMSUBADP -> FpAsm.xsnmsubadp(33, 2, 63);
            case XSNMSUBMDP -> FpAsm.xsnmsubmdp(33, 2, 63);
            case XSMAXDP -> FpAsm.xsmaxdp(33, 2, 63);
            case XSMINDP -> FpAsm.xsmindp(33, 2, 63);
            case XSCPSGNDP -> FpAsm.xscpsgndp(33, 2, 63);
            case XSADDSP -> FpAsm.xsaddsp(33, 2, 63);
            case XSSUBSP -> FpAsm.xssubsp(33, 2, 63);
            case XSMULSP -> FpAsm.xsmulsp(33, 2, 63);
            case XSDIVSP -> FpAsm.xsdivsp(33, 2, 63);
            case XVADDDP -> FpAsm.xvadddp(33, 2, 63);
            case XVSUBDP -> FpAsm.xvsubdp(33, 2, 63);
            case XVMULDP -> FpAsm.xvmuldp(33, 2, 63);
            case XVDIVDP -> FpAsm.xvdivdp(33, 2, 63);
            case XVMADDADP -> FpAsm.xvmaddadp(33, 2, 63);
            case XVCPSGNDP -> FpAsm.xvcpsgndp(33, 2, 63);
            case XVADDSP -> FpAsm.xvaddsp(33, 2, 63);
            case XVMULSP -> FpAsm.xvmulsp(33, 2, 63);
            case XSCMPUDP -> FpAsm.xscmpudp(3, 2, 63);
            case XSCMPODP -> FpAsm.xscmpodp(3, 2, 63);
            case XSSQRTDP -> FpAsm.xssqrtdp(33, 2);
            case XSABSDP -> FpAsm.xsabsdp(33, 2);
            case XSNABSDP -> FpAsm.xsnabsdp(33, 2);
            case XSNEGDP -> FpAsm.xsnegdp(33, 2);
            case XSRDPI -> FpAsm.xsrdpi(33, 2);
            case XSRDPIZ -> FpAsm.xsrdpiz(33, 2);
            case XSRDPIP -> FpAsm.xsrdpip(33, 2);
            case XSRDPIM -> FpAsm.xsrdpim(33, 2);
            case XSRDPIC -> FpAsm.xsrdpic(33, 2);
            case XSRSP -> FpAsm.xsrsp(33, 2);
            case XSCVDPSXDS -> FpAsm.xscvdpsxds(33, 2);
            case XSCVDPSXWS -> FpAsm.xscvdpsxws(33, 2);
            case XSCVDPUXDS -> FpAsm.xscvdpuxds(33, 2);
            case XSCVDPUXWS -> FpAsm.xscvdpuxws(33, 2);
            case XSCVSXDDP -> FpAsm.xscvsxddp(33, 2);
            case XSCVUXDDP -> FpAsm.xscvuxddp(33, 2);
            case XSCVSXDSP -> FpAsm.xscvsxdsp(33, 2);
            case XSCVUXDSP -> FpAsm.xscvuxdsp(33, 2);
            case XSCVDPSP -> FpAsm.xscvdpsp(33, 2);
            case XSCVSPDP -> FpAsm.xscvspdp(33, 2);
            case XSCVDPSPN -> FpAsm.xscvdpspn(33, 2);
            case XSCVSPDPN -> FpAsm.xscvspdpn(33, 2);
            case XVABSDP -> FpAsm.xvabsdp(33, 2);
            case XVNEGDP -> FpAsm.xvnegdp(33, 2);
            case XVCVSXDDP -> FpAsm.xvcvsxddp(33, 2);
            case XVCVDPSXDS -> FpAsm.xvcvdpsxds(33, 2);
            case XVCVSPDP -> FpAsm.xvcvspdp(33, 2);
            case XVCVDPSP -> FpAsm.xvcvdpsp(33, 2);
            // VSX: GNU as words (binutils 2.40, -mpower9), with high register numbers where a form has TX/AX/BX/CX
            case LXSDX -> 0x7c442c98; // lxsdx 2,4,5
            case LXSIWAX -> 0x7c642898; // lxsiwax 3,4,5
            case LXSIWZX -> 0x7d042819; // lxsiwzx 40,4,5
            case LXSSPX -> 0x7ca42c18; // lxsspx 5,4,5
            case LXVD2X -> 0x7c242e99; // lxvd2x 33,4,5
            case LXVDSX -> 0x7fe42a99; // lxvdsx 63,4,5
            case LXVW4X -> 0x7c242e18; // lxvw4x 1,4,5
            case STXSDX -> 0x7c442d98; // stxsdx 2,4,5
            case STXSIWX -> 0x7c642918; // stxsiwx 3,4,5
            case STXSSPX -> 0x7c642d19; // stxsspx 35,4,5
            case STXVD2X -> 0x7c042f98; // stxvd2x 0,4,5
            case STXVW4X -> 0x7c242f19; // stxvw4x 33,4,5
            case LXVL -> 0x7d4b621a; // lxvl 10,11,12
            case STXVL -> 0x7d4b631a; // stxvl 10,11,12
            case LXV -> 0xf54b0011; // lxv 10,16(11)
            case STXV -> 0xf54bffed; // stxv 42,-32(11)
            case MFVSRD -> 0x7fe30067; // mfvsrd 3,63
            case MFVSRWZ -> 0x7c2300e7; // mfvsrwz 3,33
            case MTVSRD -> 0x7c430167; // mtvsrd 34,3
            case MTVSRWA -> 0x7c2301a6; // mtvsrwa 1,3
            case MTVSRWZ -> 0x7c8301e7; // mtvsrwz 36,3
            case MFVSRLD -> 0x7c830266; // mfvsrld 3,4
            case MTVSRDD -> 0x7ca63b66; // mtvsrdd 5,6,7
            case MTVSRWS -> 0x7d090326; // mtvsrws 8,9
            case XXLAND -> 0xf0221c10; // xxland 1,2,3
            case XXLANDC -> 0xf0221c50; // xxlandc 1,2,3
            case XXLOR -> 0xf0221c90; // xxlor 1,2,3
            case XXLXOR -> 0xf0221cd0; // xxlxor 1,2,3
            case XXLNOR -> 0xf0221d10; // xxlnor 1,2,3
            case XXLORC -> 0xf0221d50; // xxlorc 1,2,3
            case XXLNAND -> 0xf0221d90; // xxlnand 1,2,3
            case XXLEQV -> 0xf0221dd0; // xxleqv 1,2,3
            case XXSEL -> 0xf022193f; // xxsel 33,34,35,36
            case XXPERMDI -> 0xf0221950; // xxpermdi 1,2,3,1
            case XXSLDWI -> 0xf0221b17; // xxsldwi 33,34,35,3
            case XXMRGHW -> 0xf0221890; // xxmrghw 1,2,3
            case XXMRGLW -> 0xf0221990; // xxmrglw 1,2,3
            case XXSPLTW -> 0xf0201293; // xxspltw 33,34,0
            case XXSPLTIB -> 0xf0203ad1; // xxspltib 33,7
        };
    }

    // ---- what the table does not claim --------------------------------------------------------------------

    /** The extended opcodes of {@code primary}'s row that no op claims, as words with the other fields zero. */
    private static List<Integer> unclaimedSlots(final int primary) {
        final List<Integer> words = new ArrayList<>();
        final int slots = switch (primary) {
            case 30 -> 16;
            case 58, 62 -> 4;
            default -> 1024;
        };
        for (int key = 0; key < slots; key++) {
            final int low = switch (primary) {
                case 58, 62 -> key;
                default -> key << 1;
            };
            final int word = (primary << 26) | low;
            if (expected(word) == Op.ILLEGAL) {
                words.add(word);
            }
        }
        return words;
    }

    @Test
    void shouldLeaveTheUnimplementedPrimaryOpcodesIllegal() {
        final Random random = new Random(2);
        int primaries = 0;
        for (int primary = 0; primary < 64; primary++) {
            final int p = primary;
            final boolean hasOp = Arrays.stream(Op.values()).anyMatch(op -> op != Op.ILLEGAL
                && op.primary() == p);
            if (hasOp) {
                continue;
            }
            primaries++;
            for (int i = 0; i < 1000; i++) {
                final int word = (primary << 26) | (random.nextInt() & 0x03FF_FFFF);
                assertEquals(Op.ILLEGAL, Decoder.decodeOp(word), String.format("0x%08x", word));
            }
        }
        // 1 (prefix), 5, 6, 9, 22 at least (4 is VMX now).
        assertTrue(primaries >= 5, "primaries without an op: " + primaries);
    }

    /**
     * Every unclaimed slot of rows 19, 30, 31, 58 and 62, and every primary opcode without an op, executes as
     * the illegal-instruction interrupt: a program interrupt with SRR1[44] where jppc is the hypervisor, the
     * hypervisor emulation assistance interrupt with HEIR = the word where the processor has HV.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 19, 30, 31, 58, 62, -1})
    void shouldExecuteUnclaimedEncodingsAsTheIllegalInstructionInterrupt(final int primary) {
        final List<Integer> words;
        if (primary >= 0) {
            words = unclaimedSlots(primary);
        } else {
            words = new ArrayList<>();
            for (int p = 0; p < 64; p++) {
                final int candidate = (p << 26) | 0x0012_3456;
                final int candidatePrimary = p;
                if (expected(candidate) == Op.ILLEGAL
                    && Arrays.stream(ROW_PRIMARIES).noneMatch(r -> r == candidatePrimary)) {
                    words.add(candidate);
                }
            }
        }
        assertTrue(!words.isEmpty());
        for (final int word : words) {
            final ByteOrder order = (word & 2) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            TestMachine.supervisor(order).gpr(3, 0x3333).run(PpcAsm.nop(), word)
                .assertProgramInterrupt(TestMachine.at(1), Interrupts.SRR1_ILLEGAL);
            final TestMachine hv = TestMachine.hypervisor(order).run(word)
                .assertInterrupt(Interrupts.HYPERVISOR_EMULATION_ASSISTANCE);
            assertEquals(word & 0xFFFF_FFFFL, hv.cpu.spr[Spr.HEIR], () -> String.format("HEIR for 0x%08x", word));
            assertEquals(TestMachine.CODE, hv.cpu.spr[Spr.HSRR0]);
        }
    }
}
