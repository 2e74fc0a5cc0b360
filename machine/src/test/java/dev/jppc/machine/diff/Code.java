package dev.jppc.machine.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.jppc.core.asm.PpcAsm;

/**
 * The words of a generated program with forward references to the start of a step: branch offsets and
 * absolute step addresses (for bclr, bcctr and bctar targets) are filled in once every step is placed.
 */
final class Code {

    private enum Patch { BRANCH_LI, BRANCH_BD, ADDRESS_HIGH, ADDRESS_LOW }

    private record Fixup(int index, int target, Patch patch) {
    }

    private int[] words = new int[256];
    private int size;
    private final List<Fixup> fixups = new ArrayList<>();
    private final int[] stepStart = new int[ProgramGenerator.STEPS + 1];

    int size() {
        return size;
    }

    void emit(final int word) {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
        }
        words[size++] = word;
    }

    /** Step {@code step} starts at the next word. */
    void bindStep(final int step) {
        stepStart[step] = size;
    }

    void emitBranch(final int word, final int target, final boolean conditional) {
        fixups.add(new Fixup(size, target, conditional ? Patch.BRANCH_BD : Patch.BRANCH_LI));
        emit(word);
    }

    void emitAddressOf(final int register, final int target) {
        fixups.add(new Fixup(size, target, Patch.ADDRESS_HIGH));
        emit(PpcAsm.lis(register, 0));
        fixups.add(new Fixup(size, target, Patch.ADDRESS_LOW));
        emit(PpcAsm.ori(register, register, 0));
    }

    /** The words with every reference filled in. */
    int[] resolve() {
        final int[] resolved = Arrays.copyOf(words, size);
        for (final Fixup fixup : fixups) {
            final int offset = 4 * (stepStart[fixup.target()] - fixup.index());
            final long address = ElfWriter.CODE + 4L * stepStart[fixup.target()];
            final int word = resolved[fixup.index()];
            resolved[fixup.index()] = switch (fixup.patch()) {
                case BRANCH_LI -> word | (offset & 0x03FF_FFFC);
                case BRANCH_BD -> {
                    if (offset > Short.MAX_VALUE) {
                        throw new IllegalStateException("branch target out of reach");
                    }
                    yield word | (offset & 0xFFFC);
                }
                case ADDRESS_HIGH -> word | (int) (address >>> 16);
                case ADDRESS_LOW -> word | (int) (address & 0xFFFF);
            };
        }
        return resolved;
    }
}
