package dev.jppc.savevm.htab;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.jppc.mmu.hash.HashPageTable;

/**
 * A simple {@link HtabHost}: holds the current table and asks the machine, through the functions given, whether
 * CPUs run, how to flush their TLBs and how to install a replacement table ({@code HashMmu.setHypervisorTable}
 * on each CPU). Defaults: CPUs never run, nothing to flush, nothing to install.
 *
 * <p>A table in guest RAM (bare machine) lives where SDR1 names it: a START section may only announce its own
 * size, which then zeroes it, as a reallocation would.
 */
public final class LiveHtab implements HtabHost {

    /** The largest order jppc allocates ({@link HashPageTable#MAX_LOG2_SIZE}); the stream allows up to 46. */
    public static final int MAX_ALLOCATED_ORDER = HashPageTable.MAX_LOG2_SIZE;

    private volatile HashPageTable table;
    private BooleanSupplier cpusRunning = () -> false;
    private Runnable afterWrite = () -> { };
    private Consumer<HashPageTable> install = installed -> { };

    /** A host over {@code table} (null: the machine has no table). */
    public LiveHtab(final HashPageTable table) {
        this.table = table;
    }

    /** Answers {@link #cpusRunning()} with {@code running}. Returns this. */
    public LiveHtab cpusRunning(final BooleanSupplier running) {
        cpusRunning = Objects.requireNonNull(running, "running");
        return this;
    }

    /** Runs {@code flush} after every write that changed the table (flush the TLBs). Returns this. */
    public LiveHtab afterWrite(final Runnable flush) {
        afterWrite = Objects.requireNonNull(flush, "flush");
        return this;
    }

    /** Hands every replacement table (or null when removed) to {@code installer}. Returns this. */
    public LiveHtab onReplace(final Consumer<HashPageTable> installer) {
        install = Objects.requireNonNull(installer, "installer");
        return this;
    }

    @Override
    public HashPageTable table() {
        return table;
    }

    @Override
    public boolean cpusRunning() {
        return cpusRunning.getAsBoolean();
    }

    @Override
    public void tableWritten() {
        afterWrite.run();
    }

    @Override
    public HashPageTable replaceTable(final int log2Size) throws HtabException {
        final HashPageTable current = table;
        if (current != null && current.isInGuestMemory()) {
            if (current.log2Size() != log2Size) {
                throw new HtabException(Errno.EINVAL, String.format("the table in guest RAM at 0x%x has 2^%d bytes;"
                    + " a stream cannot resize it to 2^%d", current.realBase(), current.log2Size(), log2Size));
            }
            current.clear();
            afterWrite.run();
            return current;
        }
        if (log2Size < HashPageTable.MIN_LOG2_SIZE || log2Size > MAX_ALLOCATED_ORDER) {
            throw new HtabException(Errno.ENOMEM, "cannot allocate a hashed page table of 2^" + log2Size
                + " bytes (jppc allocates 2^" + HashPageTable.MIN_LOG2_SIZE + "..2^" + MAX_ALLOCATED_ORDER + ")");
        }
        final HashPageTable fresh;
        try {
            fresh = HashPageTable.allocate(log2Size);
        } catch (final OutOfMemoryError e) {
            throw new HtabException(Errno.ENOMEM, "cannot allocate a hashed page table of 2^" + log2Size
                + " bytes: " + e.getMessage());
        }
        table = fresh;
        install.accept(fresh);
        afterWrite.run();
        return fresh;
    }

    @Override
    public void removeTable() {
        if (table == null) {
            return;
        }
        table = null;
        install.accept(null);
        afterWrite.run();
    }
}
