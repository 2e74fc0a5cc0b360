package dev.jppc.machine.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import dev.jppc.core.Cpu;
import dev.jppc.core.Spr;
import dev.jppc.core.StopReason;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.machine.Machine;
import dev.jppc.machine.MachineMigration;
import dev.jppc.machine.MigrationAddress;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.savevm.migration.MigrationException;
import dev.jppc.savevm.migration.PrecopySource;

/**
 * jppc's monitor: commands that inspect and drive a {@link Machine}, in the spirit of QEMU's. It works on
 * strings, so it needs no terminal: {@link #execute} takes one command line and returns what to print.
 * {@link MonitorConsole} puts it on stdin/stdout for {@code jppc run --monitor}.
 *
 * <p>{@code continue} and {@code step} run the guest on the calling thread; {@link #interrupt()} (any thread)
 * stops a running {@code continue}. Inspecting commands never change the machine.
 */
public final class Monitor {

    /** The exit status of {@code quit} before the guest stopped: stopped from outside, as a timeout. */
    public static final int EXIT_NOT_FINISHED = 3;
    /** Most instructions one {@code step} executes (each is printed). */
    public static final int MAX_STEP = 10_000;

    /** Told when the guest starts and stops running, on the thread that runs it. */
    @FunctionalInterface
    public interface RunListener {
        void running(boolean running);
    }

    private static final String HELP = String.join(System.lineSeparator(),
        "Numbers are decimal or 0x-hex (underscores allowed); $pc $lr $ctr $dar $srr0 $srr1 $rN name registers.",
        "  info registers        GPRs, PC, MSR (decoded), CR, XER, LR, CTR, SRR0/1, DAR, DSISR, SDR1, LPCR",
        "  info slb              the valid SLB entries",
        "  info hpt [all]        page table: place, size, valid and bolted HPTEs, PTEG fill, valid HPTEs",
        "  info tlb              the valid entries of the fetch, load and store TLBs",
        "  xlate EA [r|w|x] [msr=VALUE]",
        "                        how EA translates for a load (r, default), store (w) or fetch (x) under",
        "                        the current MSR (or VALUE), step by step; changes nothing",
        "  x/N ADDR              hex dump of N bytes (default 64) of guest real memory",
        "  step [N], s [N]       execute N instructions (default 1), printing each",
        "  continue, c           run the guest; Ctrl-A c comes back here, Ctrl-A Ctrl-A types a Ctrl-A",
        "  savevm FILE           save a snapshot of the machine to FILE (atomically)",
        "  loadvm FILE           restore the snapshot FILE; a bad or mismatched file changes nothing",
        "  info snapshot FILE    the sections of the snapshot FILE",
        "  migrate tcp:HOST:PORT migrate the machine live to a jppc run --incoming there; on success this one",
        "                        is done (quit, exit status 0), on failure the guest stays here",
        "  migrate_set_downtime T  the most the guest may stand still when migrating: seconds (0.05) or 50ms",
        "  quit, q               leave: exit status of the guest, or " + EXIT_NOT_FINISHED + " if it has not stopped",
        "  help                  this text", "");

    private final Machine machine;
    private final Cpu cpu;
    private final MachineReports reports;
    private final long instructionLimit;
    private RunListener listener = running -> { };
    private PrintStream trace;
    private volatile boolean running;
    private StopReason finalStop;
    private boolean quit;
    private boolean migrated;
    private PrecopySource.Settings migrationSettings = PrecopySource.Settings.defaults();

    /** A monitor over {@code machine} with no instruction limit. */
    public Monitor(final Machine machine) {
        this(machine, Long.MAX_VALUE);
    }

    /** A monitor over {@code machine} that lets the guest run at most {@code budget} more instructions in all. */
    public Monitor(final Machine machine, final long budget) {
        this.machine = machine;
        this.cpu = machine.cpu();
        this.reports = new MachineReports(cpu);
        final long start = cpu.instructions;
        this.instructionLimit = budget >= Long.MAX_VALUE - start ? Long.MAX_VALUE : start + budget;
    }

    public void setRunListener(final RunListener value) {
        listener = value;
    }

