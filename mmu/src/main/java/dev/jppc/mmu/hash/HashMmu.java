package dev.jppc.mmu.hash;

import java.nio.ByteOrder;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.tlb.Tlb;
import dev.jppc.mmu.tlb.TranslationMode;
import dev.jppc.mmu.track.DirtyPageTracker;

/**
 * One CPU's hashed MMU (POWER8, ISA v2.07B Book III-S): its SLB, the hashed page table it walks, its three
 * software TLBs and the translation slow path. Not thread-safe: only the CPU's thread calls it, except where a
 * method says otherwise. Comments cite sections of Book III-S chapter 5, "Storage Control", by title.
 *
 * <h2>Contract with the CPU</h2>
 * <ul>
 *   <li>Fast path: look up {@link #fetchTlb}/{@link #loadTlb}/{@link #storeTlb} as {@link Tlb} shows, with the
 *       mode from {@link TranslationMode#fetch}/{@link TranslationMode#data} (recomputed when MSR changes; MSR
 *       changes need no flush). EAs are already truncated to 32 bits when MSR[SF]=0. Accesses that cross a
 *       4 KiB boundary are split by the CPU.</li>
 *   <li>Slow path: {@link #translate} returns a real address in RAM, or {@link #FAULT} (raise the interrupt in
 *       {@link #faultVector} with {@link #faultDar}/{@link #faultDsisr}/{@link #faultSrr1}),
 *       {@link #OUTSIDE_RAM} (try the MMIO bus at {@link #outsideRamAddress}) or {@link #MACHINE_CHECK}.</li>
 *   <li>Every store that did not hit the store TLB is done through {@link #storeReal} (or
 *       {@link #beginGuestStore}/{@link #endGuestStore} around a larger store): that marks the RAM page dirty
 *       and, on a bare machine, makes stores into the hashed page table atomic for its readers and marks the
 *       entries changed. Store-TLB entries are never installed for pages of a table in RAM.</li>
 *   <li>At its regular interrupt-check points the CPU calls {@link #serviceFlushRequests()}; when it stops
 *       running it calls {@link #park()}, and {@link #unpark()} before running again (dirty-page protocol, see
 *       {@link DirtyPageTracker}).</li>
 *   <li>Instructions: {@link #slbmte}, {@link #slbie}, {@link #slbia}, {@link #tlbie}, {@link #tlbiel},
 *       {@link #setSdr1}, the key registers; {@code slbmfee}/{@code slbmfev}/{@code slbfee} read {@link #slb}
 *       directly. {@code tlbsync}/{@code ptesync} need nothing here.</li>
 * </ul>
 *
 * <h2>Contract with the hypervisor (pseries)</h2>
 * {@link #setHypervisorTable} installs the table jppc owns. After H_REMOVE, H_BULK_REMOVE, H_PROTECT,
 * H_CLEAR_REF, H_CLEAR_MOD, HTAB fd writes or a restore, call {@link #flushAll()} on every CPU's MMU (QEMU's
 * policy; a reverse map from HPTE index to TLB slots is a later optimisation). H_ENTER needs no flush.
 */
public final class HashMmu {

    /** Access kind: instruction fetch. */
    public static final int FETCH = 0;
    /** Access kind: load (and every non-store data access: dcbt, lwarx's read, ...). */
    public static final int LOAD = 1;
    /** Access kind: store-class access (store, stcx., dcbz). */
    public static final int STORE = 2;

    /** {@link #translate} result: a storage interrupt; see {@link #faultVector}. */
    public static final long FAULT = -1L;
    /** {@link #translate} result: the real address {@link #outsideRamAddress} is not RAM; try MMIO. */
    public static final long OUTSIDE_RAM = -2L;
    /**
     * {@link #translate} result: a pseries guest's real-mode address beyond RAM, or a bare machine's SDR1 naming a
     * table outside RAM: raise a machine check (vector {@link #VECTOR_MACHINE_CHECK}).
     */
    public static final long MACHINE_CHECK = -3L;

