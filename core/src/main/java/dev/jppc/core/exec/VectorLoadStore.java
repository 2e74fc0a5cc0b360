package dev.jppc.core.exec;

import static dev.jppc.core.exec.VectorInteger.WORD;
import static dev.jppc.core.exec.VectorInteger.vb;
import static dev.jppc.core.exec.VectorInteger.vd;

import java.nio.ByteOrder;

import dev.jppc.core.Cpu;

/**
 * Book I 6.7 vector loads and stores, the alignment-support instructions lvsl and lvsr, and (6.5) mfvscr and
 * mtvscr.
 *
 * <p>Byte order (6.7.1): with MSR[LE] = 0 byte i of the register is the byte at EA + i; with MSR[LE] = 1 the
 * quadword is reversed, byte i coming from EA + 15 - i. A little-endian doubleword load at EA + 8 therefore is
 * doubleword 0. The element loads place the element at byte eb = EA & 15 (big-endian) or at the mirrored
 * position 15 - eb counted from the right (little-endian), leaving the other elements unchanged (the ISA
 * leaves them undefined; POWER8 and QEMU keep them).
 */
public final class VectorLoadStore {

    private VectorLoadStore() {
    }

    private static long ea(final Cpu c, final int insn) {
        return (FixedPoint.raOrZero(c, insn) + c.gpr[vb(insn)]) & c.eaMask;
    }

    private static boolean littleEndian(final Cpu c) {
        return c.order == ByteOrder.LITTLE_ENDIAN;
    }

    /** lvx, lvxl: the aligned quadword at EA & ~15. */
    public static void loadQuadword(final Cpu c, final int insn) {
        final long ea = ea(c, insn) & ~15L;
        final boolean le = littleEndian(c);
        final long first = c.load64(ea);
        final long second = c.load64((ea + 8) & c.eaMask);
        c.setVr(vd(insn), le ? second : first, le ? first : second);
    }

    /** stvx, stvxl. */
    public static void storeQuadword(final Cpu c, final int insn) {
        final long ea = ea(c, insn) & ~15L;
        final int s = vd(insn);
        final boolean le = littleEndian(c);
        final long hi = c.vrHigh(s);
        final long lo = c.vrLow(s);
        // Translate the whole quadword before writing: it lies in one aligned 16-byte block, so in one page.
        c.store64(ea, le ? lo : hi);
        c.store64((ea + 8) & c.eaMask, le ? hi : lo);
    }

    /** The bit offset, counted from the right of the register, of the element of {@code size} bytes at EA. */
    private static int elementShift(final Cpu c, final long ea, final int size) {
        final int eb = (int) ea & 15;
        final int fromLeft = littleEndian(c) ? 16 - size - eb : eb;
        return 8 * (16 - size - fromLeft);
    }

    /** lvebx, lvehx, lvewx: one element, EA aligned down to its size. */
    public static void loadElement(final Cpu c, final int insn, final int size) {
        final long ea = ea(c, insn) & -size;
        final long value = c.load(ea, size);
        final int shift = elementShift(c, ea, size);
        final int t = vd(insn);
        final long m = size == 4 ? WORD : (1L << (8 * size)) - 1;
        long hi = c.vrHigh(t);
        long lo = c.vrLow(t);
        if (shift >= 64) {
            hi = (hi & ~(m << (shift - 64))) | (value << (shift - 64));
        } else {
            lo = (lo & ~(m << shift)) | (value << shift);
        }
        c.setVr(t, hi, lo);
    }

    /** stvebx, stvehx, stvewx. */
    public static void storeElement(final Cpu c, final int insn, final int size) {
        final long ea = ea(c, insn) & -size;
        final int shift = elementShift(c, ea, size);
        final int s = vd(insn);
        final long value = shift >= 64 ? c.vrHigh(s) >>> (shift - 64) : c.vrLow(s) >>> shift;
        c.store(ea, size, value);
    }

    /**
     * lvsl / lvsr: the permute control vector for an unaligned access, bytes sh..sh+15 (lvsl) or 16-sh..31-sh
     * (lvsr) with sh = EA & 15, whatever the byte order.
     */
    public static void loadForShift(final Cpu c, final int insn, final boolean right) {
        final int sh = (int) ea(c, insn) & 15;
        final int first = right ? 16 - sh : sh;
        c.setVr(vd(insn), ascending(first), ascending(first + 8));
    }

    private static long ascending(final int first) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            r = (r << 8) | (first + i);
        }
        return r;
    }

    /** mfvscr: VSCR in word 3, zeros elsewhere. */
    public static void moveFromVscr(final Cpu c, final int insn) {
        c.setVr(vd(insn), 0, c.vscr & WORD);
    }

    /** mtvscr: word 3 of VRB; only NJ and SAT exist. */
    public static void moveToVscr(final Cpu c, final int insn) {
        c.vscr = (int) c.vrLow(vb(insn)) & (VectorInteger.VSCR_NJ | VectorInteger.VSCR_SAT);
    }
}
