package dev.jppc.machine.elf;

/**
 * The guest physical range an image occupies once placed: from the lowest placed segment start to the end
 * (exclusive) of the highest placed segment. Gaps between segments are included, so the range is what a
 * device tree memory reservation should cover.
 *
 * @param start lowest guest physical address written
 * @param end   one past the highest guest physical address written
 */
public record LoadExtent(long start, long end) {

    public LoadExtent {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(String.format("bad extent [0x%x, 0x%x)", start, end));
        }
    }

    /** Bytes from {@link #start()} to {@link #end()}. */
    public long size() {
        return end - start;
    }
}
