package dev.jppc.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.jppc.core.Cpu;
import dev.jppc.core.StopReason;
import dev.jppc.machine.fdt.Fdt;
import dev.jppc.machine.fdt.FdtNode;

class MachineTest {

    private static final Path HELLO_PSERIES = Path.of("../guests/hello-pseries-be/hello-pseries-be.elf");
    private static final Path HELLO_BARE_LE = Path.of("../guests/hello-bare-le/hello-bare-le.elf");

    private static byte[] fdtOf(final Machine m) {
        final long at = m.cpu().gpr[3];
        final int size = m.ram().getInt(at + 4, ByteOrder.BIG_ENDIAN);
        final byte[] blob = new byte[size];
        m.ram().getBytes(at, blob, 0, size);
        return blob;
    }

    @Test
    void shouldEnterPseriesAsQemuDoes() throws Exception {
        final Machine m = Machine.create(new MachineConfig().image(HELLO_PSERIES).append("console=hvc0"));
        final Cpu cpu = m.cpu();
        assertEquals(Cpu.MSR_SF | Cpu.MSR_ME, cpu.msr, "MSR at entry: SF and ME only, big-endian, HV=0");
        assertEquals(m.fdtAddress(), cpu.gpr[3]);
        assertEquals(0, cpu.gpr[4]);
        assertEquals(0, cpu.gpr[5]);
        assertTrue(cpu.pc >= Machine.PSERIES_KERNEL_BASE, "entry is placed at 0x400000 + (e_entry & 0x0FFFFFFF)");
        final Fdt fdt = Fdt.parse(fdtOf(m));
        final FdtNode root = fdt.root();
        assertEquals("qemu,pseries", root.property("compatible").orElseThrow().asString());
        assertEquals("chrp", root.property("device_type").orElseThrow().asString());
        assertEquals("console=hvc0", root.find("/chosen").orElseThrow().property("bootargs").orElseThrow()
            .asString());
        final FdtNode cpuNode = root.find("/cpus/PowerPC,POWER8@0").orElseThrow();
        assertEquals(512_000_000, cpuNode.property("timebase-frequency").orElseThrow().asU32());
        assertEquals(32, cpuNode.property("ibm,slb-size").orElseThrow().asU32());
        assertEquals(2, cpuNode.property("ibm,vmx").orElseThrow().asU32());
        final int[] pft = cpuNode.property("ibm,pft-size").orElseThrow().asCells();
        assertEquals(22, pft[1], "512 MiB of RAM gets a 4 MiB table (1/128, power of two)");
        assertEquals(0x2003, root.find("/rtas").orElseThrow().property("power-off").orElseThrow().asU32());
        assertEquals("hvterm1", root.find("/vdevice/vty@71000000").orElseThrow().property("compatible")
            .orElseThrow().asString());
        assertEquals(512L << 20, root.find("/memory@0").orElseThrow().property("reg").orElseThrow()
            .asU64s()[1]);
    }

    @Test
    void shouldEnterBareInTheImagesByteOrder() throws Exception {
        final Machine m = Machine.create(new MachineConfig().type(MachineType.BARE).image(HELLO_BARE_LE));
        assertEquals(Cpu.MSR_SF | Cpu.MSR_HV | Cpu.MSR_ME | Cpu.MSR_LE, m.cpu().msr);
        assertEquals(256L << 20, m.ram().size());
        final Fdt fdt = Fdt.parse(fdtOf(m));
        assertTrue(fdt.root().find("/serial@600000000000").isPresent());
    }

    @Test
    void shouldSizeThePageTableAsQemu() {
        assertEquals(18, Machine.pftShift(16L << 20), "at least 256 KiB");
        assertEquals(22, Machine.pftShift(512L << 20));
        assertEquals(23, Machine.pftShift(1L << 30));
    }

    @Test
    void shouldRefuseImagesThatAreNotPowerPc64Elf() {
        final MachineException notElf = assertThrows(MachineException.class,
            () -> Machine.create(new MachineConfig().image("hello".getBytes(StandardCharsets.UTF_8))));
        assertTrue(notElf.getMessage().contains("ELF"), notElf.getMessage());
        final MachineException tooSmall = assertThrows(MachineException.class,
            () -> Machine.create(new MachineConfig().type(MachineType.BARE).memory(1 << 20).image(HELLO_BARE_LE)));
        assertTrue(tooSmall.getMessage().contains("memory"), tooSmall.getMessage());
        assertThrows(MachineException.class, () -> Machine.create(new MachineConfig().image(Path.of("nope.elf"))));
    }

    @Test
    void shouldReportExitStatusesOfPlatformMd() throws Exception {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final Machine m = Machine.create(new MachineConfig().image(HELLO_PSERIES).console(console));
        final StopReason budget = m.run(5);
        assertEquals(StopReason.BUDGET, budget);
        assertEquals(3, m.exitStatus(budget));
        final StopReason done = m.run(1_000_000);
        assertEquals(StopReason.POWER_OFF, done);
        assertEquals(0, m.exitStatus(done));
        assertTrue(console.toString(StandardCharsets.UTF_8).startsWith("Hello from jppc"));
    }

    @Test
    void shouldParseMemorySizes() {
        assertEquals(512L << 20, MachineConfig.parseSize("512M"));
        assertEquals(1L << 30, MachineConfig.parseSize("1g"));
        assertEquals(65536, MachineConfig.parseSize("64K"));
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.parseSize("lots"));
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.parseSize("-1M"));
    }
}
