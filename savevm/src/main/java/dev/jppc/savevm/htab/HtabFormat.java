package dev.jppc.savevm.htab;

import java.nio.ByteOrder;

import dev.jppc.mmu.hash.Hpte;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Byte layout shared by the HTAB fd and the {@code spapr/htab} stream (htab-fd.md §1, §6): a record or chunk is an
 * 8-byte header {@code index} u32, {@code n_valid} u16, {@code n_invalid} u16, followed by {@code n_valid} HPTEs of
 * 16 bytes ({@code v} then {@code r}, always big-endian). The {@code n_invalid} entries after them take no bytes.
 * Header byte order: host order for the fd (a parameter here), big-endian in the stream.
 */
public final class HtabFormat {

    /** Bytes of a record header. */
    public static final int HEADER_BYTES = 8;
    /** Bytes of one HPTE in a record. */
    public static final int HPTE_BYTES = Hpte.BYTES;
    /** Largest run: both counts are u16. */
    public static final int MAX_RUN = 0xFFFF;
    /** v: KVM's "absent" bit, a valid entry whose page the host has paged out; reported as V. */
    public static final long V_ABSENT = 0x20L;
    /** v: KVM's host lock bit (QEMU-TCG's dirty marker); never part of what a reader reports. */
    public static final long V_HOST_LOCK = 0x40L;
    /** Smallest and largest HPT order (log2 of the table bytes) KVM and QEMU accept. */
    public static final int MIN_ORDER = 18;
    public static final int MAX_ORDER = 46;

    private HtabFormat() {
    }

    /**
     * The HPT order QEMU's pseries machine picks for {@code ramBytes} of RAM (maxmem when HPT resizing is off,
     * current RAM otherwise): log2 of the next power of two at or above the RAM size, minus 7, clamped to
     * {@link #MIN_ORDER}..{@link #MAX_ORDER} (htab-fd.md §1; 512 MiB gives 22, a 4 MiB table).
     */
    public static int orderForRam(final long ramBytes) {
        if (ramBytes <= 0) {
            throw new IllegalArgumentException("RAM size must be positive, not " + ramBytes);
        }
        final int log2 = Long.SIZE - Long.numberOfLeadingZeros(ramBytes - 1);
        return Math.max(MIN_ORDER, Math.min(MAX_ORDER, log2 - 7));
    }

    /** True when {@code v} names a present entry: V or KVM's absent bit (rules R4, W5, W6). */
    public static boolean isPresent(final long v) {
        return (v & (Hpte.V_VALID | V_ABSENT)) != 0;
    }

    /** The {@code v} a reader reports (R5): absent becomes V, the host-private bits 0x60 read as 0. */
    public static long reportedV(final long v) {
        return (v & ~Hpte.V_HYPERVISOR_PRIVATE) | ((v & V_ABSENT) != 0 ? Hpte.V_VALID : 0);
    }

    /** The {@code r} a reader reports (R5): reserved bit 62 clear. */
    public static long reportedR(final long r) {
        return r & ~Hpte.R_RESERVED_TS;
    }

    /** The {@code v} a write stores (W5: H_ENTER discards the host-private bits). */
    public static long storedV(final long v) {
        return v & ~Hpte.V_HYPERVISOR_PRIVATE;
    }

    /** The {@code r} a write stores (W5: bit 62 discarded). */
    public static long storedR(final long r) {
        return r & ~Hpte.R_RESERVED_TS;
    }

    /** Writes a record header at {@code offset}. */
    public static void putHeader(final MutableDirectBuffer buffer, final int offset, final int index,
                                 final int nValid, final int nInvalid, final ByteOrder order) {
        buffer.putInt(offset, index, order);
        buffer.putShort(offset + 4, (short) nValid, order);
        buffer.putShort(offset + 6, (short) nInvalid, order);
    }

    /** The header's {@code index}, unsigned. */
    public static long headerIndex(final DirectBuffer buffer, final int offset, final ByteOrder order) {
        return buffer.getInt(offset, order) & 0xFFFF_FFFFL;
    }

    /** The header's {@code n_valid}, unsigned. */
    public static int headerValid(final DirectBuffer buffer, final int offset, final ByteOrder order) {
        return buffer.getShort(offset + 4, order) & 0xFFFF;
    }

    /** The header's {@code n_invalid}, unsigned. */
    public static int headerInvalid(final DirectBuffer buffer, final int offset, final ByteOrder order) {
        return buffer.getShort(offset + 6, order) & 0xFFFF;
    }
}
