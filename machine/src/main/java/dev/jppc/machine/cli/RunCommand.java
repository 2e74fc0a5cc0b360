package dev.jppc.machine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.jppc.core.Cpu;
import dev.jppc.core.StopReason;
import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.machine.Machine;
import dev.jppc.machine.MachineConfig;
import dev.jppc.machine.MachineException;
import dev.jppc.machine.MachineMigration;
import dev.jppc.machine.MachineType;
import dev.jppc.machine.MigrationAddress;
import dev.jppc.machine.monitor.MonitorConsole;
import dev.jppc.savevm.migration.MigrationException;
import dev.jppc.savevm.migration.PrecopySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jppc run}: boots an image on one of the machines of spec/platform.md. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a guest image.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--machine", description = "pseries (default) or bare", defaultValue = "pseries")
    String machine;

    @Option(names = "--memory", description = "RAM size, e.g. 512M or 1G (default: 512M pseries, 256M bare)")
    String memory;

    @Option(names = "--initrd", description = "initial RAM disk (pseries)")
    Path initrd;

    @Option(names = "--append", description = "kernel command line (pseries)", defaultValue = "")
    String append;

    @Option(names = "--bios", description = "raw firmware loaded at 0 and started at 0x100 (pseries)")
    Path bios;

    @Option(names = "--max-insns", description = "stop (exit status 3) after this many instructions")
    Long maxInstructions;

    @Option(names = "--timeout", description = "stop (exit status 3) after this many seconds")
    Double timeoutSeconds;

    @Option(names = "--trace", description = "print every instruction to stderr before it executes")
    boolean trace;

    @Option(names = "--history", paramLabel = "N",
        description = "keep the last N instructions and print them when the run stops abnormally")
    int history;

    @Option(names = "--monitor", description = "start stopped in the monitor (prompt '(jppc) '): 'continue' runs "
        + "the guest, Ctrl-A c comes back, 'help' lists the commands")
    boolean monitor;

    @Option(names = "--snapshot-on-exit", paramLabel = "FILE",
        description = "save a snapshot of the machine to FILE when the run stops")
    Path snapshotOnExit;

    @Option(names = "--restore", paramLabel = "FILE",
        description = "restore the snapshot FILE (machine, RAM, devices) and continue it instead of booting an image")
    Path restore;

    @Option(names = "--incoming", paramLabel = "tcp:HOST:PORT", description = "wait for a machine migrated live to"
        + " this address (HOST defaults to 127.0.0.1: loopback unless you name another interface), then run it")
    String incoming;

    @Option(names = "--migrate-to", paramLabel = "tcp:HOST:PORT",
        description = "migrate the machine live to a jppc waiting with --incoming; this one stops (exit status 0)")
    String migrateTo;

    @Option(names = "--migrate-after-insns", paramLabel = "N", defaultValue = "0",
        description = "with --migrate-to: start migrating after N instructions (default at once)")
    long migrateAfter;

    @Option(names = "--downtime-ms", paramLabel = "MS", defaultValue = "50",
        description = "with --migrate-to: the most time the guest may stand still at the end (default 50)")
    long downtimeMillis;

    @Parameters(arity = "0..1", paramLabel = "IMAGE", description = "ELF64 image to load")
    Path image;

    @Override
    public Integer call() {
        final MachineConfig config = new MachineConfig();
        try {
            config.type(MachineType.valueOf(machine.toUpperCase(Locale.ROOT)));
            if (memory != null) {
                config.memory(MachineConfig.parseSize(memory));
            }
        } catch (final IllegalArgumentException e) {
            System.err.println("jppc: " + (memory != null && e.getMessage() != null
                && e.getMessage().contains("size") ? e.getMessage() : "unknown machine " + machine
                + " (use pseries or bare)"));
            return Main.EXIT_USAGE;
        }
        if (restore != null && (image != null || bios != null || initrd != null)) {
            System.err.println("jppc: --restore brings its own machine; it takes no IMAGE, --bios or --initrd");
            return Main.EXIT_USAGE;
        }
        if (incoming != null && (image != null || bios != null || initrd != null || restore != null)) {
            System.err.println("jppc: --incoming receives its machine; it takes no IMAGE, --bios, --initrd or"
                + " --restore");
            return Main.EXIT_USAGE;
        }
        if (image == null && bios == null && restore == null && incoming == null) {
            System.err.println("jppc: run needs an IMAGE (or --bios, --restore FILE or --incoming tcp:HOST:PORT)");
            return Main.EXIT_USAGE;
        }
        final Outgoing outgoing;
        try {
            outgoing = outgoing();
        } catch (final IllegalArgumentException e) {
            System.err.println("jppc: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (monitor && timeoutSeconds != null) {
            System.err.println("jppc: --timeout does not go with --monitor");
            return Main.EXIT_USAGE;
        }
        config.image(image).initrd(initrd).bios(bios).append(append);
        final Machine m;
        try {
            if (incoming != null) {
                m = receive(config, MigrationAddress.parse(incoming));
                if (m == null) {
                    return 1;
                }
            } else {
                m = restore != null ? Machine.restore(restore, config) : Machine.create(config);
            }
        } catch (final IllegalArgumentException e) {
            System.err.println("jppc: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (final MachineException e) {
            System.err.println("jppc: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (final SnapshotException | IOException e) {
            System.err.println("jppc: " + (incoming != null ? "" : "cannot restore " + restore + ": ")
                + e.getMessage());
            return incoming != null ? 1 : Main.EXIT_USAGE;
        }
        m.interpreter().setHistory(history);
        final int status;
        if (monitor) {
            status = MonitorConsole.run(m, maxInstructions == null ? Long.MAX_VALUE : maxInstructions,
                trace ? System.err : null, Main.consoleInput, System.out, System.console() != null);
        } else {
            status = run(m, maxInstructions == null ? Long.MAX_VALUE : maxInstructions, timeoutSeconds, trace,
                outgoing);
        }
        if (snapshotOnExit != null) {
            try {
                final long bytes = m.saveSnapshot(snapshotOnExit);
                System.err.printf("jppc: snapshot of %d bytes saved to %s after %d instructions%n", bytes,
                    snapshotOnExit, m.cpu().instructions);
            } catch (final IOException e) {
                System.err.println("jppc: cannot save the snapshot to " + snapshotOnExit + ": " + e.getMessage());
                return status == 0 ? 1 : status;
            }
        }
        return status;
    }

    /** Where and when {@code --migrate-to} sends the machine. */
    record Outgoing(MigrationAddress to, long after, PrecopySource.Settings settings) {
    }

    private Outgoing outgoing() {
        if (migrateTo == null) {
            if (migrateAfter != 0) {
                throw new IllegalArgumentException("--migrate-after-insns goes with --migrate-to");
            }
            return null;
        }
        if (monitor) {
            throw new IllegalArgumentException("with --monitor, migrate with the monitor's 'migrate tcp:HOST:PORT'");
        }
        if (migrateAfter < 0 || downtimeMillis < 0) {
            throw new IllegalArgumentException("--migrate-after-insns and --downtime-ms must not be negative");
        }
        return new Outgoing(MigrationAddress.parse(migrateTo), migrateAfter,
            PrecopySource.Settings.defaults().withDowntimeMillis(downtimeMillis));
    }

    /** Waits for the incoming machine; null (after saying why) when the stream was refused. */
    private static Machine receive(final MachineConfig config, final MigrationAddress address)
        throws MachineException, IOException {
        try (MachineMigration.Incoming listener = MachineMigration.listen(config, address)) {
            System.err.printf("jppc: waiting for an incoming migration on %s%n", address);
            return listener.accept(System.err);
        } catch (final MigrationException e) {
            System.err.println("jppc: incoming migration refused: " + e.getMessage());
            return null;
        }
    }

    /**
     * Runs a built machine to its stop with the console on the terminal (raw mode when stdin is one, see
     * {@link TerminalConsole}); returns the exit status: the machine's, or 0 when the user typed Ctrl-A x.
     */
    static int run(final Machine m, final long budget, final Double timeout, final boolean trace) {
        return run(m, budget, timeout, trace, null);
    }

    /** {@link #run(Machine, long, Double, boolean)}, migrating the machine away first when {@code outgoing}. */
    static int run(final Machine m, final long budget, final Double timeout, final boolean trace,
                   final Outgoing outgoing) {
        if (trace) {
            m.interpreter().setTrace(System.err);
        }
        final TerminalConsole console = new TerminalConsole(m, Main.consoleInput,
            Main.consoleInput == System.in && System.console() != null);
        console.start();
        if (timeout != null) {
            final Thread timer = new Thread(() -> {
                try {
                    Thread.sleep((long) (timeout * 1000));
                    m.requestStop();
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "jppc-timeout");
            timer.setDaemon(true);
            timer.start();
        }
        final long start = m.cpu().instructions;
        final long limit = budget >= Long.MAX_VALUE - start ? Long.MAX_VALUE : start + budget;
        final StopReason reason = outgoing == null ? runTo(m, limit) : runAndMigrate(m, limit, outgoing);
        System.out.flush();
        console.close();
        if (reason == null) {
            System.err.printf("jppc: migrated to %s after %d instructions; the guest goes on there%n", outgoing.to(),
                m.cpu().instructions);
            return 0;
        }
        if (reason == StopReason.REQUESTED && console.quitTyped()) {
            System.err.printf("%njppc: stopped with Ctrl-A x after %d instructions%n", m.cpu().instructions);
            return 0;
        }
        report(m, reason, System.err);
        return m.exitStatus(reason);
    }

    private static StopReason runTo(final Machine m, final long limit) {
        return limit == Long.MAX_VALUE ? m.run(Long.MAX_VALUE) : m.runTo(limit);
    }

    /** Runs to the migration point and migrates; null when the machine went away, else how the run ended here. */
    private static StopReason runAndMigrate(final Machine m, final long limit, final Outgoing outgoing) {
        final StopReason before = m.runTo(Math.min(limit, outgoing.after()));
        if (before != StopReason.BUDGET || m.cpu().instructions >= limit) {
            return before;
        }
        final MachineMigration.GuestStop stop = new MachineMigration.GuestStop();
        try {
            MachineMigration.send(m, outgoing.to(), outgoing.settings(), limit, stop, System.err,
                System.console() != null);
            return null;
        } catch (final MigrationException e) {
            System.err.println("jppc: migration to " + outgoing.to() + " failed; the guest goes on here: "
                + e.getMessage());
        }
        return stop.reason() != null ? stop.reason() : runTo(m, limit);
    }

    /** Explains a stop that is not a normal guest exit. */
    static void report(final Machine m, final StopReason reason, final PrintStream err) {
        final Cpu cpu = m.cpu();
        switch (reason) {
            case BUDGET -> err.printf("jppc: instruction limit reached after %d instructions (pc 0x%x)%n",
                cpu.instructions, cpu.pc);
            case REQUESTED -> err.printf("jppc: timeout after %d instructions (pc 0x%x)%n", cpu.instructions,
                cpu.pc);
            case CHECKSTOP -> err.printf("jppc: checkstop: machine check with MSR[ME]=0 at pc 0x%x%n", cpu.pc);
            case INTERNAL_ERROR -> {
                err.println("jppc: internal error (a bug in jppc), guest state follows:");
                final Throwable error = m.interpreter().internalError();
                if (error != null) {
                    error.printStackTrace(err);
                }
                err.print(describe(cpu));
            }
            default -> {
                return;
            }
        }
        final var recent = m.interpreter().history();
        if (!recent.isEmpty()) {
            err.println("jppc: the last " + recent.size() + " instructions:");
            recent.forEach(err::println);
        }
    }

    /** A register dump for crash reports and the monitor. */
    public static String describe(final Cpu cpu) {
        final StringBuilder out = new StringBuilder();
        int word = 0;
        try {
            word = cpu.fetch(cpu.pc);
        } catch (final RuntimeException e) {
            word = 0;
        }
        out.append(String.format("pc  %016x  %s%n", cpu.pc, Disassembler.disassemble(word, cpu.pc)));
        out.append(String.format("msr %016x  cr %08x  xer %016x  lr %016x  ctr %016x%n", cpu.msr, cpu.cr,
            cpu.xer(), cpu.lr, cpu.ctr));
        for (int i = 0; i < 32; i++) {
            out.append(String.format("r%-2d %016x%s", i, cpu.gpr[i], (i % 4 == 3) ? System.lineSeparator() : "  "));
        }
        out.append(String.format("instructions %d%n", cpu.instructions));
        return out.toString();
    }
}
