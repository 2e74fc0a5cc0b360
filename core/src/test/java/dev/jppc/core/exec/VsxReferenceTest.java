package dev.jppc.core.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.GuestInterrupt;
import dev.jppc.core.Interpreter;
import dev.jppc.core.TestMachine;
import dev.jppc.core.decode.Decoder;

/**
 * Replays QEMU's results for the VSX loads, stores, moves, logical and permute instructions
 * (src/test/resources/vsx: vsxgen.c ran each line's word once on qemu-ppc64le/qemu-ppc64; the Makefile there
 * regenerates the files). Each line gives the word, the registers and storage it reads, and everything it
 * changed; jppc must change exactly that, in the same byte order.
 */
class VsxReferenceTest {

    /** What the VSRs that a line does not list hold before the instruction. */
    private static long filler(final int index) {
        return 0x5A5A_0000_0000_0000L | index * 0x0101_0101L;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "vsx-p8-le.txt, LITTLE_ENDIAN, 2368",
        "vsx-p8-be.txt, BIG_ENDIAN, 2368",
        "vsx-p9-le.txt, LITTLE_ENDIAN, 512",
        "vsx-p9-be.txt, BIG_ENDIAN, 512"
    })
    void shouldMatchQemu(final String file, final String order, final int expectedCases) throws IOException {
        final ByteOrder byteOrder = order.equals("LITTLE_ENDIAN") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        final TestMachine m = TestMachine.supervisor(byteOrder).msrBits(Cpu.MSR_VSX | Cpu.MSR_FP | Cpu.MSR_VEC);
        final List<String> failures = new ArrayList<>();
        int cases = 0;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/vsx/" + file), file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                cases++;
                final String failure = replay(m, line);
                if (failure != null) {
                    failures.add(file + ":" + number + ": " + failure + "\n    " + line);
                }
            }
        }
        assertEquals(expectedCases, cases, "cases in " + file);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + expectedCases + " differ from QEMU:\n"
            + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    /** Runs one line; null when jppc agrees with QEMU, else what differs. */
    private static String replay(final TestMachine m, final String line) {
        final String[] halves = line.split(" -> ?", 2);
        final String[] inputs = halves[0].trim().split(" ");
        final String name = inputs[0];
        final int word = (int) Long.parseLong(inputs[1], 16);
        final Cpu c = m.cpu;
        for (int i = 0; i < 64; i++) {
            c.vsr[2 * i] = filler(i);
            c.vsr[2 * i + 1] = ~filler(i);
        }
        for (int i = 0; i < 32; i++) {
            c.gpr[i] = filler(100 + i);
        }
        for (int i = 2; i < inputs.length; i++) {
            apply(m, inputs[i]);
        }
        final long[] expectedVsr = c.vsr.clone();
        final long[] expectedGpr = c.gpr.clone();
        final byte[] expectedMemory = memory(m);
        if (halves.length > 1) {
            for (final String output : halves[1].trim().split(" ")) {
                if (!output.isEmpty()) {
                    expect(output, expectedVsr, expectedGpr, expectedMemory);
                }
            }
        }
        if (!Decoder.decodeOp(word).mnemonic().equals(name)) {
            return "decodes as " + Decoder.decodeOp(word).mnemonic();
        }
        try {
            c.pc = TestMachine.CODE;
            Interpreter.execute(c, word);
        } catch (final GuestInterrupt e) {
            return String.format("interrupt 0x%x", c.lastRaisedVector());
        }
        for (int i = 0; i < 64; i++) {
            if (c.vsr[2 * i] != expectedVsr[2 * i] || c.vsr[2 * i + 1] != expectedVsr[2 * i + 1]) {
                return String.format("vs%d=%016x%016x, QEMU %016x%016x", i, c.vsr[2 * i], c.vsr[2 * i + 1],
                    expectedVsr[2 * i], expectedVsr[2 * i + 1]);
            }
        }
        for (int i = 0; i < 32; i++) {
            if (c.gpr[i] != expectedGpr[i]) {
                return String.format("r%d=%016x, QEMU %016x", i, c.gpr[i], expectedGpr[i]);
            }
        }
        final byte[] memory = memory(m);
        try {
            assertArrayEquals(expectedMemory, memory);
        } catch (final AssertionError e) {
            return "mem=" + hex(memory) + ", QEMU " + hex(expectedMemory);
        }
        return null;
    }

    private static void apply(final TestMachine m, final String token) {
        final String[] kv = token.split("=", 2);
        final String key = kv[0];
        final String value = kv[1];
        if (key.startsWith("vs")) {
            final int n = Integer.parseInt(key.substring(2));
            m.cpu.vsr[2 * n] = Long.parseUnsignedLong(value.substring(0, 16), 16);
            m.cpu.vsr[2 * n + 1] = Long.parseUnsignedLong(value.substring(16), 16);
        } else if (key.startsWith("r")) {
            final int n = Integer.parseInt(key.substring(1));
            m.cpu.gpr[n] = value.startsWith("@") ? TestMachine.DATA + Long.parseLong(value.substring(1))
                : Long.parseUnsignedLong(value, 16);
        } else if (key.equals("mem")) {
            final byte[] bytes = bytes(value);
            for (int i = 0; i < bytes.length; i++) {
                m.ram.putByte(TestMachine.DATA + i, bytes[i]);
            }
        } else {
            throw new IllegalArgumentException("unknown input " + token);
        }
    }

    private static void expect(final String token, final long[] vsr, final long[] gpr, final byte[] memory) {
        final String[] kv = token.split("=", 2);
        final String key = kv[0];
        final String value = kv[1];
        if (key.startsWith("vs")) {
            final int n = Integer.parseInt(key.substring(2));
            vsr[2 * n] = Long.parseUnsignedLong(value.substring(0, 16), 16);
            vsr[2 * n + 1] = Long.parseUnsignedLong(value.substring(16), 16);
        } else if (key.startsWith("r")) {
            gpr[Integer.parseInt(key.substring(1))] = Long.parseUnsignedLong(value, 16);
        } else if (key.equals("mem")) {
            System.arraycopy(bytes(value), 0, memory, 0, memory.length);
        } else {
            throw new IllegalArgumentException("unknown output " + token);
        }
    }

    /** The 64-byte buffer at {@link TestMachine#DATA}. */
    private static byte[] memory(final TestMachine m) {
        final byte[] bytes = new byte[64];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) m.byteAt(TestMachine.DATA + i);
        }
        return bytes;
    }

    private static byte[] bytes(final String hex) {
        final byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private static String hex(final byte[] bytes) {
        final StringBuilder out = new StringBuilder();
        for (final byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
