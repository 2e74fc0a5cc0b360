package dev.jppc.core.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Operand checks of {@link PpcAsm}; the encodings themselves are pinned by {@link PpcAsmGoldenTest}. */
class PpcAsmTest {

    @Test
    void shouldEncodeWellKnownWords() {
        assertEquals(0x38600001, PpcAsm.addi(3, 0, 1));
        assertEquals(0x60000000, PpcAsm.nop());
        assertEquals(0x4e800020, PpcAsm.blr());
        assertEquals(0x44000002, PpcAsm.sc());
        assertEquals(0x44000022, PpcAsm.sc(1));
        assertEquals(0x00000200, PpcAsm.attn());
        assertEquals(0x7c7903a6, PpcAsm.mtspr(25, 3));
    }

    @Test
    void shouldSplitSprNumberIntoSwappedHalves() {
        // SPR 34 = 0b00001_00010 goes into bits 11:20 low half first, 0b00010_00001 (GNU: mfspr 3,34 = 7c620aa6).
        assertEquals(0x7c620aa6, PpcAsm.mfspr(3, 34));
    }

    static Stream<Arguments> badOperands() {
        return Stream.of(
                bad("RT must be 0..31, was 32", () -> PpcAsm.add(32, 0, 0)),
                bad("RB must be 0..31, was -1", () -> PpcAsm.add(0, 0, -1)),
                bad("SI must be -32768..32767, was 32768", () -> PpcAsm.addi(3, 4, 32768)),
                bad("SI must be -32768..65535, was 65536", () -> PpcAsm.addis(3, 4, 65536)),
                bad("UI must be 0..65535, was -1", () -> PpcAsm.ori(3, 4, -1)),
                bad("D must be -32768..32767, was -32769", () -> PpcAsm.lwz(3, -32769, 4)),
                bad("DS must be a multiple of 4, was 6", () -> PpcAsm.ld(3, 6, 4)),
                bad("DS must be -32768..32767, was 32768", () -> PpcAsm.std(3, 32768, 4)),
                bad("DQ must be a multiple of 16, was 8", () -> PpcAsm.lq(4, 8, 5)),
                bad("RTp must be an even register", () -> PpcAsm.lq(5, 16, 4)),
                bad("RTp must differ from RA", () -> PpcAsm.lq(4, 16, 4)),
                bad("RSp must be an even register", () -> PpcAsm.stq(3, 16, 4)),
                bad("RTp must differ from RA and RB", () -> PpcAsm.lqarx(4, 5, 4)),
                bad("RA must be neither 0 nor RT", () -> PpcAsm.lwzu(3, 8, 0)),
                bad("RA must be neither 0 nor RT", () -> PpcAsm.ldux(3, 3, 5)),
                bad("RA must not be 0 for a store with update", () -> PpcAsm.stdu(1, -16, 0)),
                bad("RA must be below RT for lmw", () -> PpcAsm.lmw(3, 0, 3)),
                bad("RA must not be among the 8 registers lswi loads", () -> PpcAsm.lswi(3, 4, 0)),
                bad("RA must not be among the 3 registers lswi loads", () -> PpcAsm.lswi(30, 0, 12)),
                bad("RT must differ from RA and RB for lswx", () -> PpcAsm.lswx(3, 4, 3)),
                bad("EH must be 0..1, was 2", () -> PpcAsm.lwarx(3, 4, 5, 2)),
                bad("LI offset must be a multiple of 4, was 6", () -> PpcAsm.b(6)),
                bad("LI offset must be in -33554432..33554428, was 33554432", () -> PpcAsm.b(1 << 25)),
                bad("LI target must be in", () -> PpcAsm.ba(-(1 << 25) - 4)),
                bad("BD offset must be -32768..32767, was 32768", () -> PpcAsm.bc(12, 2, 32768)),
                bad("BD offset must be a multiple of 4, was 2", () -> PpcAsm.beq(2)),
                bad("BO must be a defined encoding", () -> PpcAsm.bc(21, 0, 8)),
                bad("BO must be a defined encoding", () -> PpcAsm.bc(13, 0, 8)),
                bad("BO must be 0..31, was 32", () -> PpcAsm.bclr(32, 0)),
                bad("BO must not decrement CTR in bcctr", () -> PpcAsm.bcctr(0, 2)),
                bad("BI must be 0..31, was 32", () -> PpcAsm.bc(12, 32, 8)),
                bad("BH must be 0..3, was 4", () -> PpcAsm.bclr(20, 0, 4)),
                bad("BF must be 0..7, was 8", () -> PpcAsm.cmpwi(8, 3, 0)),
                bad("BF must be 0..7, was 8", () -> PpcAsm.beq(8, 0)),
                bad("L must be 0..1, was 2", () -> PpcAsm.cmp(0, 2, 3, 4)),
                bad("SH must be 0..31, was 32", () -> PpcAsm.rlwinm(3, 4, 32, 0, 31)),
                bad("ME must be 0..31, was 32", () -> PpcAsm.rlwinm(3, 4, 0, 0, 32)),
                bad("SH must be 0..63, was 64", () -> PpcAsm.rldicl(3, 4, 64, 0)),
                bad("MB must be 0..63, was 64", () -> PpcAsm.rldcl(3, 4, 5, 64)),
                bad("ME must be 0..63, was -1", () -> PpcAsm.rldicr(3, 4, 0, -1)),
                bad("SH must be 0..63, was 64", () -> PpcAsm.sradi(3, 4, 64)),
                bad("N must be 0..63, was 64", () -> PpcAsm.sldi(3, 4, 64)),
                bad("N must be 0..31, was 32", () -> PpcAsm.srwi(3, 4, 32)),
                bad("SPR must be 0..1023, was 1024", () -> PpcAsm.mfspr(3, 1024)),
                bad("TBR must be 268 (TB) or 269 (TBU), was 270", () -> PpcAsm.mftb(3, 270)),
                bad("FXM must select exactly one CR field, was 0x11", () -> PpcAsm.mtocrf(0x11, 3)),
                bad("FXM must select exactly one CR field, was 0x0", () -> PpcAsm.mfocrf(3, 0)),
                bad("FXM must be 0..255, was 256", () -> PpcAsm.mtcrf(256, 3)),
                bad("L must be 0..2 (3 is reserved), was 3", () -> PpcAsm.sync(3)),
                bad("L must be 0, 1 or 3, was 2", () -> PpcAsm.dcbf(3, 4, 2)),
                bad("TH must be 0..31, was 32", () -> PpcAsm.dcbt(3, 4, 32)),
                bad("LEV must be 0..127, was 128", () -> PpcAsm.sc(128)),
                bad("TO must be 0..31, was 32", () -> PpcAsm.tw(32, 3, 4)),
                bad("IH must be 0..7, was 8", () -> PpcAsm.slbia(8)),
                bad("L must be 0..1, was 2", () -> PpcAsm.tlbiel(4, 2)),
                bad("L must be 0..1, was 2", () -> PpcAsm.mtmsrd(3, 2)),
                bad("NB must be 0..31, was 32", () -> PpcAsm.stswi(3, 4, 32)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOperands")
    void shouldRejectBadOperandNamingIt(final String expectedMessage, final Executable encode) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, encode);

        assertTrue(e.getMessage().startsWith(expectedMessage),
                () -> "expected a message starting with \"" + expectedMessage + "\", was \"" + e.getMessage() + "\"");
    }

    @Test
    void shouldAcceptOperandBounds() {
        assertEquals(0x49fffffc, PpcAsm.b((1 << 25) - 4));
        assertEquals(0x4a000000, PpcAsm.b(-(1 << 25)));
        assertEquals(0x41808000, PpcAsm.blt(-32768));
        assertEquals(0x41807ffc, PpcAsm.blt(32764));
        assertEquals(0xe8640000 | 0x8000, PpcAsm.ld(3, -32768, 4));
    }

    private static Arguments bad(final String expectedMessage, final Executable encode) {
        return Arguments.of(expectedMessage, encode);
    }
}
