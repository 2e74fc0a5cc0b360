package dev.jppc.core.jit;

import java.nio.ByteOrder;

import org.agrona.collections.Long2ObjectHashMap;

import dev.jppc.core.Cpu;
import dev.jppc.core.decode.Decoder;
import dev.jppc.mmu.GuestMemory;

/**
 * The translated blocks of one processor, found by the real address and byte order of their first
 * instruction, so a block serves every effective address that maps to it and survives TLB flushes.
 *
 * <p>A block is translated once its first address has been reached {@link #THRESHOLD} times (cold code is
 * cheaper to interpret than to translate). Translating a block watches its 4 KiB page in RAM: the MMU then
 * installs no store-TLB entry for the page, so every write to it, by the processor or by a device, goes
 * through {@link GuestMemory}, which calls {@link #codeWritten} and all blocks of the page are dropped. When
 * the cache holds {@link #CAPACITY} blocks it starts again empty, which also lets the JVM unload their classes.
 */
public final class CodeCache implements GuestMemory.CodeWatcher {

    /** Times a block start is reached before it is translated. */
    public static final int THRESHOLD = 64;
    /** The most instructions in one block. */
    static final int MAX_LENGTH = 48;
    private static final int CAPACITY = 1 << 17;
    private static final int SLOTS = 1 << 16;
    private static final int SLOT_MASK = SLOTS - 1;
    private static final int PAGE_SHIFT = GuestMemory.CODE_PAGE_SHIFT;

    /** A translated block (or a start that cannot be translated: {@code block} null). */
    public static final class Entry {
        final long key;
        /** The translation; null when the first instruction is one the translator leaves to the interpreter. */
        public final CompiledBlock block;
        /** Instructions in the block. */
        public final int length;
        Entry nextInPage;

        Entry(final long key, final CompiledBlock block, final int length) {
            this.key = key;
            this.block = block;
            this.length = length;
        }
    }

    private final Cpu cpu;
    /** Direct-mapped front of {@link #entries}. */
    private final Entry[] slots = new Entry[SLOTS];
    private final int[] heat = new int[SLOTS];
    private final Long2ObjectHashMap<Entry> entries = new Long2ObjectHashMap<>();
    /** Page number to the chain of its entries. */
    private final Long2ObjectHashMap<Entry> pages = new Long2ObjectHashMap<>();
    private final int[] words = new int[MAX_LENGTH];
    private final JitOps.Call[] calls = new JitOps.Call[MAX_LENGTH];
    private long translated;
    private long dropped;

    public CodeCache(final Cpu cpu) {
        this.cpu = cpu;
        cpu.ram.setCodeWatcher(this);
    }

    /**
     * The translated block that starts at effective address {@code pc} under the current MSR, or null when
     * the instruction there is to be interpreted (cold, untranslatable, or not in the fetch TLB yet).
     */
    public Entry lookup(final long pc) {
        final long real = cpu.fetchRealAddress(pc);
        if (real < 0) {
            return null;
        }
        final long key = (cpu.msr & Cpu.MSR_LE) != 0 ? real | 1 : real;
        final int slot = (int) (key >>> 2) & SLOT_MASK;
        final Entry e = slots[slot];
        if (e != null && e.key == key) {
            return e.block != null ? e : null;
        }
        return miss(key, slot);
    }

    private Entry miss(final long key, final int slot) {
        Entry e = entries.get(key);
        if (e == null) {
            if (++heat[slot] < THRESHOLD) {
                return null;
            }
            heat[slot] = 0;
            if (entries.size() >= CAPACITY) {
                clear();
            }
            e = translate(key);
        }
        slots[slot] = e;
        return e.block != null ? e : null;
    }

    private Entry translate(final long key) {
        final long real = key & ~1L;
        final ByteOrder order = (key & 1) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        final long pageEnd = (real | ((1L << PAGE_SHIFT) - 1)) + 1;
        int length = 0;
        for (long at = real; at < pageEnd && length < MAX_LENGTH; at += 4) {
            final int insn = cpu.ram.getInt(at, order);
            final JitOps.Call call = JitOps.callFor(Decoder.decode(insn), insn);
            if (call == null) {
                break;
            }
            words[length] = insn;
            calls[length] = call;
            length++;
            if (call.kind() == JitOps.BRANCH) {
                break;
            }
        }
        final Entry e = new Entry(key, length == 0 ? null : BlockCompiler.compile(words, calls, length), length);
        entries.put(key, e);
        final long page = real >>> PAGE_SHIFT;
        e.nextInPage = pages.get(page);
        pages.put(page, e);
        final long pageAddress = page << PAGE_SHIFT;
        if (!cpu.ram.isCode(pageAddress)) {
            cpu.ram.watchCode(pageAddress);
            cpu.mmu.storeTlb.flushReal(pageAddress, 1L << PAGE_SHIFT);
        }
        translated++;
        return e;
    }

    @Override
    public void codeWritten(final long pageAddress) {
        Entry e = pages.remove(pageAddress >>> PAGE_SHIFT);
        while (e != null) {
            entries.remove(e.key);
            drop(e);
            final int slot = (int) (e.key >>> 2) & SLOT_MASK;
            if (slots[slot] == e) {
                slots[slot] = null;
            }
            dropped++;
            e = e.nextInPage;
        }
    }

    /** Drops every translation. */
    public void clear() {
        dropped += entries.size();
        entries.values().forEach(CodeCache::drop);
        entries.clear();
        pages.clear();
        java.util.Arrays.fill(slots, null);
        cpu.ram.unwatchAllCode();
    }

    /** Marks the entry's block so that a run of it in progress leaves after the current store. */
    private static void drop(final Entry e) {
        if (e.block != null) {
            e.block.dropped = true;
        }
    }

    /** Blocks translated so far (statistics). */
    public long translatedCount() {
        return translated;
    }

    /** Blocks dropped because their code was written or the cache was full (statistics). */
    public long droppedCount() {
        return dropped;
    }
}
