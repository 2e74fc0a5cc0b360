package dev.jppc.core;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.collections4.queue.CircularFifoQueue;

import dev.jppc.core.decode.Decoder;
import dev.jppc.core.decode.Disassembler;
import dev.jppc.core.decode.OpId;
import dev.jppc.core.exec.Branch;
import dev.jppc.core.exec.FixedPoint;
import dev.jppc.core.exec.LoadStore;
import dev.jppc.core.exec.MmuOps;
import dev.jppc.core.exec.Rotate;
import dev.jppc.core.exec.SystemOps;
import dev.jppc.core.exec.SystemRegisters;
import dev.jppc.core.exec.VsxLoadStore;
import dev.jppc.core.exec.VsxPermute;
import dev.jppc.core.jit.CodeCache;

/**
 * The fetch-decode-execute loop.
 *
 * <p>The loop runs in slices: a slice ends at the instruction budget, at the next timer event, after at most
 * {@link #MAX_SLICE} instructions, or as soon as an instruction calls {@link Cpu#endSlice()} (anything that
 * can make an interrupt deliverable: MSR writes, rfid, mtdec, hypercalls). Asynchronous interrupts, stop
 * requests and idle waits are looked at only between slices, so the inner loop carries one compare per
 * instruction for all of them. Synchronous interrupts abandon the instruction by throwing the CPU's single
 * {@link GuestInterrupt}, caught once per slice.
 */
public final class Interpreter {

    /** Longest stretch without looking at asynchronous events: bounds interrupt and console latency. */
    public static final long MAX_SLICE = 1 << 14;

    /**
     * Whether new interpreters translate hot blocks into JVM bytecode (issue 8): on unless the system property
     * {@code jppc.translate} is {@code false}.
     */
    public static final boolean TRANSLATE_BY_DEFAULT =
        !"false".equalsIgnoreCase(System.getProperty("jppc.translate", "true"));

    private final Cpu cpu;
    private CodeCache codeCache;
    private PrintStream trace;
    private Throwable internalError;
    /** The last instructions executed, when history is on; records are recycled, never reallocated. */
    private CircularFifoQueue<Executed> history;

    /** One executed instruction in the history ring. */
    public static final class Executed {
        long count;
        long pc;
        int word;

        @Override
        public String toString() {
            return String.format("%12d %016x: %08x  %s", count, pc, word, Disassembler.disassemble(word, pc));
        }
    }

    public Interpreter(final Cpu cpu) {
        this.cpu = cpu;
        setTranslation(TRANSLATE_BY_DEFAULT);
    }

    /** Turns block translation on or off (off: every instruction is interpreted). */
    public void setTranslation(final boolean on) {
        if (on && codeCache == null) {
            codeCache = new CodeCache(cpu);
        } else if (!on && codeCache != null) {
            codeCache.clear();
            cpu.ram.setCodeWatcher(null);
            codeCache = null;
        }
    }

    /** The translated-block cache, or null when translation is off. */
    public CodeCache codeCache() {
        return codeCache;
    }

    /** Prints every instruction to {@code out} before it executes (null: off). Uses a separate, slow loop. */
    public void setTrace(final PrintStream out) {
        trace = out;
    }

    /**
     * Keeps the last {@code depth} executed instructions for crash reports ({@link #history()}); 0 turns it
     * off. Like the trace, it selects the separate slow loop.
     */
    public void setHistory(final int depth) {
        history = depth > 0 ? new CircularFifoQueue<>(depth) : null;
    }

    /** The recorded instructions, oldest first (empty when history is off). */
    public List<Executed> history() {
        return history == null ? List.of() : new ArrayList<>(history);
    }

    /** The Java exception behind an {@link StopReason#INTERNAL_ERROR} stop. */
    public Throwable internalError() {
        return internalError;
    }

