package dev.jppc.machine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.jppc.core.decode.IsaCoverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jppc isa}: the instructions jppc implements, and how much of a program's mnemonics that covers. */
@Command(name = "isa", mixinStandardHelpOptions = true, description = "List the instructions jppc implements.")
public final class IsaCommand implements Callable<Integer> {

    @Option(names = "--coverage", paramLabel = "FILE", arity = "1..*",
        description = "a list of 'mnemonic count' lines (as objdump -d | counted); report jppc's coverage of it")
    List<Path> coverage;

    @Override
    public Integer call() {
        if (coverage == null || coverage.isEmpty()) {
            final List<String> lines = IsaCoverage.implementedMnemonics();
            lines.forEach(System.out::println);
            System.out.println(lines.size() + " instructions");
            return 0;
        }
        for (final Path file : coverage) {
            try {
                System.out.println(file + ":");
                System.out.println(IsaCoverage.format(IsaCoverage.coverage(Files.readAllLines(file))));
            } catch (final IOException e) {
                System.err.println("jppc: cannot read " + file + ": " + e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        return 0;
    }
}
