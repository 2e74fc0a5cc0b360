package dev.jppc.savevm.htab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import dev.jppc.mmu.hash.HashPageTable;
import org.agrona.collections.Int2IntHashMap;

/**
 * The destination side of QEMU's {@code spapr/htab} section (htab-fd.md §6, QEMU {@code htab_load}), applied to
 * jppc's live table. A section is read and checked completely before anything changes: a malformed section throws
 * an EINVAL {@link HtabException} that says what and where, and leaves the table as it was.
 *
 * <p>Checks, beyond QEMU's: only START may carry an order (18..46), and START must carry one; a chunk's range is
 * computed without 32-bit wrap-around (QEMU's sum of a u32 index and two counts wraps, so index 0xFFFFFFFF with one
 * entry passes its check); every entry of a valid run must pass H_ENTER's checks (V set, a known page size), as
 * through KVM's write fd; the section footer must follow the end marker. Entries are stored as H_ENTER stores them
 * (v bits 0x60 and r bit 62 cleared); invalid runs zero their entries, as QEMU-TCG's loader does.
 *
 * <p>Not thread-safe; the destination's CPUs must be stopped while chunks load (EBUSY otherwise).
 */
public final class SpaprHtabLoader {

    private static final int NONE = -1;

    private final HtabHost host;
    private long startSectionId = NONE;
    private long entriesLoaded;

