package dev.jppc.core;

/** Why {@link Cpu#run(long)} returned. */
public enum StopReason {
    /** Still running: the instruction budget of this call ran out. */
    BUDGET,
    /** The guest executed {@code attn}; the exit code is the low 8 bits of r3. */
    ATTENTION,
    /** The platform powered the machine off (RTAS power-off). */
    POWER_OFF,
    /** The platform was asked to reboot (RTAS system-reboot). */
    REBOOT,
    /** The guest reported a fatal error to the platform (RTAS ibm,os-term). */
    OS_TERM,
    /** A machine check with MSR[ME]=0: the real processor would checkstop. */
    CHECKSTOP,
    /** Stopped from outside (the monitor, a timeout). */
    REQUESTED,
    /** jppc itself failed: always a bug. The run loop turns any Java exception into this stop. */
    INTERNAL_ERROR
}
