package dev.jppc.devices.rtas;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import dev.jppc.core.Cpu;
import dev.jppc.core.StopReason;
import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;
import dev.jppc.devices.xics.Xics;
import dev.jppc.mmu.GuestMemory;

/**
 * Run-Time Abstraction Services: the firmware calls a PAPR guest makes through an argument buffer in its
 * memory. The buffer is big-endian 32-bit cells: token, nargs, nret, nargs arguments, nret returns; the first
 * return is the status. Tokens follow QEMU's numbering (the values in /rtas); as QEMU's, every call checks its
 * argument and return counts and answers {@link #PARAMETER_ERROR} when they are wrong.
 */
public final class Rtas implements Snapshottable {

    public static final int DISPLAY_CHARACTER = 0x2000;
    public static final int GET_TIME_OF_DAY = 0x2001;
    public static final int SET_TIME_OF_DAY = 0x2002;
    public static final int POWER_OFF = 0x2003;
    public static final int SYSTEM_REBOOT = 0x2004;
    public static final int QUERY_CPU_STOPPED_STATE = 0x2005;
    public static final int START_CPU = 0x2006;
    public static final int STOP_SELF = 0x2007;
    public static final int IBM_GET_SYSTEM_PARAMETER = 0x2008;
    public static final int IBM_SET_SYSTEM_PARAMETER = 0x2009;
    public static final int IBM_SET_XIVE = 0x200A;
    public static final int IBM_GET_XIVE = 0x200B;
    public static final int IBM_INT_OFF = 0x200C;
    public static final int IBM_INT_ON = 0x200D;
    public static final int CHECK_EXCEPTION = 0x200E;
    public static final int EVENT_SCAN = 0x200F;
    public static final int NVRAM_FETCH = 0x2012;
    public static final int NVRAM_STORE = 0x2013;
    public static final int IBM_OS_TERM = 0x201F;

    /** Size of the NVRAM (QEMU's default), published as /vdevice/nvram's #bytes. */
    public static final int NVRAM_SIZE = 64 * 1024;

    /** Status: success. */
    public static final int SUCCESS = 0;
    /** Status: hardware error. */
    public static final int HARDWARE_ERROR = -1;
    /** Status: parameter error, and the answer to an unknown token. */
    public static final int PARAMETER_ERROR = -3;
    /** Status of event-scan and check-exception: nothing to report. */
    public static final int NO_ERRORS_FOUND = 1;
    /** query-cpu-stopped-state: the processor runs. */
    public static final int CPU_RUNNING = 2;

    /** Most argument or return cells any call uses; a larger count is a bad buffer. */
    private static final int MAX_CELLS = 16;
    private static final int MAX_OS_TERM_MESSAGE = 1024;

    private final GuestMemory ram;
    private final PrintStream log;
    /** Seconds between the real time of day and the host's clock (set-time-of-day moves it). */
    private long clockOffsetSeconds;
    private long bootEpochSecond;
    private final Xics xics;
    private final byte[] nvram = new byte[NVRAM_SIZE];

    /**
     * @param ram guest RAM holding the argument buffers
     * @param log where display-character text and os-term messages go (not the guest console)
     * @param bootEpochSecond the time of day at timebase 0, in seconds since the epoch
     * @param xics the interrupt controller whose sources the xive calls drive
     */
    public Rtas(final GuestMemory ram, final PrintStream log, final long bootEpochSecond, final Xics xics) {
        this.ram = ram;
        this.log = log;
        this.bootEpochSecond = bootEpochSecond;
        this.xics = xics;
    }

    /** The NVRAM's contents (nvram-fetch and nvram-store work on it). */
    public byte[] nvram() {
        return nvram;
    }

