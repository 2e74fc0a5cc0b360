package dev.jppc.core.spi;

/**
 * A device register window in guest physical address space, outside RAM. Accesses reach it only through the
 * CPU's slow path, never through the TLB. Offsets are relative to the window's base; {@code size} is 1, 2, 4
 * or 8 bytes. A device must not throw: an access it does not understand reads as all ones and writes are
 * ignored.
 */
public interface MmioDevice {

    long read(long offset, int size);

    void write(long offset, int size, long value);
}
