package dev.jppc.machine.diff;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.jppc.machine.MachineException;
import dev.jppc.machine.user.UserConfig;
import dev.jppc.machine.user.UserProcess;

/** Runs a program with {@code jppc user} (machine/user): problem state, hashed MMU, Linux system calls. */
final class UserModeRunner implements GuestRunner {

    /** The smallest RAM jppc user accepts; the programs need a few pages and a stack. */
    private static final long MEMORY = 16L << 20;
    /** Far more than a program runs (a few thousand instructions): a runaway program stops here. */
    private static final long BUDGET = 2_000_000;

    @Override
    public Output run(final DiffProgram program) {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        try {
            final UserProcess process = UserProcess.create(new UserConfig()
                .program(program.elf(), "diff.elf")
                .memory(MEMORY)
                .stdout(stdout)
                .stderr(log)
                .log(logStream));
            final int status = process.run(BUDGET);
            return new Output(stdout.toByteArray(), status == 0 ? null
                : "exit status " + status + ": " + log.toString(StandardCharsets.UTF_8).strip());
        } catch (final MachineException e) {
            return new Output(new byte[0], "jppc user refused the program: " + e.getMessage());
        }
    }
}
