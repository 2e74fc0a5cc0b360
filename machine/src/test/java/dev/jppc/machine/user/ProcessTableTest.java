package dev.jppc.machine.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.jppc.mmu.GuestMemory;

/** The process table's caps and RAM pool, and pipes between threads (what two processes share). */
class ProcessTableTest {

    private static final long RAM = 16L << 20;

    @Test
    void shouldRefuseProcessesBeyondTheCapWithEagain() throws Errno {
        final ProcessTable table = new ProcessTable(RAM, Long.MAX_VALUE);
        for (int i = 0; i < ProcessTable.MAX_PROCESSES; i++) {
            assertEquals(ProcessTable.FIRST_PID + i, table.add(null));
        }
        assertEquals(Errno.EAGAIN, assertThrows(Errno.class, () -> table.add(null)).code());
        table.remove(ProcessTable.FIRST_PID + 5);
        assertEquals(ProcessTable.FIRST_PID + ProcessTable.MAX_PROCESSES, table.add(null));
    }

    @Test
    void shouldRefuseEveryForkOnceShutDown() {
        final ProcessTable table = new ProcessTable(RAM, Long.MAX_VALUE);
        table.shutDown();
        assertEquals(Errno.EAGAIN, assertThrows(Errno.class, () -> table.add(null)).code());
    }

    @Test
    void shouldKeepRamWithinItsBudgetAndReuseIt() throws Errno {
        final ProcessTable table = new ProcessTable(RAM, 2 * RAM);
        assertEquals(2, table.maxRams());
        final GuestMemory first = table.takeRam();
        final GuestMemory second = table.takeRam();
        assertNotSame(first, second);
        assertEquals(0x4400_0022, first.getInt(0x300, ByteOrder.BIG_ENDIAN), "sc 1 at the vectors");
        assertEquals(Errno.EAGAIN, assertThrows(Errno.class, table::takeRam).code());
        table.giveBackRam(second);
        assertSame(second, table.takeRam());
    }

    @Test
    void shouldReportAnUnknownCallOncePerRun() {
        final ProcessTable table = new ProcessTable(RAM, RAM);
        assertTrue(table.firstReport(9999));
        assertEquals(false, table.firstReport(9999));
    }

    @Test
    void shouldBlockAReadUntilAWriterWrites() throws Exception {
        final OpenFile.PipeBuffer pipe = new OpenFile.PipeBuffer();
        final CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            final byte[] b = new byte[16];
            try {
                return new String(b, 0, pipe.read(b, b.length, false), java.nio.charset.StandardCharsets.US_ASCII);
            } catch (final Errno e) {
                return "errno " + e.code();
            }
        });
        Thread.sleep(50);
        assertTrue(!reader.isDone(), "the read waits");
        pipe.write("hi".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 2, false);
        assertEquals("hi", reader.get(5, TimeUnit.SECONDS));
    }

    @Test
    void shouldEndTheFileWhenTheLastWriterCloses() throws Exception {
        final OpenFile.PipeBuffer pipe = new OpenFile.PipeBuffer();
        pipe.write(new byte[] {1, 2, 3}, 3, false);
        pipe.closeEnd(false);
        final byte[] b = new byte[8];
        assertEquals(3, pipe.read(b, 8, false));
        assertArrayEquals(new byte[] {1, 2, 3}, java.util.Arrays.copyOf(b, 3));
        assertEquals(0, pipe.read(b, 8, false), "end of file");
    }

    @Test
    void shouldAnswerEpipeWithoutReadersAndEagainWhenNonBlocking() throws Errno {
        final OpenFile.PipeBuffer pipe = new OpenFile.PipeBuffer();
        final byte[] b = new byte[8];
        assertEquals(Errno.EAGAIN, assertThrows(Errno.class, () -> pipe.read(b, 8, true)).code());
        pipe.closeEnd(true);
        assertEquals(Errno.EPIPE, assertThrows(Errno.class, () -> pipe.write(b, 8, false)).code());
    }

    @Test
    void shouldMakeAWriterWaitForRoomBeyondTheCapacity() throws Exception {
        final OpenFile.PipeBuffer pipe = new OpenFile.PipeBuffer();
        final byte[] big = new byte[OpenFile.PipeBuffer.CAPACITY + 100];
        final CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.write(big, big.length, false);
            } catch (final Errno e) {
                return -e.code();
            }
        });
        Thread.sleep(50);
        assertTrue(!writer.isDone(), "a full pipe makes the writer wait");
        assertEquals(OpenFile.PipeBuffer.CAPACITY, pipe.available());
        final byte[] b = new byte[4096];
        long drained = 0;
        while (drained < big.length) {
            drained += pipe.read(b, b.length, false);
        }
        assertEquals(big.length, writer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void shouldWriteAtMostPipeBufBytesInWholeOrNotAtAll() throws Exception {
        final OpenFile.PipeBuffer pipe = new OpenFile.PipeBuffer();
        final int room = 10;
        pipe.write(new byte[OpenFile.PipeBuffer.CAPACITY - room], OpenFile.PipeBuffer.CAPACITY - room, false);
        final byte[] small = new byte[100];
        assertEquals(Errno.EAGAIN, assertThrows(Errno.class, () -> pipe.write(small, small.length, true)).code());
        final CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.write(small, small.length, false);
            } catch (final Errno e) {
                return -e.code();
            }
        });
        Thread.sleep(50);
        assertTrue(!writer.isDone(), "too little room: the writer waits instead of writing a part");
        assertEquals(OpenFile.PipeBuffer.CAPACITY - room, pipe.available());
        pipe.read(new byte[200], 200, false);
        assertEquals(small.length, writer.get(5, TimeUnit.SECONDS));
        assertEquals(OpenFile.PipeBuffer.CAPACITY - room - 200 + small.length, pipe.available());
    }

    @Test
    void shouldGiveUpWithEintrWhenTheWaitingThreadIsInterrupted() throws Exception {
        final OpenFile.PipeBuffer pipe = new OpenFile.PipeBuffer();
        final int[] code = new int[1];
        final Thread t = new Thread(() -> {
            try {
                pipe.read(new byte[1], 1, false);
            } catch (final Errno e) {
                code[0] = e.code();
            }
        });
        t.start();
        Thread.sleep(50);
        t.interrupt();
        t.join(5000);
        assertEquals(Errno.EINTR, code[0]);
    }
}
