/*
 * hello-pseries-le: the smallest program for jppc's pseries machine,
 * little-endian.
 *
 * pseries always starts the CPU big-endian, even for a little-endian image,
 * so the first instructions are written to make sense in either byte order:
 * the first word is `tdi 0,0,0x48` in little-endian encoding, which a
 * big-endian CPU reads as `b .+8` and so jumps into a short sequence stored
 * as big-endian words that sets MSR[LE] and continues, little-endian, at
 * le_start through rfid. A CPU that is already little-endian executes the
 * tdi (a trap that never traps) and branches over that sequence.
 *
 * The rest matches hello-pseries-be: position independent, prints through
 * H_PUT_TERM_CHAR and powers off through QEMU's RTAS hypercall 0xF000. RTAS
 * argument buffers stay big-endian whatever the guest's byte order.
 */
        /* Name the symbol table's file entry (else: a temporary's name). */
        .file   "hello-pseries-le.S"
        .macro  be_word w               /* a word stored big-endian         */
        .byte   ((\w) >> 24) & 0xff, ((\w) >> 16) & 0xff, ((\w) >> 8) & 0xff, (\w) & 0xff
        .endm

        .section .text.start, "ax"
        .globl  _start
_start:
        tdi     0, 0, 0x48              /* big-endian CPU sees: b .+8       */
        b       le_start                /* already little-endian            */
        be_word 0x7d6000a6              /* mfmsr   r11                      */
        be_word 0x696b0001              /* xori    r11, r11, 1 (MSR[LE])    */
        be_word 0x429f0005              /* bcl     20, 31, .+4              */
        be_word 0x7d4802a6              /* mflr    r10 (its own address)    */
        be_word 0x394a0014              /* addi    r10, r10, 20 (le_start)  */
        be_word 0x7d5a03a6              /* mtsrr0  r10                      */
        be_word 0x7d7b03a6              /* mtsrr1  r11                      */
        be_word 0x4c000024              /* rfid                             */
le_start:
        bl      1f
1:      mflr    r31                     /* r31 = run-time address of 1:     */
        addi    r30, r31, message - 1b  /* r30 = next byte to print         */
        li      r29, message_end - message /* r29 = bytes left              */

put:    cmpdi   r29, 0
        beq     power_off
        mr      r28, r29                /* r28 = bytes in this call, <= 16  */
        cmpldi  r28, 16
        ble     2f
        li      r28, 16
2:      li      r6, 0                   /* r6:r7 = the bytes, first byte in */
        li      r7, 0                   /* the most significant byte of r6  */
        li      r8, 0                   /* r8 = index in this chunk         */
3:      lbzx    r9, r30, r8
        sldi    r10, r8, 3
        cmpldi  r8, 8
        bge     4f
        subfic  r10, r10, 56            /* byte i of r6 sits at bit 56-8i   */
        sld     r9, r9, r10
        or      r6, r6, r9
        b       5f
4:      subfic  r10, r10, 120           /* byte i of r7 sits at bit 120-8i  */
        sld     r9, r9, r10
        or      r7, r7, r9
5:      addi    r8, r8, 1
        cmpld   r8, r28
        blt     3b
        li      r3, 0x58                /* H_PUT_TERM_CHAR                  */
        li      r4, 0                   /* terminal 0: the default one      */
        mr      r5, r28
        sc      1                       /* r14..r31 survive a hypercall     */
        add     r30, r30, r28
        subf    r29, r28, r29
        b       put

power_off:
        li      r3, 0
        ori     r3, r3, 0xF000          /* QEMU's private RTAS hypercall    */
        addi    r4, r31, rtas_args - 1b /* real mode: EA = physical address */
        sc      1
        b       .                       /* not reached                      */

        /* Data stays in this section so that its distance from 1: is known
         * when assembling; in real mode nothing stops RTAS writing here. */
        .balign 4
rtas_args:
        be_word 0x2003                  /* token: power-off                 */
        be_word 2                       /* nargs                            */
        be_word 1                       /* nret                             */
        be_word 0                       /* power-on time: none              */
        be_word 0
        be_word 0                       /* status, written by RTAS          */
message:
        .ascii  "Hello from jppc: pseries machine, little-endian\n"
message_end:
