package dev.jppc.machine;

import dev.jppc.core.Cpu;
import dev.jppc.devices.console.Vterm;
import dev.jppc.devices.rtas.Rtas;
import dev.jppc.machine.fdt.FdtBuilder;

/** The flattened device trees jppc hands its guests in r3 (spec/platform.md, spec/pseries-boot.md §4). */
final class DeviceTrees {

    /** Timebase frequency of both machines: 512 MHz. */
    static final int TIMEBASE_FREQUENCY = 512_000_000;
    static final int CLOCK_FREQUENCY = 1_000_000_000;
    static final long UART_BASE = 0x0000_6000_0000_0000L;
    /** The hvterm's interrupt source number, as QEMU assigns it (a source of the XICS, 0x1000 up). */
    static final int VTY_IRQ = 0x1100;
    /** Unit address of the NVRAM on the vdevice bus, next to the vty's. */
    static final int NVRAM_UNIT = 0x7100_0001;

    /** What the pseries tree describes besides RAM. */
    record PseriesLayout(long memory, int pftShift, long rtasBase, int rtasSize, long initrdStart,
                         long initrdEnd, String bootargs, long[] reservations) {
    }

    private DeviceTrees() {
    }

    static byte[] pseries(final PseriesLayout layout) {
        final FdtBuilder b = new FdtBuilder();
        for (int i = 0; i < layout.reservations().length; i += 2) {
            b.addReservation(layout.reservations()[i], layout.reservations()[i + 1]);
        }
        b.beginNode("")
            .propertyU32("#address-cells", 2)
            .propertyU32("#size-cells", 2)
            .property("device_type", "chrp")
            .property("compatible", "qemu,pseries")
            .property("model", "IBM pSeries (emulated by jppc)");
        b.beginNode("chosen").property("bootargs", layout.bootargs());
        if (layout.initrdEnd() > layout.initrdStart()) {
            b.propertyU64("linux,initrd-start", layout.initrdStart())
                .propertyU64("linux,initrd-end", layout.initrdEnd());
        }
        b.property("linux,stdout-path", "/vdevice/vty@71000000")
            .property("stdout-path", "/vdevice/vty@71000000")
            .endNode();
        b.beginNode("memory@0").property("device_type", "memory")
            .propertyU64s("reg", 0, layout.memory()).endNode();
        cpus(b, layout.pftShift());
        rtas(b, layout);
        b.beginNode("vdevice")
            .property("compatible", "IBM,vdevice")
            .property("device_type", "vdevice")
            .propertyU32("#address-cells", 1)
            .propertyU32("#size-cells", 0)
            .propertyEmpty("interrupt-controller")
            .propertyU32("#interrupt-cells", 2);
        b.beginNode("vty@71000000")
            .property("name", "vty")
            .property("compatible", "hvterm1")
            .property("device_type", "serial")
            .propertyU32("reg", (int) Vterm.UNIT_ADDRESS)
            .propertyCells("interrupts", VTY_IRQ, 0)
            .endNode();
        b.beginNode("nvram@71000001")
            .property("name", "nvram")
            .property("compatible", "qemu,spapr-nvram")
            .property("device_type", "nvram")
            .propertyU32("reg", NVRAM_UNIT)
            .propertyU32("#bytes", Rtas.NVRAM_SIZE)
            .endNode();
        b.endNode();
        b.beginNode("interrupt-controller")
            .property("compatible", "IBM,ppc-xicp")
            .property("device_type", "PowerPC-External-Interrupt-Presentation")
            .propertyEmpty("interrupt-controller")
            .propertyU32("#interrupt-cells", 2)
            .propertyU32("#address-cells", 0)
            .propertyCells("ibm,interrupt-server-ranges", 0, 1)
            .endNode();
        b.beginNode("event-sources")
            .propertyEmpty("interrupt-controller")
            .propertyU32("#interrupt-cells", 2)
            .endNode();
        b.endNode();
        return b.finish(0);
    }

