/*
 * vectors.S: the interrupt vectors of the MMU guests and their common
 * handler.
 *
 * An interrupt turns MSR[IR] and MSR[DR] off, so the vectors must be
 * reachable in real mode: the linker script puts this section at physical 0
 * and each vector at its architected offset (Book III-S chapter 6). Each
 * saves r3, r4 and CR in SPRG0..2, puts its own number in r3 and goes to
 * trap_common, which records DAR, DSISR, SRR0, SRR1, HSRR0, HSRR1 and the
 * MSR the handler runs with in `trap` (struct trap_record in mmu.h) and then,
 * if trap.resume is set:
 *   - 0x300 (data storage) and 0x380 (data segment): resumes after the
 *     faulting instruction (SRR0 + 4), with the MSR of the interrupted code;
 *   - 0x400 (instruction storage) and 0x480 (instruction segment): there is
 *     no instruction to skip (the one at SRR0 could not be fetched), so it
 *     returns to LR: the tests reach such addresses with bctrl;
 *   - 0xC00 (system call, not recorded): returns to privileged state with
 *     translation and MSR[EE] off after the sc (an rfid that sets
 *     MSR[PR] also sets EE, IR and DR); the tests use sc to
 *     leave problem state.
 * Anything else, or any interrupt while trap.resume is 0, is fatal: C's
 * trap_report() prints the record and stops the machine.
 *
 * The interrupted code's registers are all intact when it resumes; only
 * SRR0/SRR1 and SPRG0..2 change.
 */
#include "asm.h"

        .file   "vectors.S"
        .section .vectors, "ax"
#ifdef QEMU_POWERNV
        /*
         * QEMU's powernv machine starts a -bios image at 0x10, big-endian
         * (check-qemu-powernv): a big-endian "b _start" (0x10000, see the
         * linker script); the little-endian build's start.S then switches.
         */
        .org    0x10
        .byte   0x48, 0x00, 0xff, 0xf0
#endif

        .macro  VECTOR v
        .org    \v
        mtspr   SPR_SPRG0, r3
        mtspr   SPR_SPRG1, r4
        mfcr    r3
        mtspr   SPR_SPRG2, r3
        li      r3, \v
        b       trap_common
        .endm

        .irp    v, 0x100, 0x200, 0x300, 0x380, 0x400, 0x480, 0x500, 0x600, 0x700, 0x800, 0x900, 0x980, \
                   0xa00, 0xb00, 0xc00, 0xd00, 0xe00, 0xe20, 0xe40, 0xe60, 0xe80, 0xea0, 0xf00, 0xf20, \
                   0xf40, 0xf60, 0xf80
        VECTOR  \v
        .endr

        .text
trap_common:
        lis     r4, trap@ha             /* the record, at its real address  */
        addi    r4, r4, trap@l
        cmpdi   r3, 0xc00
        bne     1f
        ld      r3, TRAP_RESUME(r4)
        cmpdi   r3, 0
        bne     leave_problem_state
        li      r3, 0xc00
1:      std     r3, TRAP_VECTOR(r4)
        mfspr   r3, SPR_DAR
        std     r3, TRAP_DAR(r4)
        mfspr   r3, SPR_DSISR
        std     r3, TRAP_DSISR(r4)
        mfspr   r3, SPR_SRR0
        std     r3, TRAP_SRR0(r4)
        mfspr   r3, SPR_SRR1
        std     r3, TRAP_SRR1(r4)
        mfmsr   r3
        std     r3, TRAP_MSR(r4)
        mfspr   r3, SPR_HSRR0
        std     r3, TRAP_HSRR0(r4)
        mfspr   r3, SPR_HSRR1
        std     r3, TRAP_HSRR1(r4)
        ld      r3, TRAP_COUNT(r4)
        addi    r3, r3, 1
        std     r3, TRAP_COUNT(r4)
        ld      r3, TRAP_RESUME(r4)
        cmpdi   r3, 0
        beq     trap_fatal
        ld      r3, TRAP_VECTOR(r4)
        cmpdi   r3, 0x300
        beq     after_data
        cmpdi   r3, 0x380
        beq     after_data
        cmpdi   r3, 0x400
        beq     after_fetch
        cmpdi   r3, 0x480
        beq     after_fetch
        b       trap_fatal

after_data:                             /* skip the load or store        */
        mfspr   r3, SPR_SRR0
        addi    r3, r3, 4
        mtspr   SPR_SRR0, r3
        b       resume

after_fetch:                            /* back to whoever branched there */
        mflr    r3
        mtspr   SPR_SRR0, r3
        b       resume

leave_problem_state:                    /* SRR0 already points past sc   */
        mfspr   r3, SPR_SRR1
        li      r4, MSR_PR | MSR_IR | MSR_DR
        ori     r4, r4, MSR_EE
        andc    r3, r3, r4
        mtspr   SPR_SRR1, r3
        b       restore

resume:                                 /* SRR1 without the cause bits:  */
        mfspr   r3, SPR_SRR1            /* the interrupted code's MSR    */
        lis     r4, SRR1_CAUSE_HI
        andc    r3, r3, r4
        mtspr   SPR_SRR1, r3
restore:
        mfspr   r3, SPR_SPRG2
        mtcrf   0xff, r3
        mfspr   r3, SPR_SPRG0
        mfspr   r4, SPR_SPRG1
        rfid

trap_fatal:                             /* a fresh stack and TOC for C   */
        lis     r1, 0x0e00
        li      r0, 0
        stdu    r0, -128(r1)
        lis     r2, .TOC.@ha
        addi    r2, r2, .TOC.@l
        ld      r3, TRAP_VECTOR(r4)
        bl      trap_report             /* prints the record, stops      */
        nop
        b       .
