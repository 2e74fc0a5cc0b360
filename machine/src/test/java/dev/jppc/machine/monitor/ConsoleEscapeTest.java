package dev.jppc.machine.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleEscapeTest {

    /** Typed bytes (as hex pairs), what the guest receives, and after how many bytes the escape fired (-1: never). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "61 62 0a, 61 62 0a, -1",
        "01 63, '', 2",
        "61 01 63 62, 61, 3",
        "01 01, 01, -1",
        "01 01 63, 01 63, -1",
        "01 78, 01 78, -1",
        "01, '', -1",
    })
    void shouldRouteTypedBytes(final String typed, final String toGuest, final int escapeAfter) {
        final ConsoleEscape escape = new ConsoleEscape();
        final ByteArrayOutputStream guest = new ByteArrayOutputStream();
        int fired = -1;
        final byte[] bytes = bytes(typed);
        for (int i = 0; i < bytes.length && fired < 0; i++) {
            if (escape.feed(bytes[i] & 0xFF, guest)) {
                fired = i + 1;
            }
        }
        assertArrayEquals(bytes(toGuest), guest.toByteArray());
        assertEquals(escapeAfter, fired);
    }

    private static byte[] bytes(final String hex) {
        if (hex.isBlank()) {
            return new byte[0];
        }
        final String[] parts = hex.trim().split(" ");
        final byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }
}
