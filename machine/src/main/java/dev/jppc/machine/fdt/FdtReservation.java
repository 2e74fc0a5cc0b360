package dev.jppc.machine.fdt;

/**
 * One entry of the memory reservation block ({@code /memreserve/ address size;} in dts).
 *
 * @param address first reserved guest physical address
 * @param size    bytes reserved
 */
public record FdtReservation(long address, long size) {
}
