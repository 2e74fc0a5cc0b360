/*
 * start.S: entry of a Linux user program built without libc. The kernel
 * (or jppc user) enters with r1 pointing at argc; hand that pointer to
 * cstart() on a fresh, 16-byte aligned frame. An ELFv1 program is entered
 * through a function descriptor, which also gives it its TOC pointer; an
 * ELFv2 one finds its TOC from its own address, which the kernel puts in r12.
 */
#if _CALL_ELF == 2
        .text
        .globl  _start
        .type   _start, @function
_start:
        addis   r2, r12, (.TOC. - _start)@ha
        addi    r2, r2, (.TOC. - _start)@l
#else
        .section .opd, "aw"
        .balign 8
        .globl  _start
_start:
        .quad   ._start, .TOC.@tocbase, 0
        .text
._start:
#endif
        mr      r3, r1                  /* &argc                            */
        clrrdi  r1, r1, 4
        li      r0, 0
        stdu    r0, -128(r1)            /* first frame, null back chain    */
        bl      cstart
        nop
        b       .