    public static final int VECTOR_MACHINE_CHECK = 0x200;
    /** Data Storage interrupt: DAR = EA, DSISR = {@link #faultDsisr}. */
    public static final int VECTOR_DSI = 0x300;
    /** Data Segment interrupt: DAR = EA, DSISR unchanged. */
    public static final int VECTOR_DATA_SEGMENT = 0x380;
    /** Instruction Storage interrupt: SRR1 |= {@link #faultSrr1}; DAR and DSISR unchanged. */
    public static final int VECTOR_ISI = 0x400;
    /** Instruction Segment interrupt: DAR, DSISR unchanged, no SRR1 cause bits. */
    public static final int VECTOR_INSTRUCTION_SEGMENT = 0x480;

    /** DSISR: no matching HPTE (ISA bit 33). */
    public static final long DSISR_NO_TRANSLATION = 0x4000_0000L;
    /** DSISR: PP/key authority denies the access (ISA bit 36). */
    public static final long DSISR_PROTECTION = 0x0800_0000L;
    /** DSISR: the access was a store (ISA bit 38), set together with the cause. */
    public static final long DSISR_STORE = 0x0200_0000L;
    /** DSISR: AMR storage key denies the access (ISA bit 42). */
    public static final long DSISR_KEY = 0x0020_0000L;
    /** SRR1 (ISI): no matching HPTE (ISA bit 33). */
    public static final long SRR1_NO_TRANSLATION = 0x4000_0000L;
    /** SRR1 (ISI): no-execute segment or page, or guarded page (ISA bit 35). */
    public static final long SRR1_NO_EXECUTE = 0x1000_0000L;
    /** SRR1 (ISI): PP/key authority denies the fetch (ISA bit 36). */
    public static final long SRR1_PROTECTION = 0x0800_0000L;
    /** SRR1 (ISI): IAMR storage key denies the fetch (ISA bit 42). */
    public static final long SRR1_KEY = 0x0020_0000L;

    /** MSR[SF], ISA bit 0. */
    public static final long MSR_SF = 1L << 63;

    /** Real mode ignores the top four EA bits (hash-mmu.md §9). */
    private static final long REAL_ADDRESS_MASK = 0x0FFF_FFFF_FFFF_FFFFL;
    private static final long SDR1_HTABORG = 0x0FFF_FFFF_FFFC_0000L;
    private static final long SDR1_HTABSIZE = 0x1FL;
    private static final long OFFSET_256M = 0x0FFF_FFFFL;
    private static final long OFFSET_1T = 0xFF_FFFF_FFFFL;
    /** The AVPN compare without the bits a 16 GiB page may ignore: a first filter before decoding the size. */
    private static final long COARSE_COMPARE = Hpte.V_COMPARE & ~PageSizes.avpnInsidePage(PageSizes.SHIFT_16G);

    /** Access rights, as bits: the pure helpers below return sets of them. */
    static final int READ = 1;
    static final int WRITE = 2;
    static final int EXECUTE = 4;
    static final int ALL = READ | WRITE | EXECUTE;
    /** Rights by [key * 8 + PP0||PP] (hash-mmu.md §7.1); a fetch needs read authority. */
    private static final int[] PP_RIGHTS = {
        ALL, ALL, ALL, READ | EXECUTE, 0, 0, READ | EXECUTE, 0,
        0, READ | EXECUTE, ALL, READ | EXECUTE, 0, 0, 0, 0,
    };

    /** The SLB; {@code slbmfee}, {@code slbmfev}, {@code slbfee} read it directly. */
    public final Slb slb = new Slb();
    /** Instruction fetch TLB. */
    public final Tlb fetchTlb = new Tlb();
    /** Load TLB. */
    public final Tlb loadTlb = new Tlb();
    /** Store TLB: only pages whose C bit is set and that are not part of a bare-machine table. */
    public final Tlb storeTlb = new Tlb();

    /** After {@link #FAULT}: the interrupt vector. */
    public int faultVector;
    /** After {@link #FAULT} with a data vector: the DAR value (the EA). */
    public long faultDar;
    /** After {@link #FAULT} with {@link #VECTOR_DSI}: the DSISR value. */
    public long faultDsisr;
    /** After {@link #FAULT} with {@link #VECTOR_ISI}: the cause bits to OR into SRR1. */
    public long faultSrr1;
    /** After {@link #OUTSIDE_RAM}: the real address. */
    public long outsideRamAddress;
    /** After a successful translated access: the HPTE index used; -1 after a real-mode access. */
    public int lastHpteIndex;
    /** After a successful access: the actual page shift of the mapping (12 in real mode). */
    public int lastPageShift;

