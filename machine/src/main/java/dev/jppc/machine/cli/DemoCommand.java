package dev.jppc.machine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;

import dev.jppc.core.StopReason;
import dev.jppc.machine.Machine;
import dev.jppc.machine.MachineConfig;
import dev.jppc.machine.MachineException;
import dev.jppc.machine.MachineType;
import picocli.CommandLine.Command;

/** {@code jppc demo} (and {@code jppc} alone): runs two bundled guests and says what they show. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the bundled demo guests.")
public final class DemoCommand implements Callable<Integer> {

    private static final long BUDGET = 500_000_000L;

    @Override
    public Integer call() {
        System.out.println("""
            jppc demo 1/2: hello-pseries-le, a little-endian PAPR guest (guests/hello-pseries-le).
            It starts big-endian as QEMU's pseries starts it, switches itself to little-endian with rfid,
            prints through the H_PUT_TERM_CHAR hypercall and powers off through RTAS.
            ----""");
        int status = runBundled("hello-pseries-le", MachineType.PSERIES);
        if (status != 0) {
            return status;
        }
        System.out.println("""
            ----
            jppc demo 2/2: workout-bare-be, the integer workout on the bare machine (guests/workout).
            Each line checks one family of Book I fixed-point instructions against C reference code;
            it prints through the 16550 UART and stops with attn.
            ----""");
        status = runBundled("workout-bare-be", MachineType.BARE);
        System.out.println("----");
        System.out.println("Run your own: ./jppc run [--machine bare] IMAGE   (./jppc --help for more)");
        return status;
    }

    private static int runBundled(final String name, final MachineType type) {
        final byte[] image;
        try (InputStream in = DemoCommand.class.getResourceAsStream("/guests/" + name + "/" + name + ".elf")) {
            if (in == null) {
                System.err.println("jppc: the bundled guest " + name + " is missing from this build");
                return Main.EXIT_INTERNAL;
            }
            image = in.readAllBytes();
        } catch (final IOException e) {
            System.err.println("jppc: cannot read the bundled guest " + name + ": " + e.getMessage());
            return Main.EXIT_INTERNAL;
        }
        try {
            final Machine m = Machine.create(new MachineConfig().type(type).image(image));
            final long started = System.nanoTime();
            final StopReason reason = m.run(BUDGET);
            final double seconds = (System.nanoTime() - started) / 1e9;
            System.out.flush();
            RunCommand.report(m, reason, System.err);
            System.out.printf("(%s: %d guest instructions, %.3f s, exit status %d)%n", name,
                m.cpu().instructions, seconds, m.exitStatus(reason));
            return m.exitStatus(reason);
        } catch (final MachineException e) {
            System.err.println("jppc: " + e.getMessage());
            return Main.EXIT_INTERNAL;
        }
    }
}
