package dev.jppc.machine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import dev.jppc.machine.Machine;
import dev.jppc.machine.MachineConfig;
import dev.jppc.machine.MachineException;
import dev.jppc.machine.MachineType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands docs/mmu.md shows, on the bundled mmu-tour guest after it stopped. */
class MonitorTourTest {

    private static final Path TOUR = Path.of("../guests/mmu-tour-bare-be/mmu-tour-bare-be.elf");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "info slb; 1  0x1          256M  0x200          0  0  0  0  1 01  64K",
        "info hpt; 4096     0x200/0    0000000000200005  0000000000801190",
        "info hpt; valid HPTEs: 4 of 16384; bolted (HPTE_V_BOLTED 0x10): 0",
        "xlate 0x10000100; => real address 0x800100",
        "xlate 0x10010000 w; DSISR 0x42000000 (no translation, store)",
        "xlate 0x20000000; => data segment interrupt (0x380): DAR 0x20000000",
        "xlate 0x600000000000 x; SRR1 |= 0x10000000 (no-execute or guarded)",
        "xlate 0xe000000 x; match, a 16M page",
        "x/16 0x800100; 11 22 33 44  55 66 77 88  00 00 00 00  ca fe f0 0d",
        "info tlb; EA page 0000000010000000 -> RA page 0000000000800000  translated, privileged, hypervisor",
    })
    void shouldShowWhatTheTutorialShows(final String command, final String expected) throws MachineException {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final Machine machine = Machine.create(new MachineConfig().type(MachineType.BARE).image(TOUR)
            .console(console));
        final Monitor monitor = new Monitor(machine);
        assertTrue(monitor.execute("continue").contains("exit status 0"));
        final String out = monitor.execute(command);
        assertTrue(out.contains(expected), () -> "missing '" + expected + "' in:\n" + out);
        monitor.execute("quit");
        assertEquals(0, monitor.exitStatus());
    }
}
