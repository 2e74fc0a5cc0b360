package dev.jppc.bench;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.jppc.machine.bench.IntegerWorkload;

/**
 * Guest instructions per second on the bundled integer workload (CRC-32, FNV-1a, insertion sort), with the
 * MMU off or on (64 KiB pages), with block translation or interpreting every instruction. One operation is
 * one guest instruction, so JMH's ops/s is the guest instruction rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class InterpreterBenchmark {

    private static final int INSTRUCTIONS = 1_000_000;

    @Param({"BIG_ENDIAN", "LITTLE_ENDIAN"})
    public String byteOrder;

    @Param({"PAGED_64K", "REAL"})
    public IntegerWorkload.Translation mmu;

    @Param({"true", "false"})
    public boolean translateBlocks;

    private IntegerWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new IntegerWorkload("LITTLE_ENDIAN".equals(byteOrder) ? ByteOrder.LITTLE_ENDIAN
            : ByteOrder.BIG_ENDIAN, mmu);
        workload.interpreter().setTranslation(translateBlocks);
    }

    @Benchmark
    @OperationsPerInvocation(INSTRUCTIONS)
    public long integerLoop() {
        return workload.run(INSTRUCTIONS);
    }
}
