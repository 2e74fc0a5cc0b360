package dev.jppc.core.jit;

import dev.jppc.core.Cpu;

/**
 * A straight run of guest instructions translated into one JVM method by {@link BlockCompiler}. Each
 * translation is a hidden class extending this one, so it can be unloaded when its code is dropped.
 */
public abstract class CompiledBlock {

    /**
     * Set when the block's code was written or the cache dropped it: a running block then leaves after the
     * store, so the rewritten words are fetched anew (a block may loop inside itself).
     */
    boolean dropped;

    protected CompiledBlock() {
    }

    /**
     * Executes the block at effective address {@code pc}. Returns the number of instructions completed that it
     * has not yet added to {@code c.instructions} itself (a block that loops adds each pass) and leaves the
     * address of the next instruction in {@code c.nip}. An interrupt leaves {@code c.pc} at the instruction
     * that raised it; the block has then added all it completed except {@code (c.pc - pc) / 4}.
     */
    public abstract int run(Cpu c, long pc);
}
