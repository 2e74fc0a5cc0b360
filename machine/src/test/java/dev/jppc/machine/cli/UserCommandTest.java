package dev.jppc.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jppc user}: the exit status is the guest's; options stop at the program's name. */
class UserCommandTest {

    private static final InputStream NO_INPUT = InputStream.nullInputStream();
    private static final String TOUR = "../guests/user-tour-le/user-tour-le.elf";

    @TempDir
    Path root;

    @Test
    void shouldExitWithTheGuestsStatus() {
        assertEquals(7, Main.execute(NO_INPUT, "user", "--root", root.toString(), "--memory", "16M", TOUR,
            "exit", "7"));
    }

    @Test
    void shouldPassOptionsAfterTheProgramToIt() {
        // Were --max-insns 1 jppc's, the run would stop with 3.
        assertEquals(9, Main.execute(NO_INPUT, "user", "--root", root.toString(), "--memory", "16M", TOUR,
            "exit", "9", "--max-insns", "1"));
    }

    @Test
    void shouldExitWithThreeWhenTheBudgetRunsOut() {
        assertEquals(3, Main.execute(NO_INPUT, "user", "--root", root.toString(), "--memory", "16M",
            "--max-insns", "10", TOUR, "exit", "0"));
    }

    @Test
    void shouldExitWithTwoOnUsageErrors() {
        assertEquals(2, Main.execute(NO_INPUT, "user"));
        assertEquals(2, Main.execute(NO_INPUT, "user", "does-not-exist.elf"));
        assertEquals(2, Main.execute(NO_INPUT, "user", "--memory", "lots", TOUR));
        assertEquals(2, Main.execute(NO_INPUT, "user", "--root", root.resolve("missing").toString(), TOUR));
        assertEquals(2, Main.execute(NO_INPUT, "user", "pom.xml"));
    }
}
