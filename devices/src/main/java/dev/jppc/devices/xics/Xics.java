package dev.jppc.devices.xics;

import java.io.IOException;

import dev.jppc.core.Cpu;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;

/**
 * The XICS interrupt controller of a PAPR partition with one processor (interrupt server 0), as QEMU's pseries
 * presents it (pseries-boot.md §7.3): one presentation controller (ICP), driven by the guest through the
 * hcall-interrupt hypercalls ({@link XicsHcalls}), and one source controller (ICS) of {@link #SOURCE_COUNT}
 * sources numbered from {@link #FIRST_SOURCE}, driven through the RTAS calls ibm,set-xive, ibm,get-xive,
 * ibm,int-off and ibm,int-on.
 *
 * <p>The ICP's XIRR is CPPR (bits 24-31) || XISR (bits 0-23). A source of priority p is presented when
 * p &lt; CPPR and p beats any interrupt already pending; the loser is rejected back to its source and resent when
 * the ICP is free again. While an interrupt is pending (XISR != 0) the processor's external interrupt line is
 * asserted. Priority 0 is the most favoured, {@link #LEAST_FAVOURED} (0xFF) means none or masked.
 *
 * <p>Devices raise sources from any thread (the console's input thread): every state change happens under this
 * object's lock, and the line goes to the CPU through its volatile {@link Cpu#externalInterrupt}.
 */
public final class Xics implements Snapshottable {

    /** XISR of the inter-processor interrupt, raised by H_IPI through the MFRR. */
    public static final int IPI = 2;
    /** The first source number of the ICS (QEMU's XICS_IRQ_BASE). */
    public static final int FIRST_SOURCE = 0x1000;
    /** Sources of the ICS (QEMU's SPAPR_NR_XIRQS). */
    public static final int SOURCE_COUNT = 0x1000;
    /** Priority 0xFF: no interrupt, or masked. */
    public static final int LEAST_FAVOURED = 0xFF;
    /** The only interrupt server (the processor's ibm,ppc-interrupt-server#s). */
    public static final int SERVER = 0;

    private static final int XISR_MASK = 0x00FF_FFFF;

    // Source status bits, as QEMU's ICS keeps them.
    /** A level-triggered source whose input is asserted. */
    private static final int ASSERTED = 1;
    /** A level-triggered source that was presented and not yet EOIed. */
    private static final int SENT = 2;
    /** A message source the ICP turned away; resent when the ICP is free. */
    private static final int REJECTED = 4;
    /** A message that arrived while the source was masked; sent when it is unmasked. */
    private static final int MASKED_PENDING = 8;

    private final Cpu cpu;

    // ---- ICP of server 0 ----
    private int xirr = LEAST_FAVOURED << 24;
    private int pendingPriority = LEAST_FAVOURED;
    private int mfrr = LEAST_FAVOURED;

    // ---- ICS ----
    private final int[] server = new int[SOURCE_COUNT];
    private final int[] priority = new int[SOURCE_COUNT];
    private final int[] savedPriority = new int[SOURCE_COUNT];
    private final int[] status = new int[SOURCE_COUNT];
    private final boolean[] levelTriggered = new boolean[SOURCE_COUNT];

    /** A controller whose sources are all message-signalled and masked, presenting to {@code cpu}. */
    public Xics(final Cpu cpu) {
        this.cpu = cpu;
        java.util.Arrays.fill(priority, LEAST_FAVOURED);
        java.util.Arrays.fill(savedPriority, LEAST_FAVOURED);
    }

    /** True for a number of one of the ICS's sources. */
    public static boolean isSource(final long number) {
        return number >= FIRST_SOURCE && number < FIRST_SOURCE + SOURCE_COUNT;
    }

    private static int index(final int number) {
        if (!isSource(number)) {
            throw new IllegalArgumentException("no XICS source " + Integer.toHexString(number));
        }
        return number - FIRST_SOURCE;
    }

    /** Makes source {@code number} level-triggered (LSI) instead of message-signalled (MSI). */
    public synchronized void setLevelTriggered(final int number, final boolean level) {
        levelTriggered[index(number)] = level;
    }

    // ---- device side -------------------------------------------------------------------------------------

    /**
     * Sets the input of a source. A message source sends one interrupt on each call with {@code asserted}
     * true (lowering it does nothing); a level source is presented while its input stays asserted.
     */
    public synchronized void setInput(final int number, final boolean asserted) {
        final int i = index(number);
        if (levelTriggered[i]) {
            status[i] = asserted ? status[i] | ASSERTED : status[i] & ~ASSERTED;
            resendLevel(i);
        } else if (asserted) {
            if (priority[i] == LEAST_FAVOURED) {
                status[i] |= MASKED_PENDING;
            } else {
                present(number, priority[i]);
            }
        }
    }

