package dev.jppc.machine.cli;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.jppc.savevm.htab.HtabDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jppc htab}: tools for the KVM HTAB fd protocol and QEMU's spapr/htab migration section. */
@Command(name = "htab", mixinStandardHelpOptions = true,
    description = "Tools for the KVM HTAB fd protocol and QEMU's spapr/htab section (spec/htab-fd.md).",
    subcommands = {HtabCommand.Dump.class})
public final class HtabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return Main.EXIT_USAGE;
    }

    /** {@code jppc htab dump FILE}: a readable listing of HTAB bytes. */
    @Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"List the records of an HTAB fd byte stream, or the sections/chunks of QEMU spapr/htab"
            + " data: index, valid and invalid runs, and each HPTE's fields (AVPN, B, L, H, bolted, RPN, PP,"
            + " key, WIMG, N, R, C).",
            "Formats: fd (what read() on the fd returned), sections (framed START/PART/END sections with their"
                + " footers), payload (one section payload without framing), auto (sections when the file starts"
                + " with a section type byte 01-03, else fd)."})
    public static final class Dump implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "the bytes to decode")
        Path file;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, fd, sections or payload (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--header-order", paramLabel = "ORDER", defaultValue = "big",
            description = "byte order of fd record headers: big (big-endian KVM host) or little (ppc64le host);"
                + " default: ${DEFAULT-VALUE}")
        String headerOrder;

        @Override
        public Integer call() {
            final ByteOrder order;
            if ("big".equals(headerOrder)) {
                order = ByteOrder.BIG_ENDIAN;
            } else if ("little".equals(headerOrder)) {
                order = ByteOrder.LITTLE_ENDIAN;
            } else {
                System.err.println("jppc: --header-order must be big or little, not " + headerOrder);
                return Main.EXIT_USAGE;
            }
            final byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (final IOException e) {
                System.err.println("jppc: cannot read " + file + ": " + e.getMessage());
                return Main.EXIT_USAGE;
            }
            final HtabDump.Result result;
            switch (format) {
                case "auto":
                    result = HtabDump.looksLikeSections(bytes) ? HtabDump.sections(bytes)
                        : HtabDump.fdStream(bytes, order);
                    break;
                case "fd":
                    result = HtabDump.fdStream(bytes, order);
                    break;
                case "sections":
                    result = HtabDump.sections(bytes);
                    break;
                case "payload":
                    result = HtabDump.payload(bytes);
                    break;
                default:
                    System.err.println("jppc: --format must be auto, fd, sections or payload, not " + format);
                    return Main.EXIT_USAGE;
            }
            System.out.print(result.text());
            System.out.flush();
            if (result.error() != null) {
                System.err.println("jppc: " + file + ": " + result.error());
                return Main.EXIT_USAGE;
            }
            return 0;
        }
    }
}
