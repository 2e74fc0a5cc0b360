package dev.jppc.machine.fdt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Parses a flattened device tree blob (version 16 or later, last_comp_version at most 17) into an
 * {@link Fdt}. The blob may come from a guest: every offset, size and string is checked against the blob
 * and its blocks, and nesting is limited, so a bad blob gives an {@link FdtException}, never an
 * out-of-bounds read.
 */
public final class FdtReader {

    /** Deeper trees are refused: real ones are a handful of levels deep. */
    static final int MAX_DEPTH = 64;

    private final ByteBuffer blob;
    private int structStart;
    private int structEnd;
    private int stringsStart;
    private int stringsEnd;

    private FdtReader(final byte[] bytes) {
        blob = ByteBuffer.wrap(bytes);
    }

    /** Parses {@code bytes}, which is not kept. */
    public static Fdt parse(final byte[] bytes) throws FdtException {
        return new FdtReader(bytes).parse();
    }

    private Fdt parse() throws FdtException {
        if (blob.capacity() < FdtFormat.HEADER_SIZE) {
            throw new FdtException(String.format("truncated header: the blob has %d bytes, the header needs %d",
                blob.capacity(), FdtFormat.HEADER_SIZE));
        }
        final int magic = blob.getInt(FdtFormat.OFF_MAGIC);
        if (magic != FdtFormat.MAGIC) {
            throw new FdtException(String.format("bad magic 0x%08x (expected 0xd00dfeed)", magic));
        }
        final long totalSize = u32(FdtFormat.OFF_TOTALSIZE);
        if (totalSize < FdtFormat.HEADER_SIZE || totalSize > blob.capacity()) {
            throw new FdtException(String.format("totalsize 0x%x does not fit the blob of 0x%x bytes",
                totalSize, blob.capacity()));
        }
        final int version = blob.getInt(FdtFormat.OFF_VERSION);
        final int lastCompatible = blob.getInt(FdtFormat.OFF_LAST_COMP_VERSION);
        if (version < 16 || lastCompatible > FdtFormat.VERSION || lastCompatible < 0) {
            throw new FdtException("unsupported version " + version + " (last compatible " + lastCompatible
                + "); this reader handles 16 and 17");
        }
        final long structOffset = u32(FdtFormat.OFF_DT_STRUCT);
        final long structSize = version >= 17 ? u32(FdtFormat.OFF_SIZE_DT_STRUCT) : totalSize - structOffset;
        structStart = block("structure", structOffset, structSize, totalSize);
        structEnd = (int) (structOffset + structSize);
        if ((structStart & 3) != 0) {
            throw new FdtException(String.format("structure block offset 0x%x is not 4-byte aligned", structStart));
        }
        final long stringsOffset = u32(FdtFormat.OFF_DT_STRINGS);
        final long stringsSize = u32(FdtFormat.OFF_SIZE_DT_STRINGS);
        stringsStart = block("strings", stringsOffset, stringsSize, totalSize);
        stringsEnd = (int) (stringsOffset + stringsSize);
        final List<FdtReservation> reservations = reservations(u32(FdtFormat.OFF_MEM_RSVMAP), totalSize);
        return new Fdt(version, lastCompatible, blob.getInt(FdtFormat.OFF_BOOT_CPUID_PHYS), reservations,
            structure());
    }

    private int block(final String what, final long offset, final long size, final long totalSize)
        throws FdtException {
        if (offset < FdtFormat.HEADER_SIZE || offset > totalSize || size > totalSize - offset) {
            throw new FdtException(String.format("%s block at 0x%x (0x%x bytes) lies outside the blob of 0x%x "
                + "bytes", what, offset, size, totalSize));
        }
        return (int) offset;
    }

    private List<FdtReservation> reservations(final long offset, final long totalSize) throws FdtException {
        if (offset < FdtFormat.HEADER_SIZE || (offset & 7) != 0) {
            throw new FdtException(String.format("memory reservation block offset 0x%x is not an 8-byte aligned "
                + "offset after the header", offset));
        }
        final List<FdtReservation> entries = new ArrayList<>();
        for (long at = offset; ; at += FdtFormat.RESERVATION_ENTRY_SIZE) {
            if (at > totalSize - FdtFormat.RESERVATION_ENTRY_SIZE) {
                throw new FdtException(String.format("memory reservation block at 0x%x runs past the end of the "
                    + "blob without its (0, 0) terminator", offset));
            }
            final long address = blob.getLong((int) at);
            final long size = blob.getLong((int) at + 8);
            if (address == 0 && size == 0) {
                return entries;
            }
            entries.add(new FdtReservation(address, size));
        }
    }