    /** Raises and lowers a source: one message (QEMU's qemu_irq_pulse). */
    public void pulse(final int number) {
        setInput(number, true);
        setInput(number, false);
    }

    // ---- ICP (hcall-interrupt) ---------------------------------------------------------------------------

    /** The ICP's XIRR (CPPR << 24 | XISR) without changing anything. */
    public synchronized int xirr() {
        return xirr;
    }

    public synchronized int mfrr() {
        return mfrr;
    }

    /** H_CPPR: sets the current processor priority; a more favoured one rejects a pending interrupt it masks. */
    public synchronized void setCppr(final int cppr) {
        final int oldCppr = xirr >>> 24;
        xirr = (cppr << 24) | (xirr & XISR_MASK);
        if (cppr < oldCppr) {
            final int pending = xirr & XISR_MASK;
            if (pending != 0 && cppr <= pendingPriority) {
                xirr &= ~XISR_MASK;
                pendingPriority = LEAST_FAVOURED;
                setLine(false);
                reject(pending);
            }
        } else if ((xirr & XISR_MASK) == 0) {
            resend();
        }
    }

    /** H_IPI: sets the MFRR; one more favoured than CPPR raises the IPI. */
    public synchronized void setMfrr(final int value) {
        mfrr = value;
        if (value < (xirr >>> 24)) {
            checkIpi();
        }
    }

    /**
     * H_XIRR: accepts the pending interrupt. Returns the XIRR as it was (old CPPR, pending source); CPPR becomes
     * the interrupt's priority, XISR 0, and the line drops.
     */
    public synchronized int accept() {
        final int result = xirr;
        setLine(false);
        xirr = pendingPriority << 24;
        pendingPriority = LEAST_FAVOURED;
        return result;
    }

    /**
     * H_EOI: ends the interrupt named by {@code value}'s XISR and restores CPPR from its top byte; a level source
     * still asserted is presented again, and anything turned away is resent when the ICP is free.
     */
    public synchronized void endOfInterrupt(final int value) {
        xirr = (value & ~XISR_MASK) | (xirr & XISR_MASK);
        final int source = value & XISR_MASK;
        if (isSource(source)) {
            final int i = source - FIRST_SOURCE;
            if (levelTriggered[i]) {
                status[i] &= ~SENT;
            }
        }
        if ((xirr & XISR_MASK) == 0) {
            resend();
        }
    }

    // ---- ICS (RTAS) --------------------------------------------------------------------------------------

    /** The server of a source (ibm,get-xive). */
    public synchronized int server(final int number) {
        return server[index(number)];
    }

    /** The priority of a source (ibm,get-xive); 0xFF while masked. */
    public synchronized int priority(final int number) {
        return priority[index(number)];
    }

    /** ibm,set-xive: routes a source to a server with a priority (0xFF masks it). */
    public synchronized void setXive(final int number, final int toServer, final int newPriority) {
        writeXive(index(number), toServer, newPriority, newPriority);
    }

    /** ibm,int-off: masks a source, keeping its priority for {@link #interruptOn}. */
    public synchronized void interruptOff(final int number) {
        final int i = index(number);
        writeXive(i, server[i], LEAST_FAVOURED, priority[i]);
    }

    /** ibm,int-on: unmasks a source with the priority it had before {@link #interruptOff}. */
    public synchronized void interruptOn(final int number) {
        final int i = index(number);
        writeXive(i, server[i], savedPriority[i], savedPriority[i]);
    }

    private void writeXive(final int i, final int toServer, final int newPriority, final int saved) {
        server[i] = toServer;
        priority[i] = newPriority;
        savedPriority[i] = saved;
        if (levelTriggered[i]) {
            resendLevel(i);
        } else if ((status[i] & MASKED_PENDING) != 0 && newPriority != LEAST_FAVOURED) {
            status[i] &= ~MASKED_PENDING;
            present(i + FIRST_SOURCE, newPriority);
        }
    }

    // ---- the protocol between ICS and ICP ----------------------------------------------------------------

    /** The ICS offers source {@code number} at {@code prio}: taken, or rejected back to its source. */
    private void present(final int number, final int prio) {
        final int pending = xirr & XISR_MASK;
        if (prio >= (xirr >>> 24) || (pending != 0 && pendingPriority <= prio)) {
            reject(number);
            return;
        }
        if (pending != 0) {
            reject(pending);
        }
        xirr = (xirr & ~XISR_MASK) | number;
        pendingPriority = prio;
        setLine(true);
    }

    /** Presents the IPI unless something at least as favoured is pending (the loser is rejected). */
    private void checkIpi() {
        final int pending = xirr & XISR_MASK;
        if (pending != 0 && pendingPriority <= mfrr) {
            return;
        }
        if (pending != 0) {
            reject(pending);
        }
        xirr = (xirr & ~XISR_MASK) | IPI;
        pendingPriority = mfrr;
        setLine(true);
    }