    private final GuestMemory memory;
    private final DirtyPageTracker dirty;
    private final int dirtySlot;
    private long flushGenerationSeen;

    private HashPageTable table;
    private boolean tableOutsideRam;
    private long sdr1;
    private long hrmor;
    private long amr;
    private long iamr;
    private long uamor;
    private long amor = -1L;

    private long foundR;
    private int foundShift;

    /**
     * An MMU over {@code memory} that reports stores to {@code dirty}. It has no page table until
     * {@link #setSdr1} (bare machine: call it at reset, SDR1 = 0 names a 256 KiB table at 0) or
     * {@link #setHypervisorTable} (pseries); translated accesses before that fault with "no translation".
     */
    public HashMmu(final GuestMemory memory, final DirtyPageTracker dirty) {
        this.memory = memory;
        this.dirty = dirty;
        // Writes that do not go through this MMU (devices, hypercalls, loaders) are reported to the same tracker.
        memory.setDirtyLog(dirty);
        dirtySlot = dirty.registerCpu();
        flushGenerationSeen = dirty.flushRequested();
    }

    /**
     * Translates {@code ea} for an access of kind {@code access} ({@link #FETCH}, {@link #LOAD}, {@link #STORE})
     * under {@code msr}, setting R (and C for a store) in the HPTE, and with {@code install} fills the matching
     * TLB. Returns the real address, or {@link #FAULT}, {@link #OUTSIDE_RAM}, {@link #MACHINE_CHECK}.
     */
    public long translate(final long ea, final int access, final long msr, final boolean install) {
        // 1. 32-bit mode: the high EA word is ignored (Book III-S "Address Translation Overview").
        final long address = effectiveAddress(ea, msr);
        final boolean fetch = access == FETCH;
        // 2. Real mode when MSR[IR] (fetch) or MSR[DR] (data) is off (Book III-S "Real Addressing Mode").
        if (!isTranslated(access, msr)) {
            return translateReal(address, access, msr, install);
        }
        // 3. SLB search: ESID -> VSID (Book III-S "SLB Search"); none is a segment interrupt.
        final int segment = slb.lookup(address);
        if (segment < 0) {
            return segmentFault(address, fetch);
        }
        // 4. A no-execute segment faults a fetch before the page table is searched.
        if (fetch && slb.isNoExecute(segment)) {
            return instructionStorageFault(SRR1_NO_EXECUTE);
        }
        // 5. Page table search: primary group, then secondary (Book III-S "Page Table Search").
        final HashPageTable hpt = table;
        if (hpt == null) {
            return tableOutsideRam ? machineCheck(address) : noTranslation(address, access);
        }
        final int index = search(hpt, segment, address);
        if (index < 0) {
            return noTranslation(address, access);
        }
        final long r = foundR;
        final int pageShift = foundShift;
        // 6. Protection: N/G for fetches, PP with Ks/Kp, storage keys (Book III-S "Storage Protection").
        final int need = neededRight(access);
        final int ppRights = ppRights(slb.key(segment, (msr & TranslationMode.MSR_PR) != 0), r);
        final int executeRights = executeRights(r);
        final int keyRights = keyRights(Hpte.key(r));
        if ((need & ppRights & executeRights & keyRights) == 0) {
            final long cause = protectionCause(access, need, ppRights, executeRights, keyRights);
            return fetch ? instructionStorageFault(cause) : dataStorageFault(address, cause);
        }
        // 7. Reference and change recording: R on every access, C on a store (Book III-S "Reference and
        //    Change Recording"), written back into the table, which marks the entry changed.
        final long recorded = recordedBits(access);
        if ((r & recorded) != recorded) {
            hpt.setReferenceChange(index, recorded & ~r);
        }
        // 8. Real address; only RAM is installed in a TLB.
        final long ra = Hpte.realAddress(r, pageShift, address);
        lastHpteIndex = index;
        lastPageShift = pageShift;
        return finish(address, ra, access, fetch ? TranslationMode.fetch(msr) : TranslationMode.data(msr), install);
    }

