package dev.jppc.devices.hcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.jppc.mmu.hash.Hpte;

/**
 * Hypercall arguments are untrusted guest values: random (and nearly valid) arguments to every hypercall must
 * produce a PAPR status, never an exception (an access outside RAM would be one: GuestMemory checks every
 * address), and must leave the registers above r11 alone.
 */
class HcallFuzzTest {

    private static final int[] NUMBERS = {
        Hcall.H_REMOVE, Hcall.H_ENTER, Hcall.H_READ, Hcall.H_CLEAR_MOD, Hcall.H_CLEAR_REF, Hcall.H_PROTECT,
        Hcall.H_SET_DABR, Hcall.H_LOGICAL_CI_LOAD, Hcall.H_LOGICAL_CI_STORE, Hcall.H_GET_TERM_CHAR,
        Hcall.H_PUT_TERM_CHAR, Hcall.H_REGISTER_VPA, Hcall.H_CEDE, Hcall.H_CONFER, Hcall.H_PROD,
        Hcall.H_BULK_REMOVE, Hcall.H_SET_XDABR, Hcall.H_GET_CPU_CHARACTERISTICS, Hcall.H_RANDOM, Hcall.H_SET_MODE,
        Hcall.KVMPPC_H_RTAS,
    };
    private static final long[] STATUSES = {
        Hcall.H_SUCCESS, Hcall.H_HARDWARE, Hcall.H_FUNCTION, Hcall.H_PARAMETER, Hcall.H_PTEG_FULL,
        Hcall.H_NOT_FOUND, Hcall.H_RESOURCE, Hcall.H_P2, Hcall.H_P3, Hcall.H_P4, Hcall.H_UNSUPPORTED_FLAG,
    };

    @Test
    void shouldAnswerEveryRandomHypercallWithAStatus() {
        final HcallFixture f = new HcallFixture();
        final SplittableRandom random = new SplittableRandom(20240601);
        for (int round = 0; round < 50_000; round++) {
            final int number = NUMBERS[random.nextInt(NUMBERS.length)];
            for (int r = 4; r <= 11; r++) {
                f.cpu.gpr[r] = argument(random);
            }
            for (int r = 12; r < 32; r++) {
                f.cpu.gpr[r] = 0x5A5A_0000L + r;
            }
            final long status;
            try {
                status = f.call(number);
            } catch (final RuntimeException e) {
                throw new AssertionError("hypercall 0x" + Integer.toHexString(number) + " threw in round " + round,
                    e);
            }
            assertTrue(isKnown(status), "status " + status + " of hypercall 0x" + Integer.toHexString(number));
            for (int r = 12; r < 32; r++) {
                assertEquals(0x5A5A_0000L + r, f.cpu.gpr[r], "r" + r + " after 0x" + Integer.toHexString(number));
            }
            f.cpu.waiting = false;
        }
    }

    @Test
    void shouldKeepTheTableConsistentUnderRandomEntersAndRemoves() {
        final HcallFixture f = new HcallFixture();
        final SplittableRandom random = new SplittableRandom(7);
        final int entries = f.table.entryCount();
        for (int round = 0; round < 20_000; round++) {
            final long index = random.nextInt(64);
            final long v = (random.nextLong() & 0x3FFF_FFFF_FFFF_FF80L) | (random.nextBoolean() ? 0x10 : 0) | 1;
            if (random.nextBoolean()) {
                final long status = f.call(Hcall.H_ENTER, random.nextBoolean() ? Hcall.H_EXACT : 0, index, v,
                    0x5000 | 0x10);
                if (status != Hcall.H_SUCCESS && status != Hcall.H_PTEG_FULL) {
                    fail("H_ENTER answered " + status);
                }
            } else {
                final long status = f.call(Hcall.H_REMOVE, Hcall.H_ANDCOND, index, 0x10);
                if (status != Hcall.H_SUCCESS && status != Hcall.H_NOT_FOUND) {
                    fail("H_REMOVE answered " + status);
                }
            }
        }
        for (int i = 64; i < entries; i++) {
            assertEquals(0, f.table.v(i), "entry " + i + " outside the groups used");
        }
        for (int i = 0; i < 64; i++) {
            final long v = f.table.v(i);
            assertTrue(v == 0 || (Hpte.isValid(v) && (v & Hpte.V_HYPERVISOR_PRIVATE) == 0), "entry " + i);
        }
    }

    private static boolean isKnown(final long status) {
        for (final long known : STATUSES) {
            if (status == known) {
                return true;
            }
        }
        return false;
    }

    /** A register value: random, small, an index near the table's end, an address near RAM's end, or special. */
    private static long argument(final SplittableRandom random) {
        switch (random.nextInt(8)) {
            case 0:
                return random.nextLong();
            case 1:
                return random.nextInt(64);
            case 2:
                return 16_384 - 8 + random.nextInt(16);
            case 3:
                return HcallFixture.RAM_SIZE - 16 + random.nextInt(32);
            case 4:
                return random.nextBoolean() ? -1 : Long.MIN_VALUE;
            case 5:
                return (long) random.nextInt(8) << 45;
            case 6:
                return (random.nextLong() & 0x3FFF_FFFF_FFFF_FF80L) | random.nextInt(8);
            default:
                return (random.nextLong() & 0x0FFF_FFFF_FFFF_F000L & (HcallFixture.RAM_SIZE - 1)) | 0x10
                    | random.nextInt(8);
        }
    }
}
