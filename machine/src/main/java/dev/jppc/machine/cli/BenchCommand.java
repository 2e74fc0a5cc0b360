package dev.jppc.machine.cli;

import java.nio.ByteOrder;
import java.util.concurrent.Callable;

import dev.jppc.machine.bench.IntegerWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jppc bench}: guest instructions per second on the bundled integer workload, with translation on
 * (64 KiB pages) and in real mode, measured one after the other in the same JVM.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure guest instructions per second on the bundled integer workload (CRC-32, FNV-1a, "
        + "insertion sort), with the MMU on (64 KiB pages) and off.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", description = "measuring time per mode after warm-up (default 5)",
        defaultValue = "5")
    double seconds;

    @Option(names = "--little-endian", description = "run the workload little-endian")
    boolean little;

    @Option(names = "--interpret-only", description = "interpret every instruction (no block translation)")
    boolean interpretOnly;

    @Override
    public Integer call() {
        final ByteOrder order = little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        for (final IntegerWorkload.Translation translation : IntegerWorkload.Translation.values()) {
            measure(new IntegerWorkload(order, translation), translation);
        }
        return 0;
    }

    private void measure(final IntegerWorkload workload, final IntegerWorkload.Translation translation) {
        workload.interpreter().setTranslation(!interpretOnly);
        final long chunk = 20_000_000L;
        final long warmUpEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            workload.run(chunk);
        }
        long instructions = 0;
        final long start = System.nanoTime();
        final long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end) {
            instructions += workload.run(chunk);
            now = System.nanoTime();
        }
        final double elapsed = (now - start) / 1e9;
        System.out.printf("integer workload (%s, %s, %s): %d guest instructions in %.2f s = %.1f MIPS%n",
            little ? "little-endian" : "big-endian",
            translation == IntegerWorkload.Translation.REAL ? "MMU off" : "MMU on, 64 KiB pages",
            interpretOnly ? "interpreted" : "translated blocks", instructions, elapsed, instructions / elapsed / 1e6);
    }
}