    /**
     * Runs until the guest stops the machine or {@code budget} more instructions have completed. Never
     * throws: a failure of jppc itself becomes {@link StopReason#INTERNAL_ERROR}.
     */
    public StopReason run(final long budget) {
        final Cpu c = cpu;
        long limit = budget >= Long.MAX_VALUE - c.instructions ? Long.MAX_VALUE : c.instructions + budget;
        c.stopReason = null;
        try {
            while (true) {
                if (c.stopRequested) {
                    c.stopRequested = false;
                    return stopped(StopReason.REQUESTED);
                }
                c.updateTimers();
                c.mmu.serviceFlushRequests();
                takeAsynchronousInterrupt(c);
                if (c.waiting) {
                    if (!idle(c, limit)) {
                        return stopped(StopReason.BUDGET);
                    }
                    // Take the interrupt that ended the wait before executing anything after it.
                    continue;
                }
                if (c.instructions >= limit) {
                    return StopReason.BUDGET;
                }
                c.sliceEnd = Math.min(Math.min(limit, c.instructions + MAX_SLICE), c.nextTimerEvent());
                try {
                    if (trace == null && history == null) {
                        if (codeCache != null) {
                            runSliceTranslated(c, codeCache);
                        } else {
                            runSlice(c);
                        }
                    } else {
                        runSliceTraced(c, trace, history);
                    }
                } catch (final GuestInterrupt interrupt) {
                    c.deliverRaised();
                    c.pc = c.nip;
                    // A delivered interrupt uses up a step of the budget: code that faults at its own vector
                    // completes no instruction, ever, and must not keep run() from returning.
                    limit--;
                }
                if (c.stopReason != null) {
                    return c.stopReason;
                }
            }
        } catch (final RuntimeException | StackOverflowError e) {
            internalError = e;
            c.exitCode = 4;
            return stopped(StopReason.INTERNAL_ERROR);
        }
    }

    private StopReason stopped(final StopReason reason) {
        if (cpu.stopReason == null) {
            cpu.stopReason = reason;
        }
        return cpu.stopReason;
    }

    /**
     * Sleeps until something can wake the processor: an exception that is already pending ends the wait at
     * once; otherwise virtual time jumps forward to the next decrementer event (there always is one: the
     * 32-bit decrementer passes zero every 2^32 ticks) with no instruction executed. The wait ends whether or
     * not the exception is enabled, as for {@code wait} on POWER8. Returns false when the budget ran out.
     */
    private static boolean idle(final Cpu c, final long limit) {
        if (!c.externalInterrupt && !c.decrementerPending && !c.hypervisorDecrementerPending) {
            final long event = c.nextTimerEvent();
            if (event > c.instructions) {
                c.tbOffset += (event - c.instructions) * Cpu.TB_TICKS_PER_INSTRUCTION;
            }
            c.updateTimers();
        }
        c.waiting = false;
        return limit > c.instructions;
    }

    /** Delivers the highest-priority pending asynchronous interrupt that is enabled. */
    private static void takeAsynchronousInterrupt(final Cpu c) {
        final boolean enabled = (c.msr & Cpu.MSR_EE) != 0;
        if (c.hypervisorDecrementerPending && (c.spr[Spr.LPCR] & Interrupts.LPCR_HDICE) != 0
            && (enabled || (c.msr & Cpu.MSR_HV) == 0)) {
            c.hypervisorDecrementerPending = false;
            asynchronous(c, Interrupts.HYPERVISOR_DECREMENTER);
        } else if (enabled && c.externalInterrupt) {
            asynchronous(c, Interrupts.EXTERNAL);
        } else if (enabled && c.decrementerPending) {
            c.decrementerPending = false;
            asynchronous(c, Interrupts.DECREMENTER);
        }
    }

    private static void asynchronous(final Cpu c, final int vector) {
        c.waiting = false;
        Interrupts.deliver(c, vector, c.pc, 0);
        c.pc = c.nip;
    }

    private static void runSlice(final Cpu c) {
        while (c.instructions < c.sliceEnd) {
            final long pc = c.pc;
            final int insn = c.fetch(pc);
            c.nip = (pc + 4) & c.eaMask;
            execute(c, insn);
            c.pc = c.nip;
            c.instructions++;
        }
    }

