package dev.jppc.machine.cli;

import java.nio.ByteOrder;
import java.util.concurrent.Callable;

import dev.jppc.machine.bench.IntegerWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jppc bench}: guest instructions per second on the bundled integer workload. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure guest instructions per second on the bundled integer workload (CRC-32 + FNV-1a).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", description = "measuring time after warm-up (default 5)", defaultValue = "5")
    double seconds;

    @Option(names = "--little-endian", description = "run the workload little-endian")
    boolean little;

    @Override
    public Integer call() {
        final IntegerWorkload workload = new IntegerWorkload(little ? ByteOrder.LITTLE_ENDIAN
            : ByteOrder.BIG_ENDIAN);
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
        System.out.printf("integer workload (%s, real mode): %d guest instructions in %.2f s = %.1f MIPS%n",
            little ? "little-endian" : "big-endian", instructions, elapsed, instructions / elapsed / 1e6);
        return 0;
    }
}
