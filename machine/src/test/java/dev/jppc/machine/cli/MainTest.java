package dev.jppc.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Exit statuses of the command line (spec/platform.md). */
class MainTest {

    /** Tests must not read the test JVM's standard input (surefire talks to the JVM through it). */
    private static final java.io.InputStream NO_INPUT = java.io.InputStream.nullInputStream();

    @Test
    void shouldExitWithTwoOnUsageErrors() {
        assertEquals(2, Main.execute(NO_INPUT, "run", "--no-such-option", "x.elf"));
        assertEquals(2, Main.execute(NO_INPUT, "run", "--machine", "mac", "x.elf"));
        assertEquals(2, Main.execute(NO_INPUT, "run", "--memory", "lots", "x.elf"));
        assertEquals(2, Main.execute(NO_INPUT, "run", "does-not-exist.elf"));
        assertEquals(2, Main.execute(NO_INPUT, "run"));
        assertEquals(2, Main.execute(NO_INPUT, "linux", "--cache", "no-such-folder"));
        assertEquals(2, Main.execute(NO_INPUT, "linux", "--kernel", "../guests/hello-pseries-le/hello-pseries-le.elf",
            "--initrd", "pom.xml", "--memory", "lots"));
    }

    @Test
    void shouldBootAKernelWithTheLinuxShortcut() {
        // Any pseries image boots; the shortcut adds console=hvc0, the initrd and 1 GiB of RAM.
        assertEquals(0, Main.execute(NO_INPUT, "linux", "--kernel", "../guests/hello-pseries-le/hello-pseries-le.elf",
            "--initrd", "pom.xml"));
    }

    @Test
    void shouldRunAGuestToItsExitStatus() {
        assertEquals(0, Main.execute(NO_INPUT, "run", "--machine", "bare", "../guests/hello-bare-be/hello-bare-be.elf"));
        assertEquals(0, Main.execute(NO_INPUT, "run", "../guests/hello-pseries-le/hello-pseries-le.elf"));
    }

    @Test
    void shouldExitWithThreeWhenTheBudgetRunsOut() {
        assertEquals(3, Main.execute(NO_INPUT, "run", "--max-insns", "10", "../guests/hello-pseries-le/hello-pseries-le.elf"));
    }

    @Test
    void shouldListTheIsa() {
        assertEquals(0, Main.execute(NO_INPUT, "isa"));
    }

    @Test
    void shouldDisassembleAnElf() {
        assertEquals(0, Main.execute(NO_INPUT, "disasm", "../guests/hello-bare-be/hello-bare-be.elf"));
        assertEquals(2, Main.execute(NO_INPUT, "disasm", "pom.xml"));
    }
}
