package dev.jppc.core.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;

import dev.jppc.mmu.GuestMemory;

/**
 * Guest RAM as the {@code ram} section: the RAM size, then runs of consecutive 4 KiB pages that hold a non-zero
 * byte, each as its address, its length and its bytes. Pages that are all zero are not stored and cost only the
 * scan that finds them (eight-byte compares). The same run records can carry a migration pass's dirty pages;
 * the flags word says whether pages outside the runs are zero (a snapshot) or unchanged.
 *
 * <p>A restore checks every run header (ascending, page aligned, inside RAM, within the payload) before it
 * changes anything, then reads the runs straight into RAM and zeroes the pages between them that are not zero
 * already.
 */
public final class RamSnapshot implements Snapshottable {

    public static final String NAME = "ram";
    public static final int VERSION = 1;
    /** The page granule of runs: the dirty-page tracker's 4 KiB. */
    public static final int PAGE_SIZE = 4096;
    /** Flags bit 0: pages outside the runs are zero. */
    public static final int FLAG_ABSENT_PAGES_ZERO = 1;
    /** The run header that ends the list. */
    public static final long END_OF_RUNS = -1L;

    private static final int PAGE_LONGS = PAGE_SIZE / 8;

    private final GuestMemory ram;

    public RamSnapshot(final GuestMemory ram) {
        this.ram = ram;
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
        out.u64(ram.size());
        out.u32(PAGE_SIZE);
        out.u32(FLAG_ABSENT_PAGES_ZERO);
        for (int c = 0; c < ram.chunkCount(); c++) {
            saveChunk(out, c);
        }
        out.u64(END_OF_RUNS);
        out.u64(0);
    }

    /** Runs never cross a chunk, so each is one slice of one buffer. */
    private void saveChunk(final StateOutput out, final int index) throws IOException {
        final UnsafeBuffer chunk = ram.chunk(index);
        final ByteBuffer bytes = chunk.byteBuffer();
        final long base = (long) index << GuestMemory.CHUNK_SHIFT;
        final int capacity = chunk.capacity();
        int at = 0;
        while (at < capacity) {
            while (at < capacity && isZero(chunk, at)) {
                at += PAGE_SIZE;
            }
            final int start = at;
            while (at < capacity && !isZero(chunk, at)) {
                at += PAGE_SIZE;
            }
            if (at > start) {
                out.u64(base + start);
                out.u64(at - start);
                out.bytes(bytes.slice(start, at - start));
            }
        }
    }

    private static boolean isZero(final UnsafeBuffer chunk, final int page) {
        for (int i = 0; i < PAGE_LONGS; i++) {
            if (chunk.getLong(page + 8 * i) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final long size = in.u64("the RAM size");
        if (size != ram.size()) {
            throw in.problem("saved with " + size + " bytes of RAM, this machine has " + ram.size());
        }
        final long pageSize = in.u32("the page size");
        final long flags = in.u32("the flags");
        if (pageSize != PAGE_SIZE) {
            throw in.problem("page size " + pageSize + ", not " + PAGE_SIZE);
        }
        if (flags != FLAG_ABSENT_PAGES_ZERO) {
            throw in.problem(String.format("flags 0x%x: a snapshot's RAM has flags 0x%x (absent pages are zero)",
                flags, FLAG_ABSENT_PAGES_ZERO));
        }
        long[] runs = new long[48];
        int count = 0;
        long next = 0;
        while (true) {
            final long address = in.u64("a run address");
            final long length = in.u64("a run length");
            if (address == END_OF_RUNS && length == 0) {
                break;
            }
            if (address < next || address % PAGE_SIZE != 0 || length <= 0 || length % PAGE_SIZE != 0
                || length > size - address) {
                throw in.problem(String.format("run %d at 0x%x of 0x%x bytes is not page aligned, out of order or"
                    + " outside the 0x%x bytes of RAM", count, address, length, size));
            }
            if (length > in.remaining()) {
                throw in.problem(String.format("run %d at 0x%x needs 0x%x bytes, the section has 0x%x left",
                    count, address, length, in.remaining()));
            }
            if (3 * count + 3 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[3 * count] = address;
            runs[3 * count + 1] = length;
            runs[3 * count + 2] = in.position();
            count++;
            in.skip(length, "run data");
            next = address + length;
        }
        final long[] checked = runs;
        final int runCount = count;
        return () -> apply(in, checked, runCount);
    }

    private void apply(final StateInput in, final long[] runs, final int count) throws IOException {
        long next = 0;
        for (int r = 0; r < count; r++) {
            final long address = runs[3 * r];
            final long length = runs[3 * r + 1];
            clear(next, address);
            read(in, runs[3 * r + 2], address, length);
            next = address + length;
        }
        clear(next, ram.size());
    }

    /** Reads a run into RAM, one chunk slice at a time. */
    private void read(final StateInput in, final long position, final long address, final long length)
        throws IOException {
        long done = 0;
        while (done < length) {
            final long at = address + done;
            final int chunk = (int) (at >>> GuestMemory.CHUNK_SHIFT);
            final int within = (int) (at & (GuestMemory.CHUNK_SIZE - 1));
            final UnsafeBuffer buffer = ram.chunk(chunk);
            final int n = (int) Math.min(length - done, buffer.capacity() - within);
            in.readAt(position + done, buffer.byteBuffer().slice(within, n));
            done += n;
        }
    }

    /** Zeroes the pages of {@code [from, to)} that are not zero already. */
    private void clear(final long from, final long to) {
        for (long page = from; page < to; page += PAGE_SIZE) {
            final UnsafeBuffer chunk = ram.chunk((int) (page >>> GuestMemory.CHUNK_SHIFT));
            final int within = (int) (page & (GuestMemory.CHUNK_SIZE - 1));
            if (!isZero(chunk, within)) {
                chunk.setMemory(within, PAGE_SIZE, (byte) 0);
            }
        }
    }
}