    /** Tells a source its interrupt was turned away; the IPI needs nothing (its MFRR still holds it). */
    private void reject(final int number) {
        if (!isSource(number)) {
            return;
        }
        final int i = number - FIRST_SOURCE;
        if (levelTriggered[i]) {
            status[i] &= ~SENT;
        } else {
            status[i] |= REJECTED;
        }
    }

    /** The ICP is free to take more: the IPI if its MFRR beats CPPR, then everything the ICS holds back. */
    private void resend() {
        if (mfrr < (xirr >>> 24)) {
            checkIpi();
        }
        for (int i = 0; i < SOURCE_COUNT; i++) {
            if (levelTriggered[i]) {
                resendLevel(i);
            } else if ((status[i] & REJECTED) != 0) {
                status[i] &= ~REJECTED;
                if (priority[i] != LEAST_FAVOURED) {
                    present(i + FIRST_SOURCE, priority[i]);
                }
            }
        }
    }

    private void resendLevel(final int i) {
        if ((status[i] & ASSERTED) != 0 && (status[i] & SENT) == 0 && priority[i] != LEAST_FAVOURED) {
            status[i] |= SENT;
            present(i + FIRST_SOURCE, priority[i]);
        }
    }

    /** Drives the processor's external interrupt input (level): raising it makes the run loop look soon. */
    private void setLine(final boolean asserted) {
        cpu.externalInterrupt = asserted;
        if (asserted) {
            // From another thread this is a benign race: at worst the current slice (at most 16 Ki
            // instructions) runs to its end before the run loop sees the line.
            cpu.endSlice();
        }
    }

    // ---- snapshot: the ICP, then every source (server, priority, saved priority, status, trigger) ------

    @Override
    public String snapshotName() {
        return "xics";
    }

    @Override
    public int snapshotVersion() {
        return 1;
    }

    @Override
    public synchronized void save(final StateOutput out) throws IOException {
        out.u32(xirr & 0xFFFF_FFFFL);
        out.u8(pendingPriority);
        out.u8(mfrr);
        out.u32(SOURCE_COUNT);
        for (int i = 0; i < SOURCE_COUNT; i++) {
            out.u32(server[i]);
            out.u8(priority[i]);
            out.u8(savedPriority[i]);
            out.u8(status[i]);
            out.bool(levelTriggered[i]);
        }
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final int savedXirr = (int) in.u32("XIRR");
        final int savedPending = in.u8("the pending priority");
        final int savedMfrr = in.u8("MFRR");
        final long count = in.u32("the source count");
        if (count != SOURCE_COUNT) {
            throw in.problem(count + " sources, this controller has " + SOURCE_COUNT);
        }
        final int[] servers = new int[SOURCE_COUNT];
        final int[] priorities = new int[SOURCE_COUNT];
        final int[] saved = new int[SOURCE_COUNT];
        final int[] statuses = new int[SOURCE_COUNT];
        final boolean[] level = new boolean[SOURCE_COUNT];
        for (int i = 0; i < SOURCE_COUNT; i++) {
            servers[i] = (int) in.u32("the server of source " + i);
            if (servers[i] != SERVER) {
                throw in.problem("source " + Integer.toHexString(FIRST_SOURCE + i) + " goes to server "
                    + servers[i] + ", there is only server " + SERVER);
            }
            priorities[i] = in.u8("a priority");
            saved[i] = in.u8("a saved priority");
            statuses[i] = in.u8("a source status");
            if ((statuses[i] & ~(ASSERTED | SENT | REJECTED | MASKED_PENDING)) != 0) {
                throw in.problem(String.format("source %x has status bits 0x%x", FIRST_SOURCE + i, statuses[i]));
            }
            level[i] = in.bool("a trigger flag");
        }
        final int pending = savedXirr & XISR_MASK;
        if (pending != 0 && pending != IPI && !isSource(pending)) {
            throw in.problem(String.format("XIRR 0x%08x presents 0x%x, which is no source", savedXirr, pending));
        }
        return () -> {
            synchronized (this) {
                xirr = savedXirr;
                pendingPriority = savedPending;
                mfrr = savedMfrr;
                System.arraycopy(servers, 0, server, 0, SOURCE_COUNT);
                System.arraycopy(priorities, 0, priority, 0, SOURCE_COUNT);
                System.arraycopy(saved, 0, savedPriority, 0, SOURCE_COUNT);
                System.arraycopy(statuses, 0, status, 0, SOURCE_COUNT);
                System.arraycopy(level, 0, levelTriggered, 0, SOURCE_COUNT);
            }
        };
    }
}
