package dev.jppc.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jppc htab dump}: listings on stdout, exit status 2 for unreadable or malformed input. */
class HtabCommandTest {

    /** htab-fd.md §7, example 1. */
    private static final String EXAMPLE_ONE = "00000000 0002 0008 0000000000009191 0000000000002012"
        + " 0000000000009201 0000000000003012 0000000a 0001 0005 0000000000009291 0000000000004012";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureStdout() {
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(originalOut);
    }

    private Path file(final String hex) throws IOException {
        final Path path = directory.resolve("htab.bin");
        Files.write(path, HexFormat.of().parseHex(hex.replace(" ", "")));
        return path;
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldListAnFdStream() throws IOException {
        assertEquals(0, Main.execute("htab", "dump", file(EXAMPLE_ONE).toString()));
        assertTrue(output().contains("record index 10 (0xa): 1 valid, 5 invalid"), output());
        assertTrue(output().contains("AVPN=0x123 B=0 L=0 H=0 bolted=1 RPN=0x2 PP=2 key=0 WIMG=0010 N=0 R=0 C=0"),
            output());
    }

    @Test
    void shouldListLittleEndianHeaders() throws IOException {
        assertEquals(0, Main.execute("htab", "dump", "--header-order", "little",
            file("0a000000 0100 0500 0000000000009291 0000000000004012").toString()));
        assertTrue(output().contains("record index 10 (0xa)"), output());
    }

    @Test
    void shouldRecogniseFramedSections() throws IOException {
        final String name = HexFormat.of().formatHex("spapr/htab".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, Main.execute("htab", "dump",
            file("01 00000234 0a" + name + "00000000 00000001 00000016 7e 00000234").toString()));
        assertTrue(output().contains("HPT order 22"), output());
    }

    @Test
    void shouldListAPayload() throws IOException {
        assertEquals(0, Main.execute("htab", "dump", "--format", "payload", file("ffffffff").toString()));
        assertTrue(output().contains("no hashed page table"), output());
    }

    @Test
    void shouldExitWithTwoOnBadInput() throws IOException {
        assertEquals(2, Main.execute("htab", "dump", file("00000000 0002 0008").toString()));
        assertEquals(2, Main.execute("htab", "dump", directory.resolve("missing.bin").toString()));
        assertEquals(2, Main.execute("htab", "dump", "--format", "xml", file(EXAMPLE_ONE).toString()));
        assertEquals(2, Main.execute("htab", "dump", "--header-order", "middle", file(EXAMPLE_ONE).toString()));
        assertEquals(2, Main.execute("htab"));
    }
}