    /** A node being read: its name and what has been read of it so far. */
    private static final class Partial {
        final String name;
        final List<FdtProperty> properties = new ArrayList<>();
        final List<FdtNode> children = new ArrayList<>();

        Partial(final String name) {
            this.name = name;
        }
    }

    private FdtNode structure() throws FdtException {
        final Deque<Partial> open = new ArrayDeque<>();
        FdtNode root = null;
        int at = structStart;
        while (true) {
            final int tokenAt = at;
            final int token = word(at, "token");
            at += 4;
            switch (token) {
                case FdtFormat.FDT_BEGIN_NODE -> {
                    if (root != null || open.size() == MAX_DEPTH) {
                        throw new FdtException(String.format(root != null
                            ? "second root node at offset 0x%x"
                            : "nodes nested deeper than " + MAX_DEPTH + " at offset 0x%x", tokenAt));
                    }
                    final int nameEnd = nul(at, structEnd, "node name", tokenAt);
                    open.push(new Partial(new String(Arrays.copyOfRange(blob.array(), at, nameEnd),
                        StandardCharsets.UTF_8)));
                    at = FdtFormat.align4(nameEnd + 1);
                }
                case FdtFormat.FDT_END_NODE -> {
                    if (open.isEmpty()) {
                        throw new FdtException(String.format("FDT_END_NODE without an open node at structure "
                            + "offset 0x%x", tokenAt));
                    }
                    final Partial done = open.pop();
                    final FdtNode node = new FdtNode(done.name, done.properties, done.children);
                    if (open.isEmpty()) {
                        root = node;
                    } else {
                        open.peek().children.add(node);
                    }
                }
                case FdtFormat.FDT_PROP -> at = property(open.peek(), at, tokenAt);
                case FdtFormat.FDT_NOP -> {
                }
                case FdtFormat.FDT_END -> {
                    if (root == null || !open.isEmpty()) {
                        throw new FdtException(String.format("FDT_END at offset 0x%x inside an unfinished "
                            + "tree", tokenAt));
                    }
                    return root;
                }
                default -> throw new FdtException(String.format("unknown token 0x%x at offset 0x%x",
                    token, tokenAt));
            }
        }
    }

    private int property(final Partial node, final int at, final int tokenAt) throws FdtException {
        if (node == null) {
            throw new FdtException(String.format("property outside a node at offset 0x%x", tokenAt));
        }
        final long length = word(at, "property length") & 0xFFFF_FFFFL;
        final long nameOffset = word(at + 4, "property name offset") & 0xFFFF_FFFFL;
        final int valueStart = at + 8;
        if (length > structEnd - valueStart) {
            throw new FdtException(String.format("property value of 0x%x bytes at offset 0x%x runs past "
                + "the structure block", length, tokenAt));
        }
        if (nameOffset >= stringsEnd - stringsStart) {
            throw new FdtException(String.format("property name offset 0x%x at offset 0x%x is outside "
                + "the strings block", nameOffset, tokenAt));
        }
        final int nameStart = stringsStart + (int) nameOffset;
        final int nameEnd = nul(nameStart, stringsEnd, "property name", tokenAt);
        final String name = new String(blob.array(), nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
        final int valueEnd = valueStart + (int) length;
        node.properties.add(new FdtProperty(name, Arrays.copyOfRange(blob.array(), valueStart, valueEnd)));
        return FdtFormat.align4(valueEnd);
    }

    /** The index of the NUL ending a string that starts at {@code from}; it must come before {@code end}. */
    private int nul(final int from, final int end, final String what, final int tokenAt) throws FdtException {
        for (int i = from; i < end; i++) {
            if (blob.get(i) == 0) {
                return i;
            }
        }
        throw new FdtException(String.format("%s at offset 0x%x is not NUL-terminated inside its block",
            what, tokenAt));
    }

    private int word(final int at, final String what) throws FdtException {
        if (at < structStart || at > structEnd - 4) {
            throw new FdtException(String.format("%s at 0x%x runs past the structure block (ends at 0x%x) "
                + "without FDT_END", what, at, structEnd));
        }
        return blob.getInt(at);
    }

    private long u32(final int at) {
        return blob.getInt(at) & 0xFFFF_FFFFL;
    }
}
