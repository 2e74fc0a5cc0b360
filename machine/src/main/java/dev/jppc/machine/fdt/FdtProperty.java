package dev.jppc.machine.fdt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One property: a name and a raw big-endian value. The typed accessors check that the value has the
 * expected shape and throw {@link IllegalStateException} naming the property if not. Immutable.
 */
public final class FdtProperty {

    private final String name;
    private final byte[] value;

    public FdtProperty(final String name, final byte[] value) {
        this.name = name;
        this.value = value.clone();
    }

    public String name() {
        return name;
    }

    /** A copy of the raw value. */
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** The value as one string: exactly one NUL, at the end. */
    public String asString() {
        final List<String> strings = asStrings();
        if (strings.size() != 1) {
            throw wrongShape("one string");
        }
        return strings.get(0);
    }

    /** The value as a string list: one or more NUL-terminated strings. */
    public List<String> asStrings() {
        if (value.length == 0 || value[value.length - 1] != 0) {
            throw wrongShape("NUL-terminated strings");
        }
        final List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            if (value[i] == 0) {
                strings.add(new String(value, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return strings;
    }

    /** The value as one 32-bit cell. */
    public int asU32() {
        if (value.length != 4) {
            throw wrongShape("one 32-bit cell");
        }
        return ByteBuffer.wrap(value).getInt();
    }

    /** The value as one 64-bit number (two cells). */
    public long asU64() {
        if (value.length != 8) {
            throw wrongShape("one 64-bit value");
        }
        return ByteBuffer.wrap(value).getLong();
    }

    /** The value as 32-bit cells. */
    public int[] asCells() {
        if (value.length % 4 != 0) {
            throw wrongShape("32-bit cells");
        }
        final int[] cells = new int[value.length / 4];
        ByteBuffer.wrap(value).asIntBuffer().get(cells);
        return cells;
    }

    /** The value as 64-bit numbers (pairs of cells). */
    public long[] asU64s() {
        if (value.length % 8 != 0) {
            throw wrongShape("64-bit values");
        }
        final long[] values = new long[value.length / 8];
        ByteBuffer.wrap(value).asLongBuffer().get(values);
        return values;
    }

    private IllegalStateException wrongShape(final String expected) {
        return new IllegalStateException("property " + name + " (" + value.length + " bytes) is not " + expected);
    }

    /** The value in dts syntax: strings, cells or bytes, whichever fits. */
    String valueDts() {
        if (value.length == 0) {
            return "";
        }
        if (isPrintableStrings()) {
            final StringBuilder out = new StringBuilder();
            for (final String s : asStrings()) {
                out.append(out.length() == 0 ? "" : ", ").append('"').append(s.replace("\\", "\\\\")
                    .replace("\"", "\\\"")).append('"');
            }
            return out.toString();
        }
        final StringBuilder out = new StringBuilder();
        if (value.length % 4 == 0) {
            out.append('<');
            for (final int cell : asCells()) {
                out.append(out.length() == 1 ? "" : " ").append(String.format("0x%x", cell));
            }
            return out.append('>').toString();
        }
        out.append('[');
        for (final byte b : value) {
            out.append(out.length() == 1 ? "" : " ").append(String.format("%02x", b));
        }
        return out.append(']').toString();
    }

    /** Non-empty printable strings, each NUL-terminated, as dtc decides when to print a string. */
    private boolean isPrintableStrings() {
        if (value[value.length - 1] != 0 || value[0] == 0) {
            return false;
        }
        for (int i = 0; i < value.length - 1; i++) {
            final int c = value[i] & 0xFF;
            if (c == 0 ? value[i + 1] == 0 : c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value.length == 0 ? name : name + " = " + valueDts();
    }
}
