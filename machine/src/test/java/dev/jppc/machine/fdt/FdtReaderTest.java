package dev.jppc.machine.fdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FdtReaderTest {

    /** Root with property "a" = <1> and one child "b": struct words 1 0 | 3 4 0 1 | 1 "b\0\0\0" 2 | 2 9. */
    private static byte[] small() {
        return new FdtBuilder().beginNode("").propertyU32("a", 1).beginNode("b").endNode().endNode().finish(0);
    }

    private static int structOffset(final byte[] blob) {
        return ByteBuffer.wrap(blob).getInt(8);
    }

    private static byte[] putInt(final byte[] blob, final int at, final int value) {
        ByteBuffer.wrap(blob).putInt(at, value);
        return blob;
    }

    private static byte[] structWord(final int index, final int value) {
        final byte[] blob = small();
        return putInt(blob, structOffset(blob) + 4 * index, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldRefuseMalformedBlob(final String why, final UnaryOperator<byte[]> corrupt, final String message) {
        final byte[] blob = corrupt.apply(small());
        final FdtException e = assertThrows(FdtException.class, () -> FdtReader.parse(blob));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
            bad("short", b -> Arrays.copyOf(b, 39), "truncated header: the blob has 39 bytes"),
            bad("magic", b -> putInt(b, 0, 0xFEEDD00D), "bad magic 0xfeedd00d"),
            bad("totalsize beyond blob", b -> putInt(b, 4, b.length + 1), "does not fit the blob"),
            bad("truncated blob", b -> Arrays.copyOf(b, b.length - 1), "does not fit the blob"),
            bad("huge totalsize", b -> putInt(b, 4, -1), "totalsize 0xffffffff"),
            bad("version 15", b -> putInt(b, 20, 15), "unsupported version 15"),
            bad("last compatible 18", b -> putInt(b, 24, 18), "last compatible 18"),
            bad("struct outside", b -> putInt(b, 36, b.length), "structure block at"),
            bad("struct offset in header", b -> putInt(b, 8, 4), "structure block at 0x4"),
            bad("struct misaligned", b -> putInt(putInt(b, 8, structOffset(b) + 2), 36, 8), "not 4-byte aligned"),
            bad("strings outside", b -> putInt(b, 32, 0x7FFF_FFFF), "strings block at"),
            bad("rsvmap misaligned", b -> putInt(b, 16, 44), "memory reservation block offset 0x2c"),
            bad("rsvmap without terminator", b -> putInt(b, 16, (b.length - 8) & ~7), "without its (0, 0) terminator"),
            bad("unknown token", b -> structWord(0, 7), "unknown token 0x7"),
            bad("property outside node", b -> structWord(0, 3), "property outside a node"),
            bad("end node first", b -> structWord(0, 2), "FDT_END_NODE without an open node"),
            bad("value past struct", b -> structWord(3, 0x1000), "property value of 0x1000 bytes"),
            bad("negative value length", b -> structWord(3, -4), "property value of 0xfffffffc bytes"),
            bad("name offset outside strings", b -> structWord(4, 100), "property name offset 0x64"),
            bad("END inside tree", b -> structWord(6, 9), "FDT_END at offset"),
            bad("no END", b -> putInt(b, 36, ByteBuffer.wrap(b).getInt(36) - 4), "without FDT_END"),
            bad("second root", b -> structWord(10, 1), "second root node"),
            bad("unterminated name", b -> {
                final byte[] blob = structWord(7, 0x62626262);
                return putInt(blob, 36, 8 * 4);
            }, "node name at offset"));
    }

    private static Arguments bad(final String why, final UnaryOperator<byte[]> corrupt, final String message) {
        return Arguments.of(why, corrupt, message);
    }

    @Test
    void shouldRefuseTooDeepTree() {
        final FdtBuilder b = new FdtBuilder().beginNode("");
        for (int i = 0; i < FdtReader.MAX_DEPTH; i++) {
            b.beginNode("n");
        }
        for (int i = 0; i < FdtReader.MAX_DEPTH; i++) {
            b.endNode();
        }
        final byte[] blob = b.endNode().finish(0);

        final FdtException e = assertThrows(FdtException.class, () -> FdtReader.parse(blob));
        assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
    }

    @Test
    void shouldReadVersion16BlobWithoutStructSize() throws FdtException {
        final byte[] blob = putInt(putInt(small(), 20, 16), 36, 0);
        assertEquals(16, FdtReader.parse(blob).version());
    }

    @Test
    void shouldThrowOnlyFdtExceptionForRandomCorruption() {
        final byte[] good = SampleTree.blob();
        final Random random = new Random(17);
        for (int round = 0; round < 5_000; round++) {
            final byte[] blob = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                blob[random.nextInt(blob.length)] = (byte) random.nextInt(256);
            }
            try {
                FdtReader.parse(blob);
            } catch (final FdtException expected) {
                // a clear refusal is the only acceptable failure
            }
        }
    }

    @Test
    void shouldRefuseWrongShapeInTypedAccessors() {
        final FdtProperty p = new FdtProperty("reg", new byte[] {0, 0, 0, 1, 0, 0});
        final IllegalStateException e = assertThrows(IllegalStateException.class, p::asU32);
        assertEquals("property reg (6 bytes) is not one 32-bit cell", e.getMessage());
        assertThrows(IllegalStateException.class, p::asCells);
        assertThrows(IllegalStateException.class, p::asU64);
        assertThrows(IllegalStateException.class, p::asU64s);
        assertThrows(IllegalStateException.class, p::asString);
        assertThrows(IllegalStateException.class, () -> new FdtProperty("x", "a\0b\0".getBytes()).asString());
    }
}
