/*
 * vsx_run(struct state *state, uint64_t *save): runs the one instruction word at vsx_slot with VSRs 0-63 and
 * GPRs r0, r5-r12 taken from *state, then writes them back to *state. The caller's VSRs are kept in *save
 * (64 x 16 bytes) meanwhile. r3 (state) and r4 (save) must survive the instruction: the generator never
 * names them, nor r1, r2 or r13.
 *
 * The state layout: vsr[64][2] (doubleword 0, then doubleword 1, as lxvd2x/stxvd2x move them in both byte
 * orders), then gpr[32].
 */
#define STATE_GPR 1024

        .machine power9
#if defined(_CALL_ELF) && _CALL_ELF == 2
        .abiversion 2
        .text
        .globl  vsx_run
        .type   vsx_run, @function
vsx_run:
#else
        .section ".opd", "aw"
        .align  3
        .globl  vsx_run
vsx_run:
        .quad   .vsx_run, .TOC.@tocbase, 0
        .text
        .type   .vsx_run, @function
.vsx_run:
#endif
        .set    n, 0
        .rept   64
        li      0, 16 * n
        stxvd2x n, 4, 0
        lxvd2x  n, 3, 0
        .set    n, n + 1
        .endr

        .irp    g, 5, 6, 7, 8, 9, 10, 11, 12, 0
        ld      \g, STATE_GPR + 8 * \g(3)
        .endr

        .globl  vsx_slot
vsx_slot:
        nop

        .irp    g, 0, 5, 6, 7, 8, 9, 10, 11, 12
        std     \g, STATE_GPR + 8 * \g(3)
        .endr

        .set    n, 0
        .rept   64
        li      0, 16 * n
        stxvd2x n, 3, 0
        lxvd2x  n, 4, 0
        .set    n, n + 1
        .endr
        blr

        .section .note.GNU-stack, "", @progbits
