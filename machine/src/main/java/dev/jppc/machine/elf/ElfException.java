package dev.jppc.machine.elf;

/**
 * An ELF image jppc cannot load: not ELF64 PowerPC, malformed, or not fitting in RAM. The message names the
 * problem in terms a user can check with {@code readelf}.
 */
public final class ElfException extends Exception {

    public ElfException(final String message) {
        super(message);
    }
}