    /** A loader into {@code host}'s table. */
    public SpaprHtabLoader(final HtabHost host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * Loads one framed section (type byte, header, payload, footer) from {@code in}, reading exactly its bytes.
     * PART and END must carry the id of the START this loader saw.
     */
    public void loadSection(final InputStream in) throws IOException, HtabException {
        final StreamInput input = new StreamInput(in);
        final int type = input.u8("the section type");
        final long sectionId = input.u32("the section id");
        final int version;
        if (type == QemuSection.START) {
            final int nameLength = input.u8("the section name length");
            final byte[] name = new byte[nameLength];
            input.fully(name, 0, nameLength, "the section name");
            final String text = new String(name, StandardCharsets.US_ASCII);
            if (!QemuSection.HTAB_NAME.equals(text)) {
                throw new HtabException(Errno.EINVAL, "section " + sectionId + " is \"" + text + "\", not \""
                    + QemuSection.HTAB_NAME + "\"");
            }
            input.u32("the instance id");
            version = (int) input.u32("the section version");
        } else if (type == QemuSection.PART || type == QemuSection.END) {
            if (sectionId != startSectionId) {
                throw new HtabException(Errno.EINVAL, String.format("%s section id 0x%x does not match the START"
                    + " section id %s", QemuSection.typeName(type), sectionId,
                    startSectionId == NONE ? "(no START seen)" : String.format("0x%x", startSectionId)));
            }
            version = QemuSection.HTAB_VERSION;
        } else {
            throw new HtabException(Errno.EINVAL, String.format("section type %s is not START, PART or END",
                QemuSection.typeName(type)));
        }
        final Staged staged = readPayload(input, type, version);
        final int footer = input.u8("the section footer");
        final long footerId = input.u32("the section footer id");
        if (footer != QemuSection.FOOTER || footerId != sectionId) {
            throw new HtabException(Errno.EINVAL, String.format("expected the footer 7e %08x after the section"
                + " payload at byte %d, found %02x %08x", sectionId, input.offset() - 5, footer, footerId));
        }
        if (type == QemuSection.START) {
            startSectionId = sectionId;
        }
        staged.apply();
    }

    /**
     * Loads one section payload of {@code type} ({@link QemuSection#START}, {@link QemuSection#PART} or
     * {@link QemuSection#END}) and {@code version} from {@code in}, reading exactly its bytes.
     */
    public void loadPayload(final InputStream in, final int type, final int version)
        throws IOException, HtabException {
        readPayload(new StreamInput(in), type, version).apply();
    }

    /** Entries written by the chunks loaded so far. */
    public long entriesLoaded() {
        return entriesLoaded;
    }

    private Staged readPayload(final StreamInput input, final int type, final int version)
        throws IOException, HtabException {
        if (version != QemuSection.HTAB_VERSION) {
            throw new HtabException(Errno.EINVAL, "spapr/htab section version " + version + " is not 1");
        }
        if (type != QemuSection.START && type != QemuSection.PART && type != QemuSection.END) {
            throw new HtabException(Errno.EINVAL, "section type " + QemuSection.typeName(type)
                + " is not START, PART or END");
        }
        final long first = input.u32("the section's first word (order, 0 or 0xFFFFFFFF)");
        if (first == SpaprHtabSaver.NO_TABLE) {
            return new Staged(Staged.REMOVE, 0, null);
        }
        if (type == QemuSection.START) {
            if (first < HtabFormat.MIN_ORDER || first > HtabFormat.MAX_ORDER) {
                throw new HtabException(Errno.EINVAL, "the START section announces HPT order " + first
                    + ", outside " + HtabFormat.MIN_ORDER + ".." + HtabFormat.MAX_ORDER);
            }
            return new Staged(Staged.ALLOCATE, (int) first, null);
        }
        if (first != 0) {
            throw new HtabException(Errno.EINVAL, String.format("a %s section starts with 0x%x; only START may"
                + " announce an HPT order (a desynchronised stream?)", QemuSection.typeName(type), first));
        }
        final HashPageTable table = host.table();
        if (table == null) {
            throw new HtabException(Errno.EINVAL, "the stream sends entries but the machine has no hashed page"
                + " table (no START section with an order?)");
        }
        return new Staged(Staged.ENTRIES, 0, readChunks(input, table));
    }

    private Entries readChunks(final StreamInput input, final HashPageTable table)
        throws IOException, HtabException {
        final int npte = table.entryCount();
        final Entries entries = new Entries(table);
        final byte[] hpte = new byte[HtabFormat.HPTE_BYTES];
        while (true) {
            final long at = input.offset();
            final long index = input.u32("a chunk header");
            final int nValid = input.u16("a chunk header");
            final int nInvalid = input.u16("a chunk header");
            if (index == 0 && nValid == 0 && nInvalid == 0) {
                return entries;
            }
            if (index + nValid + nInvalid > npte) {
                throw new HtabException(Errno.EINVAL, String.format("bad index %d (%d+%d entries) in the chunk at"
                    + " byte %d: the table has %d entries (order %d)", index, nValid, nInvalid, at, npte,
                    table.log2Size()));
            }
            for (int k = 0; k < nValid; k++) {
                input.fully(hpte, 0, hpte.length, "an HPTE of the chunk at byte " + at);
                final long v = bigEndianLong(hpte, 0);
                final long r = bigEndianLong(hpte, 8);
                final String problem = HtabWrites.entryProblem(v, r);
                if (problem != null) {
                    throw new HtabException(Errno.EINVAL, String.format("chunk at byte %d, entry %d (index %d): %s",
                        at, k, index + k, problem));
                }
                entries.put((int) index + k, HtabFormat.storedV(v), HtabFormat.storedR(r));
            }
            for (int k = 0; k < nInvalid; k++) {
                entries.put((int) index + nValid + k, 0, 0);
            }
        }
    }

    private static long bigEndianLong(final byte[] bytes, final int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    /** What one checked section does when applied. */
    private final class Staged {
        static final int REMOVE = 0;
        static final int ALLOCATE = 1;
        static final int ENTRIES = 2;

        private final int action;
        private final int order;
        private final Entries entries;

        Staged(final int action, final int order, final Entries entries) {
            this.action = action;
            this.order = order;
            this.entries = entries;
        }

        void apply() throws HtabException {
            switch (action) {
                case REMOVE:
                    host.removeTable();
                    break;
                case ALLOCATE:
                    host.replaceTable(order);
                    break;
                default:
                    if (host.cpusRunning()) {
                        throw new HtabException(Errno.EBUSY, "a CPU is running; stop the machine before loading"
                            + " its table");
                    }
                    entriesLoaded += entries.apply();
                    break;
            }
        }
    }

    /**
     * The final contents of every entry a section names (a later chunk for the same index wins), so memory stays
     * within the table's entry count however long the section is.
     */
    private final class Entries {
        private final HashPageTable table;
        private final Int2IntHashMap slotOfIndex = new Int2IntHashMap(NONE);
        private int[] indices = new int[64];
        private long[] values = new long[128];
        private int count;

        Entries(final HashPageTable table) {
            this.table = table;
        }

        void put(final int index, final long v, final long r) {
            int slot = slotOfIndex.get(index);
            if (slot == NONE) {
                slot = count++;
                if (slot == indices.length) {
                    indices = Arrays.copyOf(indices, slot * 2);
                    values = Arrays.copyOf(values, slot * 4);
                }
                indices[slot] = index;
                slotOfIndex.put(index, slot);
            }
            values[2 * slot] = v;
            values[2 * slot + 1] = r;
        }

        /** Writes the entries; an invalid one only if the slot is not already zero. Returns the count written. */
        int apply() {
            final long[] old = new long[2];
            int written = 0;
            for (int slot = 0; slot < count; slot++) {
                final int index = indices[slot];
                final long v = values[2 * slot];
                final long r = values[2 * slot + 1];
                if (v == 0) {
                    table.readEntry(index, old, 0);
                    if ((old[0] | old[1]) == 0) {
                        continue;
                    }
                }
                table.writeEntry(index, v, r);
                written++;
            }
            if (written > 0) {
                host.tableWritten();
            }
            return written;
        }
    }
}
