package dev.jppc.core.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.Interpreter;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.core.asm.PpcAsm;
import dev.jppc.core.decode.Decoder;
import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.Op;
import dev.jppc.core.decode.OpWords;
import dev.jppc.mmu.GuestMemory;

/**
 * The translator must not change what a program does. Each case runs the same random loop of translatable
 * instructions on two identical processors, one interpreting everything and one translating (the loop runs
 * far past the translation threshold), and requires the same registers, storage, interrupts and instruction
 * count. Register values include addresses inside the data area, at the end of RAM and outside it, so
 * storage accesses both succeed and fault in the middle of blocks.
 */
class JitEquivalenceTest {

    private static final long RAM_SIZE = 1 << 20;
    private static final long CODE = 0x1_0000;
    private static final long DATA = 0x2_0000;
    private static final int DATA_BYTES = 0x1000;
    private static final int BRANCH_TO_SELF = 0x4800_0000;
    private static final int CASES = 400;
    private static final int BODY = 24;
    private static final long BUDGET = 30_000;
    private static final int[] TRANSLATABLE = translatableOps();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldBehaveAsTheInterpreterOnRandomLoops(final boolean littleEndian) {
        final SplittableRandom random = new SplittableRandom(littleEndian ? 0x5EED_0002L : 0x5EED_0001L);
        final GuestMemory interpretedRam = new GuestMemory(RAM_SIZE);
        final GuestMemory translatedRam = new GuestMemory(RAM_SIZE);
        long translatedBlocks = 0;
        for (int n = 0; n < CASES; n++) {
            final int[] program = randomLoop(random);
            final long[] registers = randomRegisters(random);
            final byte[] data = new byte[DATA_BYTES];
            random.nextBytes(data);
            final boolean facilities = random.nextInt(4) != 0;
            final Cpu interpreted = machine(interpretedRam, littleEndian, program, registers, data, facilities);
            final Cpu translated = machine(translatedRam, littleEndian, program, registers, data, facilities);
            final long[] vsrs = random.longs(128).toArray();
            System.arraycopy(vsrs, 0, interpreted.vsr, 0, 128);
            System.arraycopy(vsrs, 0, translated.vsr, 0, 128);
            final Interpreter slow = new Interpreter(interpreted);
            slow.setTranslation(false);
            slow.run(BUDGET);
            final Interpreter fast = new Interpreter(translated);
            fast.setTranslation(true);
            fast.run(BUDGET);
            translatedBlocks += fast.codeCache().translatedCount();
            assertSameState(interpreted, translated, interpretedRam, translatedRam, program, n);
        }
        assertTrue(translatedBlocks >= CASES / 2, "too few blocks were translated: " + translatedBlocks);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldDropATranslationWhenTheProgramRewritesIt(final boolean littleEndian) {
        final ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        final int patch = 4;
        final int[] program = {
            PpcAsm.li(3, 0),
            PpcAsm.li(4, 200),
            PpcAsm.mtctr(4),
            PpcAsm.li(7, 0),
            PpcAsm.addi(3, 3, 1),          // patch: becomes addi r3,r3,2 after the 100th pass
            PpcAsm.addi(7, 7, 1),
            PpcAsm.cmpdi(7, 100),
            0x4082_0008,                   // bne +8
            PpcAsm.stw(8, 0, 9),           // rewrite the patch word
            0x4200_FFEC,                   // bdnz patch
            BRANCH_TO_SELF,
        };
        final long[] registers = new long[32];
        registers[8] = PpcAsm.addi(3, 3, 2) & 0xFFFF_FFFFL;
        registers[9] = CODE + 4L * patch;
        final GuestMemory ram = new GuestMemory(RAM_SIZE);
        final Cpu cpu = machine(ram, littleEndian, program, registers, new byte[DATA_BYTES], false);
        final Interpreter interpreter = new Interpreter(cpu);
        interpreter.setTranslation(true);
        interpreter.run(5_000);
        assertEquals(CODE + 4L * (program.length - 1), cpu.pc, "the loop should end at its branch-to-self");
        assertEquals(100 + 2 * 100, cpu.gpr[3], "the rewritten instruction must run after the store");
        assertTrue(interpreter.codeCache().droppedCount() > 0, "the store should have dropped the block");
        assertEquals(PpcAsm.addi(3, 3, 2), ram.getInt(CODE + 4L * patch, order));
    }

    private static void assertSameState(final Cpu expected, final Cpu actual, final GuestMemory expectedRam,
                                        final GuestMemory actualRam, final int[] program, final int n) {
        final String what = "case " + n + ":\n" + listing(program);
        assertArrayEquals(expected.gpr, actual.gpr, "GPRs, " + what);
        assertEquals(expected.cr, actual.cr, "CR, " + what);
        assertEquals(expected.xer(), actual.xer(), "XER, " + what);
        assertEquals(expected.lr, actual.lr, "LR, " + what);
        assertEquals(expected.ctr, actual.ctr, "CTR, " + what);
        assertEquals(expected.pc, actual.pc, "pc, " + what);
        assertEquals(expected.msr, actual.msr, "MSR, " + what);
        assertEquals(expected.instructions, actual.instructions, "instruction count, " + what);
        for (final int spr : new int[] {Spr.SRR0, Spr.SRR1, Spr.DAR, Spr.DSISR}) {
            assertEquals(expected.spr[spr], actual.spr[spr], "SPR " + spr + ", " + what);
        }
        assertEquals(expected.reservationValid, actual.reservationValid, "reservation, " + what);
        assertArrayEquals(expected.vsr, actual.vsr, "VSRs, " + what);
        assertEquals(expected.fpscr, actual.fpscr, "FPSCR, " + what);
        assertEquals(expected.vscr, actual.vscr, "VSCR, " + what);
        final byte[] expectedData = new byte[DATA_BYTES];
        final byte[] actualData = new byte[DATA_BYTES];
        expectedRam.getBytes(DATA, expectedData, 0, DATA_BYTES);
        actualRam.getBytes(DATA, actualData, 0, DATA_BYTES);
        assertArrayEquals(expectedData, actualData, "data, " + what);
    }

    private static Cpu machine(final GuestMemory ram, final boolean littleEndian, final int[] program,
                               final long[] registers, final byte[] data, final boolean facilities) {
        final ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ram.setCodeWatcher(null);
        ram.unwatchAllCode();
        ram.fill(0, RAM_SIZE, (byte) 0);
        final Cpu cpu = new Cpu(ram, false);
        // FP, VMX and VSX on in most cases, so that their instructions compute rather than raise.
        long msr = Cpu.MSR_SF | Cpu.MSR_ME | (facilities ? Cpu.MSR_FP | Cpu.MSR_VEC | Cpu.MSR_VSX : 0);
        if (littleEndian) {
            msr |= Cpu.MSR_LE;
            cpu.spr[Spr.LPCR] |= Interrupts.LPCR_ILE;
        }
        cpu.setMsr(msr);
        for (long vector = 0x100; vector < 0x1000; vector += 0x20) {
            ram.putInt(vector, BRANCH_TO_SELF, order);
        }
        for (int i = 0; i < program.length; i++) {
            ram.putInt(CODE + 4L * i, program[i], order);
        }
        ram.putBytes(DATA, data, 0, data.length);
        System.arraycopy(registers, 0, cpu.gpr, 0, 32);
        cpu.ctr = 1000;
        cpu.pc = CODE;
        return cpu;
    }

    /**
     * BODY random translatable instructions with some branches forward and back inside the body, then
     * {@code bdnz} back to the start and a branch-to-self.
     */
    private static int[] randomLoop(final SplittableRandom random) {
        final int[] program = new int[BODY + 2];
        for (int i = 0; i < BODY; i++) {
            final int pick = random.nextInt(12);
            if (pick < 2 && i < BODY - 4) {
                program[i] = randomForwardBranch(random);
            } else if (pick == 2 && i > 0) {
                program[i] = randomBackwardBranch(random, i);
            } else {
                program[i] = randomInstruction(random);
            }
        }
        program[BODY] = 0x4200_0000 | ((-4 * BODY) & 0xFFFC);
        program[BODY + 1] = BRANCH_TO_SELF;
        return program;
    }

    /** bc or bcl with a common BO, any BI, skipping one to three instructions of the body. */
    private static int randomForwardBranch(final SplittableRandom random) {
        final int[] bos = {4, 12, 16, 18, 20, 0, 8};
        final int bo = bos[random.nextInt(bos.length)];
        final int bi = random.nextInt(32);
        final int displacement = 4 * (2 + random.nextInt(3));
        return (16 << 26) | (bo << 21) | (bi << 16) | displacement | random.nextInt(2);
    }

    /**
     * bc or bcl from body index {@code at} back to an earlier body instruction: a loop inside the block, which
     * the translated block runs without leaving (CTR- or CR-controlled, so it may also never end).
     */
    private static int randomBackwardBranch(final SplittableRandom random, final int at) {
        final int[] bos = {16, 18, 0, 2, 8, 10, 4, 12};
        final int bo = bos[random.nextInt(bos.length)];
        final int bi = random.nextInt(32);
        final int displacement = -4 * (1 + random.nextInt(at));
        return (16 << 26) | (bo << 21) | (bi << 16) | (displacement & 0xFFFC) | random.nextInt(2);
    }

    private static int randomInstruction(final SplittableRandom random) {
        while (true) {
            final Op op = Op.of(TRANSLATABLE[random.nextInt(TRANSLATABLE.length)]);
            final int word = OpWords.withExtended(op, random.nextInt());
            if (Decoder.decode(word) == op.ordinal() && JitOps.callFor(op.ordinal(), word) != null
                && (word >>> 16 & 0x1F) != 1) {
                return word;
            }
        }
    }

    /** r1 stays a data-area address so that most storage accesses succeed; the rest mix in edge values. */
    private static long[] randomRegisters(final SplittableRandom random) {
        final long[] edges = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 0x8000_0000L, 0xFFFF_FFFFL, RAM_SIZE - 8,
            RAM_SIZE + 0x100, 0x4000_0000L};
        final long[] registers = new long[32];
        for (int i = 0; i < 32; i++) {
            final int pick = random.nextInt(4);
            registers[i] = switch (pick) {
                case 0 -> DATA + random.nextInt(DATA_BYTES / 2);
                case 1 -> edges[random.nextInt(edges.length)];
                case 2 -> random.nextLong();
                default -> random.nextInt(256);
            };
        }
        registers[1] = DATA + DATA_BYTES / 2;
        return registers;
    }

    private static int[] translatableOps() {
        final List<Integer> ops = new ArrayList<>();
        for (int op = 1; op < Op.count(); op++) {
            final JitOps.Call call = probe(op);
            if (call != null && call.kind() != JitOps.BRANCH) {
                ops.add(op);
            }
        }
        return ops.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The op's call for some word of it (mfspr/mtspr need LR, CTR or XER, which words with SPR 8 give). */
    private static JitOps.Call probe(final int op) {
        final int word = OpWords.withExtended(Op.of(op), 8 << 16);
        return JitOps.callFor(op, word);
    }

    private static String listing(final int[] program) {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < program.length; i++) {
            out.append(String.format("  %08x: %08x  %s%n", CODE + 4L * i, program[i],
                Disassembler.disassemble(program[i], CODE + 4L * i)));
        }
        return out.toString();
    }
}