    /** Where {@code continue} traces every instruction (null: nowhere); {@code step} always prints its own. */
    public void setTrace(final PrintStream value) {
        trace = value;
    }

    /** True once {@code quit} ran. */
    public boolean quitRequested() {
        return quit;
    }

    /**
     * The exit status for {@code jppc run}: 0 after a successful migration, the guest's after it stopped, else
     * {@link #EXIT_NOT_FINISHED}.
     */
    public int exitStatus() {
        if (migrated) {
            return 0;
        }
        return finalStop == null ? EXIT_NOT_FINISHED : machine.exitStatus(finalStop);
    }

    /** Stops a running {@code continue} after its current slice (any thread; nothing when the guest is stopped). */
    public void interrupt() {
        if (running) {
            machine.requestStop();
        }
    }

    /** Executes one command line and returns its output (empty or newline-terminated). Never throws. */
    public String execute(final String commandLine) {
        final String[] words = commandLine.trim().split("\\s+");
        if (words[0].isEmpty()) {
            return "";
        }
        try {
            return dispatch(words);
        } catch (final IllegalArgumentException e) {
            return "error: " + e.getMessage() + System.lineSeparator();
        } catch (final RuntimeException e) {
            return "error: " + e + System.lineSeparator();
        }
    }

    private String dispatch(final String[] words) {
        final String command = words[0].toLowerCase(Locale.ROOT);
        if (command.startsWith("x/") || command.equals("x")) {
            return dump(words);
        }
        return switch (command) {
            case "help", "h", "?" -> HELP;
            case "info", "i" -> info(words);
            case "xlate" -> xlate(words);
            case "step", "s", "si", "stepi" -> step(words);
            case "continue", "c", "cont" -> resume();
            case "savevm" -> savevm(fileArgument(words, "savevm FILE"));
            case "loadvm" -> loadvm(fileArgument(words, "loadvm FILE"));
            case "migrate" -> migrate(words);
            case "migrate_set_downtime" -> setDowntime(words);
            case "quit", "q" -> {
                quit = true;
                yield "";
            }
            default -> throw new IllegalArgumentException("unknown command '" + words[0] + "' (try help)");
        };
    }

