package dev.jppc.devices.xics;

import dev.jppc.core.Cpu;
import dev.jppc.devices.hcall.Hcall;

/**
 * The hcall-interrupt function set: the guest's view of the ICP of {@link Xics}. Arguments from r4 up, results
 * in r4 and r5; as in QEMU, priorities are the low byte of their register and an XIRR the low word.
 */
public final class XicsHcalls {

    private final Xics xics;

    public XicsHcalls(final Xics xics) {
        this.xics = xics;
    }

    /** H_CPPR: r4 = the new current processor priority. */
    public long setCppr(final Cpu cpu) {
        xics.setCppr((int) cpu.gpr[4] & 0xFF);
        return Hcall.H_SUCCESS;
    }

    /** H_EOI: r4 = the XIRR H_XIRR returned (CPPR to restore, source to end). */
    public long endOfInterrupt(final Cpu cpu) {
        xics.endOfInterrupt((int) cpu.gpr[4]);
        return Hcall.H_SUCCESS;
    }

    /** H_IPI: r4 = interrupt server, r5 = its new MFRR; an unknown server is H_PARAMETER. */
    public long ipi(final Cpu cpu) {
        if (cpu.gpr[4] != Xics.SERVER) {
            return Hcall.H_PARAMETER;
        }
        xics.setMfrr((int) cpu.gpr[5] & 0xFF);
        return Hcall.H_SUCCESS;
    }

    /** H_XIRR: accepts the pending interrupt; r4 = the XIRR (0 in the XISR when nothing was pending). */
    public long accept(final Cpu cpu) {
        cpu.gpr[4] = xics.accept() & 0xFFFF_FFFFL;
        return Hcall.H_SUCCESS;
    }

    /** H_XIRR_X: as H_XIRR, plus r5 = the timebase at acceptance. */
    public long acceptTimed(final Cpu cpu) {
        cpu.gpr[4] = xics.accept() & 0xFFFF_FFFFL;
        cpu.gpr[5] = cpu.timebase();
        return Hcall.H_SUCCESS;
    }

    /** H_IPOLL: r4 = the XIRR, r5 = the MFRR, accepting nothing. */
    public long poll(final Cpu cpu) {
        synchronized (xics) {
            cpu.gpr[4] = xics.xirr() & 0xFFFF_FFFFL;
            cpu.gpr[5] = xics.mfrr();
        }
        return Hcall.H_SUCCESS;
    }
}