    /**
     * The slice loop with translation: where a translated block starts at the current address and fits in the
     * slice, it runs as one call; anything else is interpreted one instruction at a time, exactly as in
     * {@link #runSlice}. An interrupt inside a block counts the instructions before it, then leaves as usual.
     */
    private static void runSliceTranslated(final Cpu c, final CodeCache cache) {
        while (c.instructions < c.sliceEnd) {
            final long pc = c.pc;
            final CodeCache.Entry entry = cache.lookup(pc);
            if (entry != null && c.instructions + entry.length <= c.sliceEnd) {
                final int done;
                try {
                    done = entry.block.run(c, pc);
                } catch (final GuestInterrupt interrupt) {
                    c.instructions += (c.pc - pc) >>> 2;
                    throw interrupt;
                }
                c.instructions += done;
                c.pc = c.nip;
                continue;
            }
            final int insn = c.fetch(pc);
            c.nip = (pc + 4) & c.eaMask;
            execute(c, insn);
            c.pc = c.nip;
            c.instructions++;
        }
    }

    private static void runSliceTraced(final Cpu c, final PrintStream out, final CircularFifoQueue<Executed> ring) {
        while (c.instructions < c.sliceEnd) {
            final long pc = c.pc;
            final int insn = c.fetch(pc);
            if (out != null) {
                out.printf("%12d %016x: %08x  %s%n", c.instructions, pc, insn, Disassembler.disassemble(insn, pc));
            }
            if (ring != null) {
                final Executed record = ring.isAtFullCapacity() ? ring.remove() : new Executed();
                record.count = c.instructions;
                record.pc = pc;
                record.word = insn;
                ring.add(record);
            }
            c.nip = (pc + 4) & c.eaMask;
            execute(c, insn);
            c.pc = c.nip;
            c.instructions++;
        }
    }

