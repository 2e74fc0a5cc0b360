/*
 * asm.h: macros for the MMU guests' assembly files.
 *
 * FUNC declares a function that C calls. Big-endian Linux toolchains use the
 * ELFv1 ABI, where a function's symbol names a descriptor in .opd (entry
 * address, TOC, environment) and the code has a local label; little-endian
 * ones use ELFv2, where the symbol is the code itself. None of these
 * functions uses the TOC, so the descriptor only has to exist.
 */
#ifndef MMU_ASM_H
#define MMU_ASM_H

#if _CALL_ELF == 2
        .macro  FUNC name
        .globl  \name
        .type   \name, @function
\name:
        .endm
#else
        .macro  FUNC name
        .section ".opd", "aw"
        .balign 8
        .globl  \name
\name:
        .quad   .L.\name, .TOC.@tocbase, 0
        .previous
        .type   \name, @function
.L.\name:
        .endm
#endif

/* SPR numbers */
#define SPR_DSISR 18
#define SPR_DAR 19
#define SPR_SRR0 26
#define SPR_SRR1 27
#define SPR_SPRG0 272
#define SPR_SPRG1 273
#define SPR_SPRG2 274
#define SPR_HSRR0 314
#define SPR_HSRR1 315

/* MSR bits (low halfword) */
#define MSR_EE 0x8000
#define MSR_PR 0x4000
#define MSR_IR 0x20
#define MSR_DR 0x10

/* SRR1 bits 33:36 and 42:47: an interrupt's cause, not MSR bits (upper half for lis). */
#define SRR1_CAUSE_HI 0x783f

/* Offsets in struct trap_record (mmu.h). */
#define TRAP_COUNT 0
#define TRAP_VECTOR 8
#define TRAP_DAR 16
#define TRAP_DSISR 24
#define TRAP_SRR0 32
#define TRAP_SRR1 40
#define TRAP_MSR 48
#define TRAP_HSRR0 56
#define TRAP_HSRR1 64
#define TRAP_RESUME 72

#endif
