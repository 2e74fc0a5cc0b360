package dev.jppc.machine.diff;

import java.nio.ByteOrder;
import java.util.List;

import dev.jppc.core.decode.Disassembler;

/**
 * One generated test program: the ELF to run, and how to read the block of bytes it writes to stdout.
 *
 * @param family what the sequence is drawn from
 * @param seed the seed that, with the family, determines everything here
 * @param order the program's byte order
 * @param elf the static executable
 * @param slots the named fields of the output block, in order
 * @param outputLength the number of bytes the program writes
 * @param steps the instructions under test, in program order
 */
record DiffProgram(Family family, long seed, ByteOrder order, byte[] elf, List<Slot> slots, int outputLength,
                   List<Step> steps) {

    /** A field of the output block. */
    record Slot(String name, int offset, int size, Kind kind) {
    }

    /** How a slot is compared and printed. */
    enum Kind {
        /** A doubleword in the program's byte order. */
        VALUE,
        /** XER as mfxer reads it; OV32 and CA32 are masked in families that say so. */
        XER,
        /**
         * FPSCR as mffs reads it; FR is not compared, because QEMU never sets it (docs/differential.md, core's
         * QemuFpReferenceTest).
         */
        FPSCR,
        /** Raw storage (the data buffer). */
        BYTES
    }

    /** One instruction under test and where it sits. */
    record Step(int index, long address, int word) {
        @Override
        public String toString() {
            return String.format("%3d  %08x  %08x  %s", index, address, word, Disassembler.disassemble(word, address));
        }
    }

    /** "fixedpoint le seed 12": names the program in messages. */
    String name() {
        return family.id() + " " + orderName(order) + " seed " + seed;
    }

    static String orderName(final ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? "le" : "be";
    }

    /** The listing of the steps, one per line. */
    String listing() {
        final StringBuilder text = new StringBuilder();
        for (final Step step : steps) {
            text.append(step).append('\n');
        }
        return text.toString();
    }
}
