package dev.jppc.core.spi;

import dev.jppc.core.Cpu;

/**
 * The hypervisor of a partition: receives {@code sc 1} from a guest running with MSR[HV]=0 (PAPR hypercalls).
 * The hypercall number is in r3 and the arguments in r4 and up; the implementation writes the return code to
 * r3 and outputs to r4 and up, and must never throw: bad arguments are answered with a PAPR error code.
 */
public interface Hypervisor {

    /** Handles one hypercall; on return the guest continues after its {@code sc 1}. */
    void hypercall(Cpu cpu);
}
