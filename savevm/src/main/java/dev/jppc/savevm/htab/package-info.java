/**
 * KVM's HTAB fd protocol and QEMU's {@code spapr/htab} migration section on jppc's live hashed page table
 * (spec/htab-fd.md; docs/htab-fd.md lists where jppc deliberately differs).
 *
 * <p>{@link dev.jppc.savevm.htab.HtabFd} is one handle (read: records of the whole table, then of what changed;
 * write: apply records); {@link dev.jppc.savevm.htab.HtabHost} is what it needs from the machine;
 * {@link dev.jppc.savevm.htab.SpaprHtabSaver} and {@link dev.jppc.savevm.htab.SpaprHtabLoader} are the two ends of
 * the QEMU section; {@link dev.jppc.savevm.htab.HtabDump} lists such bytes for people.
 */
package dev.jppc.savevm.htab;
