package dev.jppc.machine.fdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks the builder and the reader against the reference device tree compiler. */
class FdtDtcTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void requireDtc() {
        Assumptions.assumeTrue(Dtc.available(), Dtc.MISSING);
    }

    @Test
    void shouldDecompileWithDtc() throws Exception {
        final String dts = Dtc.decompile(dir, SampleTree.blob());
        final List<String> lines = dts.lines().map(l -> l.strip().replace('\t', ' ')).toList();

        for (final String expected : List.of(
            "/memreserve/ 0x000000000f000000 0x0000000000010000;",
            "compatible = \"qemu,pseries\";",
            "#address-cells = <0x02>;",
            "chosen {",
            "bootargs = \"console=hvc0 root=/dev/ram0\";",
            "PowerPC,POWER8@0 {",
            "ibm,pft-size = <0x00 0x18>;",
            "timebase-frequency = <0x1e848000>;",
            "memory@0 {",
            "reg = <0x00 0x00 0x00 0x20000000>;",
            "interrupt-controller;",
            "ibm,hypertas-functions = [01 02 03];")) {
            assertTrue(lines.contains(expected), () -> "dtc output lacks " + expected + ":\n" + dts);
        }
        // dtc versions differ in how they print a string list.
        assertTrue(lines.contains("compatible = \"IBM,ppc-xicp\\0IBM,power7-xicp\";")
            || lines.contains("compatible = \"IBM,ppc-xicp\", \"IBM,power7-xicp\";"), dts);
    }

    @Test
    void shouldWriteTheSameBytesAsDtc() throws Exception {
        final byte[] reference = Dtc.compile(dir, SampleTree.DTS);

        assertArrayEquals(reference, SampleTree.blob());
    }

    @Test
    void shouldReadWhatDtcWrites() throws Exception {
        final Fdt fdt = FdtReader.parse(Dtc.compile(dir, SampleTree.DTS));

        assertEquals(List.of(new FdtReservation(SampleTree.RTAS_BASE, SampleTree.RTAS_SIZE)), fdt.reservations());
        assertEquals("IBM pSeries (emulated by jppc)", fdt.root().property("model").orElseThrow().asString());
        assertEquals(0x1E84_8000, fdt.root().find("/cpus/PowerPC,POWER8@0").orElseThrow()
            .property("timebase-frequency").orElseThrow().asU32());
        assertEquals(FdtReader.parse(SampleTree.blob()).toDts(), fdt.toDts());
    }
}