    /** Executes one instruction word. Public for tests that step single instructions. */
    public static void execute(final Cpu c, final int insn) {
        final int op = Decoder.decode(insn);
        switch (op) {
            case OpId.ADDI -> FixedPoint.addi(c, insn);
            case OpId.ADDIS -> FixedPoint.addis(c, insn);
            case OpId.ADDIC -> FixedPoint.addic(c, insn, false);
            case OpId.ADDIC_ -> FixedPoint.addic(c, insn, true);
            case OpId.SUBFIC -> FixedPoint.subfic(c, insn);
            case OpId.MULLI -> FixedPoint.mulli(c, insn);
            case OpId.ADD -> FixedPoint.add(c, insn);
            case OpId.ADDC -> FixedPoint.addc(c, insn);
            case OpId.ADDE -> FixedPoint.adde(c, insn);
            case OpId.ADDME -> FixedPoint.addme(c, insn);
            case OpId.ADDZE -> FixedPoint.addze(c, insn);
            case OpId.SUBF -> FixedPoint.subf(c, insn);
            case OpId.SUBFC -> FixedPoint.subfc(c, insn);
            case OpId.SUBFE -> FixedPoint.subfe(c, insn);
            case OpId.SUBFME -> FixedPoint.subfme(c, insn);
            case OpId.SUBFZE -> FixedPoint.subfze(c, insn);
            case OpId.NEG -> FixedPoint.neg(c, insn);
            case OpId.MULLW -> FixedPoint.mullw(c, insn);
            case OpId.MULLD -> FixedPoint.mulld(c, insn);
            case OpId.MULHW -> FixedPoint.mulhw(c, insn, true);
            case OpId.MULHWU -> FixedPoint.mulhw(c, insn, false);
            case OpId.MULHD -> FixedPoint.mulhd(c, insn, true);
            case OpId.MULHDU -> FixedPoint.mulhd(c, insn, false);
            case OpId.DIVW -> FixedPoint.divw(c, insn);
            case OpId.DIVWU -> FixedPoint.divwu(c, insn);
            case OpId.DIVD -> FixedPoint.divd(c, insn);
            case OpId.DIVDU -> FixedPoint.divdu(c, insn);
            case OpId.DIVWE -> FixedPoint.divwe(c, insn);
            case OpId.DIVWEU -> FixedPoint.divweu(c, insn);
            case OpId.DIVDE -> FixedPoint.divde(c, insn);
            case OpId.DIVDEU -> FixedPoint.divdeu(c, insn);
            case OpId.MODSW -> FixedPoint.modsw(c, insn);
            case OpId.MODUW -> FixedPoint.moduw(c, insn);
            case OpId.MODSD -> FixedPoint.modsd(c, insn);
            case OpId.MODUD -> FixedPoint.modud(c, insn);
            case OpId.CMPI -> FixedPoint.cmpi(c, insn);
            case OpId.CMPLI -> FixedPoint.cmpli(c, insn);
            case OpId.CMP -> FixedPoint.cmp(c, insn);
            case OpId.CMPL -> FixedPoint.cmpl(c, insn);
            case OpId.TWI -> FixedPoint.tw(c, insn, (short) insn);
            case OpId.TDI -> FixedPoint.td(c, insn, (short) insn);
            case OpId.TW -> FixedPoint.tw(c, insn, c.gpr[(insn >>> 11) & 31]);
            case OpId.TD -> FixedPoint.td(c, insn, c.gpr[(insn >>> 11) & 31]);
            case OpId.ISEL -> FixedPoint.isel(c, insn);
            case OpId.ANDI_ -> FixedPoint.andi(c, insn, 0);
            case OpId.ANDIS_ -> FixedPoint.andi(c, insn, 16);
            case OpId.ORI -> FixedPoint.ori(c, insn, 0);
            case OpId.ORIS -> FixedPoint.ori(c, insn, 16);
            case OpId.XORI -> FixedPoint.xori(c, insn, 0);
            case OpId.XORIS -> FixedPoint.xori(c, insn, 16);
            case OpId.AND -> FixedPoint.and(c, insn);
            case OpId.ANDC -> FixedPoint.andc(c, insn);
            case OpId.OR -> FixedPoint.or(c, insn);
            case OpId.ORC -> FixedPoint.orc(c, insn);
            case OpId.XOR -> FixedPoint.xor(c, insn);
            case OpId.NAND -> FixedPoint.nand(c, insn);
            case OpId.NOR -> FixedPoint.nor(c, insn);
            case OpId.EQV -> FixedPoint.eqv(c, insn);
            case OpId.EXTSB -> FixedPoint.extsb(c, insn);
            case OpId.EXTSH -> FixedPoint.extsh(c, insn);
            case OpId.EXTSW -> FixedPoint.extsw(c, insn);
            case OpId.CNTLZW -> FixedPoint.cntlzw(c, insn);
            case OpId.CNTLZD -> FixedPoint.cntlzd(c, insn);
            case OpId.CNTTZW -> FixedPoint.cnttzw(c, insn);
            case OpId.CNTTZD -> FixedPoint.cnttzd(c, insn);
            case OpId.POPCNTB -> FixedPoint.popcntb(c, insn);
            case OpId.POPCNTW -> FixedPoint.popcntw(c, insn);
            case OpId.POPCNTD -> FixedPoint.popcntd(c, insn);
            case OpId.PRTYW -> FixedPoint.prtyw(c, insn);
            case OpId.PRTYD -> FixedPoint.prtyd(c, insn);
            case OpId.CMPB -> FixedPoint.cmpb(c, insn);
            case OpId.BPERMD -> FixedPoint.bpermd(c, insn);
            default -> executeRotateLoadStore(c, insn, op);
        }
    }

