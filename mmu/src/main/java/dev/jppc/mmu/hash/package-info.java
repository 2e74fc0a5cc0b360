/**
 * The 64-bit hashed MMU of Book III-S (POWER8, ISA v2.07B): SLB, page sizes, the page-table hash, HPTE fields,
 * the table itself and the per-CPU translation slow path.
 *
 * <ul>
 *   <li>{@link dev.jppc.mmu.hash.HashMmu}: one per CPU; {@code translate} with numbered steps, fault reports in
 *       public fields, SLB/TLB-management instructions, key registers, slow-path stores.</li>
 *   <li>{@link dev.jppc.mmu.hash.HashPageTable}: the table's bytes (guest RAM or hypervisor-owned), never read
 *       torn (per-group sequence counters), every write marked in its change tracker.</li>
 *   <li>{@link dev.jppc.mmu.hash.Slb}, {@link dev.jppc.mmu.hash.PageSizes}, {@link dev.jppc.mmu.hash.HptHash},
 *       {@link dev.jppc.mmu.hash.Hpte}: the encodings, as small static helpers and plain arrays.</li>
 * </ul>
 *
 * <p>Threading: a HashMmu belongs to its CPU's thread. A HashPageTable may be read from any thread
 * ({@code readEntry}) and written from several (writers exclude each other per group).
 */
package dev.jppc.mmu.hash;
