package dev.jppc.machine.fdt;

/** A pseries-like tree written twice: through {@link FdtBuilder} and as dts source for dtc. */
final class SampleTree {

    static final long RTAS_BASE = 0x0F00_0000L;
    static final int RTAS_SIZE = 0x10000;
    static final long RAM = 0x2000_0000L;

    private SampleTree() {
    }

    static byte[] blob() {
        final FdtBuilder b = new FdtBuilder();
        b.addReservation(RTAS_BASE, RTAS_SIZE);
        b.beginNode("");
        b.propertyU32("#address-cells", 2);
        b.propertyU32("#size-cells", 2);
        b.property("device_type", "chrp");
        b.property("compatible", "qemu,pseries");
        b.property("model", "IBM pSeries (emulated by jppc)");
        b.beginNode("chosen");
        b.property("bootargs", "console=hvc0 root=/dev/ram0");
        b.propertyU32("linux,initrd-start", 0x2C9_0000);
        b.propertyU32("linux,initrd-end", 0x2DB_21E2);
        b.endNode();
        b.beginNode("cpus");
        b.propertyU32("#address-cells", 1);
        b.propertyU32("#size-cells", 0);
        b.beginNode("PowerPC,POWER8@0");
        b.property("device_type", "cpu");
        b.propertyU32("reg", 0);
        b.propertyCells("ibm,pft-size", 0, 0x18);
        b.propertyU32("timebase-frequency", 0x1E84_8000);
        b.propertyCells("ibm,segment-page-sizes", 0xC, 0, 1, 0xC, 0, 0x18, 0x100, 1, 0x18, 0);
        b.endNode();
        b.endNode();
        b.beginNode("memory@0");
        b.property("device_type", "memory");
        b.propertyU64s("reg", 0, RAM);
        b.endNode();
        b.beginNode("interrupt-controller");
        b.propertyEmpty("interrupt-controller");
        b.propertyStrings("compatible", "IBM,ppc-xicp", "IBM,power7-xicp");
        b.endNode();
        b.beginNode("rtas");
        b.propertyU64("linux,rtas-base", RTAS_BASE);
        b.propertyBytes("ibm,hypertas-functions", new byte[] {1, 2, 3});
        b.endNode();
        b.endNode();
        return b.finish(0);
    }

    static final String DTS = String.join("\n",
        "/dts-v1/;",
        "/memreserve/ 0x0f000000 0x10000;",
        "/ {",
        "    #address-cells = <2>;",
        "    #size-cells = <2>;",
        "    device_type = \"chrp\";",
        "    compatible = \"qemu,pseries\";",
        "    model = \"IBM pSeries (emulated by jppc)\";",
        "    chosen {",
        "        bootargs = \"console=hvc0 root=/dev/ram0\";",
        "        linux,initrd-start = <0x2c90000>;",
        "        linux,initrd-end = <0x2db21e2>;",
        "    };",
        "    cpus {",
        "        #address-cells = <1>;",
        "        #size-cells = <0>;",
        "        PowerPC,POWER8@0 {",
        "            device_type = \"cpu\";",
        "            reg = <0>;",
        "            ibm,pft-size = <0 0x18>;",
        "            timebase-frequency = <0x1e848000>;",
        "            ibm,segment-page-sizes = <0xc 0 1 0xc 0 0x18 0x100 1 0x18 0>;",
        "        };",
        "    };",
        "    memory@0 {",
        "        device_type = \"memory\";",
        "        reg = <0 0 0 0x20000000>;",
        "    };",
        "    interrupt-controller {",
        "        interrupt-controller;",
        "        compatible = \"IBM,ppc-xicp\", \"IBM,power7-xicp\";",
        "    };",
        "    rtas {",
        "        linux,rtas-base = <0 0x0f000000>;",
        "        ibm,hypertas-functions = [01 02 03];",
        "    };",
        "};",
        "");
}
