/*
 * hello-pseries-be: the smallest program for jppc's pseries machine,
 * big-endian.
 *
 * pseries loads us at 0x400000 + p_paddr and starts us in real mode as a
 * partition (MSR[HV]=0, big-endian), r3 = address of the device tree. The
 * code is position independent (it finds itself with bl/mflr), so linking at
 * 0 and running at 0x400000 is fine. It prints through the hypervisor console
 * (H_PUT_TERM_CHAR, up to 16 bytes per call) and then asks RTAS to power the
 * machine off through QEMU's private RTAS hypercall 0xF000.
 */
        /* Name the symbol table's file entry (else: a temporary's name). */
        .file   "hello-pseries-be.S"
        .section .text.start, "ax"
        .globl  _start
_start:
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
rtas_args:                              /* big-endian words, as RTAS wants  */
        .long   0x2003                  /* token: power-off                 */
        .long   2                       /* nargs                            */
        .long   1                       /* nret                             */
        .long   0, 0                    /* power-on time: none              */
        .long   0                       /* status, written by RTAS          */
message:
        .ascii  "Hello from jppc: pseries machine, big-endian\n"
message_end:
