package dev.jppc.savevm.htab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.PageSizes;

/**
 * Readable listings of HTAB bytes, for people learning the protocol ({@code jppc htab dump}): an HTAB fd byte
 * stream (what {@code read()} returned, records one after another), QEMU {@code spapr/htab} sections with their
 * framing, or one section payload. Every record or chunk shows its offset, index and counts; every HPTE its raw
 * doublewords and fields; every invalid run its index range.
 */
public final class HtabDump {

    /** The listing and, when the input is malformed, what is wrong (the listing stops there); else null. */
    public record Result(String text, String error) {
    }

    private static final String INDENT = "    ";

    private final ByteBuffer data;
    private final StringBuilder out = new StringBuilder();
    private int records;
    private long validEntries;
    private long invalidEntries;

    private HtabDump(final byte[] bytes) {
        data = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    }

    /** Lists an HTAB fd byte stream whose record headers are in {@code headerOrder}. */
    public static Result fdStream(final byte[] bytes, final ByteOrder headerOrder) {
        Objects.requireNonNull(headerOrder, "headerOrder");
        final HtabDump dump = new HtabDump(bytes);
        dump.out.append(String.format("HTAB fd stream: %d bytes, %s record headers%n", bytes.length,
            headerOrder == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian"));
        try {
            while (dump.data.hasRemaining()) {
                dump.record(headerOrder, "record", -1);
            }
            dump.summary();
            return new Result(dump.out.toString(), null);
        } catch (final Malformed e) {
            return new Result(dump.out.toString(), e.getMessage());
        }
    }

    /** Lists a sequence of framed {@code spapr/htab} sections (START, PART, END with their footers). */
    public static Result sections(final byte[] bytes) {
        final HtabDump dump = new HtabDump(bytes);
        dump.out.append(String.format("QEMU spapr/htab sections: %d bytes%n", bytes.length));
        try {
            long entries = -1;
            while (dump.data.hasRemaining()) {
                entries = dump.section(entries);
            }
            dump.summary();
            return new Result(dump.out.toString(), null);
        } catch (final Malformed e) {
            return new Result(dump.out.toString(), e.getMessage());
        }
    }

    /** Lists one section payload without framing: an HPT order, the no-table marker, or chunks. */
    public static Result payload(final byte[] bytes) {
        final HtabDump dump = new HtabDump(bytes);
        dump.out.append(String.format("QEMU spapr/htab section payload: %d bytes%n", bytes.length));
        try {
            dump.payloadBody(-1, true);
            if (dump.data.hasRemaining()) {
                throw new Malformed(String.format("%d bytes follow the end of the payload at offset 0x%x",
                    dump.data.remaining(), dump.data.position()));
            }
            dump.summary();
            return new Result(dump.out.toString(), null);
        } catch (final Malformed e) {
            return new Result(dump.out.toString(), e.getMessage());
        }
    }

    /** True when {@code bytes} start like framed sections (a START, PART or END type byte). */
    public static boolean looksLikeSections(final byte[] bytes) {
        return bytes.length > 0 && bytes[0] >= QemuSection.START && bytes[0] <= QemuSection.END;
    }

    /** One line of fields for HPTE (v, r), as a listing shows it. */
    public static String describeEntry(final long v, final long r) {
        final StringBuilder line = new StringBuilder(String.format(
            "AVPN=0x%x B=%d L=%d H=%d bolted=%d RPN=0x%x PP=%d key=%d WIMG=%s N=%d R=%d C=%d",
            Hpte.avpn(v), Hpte.segmentSize(v), bit(v, Hpte.V_LARGE), bit(v, Hpte.V_SECONDARY), bit(v, Hpte.V_BOLTED),
            (r & Hpte.R_ARPN) >>> 12, Hpte.pp(r), Hpte.key(r), wimg(r), bit(r, Hpte.R_NO_EXECUTE),
            bit(r, Hpte.R_REFERENCED), bit(r, Hpte.R_CHANGED)));
        final int shift = PageSizes.actualShiftAnyBase(v, r);
        line.append(shift == 0 ? " page=?" : " page=" + sizeName(shift));
        if ((v & Hpte.V_VALID) == 0) {
            line.append(HtabFormat.isPresent(v) ? " [absent: reported as valid]" : " [V clear: a writer refuses it]");
        }
        if ((v & HtabFormat.V_HOST_LOCK) != 0) {
            line.append(" [v bit 0x40: KVM lock / QEMU dirty, ignored]");
        }
        if (shift == 0) {
            line.append(" [no POWER8 page size: a writer refuses it]");
        }
        return line.toString();
    }

    private static int bit(final long word, final long mask) {
        return (word & mask) != 0 ? 1 : 0;
    }

    private static String wimg(final long r) {
        final int bits = Hpte.wimg(r);
        final StringBuilder text = new StringBuilder();
        for (int i = 3; i >= 0; i--) {
            text.append((bits >>> i) & 1);
        }
        return text.toString();
    }

    private static String sizeName(final int shift) {
        if (shift >= 30) {
            return (1 << (shift - 30)) + "G";
        }
        if (shift >= 20) {
            return (1 << (shift - 20)) + "M";
        }
        return (1 << (shift - 10)) + "K";
    }

    /** One record or chunk; returns false for the end marker (chunks only). */
    private boolean record(final ByteOrder headerOrder, final String kind, final long entries) throws Malformed {
        final int at = data.position();
        need(HtabFormat.HEADER_BYTES, kind + " header");
        data.order(headerOrder);
        final long index = data.getInt() & 0xFFFF_FFFFL;
        final int nValid = data.getShort() & 0xFFFF;
        final int nInvalid = data.getShort() & 0xFFFF;
        data.order(ByteOrder.BIG_ENDIAN);
        if (entries >= 0 && index == 0 && nValid == 0 && nInvalid == 0) {
            out.append(String.format("@0x%-6x end marker%n", at));
            return false;
        }
        records++;
        out.append(String.format("@0x%-6x %s index %d (0x%x): %d valid, %d invalid%n", at, kind, index, index,
            nValid, nInvalid));
        if (entries >= 0 && index + nValid + nInvalid > entries) {
            throw new Malformed(String.format("bad index: %s at offset 0x%x, index %d + %d valid + %d invalid"
                + " passes the end of the %d-entry table", kind, at, index, nValid, nInvalid, entries));
        }
        if (data.remaining() < HtabFormat.HPTE_BYTES * nValid) {
            throw new Malformed(String.format("%s at offset 0x%x announces %d HPTEs (%d bytes) but only %d bytes"
                + " follow", kind, at, nValid, HtabFormat.HPTE_BYTES * nValid, data.remaining()));
        }
        for (int k = 0; k < nValid; k++) {
            final long v = data.getLong();
            final long r = data.getLong();
            out.append(String.format("%s%svalid   %-8d v %016x r %016x  %s%n", INDENT, INDENT, index + k, v, r,
                describeEntry(v, r)));
        }
        if (nInvalid > 0) {
            out.append(String.format("%s%sinvalid %d..%d (%d entries)%n", INDENT, INDENT, index + nValid,
                index + nValid + nInvalid - 1, nInvalid));
        }
        validEntries += nValid;
        invalidEntries += nInvalid;
        return true;
    }

    /** One framed section; returns the table's entry count as far as known. */
    private long section(final long entriesSoFar) throws Malformed {
        final int at = data.position();
        need(5, "section header");
        final int type = data.get() & 0xFF;
        final long id = data.getInt() & 0xFFFF_FFFFL;
        long entries = entriesSoFar;
        if (type == QemuSection.START) {
            need(1, "section name length");
            final int length = data.get() & 0xFF;
            need(length + 8, "section name, instance id and version");
            final byte[] name = new byte[length];
            data.get(name);
            final String text = new String(name, StandardCharsets.US_ASCII);
            final long instance = data.getInt() & 0xFFFF_FFFFL;
            final long version = data.getInt() & 0xFFFF_FFFFL;
            out.append(String.format("@0x%-6x START section 0x%x \"%s\" instance %d version %d%n", at, id, text,
                instance, version));
            if (!QemuSection.HTAB_NAME.equals(text)) {
                throw new Malformed("section \"" + text + "\" is not " + QemuSection.HTAB_NAME
                    + "; only its payload format is known here");
            }
            if (version != QemuSection.HTAB_VERSION) {
                throw new Malformed("spapr/htab version " + version + " is not 1");
            }
            entries = payloadBody(entries, true);
        } else if (type == QemuSection.PART || type == QemuSection.END) {
            out.append(String.format("@0x%-6x %s section 0x%x%n", at, QemuSection.typeName(type), id));
            entries = payloadBody(entries, false);
        } else {
            throw new Malformed(String.format("byte 0x%02x at offset 0x%x is not a START, PART or END section", type,
                at));
        }
        final int footerAt = data.position();
        need(5, "section footer");
        final int footer = data.get() & 0xFF;
        final long footerId = data.getInt() & 0xFFFF_FFFFL;
        if (footer != QemuSection.FOOTER || footerId != id) {
            throw new Malformed(String.format("expected the footer 7e %08x at offset 0x%x, found %02x %08x", id,
                footerAt, footer, footerId));
        }
        out.append(String.format("@0x%-6x footer%n", footerAt));
        return entries;
    }

    /** A payload: order (START), no-table marker, or 0 + chunks + end marker. Returns the entry count known. */
    private long payloadBody(final long entries, final boolean start) throws Malformed {
        final int at = data.position();
        need(4, "the payload's first word");
        final long first = data.getInt() & 0xFFFF_FFFFL;
        if (first == SpaprHtabSaver.NO_TABLE) {
            out.append(String.format("@0x%-6x 0xffffffff: the source has no hashed page table%n", at));
            return -1;
        }
        if (first != 0) {
            if (first < HtabFormat.MIN_ORDER || first > HtabFormat.MAX_ORDER) {
                throw new Malformed(String.format("HPT order %d at offset 0x%x is outside %d..%d", first, at,
                    HtabFormat.MIN_ORDER, HtabFormat.MAX_ORDER));
            }
            out.append(String.format("@0x%-6x HPT order %d: %d KiB table, %d entries%s%n", at, first,
                1L << (first - 10), 1L << (first - 4), start ? "" : " [only a START section may carry an order]"));
            return 1L << (first - 4);
        }
        out.append(String.format("@0x%-6x 0x00000000: chunks follow%n", at));
        boolean more = true;
        while (more) {
            more = record(ByteOrder.BIG_ENDIAN, "chunk", entries < 0 ? Long.MAX_VALUE : entries);
        }
        return entries;
    }

    private void summary() {
        out.append(String.format("%d %s, %d valid and %d invalid entries%n", records,
            records == 1 ? "record" : "records", validEntries, invalidEntries));
    }

    private void need(final int bytes, final String what) throws Malformed {
        if (data.remaining() < bytes) {
            throw new Malformed(String.format("the input ends at offset 0x%x inside %s (%d of %d bytes)",
                data.limit(), what, data.remaining(), bytes));
        }
    }

    /** Where the input stops making sense. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(final String message) {
            super(message);
        }
    }
}
