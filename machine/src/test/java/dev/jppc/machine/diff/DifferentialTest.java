package dev.jppc.machine.diff;

final class DifferentialTest {
    static final int COMMITTED_SEEDS = 40;
}
