package dev.jppc.machine.user;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.collections.Long2LongHashMap;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.HptHash;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.PageSizes;
import dev.jppc.mmu.hash.Slb;
import dev.jppc.mmu.tlb.Tlb;

/**
 * The virtual memory of one user process, kept the way a ppc64 Linux kernel with the hash MMU keeps it, so
 * that the guest runs with translation on through jppc's real MMU:
 *
 * <ul>
 *   <li>Mappings ("areas", Linux's VMAs) are page-aligned, non-overlapping ranges with PROT_READ/WRITE/EXEC.
 *       They are the truth; the hashed page table is only a cache of them.</li>
 *   <li>Pages are 64 KiB (as Debian's ppc64el kernels use) and backed by 64 KiB frames of guest RAM, taken
 *       on first touch (demand paging): a data or instruction storage interrupt inside an area allocates a
 *       zeroed frame and inserts an HPTE. Frame 0 is never handed out: it holds the interrupt vectors.</li>
 *   <li>Segments are 1 TiB (B=1) with a 64 KiB base page size, so a typical program needs two SLB entries
 *       (text and heap in segment 0, stack and mmap area near 128 TiB). They are installed on segment
 *       interrupts, round robin over the 32 entries.</li>
 *   <li>The page table belongs to the runner, outside guest RAM, as the pseries machine's does. When both
 *       groups of a page are full, a slot of the primary group is reused: the evicted page faults back in.</li>
 *   <li>HPTE protection: PP=0b010 (read/write) or 0b011 (read-only) under key Kp=1, N for pages without
 *       PROT_EXEC. PROT_NONE pages are never entered.</li>
 * </ul>
 *
 * <p>System calls reach guest memory through {@link #copyIn}/{@link #copyOut}, which translate every page
 * through the MMU with the user's MSR (so PP and N apply exactly as to the guest's own accesses), fault pages
 * in like the guest's own accesses would, and answer EFAULT for anything else: a guest pointer never reaches
 * RAM unchecked.
 */
final class AddressSpace {

    static final int PAGE_SHIFT = PageSizes.SHIFT_64K;
    static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int PROT_EXEC = 4;

    /** Highest user address + 1: Linux's 128 TiB TASK_SIZE for 64-bit ppc processes. */
    static final long TASK_SIZE = 1L << 47;

    private static final long SEGMENT_MASK = Slb.SEGMENT_1T_MASK;
    private static final long PP_READ_WRITE = 0b010;
    private static final long PP_READ_ONLY = 0b011;
    private static final int KERNEL_PIECE = (int) Tlb.PAGE_SIZE;

    /** One mapping: [start, end) with its protection. */
    static final class Area {
        final long start;
        final long end;
        final int prot;
        final String name;

        Area(final long start, final long end, final int prot, final String name) {
            this.start = start;
            this.end = end;
            this.prot = prot;
            this.name = name;
        }
    }

    private final GuestMemory ram;
    private final HashMmu mmu;
    private final HashPageTable table;
    private final ByteOrder order;
    private final long userMsr;
    private final TreeMap<Long, Area> areas = new TreeMap<>();
    /** Virtual page number -> real address of its frame, for pages that have one. */
    private final Long2LongHashMap frames = new Long2LongHashMap(-1L);
    private final long[] freeFrames;
    private int freeCount;
    private int nextSlbSlot;
    private int evictions;

    AddressSpace(final GuestMemory ram, final HashMmu mmu, final ByteOrder order, final long userMsr) {
        this.ram = ram;
        this.mmu = mmu;
        this.order = order;
        this.userMsr = userMsr;
        final int frameCount = (int) (ram.size() >>> PAGE_SHIFT);
        freeFrames = new long[frameCount - 1];
        // Hand out low frames first (a stack, so push the highest first); frame 0 holds the vectors.
        for (int f = frameCount - 1; f >= 1; f--) {
            freeFrames[freeCount++] = (long) f << PAGE_SHIFT;
        }
        table = HashPageTable.allocate(tableLog2Size(frameCount));
        mmu.setHypervisorTable(table);
    }

