package dev.jppc.core.exec;

import static dev.jppc.core.decode.Fields.ra;
import static dev.jppc.core.decode.Fields.rb;
import static dev.jppc.core.decode.Fields.rt;

import java.nio.ByteOrder;

import dev.jppc.core.Cpu;
import dev.jppc.core.decode.Fields;

/**
 * Book I 3.3.2-3.3.7 loads and stores, Book II 4.4 load-and-reserve / store-conditional, and the Book II 4.3
 * cache instructions that touch storage.
 *
 * <p>Update forms with RA=0 (and loads with update whose RA equals RT) are invalid forms; jppc raises the
 * illegal-instruction interrupt for them, as QEMU does.
 */
public final class LoadStore {

    private LoadStore() {
    }

    /** EA of a D-form access: (RA|0) + D, truncated in 32-bit mode. */
    private static long eaD(final Cpu c, final int insn) {
        return (FixedPoint.raOrZero(c, insn) + Fields.si(insn)) & c.eaMask;
    }

    private static long eaDs(final Cpu c, final int insn) {
        return (FixedPoint.raOrZero(c, insn) + Fields.ds(insn)) & c.eaMask;
    }

    private static long eaX(final Cpu c, final int insn) {
        return (FixedPoint.raOrZero(c, insn) + c.gpr[rb(insn)]) & c.eaMask;
    }

    private static void checkLoadUpdate(final Cpu c, final int insn) {
        final int a = ra(insn);
        if (a == 0 || a == rt(insn)) {
            throw c.illegal(insn);
        }
    }

    private static void checkStoreUpdate(final Cpu c, final int insn) {
        if (ra(insn) == 0) {
            throw c.illegal(insn);
        }
    }

    /** Sign extension of a {@code size}-byte value. */
    private static long signExtend(final long value, final int size) {
        final int unused = 64 - 8 * size;
        return (value << unused) >> unused;
    }

    private static long reverse(final long value, final int size) {
        return switch (size) {
            case 2 -> Short.reverseBytes((short) value) & 0xFFFFL;
            case 4 -> Integer.reverseBytes((int) value) & 0xFFFF_FFFFL;
            case 8 -> Long.reverseBytes(value);
            default -> value;
        };
    }

    // ---- D, DS and X forms ----------------------------------------------------------------------------

    public static void loadD(final Cpu c, final int insn, final int size, final boolean algebraic,
                             final boolean update) {
        load(c, insn, eaD(c, insn), size, algebraic, update);
    }

    public static void loadDs(final Cpu c, final int insn, final int size, final boolean algebraic,
                              final boolean update) {
        load(c, insn, eaDs(c, insn), size, algebraic, update);
    }

    public static void loadX(final Cpu c, final int insn, final int size, final boolean algebraic,
                             final boolean update) {
        load(c, insn, eaX(c, insn), size, algebraic, update);
    }

    public static void storeD(final Cpu c, final int insn, final int size, final boolean update) {
        store(c, insn, eaD(c, insn), size, update);
    }

    public static void storeDs(final Cpu c, final int insn, final int size, final boolean update) {
        store(c, insn, eaDs(c, insn), size, update);
    }

    public static void storeX(final Cpu c, final int insn, final int size, final boolean update) {
        store(c, insn, eaX(c, insn), size, update);
    }

    private static void load(final Cpu c, final int insn, final long ea, final int size, final boolean algebraic,
                             final boolean update) {
        if (update) {
            checkLoadUpdate(c, insn);
        }
        final long value = c.load(ea, size);
        c.gpr[rt(insn)] = algebraic ? signExtend(value, size) : value;
        if (update) {
            c.gpr[ra(insn)] = ea;
        }
    }

    private static void store(final Cpu c, final int insn, final long ea, final int size, final boolean update) {
        if (update) {
            checkStoreUpdate(c, insn);
        }
        c.store(ea, size, c.gpr[rt(insn)]);
        if (update) {
            c.gpr[ra(insn)] = ea;
        }
    }

    public static void loadReversed(final Cpu c, final int insn, final int size) {
        c.gpr[rt(insn)] = reverse(c.load(eaX(c, insn), size), size);
    }

