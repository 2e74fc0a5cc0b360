package dev.jppc.savevm.htab;

import static dev.jppc.savevm.htab.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The readable listings of {@code jppc htab dump}. */
class HtabDumpTest {

    private static final String EX1 = "00000000 0002 0008" + TableT.E0 + TableT.E1 + "0000000a 0001 0005" + TableT.E10;

    @Test
    void shouldListTheRecordsOfExampleOne() {
        final HtabDump.Result result = HtabDump.fdStream(hex(EX1), ByteOrder.BIG_ENDIAN);
        assertNull(result.error());
        assertEquals(String.join("\n",
            "HTAB fd stream: 64 bytes, big-endian record headers",
            "@0x0      record index 0 (0x0): 2 valid, 8 invalid",
            "        valid   0        v 0000000000009191 r 0000000000002012  AVPN=0x123 B=0 L=0 H=0 bolted=1 RPN=0x2"
                + " PP=2 key=0 WIMG=0010 N=0 R=0 C=0 page=4K",
            "        valid   1        v 0000000000009201 r 0000000000003012  AVPN=0x124 B=0 L=0 H=0 bolted=0 RPN=0x3"
                + " PP=2 key=0 WIMG=0010 N=0 R=0 C=0 page=4K",
            "        invalid 2..9 (8 entries)",
            "@0x28     record index 10 (0xa): 1 valid, 5 invalid",
            "        valid   10       v 0000000000009291 r 0000000000004012  AVPN=0x125 B=0 L=0 H=0 bolted=1 RPN=0x4"
                + " PP=2 key=0 WIMG=0010 N=0 R=0 C=0 page=4K",
            "        invalid 11..15 (5 entries)",
            "2 records, 3 valid and 13 invalid entries", ""), result.text().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void shouldReadLittleEndianHeaders() {
        final HtabDump.Result result = HtabDump.fdStream(hex("0a000000 0100 0500" + TableT.E10),
            ByteOrder.LITTLE_ENDIAN);
        assertNull(result.error());
        assertTrue(result.text().contains("record index 10 (0xa): 1 valid, 5 invalid"), result.text());
    }

    @Test
    void shouldDecodeEveryField() {
        final String line = HtabDump.describeEntry(0x4000_0000_0123_4595L | 0x40, 0x8000_0000_0001_1FFFL);
        assertEquals("AVPN=0x2468b B=1 L=1 H=0 bolted=1 RPN=0x11 PP=7 key=7 WIMG=1111 N=1 R=1 C=1 page=64K"
            + " [v bit 0x40: KVM lock / QEMU dirty, ignored]", line);
        assertTrue(HtabDump.describeEntry(0x9200L, 0).contains("[V clear"));
        assertTrue(HtabDump.describeEntry(0x9105L, 0xF000L).contains("page=?"));
    }

    @Test
    void shouldSayWhereAStreamIsCutShort() {
        final HtabDump.Result result = HtabDump.fdStream(hex("00000000 0002 0008" + TableT.E0), ByteOrder.BIG_ENDIAN);
        assertEquals("record at offset 0x0 announces 2 HPTEs (32 bytes) but only 16 bytes follow", result.error());
        assertTrue(result.text().contains("record index 0"));
    }

    @Test
    void shouldListTheCapturedSections() {
        final String name = hex("spapr/htab".getBytes(StandardCharsets.US_ASCII));
        final byte[] stream = hex("01 00000234 0a" + name + "00000000 00000001 00000016 7e 00000234"
            + "02 00000234 00000000 00000001 0000 0001 00000003 0001 0000"
            + "0000000000009301 0000000000005012 0000000000000000 7e 00000234");
        assertTrue(HtabDump.looksLikeSections(stream));
        final HtabDump.Result result = HtabDump.sections(stream);
        assertNull(result.error());
        final String text = result.text();
        assertTrue(text.contains("START section 0x234 \"spapr/htab\" instance 0 version 1"), text);
        assertTrue(text.contains("HPT order 22: 4096 KiB table, 262144 entries"), text);
        assertTrue(text.contains("PART section 0x234"), text);
        assertTrue(text.contains("chunk index 1 (0x1): 0 valid, 1 invalid"), text);
        assertTrue(text.contains("valid   3        v 0000000000009301"), text);
        assertTrue(text.contains("end marker"), text);
    }

    @Test
    void shouldCatchADesyncedSection() {
        final String name = hex("spapr/htab".getBytes(StandardCharsets.US_ASCII));
        final byte[] stream = hex("01 00000234 0a" + name + "00000000 00000001 00000012 7e 00000234"
            + "02 00000234 00000000 7e000000 0000 0000");
        final HtabDump.Result result = HtabDump.sections(stream);
        assertEquals("bad index: chunk at offset 0x2a, index 2113929216 + 0 valid + 0 invalid passes the end of"
            + " the 16384-entry table", result.error());
    }

    @Test
    void shouldListAPayload() {
        assertNull(HtabDump.payload(hex("00000016")).error());
        assertTrue(HtabDump.payload(hex("ffffffff")).text().contains("no hashed page table"));
        final HtabDump.Result chunks = HtabDump.payload(hex("00000000 00000003 0001 0000" + TableT.E3
            + "0000000000000000"));
        assertNull(chunks.error());
        assertTrue(chunks.text().contains("1 record, 1 valid and 0 invalid entries"), chunks.text());
        assertFalse(HtabDump.looksLikeSections(hex("00000016")));
        assertEquals("2 bytes follow the end of the payload at offset 0x4",
            HtabDump.payload(hex("00000016 0000")).error());
    }
}