    /**
     * The address space of a forked child on {@code childRam} (the same size as this one's) and the child's
     * MMU: the same areas, and a copy of every page this process has touched, in the same frame numbers; pages
     * never touched stay untouched (no frame) in the child too. The child's page table starts empty and fills
     * as its pages fault in.
     */
    AddressSpace forkInto(final GuestMemory childRam, final HashMmu childMmu) {
        final AddressSpace child = new AddressSpace(childRam, childMmu, order, userMsr);
        child.areas.putAll(areas);
        System.arraycopy(freeFrames, 0, child.freeFrames, 0, freeCount);
        child.freeCount = freeCount;
        final byte[] page = new byte[(int) PAGE_SIZE];
        final Long2LongHashMap.EntryIterator entries = frames.entrySet().iterator();
        while (entries.hasNext()) {
            entries.next();
            final long frame = entries.getLongValue();
            child.frames.put(entries.getLongKey(), frame);
            ram.getBytes(frame, page, 0, page.length);
            childRam.putBytes(frame, page, 0, page.length);
        }
        return child;
    }

    /** Four HPTE slots per frame, at least the architected minimum of 256 KiB. */
    private static int tableLog2Size(final int frameCount) {
        final long bytes = (long) frameCount * 4 * Hpte.BYTES;
        return Math.max(HashPageTable.ARCH_MIN_LOG2_SIZE, 64 - Long.numberOfLeadingZeros(bytes - 1));
    }

    /** Bytes of guest RAM. */
    long ramSize() {
        return ram.size();
    }

    ByteOrder order() {
        return order;
    }

    static long pageDown(final long address) {
        return address & -PAGE_SIZE;
    }

    static long pageUp(final long address) {
        return (address + PAGE_SIZE - 1) & -PAGE_SIZE;
    }

    /** Free frames left (each {@link #PAGE_SIZE} bytes). */
    int freeFrameCount() {
        return freeCount;
    }

    // ---- areas ------------------------------------------------------------------------------------------

    /** The area holding {@code address}, or null. */
    Area find(final long address) {
        final Map.Entry<Long, Area> e = areas.floorEntry(address);
        return e != null && address < e.getValue().end ? e.getValue() : null;
    }

    /** True when no area overlaps [start, end). */
    boolean isFree(final long start, final long end) {
        if (start < 0 || end > TASK_SIZE || end <= start) {
            return false;
        }
        final Map.Entry<Long, Area> below = areas.lowerEntry(end);
        return below == null || below.getValue().end <= start;
    }

    /** True when areas cover all of [start, end) without a gap. */
    boolean isMapped(final long start, final long end) {
        long covered = start;
        for (final Area a : overlapping(start, end)) {
            if (a.start > covered) {
                return false;
            }
            covered = a.end;
        }
        return covered >= end;
    }

    /** Maps [start, end) (page aligned) with {@code prot}, replacing whatever was there. */
    void map(final long start, final long end, final int prot, final String name) {
        unmap(start, end);
        areas.put(start, new Area(start, end, prot, name));
    }

    /** Removes [start, end) (page aligned) from every area, freeing its frames. */
    void unmap(final long start, final long end) {
        for (final Area a : overlapping(start, end)) {
            areas.remove(a.start);
            if (a.start < start) {
                areas.put(a.start, new Area(a.start, start, a.prot, a.name));
            }
            if (a.end > end) {
                areas.put(end, new Area(end, a.end, a.prot, a.name));
            }
        }
        releasePages(start, end);
    }

    /**
     * Changes the protection of [start, end); false (ENOMEM for mprotect) when part of the range is not
     * mapped. Pages already present lose their HPTE and fault back in with the new protection.
     */
    boolean protect(final long start, final long end, final int prot) {
        if (!isMapped(start, end)) {
            return false;
        }
        final List<Area> pieces = overlapping(start, end);
        for (final Area a : pieces) {
            areas.remove(a.start);
            if (a.start < start) {
                areas.put(a.start, new Area(a.start, start, a.prot, a.name));
            }
            if (a.end > end) {
                areas.put(end, new Area(end, a.end, a.prot, a.name));
            }
            final long s = Math.max(a.start, start);
            final long e = Math.min(a.end, end);
            areas.put(s, new Area(s, e, prot, a.name));
        }
        forEachPresentPage(start, end, vpn -> removeHpte(vpn));
        mmu.flushAll();
        return true;
    }

    /** Zeroes [start, end) of present pages by freeing them (MADV_DONTNEED on private anonymous memory). */
    void discard(final long start, final long end) {
        releasePages(start, end);
    }

