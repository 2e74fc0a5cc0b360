package dev.jppc.core;

/**
 * Thrown inside an instruction to abandon it when it raises a synchronous interrupt (a storage fault, a
 * program interrupt). The interrupt's vector and registers are already recorded in the {@link Cpu}; the run
 * loop catches this and delivers it. One instance per CPU, without a stack trace, so raising costs no
 * allocation.
 */
public final class GuestInterrupt extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GuestInterrupt() {
        super("guest interrupt", null, false, false);
    }
}
