package dev.jppc.machine.fdt;

import java.util.List;

/**
 * A parsed flattened device tree: header fields, reservations and the node tree. Immutable.
 *
 * @param version               the header's version
 * @param lastCompatibleVersion the header's last_comp_version
 * @param bootCpuId             boot_cpuid_phys
 * @param reservations          the memory reservation block without its (0, 0) terminator
 * @param root                  the root node
 */
public record Fdt(int version, int lastCompatibleVersion, int bootCpuId, List<FdtReservation> reservations,
                  FdtNode root) {

    public Fdt {
        reservations = List.copyOf(reservations);
    }

    /** Parses a blob; see {@link FdtReader}. */
    public static Fdt parse(final byte[] blob) throws FdtException {
        return FdtReader.parse(blob);
    }

    /** The tree in device tree source syntax, for a monitor or a test failure message. */
    public String toDts() {
        final StringBuilder out = new StringBuilder("/dts-v1/;\n");
        for (final FdtReservation r : reservations) {
            out.append(String.format("/memreserve/ 0x%x 0x%x;%n", r.address(), r.size()));
        }
        root.appendDts(out, 0);
        return out.toString();
    }
}
