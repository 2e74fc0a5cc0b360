package dev.jppc.machine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;

/**
 * The {@code machine} section: the configuration a snapshot was taken on. A restore into a running machine
 * requires the same board and RAM size; {@code jppc run --restore} builds its machine from it. The image paths
 * and command line are recorded for {@code info snapshot} only: RAM already holds what was loaded.
 */
final class MachineSection implements Snapshottable {

    static final String NAME = "machine";
    static final int VERSION = 1;

    /** A parsed {@code machine} section. */
    record Description(MachineType type, long memory, long fdtAddress, String append, String image, String initrd,
                       String bios) {
    }

    private final Machine machine;

    MachineSection(final Machine machine) {
        this.machine = machine;
    }

    @Override
    public String snapshotName() {
        return NAME;
    }

    @Override
    public int snapshotVersion() {
        return VERSION;
    }

    @Override
    public void save(final StateOutput out) throws IOException {
        final MachineConfig config = machine.config();
        out.string(config.type().name().toLowerCase(Locale.ROOT));
        out.u64(machine.ram().size());
        out.u64(machine.fdtAddress());
        out.string(config.append());
        out.string(text(config.image()));
        out.string(text(config.initrd()));
        out.string(text(config.bios()));
    }

    private static String text(final Path path) {
        return path == null ? "" : path.toString();
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final Description saved = read(in);
        final MachineType type = machine.config().type();
        final long memory = machine.ram().size();
        if (saved.type() != type || saved.memory() != memory) {
            throw in.problem(String.format("saved from a %s machine with %d MiB of RAM, this is a %s machine with"
                + " %d MiB", name(saved.type()), saved.memory() >> 20, name(type), memory >> 20));
        }
        if (saved.fdtAddress() != machine.fdtAddress()) {
            throw in.problem(String.format("device tree at 0x%x, this machine's is at 0x%x", saved.fdtAddress(),
                machine.fdtAddress()));
        }
        return () -> { };
    }

    private static String name(final MachineType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@code machine} section. */
    static Description read(final StateInput in) throws SnapshotException, IOException {
        final String typeName = in.string("the machine type");
        final MachineType type;
        try {
            type = MachineType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw in.problem("unknown machine type '" + typeName + "'");
        }
        final long memory = in.u64("the RAM size");
        final long fdt = in.u64("the device tree address");
        return new Description(type, memory, fdt, in.string("the command line"), in.string("the image"),
            in.string("the initrd"), in.string("the firmware"));
    }
}