    /**
     * Performs the call whose buffer is at guest real address {@code buffer}. Returns false when the buffer
     * itself is unusable (outside RAM, absurd counts): the caller answers H_PARAMETER and nothing was written.
     */
    public boolean call(final Cpu cpu, final long buffer) {
        if (!ram.contains(buffer, 12)) {
            return false;
        }
        final int token = cell(buffer);
        final int nargs = cell(buffer + 4);
        final int nret = cell(buffer + 8);
        if (nargs < 0 || nargs > MAX_CELLS || nret < 0 || nret > MAX_CELLS
            || !ram.contains(buffer, 12 + 4 * (nargs + nret))) {
            return false;
        }
        final long args = buffer + 12;
        final long rets = args + 4L * nargs;
        if (nret == 0) {
            return true;
        }
        final int status = switch (token) {
            case DISPLAY_CHARACTER -> displayCharacter(args, nargs);
            case GET_TIME_OF_DAY -> getTimeOfDay(cpu, rets, nret);
            case SET_TIME_OF_DAY -> setTimeOfDay(cpu, args, nargs);
            case POWER_OFF -> stop(cpu, StopReason.POWER_OFF, 0);
            case SYSTEM_REBOOT -> stop(cpu, StopReason.REBOOT, 0);
            case IBM_OS_TERM -> osTerm(cpu, args, nargs);
            case QUERY_CPU_STOPPED_STATE -> queryCpuStoppedState(args, nargs, rets, nret);
            case START_CPU -> nargs == 3 && nret == 1 ? startCpu(args) : PARAMETER_ERROR;
            case STOP_SELF -> nargs == 0 && nret == 1 ? stop(cpu, StopReason.POWER_OFF, 0) : PARAMETER_ERROR;
            case IBM_GET_SYSTEM_PARAMETER, IBM_SET_SYSTEM_PARAMETER -> PARAMETER_ERROR;
            case EVENT_SCAN -> nargs == 4 && nret == 1 ? NO_ERRORS_FOUND : PARAMETER_ERROR;
            case CHECK_EXCEPTION -> (nargs == 6 || nargs == 7) && nret == 1 ? NO_ERRORS_FOUND : PARAMETER_ERROR;
            case IBM_SET_XIVE -> setXive(args, nargs, nret);
            case IBM_GET_XIVE -> getXive(args, nargs, rets, nret);
            case IBM_INT_OFF, IBM_INT_ON -> interruptOnOff(token == IBM_INT_ON, args, nargs, nret);
            case NVRAM_FETCH, NVRAM_STORE -> nvramTransfer(token == NVRAM_STORE, args, nargs, rets, nret);
            default -> PARAMETER_ERROR;
        };
        putCell(rets, status);
        return true;
    }

    // ---- processors (one) -------------------------------------------------------------------------------------

    /** query-cpu-stopped-state: the only processor (0) runs; any other is a parameter error. */
    private int queryCpuStoppedState(final long args, final int nargs, final long rets, final int nret) {
        if (nargs != 1 || nret != 2 || cell(args) != 0) {
            return PARAMETER_ERROR;
        }
        putCell(rets + 4, CPU_RUNNING);
        return SUCCESS;
    }

    /** start-cpu: processor 0 is running already, which QEMU answers with a hardware error; others are absent. */
    private int startCpu(final long args) {
        return cell(args) == 0 ? HARDWARE_ERROR : PARAMETER_ERROR;
    }

    // ---- interrupt sources ------------------------------------------------------------------------------------

    /** ibm,set-xive(irq, server, priority): an unknown source or server, or a priority over 0xFF, is refused. */
    private int setXive(final long args, final int nargs, final int nret) {
        if (nargs != 3 || nret != 1) {
            return PARAMETER_ERROR;
        }
        final int irq = cell(args);
        final int server = cell(args + 4);
        final int priority = cell(args + 8);
        if (!Xics.isSource(irq & 0xFFFF_FFFFL) || server != Xics.SERVER || priority < 0
            || priority > Xics.LEAST_FAVOURED) {
            return PARAMETER_ERROR;
        }
        xics.setXive(irq, server, priority);
        return SUCCESS;
    }

    /** ibm,get-xive(irq) returns status, server, priority. */
    private int getXive(final long args, final int nargs, final long rets, final int nret) {
        if (nargs != 1 || nret != 3 || !Xics.isSource(cell(args) & 0xFFFF_FFFFL)) {
            return PARAMETER_ERROR;
        }
        final int irq = cell(args);
        putCell(rets + 4, xics.server(irq));
        putCell(rets + 8, xics.priority(irq));
        return SUCCESS;
    }

    /** ibm,int-off(irq) masks a source keeping its priority; ibm,int-on(irq) restores it. */
    private int interruptOnOff(final boolean on, final long args, final int nargs, final int nret) {
        if (nargs != 1 || nret != 1 || !Xics.isSource(cell(args) & 0xFFFF_FFFFL)) {
            return PARAMETER_ERROR;
        }
        if (on) {
            xics.interruptOn(cell(args));
        } else {
            xics.interruptOff(cell(args));
        }
        return SUCCESS;
    }

    // ---- NVRAM ------------------------------------------------------------------------------------------------

    /**
     * nvram-fetch / nvram-store(offset, buffer, length) return status and the bytes moved. A range outside the
     * NVRAM is a parameter error, a buffer outside RAM a hardware error; neither moves anything.
     */
    private int nvramTransfer(final boolean store, final long args, final int nargs, final long rets,
                              final int nret) {
        if (nargs != 3 || nret != 2) {
            return PARAMETER_ERROR;
        }
        final long offset = cell(args) & 0xFFFF_FFFFL;
        final long buffer = cell(args + 4) & 0xFFFF_FFFFL;
        final long length = cell(args + 8) & 0xFFFF_FFFFL;
        putCell(rets + 4, 0);
        if (length > NVRAM_SIZE || offset > NVRAM_SIZE - length) {
            return PARAMETER_ERROR;
        }
        if (!ram.contains(buffer, (int) length)) {
            return HARDWARE_ERROR;
        }
        if (store) {
            ram.getBytes(buffer, nvram, (int) offset, (int) length);
        } else {
            ram.putBytes(buffer, nvram, (int) offset, (int) length);
        }
        putCell(rets + 4, (int) length);
        return SUCCESS;
    }

