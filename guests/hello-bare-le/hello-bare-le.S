/*
 * hello-bare-le: the smallest program for jppc's bare machine, little-endian.
 *
 * The bare machine starts us at e_entry in real mode with MSR[HV]=1 and
 * MSR[LE]=1 (the image's byte order), r3 = address of the device tree.
 * We write a greeting to the 16550 UART at physical 0x0000600000000000 and
 * stop the machine with `attn`, whose exit status is the low byte of r3.
 */
        /* Name the symbol table's file entry (else: a temporary's name). */
        .file   "hello-bare-le.S"
        .section .text.start, "ax"
        .globl  _start
_start:
        lis     r9, 0x6000              /* r9 = 0x60000000 ...              */
        sldi    r9, r9, 16              /* ... << 16 = 0x0000600000000000   */
        bl      1f                      /* find the message without caring  */
1:      mflr    r10                     /* where we were linked             */
        addi    r10, r10, message - 1b

next:   lbz     r11, 0(r10)
        cmpwi   r11, 0
        beq     done
wait:   lbz     r12, 5(r9)              /* line status register             */
        andi.   r12, r12, 0x20          /* transmit holding register empty? */
        beq     wait
        stb     r11, 0(r9)              /* transmit                         */
        addi    r10, r10, 1
        b       next

done:   li      r3, 0                   /* exit status 0: success           */
        .long   0x00000200              /* attn: stop the machine           */
        b       .                       /* not reached                      */

message:
        .asciz  "Hello from jppc: bare machine, little-endian\n"
