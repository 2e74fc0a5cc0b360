package dev.jppc.core.asm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A growing sequence of instruction words with named labels, for building small test and benchmark programs from
 * {@link PpcAsm} encoders.
 *
 * <pre>{@code
 * AsmBuffer asm = new AsmBuffer()
 *         .emit(PpcAsm.li(3, 0)).emit(PpcAsm.li(4, 10)).emit(PpcAsm.mtctr(4))
 *         .label("loop")
 *         .emit(PpcAsm.addi(3, 3, 1))
 *         .bdnz("loop")
 *         .emit(PpcAsm.blr());
 * byte[] image = asm.toBytes(ByteOrder.LITTLE_ENDIAN);
 * }</pre>
 *
 * <p>Branches to labels may point forward or backward; their offsets are filled in when the words are read
 * ({@link #words()}, {@link #toBytes}), so every label used must be bound by then. Label positions are byte offsets
 * from the start of the buffer.
 */
public final class AsmBuffer {

    /** A branch whose offset is known once its label is bound; {@code encoder} maps the byte offset to the word. */
    private record Fixup(int index, String label, IntUnaryOperator encoder) {
    }

    private int[] words = new int[64];
    private int size;
    private final Map<String, Integer> labels = new HashMap<>();
    private final List<Fixup> fixups = new ArrayList<>();

    /** Appends one instruction (or data) word. */
    public AsmBuffer emit(final int word) {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
        }
        words[size++] = word;
        return this;
    }

    /** Binds {@code name} to the position of the next word emitted. */
    public AsmBuffer label(final String name) {
        checkName(name);
        if (labels.putIfAbsent(name, size) != null) {
            throw new IllegalArgumentException("label '" + name + "' is already bound at byte offset "
                    + labels.get(name) * 4);
        }
        return this;
    }

    /** The byte offset at which the next word will go. */
    public int position() {
        return size * 4;
    }

    /** The byte offset of a bound label. */
    public int offsetOf(final String label) {
        final Integer index = labels.get(label);
        if (index == null) {
            throw new IllegalArgumentException("label '" + label + "' is not bound");
        }
        return index * 4;
    }

    public AsmBuffer b(final String label) {
        return branch(label, PpcAsm::b);
    }

    public AsmBuffer bl(final String label) {
        return branch(label, PpcAsm::bl);
    }

    public AsmBuffer bc(final int bo, final int bi, final String label) {
        return branch(label, offset -> PpcAsm.bc(bo, bi, offset));
    }

    public AsmBuffer bcl(final int bo, final int bi, final String label) {
        return branch(label, offset -> PpcAsm.bcl(bo, bi, offset));
    }

    public AsmBuffer beq(final int bf, final String label) {
        return branch(label, offset -> PpcAsm.beq(bf, offset));
    }

    public AsmBuffer bne(final int bf, final String label) {
        return branch(label, offset -> PpcAsm.bne(bf, offset));
    }

    public AsmBuffer blt(final int bf, final String label) {
        return branch(label, offset -> PpcAsm.blt(bf, offset));
    }

    public AsmBuffer bge(final int bf, final String label) {
        return branch(label, offset -> PpcAsm.bge(bf, offset));
    }

    public AsmBuffer bgt(final int bf, final String label) {
        return branch(label, offset -> PpcAsm.bgt(bf, offset));
    }

    public AsmBuffer ble(final int bf, final String label) {
        return branch(label, offset -> PpcAsm.ble(bf, offset));
    }

    public AsmBuffer bdnz(final String label) {
        return branch(label, PpcAsm::bdnz);
    }

    public AsmBuffer bdz(final String label) {
        return branch(label, PpcAsm::bdz);
    }

    /** The words with every branch offset resolved. */
    public int[] words() {
        final int[] resolved = Arrays.copyOf(words, size);
        for (final Fixup fixup : fixups) {
            final Integer target = labels.get(fixup.label());
            if (target == null) {
                throw new IllegalStateException("label '" + fixup.label() + "' is used by the branch at byte offset "
                        + fixup.index() * 4 + " but never bound");
            }
            try {
                resolved[fixup.index()] = fixup.encoder().applyAsInt((target - fixup.index()) * 4);
            } catch (final IllegalArgumentException e) {
                throw new IllegalStateException("branch at byte offset " + fixup.index() * 4 + " cannot reach label '"
                        + fixup.label() + "': " + e.getMessage(), e);
            }
        }
        return resolved;
    }

    /** The resolved words as bytes in the given order (big-endian, or little-endian as an LE guest fetches them). */
    public byte[] toBytes(final ByteOrder order) {
        final byte[] bytes = new byte[size * 4];
        writeTo(bytes, 0, order);
        return bytes;
    }

    /** Writes the resolved words into {@code dest} from {@code offset} on, in the given byte order. */
    public void writeTo(final byte[] dest, final int offset, final ByteOrder order) {
        if (offset < 0 || offset > dest.length || dest.length - offset < size * 4) {
            throw new IllegalArgumentException("need " + size * 4 + " bytes at offset " + offset + " of a "
                    + dest.length + "-byte array");
        }
        ByteBuffer.wrap(dest, offset, size * 4).order(order).asIntBuffer().put(words());
    }

    private AsmBuffer branch(final String label, final IntUnaryOperator encoder) {
        checkName(label);
        // Encoding a zero offset now checks the other operands (BO, BI, CR field) at the call that got them wrong.
        final int placeholder = encoder.applyAsInt(0);
        fixups.add(new Fixup(size, label, encoder));
        return emit(placeholder);
    }

    private static void checkName(final String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a label needs a non-blank name, was '" + name + "'");
        }
    }
}
