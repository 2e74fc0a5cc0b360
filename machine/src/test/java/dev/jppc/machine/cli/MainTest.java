package dev.jppc.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Exit statuses of the command line (spec/platform.md). */
class MainTest {

    @Test
    void shouldExitWithTwoOnUsageErrors() {
        assertEquals(2, Main.execute("run", "--no-such-option", "x.elf"));
        assertEquals(2, Main.execute("run", "--machine", "mac", "x.elf"));
        assertEquals(2, Main.execute("run", "--memory", "lots", "x.elf"));
        assertEquals(2, Main.execute("run", "does-not-exist.elf"));
        assertEquals(2, Main.execute("run"));
    }

    @Test
    void shouldRunAGuestToItsExitStatus() {
        assertEquals(0, Main.execute("run", "--machine", "bare", "../guests/hello-bare-be/hello-bare-be.elf"));
        assertEquals(0, Main.execute("run", "../guests/hello-pseries-le/hello-pseries-le.elf"));
    }

    @Test
    void shouldExitWithThreeWhenTheBudgetRunsOut() {
        assertEquals(3, Main.execute("run", "--max-insns", "10", "../guests/hello-pseries-le/hello-pseries-le.elf"));
    }

    @Test
    void shouldListTheIsa() {
        assertEquals(0, Main.execute("isa"));
    }

    @Test
    void shouldDisassembleAnElf() {
        assertEquals(0, Main.execute("disasm", "../guests/hello-bare-be/hello-bare-be.elf"));
        assertEquals(2, Main.execute("disasm", "pom.xml"));
    }
}
