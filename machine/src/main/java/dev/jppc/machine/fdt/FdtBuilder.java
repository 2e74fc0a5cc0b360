package dev.jppc.machine.fdt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a flattened device tree blob, version 17, as {@code dtc -O dtb} lays it out: header, memory
 * reservation block, structure block, strings block, with no padding. Property names share the strings
 * block (a name that equals the tail of an earlier one reuses it, as dtc does).
 *
 * <p>Usage: {@code beginNode("")} for the root, then properties and child nodes (properties of a node
 * before its children, as the specification requires), {@code endNode()} for each node, then
 * {@link #finish(int)}. Misuse (unbalanced nodes, a property outside a node, a duplicate name) throws
 * {@link IllegalStateException}; a malformed name or value throws {@link IllegalArgumentException}. Both
 * mean a bug in the caller. A builder is single-use and not thread-safe.
 */
public final class FdtBuilder {

    /** Devicetree Specification 2.2.1: node name characters, then an optional unit address after '@'. */
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9,._+-]+(@[A-Za-z0-9,._+-]+)?");
    /** Devicetree Specification 2.2.4.1: property name characters. */
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9,._+?#-]+");

    private final ByteArrayOutputStream struct = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final Map<String, Integer> stringOffsets = new HashMap<>();
    private final ByteArrayOutputStream reservations = new ByteArrayOutputStream();
    private final Deque<OpenNode> open = new ArrayDeque<>();
    private boolean rootDone;
    private boolean finished;

    /** A node between beginNode and endNode. */
    private static final class OpenNode {
        final String path;
        final Set<String> properties = new HashSet<>();
        final Set<String> children = new HashSet<>();

        OpenNode(final String path) {
            this.path = path;
        }
    }

    /** Opens a node: {@code ""} for the root, else a name such as {@code "cpus"} or {@code "memory@0"}. */
    public FdtBuilder beginNode(final String name) {
        checkNotFinished();
        final OpenNode parent = open.peek();
        if (parent == null) {
            if (rootDone) {
                throw new IllegalStateException("the root node is already closed; a tree has one root");
            }
            if (!name.isEmpty()) {
                throw new IllegalArgumentException("the root node's name must be empty, not \"" + name + "\"");
            }
            open.push(new OpenNode("/"));
        } else {
            if (!NODE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("bad node name \"" + name + "\" under " + parent.path);
            }
            if (!parent.children.add(name)) {
                throw new IllegalStateException("duplicate node " + name + " under " + parent.path);
            }
            open.push(new OpenNode(parent.path.equals("/") ? "/" + name : parent.path + "/" + name));
        }
        token(FdtFormat.FDT_BEGIN_NODE);
        struct.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        struct.write(0);
        pad();
        return this;
    }

    /** Closes the innermost open node. */
    public FdtBuilder endNode() {
        checkNotFinished();
        if (open.isEmpty()) {
            throw new IllegalStateException("endNode without an open node");
        }
        open.pop();
        rootDone |= open.isEmpty();
        token(FdtFormat.FDT_END_NODE);
        return this;
    }

    /** A string property (one NUL-terminated string). */
    public FdtBuilder property(final String name, final String value) {
        return propertyStrings(name, value);
    }

    /** A string-list property, such as {@code compatible = "a", "b"}. */
    public FdtBuilder propertyStrings(final String name, final String... values) {
        final ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (final String s : values) {
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("string value of property " + name + " contains a NUL");
            }
            value.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            value.write(0);
        }
        return rawProperty(name, value.toByteArray());
    }

    /** One 32-bit cell. */
    public FdtBuilder propertyU32(final String name, final int value) {
        return propertyCells(name, value);
    }

    /** One 64-bit value as two cells, high cell first. */
    public FdtBuilder propertyU64(final String name, final long value) {
        return propertyU64s(name, value);
    }

    /** A list of 32-bit cells. */
    public FdtBuilder propertyCells(final String name, final int... cells) {
        final ByteBuffer value = ByteBuffer.allocate(4 * cells.length);
        for (final int cell : cells) {
            value.putInt(cell);
        }
        return rawProperty(name, value.array());
    }

    /** A list of 64-bit values, each as two cells (such as {@code reg} with two address and size cells). */
    public FdtBuilder propertyU64s(final String name, final long... values) {
        final ByteBuffer value = ByteBuffer.allocate(8 * values.length);
        for (final long v : values) {
            value.putLong(v);
        }
        return rawProperty(name, value.array());
    }

    /** Raw bytes, copied. */
    public FdtBuilder propertyBytes(final String name, final byte[] value) {
        return rawProperty(name, value.clone());
    }

    /** A property without a value, such as {@code interrupt-controller}. */
    public FdtBuilder propertyEmpty(final String name) {
        return rawProperty(name, new byte[0]);
    }

    /** An FDT_NOP token in the structure block: readers skip it. */
    public FdtBuilder nop() {
        checkNotFinished();
        if (open.isEmpty()) {
            throw new IllegalStateException("FDT_NOP outside the root node");
        }
        token(FdtFormat.FDT_NOP);
        return this;
    }

    /** Adds {@code [address, address + size)} to the memory reservation block. */
    public FdtBuilder addReservation(final long address, final long size) {
        checkNotFinished();
        if (size == 0) {
            throw new IllegalArgumentException(String.format(
                "reservation at 0x%x has size 0, which would end the reservation list", address));
        }
        if (Long.compareUnsigned(address + (size - 1), address) < 0) {
            throw new IllegalArgumentException(String.format(
                "reservation at 0x%x of 0x%x bytes wraps past 2^64", address, size));
        }
        reservations.writeBytes(ByteBuffer.allocate(16).putLong(address).putLong(size).array());
        return this;
    }

    /**
     * Ends the tree and returns the blob.
     *
     * @param bootCpuId the {@code reg} value of the boot CPU (boot_cpuid_phys)
     */
    public byte[] finish(final int bootCpuId) {
        checkNotFinished();
        if (!open.isEmpty()) {
            throw new IllegalStateException("node " + open.peek().path + " is still open");
        }
        if (!rootDone) {
            throw new IllegalStateException("the tree has no root node");
        }
        finished = true;
        token(FdtFormat.FDT_END);
        final int rsvmapOffset = FdtFormat.HEADER_SIZE;
        final int rsvmapSize = reservations.size() + FdtFormat.RESERVATION_ENTRY_SIZE;
        final int structOffset = rsvmapOffset + rsvmapSize;
        final int stringsOffset = structOffset + struct.size();
        final int totalSize = stringsOffset + strings.size();
        final ByteBuffer blob = ByteBuffer.allocate(totalSize);
        blob.putInt(FdtFormat.MAGIC).putInt(totalSize).putInt(structOffset).putInt(stringsOffset)
            .putInt(rsvmapOffset).putInt(FdtFormat.VERSION).putInt(FdtFormat.LAST_COMPATIBLE_VERSION)
            .putInt(bootCpuId).putInt(strings.size()).putInt(struct.size());
        blob.put(reservations.toByteArray()).putLong(0).putLong(0);
        blob.put(struct.toByteArray()).put(strings.toByteArray());
        return blob.array();
    }

    private FdtBuilder rawProperty(final String name, final byte[] value) {
        checkNotFinished();
        final OpenNode node = open.peek();
        if (node == null) {
            throw new IllegalStateException("property " + name + " outside a node");
        }
        if (!PROPERTY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad property name \"" + name + "\" in " + node.path);
        }
        if (!node.children.isEmpty()) {
            throw new IllegalStateException("property " + name + " of " + node.path
                + " comes after its child nodes; properties must come first");
        }
        if (!node.properties.add(name)) {
            throw new IllegalStateException("duplicate property " + name + " in " + node.path);
        }
        token(FdtFormat.FDT_PROP);
        token(value.length);
        token(stringOffset(name));
        struct.writeBytes(value);
        pad();
        return this;
    }

    /** Offset of {@code name} in the strings block, reusing an existing string or string tail. */
    private int stringOffset(final String name) {
        final Integer known = stringOffsets.get(name);
        if (known != null) {
            return known;
        }
        final byte[] wanted = (name + '\0').getBytes(StandardCharsets.US_ASCII);
        final byte[] table = strings.toByteArray();
        int offset = indexOf(table, wanted);
        if (offset < 0) {
            offset = table.length;
            strings.writeBytes(wanted);
        }
        stringOffsets.put(name, offset);
        return offset;
    }

    private static int indexOf(final byte[] table, final byte[] wanted) {
        for (int i = 0; i <= table.length - wanted.length; i++) {
            if (matchesAt(table, i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesAt(final byte[] table, final int at, final byte[] wanted) {
        for (int j = 0; j < wanted.length; j++) {
            if (table[at + j] != wanted[j]) {
                return false;
            }
        }
        return true;
    }

    private void token(final int value) {
        struct.write(value >>> 24);
        struct.write(value >>> 16);
        struct.write(value >>> 8);
        struct.write(value);
    }

    private void pad() {
        while ((struct.size() & 3) != 0) {
            struct.write(0);
        }
    }

    private void checkNotFinished() {
        if (finished) {
            throw new IllegalStateException("the blob is already finished");
        }
    }
}