    private static void cpus(final FdtBuilder b, final int pftShift) {
        b.beginNode("cpus").propertyU32("#address-cells", 1).propertyU32("#size-cells", 0);
        b.beginNode("PowerPC,POWER8@0")
            .property("device_type", "cpu")
            .propertyU32("reg", 0)
            .property("status", "okay")
            .propertyEmpty("64-bit")
            .propertyU32("cpu-version", (int) Cpu.PVR_POWER8)
            .propertyU32("ibm,ppc-interrupt-server#s", 0)
            .propertyU32("timebase-frequency", TIMEBASE_FREQUENCY)
            .propertyU32("clock-frequency", CLOCK_FREQUENCY)
            .propertyCells("ibm,pft-size", 0, pftShift)
            .propertyU32("ibm,slb-size", 32)
            // VMX and VSX (2): without it Linux on pseries turns VSX off and VSX instructions kill the process.
            .propertyU32("ibm,vmx", 2)
            // base page shift, SLB L|LP, count, then (actual page shift, HPTE LP) pairs: 4K, 64K, 16M.
            .propertyCells("ibm,segment-page-sizes",
                12, 0x000, 3, 12, 0x0, 16, 0x7, 24, 0x38,
                16, 0x110, 2, 16, 0x1, 24, 0x8,
                24, 0x100, 1, 24, 0x0)
            .propertyCells("ibm,processor-segment-sizes", 28, 40, 0xFFFF_FFFF, 0xFFFF_FFFF)
            .propertyBytes("ibm,pa-features", new byte[] {
                0x18, 0x00, (byte) 0xf6, 0x3f, (byte) 0xc7, (byte) 0xc0, (byte) 0x80, (byte) 0xf0,
                (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0x80, 0, (byte) 0x80, 0, (byte) 0x80, 0, 0, 0})
            .propertyU32("ibm,purr", 1)
            .propertyU32("ibm,spurr", 1)
            .propertyU32("d-cache-size", 0x8000)
            .propertyU32("i-cache-size", 0x8000)
            .propertyU32("d-cache-block-size", 128)
            .propertyU32("i-cache-block-size", 128)
            .propertyU32("d-cache-line-size", 128)
            .propertyU32("i-cache-line-size", 128)
            .endNode();
        b.endNode();
    }

    private static void rtas(final FdtBuilder b, final PseriesLayout layout) {
        b.beginNode("rtas")
            .propertyU32("linux,rtas-base", (int) layout.rtasBase())
            .propertyU32("linux,rtas-entry", (int) layout.rtasBase())
            .propertyU32("rtas-size", layout.rtasSize())
            // The hypercall sets PseriesHypervisor implements.
            .propertyStrings("ibm,hypertas-functions", "hcall-pft", "hcall-term", "hcall-dabr", "hcall-xdabr",
                "hcall-interrupt", "hcall-splpar", "hcall-bulk", "hcall-set-mode")
            .propertyU32("rtas-error-log-max", 0x800)
            .propertyU32("rtas-event-scan-rate", 1)
            .propertyU32("display-character", Rtas.DISPLAY_CHARACTER)
            .propertyU32("get-time-of-day", Rtas.GET_TIME_OF_DAY)
            .propertyU32("set-time-of-day", Rtas.SET_TIME_OF_DAY)
            .propertyU32("power-off", Rtas.POWER_OFF)
            .propertyU32("system-reboot", Rtas.SYSTEM_REBOOT)
            .propertyU32("query-cpu-stopped-state", Rtas.QUERY_CPU_STOPPED_STATE)
            .propertyU32("start-cpu", Rtas.START_CPU)
            .propertyU32("stop-self", Rtas.STOP_SELF)
            .propertyU32("ibm,get-system-parameter", Rtas.IBM_GET_SYSTEM_PARAMETER)
            .propertyU32("ibm,set-system-parameter", Rtas.IBM_SET_SYSTEM_PARAMETER)
            .propertyU32("ibm,set-xive", Rtas.IBM_SET_XIVE)
            .propertyU32("ibm,get-xive", Rtas.IBM_GET_XIVE)
            .propertyU32("ibm,int-off", Rtas.IBM_INT_OFF)
            .propertyU32("ibm,int-on", Rtas.IBM_INT_ON)
            .propertyU32("check-exception", Rtas.CHECK_EXCEPTION)
            .propertyU32("event-scan", Rtas.EVENT_SCAN)
            .propertyU32("nvram-fetch", Rtas.NVRAM_FETCH)
            .propertyU32("nvram-store", Rtas.NVRAM_STORE)
            .propertyU32("ibm,os-term", Rtas.IBM_OS_TERM)
            .endNode();
    }

    /** The bare machine's tree: memory, the CPU and the UART. */
    static byte[] bare(final long memory, final long[] reservations) {
        final FdtBuilder b = new FdtBuilder();
        for (int i = 0; i < reservations.length; i += 2) {
            b.addReservation(reservations[i], reservations[i + 1]);
        }
        b.beginNode("")
            .propertyU32("#address-cells", 2)
            .propertyU32("#size-cells", 2)
            .property("compatible", "jppc,bare")
            .property("model", "jppc bare POWER8");
        b.beginNode("chosen").property("stdout-path", "/serial@600000000000").endNode();
        b.beginNode("memory@0").property("device_type", "memory").propertyU64s("reg", 0, memory).endNode();
        b.beginNode("cpus").propertyU32("#address-cells", 1).propertyU32("#size-cells", 0);
        b.beginNode("PowerPC,POWER8@0")
            .property("device_type", "cpu")
            .propertyU32("reg", 0)
            .propertyU32("cpu-version", (int) Cpu.PVR_POWER8)
            .propertyU32("timebase-frequency", TIMEBASE_FREQUENCY)
            .propertyU32("ibm,slb-size", 32)
            .endNode();
        b.endNode();
        b.beginNode("serial@600000000000")
            .property("compatible", "ns16550")
            .propertyU64s("reg", UART_BASE, 8)
            .propertyU32("reg-shift", 0)
            .propertyU32("clock-frequency", 1_843_200)
            .endNode();
        b.endNode();
        return b.finish(0);
    }
}
