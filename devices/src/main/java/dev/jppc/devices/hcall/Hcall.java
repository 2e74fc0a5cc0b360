package dev.jppc.devices.hcall;

/** PAPR hypercall numbers and return codes (PAPR 14.5.4; QEMU's private calls from 0xF000). */
public final class Hcall {

    public static final long H_SUCCESS = 0;
    public static final long H_HARDWARE = -1;
    public static final long H_FUNCTION = -2;
    public static final long H_PRIVILEGE = -3;
    public static final long H_PARAMETER = -4;

    public static final int H_GET_TERM_CHAR = 0x54;
    public static final int H_PUT_TERM_CHAR = 0x58;
    /** QEMU's private hypercall that runs one RTAS call; r4 = the argument buffer. */
    public static final int KVMPPC_H_RTAS = 0xF000;

    private Hcall() {
    }
}
