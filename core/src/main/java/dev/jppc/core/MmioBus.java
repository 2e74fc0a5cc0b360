package dev.jppc.core;

import dev.jppc.core.spi.MmioDevice;

/**
 * The device windows of guest physical address space. Looked up on the slow path only; a machine has a
 * handful of windows, so a linear search is the clearest structure.
 */
public final class MmioBus {

    private long[] bases = new long[0];
    private long[] sizes = new long[0];
    private MmioDevice[] devices = new MmioDevice[0];

    /** Maps {@code device} at {@code [base, base + size)}; windows must not overlap. */
    public void map(final long base, final long size, final MmioDevice device) {
        if (size <= 0 || base < 0 || base + size < base) {
            throw new IllegalArgumentException("bad MMIO window at 0x" + Long.toHexString(base));
        }
        for (int i = 0; i < bases.length; i++) {
            if (base < bases[i] + sizes[i] && bases[i] < base + size) {
                throw new IllegalArgumentException("MMIO window at 0x" + Long.toHexString(base) + " overlaps 0x"
                    + Long.toHexString(bases[i]));
            }
        }
        final int n = bases.length;
        bases = java.util.Arrays.copyOf(bases, n + 1);
        sizes = java.util.Arrays.copyOf(sizes, n + 1);
        devices = java.util.Arrays.copyOf(devices, n + 1);
        bases[n] = base;
        sizes[n] = size;
        devices[n] = device;
    }

    /** The index of the window holding {@code [pa, pa + size)}, or -1. */
    public int find(final long pa, final int size) {
        for (int i = 0; i < bases.length; i++) {
            final long offset = pa - bases[i];
            if (offset >= 0 && offset <= sizes[i] - size) {
                return i;
            }
        }
        return -1;
    }

    public long read(final int window, final long pa, final int size) {
        return devices[window].read(pa - bases[window], size);
    }

    public void write(final int window, final long pa, final int size, final long value) {
        devices[window].write(pa - bases[window], size, value);
    }
}
