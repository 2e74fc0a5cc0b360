package dev.jppc.machine.elf;

/**
 * An ELFv1 function descriptor (64-bit PowerPC ELF ABI v1, section "Function Descriptors"): three
 * doublewords in {@code .opd}, of which the first two matter to a loader.
 *
 * @param entry the address of the function's code
 * @param toc   the TOC pointer the function expects in r2
 */
public record FunctionDescriptor(long entry, long toc) {
}
