package dev.jppc.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtendedMnemonicsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // base names and their record/overflow forms
        "addi, ADDI", "add, ADD", "add., ADD", "addo, ADD", "addo., ADD", "subfo., SUBF", "nego, NEG",
        "divdeuo., DIVDEU", "mulldo, MULLD", "andi., ANDI_", "andis., ANDIS_", "addic., ADDIC_", "stwcx., STWCX_",
        "stdcx., STDCX_", "slbfee., SLBFEE_", "extsw., EXTSW", "rldicl., RLDICL", "cnttzd., CNTTZD",
        "modsw, MODSW", "ldbrx, LDBRX", "lq, LQ", "attn, ATTN", "rfid, RFID", "hrfid, HRFID",
        // Book I C.9 "other", C.4 subtract
        "li, ADDI", "la, ADDI", "subi, ADDI", "lis, ADDIS", "subis, ADDIS", "subic, ADDIC", "subic., ADDIC_",
        "sub, SUBF", "sub., SUBF", "subo., SUBF", "subc, SUBFC", "subco, SUBFC", "nop, ORI", "xnop, XORI",
        "mr, OR", "mr., OR", "yield, OR", "miso, OR", "mdoio, OR", "mdoom, OR", "exser, ORI", "not, NOR",
        "not., NOR", "crset, CREQV", "crclr, CRXOR", "crmove, CROR",
        "crnot, CRNOR", "iseleq, ISEL", "isellt, ISEL", "isel, ISEL",
        // C.5 compare
        "cmpwi, CMPI", "cmpdi, CMPI", "cmplwi, CMPLI", "cmpldi, CMPLI", "cmpw, CMP", "cmpd, CMP",
        "cmplw, CMPL", "cmpld, CMPL",
        // C.6 trap
        "trap, TW", "tweq, TW", "twne, TW", "twlt, TW", "twllt, TW", "twui, TWI", "tdnei, TDI", "tdgei, TDI",
        "tdlti, TDI", "tdlgt, TD", "tdu, TD", "twi, TWI", "tdi, TDI",
        // C.7 rotate and shift
        "sldi, RLDICR", "sldi., RLDICR", "srdi, RLDICL", "clrldi, RLDICL", "clrldi., RLDICL", "clrrdi, RLDICR",
        "rotldi, RLDICL", "rotld, RLDCL", "rotld., RLDCL", "extldi, RLDICR", "extrdi, RLDICL", "insrdi, RLDIMI",
        "clrlsldi, RLDIC", "slwi, RLWINM", "srwi., RLWINM", "clrlwi, RLWINM", "clrrwi, RLWINM",
        "rotlwi, RLWINM", "rotlw, RLWNM", "extlwi, RLWINM", "extrwi, RLWINM", "inslwi, RLWIMI",
        "insrwi, RLWIMI", "clrlslwi, RLWINM",
        // C.2 branches
        "b, B", "ba, B", "bl, B", "bla, B", "bc, BC", "bca, BC", "bcl, BC", "bcla, BC", "bclr, BCLR",
        "bclrl, BCLR", "bcctr, BCCTR", "bcctrl, BCCTR", "bctar, BCTAR", "bctarl, BCTAR", "blr, BCLR",
        "blrl, BCLR", "bctr, BCCTR", "bctrl, BCCTR", "btar, BCTAR", "btarl, BCTAR", "beq, BC", "bne-, BC",
        "beq+, BC", "bgt, BC", "ble, BC", "blt, BC", "bge+, BC", "bso, BC", "bns, BC", "bun, BC", "bnu, BC",
        "bnl, BC", "bng, BC", "beqa, BC", "beql, BC", "beql+, BC", "beqla, BC", "beqlr, BCLR", "bnelr, BCLR",
        "bnslr+, BCLR", "bltlr+, BCLR", "bgelr-, BCLR", "beqlrl, BCLR", "beqctr, BCCTR", "bnectrl, BCCTR",
        "beqtar, BCTAR", "bdnz, BC", "bdnz+, BC", "bdz-, BC", "bdnzt, BC", "bdnzf, BC", "bdzt, BC", "bdzf, BC",
        "bdnzl, BC", "bdnzla, BC", "bdnzlr, BCLR", "bdzlrl, BCLR", "bdnzflr+, BCLR", "bdnzftar, BCTAR",
        "bt, BC", "bf, BC", "bta, BC", "btlr, BCLR", "bfctr, BCCTR",
        // C.8 and binutils' SPR names
        "mflr, MFSPR", "mtlr, MTSPR", "mtctr, MTSPR", "mfctr, MFSPR", "mfxer, MFSPR", "mtxer, MTSPR",
        "mfsrr0, MFSPR", "mtsrr1, MTSPR", "mtamr, MTSPR", "mfsprg, MFSPR", "mtsprg, MTSPR", "mfsprg3, MFSPR",
        "mfhsprg0, MFSPR", "mthsprg1, MTSPR", "mtdec, MTSPR", "mfdec, MFSPR", "mttbl, MTSPR", "mttbu, MTSPR",
        "mttbu40, MTSPR", "mfpvr, MFSPR", "mfppr, MFSPR", "mfcfar, MFSPR", "mtlpcr, MTSPR", "mfvrsave, MFSPR",
        "mffscr, MFSPR", "mthfscr, MTSPR", "mtsdr1, MTSPR", "mfibatu, MFSPR", "mfusprg0, MFSPR",
        "mtdawrx0, MTSPR", "mfspr, MFSPR", "mtspr, MTSPR", "mftb, MFTB", "mftbu, MFTB",
        "mfmsr, MFMSR", "mtmsr, MTMSR", "mtmsrd, MTMSRD", "mfcr, MFCR", "mfocrf, MFCR", "mtcr, MTCRF",
        "mtcrf, MTCRF", "mtocrf, MTCRF",
        // Book II barriers and cache hints
        "sync, SYNC", "hwsync, SYNC", "lwsync, SYNC", "ptesync, SYNC", "msync, SYNC", "phwsync, SYNC",
        "eieio, EIEIO", "mbar, EIEIO", "isync, ISYNC", "wait, WAIT", "waitrsv, WAIT", "waitimpl, WAIT",
        "dcbt, DCBT", "dcbtct, DCBT", "dcbtds, DCBT", "dcbtst, DCBTST", "dcbtstct, DCBTST", "dcbtstds, DCBTST",
        "dcbf, DCBF", "dcbfl, DCBF", "dcbfps, DCBF", "dcbstps, DCBF", "dcbz, DCBZ", "dcbzl, DCBZ",
        // POWER names objdump falls back to for invalid PowerPC forms of the same word
        "lu, LWZU", "stux, STWUX", "lm, LMW", "lsi, LSWI",
        // case and surrounding blanks do not matter
        "' MR. ', OR", "BNE+, BC",
        // VSX shorthands, and the names objdump gives the GPR moves by register number
        "lxvd2x, LXVD2X", "xxmr, XXLOR", "xxlnot, XXLNOR", "xxswapd, XXPERMDI", "xxspltd, XXPERMDI",
        "xxmrghd, XXPERMDI", "xxmrgld, XXPERMDI", "mfvsrd, MFVSRD", "mffprd, MFVSRD", "mfvrd, MFVSRD",
        "mffprwz, MFVSRWZ", "mfvrwz, MFVSRWZ", "mtfprd, MTVSRD", "mtvrd, MTVSRD", "mtfprwa, MTVSRWA",
        "mtvrwa, MTVSRWA", "mtfprwz, MTVSRWZ", "mtvrwz, MTVSRWZ", "mfvsrld, MFVSRLD", "xxspltib, XXSPLTIB"
    })
    void shouldMapObjdumpMnemonicsToTheirRow(final String mnemonic, final Op expected) {
        assertEquals(Optional.of(expected), ExtendedMnemonics.baseOf(mnemonic));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // other families
        "lfd", "stfd", "fmr", "fnmsub", "fmadd.", "mffs", "mtfsf", "lvx", "stvx", "vperm", "vcmpequb.", "vmr",
        "mfvscr", "mtvscr", "xsadddp", "xvmaddadp", "lxvp", "xxperm", "dtstdgq",
        "tbegin.", "tend.", "tabort.", "evaddw", "ps_mr", "dcbz_l", "pld", "paddi",
        // instructions jppc does not implement
        "dozi", "stbcix", "ldcix", "lwzcix", "copy", "paste.", "cpabort", "msgsnd", "msgclrp", "msgsync", "nap",
        "sleep", "rvwinkle", "stop", "darn", "maddhd", "maddld", "scv", "rfscv", "svc", "lnia", "addpcis",
        "mfbhrbe", "clrbhrb", "mcrxr", "mcrxrx", "setb", "cmpeqb", "extswsli", "mfsr", "mtsrin", "mfdcr",
        "dcba", "dcbi", "slbiag", "rfebb", "urfid", "tlbia", "brd", "pause_short",
        // not instructions, or forms that do not exist
        ".long", ".long/unknown", "", "+", "andi", "stwcx", "cmpwi.", "mr.o", "mro", "popcntd.", "ori.",
        "bdnzctr", "blra", "bctra", "mfnothing", "frobnicate"
    })
    void shouldNotMapMnemonicsOutsideJppc(final String mnemonic) {
        assertEquals(Optional.empty(), ExtendedMnemonics.baseOf(mnemonic), mnemonic);
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void shouldMapEveryFormTheDisassemblerPrintsToItsOwnRow(final Op op) {
        if (op == Op.ILLEGAL) {
            return;
        }
        for (final String form : IsaCoverage.forms(op)) {
            assertEquals(Optional.of(op), ExtendedMnemonics.baseOf(form), form);
        }
    }

    @Test
    void shouldAcceptTimeBaseNamesForBothMftbAndMfspr() {
        assertTrue(ExtendedMnemonics.agrees("mftb", Op.MFTB));
        assertTrue(ExtendedMnemonics.agrees("mftbu", Op.MFSPR));
        assertTrue(ExtendedMnemonics.agrees("beq+", Op.BC));
        assertFalse(ExtendedMnemonics.agrees("mflr", Op.MFTB));
        assertFalse(ExtendedMnemonics.agrees("beq", Op.BCLR));
        assertFalse(ExtendedMnemonics.agrees(".long", Op.ILLEGAL));
    }
}
