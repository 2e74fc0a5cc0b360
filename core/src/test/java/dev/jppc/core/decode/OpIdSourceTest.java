package dev.jppc.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@link OpId} is generated from {@link Op}; this test fails when it is stale. Regenerate with
 * {@code ./mvnw -pl core test -Dtest=OpIdSourceTest -Djppc.regenerate=true}.
 */
class OpIdSourceTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/jppc/core/decode/OpId.java");

    static String expectedSource() {
        final StringBuilder out = new StringBuilder();
        out.append("package dev.jppc.core.decode;\n\n")
            .append("/**\n")
            .append(" * The ordinals of {@link Op} as compile-time constants, for the interpreter's {@code switch}.\n")
            .append(" * GENERATED from Op by OpIdSourceTest: do not edit by hand.\n")
            .append(" */\n")
            .append("public final class OpId {\n\n");
        for (final Op op : Op.values()) {
            out.append("    public static final short ").append(op.name()).append(" = ").append(op.ordinal())
                .append(";\n");
        }
        out.append("\n    private OpId() {\n    }\n}\n");
        return out.toString();
    }

    @Test
    void shouldMatchTheOpEnum() throws IOException {
        final String expected = expectedSource();
        if (Boolean.getBoolean("jppc.regenerate")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(SOURCE, StandardCharsets.UTF_8),
            "OpId.java is stale: regenerate it (see this test's javadoc)");
    }
}
