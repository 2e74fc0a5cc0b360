package dev.jppc.machine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.jppc.machine.cli.Main;
import org.junit.jupiter.api.Test;

/** {@code jppc run --monitor} end to end; the end of input is {@code quit}, taken only at the prompt. */
class MonitorCommandLineTest {

    private static final String HELLO = "../guests/hello-bare-be/hello-bare-be.elf";

    private static ByteArrayInputStream typed(final String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldExitWithTheGuestsStatusAfterItStopped() {
        assertEquals(0, Main.execute(typed("continue\n"), "run", "--machine", "bare", "--monitor", HELLO));
    }

    @Test
    void shouldExitWithThreeWhenQuitBeforeTheGuestStopped() {
        assertEquals(3, Main.execute(typed("step 2\nquit\n"), "run", "--machine", "bare", "--monitor", HELLO));
    }

    @Test
    void shouldHonourTheInstructionLimit() {
        assertEquals(3, Main.execute(typed("c\n"), "run", "--machine", "bare", "--monitor", "--max-insns", "20",
            HELLO));
    }

    @Test
    void shouldRefuseATimeout() {
        assertEquals(2, Main.execute(typed(""), "run", "--machine", "bare", "--monitor", "--timeout", "1", HELLO));
    }
}
