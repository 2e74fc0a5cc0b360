package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import dev.jppc.core.Cpu;
import dev.jppc.core.TestMachine;
import dev.jppc.core.asm.VmxAsm;

/**
 * Book I 6.8 permute and formatting, 6.11 cryptography (checked against the FIPS-197 appendix B example and
 * hand-computed SHA-2 and carry-less products), 6.13 decimal add and subtract, and the v3.0/v3.1 byte
 * instructions.
 */
class VectorPermuteCryptoTest {

    private static final long BYTES_HI = 0x0001_0203_0405_0607L;
    private static final long BYTES_LO = 0x0809_0A0B_0C0D_0E0FL;
    private static final long BYTES16_HI = 0x1011_1213_1415_1617L;
    private static final long BYTES16_LO = 0x1819_1A1B_1C1D_1E1FL;

    private final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN).msrBits(Cpu.MSR_VEC);

    private VectorPermuteCryptoTest vr(final int n, final long hi, final long lo) {
        m.cpu.setVr(n, hi, lo);
        return this;
    }

    private void runAndExpect(final int word, final long hi, final long lo) {
        m.run(word).assertCompleted();
        assertEquals(Long.toHexString(hi), Long.toHexString(m.cpu.vrHigh(1)), "doubleword 0");
        assertEquals(Long.toHexString(lo), Long.toHexString(m.cpu.vrLow(1)), "doubleword 1");
    }

    @Test
    void shouldPermuteBytesOfBothSources() {
        vr(2, BYTES_HI, BYTES_LO).vr(3, BYTES16_HI, BYTES16_LO).vr(4, 0x1F1E_1D1C_1B1A_1918L, 0xE706_0504_0302_0120L);
        runAndExpect(VmxAsm.vperm(1, 2, 3, 4), 0x1F1E_1D1C_1B1A_1918L, 0x0706_0504_0302_0100L);
    }

    @Test
    void shouldShiftLeftDoubleByOctets() {
        vr(2, BYTES_HI, BYTES_LO).vr(3, BYTES16_HI, BYTES16_LO);
        runAndExpect(VmxAsm.vsldoi(1, 2, 3, 3), 0x0304_0506_0708_090AL, 0x0B0C_0D0E_0F10_1112L);
    }

    @Test
    void shouldSplatAndMerge() {
        vr(2, BYTES_HI, BYTES_LO).vr(3, BYTES16_HI, BYTES16_LO);
        runAndExpect(VmxAsm.vspltb(1, 2, 5), 0x0505_0505_0505_0505L, 0x0505_0505_0505_0505L);
        runAndExpect(VmxAsm.vspltish(1, -2), 0xFFFE_FFFE_FFFE_FFFEL, 0xFFFE_FFFE_FFFE_FFFEL);
        runAndExpect(VmxAsm.vmrghb(1, 2, 3), 0x0010_0111_0212_0313L, 0x0414_0515_0616_0717L);
        runAndExpect(VmxAsm.vmrglw(1, 2, 3), 0x0809_0A0B_1819_1A1BL, 0x0C0D_0E0F_1C1D_1E1FL);
    }

    @Test
    void shouldPackAndUnpackPixels() {
        vr(2, 0x01F8_F8F8_01F8_F8F8L, 0x01F8_F8F8_01F8_F8F8L).vr(3, 0, 0);
        runAndExpect(VmxAsm.vpkpx(1, 2, 3), -1L, 0);
        vr(3, 0x8000_7C00_03E0_001FL, 0);
        runAndExpect(VmxAsm.vupkhpx(1, 3), 0xFF00_0000_001F_0000L, 0x0000_1F00_0000_001FL);
    }

    @Test
    void shouldGatherAndPermuteBits() {
        vr(3, 0xFF00_0000_0000_0000L, 0x8040_2010_0804_0201L);
        runAndExpect(VmxAsm.vgbbd(1, 3), 0x8080_8080_8080_8080L, 0x8040_2010_0804_0201L);
        vr(2, 0x8000_0000_0000_0000L, 1).vr(3, 0x0001_7F80_FF00_0000L, 0);
        runAndExpect(VmxAsm.vbpermq(1, 2, 3), 0xA7FF, 0);
    }

    @Test
    void shouldRunAnAesRoundOfFips197AppendixB() {
        vr(2, 0x193D_E3BE_A0F4_E22BL, 0x9AC6_8D2A_E9F8_4808L).vr(3, 0xA0FA_FE17_8854_2CB1L, 0x23A3_3939_2A6C_7605L);
        runAndExpect(VmxAsm.vcipher(1, 2, 3), 0xA49C_7FF2_689F_352BL, 0x6B5B_EA43_026A_5049L);
        vr(3, 0, 0);
        runAndExpect(VmxAsm.vcipherlast(1, 2, 3), 0xD4BF_5D30_E0B4_52AEL, 0xB841_11F1_1E27_98E5L);
        runAndExpect(VmxAsm.vsbox(1, 2), 0xD427_11AE_E0BF_98F1L, 0xB8B4_5DE5_1E41_5230L);
        vr(2, 0xD4BF_5D30_E0B4_52AEL, 0xB841_11F1_1E27_98E5L);
        runAndExpect(VmxAsm.vncipherlast(1, 2, 3), 0x193D_E3BE_A0F4_E22BL, 0x9AC6_8D2A_E9F8_4808L);
    }

    @Test
    void shouldUndoMixColumnsWithVncipher() {
        // With zero keys vncipher(y) = InvMixColumns(vncipherlast(y)), and vncipherlast undoes vcipherlast: so
        // vncipher(vcipherlast(MixColumns(s))) = s, with FIPS-197's MixColumns example for s.
        vr(2, 0x0466_81E5_E0CB_199AL, 0x48F8_D37A_2806_264CL).vr(3, 0, 0);
        m.run(VmxAsm.vcipherlast(1, 2, 3)).assertCompleted();
        vr(2, m.cpu.vrHigh(1), m.cpu.vrLow(1));
        runAndExpect(VmxAsm.vncipher(1, 2, 3), 0xD4BF_5D30_E0B4_52AEL, 0xB841_11F1_1E27_98E5L);
    }

    @Test
    void shouldComputeShaSigmas() {
        vr(2, 0x0000_0001_0000_0001L, 0x0000_0001_0000_0001L);
        // ST=0: sigma0 where the SIX bit is 0, sigma1 where it is 1; ST=1: Sigma0 / Sigma1.
        runAndExpect(VmxAsm.vshasigmaw(1, 2, 0, 0b0101), 0x0200_4000_0000_A000L, 0x0200_4000_0000_A000L);
        runAndExpect(VmxAsm.vshasigmaw(1, 2, 1, 0b0011), 0x4008_0400_4008_0400L, 0x0420_0080_0420_0080L);
        vr(2, 1, 1);
        runAndExpect(VmxAsm.vshasigmad(1, 2, 0, 0b0010), 0x8100_0000_0000_0000L, 0x0000_2000_0000_0008L);
    }

    @Test
    void shouldMultiplyCarrylessAndSum() {
        vr(2, 1, 3).vr(3, 0x8000_0000_0000_0000L, 3);
        runAndExpect(VmxAsm.vpmsumd(1, 2, 3), 0, 0x8000_0000_0000_0005L);
        vr(2, 0x8000_0000_0000_0000L, 0).vr(3, 2, 0);
        runAndExpect(VmxAsm.vpmsumd(1, 2, 3), 1, 0);
        vr(2, 0x0300_0000_0000_0000L, 0).vr(3, 0x0300_0000_0000_0000L, 0);
        runAndExpect(VmxAsm.vpmsumb(1, 2, 3), 0x0005_0000_0000_0000L, 0);
    }

    @Test
    void shouldCountAndExtractBytesOfIsa30() {
        vr(2, BYTES_HI, BYTES_LO);
        m.gpr(5, 2).run(VmxAsm.vextubrx(3, 5, 2)).assertCompleted();
        assertEquals(0x0D, m.gpr(3));
        vr(2, 0x0101_0101_0101_0101L, 0x0100_0000_0000_0000L);
        m.run(VmxAsm.vctzlsbb(3, 2)).assertCompleted();
        assertEquals(7, m.gpr(3));
        vr(2, 0, 0x0001_0000_0000_0000L);
        m.run(0x10601602).assertCompleted();
        assertEquals(9, m.gpr(3), "vclzlsbb");
        vr(2, 0x8000_8000_0000_8000L, 0xFFFF_0000_0000_0001L);
        m.run(VmxAsm.vextractbm(3, 2)).assertCompleted();
        assertEquals(0b1010_0010_1100_0000, m.gpr(3));
    }

    @Test
    void shouldAddAndSubtractPackedDecimals() {
        vr(2, 0, 0x123C).vr(3, 0, 0x877C);
        runAndExpect(VmxAsm.bcdadd_(1, 2, 3, 0), 0, 0x1000C);
        assertEquals(0b0100, m.crField(6));
        vr(2, 0, 0x5C).vr(3, 0, 0x7C);
        runAndExpect(VmxAsm.bcdsub_(1, 2, 3, 0), 0, 0x2D);
        assertEquals(0b1000, m.crField(6));
        vr(2, 0, 0x5C).vr(3, 0, 0x5D);
        runAndExpect(VmxAsm.bcdadd_(1, 2, 3, 1), 0, 0xF);
        assertEquals(0b0010, m.crField(6));
    }

    @Test
    void shouldFollowTheIsaWhereQemuDepartsOnDecimals() {
        // Two minus zeros: an unbounded result of zero is plus, CR6 = EQ (QEMU: minus, LT|EQ).
        vr(2, 0, 0xD).vr(3, 0, 0xD);
        runAndExpect(VmxAsm.bcdadd_(1, 2, 3, 1), 0, 0xF);
        assertEquals(0b0010, m.crField(6));
        // An overflow whose 31 digits are zero: GT and SO (QEMU adds EQ).
        vr(2, 0x9999_9999_9999_9999L, 0x9999_9999_9999_999CL).vr(3, 0, 0x1C);
        runAndExpect(VmxAsm.bcdadd_(1, 2, 3, 0), 0, 0xC);
        assertEquals(0b0101, m.crField(6));
        // An invalid digit is an invalid operand whatever the signs (QEMU may give zero).
        vr(2, 0xA000_0000_0000_0000L, 0x1C).vr(3, 0, 0x1D);
        runAndExpect(VmxAsm.bcdadd_(1, 2, 3, 0), -1, -1);
        assertEquals(0b0001, m.crField(6));
        vr(2, 0, 0x13).vr(3, 0, 0x1C);
        runAndExpect(VmxAsm.bcdsub_(1, 2, 3, 0), -1, -1);
        assertEquals(0b0001, m.crField(6));
    }
}
