package dev.jppc.savevm.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordStreamTest {

    private static byte[] stream(final int version, final int... lengths) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final RecordWriter writer = new RecordWriter(Channels.newChannel(bytes));
        writer.writeHeader(version);
        for (int i = 0; i < lengths.length; i++) {
            final byte[] payload = new byte[lengths[i]];
            Arrays.fill(payload, (byte) (i + 1));
            writer.write(MigrationFormat.RAM + i, ByteBuffer.wrap(payload));
        }
        assertEquals(bytes.size(), writer.bytes());
        assertEquals(lengths.length, writer.records());
        return bytes.toByteArray();
    }

    private static RecordReader reader(final byte[] bytes) {
        return new RecordReader(Channels.newChannel(new ByteArrayInputStream(bytes)));
    }

    @Test
    void shouldReadBackWhatWasWritten() throws Exception {
        final RecordReader reader = reader(stream(MigrationFormat.VERSION, 0, 5, 70_000));
        reader.readHeader();
        for (int i = 0; i < 3; i++) {
            final RecordReader.Record record = reader.next();
            assertEquals(MigrationFormat.RAM + i, record.type());
            assertEquals(i, record.number());
            assertEquals(new int[] {0, 5, 70_000}[i], record.payload().remaining());
            if (record.payload().hasRemaining()) {
                assertEquals(i + 1, record.payload().get(0));
            }
        }
        final MigrationException end = assertThrows(MigrationException.class, reader::next);
        assertEquals("truncated: the stream ended after 3 records (70061 bytes) without an END record",
            end.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 33, 45, 48, 100, 70_060})
    void shouldFindEveryFlippedByte(final int at) throws Exception {
        final byte[] bytes = stream(MigrationFormat.VERSION, 0, 5, 70_000);
        bytes[at] ^= 1;
        final RecordReader reader = reader(bytes);
        reader.readHeader();
        final MigrationException e = assertThrows(MigrationException.class, () -> {
            while (true) {
                reader.next();
            }
        });
        assertTrue(e.getMessage().startsWith("corrupted"), e.getMessage());
    }

    @Test
    void shouldRefuseAnotherVersionBeforeCheckingTheHeader() throws Exception {
        final MigrationException e = assertThrows(MigrationException.class, () -> reader(stream(2)).readHeader());
        assertEquals("stream format version 2; this jppc reads version 1", e.getMessage());
        final byte[] bytes = stream(MigrationFormat.VERSION);
        bytes[13] = 1;
        assertTrue(assertThrows(MigrationException.class, () -> reader(bytes).readHeader()).getMessage()
            .startsWith("corrupted stream header"));
    }

    @Test
    void shouldCountTheEntriesOfAnHtabPayload() {
        final ByteBuffer payload = ByteBuffer.allocate(4 + 8 + 2 * 16 + 8 + 8);
        payload.putInt(0).putInt(8).putShort((short) 2).putShort((short) 3).position(4 + 8 + 32);
        payload.putInt(40).putShort((short) 0).putShort((short) 7).putLong(0).flip();
        assertEquals(12, PrecopySource.countHptes(payload));
        assertEquals(0, PrecopySource.countHptes(ByteBuffer.allocate(4).putInt(0, -1)));
    }
}