    private int cell(final long pa) {
        return ram.getInt(pa, ByteOrder.BIG_ENDIAN);
    }

    private void putCell(final long pa, final int value) {
        ram.putInt(pa, value, ByteOrder.BIG_ENDIAN);
    }

    private int displayCharacter(final long args, final int nargs) {
        if (nargs < 1) {
            return PARAMETER_ERROR;
        }
        log.print((char) (cell(args) & 0xFF));
        return SUCCESS;
    }

    private long secondsNow(final Cpu cpu) {
        return bootEpochSecond + clockOffsetSeconds + cpu.timebase() / TIMEBASE_HZ;
    }

    /** Timebase frequency (platform.md): 512 MHz. */
    public static final long TIMEBASE_HZ = 512_000_000L;

    private int getTimeOfDay(final Cpu cpu, final long rets, final int nret) {
        if (nret < 8) {
            return PARAMETER_ERROR;
        }
        final long ticks = cpu.timebase();
        final ZonedDateTime now = Instant.ofEpochSecond(secondsNow(cpu)).atZone(ZoneOffset.UTC);
        final int nanos = (int) ((ticks % TIMEBASE_HZ) * 1_000_000_000L / TIMEBASE_HZ);
        final int[] fields = {now.getYear(), now.getMonthValue(), now.getDayOfMonth(), now.getHour(),
            now.getMinute(), now.getSecond(), nanos};
        for (int i = 0; i < fields.length; i++) {
            putCell(rets + 4L * (i + 1), fields[i]);
        }
        return SUCCESS;
    }

    private int setTimeOfDay(final Cpu cpu, final long args, final int nargs) {
        if (nargs < 6) {
            return PARAMETER_ERROR;
        }
        final int year = cell(args);
        final int month = cell(args + 4);
        final int day = cell(args + 8);
        final int hour = cell(args + 12);
        final int minute = cell(args + 16);
        final int second = cell(args + 20);
        if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0
            || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return PARAMETER_ERROR;
        }
        try {
            final long wanted = ZonedDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC)
                .toEpochSecond();
            clockOffsetSeconds += wanted - secondsNow(cpu);
            return SUCCESS;
        } catch (final java.time.DateTimeException e) {
            return PARAMETER_ERROR;
        }
    }

    private static int stop(final Cpu cpu, final StopReason reason, final int code) {
        cpu.stop(reason, code);
        return SUCCESS;
    }

    /** ibm,os-term: the OS is finished (a panic); its argument is the address of a message string. */
    private int osTerm(final Cpu cpu, final long args, final int nargs) {
        if (nargs >= 1) {
            final long message = cell(args) & 0xFFFF_FFFFL;
            final StringBuilder text = new StringBuilder();
            for (long pa = message; text.length() < MAX_OS_TERM_MESSAGE && ram.contains(pa, 1); pa++) {
                final byte b = ram.getByte(pa);
                if (b == 0) {
                    break;
                }
                text.append((char) (b & 0xFF));
            }
            log.println("jppc: guest called ibm,os-term: " + text);
        }
        cpu.stop(StopReason.OS_TERM, 1);
        return SUCCESS;
    }

    // ---- snapshot: the time of day at timebase 0, the guest's clock offset, the NVRAM ------------------

    @Override
    public String snapshotName() {
        return "rtas";
    }

    @Override
    public int snapshotVersion() {
        return 1;
    }

    @Override
    public void save(final StateOutput out) throws IOException {
        out.u64(bootEpochSecond);
        out.u64(clockOffsetSeconds);
        out.u32(NVRAM_SIZE);
        out.bytes(nvram, 0, NVRAM_SIZE);
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final long boot = in.u64("the boot time");
        final long offset = in.u64("the clock offset");
        final long size = in.u32("the NVRAM size");
        if (size != NVRAM_SIZE) {
            throw in.problem("NVRAM of " + size + " bytes, this machine's has " + NVRAM_SIZE);
        }
        final byte[] contents = new byte[NVRAM_SIZE];
        in.bytes(contents, 0, NVRAM_SIZE, "the NVRAM");
        return () -> {
            bootEpochSecond = boot;
            clockOffsetSeconds = offset;
            System.arraycopy(contents, 0, nvram, 0, NVRAM_SIZE);
        };
    }
}