    /**
     * Moves the area [oldStart, oldStart + length) with its pages to [newStart, newStart + length), which must
     * be free (mremap with MREMAP_MAYMOVE).
     */
    void move(final long oldStart, final long length, final long newStart) {
        final Area first = find(oldStart);
        final int prot = first == null ? 0 : first.prot;
        final String name = first == null ? "mremap" : first.name;
        final long delta = newStart - oldStart;
        final List<long[]> moved = new ArrayList<>();
        forEachPresentPage(oldStart, oldStart + length, vpn -> {
            removeHpte(vpn);
            moved.add(new long[] {vpn, frames.remove(vpn)});
        });
        unmap(oldStart, oldStart + length);
        areas.put(newStart, new Area(newStart, newStart + length, prot, name));
        for (final long[] page : moved) {
            frames.put(page[0] + (delta >> PAGE_SHIFT), page[1]);
        }
        mmu.flushAll();
    }

    /** Grows or shrinks the area starting at {@code start} to end at {@code newEnd} in place. */
    void resize(final long start, final long newEnd) {
        final Area a = areas.get(start);
        if (a == null) {
            return;
        }
        if (newEnd < a.end) {
            unmap(newEnd, a.end);
        } else {
            areas.put(start, new Area(start, newEnd, a.prot, a.name));
        }
    }

    /** The lowest free, page-aligned gap of {@code length} bytes below {@code top}, searching downwards; -1. */
    long findFreeBelow(final long top, final long length) {
        long candidateEnd = top;
        while (candidateEnd - length >= PAGE_SIZE) {
            final long start = candidateEnd - length;
            final Map.Entry<Long, Area> below = areas.lowerEntry(candidateEnd);
            if (below == null || below.getValue().end <= start) {
                return start;
            }
            candidateEnd = below.getValue().start;
        }
        return -1;
    }

    private List<Area> overlapping(final long start, final long end) {
        final List<Area> result = new ArrayList<>();
        final Map.Entry<Long, Area> below = areas.lowerEntry(start);
        if (below != null && below.getValue().end > start) {
            result.add(below.getValue());
        }
        result.addAll(areas.subMap(start, true, end, false).values());
        return result;
    }

    // ---- pages ------------------------------------------------------------------------------------------

    /** A page-number callback without boxing. */
    @FunctionalInterface
    private interface PageAction {
        void apply(long vpn);
    }

    private void forEachPresentPage(final long start, final long end, final PageAction action) {
        final long first = start >>> PAGE_SHIFT;
        final long last = (end - 1) >>> PAGE_SHIFT;
        if (last - first + 1 <= frames.size() * 4L) {
            for (long vpn = first; vpn <= last; vpn++) {
                if (frames.containsKey(vpn)) {
                    action.apply(vpn);
                }
            }
            return;
        }
        final List<Long> present = new ArrayList<>();
        final Long2LongHashMap.KeyIterator keys = frames.keySet().iterator();
        while (keys.hasNext()) {
            final long vpn = keys.nextValue();
            if (vpn >= first && vpn <= last) {
                present.add(vpn);
            }
        }
        for (final long vpn : present) {
            action.apply(vpn);
        }
    }

    private void releasePages(final long start, final long end) {
        if (end <= start) {
            return;
        }
        forEachPresentPage(start, end, vpn -> {
            removeHpte(vpn);
            freeFrames[freeCount++] = frames.remove(vpn);
        });
        mmu.flushAll();
    }

    /**
     * Makes the page holding {@code address} present for an access of {@code kind} (HashMmu.FETCH, LOAD,
     * STORE): installs its segment, allocates a frame on first touch and (re)inserts its HPTE. Returns
     * false when the address has no area, the area's protection forbids the access, or RAM is exhausted
     * ({@link #outOfMemory} tells the last apart).
     */
    boolean fault(final long address, final int kind) {
        outOfMemory = false;
        final Area area = find(address);
        if (area == null || !permits(area.prot, kind)) {
            return false;
        }
        installSegment(address);
        final long vpn = address >>> PAGE_SHIFT;
        long frame = frames.get(vpn);
        if (frame < 0) {
            if (freeCount == 0) {
                outOfMemory = true;
                return false;
            }
            frame = freeFrames[--freeCount];
            ram.fill(frame, PAGE_SIZE, (byte) 0);
            frames.put(vpn, frame);
        } else {
            removeHpte(vpn);
            mmu.flushAll();
        }
        insertHpte(vpn, frame, area.prot);
        return true;
    }

    /** Set by {@link #fault} when it failed for want of a free frame. */
    boolean outOfMemory;

    private static boolean permits(final int prot, final int kind) {
        if (prot == 0) {
            return false;
        }
        return switch (kind) {
            case HashMmu.FETCH -> (prot & PROT_EXEC) != 0;
            case HashMmu.STORE -> (prot & PROT_WRITE) != 0;
            default -> true;
        };
    }

    /** The SLB VSID word of the 1 TiB segment holding {@code address}: B=1, Ks=Kp=1, 64 KiB base pages. */
    private static long slbVsidWord(final long address) {
        final long esid = address >>> 40;
        // An odd multiplier is a bijection modulo 2^37, so every segment gets its own VSID, spread over the hash.
        final long vsid = ((esid + 1) * 0x6F2B5L) & ((1L << 37) - 1);
        return ((long) Slb.B_1T << 62) | (vsid << 24) | Slb.VSID_KS | Slb.VSID_KP | PageSizes.SLB_64K;
    }

    private void installSegment(final long address) {
        if (mmu.slb.lookup(address) >= 0) {
            return;
        }
        final int slot = nextSlbSlot;
        nextSlbSlot = (nextSlbSlot + 1) % Slb.SIZE;
        mmu.slbmte(slbVsidWord(address), (address & SEGMENT_MASK) | Slb.ESID_VALID | slot);
    }

    private long wantedV(final long vpn, final boolean secondary) {
        final long address = vpn << PAGE_SHIFT;
        return HptHash.wantedV(slbVsidWord(address), true, address & ~SEGMENT_MASK, PAGE_SHIFT, secondary)
            | Hpte.V_LARGE;
    }

    private long hash(final long vpn) {
        final long address = vpn << PAGE_SHIFT;
        final long vsid = (slbVsidWord(address) & Slb.VSID_FIELD) >>> 24;
        return HptHash.hash1T(vsid, address & ~SEGMENT_MASK, PAGE_SHIFT);
    }

    private void insertHpte(final long vpn, final long frame, final int prot) {
        final long r = frame | ((long) PageSizes.penc(PAGE_SHIFT, PAGE_SHIFT) << 12) | Hpte.R_COHERENT
            | ((prot & PROT_WRITE) != 0 ? PP_READ_WRITE : PP_READ_ONLY)
            | ((prot & PROT_EXEC) != 0 ? 0 : Hpte.R_NO_EXECUTE);
        final long hash = hash(vpn);
        final int mask = table.groupMask();
        for (int pass = 0; pass < 2; pass++) {
            final boolean secondary = pass == 1;
            final int group = secondary ? HptHash.secondaryGroup(hash, mask) : HptHash.primaryGroup(hash, mask);
            for (int slot = 0; slot < Hpte.PER_GROUP; slot++) {
                final int index = HptHash.entryIndex(group, slot);
                if (!Hpte.isValid(table.v(index))) {
                    table.writeEntry(index, wantedV(vpn, secondary), r);
                    return;
                }
            }
        }
        // Both groups full: reuse a primary slot, as Linux's hash fault path does; its page faults back in.
        final int index = HptHash.entryIndex(HptHash.primaryGroup(hash, mask), evictions++ & (Hpte.PER_GROUP - 1));
        table.writeEntry(index, wantedV(vpn, false), r);
        mmu.flushAll();
    }

    private void removeHpte(final long vpn) {
        final long hash = hash(vpn);
        final int mask = table.groupMask();
        for (int pass = 0; pass < 2; pass++) {
            final boolean secondary = pass == 1;
            final long want = wantedV(vpn, secondary) & Hpte.V_COMPARE;
            final int group = secondary ? HptHash.secondaryGroup(hash, mask) : HptHash.primaryGroup(hash, mask);
            for (int slot = 0; slot < Hpte.PER_GROUP; slot++) {
                final int index = HptHash.entryIndex(group, slot);
                final long v = table.v(index);
                if (Hpte.isValid(v) && (v & Hpte.V_COMPARE) == want) {
                    table.writeEntry(index, 0, 0);
                }
            }
        }
    }

    /**
     * Writes program bytes at {@code ea} whatever the page protection (the loader, like the kernel's, writes
     * read-only text): the pages must lie in an area; ENOMEM when RAM runs out.
     */
    void load(final long ea, final byte[] bytes) throws Errno {
        int done = 0;
        while (done < bytes.length) {
            final long at = ea + done;
            final int within = (int) (at & (PAGE_SIZE - 1));
            final int n = (int) Math.min(bytes.length - done, PAGE_SIZE - within);
            final long vpn = at >>> PAGE_SHIFT;
            if (frames.get(vpn) < 0 && !fault(at, HashMmu.LOAD)) {
                throw new Errno(Errno.ENOMEM);
            }
            final long ra = frames.get(vpn) + within;
            mmu.beginGuestStore(ra, n);
            ram.putBytes(ra, bytes, done, n);
            mmu.endGuestStore(ra, n);
            done += n;
        }
    }

