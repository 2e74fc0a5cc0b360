/**
 * The software TLB the CPU's fast path reads directly: one direct-mapped {@link dev.jppc.mmu.tlb.Tlb} each for
 * fetches, loads and stores, tagged with the EA page and the {@link dev.jppc.mmu.tlb.TranslationMode} bits, so
 * MSR changes never flush.
 */
package dev.jppc.mmu.tlb;
