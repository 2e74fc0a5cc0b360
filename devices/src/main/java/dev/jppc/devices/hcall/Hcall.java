package dev.jppc.devices.hcall;

/**
 * PAPR hypercall numbers, return codes and flag bits, as Linux's {@code asm/hvcall.h} defines them (QEMU's private
 * calls start at 0xF000). Flags use the ISA's bit numbering: PAPR "bit n" of a register is {@code 1L << (63 - n)}.
 */
public final class Hcall {

    // ---- return codes ---------------------------------------------------------------------------------------

    public static final long H_SUCCESS = 0;
    public static final long H_HARDWARE = -1;
    public static final long H_FUNCTION = -2;
    public static final long H_PRIVILEGE = -3;
    public static final long H_PARAMETER = -4;
    public static final long H_PTEG_FULL = -6;
    public static final long H_NOT_FOUND = -7;
    /** H_SET_DABR: the address is reserved by the hypervisor. */
    public static final long H_RESERVED_DABR = -8;
    public static final long H_RESOURCE = -16;
    /** Parameter 2 (counting from 1, r4 being parameter 1) is invalid. */
    public static final long H_P2 = -55;
    public static final long H_P3 = -56;
    public static final long H_P4 = -57;
    /** The first of the "unsupported flag" codes (-256 .. -511); QEMU and KVM answer this one. */
    public static final long H_UNSUPPORTED_FLAG = -256;

    // ---- hypercall numbers ----------------------------------------------------------------------------------

    public static final int H_REMOVE = 0x04;
    public static final int H_ENTER = 0x08;
    public static final int H_READ = 0x0C;
    public static final int H_CLEAR_MOD = 0x10;
    public static final int H_CLEAR_REF = 0x14;
    public static final int H_PROTECT = 0x18;
    public static final int H_SET_DABR = 0x28;
    public static final int H_LOGICAL_CI_LOAD = 0x3C;
    public static final int H_LOGICAL_CI_STORE = 0x40;
    public static final int H_GET_TERM_CHAR = 0x54;
    public static final int H_PUT_TERM_CHAR = 0x58;
    public static final int H_EOI = 0x64;
    public static final int H_CPPR = 0x68;
    public static final int H_IPI = 0x6C;
    public static final int H_IPOLL = 0x70;
    public static final int H_XIRR = 0x74;
    public static final int H_REGISTER_VPA = 0xDC;
    public static final int H_CEDE = 0xE0;
    public static final int H_CONFER = 0xE4;
    public static final int H_PROD = 0xE8;
    public static final int H_BULK_REMOVE = 0x124;
    public static final int H_SET_XDABR = 0x134;
    public static final int H_GET_CPU_CHARACTERISTICS = 0x1C8;
    public static final int H_XIRR_X = 0x2FC;
    public static final int H_RANDOM = 0x300;
    public static final int H_SET_MODE = 0x31C;
    /** QEMU's private hypercall that runs one RTAS call; r4 = the argument buffer. */
    public static final int KVMPPC_H_RTAS = 0xF000;

    // ---- flags (r4 of the page-table calls) -----------------------------------------------------------------

    /** H_ENTER: use exactly the slot named by the index, or fail with H_PTEG_FULL (PAPR bit 24). */
    public static final long H_EXACT = 1L << (63 - 24);
    /** H_READ: return logical page numbers; real = logical in jppc, so it changes nothing (PAPR bit 25). */
    public static final long H_R_XLATE = 1L << (63 - 25);
    /** H_READ: return the four entries of the aligned quarter group (PAPR bit 26). */
    public static final long H_READ_4 = 1L << (63 - 26);
    /** H_REMOVE, H_PROTECT: the entry's first doubleword without its low 7 bits must equal r6 (PAPR bit 32). */
    public static final long H_AVPN = 1L << (63 - 32);
    /** H_REMOVE: the entry's first doubleword ANDed with r6 must be 0 (PAPR bit 33). */
    public static final long H_ANDCOND = 1L << (63 - 33);
    /** H_ENTER: invalidate the instruction cache for the page; no cache to invalidate here (PAPR bit 40). */
    public static final long H_ICACHE_INVALIDATE = 1L << (63 - 40);
    /** H_ENTER: make the instruction cache coherent with the page; nothing to do here (PAPR bit 41). */
    public static final long H_ICACHE_SYNCHRONIZE = 1L << (63 - 41);
    /** H_ENTER: zero the page before mapping it; ignored for I/O pages (PAPR bit 48). */
    public static final long H_ZERO_PAGE = 1L << (63 - 48);

    // ---- flags of H_SET_XDABR's DABRX (r5) ------------------------------------------------------------------

    /** DABRX: match hypervisor accesses; a partition may not ask for it (PAPR bit 61). */
    public static final long H_DABRX_HYPERVISOR = 1L << (63 - 61);
    /** DABRX: match privileged accesses (PAPR bit 62). */
    public static final long H_DABRX_KERNEL = 1L << (63 - 62);
    /** DABRX: match problem-state accesses (PAPR bit 63). */
    public static final long H_DABRX_USER = 1L << (63 - 63);

    private Hcall() {
    }
}
