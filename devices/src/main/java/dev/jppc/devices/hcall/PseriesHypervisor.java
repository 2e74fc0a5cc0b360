package dev.jppc.devices.hcall;

import java.io.UncheckedIOException;

import dev.jppc.core.Cpu;
import dev.jppc.core.spi.Hypervisor;
import dev.jppc.devices.console.Vterm;
import dev.jppc.devices.rtas.Rtas;

/**
 * jppc as the hypervisor of a PAPR partition: dispatches {@code sc 1} by the hypercall number in r3.
 * Unknown numbers return H_FUNCTION; bad arguments return H_PARAMETER. Nothing here throws into the CPU.
 */
public final class PseriesHypervisor implements Hypervisor {

    private final Vterm vterm;
    private final Rtas rtas;
    private final byte[] chars = new byte[16];

    public PseriesHypervisor(final Vterm vterm, final Rtas rtas) {
        this.vterm = vterm;
        this.rtas = rtas;
    }

    @Override
    public void hypercall(final Cpu cpu) {
        final long number = cpu.gpr[3];
        final long result;
        if (number == Hcall.H_PUT_TERM_CHAR) {
            result = putTermChar(cpu);
        } else if (number == Hcall.H_GET_TERM_CHAR) {
            result = getTermChar(cpu);
        } else if (number == Hcall.KVMPPC_H_RTAS) {
            result = rtas.call(cpu, cpu.gpr[4]) ? Hcall.H_SUCCESS : Hcall.H_PARAMETER;
        } else {
            result = Hcall.H_FUNCTION;
        }
        cpu.gpr[3] = result;
    }

    /** H_PUT_TERM_CHAR: r4 = terminal, r5 = length (0..16), r6 and r7 = the bytes, first byte highest. */
    private long putTermChar(final Cpu cpu) {
        final long length = cpu.gpr[5];
        if (!Vterm.isThisTerminal(cpu.gpr[4]) || length < 0 || length > 16) {
            return Hcall.H_PARAMETER;
        }
        final int n = (int) length;
        for (int i = 0; i < n; i++) {
            final long word = i < 8 ? cpu.gpr[6] : cpu.gpr[7];
            chars[i] = (byte) (word >>> (56 - 8 * (i & 7)));
        }
        try {
            vterm.write(chars, n);
        } catch (final UncheckedIOException e) {
            return Hcall.H_HARDWARE;
        }
        return Hcall.H_SUCCESS;
    }

    /** H_GET_TERM_CHAR: r4 = terminal; returns r4 = count and r5, r6 = up to 16 bytes, first byte highest. */
    private long getTermChar(final Cpu cpu) {
        if (!Vterm.isThisTerminal(cpu.gpr[4])) {
            return Hcall.H_PARAMETER;
        }
        final int n = vterm.read(chars, 16);
        long high = 0;
        long low = 0;
        for (int i = 0; i < n; i++) {
            final long b = chars[i] & 0xFFL;
            if (i < 8) {
                high |= b << (56 - 8 * i);
            } else {
                low |= b << (56 - 8 * (i - 8));
            }
        }
        cpu.gpr[4] = n;
        cpu.gpr[5] = high;
        cpu.gpr[6] = low;
        return Hcall.H_SUCCESS;
    }
}
