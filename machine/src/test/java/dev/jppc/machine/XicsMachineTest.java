package dev.jppc.machine;

import static dev.jppc.core.asm.PpcAsm.li;
import static dev.jppc.core.asm.PpcAsm.mfmsr;
import static dev.jppc.core.asm.PpcAsm.mr;
import static dev.jppc.core.asm.PpcAsm.mtmsrd;
import static dev.jppc.core.asm.PpcAsm.ori;
import static dev.jppc.core.asm.PpcAsm.sc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.jppc.core.Cpu;
import dev.jppc.core.StopReason;
import dev.jppc.core.asm.AsmBuffer;
import dev.jppc.devices.hcall.Hcall;
import dev.jppc.devices.rtas.Rtas;
import dev.jppc.machine.fdt.Fdt;
import dev.jppc.machine.fdt.FdtNode;

/**
 * The XICS seen from a guest: small big-endian real-mode programs (the pseries entry state) that enable MSR[EE]
 * and take the external interrupt at 0x500, where they accept it with H_XIRR and end it with H_EOI.
 */
class XicsMachineTest {

    private static final Path HELLO_PSERIES = Path.of("../guests/hello-pseries-be/hello-pseries-be.elf");
    private static final long CODE = 0x1_0000;
    private static final long EXTERNAL_VECTOR = 0x500;
    private static final long SET_XIVE_BUFFER = 0x2_0000;
    private static final long POWER_OFF_BUFFER = 0x2_0100;
    private static final int VTY_IRQ = DeviceTrees.VTY_IRQ;
    /** Registers the handler leaves its findings in. */
    private static final int ACCEPTED = 20;
    private static final int INPUT_COUNT = 21;
    private static final int INPUT_BYTES = 22;
    private static final int INTERRUPTS = 23;

