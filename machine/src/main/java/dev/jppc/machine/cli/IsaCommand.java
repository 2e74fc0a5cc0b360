package dev.jppc.machine.cli;

import java.util.concurrent.Callable;

import dev.jppc.core.decode.Op;
import picocli.CommandLine.Command;

/** {@code jppc isa}: the instructions jppc implements. */
@Command(name = "isa", mixinStandardHelpOptions = true, description = "List the instructions jppc implements.")
public final class IsaCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        int count = 0;
        for (final Op op : Op.values()) {
            if (op == Op.ILLEGAL) {
                continue;
            }
            final StringBuilder line = new StringBuilder(op.mnemonic());
            if (op.has(Op.OE)) {
                line.append(' ').append(op.mnemonic()).append('o');
            }
            if (op.has(Op.RC)) {
                line.append(' ').append(op.mnemonic()).append('.');
            }
            if (op.has(Op.OE) && op.has(Op.RC)) {
                line.append(' ').append(op.mnemonic()).append("o.");
            }
            System.out.println(line);
            count++;
        }
        System.out.println(count + " instructions");
        return 0;
    }
}
