package dev.jppc.devices.uart;

import java.io.IOException;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;
import dev.jppc.core.snapshot.StateOutput;

/**
 * A 16550-style UART: eight one-byte registers at offsets 0-7 (the National Semiconductor PC16550D data
 * sheet's register map). It transmits instantly, so the transmitter is always empty; received bytes come
 * from {@link #offerInput}, which may be called from any thread. Baud rate, word length, parity and FIFO
 * trigger levels are stored and read back but change nothing.
 *
 * <pre>
 * offset  DLAB=0 read   DLAB=0 write   DLAB=1
 *   0     RBR           THR            DLL
 *   1     IER           IER            DLM
 *   2     IIR           FCR            (as DLAB=0)
 *   3     LCR (bit 7 is DLAB)
 *   4     MCR (bit 4 is loopback)
 *   5     LSR (0x01 data ready, 0x02 overrun, 0x20 THR empty, 0x40 transmitter empty)
 *   6     MSR
 *   7     SCR (scratch)
 * </pre>
 *
 * <p>Interrupts ({@link #interruptPending()}) follow the data sheet's priorities: received data available
 * (also standing in for the FIFO character timeout, whatever the trigger level), then THR empty, then modem
 * status; line status errors are only the loopback overrun. OUT2 does not gate the line, since wiring is the
 * board's business.
 *
 * <p>Every method is thread-safe. The sink is called outside the UART's lock, on the thread that wrote THR,
 * so a slow host console never blocks {@link #offerInput}.
 */
public final class Uart16550 implements Snapshottable {

    public static final int REGISTER_COUNT = 8;
    public static final int DEFAULT_INPUT_CAPACITY = 4096;

    static final int RBR_THR_DLL = 0;
    static final int IER_DLM = 1;
    static final int IIR_FCR = 2;
    static final int LCR = 3;
    static final int MCR = 4;
    static final int LSR = 5;
    static final int MSR = 6;
    static final int SCR = 7;

    static final int IER_RECEIVED_DATA = 0x01;
    static final int IER_THR_EMPTY = 0x02;
    static final int IER_LINE_STATUS = 0x04;
    static final int IER_MODEM_STATUS = 0x08;
    static final int IIR_NONE = 0x01;
    static final int IIR_LINE_STATUS = 0x06;
    static final int IIR_RECEIVED_DATA = 0x04;
    static final int IIR_THR_EMPTY = 0x02;
    static final int IIR_MODEM_STATUS = 0x00;
    static final int IIR_FIFOS_ENABLED = 0xC0;
    static final int FCR_ENABLE = 0x01;
    static final int FCR_CLEAR_RECEIVE = 0x02;
    static final int LCR_DLAB = 0x80;
    static final int MCR_DTR = 0x01;
    static final int MCR_RTS = 0x02;
    static final int MCR_OUT1 = 0x04;
    static final int MCR_OUT2 = 0x08;
    static final int MCR_LOOP = 0x10;
    static final int LSR_DATA_READY = 0x01;
    static final int LSR_OVERRUN = 0x02;
    static final int LSR_THR_EMPTY = 0x20;
    static final int LSR_TRANSMITTER_EMPTY = 0x40;
    static final int MSR_CTS = 0x10;
    static final int MSR_DSR = 0x20;
    static final int MSR_RI = 0x40;
    static final int MSR_DCD = 0x80;
    static final int MSR_DELTAS = 0x0F;
    /** A terminal is attached: CTS, DSR and DCD asserted, as QEMU's serial model reports. */
    static final int MSR_CONNECTED = MSR_CTS | MSR_DSR | MSR_DCD;

    private final UartSink sink;
    private final byte[] input;
    private int inputHead;
    private int inputCount;

    private int ier;
    private int lcr;
    private int mcr;
    private int fcr;
    private int scr;
    private int divisor;
    private int msr;
    private boolean overrun;
    /** The "THR empty" interrupt source: raised when THR empties, cleared by reading it from IIR. */
    private boolean thrEmptyInterrupt;

    public Uart16550(final UartSink sink) {
        this(sink, DEFAULT_INPUT_CAPACITY);
    }

    /** A UART whose receive queue holds at most {@code inputCapacity} bytes. */
    public Uart16550(final UartSink sink, final int inputCapacity) {
        if (inputCapacity < 1) {
            throw new IllegalArgumentException("input capacity must be positive, not " + inputCapacity);
        }
        this.sink = sink;
        this.input = new byte[inputCapacity];
        reset();
    }

