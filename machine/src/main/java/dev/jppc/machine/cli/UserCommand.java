package dev.jppc.machine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.jppc.machine.MachineConfig;
import dev.jppc.machine.MachineException;
import dev.jppc.machine.user.UserConfig;
import dev.jppc.machine.user.UserProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jppc user}: runs a static ppc64 Linux program in problem state, jppc acting as its kernel
 * (docs/user-mode.md). Options end at the program name: everything after it goes to the program.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
    description = "Run a static ppc64le or ppc64 Linux program (jppc is its kernel).")
public final class UserCommand implements Callable<Integer> {

    @Option(names = "--root", paramLabel = "DIR", description = "host folder the program sees as / "
        + "(default: the current folder); it never reaches files outside it")
    Path root = Path.of(".");

    @Option(names = "--memory", description = "guest RAM, e.g. 64M (default) or 1G")
    String memory;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "set an environment variable (repeatable)")
    List<String> env = new ArrayList<>();

    @Option(names = "--clear-env", description = "start from an empty environment instead of jppc's own")
    boolean clearEnv;

    @Option(names = "--argv0", paramLabel = "NAME", description = "argv[0] instead of the program's path "
        + "(e.g. a busybox applet name)")
    String argv0;

    @Option(names = "--max-insns", description = "stop (exit status 3) after this many instructions")
    Long maxInstructions;

    @Option(names = "--trace", description = "print every instruction to stderr before it executes")
    boolean trace;

    @Parameters(index = "0", paramLabel = "ELF", description = "static ELF64 program")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the program's arguments")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        final UserConfig config = new UserConfig().program(program).argv0(argv0).args(args).root(root)
            .environment(environment()).stdin(Main.consoleInput)
            .stdout(new FileOutputStream(FileDescriptor.out)).stderr(new FileOutputStream(FileDescriptor.err))
            .log(System.err);
        try {
            if (memory != null) {
                config.memory(MachineConfig.parseSize(memory));
            }
        } catch (final IllegalArgumentException e) {
            System.err.println("jppc: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        final UserProcess process;
        try {
            process = UserProcess.create(config);
        } catch (final MachineException e) {
            System.err.println("jppc: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (trace) {
            process.setTrace(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        }
        System.out.flush();
        return process.run(maxInstructions == null ? Long.MAX_VALUE : maxInstructions);
    }

    private List<String> environment() {
        final List<String> result = new ArrayList<>();
        if (!clearEnv) {
            for (final Map.Entry<String, String> e : System.getenv().entrySet()) {
                result.add(e.getKey() + "=" + e.getValue());
            }
        }
        for (final String assignment : env) {
            final int eq = assignment.indexOf('=');
            final String name = eq < 0 ? assignment : assignment.substring(0, eq);
            result.removeIf(s -> s.startsWith(name + "="));
            result.add(assignment);
        }
        return result;
    }
}