    private long translateReal(final long address, final int access, final long msr, final boolean install) {
        lastHpteIndex = -1;
        lastPageShift = Tlb.PAGE_SHIFT;
        final int mode = access == FETCH ? TranslationMode.fetch(msr) : TranslationMode.data(msr);
        if (realModeMachineCheck(address, msr)) {
            return machineCheck(address);
        }
        return finish(address, realModeAddress(address, msr), access, mode, install);
    }

    /** The EA translation sees: the low word only when MSR[SF]=0. */
    static long effectiveAddress(final long ea, final long msr) {
        return (msr & MSR_SF) != 0 ? ea : ea & 0xFFFF_FFFFL;
    }

    /** True when an access of kind {@code access} is relocated under {@code msr} (IR for fetches, DR for data). */
    static boolean isTranslated(final int access, final long msr) {
        return (msr & (access == FETCH ? TranslationMode.MSR_IR : TranslationMode.MSR_DR)) != 0;
    }

    /**
     * The real address of a real-mode access: the top four EA bits dropped; in hypervisor state HRMOR ORed in
     * unless EA bit 0 is set. A pseries guest's real addresses are guest-physical (QEMU's virtual hypervisor
     * mode).
     */
    long realModeAddress(final long address, final long msr) {
        final long ra0 = address & REAL_ADDRESS_MASK;
        return (msr & TranslationMode.MSR_HV) != 0 && address >= 0 ? ra0 | hrmor : ra0;
    }

    /** True when a real-mode access outside hypervisor state lies beyond RAM: there is nothing, not even MMIO. */
    boolean realModeMachineCheck(final long address, final long msr) {
        return (msr & TranslationMode.MSR_HV) == 0
            && !memory.contains(address & REAL_ADDRESS_MASK & Tlb.PAGE_MASK, (int) Tlb.PAGE_SIZE);
    }

    /** True when the page of real address {@code ra} is RAM (only RAM is installed in a TLB; the rest is MMIO). */
    boolean isRam(final long ra) {
        return memory.contains(ra & Tlb.PAGE_MASK, (int) Tlb.PAGE_SIZE);
    }

    /** Byte offset of {@code address} inside its segment. */
    static long segmentOffset(final boolean oneTerabyte, final long address) {
        return address & (oneTerabyte ? OFFSET_1T : OFFSET_256M);
    }

    /** The right an access needs: execute for a fetch, write for a store, read otherwise. */
    static int neededRight(final int access) {
        return access == FETCH ? EXECUTE : access == STORE ? WRITE : READ;
    }

    /** Rights PP0||PP of HPTE second doubleword {@code r} grants with SLB key {@code key} (hash-mmu.md §7.1). */
    static int ppRights(final boolean key, final long r) {
        return PP_RIGHTS[(key ? 8 : 0) + Hpte.pp(r)];
    }

    /** A no-execute or guarded page can be read and written but never executed (hash-mmu.md §7.2). */
    static int executeRights(final long r) {
        return (r & (Hpte.R_NO_EXECUTE | Hpte.R_GUARDED)) != 0 ? READ | WRITE : ALL;
    }

    /** R for every access, C as well for a store (Book III-S "Reference and Change Recording"). */
    static long recordedBits(final int access) {
        return Hpte.R_REFERENCED | (access == STORE ? Hpte.R_CHANGED : 0);
    }

    /**
     * The actual page shift if HPTE (v, r) is the one {@code want} (from {@link HptHash#wantedV}) asks for in a
     * segment of base page shift {@code baseShift}, else 0: B, AVPN, H and V must match, AVPN bits inside a page
     * larger than 8 MiB excepted, and the page size must decode for the base size.
     */
    static int matchingShift(final long v, final long r, final long want, final int baseShift) {
        if (((v ^ want) & COARSE_COMPARE) != 0) {
            return 0;
        }
        final int shift = PageSizes.actualShift(baseShift, v, r);
        if (shift == 0 || ((v ^ want) & Hpte.V_COMPARE & ~PageSizes.avpnInsidePage(shift)) != 0) {
            return 0;
        }
        return shift;
    }

