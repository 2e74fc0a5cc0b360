package dev.jppc.machine.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.jppc.core.decode.Disassembler;
import dev.jppc.machine.elf.ElfException;
import dev.jppc.machine.elf.ElfImage;
import dev.jppc.machine.elf.ElfSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jppc disasm FILE}: disassembles the executable sections of an ELF image. */
@Command(name = "disasm", mixinStandardHelpOptions = true,
    description = "Disassemble the executable sections of an ELF64 PowerPC image.")
public final class DisasmCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "ELF64 image")
    Path file;

    @Override
    public Integer call() {
        final ElfImage image;
        try {
            image = ElfImage.read(file);
        } catch (final IOException | ElfException e) {
            System.err.println("jppc: " + file + ": " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        final java.util.Map<Long, String> labels = new java.util.HashMap<>();
        image.symbols().symbols().forEach(s -> {
            if (!s.name().isEmpty()) {
                labels.putIfAbsent(s.value(), s.name());
            }
        });
        final StringBuilder out = new StringBuilder();
        for (final ElfSection section : image.executableSections()) {
            out.append(String.format("%nDisassembly of section %s:%n", section.name()));
            final ByteBuffer data = section.data().order(image.byteOrder());
            for (int offset = 0; offset + 4 <= data.limit(); offset += 4) {
                final long address = section.address() + offset;
                final String label = labels.get(address);
                if (label != null) {
                    out.append(String.format("%n%016x <%s>:%n", address, label));
                }
                final int word = data.getInt(offset);
                out.append(String.format("%16x:\t%08x\t%s%n", address, word, Disassembler.disassemble(word,
                    address)));
            }
        }
        System.out.print(out);
        return 0;
    }
}