    /** Power-on state: registers cleared, receive queue emptied. */
    public synchronized void reset() {
        inputHead = 0;
        inputCount = 0;
        ier = 0;
        lcr = 0;
        mcr = 0;
        fcr = 0;
        scr = 0;
        divisor = 0;
        msr = MSR_CONNECTED;
        overrun = false;
        thrEmptyInterrupt = false;
    }

    /** Reads register {@code offset}; offsets outside 0-7 read 0xFF, like an unconnected bus. */
    public synchronized int read(final int offset) {
        final boolean dlab = (lcr & LCR_DLAB) != 0;
        switch (offset) {
            case RBR_THR_DLL:
                return dlab ? divisor & 0xFF : takeInput();
            case IER_DLM:
                return dlab ? divisor >>> 8 : ier;
            case IIR_FCR:
                return readIir();
            case LCR:
                return lcr;
            case MCR:
                return mcr;
            case LSR:
                return readLsr();
            case MSR:
                return readMsr();
            case SCR:
                return scr;
            default:
                return 0xFF;
        }
    }

    /** Writes the low 8 bits of {@code value} to register {@code offset}; offsets outside 0-7 are ignored. */
    public void write(final int offset, final int value) {
        final int transmitted;
        synchronized (this) {
            transmitted = writeRegister(offset, value & 0xFF);
        }
        if (transmitted >= 0) {
            sink.transmit(transmitted);
        }
    }

    /** Returns the byte for the sink, or -1. */
    private int writeRegister(final int offset, final int value) {
        final boolean dlab = (lcr & LCR_DLAB) != 0;
        switch (offset) {
            case RBR_THR_DLL:
                if (dlab) {
                    divisor = (divisor & 0xFF00) | value;
                    return -1;
                }
                return transmit(value);
            case IER_DLM:
                if (dlab) {
                    divisor = (divisor & 0x00FF) | (value << 8);
                } else {
                    writeIer(value);
                }
                return -1;
            case IIR_FCR:
                writeFcr(value);
                return -1;
            case LCR:
                lcr = value;
                return -1;
            case MCR:
                writeMcr(value & 0x1F);
                return -1;
            case SCR:
                scr = value;
                return -1;
            default:
                // LSR and MSR are read-only; anything else is outside the device.
                return -1;
        }
    }

