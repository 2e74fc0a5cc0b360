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
import dev.jppc.core.exec.FloatingPoint;
import dev.jppc.core.exec.FpLoadStore;
import dev.jppc.core.exec.FpMath;
import dev.jppc.core.exec.Fpscr;
import dev.jppc.core.exec.LoadStore;
import dev.jppc.core.exec.MmuOps;
import dev.jppc.core.exec.Rotate;
import dev.jppc.core.exec.SystemOps;
import dev.jppc.core.exec.SystemRegisters;
import dev.jppc.core.exec.VectorCrypto;
import dev.jppc.core.exec.VectorDecimal;
import dev.jppc.core.exec.VectorFloat;
import dev.jppc.core.exec.VectorInteger;
import dev.jppc.core.exec.VectorLoadStore;
import dev.jppc.core.exec.VectorPermute;
import dev.jppc.core.exec.VsxArithmetic;
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
            case OpId.DCBT, OpId.DCBTST, OpId.ICBT, OpId.SYNC, OpId.EIEIO, OpId.ISYNC, OpId.DSS, OpId.DST,
                OpId.DSTST -> {
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
            case OpId.LFS -> FpLoadStore.loadSingle(c, insn, false, false);
            case OpId.LFSU -> FpLoadStore.loadSingle(c, insn, false, true);
            case OpId.LFSX -> FpLoadStore.loadSingle(c, insn, true, false);
            case OpId.LFSUX -> FpLoadStore.loadSingle(c, insn, true, true);
            case OpId.LFD -> FpLoadStore.loadDouble(c, insn, false, false);
            case OpId.LFDU -> FpLoadStore.loadDouble(c, insn, false, true);
            case OpId.LFDX -> FpLoadStore.loadDouble(c, insn, true, false);
            case OpId.LFDUX -> FpLoadStore.loadDouble(c, insn, true, true);
            case OpId.STFS -> FpLoadStore.storeSingle(c, insn, false, false);
            case OpId.STFSU -> FpLoadStore.storeSingle(c, insn, false, true);
            case OpId.STFSX -> FpLoadStore.storeSingle(c, insn, true, false);
            case OpId.STFSUX -> FpLoadStore.storeSingle(c, insn, true, true);
            case OpId.STFD -> FpLoadStore.storeDouble(c, insn, false, false);
            case OpId.STFDU -> FpLoadStore.storeDouble(c, insn, false, true);
            case OpId.STFDX -> FpLoadStore.storeDouble(c, insn, true, false);
            case OpId.STFDUX -> FpLoadStore.storeDouble(c, insn, true, true);
            case OpId.LFIWAX -> FpLoadStore.loadIntegerWord(c, insn, true);
            case OpId.LFIWZX -> FpLoadStore.loadIntegerWord(c, insn, false);
            case OpId.STFIWX -> FpLoadStore.stfiwx(c, insn);
            case OpId.LFDP -> FpLoadStore.loadPair(c, insn, false);
            case OpId.LFDPX -> FpLoadStore.loadPair(c, insn, true);
            case OpId.STFDP -> FpLoadStore.storePair(c, insn, false);
            case OpId.STFDPX -> FpLoadStore.storePair(c, insn, true);
            case OpId.FADD, OpId.FADDS -> FloatingPoint.fadd(c, insn);
            case OpId.FSUB, OpId.FSUBS -> FloatingPoint.fsub(c, insn);
            case OpId.FMUL, OpId.FMULS -> FloatingPoint.fmul(c, insn);
            case OpId.FDIV, OpId.FDIVS -> FloatingPoint.fdiv(c, insn);
            case OpId.FSQRT, OpId.FSQRTS -> FloatingPoint.fsqrt(c, insn);
            case OpId.FMADD, OpId.FMADDS -> FloatingPoint.multiplyAdd(c, insn, false, false);
            case OpId.FMSUB, OpId.FMSUBS -> FloatingPoint.multiplyAdd(c, insn, true, false);
            case OpId.FNMADD, OpId.FNMADDS -> FloatingPoint.multiplyAdd(c, insn, false, true);
            case OpId.FNMSUB, OpId.FNMSUBS -> FloatingPoint.multiplyAdd(c, insn, true, true);
            case OpId.FRE, OpId.FRES -> FloatingPoint.fre(c, insn);
            case OpId.FRSQRTE, OpId.FRSQRTES -> FloatingPoint.frsqrte(c, insn);
            case OpId.FSEL -> FloatingPoint.fsel(c, insn);
            case OpId.FRSP -> FloatingPoint.frsp(c, insn);
            case OpId.FCFID, OpId.FCFIDS -> FloatingPoint.fcfid(c, insn, false);
            case OpId.FCFIDU, OpId.FCFIDUS -> FloatingPoint.fcfid(c, insn, true);
            case OpId.FCTID -> FloatingPoint.fcti(c, insn, false, false, false);
            case OpId.FCTIDZ -> FloatingPoint.fcti(c, insn, true, false, false);
            case OpId.FCTIDU -> FloatingPoint.fcti(c, insn, false, true, false);
            case OpId.FCTIDUZ -> FloatingPoint.fcti(c, insn, true, true, false);
            case OpId.FCTIW -> FloatingPoint.fcti(c, insn, false, false, true);
            case OpId.FCTIWZ -> FloatingPoint.fcti(c, insn, true, false, true);
            case OpId.FCTIWU -> FloatingPoint.fcti(c, insn, false, true, true);
            case OpId.FCTIWUZ -> FloatingPoint.fcti(c, insn, true, true, true);
            case OpId.FRIN -> FloatingPoint.fri(c, insn, FpMath.ROUND_NEAREST_AWAY);
            case OpId.FRIZ -> FloatingPoint.fri(c, insn, Fpscr.ROUND_ZERO);
            case OpId.FRIP -> FloatingPoint.fri(c, insn, Fpscr.ROUND_UP);
            case OpId.FRIM -> FloatingPoint.fri(c, insn, Fpscr.ROUND_DOWN);
            case OpId.FCMPU -> FloatingPoint.fcmp(c, insn, false);
            case OpId.FCMPO -> FloatingPoint.fcmp(c, insn, true);
            case OpId.FTDIV -> FloatingPoint.ftdiv(c, insn);
            case OpId.FTSQRT -> FloatingPoint.ftsqrt(c, insn);
            case OpId.FMR -> FloatingPoint.fmr(c, insn);
            case OpId.FNEG -> FloatingPoint.fneg(c, insn);
            case OpId.FABS -> FloatingPoint.fabs(c, insn);
            case OpId.FNABS -> FloatingPoint.fnabs(c, insn);
            case OpId.FCPSGN -> FloatingPoint.fcpsgn(c, insn);
            case OpId.FMRGEW -> FloatingPoint.fmrgew(c, insn);
            case OpId.FMRGOW -> FloatingPoint.fmrgow(c, insn);
            case OpId.MFFS -> FloatingPoint.mffs(c, insn);
            case OpId.MTFSF -> FloatingPoint.mtfsf(c, insn);
            case OpId.MTFSFI -> FloatingPoint.mtfsfi(c, insn);
            case OpId.MTFSB0 -> FloatingPoint.mtfsb(c, insn, false);
            case OpId.MTFSB1 -> FloatingPoint.mtfsb(c, insn, true);
            case OpId.MCRFS -> FloatingPoint.mcrfs(c, insn);
            default -> executeVsxFloatingPoint(c, insn, op);
        }
    }

    /** Book I chapter 7: the VSX floating-point arithmetic that runs on the chapter 4 engine. */
    private static void executeVsxFloatingPoint(final Cpu c, final int insn, final int op) {
        switch (op) {
            case OpId.XSADDDP -> VsxArithmetic.arith(c, insn, VsxArithmetic.ADD, false);
            case OpId.XSSUBDP -> VsxArithmetic.arith(c, insn, VsxArithmetic.SUB, false);
            case OpId.XSMULDP -> VsxArithmetic.arith(c, insn, VsxArithmetic.MUL, false);
            case OpId.XSDIVDP -> VsxArithmetic.arith(c, insn, VsxArithmetic.DIV, false);
            case OpId.XSADDSP -> VsxArithmetic.arith(c, insn, VsxArithmetic.ADD, true);
            case OpId.XSSUBSP -> VsxArithmetic.arith(c, insn, VsxArithmetic.SUB, true);
            case OpId.XSMULSP -> VsxArithmetic.arith(c, insn, VsxArithmetic.MUL, true);
            case OpId.XSDIVSP -> VsxArithmetic.arith(c, insn, VsxArithmetic.DIV, true);
            case OpId.XSSQRTDP -> VsxArithmetic.xssqrtdp(c, insn);
            case OpId.XSMADDADP -> VsxArithmetic.multiplyAdd(c, insn, true, false, false);
            case OpId.XSMADDMDP -> VsxArithmetic.multiplyAdd(c, insn, false, false, false);
            case OpId.XSMSUBADP -> VsxArithmetic.multiplyAdd(c, insn, true, true, false);
            case OpId.XSMSUBMDP -> VsxArithmetic.multiplyAdd(c, insn, false, true, false);
            case OpId.XSNMADDADP -> VsxArithmetic.multiplyAdd(c, insn, true, false, true);
            case OpId.XSNMADDMDP -> VsxArithmetic.multiplyAdd(c, insn, false, false, true);
            case OpId.XSNMSUBADP -> VsxArithmetic.multiplyAdd(c, insn, true, true, true);
            case OpId.XSNMSUBMDP -> VsxArithmetic.multiplyAdd(c, insn, false, true, true);
            case OpId.XSABSDP -> VsxArithmetic.sign(c, insn, 0);
            case OpId.XSNABSDP -> VsxArithmetic.sign(c, insn, 1);
            case OpId.XSNEGDP -> VsxArithmetic.sign(c, insn, 2);
            case OpId.XSCPSGNDP -> VsxArithmetic.xscpsgndp(c, insn);
            case OpId.XSCMPUDP -> VsxArithmetic.compare(c, insn, false);
            case OpId.XSCMPODP -> VsxArithmetic.compare(c, insn, true);
            case OpId.XSMAXDP -> VsxArithmetic.maxMin(c, insn, true);
            case OpId.XSMINDP -> VsxArithmetic.maxMin(c, insn, false);
            case OpId.XSRDPI -> VsxArithmetic.roundToIntegral(c, insn, FpMath.ROUND_NEAREST_AWAY, false);
            case OpId.XSRDPIZ -> VsxArithmetic.roundToIntegral(c, insn, Fpscr.ROUND_ZERO, false);
            case OpId.XSRDPIP -> VsxArithmetic.roundToIntegral(c, insn, Fpscr.ROUND_UP, false);
            case OpId.XSRDPIM -> VsxArithmetic.roundToIntegral(c, insn, Fpscr.ROUND_DOWN, false);
            case OpId.XSRDPIC -> VsxArithmetic.roundToIntegral(c, insn, 0, true);
            case OpId.XSRSP -> VsxArithmetic.xsrsp(c, insn);
            case OpId.XSCVDPSXDS -> VsxArithmetic.toInteger(c, insn, false, false);
            case OpId.XSCVDPSXWS -> VsxArithmetic.toInteger(c, insn, false, true);
            case OpId.XSCVDPUXDS -> VsxArithmetic.toInteger(c, insn, true, false);
            case OpId.XSCVDPUXWS -> VsxArithmetic.toInteger(c, insn, true, true);
            case OpId.XSCVSXDDP -> VsxArithmetic.fromInteger(c, insn, false, false);
            case OpId.XSCVUXDDP -> VsxArithmetic.fromInteger(c, insn, true, false);
            case OpId.XSCVSXDSP -> VsxArithmetic.fromInteger(c, insn, false, true);
            case OpId.XSCVUXDSP -> VsxArithmetic.fromInteger(c, insn, true, true);
            case OpId.XSCVDPSP -> VsxArithmetic.xscvdpsp(c, insn);
            case OpId.XSCVSPDP -> VsxArithmetic.xscvspdp(c, insn);
            case OpId.XSCVDPSPN -> VsxArithmetic.xscvdpspn(c, insn);
            case OpId.XSCVSPDPN -> VsxArithmetic.xscvspdpn(c, insn);
            case OpId.XVADDDP -> VsxArithmetic.vectorArith(c, insn, VsxArithmetic.ADD);
            case OpId.XVSUBDP -> VsxArithmetic.vectorArith(c, insn, VsxArithmetic.SUB);
            case OpId.XVMULDP -> VsxArithmetic.vectorArith(c, insn, VsxArithmetic.MUL);
            case OpId.XVDIVDP -> VsxArithmetic.vectorArith(c, insn, VsxArithmetic.DIV);
            case OpId.XVMADDADP -> VsxArithmetic.xvmaddadp(c, insn);
            case OpId.XVADDSP -> VsxArithmetic.vectorArithSingle(c, insn, VsxArithmetic.ADD);
            case OpId.XVMULSP -> VsxArithmetic.vectorArithSingle(c, insn, VsxArithmetic.MUL);
            case OpId.XVABSDP -> VsxArithmetic.vectorSign(c, insn, 0);
            case OpId.XVCPSGNDP -> VsxArithmetic.vectorSign(c, insn, 1);
            case OpId.XVNEGDP -> VsxArithmetic.vectorSign(c, insn, 2);
            case OpId.XVCVSXDDP -> VsxArithmetic.xvcvsxddp(c, insn);
            case OpId.XVCVDPSXDS -> VsxArithmetic.xvcvdpsxds(c, insn);
            case OpId.XVCVSPDP -> VsxArithmetic.xvcvspdp(c, insn);
            case OpId.XVCVDPSP -> VsxArithmetic.xvcvdpsp(c, insn);
            default -> executeVector(c, insn, op);
        }
    }

    /**
     * Book I chapter 6: VMX (Altivec). The VMX rows are one block of {@link dev.jppc.core.decode.Op}, from lvebx to
     * mtvscr, so one range check tells them from the rest; every one of them needs MSR[VEC] (Book III-S 6.5.16).
     */
    private static void executeVector(final Cpu c, final int insn, final int op) {
        if (op < OpId.LVEBX || op > OpId.MTVSCR) {
            executeVectorScalar(c, insn, op);
            return;
        }
        if ((c.msr & Cpu.MSR_VEC) == 0) {
            throw c.vectorUnavailable();
        }
        if (op >= OpId.VCIPHER) {
            executeVectorCrypto(c, insn, op);
            return;
        }
        switch (op) {
            case OpId.LVEBX -> VectorLoadStore.loadElement(c, insn, 1);
            case OpId.LVEHX -> VectorLoadStore.loadElement(c, insn, 2);
            case OpId.LVEWX -> VectorLoadStore.loadElement(c, insn, 4);
            case OpId.LVX -> VectorLoadStore.loadQuadword(c, insn);
            case OpId.LVXL -> VectorLoadStore.loadQuadword(c, insn);
            case OpId.STVEBX -> VectorLoadStore.storeElement(c, insn, 1);
            case OpId.STVEHX -> VectorLoadStore.storeElement(c, insn, 2);
            case OpId.STVEWX -> VectorLoadStore.storeElement(c, insn, 4);
            case OpId.STVX -> VectorLoadStore.storeQuadword(c, insn);
            case OpId.STVXL -> VectorLoadStore.storeQuadword(c, insn);
            case OpId.LVSL -> VectorLoadStore.loadForShift(c, insn, false);
            case OpId.LVSR -> VectorLoadStore.loadForShift(c, insn, true);
            case OpId.VPKUHUM -> VectorPermute.pack(c, insn, 16, VectorPermute.PACK_MODULO);
            case OpId.VPKUWUM -> VectorPermute.pack(c, insn, 32, VectorPermute.PACK_MODULO);
            case OpId.VPKUDUM -> VectorPermute.pack(c, insn, 64, VectorPermute.PACK_MODULO);
            case OpId.VPKUHUS -> VectorPermute.pack(c, insn, 16, VectorPermute.PACK_UNSIGNED);
            case OpId.VPKUWUS -> VectorPermute.pack(c, insn, 32, VectorPermute.PACK_UNSIGNED);
            case OpId.VPKUDUS -> VectorPermute.pack(c, insn, 64, VectorPermute.PACK_UNSIGNED);
            case OpId.VPKSHUS -> VectorPermute.pack(c, insn, 16, VectorPermute.PACK_SIGNED_TO_UNSIGNED);
            case OpId.VPKSWUS -> VectorPermute.pack(c, insn, 32, VectorPermute.PACK_SIGNED_TO_UNSIGNED);
            case OpId.VPKSDUS -> VectorPermute.pack(c, insn, 64, VectorPermute.PACK_SIGNED_TO_UNSIGNED);
            case OpId.VPKSHSS -> VectorPermute.pack(c, insn, 16, VectorPermute.PACK_SIGNED);
            case OpId.VPKSWSS -> VectorPermute.pack(c, insn, 32, VectorPermute.PACK_SIGNED);
            case OpId.VPKSDSS -> VectorPermute.pack(c, insn, 64, VectorPermute.PACK_SIGNED);
            case OpId.VPKPX -> VectorPermute.packPixel(c, insn);
            case OpId.VUPKHSB -> VectorPermute.unpack(c, insn, 8, true);
            case OpId.VUPKHSH -> VectorPermute.unpack(c, insn, 16, true);
            case OpId.VUPKHSW -> VectorPermute.unpack(c, insn, 32, true);
            case OpId.VUPKLSB -> VectorPermute.unpack(c, insn, 8, false);
            case OpId.VUPKLSH -> VectorPermute.unpack(c, insn, 16, false);
            case OpId.VUPKLSW -> VectorPermute.unpack(c, insn, 32, false);
            case OpId.VUPKHPX -> VectorPermute.unpackPixel(c, insn, true);
            case OpId.VUPKLPX -> VectorPermute.unpackPixel(c, insn, false);
            case OpId.VMRGHB -> VectorPermute.merge(c, insn, 8, true);
            case OpId.VMRGHH -> VectorPermute.merge(c, insn, 16, true);
            case OpId.VMRGHW -> VectorPermute.merge(c, insn, 32, true);
            case OpId.VMRGLB -> VectorPermute.merge(c, insn, 8, false);
            case OpId.VMRGLH -> VectorPermute.merge(c, insn, 16, false);
            case OpId.VMRGLW -> VectorPermute.merge(c, insn, 32, false);
            case OpId.VMRGEW -> VectorPermute.mergeWords(c, insn, false);
            case OpId.VMRGOW -> VectorPermute.mergeWords(c, insn, true);
            case OpId.VSPLTB -> VectorPermute.splat(c, insn, 8);
            case OpId.VSPLTH -> VectorPermute.splat(c, insn, 16);
            case OpId.VSPLTW -> VectorPermute.splat(c, insn, 32);
            case OpId.VSPLTISB -> VectorPermute.splatImmediate(c, insn, 8);
            case OpId.VSPLTISH -> VectorPermute.splatImmediate(c, insn, 16);
            case OpId.VSPLTISW -> VectorPermute.splatImmediate(c, insn, 32);
            case OpId.VPERM -> VectorPermute.permute(c, insn);
            case OpId.VPERMXOR -> VectorPermute.permuteXor(c, insn);
            case OpId.VSEL -> VectorPermute.select(c, insn);
            case OpId.VSLDOI -> VectorPermute.shiftLeftDoubleByOctet(c, insn);
            case OpId.VSL -> VectorPermute.shiftBits(c, insn, true);
            case OpId.VSR -> VectorPermute.shiftBits(c, insn, false);
            case OpId.VSLO -> VectorPermute.shiftOctets(c, insn, true);
            case OpId.VSRO -> VectorPermute.shiftOctets(c, insn, false);
            case OpId.VGBBD -> VectorPermute.gatherBitsByBytes(c, insn);
            case OpId.VBPERMQ -> VectorPermute.bitPermuteQuadword(c, insn);
            case OpId.VADDUBM -> VectorInteger.elementwise(c, insn, VectorInteger.ADD, 8);
            case OpId.VADDUHM -> VectorInteger.elementwise(c, insn, VectorInteger.ADD, 16);
            case OpId.VADDUWM -> VectorInteger.elementwise(c, insn, VectorInteger.ADD, 32);
            case OpId.VADDUDM -> VectorInteger.elementwise(c, insn, VectorInteger.ADD, 64);
            case OpId.VADDUQM -> VectorInteger.quadword(c, insn, false, false, false);
            case OpId.VADDCUQ -> VectorInteger.quadword(c, insn, false, false, true);
            case OpId.VADDCUW -> VectorInteger.elementwise(c, insn, VectorInteger.ADD_CARRY, 32);
            case OpId.VADDUBS -> VectorInteger.elementwise(c, insn, VectorInteger.ADD_US, 8);
            case OpId.VADDUHS -> VectorInteger.elementwise(c, insn, VectorInteger.ADD_US, 16);
            case OpId.VADDUWS -> VectorInteger.elementwise(c, insn, VectorInteger.ADD_US, 32);
            case OpId.VADDSBS -> VectorInteger.elementwise(c, insn, VectorInteger.ADD_SS, 8);
            case OpId.VADDSHS -> VectorInteger.elementwise(c, insn, VectorInteger.ADD_SS, 16);
            case OpId.VADDSWS -> VectorInteger.elementwise(c, insn, VectorInteger.ADD_SS, 32);
            case OpId.VSUBUBM -> VectorInteger.elementwise(c, insn, VectorInteger.SUB, 8);
            case OpId.VSUBUHM -> VectorInteger.elementwise(c, insn, VectorInteger.SUB, 16);
            case OpId.VSUBUWM -> VectorInteger.elementwise(c, insn, VectorInteger.SUB, 32);
            case OpId.VSUBUDM -> VectorInteger.elementwise(c, insn, VectorInteger.SUB, 64);
            case OpId.VSUBUQM -> VectorInteger.quadword(c, insn, true, false, false);
            case OpId.VSUBCUQ -> VectorInteger.quadword(c, insn, true, false, true);
            case OpId.VSUBCUW -> VectorInteger.elementwise(c, insn, VectorInteger.SUB_CARRY, 32);
            case OpId.VSUBUBS -> VectorInteger.elementwise(c, insn, VectorInteger.SUB_US, 8);
            case OpId.VSUBUHS -> VectorInteger.elementwise(c, insn, VectorInteger.SUB_US, 16);
            case OpId.VSUBUWS -> VectorInteger.elementwise(c, insn, VectorInteger.SUB_US, 32);
            case OpId.VSUBSBS -> VectorInteger.elementwise(c, insn, VectorInteger.SUB_SS, 8);
            case OpId.VSUBSHS -> VectorInteger.elementwise(c, insn, VectorInteger.SUB_SS, 16);
            case OpId.VSUBSWS -> VectorInteger.elementwise(c, insn, VectorInteger.SUB_SS, 32);
            case OpId.VADDEUQM -> VectorInteger.quadword(c, insn, false, true, false);
            case OpId.VADDECUQ -> VectorInteger.quadword(c, insn, false, true, true);
            case OpId.VSUBEUQM -> VectorInteger.quadword(c, insn, true, true, false);
            case OpId.VSUBECUQ -> VectorInteger.quadword(c, insn, true, true, true);
            case OpId.VMULOUB -> VectorInteger.multiplyEvenOdd(c, insn, 8, false, true);
            case OpId.VMULOUH -> VectorInteger.multiplyEvenOdd(c, insn, 16, false, true);
            case OpId.VMULOUW -> VectorInteger.multiplyEvenOdd(c, insn, 32, false, true);
            case OpId.VMULOSB -> VectorInteger.multiplyEvenOdd(c, insn, 8, true, true);
            case OpId.VMULOSH -> VectorInteger.multiplyEvenOdd(c, insn, 16, true, true);
            case OpId.VMULOSW -> VectorInteger.multiplyEvenOdd(c, insn, 32, true, true);
            case OpId.VMULEUB -> VectorInteger.multiplyEvenOdd(c, insn, 8, false, false);
            case OpId.VMULEUH -> VectorInteger.multiplyEvenOdd(c, insn, 16, false, false);
            case OpId.VMULEUW -> VectorInteger.multiplyEvenOdd(c, insn, 32, false, false);
            case OpId.VMULESB -> VectorInteger.multiplyEvenOdd(c, insn, 8, true, false);
            case OpId.VMULESH -> VectorInteger.multiplyEvenOdd(c, insn, 16, true, false);
            case OpId.VMULESW -> VectorInteger.multiplyEvenOdd(c, insn, 32, true, false);
            case OpId.VMULUWM -> VectorInteger.elementwise(c, insn, VectorInteger.MULTIPLY, 32);
            case OpId.VMHADDSHS -> VectorInteger.multiplyAddHalfwords(c, insn, VectorInteger.MH_ADD);
            case OpId.VMHRADDSHS -> VectorInteger.multiplyAddHalfwords(c, insn, VectorInteger.MHR_ADD);
            case OpId.VMLADDUHM -> VectorInteger.multiplyAddHalfwords(c, insn, VectorInteger.ML_ADD);
            case OpId.VMSUMUBM -> VectorInteger.sumWords(c, insn, VectorInteger.MSUM_UBM);
            case OpId.VMSUMMBM -> VectorInteger.sumWords(c, insn, VectorInteger.MSUM_MBM);
            case OpId.VMSUMUHM -> VectorInteger.sumWords(c, insn, VectorInteger.MSUM_UHM);
            case OpId.VMSUMUHS -> VectorInteger.sumWords(c, insn, VectorInteger.MSUM_UHS);
            case OpId.VMSUMSHM -> VectorInteger.sumWords(c, insn, VectorInteger.MSUM_SHM);
            case OpId.VMSUMSHS -> VectorInteger.sumWords(c, insn, VectorInteger.MSUM_SHS);
            case OpId.VSUMSWS -> VectorInteger.sumAcross(c, insn);
            case OpId.VSUM2SWS -> VectorInteger.sumAcrossHalf(c, insn);
            case OpId.VSUM4UBS -> VectorInteger.sumWords(c, insn, VectorInteger.SUM4_UBS);
            case OpId.VSUM4SBS -> VectorInteger.sumWords(c, insn, VectorInteger.SUM4_SBS);
            case OpId.VSUM4SHS -> VectorInteger.sumWords(c, insn, VectorInteger.SUM4_SHS);
            case OpId.VAVGUB -> VectorInteger.elementwise(c, insn, VectorInteger.AVG_U, 8);
            case OpId.VAVGUH -> VectorInteger.elementwise(c, insn, VectorInteger.AVG_U, 16);
            case OpId.VAVGUW -> VectorInteger.elementwise(c, insn, VectorInteger.AVG_U, 32);
            case OpId.VAVGSB -> VectorInteger.elementwise(c, insn, VectorInteger.AVG_S, 8);
            case OpId.VAVGSH -> VectorInteger.elementwise(c, insn, VectorInteger.AVG_S, 16);
            case OpId.VAVGSW -> VectorInteger.elementwise(c, insn, VectorInteger.AVG_S, 32);
            case OpId.VMAXUB -> VectorInteger.elementwise(c, insn, VectorInteger.MAX_U, 8);
            case OpId.VMAXUH -> VectorInteger.elementwise(c, insn, VectorInteger.MAX_U, 16);
            case OpId.VMAXUW -> VectorInteger.elementwise(c, insn, VectorInteger.MAX_U, 32);
            case OpId.VMAXUD -> VectorInteger.elementwise(c, insn, VectorInteger.MAX_U, 64);
            case OpId.VMAXSB -> VectorInteger.elementwise(c, insn, VectorInteger.MAX_S, 8);
            case OpId.VMAXSH -> VectorInteger.elementwise(c, insn, VectorInteger.MAX_S, 16);
            case OpId.VMAXSW -> VectorInteger.elementwise(c, insn, VectorInteger.MAX_S, 32);
            case OpId.VMAXSD -> VectorInteger.elementwise(c, insn, VectorInteger.MAX_S, 64);
            case OpId.VMINUB -> VectorInteger.elementwise(c, insn, VectorInteger.MIN_U, 8);
            case OpId.VMINUH -> VectorInteger.elementwise(c, insn, VectorInteger.MIN_U, 16);
            case OpId.VMINUW -> VectorInteger.elementwise(c, insn, VectorInteger.MIN_U, 32);
            case OpId.VMINUD -> VectorInteger.elementwise(c, insn, VectorInteger.MIN_U, 64);
            case OpId.VMINSB -> VectorInteger.elementwise(c, insn, VectorInteger.MIN_S, 8);
            case OpId.VMINSH -> VectorInteger.elementwise(c, insn, VectorInteger.MIN_S, 16);
            case OpId.VMINSW -> VectorInteger.elementwise(c, insn, VectorInteger.MIN_S, 32);
            case OpId.VMINSD -> VectorInteger.elementwise(c, insn, VectorInteger.MIN_S, 64);
            case OpId.VCMPEQUB -> VectorInteger.compare(c, insn, VectorInteger.CMP_EQ, 8);
            case OpId.VCMPEQUH -> VectorInteger.compare(c, insn, VectorInteger.CMP_EQ, 16);
            case OpId.VCMPEQUW -> VectorInteger.compare(c, insn, VectorInteger.CMP_EQ, 32);
            case OpId.VCMPEQUD -> VectorInteger.compare(c, insn, VectorInteger.CMP_EQ, 64);
            case OpId.VCMPGTUB -> VectorInteger.compare(c, insn, VectorInteger.CMP_GTU, 8);
            case OpId.VCMPGTUH -> VectorInteger.compare(c, insn, VectorInteger.CMP_GTU, 16);
            case OpId.VCMPGTUW -> VectorInteger.compare(c, insn, VectorInteger.CMP_GTU, 32);
            case OpId.VCMPGTUD -> VectorInteger.compare(c, insn, VectorInteger.CMP_GTU, 64);
            case OpId.VCMPGTSB -> VectorInteger.compare(c, insn, VectorInteger.CMP_GTS, 8);
            case OpId.VCMPGTSH -> VectorInteger.compare(c, insn, VectorInteger.CMP_GTS, 16);
            case OpId.VCMPGTSW -> VectorInteger.compare(c, insn, VectorInteger.CMP_GTS, 32);
            case OpId.VCMPGTSD -> VectorInteger.compare(c, insn, VectorInteger.CMP_GTS, 64);
            case OpId.VCMPNEB -> VectorInteger.compare(c, insn, VectorInteger.CMP_NE, 8);
            case OpId.VAND -> VectorInteger.and(c, insn);
            case OpId.VANDC -> VectorInteger.andc(c, insn);
            case OpId.VOR -> VectorInteger.or(c, insn);
            case OpId.VXOR -> VectorInteger.xor(c, insn);
            case OpId.VNOR -> VectorInteger.nor(c, insn);
            case OpId.VORC -> VectorInteger.orc(c, insn);
            case OpId.VNAND -> VectorInteger.nand(c, insn);
            case OpId.VEQV -> VectorInteger.eqv(c, insn);
            case OpId.VRLB -> VectorInteger.elementwise(c, insn, VectorInteger.ROTATE, 8);
            case OpId.VRLH -> VectorInteger.elementwise(c, insn, VectorInteger.ROTATE, 16);
            case OpId.VRLW -> VectorInteger.elementwise(c, insn, VectorInteger.ROTATE, 32);
            case OpId.VRLD -> VectorInteger.elementwise(c, insn, VectorInteger.ROTATE, 64);
            case OpId.VSLB -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_LEFT, 8);
            case OpId.VSLH -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_LEFT, 16);
            case OpId.VSLW -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_LEFT, 32);
            case OpId.VSLD -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_LEFT, 64);
            case OpId.VSRB -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_RIGHT, 8);
            case OpId.VSRH -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_RIGHT, 16);
            case OpId.VSRW -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_RIGHT, 32);
            case OpId.VSRD -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_RIGHT, 64);
            case OpId.VSRAB -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_RIGHT_ALGEBRAIC, 8);
            case OpId.VSRAH -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_RIGHT_ALGEBRAIC, 16);
            case OpId.VSRAW -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_RIGHT_ALGEBRAIC, 32);
            case OpId.VSRAD -> VectorInteger.elementwise(c, insn, VectorInteger.SHIFT_RIGHT_ALGEBRAIC, 64);
            case OpId.VADDFP -> VectorFloat.elementwise(c, insn, VectorFloat.ADD);
            case OpId.VSUBFP -> VectorFloat.elementwise(c, insn, VectorFloat.SUB);
            case OpId.VMAXFP -> VectorFloat.elementwise(c, insn, VectorFloat.MAX);
            case OpId.VMINFP -> VectorFloat.elementwise(c, insn, VectorFloat.MIN);
            case OpId.VMADDFP -> VectorFloat.elementwise(c, insn, VectorFloat.MADD);
            case OpId.VNMSUBFP -> VectorFloat.elementwise(c, insn, VectorFloat.NMSUB);
            case OpId.VCFUX -> VectorFloat.convertFromInteger(c, insn, false);
            case OpId.VCFSX -> VectorFloat.convertFromInteger(c, insn, true);
            case OpId.VCTUXS -> VectorFloat.convertToInteger(c, insn, false);
            case OpId.VCTSXS -> VectorFloat.convertToInteger(c, insn, true);
            case OpId.VRFIN -> VectorFloat.unary(c, insn, VectorFloat.ROUND_NEAREST);
            case OpId.VRFIZ -> VectorFloat.unary(c, insn, VectorFloat.ROUND_ZERO);
            case OpId.VRFIP -> VectorFloat.unary(c, insn, VectorFloat.ROUND_PLUS);
            case OpId.VRFIM -> VectorFloat.unary(c, insn, VectorFloat.ROUND_MINUS);
            case OpId.VREFP -> VectorFloat.unary(c, insn, VectorFloat.RECIPROCAL);
            case OpId.VRSQRTEFP -> VectorFloat.unary(c, insn, VectorFloat.RECIPROCAL_SQRT);
            case OpId.VEXPTEFP -> VectorFloat.unary(c, insn, VectorFloat.EXP2);
            case OpId.VLOGEFP -> VectorFloat.unary(c, insn, VectorFloat.LOG2);
            case OpId.VCMPEQFP -> VectorFloat.elementwise(c, insn, VectorFloat.CMP_EQ);
            case OpId.VCMPGEFP -> VectorFloat.elementwise(c, insn, VectorFloat.CMP_GE);
            case OpId.VCMPGTFP -> VectorFloat.elementwise(c, insn, VectorFloat.CMP_GT);
            case OpId.VCMPBFP -> VectorFloat.elementwise(c, insn, VectorFloat.CMP_BOUNDS);
            default -> throw c.illegal(insn);
        }
    }

    /** The VMX rows from vcipher on: cryptography, bit counts, the v3.0 additions, decimal and the VSCR moves. */
    private static void executeVectorCrypto(final Cpu c, final int insn, final int op) {
        switch (op) {
            case OpId.VCIPHER -> VectorCrypto.cipher(c, insn, false);
            case OpId.VCIPHERLAST -> VectorCrypto.cipher(c, insn, true);
            case OpId.VNCIPHER -> VectorCrypto.inverseCipher(c, insn, false);
            case OpId.VNCIPHERLAST -> VectorCrypto.inverseCipher(c, insn, true);
            case OpId.VSBOX -> VectorCrypto.sbox(c, insn);
            case OpId.VSHASIGMAW -> VectorCrypto.sigmaWords(c, insn);
            case OpId.VSHASIGMAD -> VectorCrypto.sigmaDoublewords(c, insn);
            case OpId.VPMSUMB -> VectorCrypto.polynomialMultiplySum(c, insn, 8);
            case OpId.VPMSUMH -> VectorCrypto.polynomialMultiplySum(c, insn, 16);
            case OpId.VPMSUMW -> VectorCrypto.polynomialMultiplySum(c, insn, 32);
            case OpId.VPMSUMD -> VectorCrypto.polynomialMultiplySum(c, insn, 64);
            case OpId.VCLZB -> VectorInteger.unary(c, insn, VectorInteger.COUNT_LEADING_ZEROS, 8);
            case OpId.VCLZH -> VectorInteger.unary(c, insn, VectorInteger.COUNT_LEADING_ZEROS, 16);
            case OpId.VCLZW -> VectorInteger.unary(c, insn, VectorInteger.COUNT_LEADING_ZEROS, 32);
            case OpId.VCLZD -> VectorInteger.unary(c, insn, VectorInteger.COUNT_LEADING_ZEROS, 64);
            case OpId.VPOPCNTB -> VectorInteger.unary(c, insn, VectorInteger.POPULATION_COUNT, 8);
            case OpId.VPOPCNTH -> VectorInteger.unary(c, insn, VectorInteger.POPULATION_COUNT, 16);
            case OpId.VPOPCNTW -> VectorInteger.unary(c, insn, VectorInteger.POPULATION_COUNT, 32);
            case OpId.VPOPCNTD -> VectorInteger.unary(c, insn, VectorInteger.POPULATION_COUNT, 64);
            case OpId.VCTZLSBB -> VectorPermute.countLsbBytes(c, insn);
            case OpId.VEXTUBRX -> VectorPermute.extractByteRightIndexed(c, insn);
            case OpId.VEXTRACTBM -> VectorPermute.extractMask(c, insn);
            case OpId.BCDADD_ -> VectorDecimal.addSubtract(c, insn, false);
            case OpId.BCDSUB_ -> VectorDecimal.addSubtract(c, insn, true);
            case OpId.MFVSCR -> VectorLoadStore.moveFromVscr(c, insn);
            case OpId.MTVSCR -> VectorLoadStore.moveToVscr(c, insn);
            default -> throw c.illegal(insn);
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