    public static void storeReversed(final Cpu c, final int insn, final int size) {
        c.store(eaX(c, insn), size, reverse(c.gpr[rt(insn)], size));
    }

    // ---- quadword -----------------------------------------------------------------------------------

    /**
     * lq RTp, DQ(RA): RTp must be even and differ from RA. In little-endian mode the doubleword at the
     * higher address goes to RTp, as the quadword is then byte-reversed as a whole (Book I 3.3.5).
     */
    public static void lq(final Cpu c, final int insn) {
        final int t = rt(insn);
        if ((t & 1) != 0 || t == ra(insn)) {
            throw c.illegal(insn);
        }
        final long ea = (FixedPoint.raOrZero(c, insn) + Fields.dq(insn)) & c.eaMask;
        loadQuad(c, ea, t);
    }

    public static void stq(final Cpu c, final int insn) {
        final int s = rt(insn);
        if ((s & 1) != 0) {
            throw c.illegal(insn);
        }
        final long ea = eaDs(c, insn);
        storeQuad(c, ea, s);
    }

    private static void loadQuad(final Cpu c, final long ea, final int t) {
        if ((ea & 15) != 0) {
            throw c.alignment(ea);
        }
        final long first = c.load64(ea);
        final long second = c.load64(ea + 8);
        final boolean little = c.order == ByteOrder.LITTLE_ENDIAN;
        c.gpr[t] = little ? second : first;
        c.gpr[t + 1] = little ? first : second;
    }

    private static void storeQuad(final Cpu c, final long ea, final int s) {
        if ((ea & 15) != 0) {
            throw c.alignment(ea);
        }
        final boolean little = c.order == ByteOrder.LITTLE_ENDIAN;
        // Translate both halves before writing either, so a fault leaves storage untouched.
        c.realAddress(ea + 8, Cpu.STORE);
        c.store64(ea, little ? c.gpr[s + 1] : c.gpr[s]);
        c.store64(ea + 8, little ? c.gpr[s] : c.gpr[s + 1]);
    }

    // ---- multiple and string ------------------------------------------------------------------------
    // Book I 3.3.7: these are not supported in little-endian mode and raise the alignment interrupt there.
    // The address of each further word or byte wraps like any effective address in 32-bit mode.

    public static void lmw(final Cpu c, final int insn) {
        final long ea = eaD(c, insn);
        final int first = rt(insn);
        if (c.order == ByteOrder.LITTLE_ENDIAN) {
            throw c.alignment(ea);
        }
        if (ra(insn) >= first && ra(insn) != 0) {
            throw c.illegal(insn);
        }
        for (int r = first; r < 32; r++) {
            c.gpr[r] = c.load32((ea + 4L * (r - first)) & c.eaMask);
        }
    }

    public static void stmw(final Cpu c, final int insn) {
        final long ea = eaD(c, insn);
        final int first = rt(insn);
        if (c.order == ByteOrder.LITTLE_ENDIAN) {
            throw c.alignment(ea);
        }
        for (int r = first; r < 32; r++) {
            c.store32((ea + 4L * (r - first)) & c.eaMask, c.gpr[r]);
        }
    }

    public static void lswi(final Cpu c, final int insn) {
        final long ea = FixedPoint.raOrZero(c, insn) & c.eaMask;
        final int nb = rb(insn) == 0 ? 32 : rb(insn);
        loadString(c, insn, ea, nb);
    }

    public static void lswx(final Cpu c, final int insn) {
        loadString(c, insn, eaX(c, insn), c.xerByteCount);
    }

    private static void loadString(final Cpu c, final int insn, final long ea, final int count) {
        if (c.order == ByteOrder.LITTLE_ENDIAN) {
            throw c.alignment(ea);
        }
        int r = rt(insn) - 1;
        for (int i = 0; i < count; i++) {
            if ((i & 3) == 0) {
                r = (r + 1) & 31;
                c.gpr[r] = 0;
            }
            final long b = c.load8((ea + i) & c.eaMask);
            c.gpr[r] |= b << (24 - 8 * (i & 3));
        }
    }

    public static void stswi(final Cpu c, final int insn) {
        final long ea = FixedPoint.raOrZero(c, insn) & c.eaMask;
        final int nb = rb(insn) == 0 ? 32 : rb(insn);
        storeString(c, insn, ea, nb);
    }