    private long finish(final long address, final long ra, final int access, final int mode,
                        final boolean install) {
        final long page = ra & Tlb.PAGE_MASK;
        if (!memory.contains(page, (int) Tlb.PAGE_SIZE)) {
            outsideRamAddress = ra;
            return OUTSIDE_RAM;
        }
        if (access == STORE) {
            dirty.mark(ra);
        }
        if (install) {
            install(address, page, access, mode);
        }
        return ra;
    }

    private void install(final long address, final long page, final int access, final int mode) {
        final Tlb tlb;
        if (access == FETCH) {
            tlb = fetchTlb;
        } else if (access == LOAD) {
            tlb = loadTlb;
        } else {
            final HashPageTable hpt = table;
            if (hpt != null && hpt.overlaps(page, Tlb.PAGE_SIZE)) {
                // Stores into a table in RAM must reach endGuestStore (atomicity and change marks).
                return;
            }
            if (memory.isCode(page)) {
                // Stores into translated code must reach GuestMemory, which tells the translator.
                return;
            }
            tlb = storeTlb;
        }
        tlb.install(address, mode, memory.chunk((int) (page >>> GuestMemory.CHUNK_SHIFT)),
            (int) (page & (GuestMemory.CHUNK_SIZE - 1)), page);
    }

    /** Searches the primary then the secondary group; returns the HPTE index or -1, leaving r/shift in fields. */
    private int search(final HashPageTable hpt, final int segment, final long address) {
        final boolean oneTerabyte = slb.isOneTerabyte(segment);
        final long offset = segmentOffset(oneTerabyte, address);
        final int baseShift = slb.baseShift(segment);
        final long hash = HptHash.hash(oneTerabyte, slb.vsid(segment), offset, baseShift);
        final long want = HptHash.wantedV(slb.vsidWord(segment), oneTerabyte, offset, baseShift, false);
        final int groupMask = hpt.groupMask();
        final int primary = searchGroup(hpt, HptHash.primaryGroup(hash, groupMask), want, baseShift);
        if (primary >= 0) {
            return primary;
        }
        return searchGroup(hpt, HptHash.secondaryGroup(hash, groupMask), want | Hpte.V_SECONDARY, baseShift);
    }

    /**
     * The first slot of {@code group} whose B, AVPN, H and V match {@code want} and whose page size decodes for
     * the segment's base size (entries that do not decode are skipped). AVPN bits inside a page larger than
     * 8 MiB are not compared. The group is read under its sequence counter, so another thread's write is never
     * seen half done.
     */
    private int searchGroup(final HashPageTable hpt, final int group, final long want, final int baseShift) {
        final int groupOffset = group * Hpte.GROUP_BYTES;
        while (true) {
            final int sequence = hpt.beginRead(group);
            int found = -1;
            for (int slot = 0; slot < Hpte.PER_GROUP; slot++) {
                final int at = groupOffset + slot * Hpte.BYTES;
                final long v = hpt.rawLong(at);
                if (((v ^ want) & COARSE_COMPARE) != 0) {
                    continue;
                }
                final long r = hpt.rawLong(at + 8);
                final int shift = matchingShift(v, r, want, baseShift);
                if (shift == 0) {
                    continue;
                }
                foundR = r;
                foundShift = shift;
                found = group * Hpte.PER_GROUP + slot;
                break;
            }
            if (hpt.endRead(group, sequence)) {
                return found;
            }
        }
    }

    /** Rights AMR and IAMR leave for storage key {@code key} (hash-mmu.md §7.3). */
    int keyRights(final int key) {
        final int shift = 62 - 2 * key;
        int rights = ALL;
        final long amrBits = (amr >>> shift) & 3;
        if ((amrBits & 2) != 0) {
            rights &= ~WRITE;
        }
        if ((amrBits & 1) != 0) {
            rights &= ~READ;
        }
        if (((iamr >>> shift) & 1) != 0) {
            rights &= ~EXECUTE;
        }
        return rights;
    }