    /**
     * Queues bytes for the guest to read; callable from any thread. Returns how many were taken: fewer than
     * {@code length} when the queue is full, so the caller can wait and offer the rest.
     */
    public synchronized int offerInput(final byte[] data, final int offset, final int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("bad range " + offset + "+" + length + " of " + data.length);
        }
        final int taken = Math.min(length, input.length - inputCount);
        for (int i = 0; i < taken; i++) {
            enqueue(data[offset + i]);
        }
        return taken;
    }

    /** {@link #offerInput(byte[], int, int)} for a whole array. */
    public int offerInput(final byte[] data) {
        return offerInput(data, 0, data.length);
    }

    /** Bytes waiting in the receive queue. */
    public synchronized int inputAvailable() {
        return inputCount;
    }

    /** The interrupt output: true while some enabled source is pending. */
    public synchronized boolean interruptPending() {
        return pendingInterrupt() != IIR_NONE;
    }

    private int transmit(final int value) {
        thrEmptyInterrupt = true;
        if ((mcr & MCR_LOOP) != 0) {
            // Loopback: the transmitter feeds the receiver and nothing leaves the chip.
            if (inputCount == input.length) {
                overrun = true;
            } else {
                enqueue((byte) value);
            }
            return -1;
        }
        return value;
    }

    private void enqueue(final byte b) {
        input[(inputHead + inputCount) % input.length] = b;
        inputCount++;
    }

    private int takeInput() {
        if (inputCount == 0) {
            return 0;
        }
        final int b = input[inputHead] & 0xFF;
        inputHead = (inputHead + 1) % input.length;
        inputCount--;
        return b;
    }

    private void writeIer(final int value) {
        final int enabled = value & 0x0F;
        // Enabling the THR-empty interrupt while THR is empty (always, here) raises it at once.
        if ((enabled & IER_THR_EMPTY) != 0 && (ier & IER_THR_EMPTY) == 0) {
            thrEmptyInterrupt = true;
        }
        ier = enabled;
    }

    private void writeFcr(final int value) {
        if ((value & FCR_CLEAR_RECEIVE) != 0) {
            inputHead = 0;
            inputCount = 0;
        }
        // The clear bits are self-clearing; keep enable, DMA mode and trigger level.
        fcr = value & 0xC9;
    }

    private void writeMcr(final int value) {
        mcr = value;
        if ((value & MCR_LOOP) != 0) {
            setModemLines(loopbackLines(value));
        } else {
            setModemLines(MSR_CONNECTED);
        }
    }

    /** In loopback the modem outputs drive the inputs: RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD. */
    private static int loopbackLines(final int mcrValue) {
        int lines = 0;
        lines |= (mcrValue & MCR_RTS) != 0 ? MSR_CTS : 0;
        lines |= (mcrValue & MCR_DTR) != 0 ? MSR_DSR : 0;
        lines |= (mcrValue & MCR_OUT1) != 0 ? MSR_RI : 0;
        lines |= (mcrValue & MCR_OUT2) != 0 ? MSR_DCD : 0;
        return lines;
    }

    /** Updates the MSR input lines and the delta bits the change implies. */
    private void setModemLines(final int lines) {
        final int changed = (msr ^ lines) & 0xF0;
        int deltas = msr & MSR_DELTAS;
        deltas |= (changed & MSR_CTS) != 0 ? 0x01 : 0;
        deltas |= (changed & MSR_DSR) != 0 ? 0x02 : 0;
        // TERI: only the trailing edge of RI (1 -> 0) counts.
        deltas |= (changed & MSR_RI) != 0 && (lines & MSR_RI) == 0 ? 0x04 : 0;
        deltas |= (changed & MSR_DCD) != 0 ? 0x08 : 0;
        msr = lines | deltas;
    }

    private int readIir() {
        final int id = pendingInterrupt();
        if (id == IIR_THR_EMPTY) {
            // Reading IIR while it reports THR empty clears that source (data sheet, Table IV).
            thrEmptyInterrupt = false;
        }
        return id | ((fcr & FCR_ENABLE) != 0 ? IIR_FIFOS_ENABLED : 0);
    }

    private int pendingInterrupt() {
        if ((ier & IER_LINE_STATUS) != 0 && overrun) {
            return IIR_LINE_STATUS;
        }
        if ((ier & IER_RECEIVED_DATA) != 0 && inputCount > 0) {
            return IIR_RECEIVED_DATA;
        }
        if ((ier & IER_THR_EMPTY) != 0 && thrEmptyInterrupt) {
            return IIR_THR_EMPTY;
        }
        if ((ier & IER_MODEM_STATUS) != 0 && (msr & MSR_DELTAS) != 0) {
            return IIR_MODEM_STATUS;
        }
        return IIR_NONE;
    }

    private int readLsr() {
        int lsr = LSR_THR_EMPTY | LSR_TRANSMITTER_EMPTY;
        lsr |= inputCount > 0 ? LSR_DATA_READY : 0;
        lsr |= overrun ? LSR_OVERRUN : 0;
        // Reading LSR clears the error bits.
        overrun = false;
        return lsr;
    }

    private int readMsr() {
        final int value = msr;
        msr &= ~MSR_DELTAS;
        return value;
    }

    // ---- snapshot: the registers and the receive queue, oldest byte first ------------------------------

    @Override
    public String snapshotName() {
        return "uart";
    }

    @Override
    public int snapshotVersion() {
        return 1;
    }

    @Override
    public synchronized void save(final StateOutput out) throws IOException {
        out.u8(ier);
        out.u8(lcr);
        out.u8(mcr);
        out.u8(fcr);
        out.u8(scr);
        out.u16(divisor);
        out.u8(msr);
        out.bool(overrun);
        out.bool(thrEmptyInterrupt);
        out.u32(inputCount);
        for (int i = 0; i < inputCount; i++) {
            out.u8(input[(inputHead + i) % input.length]);
        }
    }

    @Override
    public Restore prepareRestore(final StateInput in, final int version) throws SnapshotException, IOException {
        final int[] registers = new int[7];
        final String[] names = {"IER", "LCR", "MCR", "FCR", "SCR", "the divisor", "MSR"};
        for (int i = 0; i < registers.length; i++) {
            registers[i] = i == 5 ? in.u16(names[i]) : in.u8(names[i]);
        }
        final boolean savedOverrun = in.bool("the overrun flag");
        final boolean savedThrEmpty = in.bool("the THR-empty interrupt flag");
        final long count = in.u32("the receive queue length");
        if (count > input.length) {
            throw in.problem(count + " received bytes queued, this UART holds " + input.length);
        }
        final byte[] queued = new byte[(int) count];
        in.bytes(queued, 0, queued.length, "the receive queue");
        return () -> {
            synchronized (this) {
                ier = registers[0];
                lcr = registers[1];
                mcr = registers[2];
                fcr = registers[3];
                scr = registers[4];
                divisor = registers[5];
                msr = registers[6];
                overrun = savedOverrun;
                thrEmptyInterrupt = savedThrEmpty;
                System.arraycopy(queued, 0, input, 0, queued.length);
                inputHead = 0;
                inputCount = queued.length;
            }
        };
    }
}
