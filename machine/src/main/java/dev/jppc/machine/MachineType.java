package dev.jppc.machine;

/** The two boards of spec/platform.md. */
public enum MachineType {
    /** A PAPR partition: jppc is the hypervisor (hypercalls, RTAS, hvterm console). */
    PSERIES(512L << 20),
    /** The guest runs in hypervisor state, owns its page table and talks to a UART. */
    BARE(256L << 20);

    private final long defaultMemory;

    MachineType(final long defaultMemory) {
        this.defaultMemory = defaultMemory;
    }

    public long defaultMemory() {
        return defaultMemory;
    }
}