    /**
     * The status bits of a protection fault, every failing reason ORed (hash-mmu.md §8): SRR1 cause bits for a
     * fetch, DSISR for a data access.
     */
    static long protectionCause(final int access, final int need, final int ppRights, final int executeRights,
                                final int keyRights) {
        if (access == FETCH) {
            long cause = 0;
            if ((executeRights & EXECUTE) == 0) {
                cause |= SRR1_NO_EXECUTE;
            }
            if ((ppRights & EXECUTE) == 0) {
                cause |= SRR1_PROTECTION;
            }
            if ((keyRights & EXECUTE) == 0) {
                cause |= SRR1_KEY;
            }
            return cause;
        }
        long dsisr = access == STORE ? DSISR_STORE : 0;
        if ((need & ppRights) == 0) {
            dsisr |= DSISR_PROTECTION;
        }
        if ((need & keyRights) == 0) {
            dsisr |= DSISR_KEY;
        }
        return dsisr;
    }

    private long segmentFault(final long address, final boolean fetch) {
        if (fetch) {
            return fault(VECTOR_INSTRUCTION_SEGMENT, 0, 0, 0);
        }
        return fault(VECTOR_DATA_SEGMENT, address, 0, 0);
    }

    private long noTranslation(final long address, final int access) {
        if (access == FETCH) {
            return instructionStorageFault(SRR1_NO_TRANSLATION);
        }
        return dataStorageFault(address, DSISR_NO_TRANSLATION | (access == STORE ? DSISR_STORE : 0));
    }

    private long instructionStorageFault(final long cause) {
        return fault(VECTOR_ISI, 0, 0, cause);
    }

    private long dataStorageFault(final long address, final long dsisr) {
        return fault(VECTOR_DSI, address, dsisr, 0);
    }

    private long fault(final int vector, final long dar, final long dsisr, final long srr1) {
        faultVector = vector;
        faultDar = dar;
        faultDsisr = dsisr;
        faultSrr1 = srr1;
        return FAULT;
    }

    private long machineCheck(final long address) {
        fault(VECTOR_MACHINE_CHECK, address, 0, 0);
        return MACHINE_CHECK;
    }

    // ---- Stores that do not hit the store TLB -------------------------------------------------------------

    /**
     * Stores {@code size} (1, 2, 4 or 8) bytes of {@code value} at real address {@code ra} (a {@link #translate}
     * result, so inside RAM) in byte order {@code order}; marks the RAM page dirty and, when the store lands in a
     * bare machine's table, makes it atomic for table readers and marks the entries changed.
     */
    public void storeReal(final long ra, final long value, final int size, final ByteOrder order) {
        if (!memory.contains(ra, size)) {
            throw new IllegalArgumentException(String.format("store of %d bytes at 0x%x is outside RAM", size, ra));
        }
        final HashPageTable hpt = table;
        final boolean intoTable = hpt != null && hpt.overlaps(ra, size);
        if (intoTable) {
            hpt.beginGuestStore(ra, size);
        }
        switch (size) {
            case 1:
                memory.putByte(ra, (byte) value);
                break;
            case 2:
                memory.putShort(ra, (short) value, order);
                break;
            case 4:
                memory.putInt(ra, (int) value, order);
                break;
            case 8:
                memory.putLong(ra, value, order);
                break;
            default:
                if (intoTable) {
                    hpt.endGuestStore(ra, size);
                }
                throw new IllegalArgumentException("store size must be 1, 2, 4 or 8, not " + size);
        }
        if (intoTable) {
            hpt.endGuestStore(ra, size);
        }
        dirty.markRange(ra, size);
    }

    /**
     * Before a store of {@code length} bytes at real address {@code ra} that the CPU writes itself (dcbz, stmw,
     * string and vector stores). Pair with {@link #endGuestStore}, with only the RAM writes in between.
     */
    public void beginGuestStore(final long ra, final int length) {
        if (!memory.contains(ra, length)) {
            throw new IllegalArgumentException(
                String.format("store of %d bytes at 0x%x is outside RAM", length, ra));
        }
        final HashPageTable hpt = table;
        if (hpt != null && hpt.overlaps(ra, length)) {
            hpt.beginGuestStore(ra, length);
        }
    }

    /** After the store {@link #beginGuestStore} announced: marks dirty pages and changed table entries. */
    public void endGuestStore(final long ra, final int length) {
        final HashPageTable hpt = table;
        if (hpt != null && hpt.overlaps(ra, length)) {
            hpt.endGuestStore(ra, length);
        }
        dirty.markRange(ra, length);
    }

    // ---- Invalidation ----------------------------------------------------------------------------------------

