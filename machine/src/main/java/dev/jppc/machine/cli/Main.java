package dev.jppc.machine.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jppc} command. Without a subcommand it runs the bundled demo. Exit statuses follow
 * spec/platform.md: 2 for usage errors, 4 for internal errors.
 */
@Command(name = "jppc", mixinStandardHelpOptions = true, version = "jppc 0.1.0",
    description = "A ppc64 guest emulator in the JVM: POWER8 interpreter, hashed MMU, PAPR pseries platform.",
    subcommands = {RunCommand.class, DemoCommand.class, IsaCommand.class, DisasmCommand.class,
        BenchCommand.class, HtabCommand.class, LinuxCommand.class, UserCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit status for a usage or image error. */
    public static final int EXIT_USAGE = 2;
    /** Exit status for an internal error of jppc (always a bug). */
    public static final int EXIT_INTERNAL = 4;

    @Override
    public Integer call() {
        return new DemoCommand().call();
    }

    public static void main(final String[] args) {
        System.exit(execute(args));
    }

    /** Where guest console input comes from: the terminal, or what a test supplies. */
    static volatile java.io.InputStream consoleInput = System.in;

    /** Runs the command line with console input from {@code in}; returns the exit status (for tests). */
    public static int execute(final java.io.InputStream in, final String... args) {
        final java.io.InputStream previous = consoleInput;
        consoleInput = in;
        try {
            return execute(args);
        } finally {
            consoleInput = previous;
        }
    }

    /** Runs the command line and returns the exit status. */
    public static int execute(final String... args) {
        final CommandLine commandLine = new CommandLine(new Main());
        // Everything after the program's name belongs to the program, options included.
        commandLine.getSubcommands().get("user").setStopAtPositional(true);
        // picocli answers invalid input with 2 (its USAGE code), as platform.md wants; an exception escaping a
        // command is a jppc bug.
        commandLine.setExecutionExceptionHandler((exception, cl, parseResult) -> {
            System.err.println("jppc: internal error (a bug in jppc):");
            exception.printStackTrace();
            return EXIT_INTERNAL;
        });
        return commandLine.execute(args);
    }
}
