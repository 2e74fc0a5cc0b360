package dev.jppc.machine.diff;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.jppc.core.exec.Fpscr;

/**
 * Compares the output block of a program on jppc with the reference, slot by slot, and describes the
 * differences: the slot (a register, or a register of one step's log record), both values, and the program's
 * steps disassembled.
 */
final class Comparison {

    /** XER[OV32] (bit 44) and XER[CA32] (bit 45), in mfxer's 64-bit value. */
    static final long XER32_BITS = (1L << 19) | (1L << 18);

    private static final int MAX_REPORTED = 6;

    private Comparison() {
    }

    /** Null when {@code actual} matches {@code expected}; otherwise what differs. */
    static String differences(final DiffProgram program, final byte[] expected, final byte[] actual) {
        if (expected.length != actual.length) {
            return program.name() + ": output of " + actual.length + " bytes, the reference has " + expected.length
                + "\n" + program.listing();
        }
        final ByteBuffer want = ByteBuffer.wrap(expected).order(program.order());
        final ByteBuffer got = ByteBuffer.wrap(actual).order(program.order());
        final List<String> lines = new ArrayList<>();
        int count = 0;
        for (final DiffProgram.Slot slot : program.slots()) {
            final String line = compare(program, slot, want, got);
            if (line != null) {
                if (count++ < MAX_REPORTED) {
                    lines.add(line);
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return program.name() + ": " + count + " slot(s) differ (first " + lines.size() + "; reference first, then "
            + "jppc)\n  " + String.join("\n  ", lines) + "\nsteps:\n" + program.listing();
    }

    private static String compare(final DiffProgram program, final DiffProgram.Slot slot, final ByteBuffer want,
                                  final ByteBuffer got) {
        return switch (slot.kind()) {
            case VALUE, XER, FPSCR -> {
                long expected = want.getLong(slot.offset());
                long actual = got.getLong(slot.offset());
                if (slot.kind() == DiffProgram.Kind.XER && program.family().masksXer32()) {
                    expected &= ~XER32_BITS;
                    actual &= ~XER32_BITS;
                }
                if (slot.kind() == DiffProgram.Kind.FPSCR) {
                    expected &= ~(long) Fpscr.FR;
                    actual &= ~(long) Fpscr.FR;
                }
                yield expected == actual ? null
                    : String.format("%s: %016x vs %016x", slot.name(), expected, actual);
            }
            case BYTES -> {
                for (int i = 0; i < slot.size(); i++) {
                    if (want.get(slot.offset() + i) != got.get(slot.offset() + i)) {
                        final int from = i & ~15;
                        final int length = Math.min(16, slot.size() - from);
                        yield String.format("%s at +%d: %s vs %s", slot.name(), i,
                            hex(want, slot.offset() + from, length), hex(got, slot.offset() + from, length));
                    }
                }
                yield null;
            }
        };
    }

    private static String hex(final ByteBuffer buffer, final int offset, final int length) {
        final byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
