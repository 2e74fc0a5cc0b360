/*
 * start.S: entry of the workout. Sets up a stack and the TOC pointer, clears
 * .bss, hands the device tree address (r3 at entry) to console_init(), runs
 * main() and hands its result to console_exit().
 *
 * The image is linked at the address where it runs (see common/bare.ld and
 * common/pseries-linked.ld), so the TOC pointer is simply the absolute
 * address of .TOC.. The same file also starts the Linux build used for
 * validation (USERMODE), which keeps the stack the kernel gave it.
 */
#if defined(PSERIES) && defined(__LITTLE_ENDIAN__)
        /* pseries starts every image big-endian: see hello-pseries-le.S. */
        .macro  be_word w
        .byte   ((\w) >> 24) & 0xff, ((\w) >> 16) & 0xff, ((\w) >> 8) & 0xff, (\w) & 0xff
        .endm
#endif
        .section .text.start, "ax"
        .globl  _start
_start:
#if defined(PSERIES) && defined(__LITTLE_ENDIAN__)
        tdi     0, 0, 0x48              /* big-endian CPU sees: b .+8       */
        b       1f                      /* already little-endian            */
        be_word 0x7d6000a6              /* mfmsr   r11                      */
        be_word 0x696b0001              /* xori    r11, r11, 1 (MSR[LE])    */
        be_word 0x429f0005              /* bcl     20, 31, .+4              */
        be_word 0x7d4802a6              /* mflr    r10 (its own address)    */
        be_word 0x394a0014              /* addi    r10, r10, 20 (1: below)  */
        be_word 0x7d5a03a6              /* mtsrr0  r10                      */
        be_word 0x7d7b03a6              /* mtsrr1  r11                      */
        be_word 0x4c000024              /* rfid                             */
1:
#endif
        mr      r31, r3                 /* device tree address              */
#ifndef USERMODE
        /* jppc enters with MSR[SF]=1, but a loader that enters in 32-bit
         * mode (QEMU's pseries firmware does) would make every CR0, CA and
         * OV computation 32-bit: make sure, as Linux does at entry. */
        mfmsr   r11
        li      r12, 1
        sldi    r12, r12, 63            /* MSR[SF]                          */
        or      r11, r11, r12
        mtmsrd  r11
#endif
#ifdef USERMODE
        clrrdi  r1, r1, 4               /* keep Linux's stack, 16-aligned   */
#else
        lis     r1, 0x0F00              /* stack top: 0x0F000000, well     */
#endif                                  /* inside the smallest RAM (256M)  */
        li      r0, 0
        stdu    r0, -128(r1)            /* first frame, null back chain    */
        lis     r2, .TOC.@ha
        addi    r2, r2, .TOC.@l

        lis     r3, __bss_start@ha      /* bss is 8-byte aligned and sized */
        addi    r3, r3, __bss_start@l   /* by the linker script            */
        lis     r4, __bss_end@ha
        addi    r4, r4, __bss_end@l
        li      r5, 0
3:      cmpld   r3, r4
        bge     2f
        std     r5, 0(r3)
        addi    r3, r3, 8
        b       3b

2:      mr      r3, r31
        bl      console_init
        nop
        bl      main
        nop
        bl      console_exit            /* r3 = main's result; no return   */
        nop
        b       .

#if defined(USERMODE) && _CALL_ELF != 2
/* An ELFv1 Linux program is entered through a function descriptor. */
        .section .opd, "aw"
        .balign 8
        .globl  _start_opd
_start_opd:
        .quad   _start, .TOC.@tocbase, 0
#endif
