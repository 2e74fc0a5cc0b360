package dev.jppc.machine.monitor;

import static dev.jppc.machine.monitor.MmuTestGuest.CODE;
import static dev.jppc.machine.monitor.MmuTestGuest.DATA_EA;
import static dev.jppc.machine.monitor.MmuTestGuest.DATA_RA;
import static dev.jppc.machine.monitor.MmuTestGuest.READ_ONLY_EA;
import static dev.jppc.machine.monitor.MmuTestGuest.SECONDARY_EA;
import static dev.jppc.machine.monitor.MmuTestGuest.SECONDARY_RA;
import static dev.jppc.machine.monitor.MmuTestGuest.UNMAPPED_EA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.jppc.machine.Machine;
import dev.jppc.machine.MachineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The monitor's commands over the in-Java MMU guest ({@link MmuTestGuest}). */
class MonitorTest {

    private final Machine machine;
    private final Monitor monitor;

    MonitorTest() throws MachineException {
        machine = MmuTestGuest.machine(new ByteArrayOutputStream());
        monitor = new Monitor(machine);
    }

    private static void assertContains(final String text, final String... expected) {
        for (final String part : expected) {
            assertTrue(text.contains(part), () -> "missing '" + part + "' in:\n" + text);
        }
    }

    private String finished() {
        final String stop = monitor.execute("continue");
        assertContains(stop, "the guest executed attn with r3 = 0x0: exit status 0");
        return stop;
    }

    @Test
    void shouldStartStoppedAtTheEntryInRealMode() {
        final String registers = monitor.execute("info registers");
        assertContains(registers, String.format("pc   %016x: 3c800000  addis    r4,r0,0", CODE), "SF HV ME",
            "instructions 0", "sdr1 0000000000000000", "r31  0000000000000000");
        assertFalse(registers.contains(" IR"), registers);
        assertContains(monitor.execute("info slb"), "SLB: 0 of 32 entries valid");
        assertContains(monitor.execute("info hpt"), "no hashed page table yet");
    }

    @Test
    void shouldStepAndPrintEachInstruction() {
        final String out = monitor.execute("step 3");
        assertEquals(4, out.lines().count(), out);
        assertContains(out, String.format("%016x: 3c800000  addis    r4,r0,0", CODE), "=> ");
        assertEquals(3, machine.cpu().instructions);
        assertContains(monitor.execute("s"), String.format("%016x", CODE + 12));
        assertEquals(4, machine.cpu().instructions);
    }

    @Test
    void shouldRunToTheEndAndKeepTheFinalState() {
        finished();
        assertFalse(monitor.quitRequested());
        assertContains(monitor.execute("info registers"), "SF HV ME IR DR", "sdr1 0000000000400000");
        assertContains(monitor.execute("continue"), "the guest has stopped (attention)");
        assertContains(monitor.execute("step"), "the guest has stopped");
        assertEquals("", monitor.execute("quit"));
        assertTrue(monitor.quitRequested());
        assertEquals(0, monitor.exitStatus());
    }

    @Test
    void shouldShowTheSlb() {
        finished();
        final String slb = monitor.execute("info slb");
        assertContains(slb, "SLB: 2 of 32 entries valid",
            "  0  0x0          256M  0x10           0  1  0  0  0 00  4K",
            "  1  0x1          256M  0x20           0  1  0  0  1 01  64K ");
    }

    @Test
    void shouldShowThePageTable() {
        finished();
        final String hpt = monitor.execute("info hpt");
        assertContains(hpt, "hashed page table: 256K at real address 0x400000 (SDR1 0x400000), 2048 PTEGs",
            "valid HPTEs: 4 of 16384; bolted (HPTE_V_BOLTED 0x10): 1",
            "  0: 2044 1: 4 2: 0 3: 0 4: 0 5: 0 6: 0 7: 0 8: 0",
            "bolted 4K page 0x100000 PP=000 R=1 C=0", "; EA 0x100000 (SLB 0)",
            "64K page 0x200000 PP=000 R=1 C=1", "; EA 0x10000000 (SLB 1)",
            "64K page 0x210000 PP=110 R=1 C=0", "; EA 0x10010000 (SLB 1)",
            "H=1 64K page 0x220000", "; EA 0x10020000 (SLB 1)");
    }

