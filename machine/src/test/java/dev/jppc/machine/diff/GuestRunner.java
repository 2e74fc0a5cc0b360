package dev.jppc.machine.diff;

/** Runs a generated program and returns what it wrote to stdout. */
interface GuestRunner {

    /** Stdout and the exit status of one run; {@code failure} is null when the program ended by exit_group(0). */
    record Output(byte[] stdout, String failure) {
    }

    Output run(DiffProgram program);
}
