package dev.jppc.devices.uart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Uart16550Test {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Uart16550 uart;

    @BeforeEach
    void setUp() {
        uart = new Uart16550(output::write);
    }

    private void print(final String s) {
        for (final byte b : s.getBytes(StandardCharsets.US_ASCII)) {
            uart.write(0, b);
        }
    }

    @Test
    void shouldTransmitBytesWrittenToOffsetZero() {
        print("hello\n");
        uart.write(0, 0x1FF);
        assertArrayEquals(new byte[] {'h', 'e', 'l', 'l', 'o', '\n', (byte) 0xFF}, output.toByteArray(),
            "only the low 8 bits are sent");
    }

    @Test
    void shouldAlwaysReportTransmitterEmpty() {
        assertEquals(0x60, uart.read(5));
        print("x");
        assertEquals(0x60, uart.read(5));
    }

    @Test
    void shouldReceiveOfferedInputInOrder() {
        assertEquals(0, uart.read(5) & 0x01);
        assertEquals(3, uart.offerInput("abc".getBytes(StandardCharsets.US_ASCII)));

        assertEquals(0x61, uart.read(5), "data ready with THR empty and transmitter empty");
        assertEquals('a', uart.read(0));
        assertEquals('b', uart.read(0));
        assertEquals(1, uart.inputAvailable());
        assertEquals('c', uart.read(0));
        assertEquals(0x60, uart.read(5));
        assertEquals(0, uart.read(0), "an empty receiver reads 0");
    }

    @Test
    void shouldTakeOnlyWhatFitsInTheInputQueue() {
        final Uart16550 small = new Uart16550(b -> { }, 4);
        assertEquals(4, small.offerInput(new byte[] {1, 2, 3, 4, 5, 6}));
        assertEquals(0, small.offerInput(new byte[] {7}));
        assertEquals(1, small.read(0));
        assertEquals(1, small.offerInput(new byte[] {7, 8}, 0, 2));
        assertEquals(List.of(2, 3, 4, 7), List.of(small.read(0), small.read(0), small.read(0), small.read(0)));
        assertThrows(IllegalArgumentException.class, () -> small.offerInput(new byte[2], 1, 2));
    }

    @Test
    void shouldSelectDivisorLatchWithDlab() {
        uart.write(1, 0x05);
        uart.write(3, 0x83);
        uart.write(0, 0x0C);
        uart.write(1, 0x01);
        assertEquals(0x0C, uart.read(0));
        assertEquals(0x01, uart.read(1));
        assertEquals(0, output.size(), "divisor writes transmit nothing");

        uart.write(3, 0x03);
        assertEquals(0x05, uart.read(1), "IER kept its value behind the latch");
        assertEquals(0x03, uart.read(3));
        uart.write(3, 0x83);
        assertEquals(0x0C, uart.read(0), "the divisor survives leaving DLAB mode");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x5A, 0xA5, 0xFF})
    void shouldReadBackScratchRegister(final int value) {
        uart.write(7, value);
        assertEquals(value, uart.read(7));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 8, 9, 0x100, Integer.MAX_VALUE})
    void shouldIgnoreOffsetsOutsideTheDevice(final int offset) {
        uart.write(offset, 0x41);
        assertEquals(0xFF, uart.read(offset));
        assertEquals(0, output.size());
    }

    @Test
    void shouldIgnoreWritesToStatusRegisters() {
        uart.write(5, 0);
        uart.write(6, 0);
        assertEquals(0x60, uart.read(5));
        assertEquals(0xB0, uart.read(6), "CTS, DSR and DCD: a terminal is attached");
    }

    @Test
    void shouldKeepOnlyValidIerAndMcrBits() {
        uart.write(1, 0xFF);
        assertEquals(0x0F, uart.read(1));
        uart.write(4, 0xFF);
        assertEquals(0x1F, uart.read(4));
    }

    @Test
    void shouldReportNoInterruptAfterReset() {
        assertEquals(0x01, uart.read(2));
        assertFalse(uart.interruptPending());
    }

    @Test
    void shouldRaiseReceivedDataInterruptWhenEnabled() {
        uart.offerInput(new byte[] {'x'});
        assertFalse(uart.interruptPending(), "disabled in IER");

        uart.write(1, 0x01);
        assertTrue(uart.interruptPending());
        assertEquals(0x04, uart.read(2));
        assertEquals('x', uart.read(0));
        assertFalse(uart.interruptPending());
        assertEquals(0x01, uart.read(2));
    }

    @Test
    void shouldRaiseThrEmptyInterruptUntilIirIsRead() {
        uart.write(1, 0x02);
        assertTrue(uart.interruptPending(), "enabling it while THR is empty raises it");
        assertEquals(0x02, uart.read(2));
        assertFalse(uart.interruptPending(), "reading IIR cleared it");

        print("a");
        assertEquals(0x02, uart.read(2), "THR emptied again after the write");
        assertEquals(0x01, uart.read(2));
    }

    @Test
    void shouldPrioritiseReceivedDataOverThrEmpty() {
        uart.write(1, 0x03);
        uart.offerInput(new byte[] {'x'});
        assertEquals(0x04, uart.read(2));
        uart.read(0);
        assertEquals(0x02, uart.read(2));
    }

    @Test
    void shouldReportAndClearFifos() {
        uart.offerInput(new byte[] {1, 2});
        uart.write(2, 0x01);
        assertEquals(0xC1, uart.read(2), "FIFOs enabled show in IIR bits 6-7");
        uart.write(2, 0x03);
        assertEquals(0, uart.inputAvailable(), "FCR bit 1 clears the receive FIFO");
        uart.write(2, 0x00);
        assertEquals(0x01, uart.read(2));
    }

    @Test
    void shouldLoopTransmitterToReceiverInLoopbackMode() {
        uart.write(4, 0x10);
        print("hi");
        assertEquals(0, output.size(), "nothing leaves the chip");
        assertEquals(0x61, uart.read(5));
        assertEquals('h', uart.read(0));
        assertEquals('i', uart.read(0));

        uart.write(4, 0x00);
        print("!");
        assertEquals("!", output.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldSetOverrunWhenLoopbackOverflows() {
        final Uart16550 small = new Uart16550(b -> { }, 1);
        small.write(4, 0x10);
        small.write(1, 0x04);
        small.write(0, 'a');
        small.write(0, 'b');
        assertEquals(0x06, small.read(2), "line status interrupt");
        assertEquals(0x63, small.read(5), "data ready and overrun");
        assertEquals(0x61, small.read(5), "reading LSR cleared the overrun");
        assertEquals('a', small.read(0));
    }

    @Test
    void shouldMirrorModemControlInLoopbackMode() {
        uart.read(6);
        uart.write(4, 0x10);
        assertEquals(0x0B, uart.read(6), "CTS, DSR and DCD dropped: their deltas are set, RI did not fall");
        assertEquals(0x00, uart.read(6), "reading MSR cleared the deltas");

        uart.write(4, 0x10 | 0x0F);
        assertEquals(0xFB, uart.read(6), "RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD");
        uart.write(1, 0x08);
        uart.write(4, 0x10 | 0x0B);
        assertEquals(0x00, uart.read(2), "modem status interrupt after RI fell");
        assertEquals(0xB4, uart.read(6), "trailing edge of RI");
        assertEquals(0x01, uart.read(2));
    }

    @Test
    void shouldResetToPowerOnState() {
        uart.write(7, 0x55);
        uart.write(3, 0x83);
        uart.offerInput(new byte[] {1});
        uart.reset();
        assertEquals(0, uart.read(7));
        assertEquals(0, uart.read(3));
        assertEquals(0x60, uart.read(5));
    }

    @Test
    void shouldDeliverInputFromAnotherThread() throws InterruptedException {
        final int total = 100_000;
        final CountDownLatch start = new CountDownLatch(1);
        final Thread producer = new Thread(() -> {
            try {
                start.await();
            } catch (final InterruptedException e) {
                return;
            }
            final byte[] one = new byte[1];
            for (int i = 0; i < total; i++) {
                one[0] = (byte) i;
                while (uart.offerInput(one) == 0) {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();
        start.countDown();
        final List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            while ((uart.read(5) & 0x01) == 0) {
                Thread.onSpinWait();
            }
            final int b = uart.read(0);
            if (b != (i & 0xFF) && wrong.size() < 10) {
                wrong.add(i);
            }
        }
        producer.join();
        assertEquals(List.of(), wrong, "bytes out of order or lost");
        assertEquals(0, uart.inputAvailable());
    }

    @Test
    void shouldFlushStreamSinkAtNewline() {
        final List<String> flushed = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final OutputStream stream = new OutputStream() {
            @Override
            public void write(final int b) {
                bytes.write(b);
            }

            @Override
            public void flush() {
                flushed.add(bytes.toString(StandardCharsets.US_ASCII));
            }
        };
        final Uart16550 console = new Uart16550(UartSink.of(stream));
        for (final char c : "ab\ncd".toCharArray()) {
            console.write(0, c);
        }
        assertEquals(List.of("ab\n"), flushed);
        assertEquals("ab\ncd", bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldReportFailingStreamSink() {
        final Uart16550 console = new Uart16550(UartSink.of(new OutputStream() {
            @Override
            public void write(final int b) throws IOException {
                throw new IOException("broken pipe");
            }
        }));
        final UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> console.write(0, 'x'));
        assertEquals("UART output failed", e.getMessage());
    }
}
