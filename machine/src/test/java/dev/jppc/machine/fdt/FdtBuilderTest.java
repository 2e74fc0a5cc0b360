package dev.jppc.machine.fdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FdtBuilderTest {

    @Test
    void shouldWriteExactHeaderFields() {
        final byte[] blob = new FdtBuilder()
            .addReservation(0x1000, 0x2000)
            .beginNode("").propertyU32("a", 7).endNode()
            .finish(3);
        final ByteBuffer b = ByteBuffer.wrap(blob);

        final int rsvmap = 40;
        final int struct = rsvmap + 2 * 16;
        // BEGIN_NODE + "\0" padded, PROP + len + nameoff + value, END_NODE, END
        final int structSize = 8 + 16 + 4 + 4;
        final int stringsSize = 2;
        assertEquals(0xD00DFEED, b.getInt(0), "magic");
        assertEquals(struct + structSize + stringsSize, b.getInt(4), "totalsize");
        assertEquals(blob.length, b.getInt(4));
        assertEquals(struct, b.getInt(8), "off_dt_struct");
        assertEquals(struct + structSize, b.getInt(12), "off_dt_strings");
        assertEquals(rsvmap, b.getInt(16), "off_mem_rsvmap");
        assertEquals(17, b.getInt(20), "version");
        assertEquals(16, b.getInt(24), "last_comp_version");
        assertEquals(3, b.getInt(28), "boot_cpuid_phys");
        assertEquals(stringsSize, b.getInt(32), "size_dt_strings");
        assertEquals(structSize, b.getInt(36), "size_dt_struct");
        assertEquals(0x1000, b.getLong(40));
        assertEquals(0x2000, b.getLong(48));
        assertEquals(0, b.getLong(56));
        assertEquals(0, b.getLong(64));
        final int[] structWords = {1, 0, 3, 4, 0, 7, 2, 9};
        for (int i = 0; i < structWords.length; i++) {
            assertEquals(structWords[i], b.getInt(struct + 4 * i), "structure word " + i);
        }
        assertEquals("a\0", new String(blob, struct + structSize, 2, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldPadNamesAndValuesToFourBytes() {
        final byte[] blob = new FdtBuilder().beginNode("")
            .beginNode("abc").propertyBytes("x", new byte[] {5}).endNode()
            .endNode().finish(0);
        final ByteBuffer b = ByteBuffer.wrap(blob);
        final int struct = b.getInt(8);

        assertEquals(1, b.getInt(struct + 4 + 4), "BEGIN_NODE of abc after the root's empty name");
        assertEquals(3, b.getInt(struct + 16), "\"abc\\0\" takes exactly one word");
        assertEquals(1, b.getInt(struct + 20), "value length");
        assertEquals(0x05000000, b.getInt(struct + 28), "one value byte, then padding");
        assertEquals(2, b.getInt(struct + 32));
    }

    @Test
    void shouldShareStringsAndStringTails() {
        final byte[] blob = new FdtBuilder().beginNode("")
            .propertyU32("#address-cells", 2).propertyU32("#size-cells", 2)
            .beginNode("a").propertyU32("#size-cells", 1).propertyU32("cells", 1).endNode()
            .endNode().finish(0);
        final ByteBuffer b = ByteBuffer.wrap(blob);

        assertEquals("#address-cells\0#size-cells\0", new String(blob, b.getInt(12), b.getInt(32),
            StandardCharsets.US_ASCII), "\"cells\" reuses the tail of \"#address-cells\"");
    }

    @Test
    void shouldRoundTripThroughReader() throws FdtException {
        final Fdt fdt = FdtReader.parse(SampleTree.blob());

        assertEquals(17, fdt.version());
        assertEquals(16, fdt.lastCompatibleVersion());
        assertEquals(0, fdt.bootCpuId());
        assertEquals(List.of(new FdtReservation(SampleTree.RTAS_BASE, SampleTree.RTAS_SIZE)), fdt.reservations());
        final FdtNode root = fdt.root();
        assertEquals("", root.name());
        assertEquals(List.of("chosen", "cpus", "memory@0", "interrupt-controller", "rtas"),
            root.children().stream().map(FdtNode::name).toList());
        assertEquals("qemu,pseries", root.property("compatible").orElseThrow().asString());
        assertEquals(2, root.property("#address-cells").orElseThrow().asU32());
        assertEquals("console=hvc0 root=/dev/ram0",
            root.find("/chosen").orElseThrow().property("bootargs").orElseThrow().asString());
        final FdtNode cpu = root.find("/cpus/PowerPC,POWER8@0").orElseThrow();
        assertArrayEquals(new int[] {0, 0x18}, cpu.property("ibm,pft-size").orElseThrow().asCells());
        assertEquals(0x1E84_8000, cpu.property("timebase-frequency").orElseThrow().asU32());
        assertArrayEquals(new long[] {0, SampleTree.RAM},
            root.find("memory@0").orElseThrow().property("reg").orElseThrow().asU64s());
        final FdtNode xics = root.child("interrupt-controller").orElseThrow();
        assertTrue(xics.property("interrupt-controller").orElseThrow().isEmpty());
        assertEquals(List.of("IBM,ppc-xicp", "IBM,power7-xicp"),
            xics.property("compatible").orElseThrow().asStrings());
        final FdtNode rtas = root.find("rtas").orElseThrow();
        assertEquals(SampleTree.RTAS_BASE, rtas.property("linux,rtas-base").orElseThrow().asU64());
        assertArrayEquals(new byte[] {1, 2, 3}, rtas.property("ibm,hypertas-functions").orElseThrow().value());
        assertTrue(root.find("/cpus/nothere").isEmpty());
    }

    @Test
    void shouldWriteNopsThatReadersSkip() throws FdtException {
        final byte[] blob = new FdtBuilder().beginNode("").nop().propertyU32("a", 1).nop()
            .beginNode("b").endNode().nop().endNode().finish(0);

        final FdtNode root = FdtReader.parse(blob).root();

        assertEquals(1, root.property("a").orElseThrow().asU32());
        assertEquals(1, root.children().size());
    }

    @Test
    void shouldPrintTreeAsDts() throws FdtException {
        final String dts = FdtReader.parse(SampleTree.blob()).toDts();

        assertTrue(dts.startsWith("/dts-v1/;\n/memreserve/ 0xf000000 0x10000;\n/ {\n"), dts);
        assertTrue(dts.contains("\tcompatible = \"qemu,pseries\";\n"), dts);
        assertTrue(dts.contains("\t\tPowerPC,POWER8@0 {\n"), dts);
        assertTrue(dts.contains("\t\t\tibm,pft-size = <0x0 0x18>;\n"), dts);
        assertTrue(dts.contains("\t\tinterrupt-controller;\n"), dts);
        assertTrue(dts.contains("\t\tcompatible = \"IBM,ppc-xicp\", \"IBM,power7-xicp\";\n"), dts);
        assertTrue(dts.contains("\t\tibm,hypertas-functions = [01 02 03];\n"), dts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void shouldRefuseMisuse(final String why, final Consumer<FdtBuilder> misuse,
                            final Class<? extends RuntimeException> type, final String message) {
        final RuntimeException e = assertThrows(type, () -> misuse.accept(new FdtBuilder()));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    static Stream<Arguments> misuses() {
        return Stream.of(
            misuse("property before root", b -> b.propertyU32("a", 1), IllegalStateException.class,
                "property a outside a node"),
            misuse("property after root", b -> b.beginNode("").endNode().property("a", "x"),
                IllegalStateException.class, "property a outside a node"),
            misuse("second root", b -> b.beginNode("").endNode().beginNode(""), IllegalStateException.class,
                "a tree has one root"),
            misuse("named root", b -> b.beginNode("root"), IllegalArgumentException.class,
                "the root node's name must be empty"),
            misuse("empty child name", b -> b.beginNode("").beginNode(""), IllegalArgumentException.class,
                "bad node name \"\" under /"),
            misuse("slash in name", b -> b.beginNode("").beginNode("a/b"), IllegalArgumentException.class,
                "bad node name \"a/b\""),
            misuse("two unit addresses", b -> b.beginNode("").beginNode("a@1@2"), IllegalArgumentException.class,
                "bad node name"),
            misuse("empty unit address", b -> b.beginNode("").beginNode("a@"), IllegalArgumentException.class,
                "bad node name"),
            misuse("bad property name", b -> b.beginNode("").propertyU32("a b", 1), IllegalArgumentException.class,
                "bad property name \"a b\" in /"),
            misuse("empty property name", b -> b.beginNode("").propertyEmpty(""), IllegalArgumentException.class,
                "bad property name"),
            misuse("duplicate property", b -> b.beginNode("").beginNode("c").propertyU32("a", 1).propertyU32("a", 2),
                IllegalStateException.class, "duplicate property a in /c"),
            misuse("duplicate node", b -> b.beginNode("").beginNode("c").endNode().beginNode("c"),
                IllegalStateException.class, "duplicate node c under /"),
            misuse("property after child", b -> b.beginNode("").beginNode("c").endNode().propertyU32("a", 1),
                IllegalStateException.class, "comes after its child nodes"),
            misuse("NUL in string", b -> b.beginNode("").property("a", "x\0y"), IllegalArgumentException.class,
                "contains a NUL"),
            misuse("unbalanced end", b -> b.endNode(), IllegalStateException.class, "endNode without an open node"),
            misuse("open at finish", b -> b.beginNode("").beginNode("cpus").finish(0), IllegalStateException.class,
                "node /cpus is still open"),
            misuse("no root", b -> b.finish(0), IllegalStateException.class, "the tree has no root node"),
            misuse("finish twice", b -> {
                b.beginNode("").endNode().finish(0);
                b.finish(0);
            }, IllegalStateException.class, "already finished"),
            misuse("use after finish", b -> {
                b.beginNode("").endNode().finish(0);
                b.addReservation(0, 1);
            }, IllegalStateException.class, "already finished"),
            misuse("nop outside root", b -> b.nop(), IllegalStateException.class, "FDT_NOP outside the root"),
            misuse("zero-size reservation", b -> b.addReservation(0x1000, 0), IllegalArgumentException.class,
                "would end the reservation list"),
            misuse("wrapping reservation", b -> b.addReservation(-0x1000, 0x2000), IllegalArgumentException.class,
                "wraps past 2^64"));
    }

    private static Arguments misuse(final String why, final Consumer<FdtBuilder> misuse,
                                    final Class<? extends RuntimeException> type, final String message) {
        return Arguments.of(why, misuse, type, message);
    }
}