    private static void executeRotateLoadStore(final Cpu c, final int insn, final int op) {
        switch (op) {
            case OpId.RLWINM -> Rotate.rlwinm(c, insn);
            case OpId.RLWNM -> Rotate.rlwnm(c, insn);
            case OpId.RLWIMI -> Rotate.rlwimi(c, insn);
            case OpId.RLDICL -> Rotate.rldicl(c, insn);
            case OpId.RLDICR -> Rotate.rldicr(c, insn);
            case OpId.RLDIC -> Rotate.rldic(c, insn);
            case OpId.RLDIMI -> Rotate.rldimi(c, insn);
            case OpId.RLDCL -> Rotate.rldcl(c, insn);
            case OpId.RLDCR -> Rotate.rldcr(c, insn);
            case OpId.SLW -> Rotate.slw(c, insn);
            case OpId.SRW -> Rotate.srw(c, insn);
            case OpId.SRAW -> Rotate.sraw(c, insn);
            case OpId.SRAWI -> Rotate.srawi(c, insn);
            case OpId.SLD -> Rotate.sld(c, insn);
            case OpId.SRD -> Rotate.srd(c, insn);
            case OpId.SRAD -> Rotate.srad(c, insn);
            case OpId.SRADI -> Rotate.sradi(c, insn);
            case OpId.LBZ -> LoadStore.loadD(c, insn, 1, false, false);
            case OpId.LBZU -> LoadStore.loadD(c, insn, 1, false, true);
            case OpId.LHZ -> LoadStore.loadD(c, insn, 2, false, false);
            case OpId.LHZU -> LoadStore.loadD(c, insn, 2, false, true);
            case OpId.LHA -> LoadStore.loadD(c, insn, 2, true, false);
            case OpId.LHAU -> LoadStore.loadD(c, insn, 2, true, true);
            case OpId.LWZ -> LoadStore.loadD(c, insn, 4, false, false);
            case OpId.LWZU -> LoadStore.loadD(c, insn, 4, false, true);
            case OpId.LWA -> LoadStore.loadDs(c, insn, 4, true, false);
            case OpId.LD -> LoadStore.loadDs(c, insn, 8, false, false);
            case OpId.LDU -> LoadStore.loadDs(c, insn, 8, false, true);
            case OpId.LQ -> LoadStore.lq(c, insn);
            case OpId.STB -> LoadStore.storeD(c, insn, 1, false);
            case OpId.STBU -> LoadStore.storeD(c, insn, 1, true);
            case OpId.STH -> LoadStore.storeD(c, insn, 2, false);
            case OpId.STHU -> LoadStore.storeD(c, insn, 2, true);
            case OpId.STW -> LoadStore.storeD(c, insn, 4, false);
            case OpId.STWU -> LoadStore.storeD(c, insn, 4, true);
            case OpId.STD -> LoadStore.storeDs(c, insn, 8, false);
            case OpId.STDU -> LoadStore.storeDs(c, insn, 8, true);
            case OpId.STQ -> LoadStore.stq(c, insn);
            case OpId.LMW -> LoadStore.lmw(c, insn);
            case OpId.STMW -> LoadStore.stmw(c, insn);
            case OpId.LBZX -> LoadStore.loadX(c, insn, 1, false, false);
            case OpId.LBZUX -> LoadStore.loadX(c, insn, 1, false, true);
            case OpId.LHZX -> LoadStore.loadX(c, insn, 2, false, false);
            case OpId.LHZUX -> LoadStore.loadX(c, insn, 2, false, true);
            case OpId.LHAX -> LoadStore.loadX(c, insn, 2, true, false);
            case OpId.LHAUX -> LoadStore.loadX(c, insn, 2, true, true);
            case OpId.LWZX -> LoadStore.loadX(c, insn, 4, false, false);
            case OpId.LWZUX -> LoadStore.loadX(c, insn, 4, false, true);
            case OpId.LWAX -> LoadStore.loadX(c, insn, 4, true, false);
            case OpId.LWAUX -> LoadStore.loadX(c, insn, 4, true, true);
            case OpId.LDX -> LoadStore.loadX(c, insn, 8, false, false);
            case OpId.LDUX -> LoadStore.loadX(c, insn, 8, false, true);
            case OpId.STBX -> LoadStore.storeX(c, insn, 1, false);
            case OpId.STBUX -> LoadStore.storeX(c, insn, 1, true);
            case OpId.STHX -> LoadStore.storeX(c, insn, 2, false);
            case OpId.STHUX -> LoadStore.storeX(c, insn, 2, true);
            case OpId.STWX -> LoadStore.storeX(c, insn, 4, false);
            case OpId.STWUX -> LoadStore.storeX(c, insn, 4, true);
            case OpId.STDX -> LoadStore.storeX(c, insn, 8, false);
            case OpId.STDUX -> LoadStore.storeX(c, insn, 8, true);
            case OpId.LHBRX -> LoadStore.loadReversed(c, insn, 2);
            case OpId.LWBRX -> LoadStore.loadReversed(c, insn, 4);
            case OpId.LDBRX -> LoadStore.loadReversed(c, insn, 8);
            case OpId.STHBRX -> LoadStore.storeReversed(c, insn, 2);
            case OpId.STWBRX -> LoadStore.storeReversed(c, insn, 4);
            case OpId.STDBRX -> LoadStore.storeReversed(c, insn, 8);
            case OpId.LSWI -> LoadStore.lswi(c, insn);
            case OpId.LSWX -> LoadStore.lswx(c, insn);
            case OpId.STSWI -> LoadStore.stswi(c, insn);
            case OpId.STSWX -> LoadStore.stswx(c, insn);
            case OpId.LBARX -> LoadStore.larx(c, insn, 1);
            case OpId.LHARX -> LoadStore.larx(c, insn, 2);
            case OpId.LWARX -> LoadStore.larx(c, insn, 4);
            case OpId.LDARX -> LoadStore.larx(c, insn, 8);
            case OpId.LQARX -> LoadStore.lqarx(c, insn);
            case OpId.STBCX_ -> LoadStore.stcx(c, insn, 1);
            case OpId.STHCX_ -> LoadStore.stcx(c, insn, 2);
            case OpId.STWCX_ -> LoadStore.stcx(c, insn, 4);
            case OpId.STDCX_ -> LoadStore.stcx(c, insn, 8);
            case OpId.STQCX_ -> LoadStore.stqcx(c, insn);
            case OpId.DCBZ -> LoadStore.dcbz(c, insn);
            case OpId.DCBST, OpId.DCBF, OpId.ICBI -> LoadStore.cacheBlockTouch(c, insn);
            default -> executeBranchSystem(c, insn, op);
        }
    }

    private static void executeBranchSystem(final Cpu c, final int insn, final int op) {
        switch (op) {
            case OpId.B -> Branch.b(c, insn);
            case OpId.BC -> Branch.bc(c, insn);
            case OpId.BCLR -> Branch.bclr(c, insn);
            case OpId.BCCTR -> Branch.bcctr(c, insn, false);
            case OpId.BCTAR -> Branch.bcctr(c, insn, true);
            case OpId.CRAND, OpId.CROR, OpId.CRXOR, OpId.CRNAND, OpId.CRNOR, OpId.CREQV, OpId.CRANDC,
                OpId.CRORC -> Branch.crLogical(c, insn, (insn >>> 1) & 0x3FF);
            case OpId.MCRF -> Branch.mcrf(c, insn);
            case OpId.MFCR -> Branch.mfcr(c, insn);
            case OpId.MTCRF -> Branch.mtcrf(c, insn);
            case OpId.MFSPR -> SystemRegisters.mfspr(c, insn);
            case OpId.MTSPR -> SystemRegisters.mtspr(c, insn);
            case OpId.MFTB -> SystemRegisters.mftb(c, insn);
            // Storage is coherent and there is one processor: ordering and hints have nothing to do.
            case OpId.DCBT, OpId.DCBTST, OpId.ICBT, OpId.SYNC, OpId.EIEIO, OpId.ISYNC -> {
            }
            case OpId.WAIT -> SystemOps.waitForInterrupt(c);
            case OpId.SC -> SystemOps.sc(c, insn);
            case OpId.RFID -> SystemOps.rfid(c, insn);
            case OpId.HRFID -> SystemOps.hrfid(c, insn);
            case OpId.MFMSR -> SystemOps.mfmsr(c, insn);
            case OpId.MTMSR -> SystemOps.mtmsr(c, insn, false);
            case OpId.MTMSRD -> SystemOps.mtmsr(c, insn, true);
            case OpId.ATTN -> SystemOps.attn(c, insn);
            case OpId.SLBMTE -> MmuOps.slbmte(c, insn);
            case OpId.SLBMFEE -> MmuOps.slbmfee(c, insn);
            case OpId.SLBMFEV -> MmuOps.slbmfev(c, insn);
            case OpId.SLBIE -> MmuOps.slbie(c, insn);
            case OpId.SLBIA -> MmuOps.slbia(c, insn);
            case OpId.SLBFEE_ -> MmuOps.slbfee(c, insn);
            case OpId.TLBIE -> MmuOps.tlbie(c, insn, false);
            case OpId.TLBIEL -> MmuOps.tlbie(c, insn, true);
            case OpId.TLBSYNC -> MmuOps.tlbsync(c, insn);
            default -> executeFloatingPoint(c, insn, op);
        }
    }