    /** The tracker this MMU (and its RAM) reports writes to. */
    public DirtyPageTracker dirtyPages() {
        return dirty;
    }

    /** Invalidates all three TLBs. */
    public void flushAll() {
        fetchTlb.flush();
        loadTlb.flush();
        storeTlb.flush();
    }

    /**
     * The CPU's check point for cross-thread flush requests (dirty-page readers): one volatile read when there is
     * nothing to do.
     */
    public void serviceFlushRequests() {
        final long requested = dirty.flushRequested();
        if (requested != flushGenerationSeen) {
            storeTlb.flush();
            flushGenerationSeen = requested;
            dirty.acknowledgeFlush(dirtySlot, requested);
        }
    }

    /** The CPU stops running: its store TLB is emptied and dirty-page readers stop waiting for it. */
    public void park() {
        storeTlb.flush();
        dirty.park(dirtySlot);
    }

    /** The CPU runs again after {@link #park()}. */
    public void unpark() {
        flushGenerationSeen = dirty.unpark(dirtySlot);
    }

    /**
     * {@code slbmte RS,RB}; false means "illegal instruction" (see {@link Slb#slbmte}). Drops cached translations
     * of the segment the entry mapped before and of the one it maps now.
     */
    public boolean slbmte(final long rs, final long rb) {
        final int index = (int) (rb & Slb.RB_INDEX);
        final long oldEsid = index < Slb.SIZE ? slb.esidWord(index) : 0;
        final long oldMask = index < Slb.SIZE ? slb.segmentMask(index) : 0;
        if (!slb.slbmte(rs, rb)) {
            return false;
        }
        if (oldMask != 0) {
            flushSegment(oldEsid, oldMask);
        }
        if (slb.isValid(index)) {
            flushSegment(slb.esidWord(index), slb.segmentMask(index));
        }
        return true;
    }

    /** {@code slbie RB}: invalidates the SLB entry and every cached translation of that segment. */
    public int slbie(final long rb) {
        final int b = Slb.slbieSegmentSize(rb);
        if (b <= Slb.B_1T) {
            flushSegment(rb, b == Slb.B_1T ? Slb.SEGMENT_1T_MASK : Slb.SEGMENT_256M_MASK);
        }
        return slb.slbie(rb);
    }

    /** {@code slbia IH}: invalidates SLB entries 1..31 and every cached translation. */
    public void slbia(final int ih) {
        slb.slbia(ih);
        flushAll();
    }

    /**
     * {@code tlbie RB,L} (v2.07): flushes every TLB entry (precise invalidation by VA would need a reverse map;
     * QEMU flushes everything as well) and, for a table in RAM, marks the groups the invalidated VA hashes to as
     * changed. The v3.0 operands (RS, RIC, PRS, R) do not exist on POWER8 and are not taken.
     */
    public void tlbie(final long rb, final boolean large) {
        final HashPageTable hpt = table;
        if (hpt != null && hpt.isInGuestMemory() && hpt.changes().hasReaders()) {
            TlbieGroups.mark(rb, large, slb, hpt);
        }
        flushAll();
    }

    /** {@code tlbiel RB,L}: this processor only, which for one CPU is {@link #tlbie}; set forms flush all too. */
    public void tlbiel(final long rb, final boolean large) {
        tlbie(rb, large);
    }

    private void flushSegment(final long ea, final long mask) {
        fetchTlb.flushRange(ea, mask);
        loadTlb.flushRange(ea, mask);
        storeTlb.flushRange(ea, mask);
    }

    // ---- Page table and registers -----------------------------------------------------------------------------

