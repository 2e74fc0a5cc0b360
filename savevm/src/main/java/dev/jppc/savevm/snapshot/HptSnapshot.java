package dev.jppc.savevm.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.savevm.htab.HtabException;
import dev.jppc.savevm.htab.LiveHtab;
import dev.jppc.savevm.htab.QemuSection;
import dev.jppc.savevm.htab.SpaprHtabLoader;
import dev.jppc.savevm.htab.SpaprHtabSaver;

/**
 * A pseries partition's hypervisor-owned hashed page table as the {@code hpt} section: the payloads of a START
 * and an END section of QEMU's {@code spapr/htab} stream, back to back (the HPT order, then the valid entries as
 * chunks and the end marker), written by {@link SpaprHtabSaver} through the HTAB protocol and read back by
 * {@link SpaprHtabLoader} into a fresh table, which the restore then installs. A table in guest RAM (the bare
 * machine) is not this section's business: RAM and SDR1 carry it.
 */
public final class HptSnapshot implements Snapshottable {

    public static final String NAME = "hpt";
    public static final int VERSION = 1;

    private final HashMmu mmu;

    public HptSnapshot(final HashMmu mmu) {
        this.mmu = mmu;
    }

    @Override
    public String snapshotName() {
        return NAME;
    }

    @Override
    public int snapshotVersion() {
        return VERSION;
    }

    @Override
    public void save(final StateOutput out) throws IOException {
        final OutputStream stream = new OutputStream() {
            @Override
            public void write(final int b) throws IOException {
                out.u8(b);
            }

            @Override
            public void write(final byte[] bytes, final int offset, final int length) throws IOException {
                out.bytes(bytes, offset, length);
            }
        };
        // The machine is stopped: the saver's fd sees no concurrent change, and its complete stage sends it all.
        try (SpaprHtabSaver saver = new SpaprHtabSaver(new LiveHtab(mmu.table()), ByteOrder.BIG_ENDIAN,
            SpaprHtabSaver.FirstPass.VALID_RUNS_ONLY, SpaprHtabSaver.MAX_ITERATION_NS, System::nanoTime)) {
            saver.setup(stream);
            saver.complete(stream);
        } catch (final HtabException e) {
            throw new IOException("cannot save the hashed page table: " + e.getMessage(), e);
        }
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final LiveHtab scratch = new LiveHtab(null);
        final SpaprHtabLoader loader = new SpaprHtabLoader(scratch);
        final InputStream stream = new InputStream() {
            @Override
            public int read() throws IOException {
                if (in.remaining() == 0) {
                    return -1;
                }
                try {
                    return in.u8("the spapr/htab payload");
                } catch (final SnapshotException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        };
        try {
            loader.loadPayload(stream, QemuSection.START, QemuSection.HTAB_VERSION);
            loader.loadPayload(stream, QemuSection.END, QemuSection.HTAB_VERSION);
        } catch (final HtabException e) {
            throw in.problem("the spapr/htab payload is refused: " + e.getMessage());
        } catch (final java.io.EOFException e) {
            throw in.problem("truncated spapr/htab payload: " + e.getMessage());
        }
        final HashPageTable table = scratch.table();
        if (table == null) {
            throw in.problem("says the partition has no hashed page table; a pseries machine always has one");
        }
        return () -> mmu.setHypervisorTable(table);
    }
}