    // ---- access for system calls ------------------------------------------------------------------------

    /**
     * The real address of {@code ea} for a kernel access of {@code kind} on the user's behalf: through the
     * MMU under the user's MSR, faulting the page in if its area allows; EFAULT otherwise.
     */
    private long translate(final long ea, final int kind) throws Errno {
        if (ea < 0 || ea >= TASK_SIZE) {
            throw new Errno(Errno.EFAULT);
        }
        long ra = mmu.translate(ea, kind, userMsr, false);
        if (ra < 0 && fault(ea, kind)) {
            ra = mmu.translate(ea, kind, userMsr, false);
        }
        if (ra < 0 || !ram.contains(ra, 1)) {
            throw new Errno(Errno.EFAULT);
        }
        return ra;
    }

    private static void checkRange(final long ea, final long length) throws Errno {
        if (length < 0 || ea < 0 || ea > TASK_SIZE - length) {
            throw new Errno(Errno.EFAULT);
        }
    }

    /** Copies {@code length} bytes of guest memory at {@code ea} into {@code dst}. */
    void copyIn(final long ea, final byte[] dst, final int offset, final int length) throws Errno {
        checkRange(ea, length);
        int done = 0;
        while (done < length) {
            final long at = ea + done;
            final int n = Math.min(length - done, KERNEL_PIECE - (int) (at & (KERNEL_PIECE - 1)));
            ram.getBytes(translate(at, HashMmu.LOAD), dst, offset + done, n);
            done += n;
        }
    }

    /** Copies {@code length} bytes from {@code src} to guest memory at {@code ea}. */
    void copyOut(final long ea, final byte[] src, final int offset, final int length) throws Errno {
        checkRange(ea, length);
        int done = 0;
        while (done < length) {
            final long at = ea + done;
            final int n = Math.min(length - done, KERNEL_PIECE - (int) (at & (KERNEL_PIECE - 1)));
            final long ra = translate(at, HashMmu.STORE);
            mmu.beginGuestStore(ra, n);
            ram.putBytes(ra, src, offset + done, n);
            mmu.endGuestStore(ra, n);
            done += n;
        }
    }

    /** EFAULT unless all of [ea, ea + length) can be written (pages are faulted in on the way). */
    void checkWritable(final long ea, final long length) throws Errno {
        checkRange(ea, length);
        for (long at = ea; at < ea + length; at = (at | (KERNEL_PIECE - 1)) + 1) {
            translate(at, HashMmu.STORE);
        }
    }

    /** A NUL-terminated string of at most {@code max} bytes (without the NUL); ENAMETOOLONG beyond. */
    byte[] readString(final long ea, final int max) throws Errno {
        final byte[] buffer = new byte[Math.min(max + 1, 256)];
        byte[] out = buffer;
        int length = 0;
        while (true) {
            if (length == out.length) {
                if (length > max) {
                    throw new Errno(Errno.ENAMETOOLONG);
                }
                out = java.util.Arrays.copyOf(out, Math.min(max + 1, out.length * 2));
            }
            checkRange(ea + length, 1);
            final long ra = translate(ea + length, HashMmu.LOAD);
            final byte b = ram.getByte(ra);
            if (b == 0) {
                return java.util.Arrays.copyOf(out, length);
            }
            if (length == max) {
                throw new Errno(Errno.ENAMETOOLONG);
            }
            out[length++] = b;
        }
    }

    long readLong(final long ea) throws Errno {
        final byte[] b = new byte[8];
        copyIn(ea, b, 0, 8);
        return java.nio.ByteBuffer.wrap(b).order(order).getLong();
    }

    int readInt(final long ea) throws Errno {
        final byte[] b = new byte[4];
        copyIn(ea, b, 0, 4);
        return java.nio.ByteBuffer.wrap(b).order(order).getInt();
    }

    void writeLong(final long ea, final long value) throws Errno {
        copyOut(ea, java.nio.ByteBuffer.allocate(8).order(order).putLong(value).array(), 0, 8);
    }

    void writeInt(final long ea, final int value) throws Errno {
        copyOut(ea, java.nio.ByteBuffer.allocate(4).order(order).putInt(value).array(), 0, 4);
    }
}