    /**
     * {@code mtsdr1}: the table is {@code 2^(18 + HTABSIZE)} bytes at HTABORG in guest RAM (hash-mmu.md §6.1).
     * Returns false when it does not lie in RAM (or exceeds 1 GiB); translated accesses then report
     * {@link #MACHINE_CHECK} until SDR1 names a usable table. Flushes all TLBs. Setting the same value again
     * keeps the same {@link HashPageTable} (and its change readers).
     */
    public boolean setSdr1(final long value) {
        sdr1 = value;
        flushAll();
        final long base = value & SDR1_HTABORG;
        final int log2Size = 18 + (int) (value & SDR1_HTABSIZE);
        final HashPageTable current = table;
        if (current != null && current.realBase() == base && current.log2Size() == log2Size) {
            return true;
        }
        if (log2Size > HashPageTable.MAX_LOG2_SIZE || !memory.contains(base, 1 << log2Size)
            || (base >>> GuestMemory.CHUNK_SHIFT) != ((base + (1L << log2Size) - 1) >>> GuestMemory.CHUNK_SHIFT)) {
            table = null;
            tableOutsideRam = true;
            return false;
        }
        table = HashPageTable.inGuestMemory(memory, base, log2Size);
        tableOutsideRam = false;
        return true;
    }

    /** The last value given to {@link #setSdr1}. */
    public long sdr1() {
        return sdr1;
    }

    /** pseries: the table the hypervisor owns ({@code null} for none). Flushes all TLBs. */
    public void setHypervisorTable(final HashPageTable hypervisorTable) {
        table = hypervisorTable;
        tableOutsideRam = false;
        flushAll();
    }

    /** The table translations use, or null. */
    public HashPageTable table() {
        return table;
    }

    /** True when SDR1 names a table that does not lie in RAM: translated accesses report a machine check. */
    public boolean isTableOutsideRam() {
        return tableOutsideRam;
    }

    /** HRMOR, ORed into hypervisor real-mode addresses whose EA bit 0 is clear. Flushes all TLBs on change. */
    public void setHrmor(final long value) {
        if (value != hrmor) {
            hrmor = value;
            flushAll();
        }
    }

    public long hrmor() {
        return hrmor;
    }

    public long amr() {
        return amr;
    }

    /** Sets AMR unmasked (restore, hypervisor); key rights are cached in the data TLBs, so they are flushed. */
    public void setAmr(final long value) {
        if (value != amr) {
            amr = value;
            loadTlb.flush();
            storeTlb.flush();
        }
    }

    /**
     * {@code mtspr AMR} by the guest: in problem state only the bits UAMOR enables change, in privileged
     * non-hypervisor state only those AMOR enables, in hypervisor state all (hash-mmu.md §7.3).
     */
    public void writeAmr(final long value, final long msr) {
        final long mask = writableKeyBits(msr, uamor);
        setAmr((amr & ~mask) | (value & mask));
    }

    public long iamr() {
        return iamr;
    }

    /** Sets IAMR unmasked; flushes the fetch TLB on change. */
    public void setIamr(final long value) {
        if (value != iamr) {
            iamr = value;
            fetchTlb.flush();
        }
    }

    /** {@code mtspr IAMR} (privileged): a non-hypervisor writer changes only the bits AMOR enables. */
    public void writeIamr(final long value, final long msr) {
        final long mask = (msr & TranslationMode.MSR_HV) != 0 ? -1L : amor;
        setIamr((iamr & ~mask) | (value & mask));
    }

    public long uamor() {
        return uamor;
    }

    /** Sets UAMOR unmasked. UAMOR changes no translation, so nothing is flushed. */
    public void setUamor(final long value) {
        uamor = value;
    }

    /** {@code mtspr UAMOR} (privileged): a non-hypervisor writer changes only the bits AMOR enables. */
    public void writeUamor(final long value, final long msr) {
        final long mask = (msr & TranslationMode.MSR_HV) != 0 ? -1L : amor;
        uamor = (uamor & ~mask) | (value & mask);
    }

    public long amor() {
        return amor;
    }

    /** Sets AMOR (hypervisor only). jppc as a pseries hypervisor leaves it all ones, the reset value here. */
    public void setAmor(final long value) {
        amor = value;
    }

    /** Power-on state: empty SLB and TLBs, no table, key registers zero (AMOR all ones), HRMOR zero. */
    public void reset() {
        slb.reset();
        flushAll();
        table = null;
        tableOutsideRam = false;
        sdr1 = 0;
        hrmor = 0;
        amr = 0;
        iamr = 0;
        uamor = 0;
        amor = -1L;
    }

    private long writableKeyBits(final long msr, final long userMask) {
        if ((msr & TranslationMode.MSR_PR) != 0) {
            return userMask;
        }
        return (msr & TranslationMode.MSR_HV) != 0 ? -1L : amor;
    }
}
