package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationAddressTest {

    @ParameterizedTest
    @CsvSource({
        "tcp:127.0.0.1:4444, 127.0.0.1, 4444",
        "tcp:localhost:1, localhost, 1",
        "tcp::4444, 127.0.0.1, 4444",
        "tcp:4444, 127.0.0.1, 4444",
        "TCP:[::1]:65535, ::1, 65535",
        "tcp:0.0.0.0:0, 0.0.0.0, 0",
    })
    void shouldParseAddressesAndDefaultToLoopback(final String text, final String host, final int port) {
        final MigrationAddress address = MigrationAddress.parse(text);
        assertEquals(host, address.host());
        assertEquals(port, address.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:4444", "udp:127.0.0.1:1", "tcp:127.0.0.1:", "tcp:host:x", "tcp:h:65536",
        "tcp:h:-1", "unix:/tmp/s"})
    void shouldRefuseOtherAddresses(final String text) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MigrationAddress.parse(text));
        assertTrue(e.getMessage().contains("tcp:HOST:PORT") || e.getMessage().contains("port"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"tcp:127.0.0.1:4444, tcp:127.0.0.1:4444", "'tcp:[::1]:5', 'tcp:[::1]:5'", "tcp::7, tcp:127.0.0.1:7"})
    void shouldPrintTheAddressItListensOn(final String text, final String printed) {
        assertEquals(printed, MigrationAddress.parse(text).toString());
    }
}
