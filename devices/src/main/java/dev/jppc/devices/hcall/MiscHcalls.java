package dev.jppc.devices.hcall;

import java.nio.ByteOrder;
import java.util.random.RandomGenerator;

import dev.jppc.core.Cpu;

/**
 * Hypercalls that stand alone: H_RANDOM, H_GET_CPU_CHARACTERISTICS and the cache-inhibited logical loads and
 * stores H_LOGICAL_CI_LOAD / H_LOGICAL_CI_STORE.
 */
public final class MiscHcalls {

    /**
     * H_GET_CPU_CHARACTERISTICS answers: no speculation side channel to mitigate, so no behaviour bit asks for
     * one. Without FAVOUR_SECURITY, L1D_FLUSH_PR and BNDS_CHK_SPEC_BAR Linux turns off every flush and barrier
     * (pseries-boot.md §7.6); if the call failed it would assume the worst and flush the L1D in software on
     * every kernel exit. No characteristic is claimed either, so Linux never uses a flush instruction jppc
     * lacks (the count cache flush's {@code bcctr 2,0,0}, the "mttrig" SPR 882).
     */
    static final long CPU_CHARACTERISTICS = 0;
    static final long CPU_BEHAVIOUR = 0;

    private final RandomGenerator random;

    /** {@code random} supplies H_RANDOM (a seeded generator for reproducible runs, SecureRandom otherwise). */
    MiscHcalls(final RandomGenerator random) {
        this.random = random;
    }

    /** The generator behind H_RANDOM. */
    RandomGenerator random() {
        return random;
    }

    /** H_RANDOM: 64 random bits in r4. */
    long random(final Cpu cpu) {
        cpu.gpr[4] = random.nextLong();
        return Hcall.H_SUCCESS;
    }

    /** H_GET_CPU_CHARACTERISTICS: characteristics in r4, behaviour in r5. */
    long cpuCharacteristics(final Cpu cpu) {
        cpu.gpr[4] = CPU_CHARACTERISTICS;
        cpu.gpr[5] = CPU_BEHAVIOUR;
        return Hcall.H_SUCCESS;
    }

    /**
     * H_LOGICAL_CI_LOAD(size, address): loads 1, 2, 4 or 8 bytes, big-endian, from RAM or a device window into
     * r4. H_PARAMETER for any other size or an address with nothing behind it (QEMU would read 0 from unassigned
     * space; jppc says so instead).
     */
    long logicalLoad(final Cpu cpu) {
        final long size = cpu.gpr[4];
        final long address = cpu.gpr[5];
        if (!isAccessSize(size)) {
            return Hcall.H_PARAMETER;
        }
        final int n = (int) size;
        if (cpu.ram.contains(address, n)) {
            cpu.gpr[4] = switch (n) {
                case 1 -> cpu.ram.getByte(address) & 0xFFL;
                case 2 -> cpu.ram.getShort(address, ByteOrder.BIG_ENDIAN) & 0xFFFFL;
                case 4 -> cpu.ram.getInt(address, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
                default -> cpu.ram.getLong(address, ByteOrder.BIG_ENDIAN);
            };
            return Hcall.H_SUCCESS;
        }
        final int window = cpu.mmio.find(address, n);
        if (window < 0) {
            return Hcall.H_PARAMETER;
        }
        cpu.gpr[4] = cpu.mmio.read(window, address, n);
        return Hcall.H_SUCCESS;
    }

    /**
     * H_LOGICAL_CI_STORE(size, address, value): stores the low 1, 2, 4 or 8 bytes of the value, big-endian, to
     * RAM (dirty-tracked, and clearing a reservation on the granule as any store does) or a device window.
     */
    long logicalStore(final Cpu cpu) {
        final long size = cpu.gpr[4];
        final long address = cpu.gpr[5];
        final long value = cpu.gpr[6];
        if (!isAccessSize(size)) {
            return Hcall.H_PARAMETER;
        }
        final int n = (int) size;
        if (cpu.ram.contains(address, n)) {
            if (cpu.reservationValid) {
                final long granule = cpu.reservationAddress & -Cpu.RESERVATION_GRANULE;
                if (address < granule + Cpu.RESERVATION_GRANULE && granule < address + n) {
                    cpu.clearReservation();
                }
            }
            cpu.mmu.storeReal(address, value, n, ByteOrder.BIG_ENDIAN);
            return Hcall.H_SUCCESS;
        }
        final int window = cpu.mmio.find(address, n);
        if (window < 0) {
            return Hcall.H_PARAMETER;
        }
        cpu.mmio.write(window, address, n, value);
        return Hcall.H_SUCCESS;
    }

    private static boolean isAccessSize(final long size) {
        return size == 1 || size == 2 || size == 4 || size == 8;
    }
}
