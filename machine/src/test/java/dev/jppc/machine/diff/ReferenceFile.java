package dev.jppc.machine.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The committed QEMU outputs of one family in one byte order: {@code diff/FAMILY-ORDER.txt} under the test
 * resources. Lines starting with '#' are comments; each record is a line {@code seed N LENGTH CRC} followed by
 * the output block in hex, 64 bytes a line. CRC is the CRC-32 of the program that produced it: when the generator
 * changes, the test can say "regenerate" instead of reporting a difference in jppc.
 */
final class ReferenceFile {

    private static final int BYTES_PER_LINE = 64;

    private ReferenceFile() {
    }

    /** The resource name of a family's reference in byte order {@code order}. */
    static String resourceName(final Family family, final ByteOrder order) {
        return "diff/" + family.id() + "-" + DiffProgram.orderName(order) + ".txt";
    }

    /** One seed's reference: the program's CRC-32 and its output. */
    record Entry(long programCrc, byte[] output) {
    }

    /** CRC-32 of a program's ELF. */
    static long crc(final byte[] elf) {
        final CRC32 crc = new CRC32();
        crc.update(elf);
        return crc.getValue();
    }

    /** Seed to reference, in file order; empty when the resource does not exist. */
    static Map<Long, Entry> read(final Family family, final ByteOrder order) throws IOException {
        try (InputStream in = ReferenceFile.class.getClassLoader().getResourceAsStream(resourceName(family, order))) {
            if (in == null) {
                return Map.of();
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    static Map<Long, Entry> parse(final String text) throws IOException {
        final Map<Long, Entry> records = new LinkedHashMap<>();
        final List<String> lines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        int i = 0;
        while (i < lines.size()) {
            final String[] header = lines.get(i++).split(" ");
            if (header.length != 4 || !header[0].equals("seed")) {
                throw new IOException("reference record header expected, found '" + lines.get(i - 1) + "'");
            }
            final long seed = Long.parseLong(header[1]);
            final int length = Integer.parseInt(header[2]);
            final StringBuilder hex = new StringBuilder();
            while (hex.length() < 2 * length && i < lines.size()) {
                hex.append(lines.get(i++).trim());
            }
            if (hex.length() != 2 * length) {
                throw new IOException("seed " + seed + ": " + hex.length() / 2 + " bytes, header says " + length);
            }
            records.put(seed, new Entry(Long.parseLong(header[3], 16), HexFormat.of().parseHex(hex)));
        }
        return records;
    }

    /** Writes {@code records} with a header naming how they were produced. */
    static void write(final Path file, final Family family, final ByteOrder order, final String producer,
                      final Map<Long, Entry> records) throws IOException {
        final StringBuilder text = new StringBuilder();
        text.append("# jppc differential reference: family ").append(family.id()).append(", ")
            .append(QemuRunner.command(order)).append(" -cpu ").append(family.qemuCpu()).append('\n');
        text.append("# produced by ").append(producer).append('\n');
        text.append("# regenerate: scripts/difftest-regenerate.sh (docs/differential.md); ")
            .append("record: seed N LENGTH PROGRAM-CRC32, then the program's output in hex\n");
        for (final Map.Entry<Long, Entry> record : records.entrySet()) {
            final byte[] bytes = record.getValue().output();
            text.append("seed ").append(record.getKey()).append(' ').append(bytes.length).append(' ')
                .append(Long.toHexString(record.getValue().programCrc())).append('\n');
            for (int at = 0; at < bytes.length; at += BYTES_PER_LINE) {
                text.append(HexFormat.of().formatHex(bytes, at, Math.min(bytes.length, at + BYTES_PER_LINE)))
                    .append('\n');
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