    /** Book I chapter 4: floating-point loads, stores, arithmetic and FPSCR instructions. */
    private static void executeFloatingPoint(final Cpu c, final int insn, final int op) {
        switch (op) {
            default -> executeVector(c, insn, op);
        }
    }

    /** Book I chapter 6: VMX (Altivec). */
    private static void executeVector(final Cpu c, final int insn, final int op) {
        switch (op) {
            default -> executeVectorScalar(c, insn, op);
        }
    }

    /** Book I chapter 7: VSX. */
    private static void executeVectorScalar(final Cpu c, final int insn, final int op) {
        switch (op) {
            case OpId.LXSDX -> VsxLoadStore.lxsdx(c, insn);
            case OpId.LXSIWAX -> VsxLoadStore.lxsiwax(c, insn);
            case OpId.LXSIWZX -> VsxLoadStore.lxsiwzx(c, insn);
            case OpId.LXSSPX -> VsxLoadStore.lxsspx(c, insn);
            case OpId.LXVD2X -> VsxLoadStore.lxvd2x(c, insn);
            case OpId.LXVDSX -> VsxLoadStore.lxvdsx(c, insn);
            case OpId.LXVW4X -> VsxLoadStore.lxvw4x(c, insn);
            case OpId.STXSDX -> VsxLoadStore.stxsdx(c, insn);
            case OpId.STXSIWX -> VsxLoadStore.stxsiwx(c, insn);
            case OpId.STXSSPX -> VsxLoadStore.stxsspx(c, insn);
            case OpId.STXVD2X -> VsxLoadStore.stxvd2x(c, insn);
            case OpId.STXVW4X -> VsxLoadStore.stxvw4x(c, insn);
            case OpId.LXVL -> VsxLoadStore.lxvl(c, insn);
            case OpId.STXVL -> VsxLoadStore.stxvl(c, insn);
            case OpId.LXV -> VsxLoadStore.lxv(c, insn);
            case OpId.STXV -> VsxLoadStore.stxv(c, insn);
            case OpId.MFVSRD -> VsxLoadStore.mfvsrd(c, insn);
            case OpId.MFVSRWZ -> VsxLoadStore.mfvsrwz(c, insn);
            case OpId.MTVSRD -> VsxLoadStore.mtvsrd(c, insn);
            case OpId.MTVSRWA -> VsxLoadStore.mtvsrwa(c, insn);
            case OpId.MTVSRWZ -> VsxLoadStore.mtvsrwz(c, insn);
            case OpId.MFVSRLD -> VsxLoadStore.mfvsrld(c, insn);
            case OpId.MTVSRDD -> VsxLoadStore.mtvsrdd(c, insn);
            case OpId.MTVSRWS -> VsxLoadStore.mtvsrws(c, insn);
            case OpId.XXLAND -> VsxPermute.xxland(c, insn);
            case OpId.XXLANDC -> VsxPermute.xxlandc(c, insn);
            case OpId.XXLOR -> VsxPermute.xxlor(c, insn);
            case OpId.XXLXOR -> VsxPermute.xxlxor(c, insn);
            case OpId.XXLNOR -> VsxPermute.xxlnor(c, insn);
            case OpId.XXLORC -> VsxPermute.xxlorc(c, insn);
            case OpId.XXLNAND -> VsxPermute.xxlnand(c, insn);
            case OpId.XXLEQV -> VsxPermute.xxleqv(c, insn);
            case OpId.XXSEL -> VsxPermute.xxsel(c, insn);
            case OpId.XXPERMDI -> VsxPermute.xxpermdi(c, insn);
            case OpId.XXSLDWI -> VsxPermute.xxsldwi(c, insn);
            case OpId.XXMRGHW -> VsxPermute.xxmrghw(c, insn);
            case OpId.XXMRGLW -> VsxPermute.xxmrglw(c, insn);
            case OpId.XXSPLTW -> VsxPermute.xxspltw(c, insn);
            case OpId.XXSPLTIB -> VsxPermute.xxspltib(c, insn);
            default -> throw c.illegal(insn);
        }
    }
}
