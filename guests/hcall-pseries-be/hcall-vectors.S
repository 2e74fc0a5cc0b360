/*
 * hcall-vectors.S: the interrupt entry of the hcall guest.
 *
 * On pseries the image loads at 0x400000, but interrupts go to the real
 * addresses 0x100..0xF80 (MSR[HV] = 0, SRR0/SRR1, translation off). So the
 * program copies `vector_stub` to each vector at run time: six instructions
 * that save r3, r4 and CR in SPRG0..2, put the vector's number in r3 (the
 * `li` is patched per vector: its immediate is the stub's fifth word) and
 * jump with an absolute branch (`ba`, reach 32 MiB) to trap_entry.
 *
 * trap_entry saves the volatile registers, SRR0 and SRR1 in `trap_frame`
 * (struct trap_frame in hcall.c), switches to an interrupt stack at
 * 0x0E000000 (the interrupted code may be anywhere in its own frame, with
 * its ABI's protected zone below r1) and calls trap_handler(vector) in C.
 * The C handler may change the saved SRR0/SRR1 (to skip a faulting access)
 * and may make hypercalls, which clobber r0, r3..r12, CTR, XER, CR and,
 * as on real hardware, SRR0/SRR1: all of that is restored before rfid.
 */
#include "../mmu-common/asm.h"

        .file   "hcall-vectors.S"

#define SPR_XER 1
#define FRAME_R0 0
#define FRAME_R1 8
#define FRAME_R2 16
#define FRAME_R5 24                     /* r5..r12 at 24..80             */
#define FRAME_LR 88
#define FRAME_CTR 96
#define FRAME_XER 104
#define FRAME_SRR0 112
#define FRAME_SRR1 120

        .text
        .balign 4
        .globl  vector_stub
vector_stub:
        mtspr   SPR_SPRG0, r3
        mtspr   SPR_SPRG1, r4
        mfcr    r3
        mtspr   SPR_SPRG2, r3
        li      r3, 0                   /* patched: the vector number    */
        ba      trap_entry

trap_entry:
        lis     r4, trap_frame@ha
        addi    r4, r4, trap_frame@l
        std     r0, FRAME_R0(r4)
        std     r1, FRAME_R1(r4)
        std     r2, FRAME_R2(r4)
        std     r5, FRAME_R5 + 0(r4)
        std     r6, FRAME_R5 + 8(r4)
        std     r7, FRAME_R5 + 16(r4)
        std     r8, FRAME_R5 + 24(r4)
        std     r9, FRAME_R5 + 32(r4)
        std     r10, FRAME_R5 + 40(r4)
        std     r11, FRAME_R5 + 48(r4)
        std     r12, FRAME_R5 + 56(r4)
        mflr    r0
        std     r0, FRAME_LR(r4)
        mfctr   r0
        std     r0, FRAME_CTR(r4)
        mfspr   r0, SPR_XER
        std     r0, FRAME_XER(r4)
        mfspr   r0, SPR_SRR0
        std     r0, FRAME_SRR0(r4)
        mfspr   r0, SPR_SRR1
        std     r0, FRAME_SRR1(r4)

        lis     r1, 0x0e00              /* interrupt stack               */
        li      r0, 0
        stdu    r0, -128(r1)
        lis     r2, .TOC.@ha
        addi    r2, r2, .TOC.@l
        bl      trap_handler            /* r3 = the vector               */
        nop

        lis     r4, trap_frame@ha
        addi    r4, r4, trap_frame@l
        ld      r0, FRAME_SRR0(r4)
        mtspr   SPR_SRR0, r0
        ld      r0, FRAME_SRR1(r4)
        mtspr   SPR_SRR1, r0
        ld      r0, FRAME_LR(r4)
        mtlr    r0
        ld      r0, FRAME_CTR(r4)
        mtctr   r0
        ld      r0, FRAME_XER(r4)
        mtspr   SPR_XER, r0
        ld      r0, FRAME_R0(r4)
        ld      r1, FRAME_R1(r4)
        ld      r2, FRAME_R2(r4)
        ld      r5, FRAME_R5 + 0(r4)
        ld      r6, FRAME_R5 + 8(r4)
        ld      r7, FRAME_R5 + 16(r4)
        ld      r8, FRAME_R5 + 24(r4)
        ld      r9, FRAME_R5 + 32(r4)
        ld      r10, FRAME_R5 + 40(r4)
        ld      r11, FRAME_R5 + 48(r4)
        ld      r12, FRAME_R5 + 56(r4)
        mfspr   r3, SPR_SPRG2
        mtcrf   0xff, r3
        mfspr   r3, SPR_SPRG0
        mfspr   r4, SPR_SPRG1
        rfid