    private static Machine machine() throws MachineException {
        return Machine.create(new MachineConfig().image(HELLO_PSERIES).console(new ByteArrayOutputStream())
            .log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    private static void rtasBuffer(final Machine m, final long at, final int token, final int nret,
                                   final int... args) {
        m.ram().putInt(at, token, ByteOrder.BIG_ENDIAN);
        m.ram().putInt(at + 4, args.length, ByteOrder.BIG_ENDIAN);
        m.ram().putInt(at + 8, nret, ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < args.length; i++) {
            m.ram().putInt(at + 12 + 4L * i, args[i], ByteOrder.BIG_ENDIAN);
        }
    }

    /** r3 = number (r4.. set before), then {@code sc 1}. */
    private static AsmBuffer hcall(final AsmBuffer a, final int number) {
        return a.emit(li(3, 0)).emit(ori(3, 3, number)).emit(sc(1));
    }

    private static void rtasCall(final AsmBuffer a, final long buffer) {
        a.emit(li(4, 0)).emit(ori(4, 4, (int) buffer & 0xFFFF));
        if (buffer > 0xFFFF) {
            a.emit(dev.jppc.core.asm.PpcAsm.oris(4, 4, (int) (buffer >>> 16)));
        }
        hcall(a, Hcall.KVMPPC_H_RTAS);
    }

    /**
     * Loads the guest: main sets CPPR 0xFF, routes the vty source at priority 5, enables EE, optionally raises
     * an IPI at priority 5, and spins; the handler at 0x500 accepts, reads the console, clears MFRR, EOIs and
     * powers off.
     */
    private static void load(final Machine m, final boolean raiseIpi) {
        rtasBuffer(m, SET_XIVE_BUFFER, Rtas.IBM_SET_XIVE, 1, VTY_IRQ, 0, 5);
        rtasBuffer(m, POWER_OFF_BUFFER, Rtas.POWER_OFF, 1, -1, -1);
        final AsmBuffer main = new AsmBuffer();
        main.emit(li(INTERRUPTS, 0)).emit(li(4, 0xFF));
        hcall(main, Hcall.H_CPPR);
        rtasCall(main, SET_XIVE_BUFFER);
        main.emit(mfmsr(5)).emit(ori(5, 5, (int) Cpu.MSR_EE)).emit(mtmsrd(5, 1));
        if (raiseIpi) {
            main.emit(li(4, 0)).emit(li(5, 5));
            hcall(main, Hcall.H_IPI);
        }
        main.label("spin").b("spin");
        final AsmBuffer handler = new AsmBuffer();
        handler.emit(dev.jppc.core.asm.PpcAsm.addi(INTERRUPTS, INTERRUPTS, 1));
        hcall(handler, Hcall.H_XIRR);
        handler.emit(mr(ACCEPTED, 4)).emit(li(4, 0));
        hcall(handler, Hcall.H_GET_TERM_CHAR);
        handler.emit(mr(INPUT_COUNT, 4)).emit(mr(INPUT_BYTES, 5)).emit(li(4, 0)).emit(li(5, 0xFF));
        hcall(handler, Hcall.H_IPI);
        handler.emit(mr(4, ACCEPTED));
        hcall(handler, Hcall.H_EOI);
        rtasCall(handler, POWER_OFF_BUFFER);
        handler.label("hang").b("hang");
        final byte[] code = main.toBytes(ByteOrder.BIG_ENDIAN);
        m.ram().putBytes(CODE, code, 0, code.length);
        final byte[] vector = handler.toBytes(ByteOrder.BIG_ENDIAN);
        assertTrue(vector.length <= 0x100, "the handler fits its vector");
        m.ram().putBytes(EXTERNAL_VECTOR, vector, 0, vector.length);
        m.cpu().pc = CODE;
    }

    @Test
    void shouldDeliverAnIpiAsAnExternalInterrupt() throws Exception {
        final Machine m = machine();
        load(m, true);
        assertEquals(StopReason.POWER_OFF, m.run(10_000));
        final Cpu cpu = m.cpu();
        assertEquals(1, cpu.gpr[INTERRUPTS]);
        assertEquals(0xFF00_0002L, cpu.gpr[ACCEPTED], "old CPPR 0xFF, source 2 (the IPI)");
        assertEquals(0, cpu.gpr[INPUT_COUNT]);
        assertEquals(false, cpu.externalInterrupt);
    }

    @Test
    void shouldDeliverConsoleInputAsAnExternalInterrupt() throws Exception {
        final Machine m = machine();
        load(m, false);
        assertEquals(StopReason.BUDGET, m.run(10_000), "nothing to interrupt the spin yet");
        assertEquals(0, m.cpu().gpr[INTERRUPTS]);
        final Thread input = new Thread(() -> m.offerInput("hi".getBytes(StandardCharsets.US_ASCII)));
        input.start();
        input.join();
        assertEquals(StopReason.POWER_OFF, m.run(10_000));
        final Cpu cpu = m.cpu();
        assertEquals(1, cpu.gpr[INTERRUPTS]);
        assertEquals(0xFF00_0000L | VTY_IRQ, cpu.gpr[ACCEPTED]);
        assertEquals(2, cpu.gpr[INPUT_COUNT]);
        assertEquals(0x6869L << 48, cpu.gpr[INPUT_BYTES]);
    }

    @Test
    void shouldPublishTheControllerInTheDeviceTree() throws Exception {
        final Machine m = machine();
        final long at = m.fdtAddress();
        final byte[] blob = new byte[m.ram().getInt(at + 4, ByteOrder.BIG_ENDIAN)];
        m.ram().getBytes(at, blob, 0, blob.length);
        final FdtNode root = Fdt.parse(blob).root();
        final FdtNode rtas = root.find("/rtas").orElseThrow();
        assertTrue(rtas.property("ibm,hypertas-functions").orElseThrow().asStrings().contains("hcall-interrupt"));
        assertEquals(Rtas.IBM_SET_XIVE, rtas.property("ibm,set-xive").orElseThrow().asU32());
        assertEquals(Rtas.IBM_GET_XIVE, rtas.property("ibm,get-xive").orElseThrow().asU32());
        assertEquals(Rtas.IBM_INT_OFF, rtas.property("ibm,int-off").orElseThrow().asU32());
        assertEquals(Rtas.IBM_INT_ON, rtas.property("ibm,int-on").orElseThrow().asU32());
        assertEquals(Rtas.EVENT_SCAN, rtas.property("event-scan").orElseThrow().asU32());
        assertEquals(Rtas.NVRAM_FETCH, rtas.property("nvram-fetch").orElseThrow().asU32());
        final FdtNode icp = root.find("/interrupt-controller").orElseThrow();
        assertEquals("IBM,ppc-xicp", icp.property("compatible").orElseThrow().asString());
        assertEquals(0, icp.property("ibm,interrupt-server-ranges").orElseThrow().asCells()[0]);
        assertEquals(1, icp.property("ibm,interrupt-server-ranges").orElseThrow().asCells()[1]);
        final int[] vtyInterrupts = root.find("/vdevice/vty@71000000").orElseThrow().property("interrupts")
            .orElseThrow().asCells();
        assertEquals(VTY_IRQ, vtyInterrupts[0]);
        assertEquals(Rtas.NVRAM_SIZE, root.find("/vdevice/nvram@71000001").orElseThrow().property("#bytes")
            .orElseThrow().asU32());
    }
}