    @Test
    void shouldShowTheTlbs() {
        finished();
        assertContains(monitor.execute("info tlb"),
            String.format("EA page %016x -> RA page %016x  translated, privileged, hypervisor", CODE, CODE),
            String.format("EA page %016x -> RA page %016x", DATA_EA, DATA_RA),
            String.format("EA page %016x -> RA page %016x", SECONDARY_EA, SECONDARY_RA), "store TLB: 1 of 1024");
    }

    @ParameterizedTest(name = "xlate {0}")
    @CsvSource(delimiter = ';', value = {
        "0x1000_0010; => real address 0x200010",
        "0x10020000 w; HPTE #16105 has R=1 C=0: the access would set C",
        "0x10010000 w; => data storage interrupt (0x300): DAR 0x10010000, DSISR 0x0a000000 (protection, store)",
        "0x10010000; => real address 0x210000",
        "0x10020004 r; secondary PTEG 0x7dd",
        "0x10030000; => data storage interrupt (0x300): DAR 0x10030000, DSISR 0x40000000 (no translation)",
        "0x20000000 x; => instruction segment interrupt (0x480)",
        "$pc x; SLB entry 0 matches",
        "0x1000 msr=0x9000000000000000; real address = EA without its top 4 bits",
    })
    void shouldExplainTranslations(final String arguments, final String expected) {
        finished();
        final String before = monitor.execute("info hpt") + monitor.execute("info tlb");
        assertContains(monitor.execute("xlate " + arguments), expected);
        assertEquals(before, monitor.execute("info hpt") + monitor.execute("info tlb"));
    }

    @Test
    void shouldDumpRealMemory() {
        finished();
        final String dump = monitor.execute("x/32 " + (DATA_RA + 0x10));
        assertEquals(2, dump.lines().count(), dump);
        assertContains(dump, String.format("%016x  00 00 12 34  00 00 00 00", DATA_RA + 0x10));
        assertContains(monitor.execute("x 0x100000"), "3c800000".replaceAll("(..)", "$1 ").trim());
        assertContains(monitor.execute("x/16 0x1fffff8"), "error: 0x1fffff8..0x2000007 is not in RAM");
        assertContains(monitor.execute("x/0 0"), "error: x/N dumps 1 to 4096 bytes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "frobnicate; error: unknown command 'frobnicate'",
        "info; error: info what?",
        "info pages; error: no 'info pages'",
        "xlate; error: xlate EA",
        "xlate banana; error: not a number: 'banana'",
        "xlate 0 q; error: access must be r, w or x",
        "xlate $r99; error: no register $r99",
        "x/16; error: x/N ADDR needs an address",
        "step 0; error: step takes 1 to 10000",
        "help; xlate EA [r|w|x]",
    })
    void shouldAnswerMistakesWithMessages(final String command, final String expected) {
        assertContains(monitor.execute(command), expected);
    }

    @Test
    void shouldAcceptRegistersAsNumbers() {
        finished();
        assertContains(monitor.execute("xlate $r8"), "load of EA 0x0000000010020000");
        assertEquals("", monitor.execute("   "));
    }

    @Test
    void shouldStopAtTheInstructionLimit() throws MachineException {
        final Monitor limited = new Monitor(MmuTestGuest.machine(new ByteArrayOutputStream()), 5);
        assertContains(limited.execute("step 2"), "=> ");
        assertContains(limited.execute("c"), "the instruction limit is reached: exit status 3 after 5 instructions");
        assertContains(limited.execute("c"), "the guest has stopped (budget)");
        limited.execute("q");
        assertEquals(3, limited.exitStatus());
    }

    @Test
    void shouldBeInterruptedFromAnotherThread() throws Exception {
        final Monitor looping = new Monitor(MmuTestGuest.loop(new ByteArrayOutputStream()));
        final CountDownLatch started = new CountDownLatch(1);
        looping.setRunListener(running -> {
            if (running) {
                started.countDown();
            }
        });
        final AtomicReference<String> result = new AtomicReference<>();
        final Thread runner = new Thread(() -> result.set(looping.execute("continue")));
        runner.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        looping.interrupt();
        runner.join(10_000);
        assertContains(result.get(), "stopped after");
        assertContains(looping.execute("step 2"), "=> ");
        looping.execute("quit");
        assertEquals(Monitor.EXIT_NOT_FINISHED, looping.exitStatus());
    }
}