    private String info(final String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("info what? registers, slb, hpt, tlb or snapshot FILE");
        }
        if (words[1].equalsIgnoreCase("snapshot")) {
            return infoSnapshot(fileArgument(java.util.Arrays.copyOfRange(words, 1, words.length),
                "info snapshot FILE"));
        }
        return switch (words[1].toLowerCase(Locale.ROOT)) {
            case "registers", "reg", "r" -> reports.registers();
            case "slb" -> reports.slb();
            case "hpt", "htab" -> reports.hpt(words.length > 2 && words[2].equalsIgnoreCase("all"));
            case "tlb" -> reports.tlbs();
            default -> throw new IllegalArgumentException("no 'info " + words[1] + "': registers, slb, hpt or tlb");
        };
    }

    /** The words after the command as one path (a file name may hold spaces). */
    private static Path fileArgument(final String[] words, final String usage) {
        if (words.length < 2) {
            throw new IllegalArgumentException(usage);
        }
        return Path.of(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length)));
    }

    private String savevm(final Path file) {
        try {
            final long bytes = machine.saveSnapshot(file);
            return String.format("saved %d bytes to %s after %d instructions%n", bytes, file, cpu.instructions);
        } catch (final IOException e) {
            return "error: cannot save to " + file + ": " + e.getMessage() + System.lineSeparator();
        }
    }

    private String migrate(final String[] words) {
        if (words.length != 2) {
            throw new IllegalArgumentException("migrate tcp:HOST:PORT");
        }
        final MigrationAddress to = MigrationAddress.parse(words[1]);
        final String refusal = cannotRun();
        if (refusal != null) {
            return refusal;
        }
        final MachineMigration.GuestStop stop = new MachineMigration.GuestStop();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        running = true;
        listener.running(true);
        try {
            MachineMigration.send(machine, to, migrationSettings, instructionLimit, stop,
                new PrintStream(log, true, StandardCharsets.UTF_8), false);
        } catch (final MigrationException e) {
            if (stop.reason() != null && stop.reason() != StopReason.REQUESTED) {
                finalStop = stop.reason();
            }
            return log.toString(StandardCharsets.UTF_8) + "error: migration to " + to + " failed, the guest stays"
                + " here: " + e.getMessage() + System.lineSeparator();
        } finally {
            running = false;
            listener.running(false);
        }
        migrated = true;
        quit = true;
        return log.toString(StandardCharsets.UTF_8) + String.format("migrated to %s after %d instructions; the guest"
            + " goes on there%n", to, cpu.instructions);
    }

    private String setDowntime(final String[] words) {
        if (words.length != 2) {
            throw new IllegalArgumentException("migrate_set_downtime SECONDS (e.g. 0.05) or MILLISECONDSms");
        }
        final String text = words[1].toLowerCase(Locale.ROOT);
        final double millis;
        try {
            millis = text.endsWith("ms") ? Double.parseDouble(text.substring(0, text.length() - 2))
                : Double.parseDouble(text) * 1000;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("not a downtime: '" + words[1] + "'");
        }
        if (!(millis >= 0 && millis <= 3_600_000)) {
            throw new IllegalArgumentException("the downtime must be 0 to 3600 s, not " + words[1]);
        }
        migrationSettings = migrationSettings.withDowntimeMillis(Math.round(millis));
        return String.format("migration downtime limit %d ms%n", migrationSettings.downtimeMillis());
    }

    private String loadvm(final Path file) {
        try {
            machine.loadSnapshot(file);
        } catch (final SnapshotException | IOException e) {
            return "error: " + file + " not loaded, the machine is unchanged: " + e.getMessage()
                + System.lineSeparator();
        }
        finalStop = null;
        return String.format("loaded %s: %d instructions%n=> %s%n", file, cpu.instructions,
            reports.instructionAt(cpu.pc));
    }

    private static String infoSnapshot(final Path file) {
        try {
            return Machine.describeSnapshot(file);
        } catch (final SnapshotException | IOException e) {
            return "error: " + e.getMessage() + System.lineSeparator();
        }
    }

    private String xlate(final String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("xlate EA [r|w|x] [msr=VALUE]");
        }
        final long ea = parseNumber(words[1]);
        int access = HashMmu.LOAD;
        long msr = cpu.msr;
        for (int i = 2; i < words.length; i++) {
            final String word = words[i].toLowerCase(Locale.ROOT);
            if (word.startsWith("msr=")) {
                msr = parseNumber(word.substring(4));
            } else {
                access = switch (word) {
                    case "r", "load" -> HashMmu.LOAD;
                    case "w", "store" -> HashMmu.STORE;
                    case "x", "fetch" -> HashMmu.FETCH;
                    default -> throw new IllegalArgumentException("access must be r, w or x, not '" + words[i] + "'");
                };
            }
        }
        return reports.explainer().explain(ea, access, msr).render();
    }

    private String dump(final String[] words) {
        final String command = words[0];
        final int length = command.length() > 2 ? (int) Math.min(Integer.MAX_VALUE, parseNumber(command.substring(2)))
            : 64;
        if (words.length < 2) {
            throw new IllegalArgumentException("x/N ADDR needs an address");
        }
        return reports.dump(parseNumber(words[1]), length);
    }

    private String step(final String[] words) {
        final long count = words.length > 1 ? parseNumber(words[1]) : 1;
        if (count < 1 || count > MAX_STEP) {
            throw new IllegalArgumentException("step takes 1 to " + MAX_STEP + " instructions, not " + count);
        }
        final String refusal = cannotRun();
        if (refusal != null) {
            return refusal;
        }
        if (cpu.waiting && cpu.nextTimerEvent() == Long.MAX_VALUE && !cpu.externalInterrupt) {
            return "the processor waits for an interrupt and no timer is armed: 'continue' waits with it"
                + System.lineSeparator();
        }
        final ByteArrayOutputStream executed = new ByteArrayOutputStream();
        final PrintStream capture = new PrintStream(executed, true, StandardCharsets.UTF_8);
        machine.interpreter().setTrace(capture);
        final StopReason reason;
        try {
            reason = runGuest(Math.min(count, instructionLimit - cpu.instructions), false);
        } finally {
            machine.interpreter().setTrace(trace);
        }
        capture.flush();
        final StringBuilder out = new StringBuilder(executed.toString(StandardCharsets.UTF_8));
        if (reason != StopReason.BUDGET || cpu.instructions >= instructionLimit) {
            out.append(stopMessage(reason));
        }
        out.append("=> ").append(reports.instructionAt(cpu.pc)).append(System.lineSeparator());
        return out.toString();
    }

    private String resume() {
        final String refusal = cannotRun();
        if (refusal != null) {
            return refusal;
        }
        machine.interpreter().setTrace(trace);
        final StopReason reason = runGuest(instructionLimit - cpu.instructions, true);
        return stopMessage(reason) + "=> " + reports.instructionAt(cpu.pc) + System.lineSeparator();
    }

    /** Why the guest cannot run any more, or null. */
    private String cannotRun() {
        if (finalStop != null) {
            return String.format("the guest has stopped (%s); 'quit' leaves with exit status %d%n",
                finalStop.name().toLowerCase(Locale.ROOT).replace('_', ' '), exitStatus());
        }
        if (cpu.instructions >= instructionLimit) {
            finalStop = StopReason.BUDGET;
            return "the instruction limit is reached" + System.lineSeparator();
        }
        return null;
    }

    private StopReason runGuest(final long budget, final boolean tellListener) {
        // A stop request that came in after the last run ended must not stop this one.
        cpu.stopRequested = false;
        running = true;
        if (tellListener) {
            listener.running(true);
        }
        final StopReason reason;
        try {
            reason = machine.run(budget);
        } finally {
            running = false;
            if (tellListener) {
                listener.running(false);
            }
        }
        if (reason != StopReason.REQUESTED && (reason != StopReason.BUDGET || cpu.instructions >= instructionLimit)) {
            finalStop = reason;
        }
        return reason;
    }

    private String stopMessage(final StopReason reason) {
        final String what = switch (reason) {
            case ATTENTION -> String.format("the guest executed attn with r3 = 0x%x: exit status %d",
                cpu.gpr[3], machine.exitStatus(reason));
            case POWER_OFF -> "the guest powered the machine off: exit status 0";
            case REBOOT -> "the guest asked for a reboot: exit status 0";
            case OS_TERM -> "the guest called ibm,os-term: exit status 1";
            case CHECKSTOP -> "checkstop: a machine check with MSR[ME]=0: exit status 1";
            case BUDGET -> "the instruction limit is reached: exit status 3";
            case REQUESTED -> "stopped";
            case INTERNAL_ERROR -> "internal error (a bug in jppc): " + machine.interpreter().internalError();
        };
        return String.format("%s after %d instructions%n", what, cpu.instructions);
    }

    /**
     * A number: 0x-hex or decimal, underscores allowed, or a register: $pc, $lr, $ctr, $msr, $dar, $dsisr,
     * $srr0, $srr1, $r0..$r31.
     */
    long parseNumber(final String text) {
        final String t = text.trim().replace("_", "").toLowerCase(Locale.ROOT);
        if (t.startsWith("$")) {
            return register(t.substring(1));
        }
        try {
            if (t.startsWith("0x")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + text + "'");
        }
    }

    private long register(final String name) {
        return switch (name) {
            case "pc" -> cpu.pc;
            case "lr" -> cpu.lr;
            case "ctr" -> cpu.ctr;
            case "msr" -> cpu.msr;
            case "dar" -> cpu.spr[Spr.DAR];
            case "dsisr" -> cpu.spr[Spr.DSISR];
            case "srr0" -> cpu.spr[Spr.SRR0];
            case "srr1" -> cpu.spr[Spr.SRR1];
            default -> gpr(name);
        };
    }

    private long gpr(final String name) {
        if (name.matches("r([0-9]|[12][0-9]|3[01])")) {
            return cpu.gpr[Integer.parseInt(name.substring(1))];
        }
        throw new IllegalArgumentException("no register $" + name);
    }
}
