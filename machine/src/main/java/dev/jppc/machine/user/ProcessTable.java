package dev.jppc.machine.user;

import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.jppc.mmu.GuestMemory;

/**
 * The processes of one {@code jppc user} run: pids, parents, exit statuses for wait4/waitid, and the guest RAM
 * they run in. Every process has its own {@link GuestMemory} (its own "physical" RAM of {@code --memory}
 * bytes); RAM of an exited process goes back to a pool for the next fork, since the JVM frees direct memory
 * only when it collects garbage.
 *
 * <p>The guest is untrusted, so a fork bomb meets two caps, both answered with EAGAIN as Linux's RLIMIT_NPROC
 * would: at most {@link #MAX_PROCESSES} processes (zombies included), and at most as many RAMs as fit in
 * half of the JVM's heap limit (the default limit of direct memory is the heap limit).
 *
 * <p>All state is guarded by this object's monitor; a waiting parent waits on it and every exit notifies it.
 */
final class ProcessTable {

    /** Processes alive or not yet reaped, the top one included. */
    static final int MAX_PROCESSES = 64;
    /** The top process's pid (and the pid reported for the process group and session). */
    static final int FIRST_PID = 1000;
    /** {@code sc 1}, the word at every interrupt vector of every RAM. */
    private static final int SC_1 = 0x4400_0022;

    private final long ramSize;
    private final int maxRams;
    private final Map<Integer, UserProcess> processes = new TreeMap<>();
    private final Deque<GuestMemory> spareRams = new ArrayDeque<>();
    private int ramsAllocated;
    private int nextPid = FIRST_PID;
    private boolean shutDown;
    /** System call numbers already reported as unknown (once per run, whichever process asks). */
    private final BitSet reported = new BitSet();

    ProcessTable(final long ramSize) {
        this(ramSize, Runtime.getRuntime().maxMemory() / 2);
    }

    /** A table whose RAMs together stay within {@code ramBudget} bytes (at least one RAM). */
    ProcessTable(final long ramSize, final long ramBudget) {
        this.ramSize = ramSize;
        this.maxRams = (int) Math.max(1, Math.min(MAX_PROCESSES, ramBudget / ramSize));
    }

    /** How many RAMs may exist at once. */
    int maxRams() {
        return maxRams;
    }

    /** Enters {@code process} under a new pid; EAGAIN when the table is full. */
    synchronized int add(final UserProcess process) throws Errno {
        if (processes.size() >= MAX_PROCESSES || shutDown) {
            throw new Errno(Errno.EAGAIN);
        }
        while (processes.containsKey(nextPid)) {
            nextPid = nextPid >= 99_999 ? FIRST_PID + 1 : nextPid + 1;
        }
        final int pid = nextPid;
        nextPid = nextPid >= 99_999 ? FIRST_PID + 1 : nextPid + 1;
        processes.put(pid, process);
        return pid;
    }

    /** True the first time any process of the run asks for unknown system call {@code number} (or for a bad one). */
    synchronized boolean firstReport(final int number) {
        if (number < 0) {
            return true;
        }
        final boolean first = !reported.get(number);
        reported.set(number);
        return first;
    }

    /** Refuses every later fork: the first process has ended and the others are being killed. */
    synchronized void shutDown() {
        shutDown = true;
    }

    /** Removes a process that never started (its fork failed half-way). */
    synchronized void remove(final int pid) {
        processes.remove(pid);
    }

    synchronized UserProcess find(final int pid) {
        return processes.get(pid);
    }

    /** Every process in the table, in pid order. */
    synchronized List<UserProcess> all() {
        return new ArrayList<>(processes.values());
    }

    /** Processes alive or unreaped. */
    synchronized int count() {
        return processes.size();
    }

    // ---- RAM --------------------------------------------------------------------------------------------

    /**
     * A RAM for a new process, from the pool or newly allocated, with {@code sc 1} at every vector; EAGAIN
     * when the budget is spent or the JVM has no direct memory left.
     */
    GuestMemory takeRam() throws Errno {
        synchronized (this) {
            final GuestMemory spare = spareRams.poll();
            if (spare != null) {
                return spare;
            }
            if (ramsAllocated >= maxRams) {
                throw new Errno(Errno.EAGAIN);
            }
            ramsAllocated++;
        }
        try {
            final GuestMemory ram = new GuestMemory(ramSize);
            for (long vector = 0x100; vector < 0x1000; vector += 0x20) {
                ram.putInt(vector, SC_1, ByteOrder.BIG_ENDIAN);
            }
            return ram;
        } catch (final OutOfMemoryError e) {
            synchronized (this) {
                ramsAllocated--;
            }
            throw new Errno(Errno.EAGAIN);
        }
    }

    /** Gives back the RAM of a process whose thread has finished with it. */
    synchronized void giveBackRam(final GuestMemory ram) {
        ram.setCodeWatcher(null);
        ram.unwatchAllCode();
        spareRams.push(ram);
    }

    // ---- exit and wait ----------------------------------------------------------------------------------

    /**
     * Records that {@code process} ended: its children lose their parent (and are forgotten when they end),
     * a process without a parent is forgotten at once, and waiting parents wake up.
     */
    synchronized void exited(final UserProcess process) {
        if (process.parent() != null) {
            process.parent().childEnded();
        }
        for (final UserProcess p : processes.values()) {
            if (p.parent() == process) {
                p.orphan();
            }
        }
        processes.values().removeIf(p -> p.parent() == null && p.isZombie() && p != process);
        if (process.parent() == null && process.pid() != FIRST_PID) {
            processes.remove(process.pid());
        }
        notifyAll();
    }

    /**
     * wait4/waitid: a zombie child of {@code parent} matching {@code pid} (-1 or a group id: any child),
     * removed from the table unless {@code keep}; null when {@code noHang} and none has ended yet. Blocks
     * otherwise. ECHILD when there is no such child, EINTR when the waiting thread is interrupted (a signal
     * that ends the waiting process).
     */
    synchronized UserProcess reap(final UserProcess parent, final int pid, final boolean noHang, final boolean keep)
        throws Errno {
        while (true) {
            boolean any = false;
            for (final UserProcess p : processes.values()) {
                if (p.parent() == parent && (pid <= 0 || p.pid() == pid)) {
                    any = true;
                    if (p.isZombie()) {
                        if (!keep) {
                            processes.remove(p.pid());
                        }
                        return p;
                    }
                }
            }
            if (!any) {
                throw new Errno(Errno.ECHILD);
            }
            if (noHang) {
                return null;
            }
            try {
                wait();
            } catch (final InterruptedException e) {
                throw new Errno(Errno.EINTR);
            }
        }
    }

    /**
     * rt_sigsuspend waiting for SIGCHLD: returns once a child of {@code process} has ended since the last
     * return; EINTR when the waiting thread is interrupted.
     */
    synchronized void awaitChildSignal(final UserProcess process) throws Errno {
        while (!process.takeChildSignal()) {
            try {
                wait();
            } catch (final InterruptedException e) {
                throw new Errno(Errno.EINTR);
            }
        }
    }

    /** Wakes every thread waiting on the table (a vfork parent waits for its child's exec here too). */
    synchronized void changed() {
        notifyAll();
    }

    /** Blocks until {@code child} has exec'ed or ended (the parent side of vfork). */
    synchronized void awaitRelease(final UserProcess child) throws Errno {
        while (!child.releasedVforkParent()) {
            try {
                wait();
            } catch (final InterruptedException e) {
                throw new Errno(Errno.EINTR);
            }
        }
    }
}
