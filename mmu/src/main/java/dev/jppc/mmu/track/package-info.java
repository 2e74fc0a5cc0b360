/**
 * Change tracking for snapshots, the HTAB fd and live migration.
 *
 * <p>A {@link dev.jppc.mmu.track.ChangeTracker} is the writer side over a dense index range (HPTE indices, RAM
 * page numbers); each {@link dev.jppc.mmu.track.ChangeReader} is one reader's hierarchical bitmap, consumed
 * independently of the others, in index order, at a cost that follows the number of changes. Writers write
 * the data, then mark; readers consume a mark, then read the data.
 *
 * <p>{@link dev.jppc.mmu.track.DirtyPageTracker} applies this to RAM granules and adds the store-TLB flush
 * handshake that lets the CPU's fast store path run without marking every store.
 *
 * <p>The HTAB fd's shared "modified" flags (all handles see one set, htab-fd.md C6) are one ChangeReader shared
 * by all handles; independent readers (a snapshot while a migration runs) each open their own.
 */
package dev.jppc.mmu.track;
