package dev.jppc.core.jit;

import dev.jppc.core.Cpu;

/**
 * A straight run of guest instructions translated into one JVM method by {@link BlockCompiler}. Each
 * translation is a hidden class extending this one, so it can be unloaded when its code is dropped.
 */
public abstract class CompiledBlock {

    protected CompiledBlock() {
    }

    /**
     * Executes the block at effective address {@code pc}. Returns the number of instructions completed and
     * leaves the address of the next instruction in {@code c.nip}. An interrupt leaves {@code c.pc} at the
     * instruction that raised it, so the instructions completed before it are {@code (c.pc - pc) / 4}.
     */
    public abstract int run(Cpu c, long pc);
}