    public static void stswx(final Cpu c, final int insn) {
        storeString(c, insn, eaX(c, insn), c.xerByteCount);
    }

    private static void storeString(final Cpu c, final int insn, final long ea, final int count) {
        if (c.order == ByteOrder.LITTLE_ENDIAN) {
            throw c.alignment(ea);
        }
        int r = rt(insn) - 1;
        for (int i = 0; i < count; i++) {
            if ((i & 3) == 0) {
                r = (r + 1) & 31;
            }
            c.store8((ea + i) & c.eaMask, c.gpr[r] >>> (24 - 8 * (i & 3)));
        }
    }

    // ---- reservations -------------------------------------------------------------------------------

    /** lbarx/lharx/lwarx/ldarx: the address must be aligned to the access size. */
    public static void larx(final Cpu c, final int insn, final int size) {
        final long ea = eaX(c, insn);
        if ((ea & (size - 1)) != 0) {
            throw c.alignment(ea);
        }
        final long ra = c.realAddress(ea, Cpu.LOAD);
        final long value = c.load(ea, size);
        c.gpr[rt(insn)] = value;
        c.reserve(ra, size);
    }

    public static void lqarx(final Cpu c, final int insn) {
        final int t = rt(insn);
        if ((t & 1) != 0 || t == ra(insn) || t == rb(insn)) {
            throw c.illegal(insn);
        }
        final long ea = eaX(c, insn);
        loadQuad(c, ea, t);
        c.reserve(c.realAddress(ea, Cpu.LOAD), 16);
    }

    /**
     * stbcx./sthcx./stwcx./stdcx.: stores only while this processor holds a reservation for exactly this
     * location and size; CR0 = 0b00 || success || XER[SO]. The reservation is gone afterwards either way.
     */
    public static void stcx(final Cpu c, final int insn, final int size) {
        if (!Fields.rc(insn)) {
            throw c.illegal(insn);
        }
        final long ea = eaX(c, insn);
        if ((ea & (size - 1)) != 0) {
            throw c.alignment(ea);
        }
        final long ra = c.realAddress(ea, Cpu.STORE);
        final boolean success = c.reservationValid && c.reservationAddress == ra && c.reservationLength == size;
        c.clearReservation();
        if (success) {
            c.store(ea, size, c.gpr[rt(insn)]);
        }
        c.cr = (c.cr & 0x0FFF_FFFF) | (((success ? 2 : 0) | c.xerSo) << 28);
    }

    public static void stqcx(final Cpu c, final int insn) {
        final int s = rt(insn);
        if ((s & 1) != 0 || !Fields.rc(insn)) {
            throw c.illegal(insn);
        }
        final long ea = eaX(c, insn);
        if ((ea & 15) != 0) {
            throw c.alignment(ea);
        }
        final long ra = c.realAddress(ea, Cpu.STORE);
        final boolean success = c.reservationValid && c.reservationAddress == ra && c.reservationLength == 16;
        c.clearReservation();
        if (success) {
            storeQuad(c, ea, s);
        }
        c.cr = (c.cr & 0x0FFF_FFFF) | (((success ? 2 : 0) | c.xerSo) << 28);
    }

    // ---- cache management ---------------------------------------------------------------------------

    /** dcbz: zeroes the 128-byte block holding EA; caching-inhibited storage gets the alignment interrupt. */
    public static void dcbz(final Cpu c, final int insn) {
        final long ea = eaX(c, insn) & -Cpu.RESERVATION_GRANULE;
        final long ra = c.realAddress(ea, Cpu.STORE);
        if (!c.ram.contains(ra, Cpu.RESERVATION_GRANULE)) {
            throw c.alignment(eaX(c, insn));
        }
        for (int i = 0; i < Cpu.RESERVATION_GRANULE; i += 8) {
            c.store64(ea + i, 0);
        }
    }

    /**
     * dcbst, dcbf, icbi: jppc's storage is always coherent, so they only need to be translated: they are
     * treated as loads for translation and protection and can fault like one.
     */
    public static void cacheBlockTouch(final Cpu c, final int insn) {
        c.touch(eaX(c, insn));
    }
}
