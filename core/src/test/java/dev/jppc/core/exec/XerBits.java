package dev.jppc.core.exec;

/** The XER bits instruction tests set and check (Book I 3.2.2; OV32 and CA32 as ISA v3.0 places them). */
final class XerBits {

    static final long SO = 1L << 31;
    static final long OV = 1L << 30;
    static final long CA = 1L << 29;
    static final long OV32 = 1L << 19;
    static final long CA32 = 1L << 18;

    /** CR field bits. */
    static final int LT = 8;
    static final int GT = 4;
    static final int EQ = 2;
    static final int SO_BIT = 1;

    private XerBits() {
    }

    /** LT, GT or EQ for {@code value} compared with zero, as a record form sets CR0 (without SO). */
    static int signOf(final long value) {
        return value < 0 ? LT : value > 0 ? GT : EQ;
    }

    /** CR0 of a record form: the result in 64-bit mode, its low word in 32-bit mode, plus SO. */
    static int cr0(final long result, final boolean mode64, final int so) {
        return signOf(mode64 ? result : (int) result) | so;
    }

    /** "LT", "GT" or "EQ" as table text, to a CR field value. */
    static int named(final String name) {
        return switch (name.trim()) {
            case "LT" -> LT;
            case "GT" -> GT;
            case "EQ" -> EQ;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
