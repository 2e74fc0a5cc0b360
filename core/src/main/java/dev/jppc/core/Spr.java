package dev.jppc.core;

/**
 * Special-purpose register numbers (Power ISA v2.07 Book III-S, "SPR encodings") and who may access them.
 *
 * <p>{@link #readLevel(int)} and {@link #writeLevel(int)} give the privilege an access needs. Registers whose
 * accesses have side effects or are views of other state (XER, DEC, TB, LPCR, ...) are handled by name in
 * {@code SystemRegisters}; every other implemented SPR is plain storage in {@code Cpu.spr}.
 */
public final class Spr {

    /** Not implemented by jppc: the ISA's rule for unimplemented SPRs applies. */
    public static final byte UNIMPLEMENTED = 0;
    /** Accessible in problem state. */
    public static final byte USER = 1;
    /** Privileged: MSR[PR] must be 0. */
    public static final byte SUPERVISOR = 2;
    /** Hypervisor privileged: MSR[HV]=1 and MSR[PR]=0. */
    public static final byte HYPERVISOR = 3;
    /** Implemented, but this direction of access is not allowed in any state (a read-only register). */
    public static final byte NO_ACCESS = 4;

    public static final int XER = 1;
    public static final int DSCR_USER = 3;
    public static final int LR = 8;
    public static final int CTR = 9;
    public static final int AMR_USER = 13;
    public static final int DSCR = 17;
    public static final int DSISR = 18;
    public static final int DAR = 19;
    public static final int DEC = 22;
    public static final int SDR1 = 25;
    public static final int SRR0 = 26;
    public static final int SRR1 = 27;
    public static final int CFAR = 28;
    public static final int AMR = 29;
    public static final int PIDR = 48;
    public static final int IAMR = 61;
    public static final int TFHAR = 128;
    public static final int TFIAR = 129;
    public static final int TEXASR = 130;
    public static final int TEXASRU = 131;
    public static final int CTRL_READ = 136;
    public static final int CTRL_WRITE = 152;
    public static final int FSCR = 153;
    public static final int UAMOR = 157;
    public static final int PSPB = 159;
    public static final int DPDES = 176;
    public static final int DAWR0 = 180;
    public static final int RPR = 186;
    public static final int CIABR = 187;
    public static final int DAWRX0 = 188;
    public static final int HFSCR = 190;
    public static final int VRSAVE = 256;
    public static final int SPRG3_USER = 259;
    public static final int TB = 268;
    public static final int TBU = 269;
    public static final int SPRG0 = 272;
    public static final int SPRG1 = 273;
    public static final int SPRG2 = 274;
    public static final int SPRG3 = 275;
    public static final int TBL_WRITE = 284;
    public static final int TBU_WRITE = 285;
    public static final int TBU40 = 286;
    public static final int PVR = 287;
    public static final int HSPRG0 = 304;
    public static final int HSPRG1 = 305;
    public static final int HDSISR = 306;
    public static final int HDAR = 307;
    public static final int SPURR = 308;
    public static final int PURR = 309;
    public static final int HDEC = 310;
    public static final int HRMOR = 313;
    public static final int HSRR0 = 314;
    public static final int HSRR1 = 315;
    public static final int LPCR = 318;
    public static final int LPIDR = 319;
    public static final int HMER = 336;
    public static final int HMEER = 337;
    public static final int PCR = 338;
    public static final int HEIR = 339;
    public static final int AMOR = 349;
    public static final int IC = 350;
    public static final int VTB = 351;
    public static final int TIR = 446;
    public static final int PPR = 896;
    public static final int PPR32 = 898;
    public static final int TAR = 815;
    public static final int HID0 = 1008;
    public static final int PIR = 1023;

    private static final byte[] READ = new byte[1024];
    private static final byte[] WRITE = new byte[1024];

    static {
        both(USER, XER, LR, CTR, DSCR_USER, AMR_USER, VRSAVE, TAR, PPR, PPR32, TFHAR, TFIAR, TEXASR, TEXASRU);
        // Performance monitor, user views (read only in problem state while MMCR0[PMCC] is 0) and the
        // event-based branch registers.
        for (int n = 768; n <= 783; n++) {
            access(n, USER, USER);
        }
        for (int n = 800; n <= 806; n++) {
            access(n, USER, USER);
        }
        access(SPRG3_USER, USER, NO_ACCESS);
        access(TB, USER, NO_ACCESS);
        access(TBU, USER, NO_ACCESS);
        access(CTRL_READ, USER, NO_ACCESS);
        access(CTRL_WRITE, NO_ACCESS, SUPERVISOR);
        both(SUPERVISOR, DSCR, DSISR, DAR, DEC, SRR0, SRR1, CFAR, AMR, PIDR, IAMR, FSCR, UAMOR, PSPB,
            SPRG0, SPRG1, SPRG2, SPRG3);
        for (int n = 784; n <= 799; n++) {
            access(n, SUPERVISOR, SUPERVISOR);
        }
        access(PVR, SUPERVISOR, NO_ACCESS);
        access(PIR, SUPERVISOR, NO_ACCESS);
        access(PURR, SUPERVISOR, HYPERVISOR);
        access(SPURR, SUPERVISOR, HYPERVISOR);
        access(IC, SUPERVISOR, HYPERVISOR);
        access(VTB, SUPERVISOR, HYPERVISOR);
        access(TIR, SUPERVISOR, NO_ACCESS);
        access(TBL_WRITE, NO_ACCESS, HYPERVISOR);
        access(TBU_WRITE, NO_ACCESS, HYPERVISOR);
        access(TBU40, NO_ACCESS, HYPERVISOR);
        both(HYPERVISOR, SDR1, DPDES, DAWR0, DAWRX0, RPR, CIABR, HFSCR, HSPRG0, HSPRG1, HDSISR, HDAR, HDEC,
            HRMOR, HSRR0, HSRR1, LPCR, LPIDR, HMER, HMEER, PCR, HEIR, AMOR, HID0);
    }

    private Spr() {
    }

    /** The privilege {@code mfspr} of {@code spr} needs: one of the level constants. */
    public static byte readLevel(final int spr) {
        return READ[spr & 1023];
    }

    /** The privilege {@code mtspr} of {@code spr} needs: one of the level constants. */
    public static byte writeLevel(final int spr) {
        return WRITE[spr & 1023];
    }

    private static void both(final byte level, final int... sprs) {
        for (final int spr : sprs) {
            access(spr, level, level);
        }
    }

    private static void access(final int spr, final byte read, final byte write) {
        READ[spr] = read;
        WRITE[spr] = write;
    }
}
