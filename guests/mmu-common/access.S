/*
 * access.S: single storage accesses with translation turned on, for C code
 * that otherwise runs in real mode (MSR[IR] = MSR[DR] = 0).
 *
 * Each function sets MSR[DR] (data) or MSR[IR] (fetch) with mtmsrd, does
 * one access, and restores the MSR. When the access takes a storage
 * interrupt, vectors.S resumes after it (data) or at LR (fetch), so the
 * function still returns normally; a load that faulted leaves its result
 * at -1 (the register is never written). The *_at labels mark the
 * accessing instruction, which is what SRR0 holds after a data storage or
 * data segment interrupt.
 *
 * Between the two mtmsrd only registers are used, never the stack, so
 * only the page accessed needs a translation, except in xlate_call and the
 * problem-state functions, whose own code is fetched translated: the
 * guests map their image at its own address (EA = RA) for that.
 */
#include "asm.h"

        .file   "access.S"
        .text

        .macro  DATA_ON                 /* r5 = MSR now, then DR on      */
        mfmsr   r5
        ori     r6, r5, MSR_DR
        mtmsrd  r6
        isync
        .endm

        .macro  DATA_OFF
        mtmsrd  r5
        isync
        .endm

/* u64 xlate_ld(u64 ea): ld */
FUNC xlate_ld
        mr      r4, r3
        li      r3, -1
        DATA_ON
        .globl  xlate_ld_at
xlate_ld_at:
        ld      r3, 0(r4)
        DATA_OFF
        blr

/* u64 xlate_lbz(u64 ea): lbz */
FUNC xlate_lbz
        mr      r4, r3
        li      r3, -1
        DATA_ON
        .globl  xlate_lbz_at
xlate_lbz_at:
        lbz     r3, 0(r4)
        DATA_OFF
        blr

/* void xlate_std(u64 ea, u64 value): std */
FUNC xlate_std
        DATA_ON
        .globl  xlate_std_at
xlate_std_at:
        std     r4, 0(r3)
        DATA_OFF
        blr

/* void xlate_stb(u64 ea, u64 value): stb */
FUNC xlate_stb
        DATA_ON
        .globl  xlate_stb_at
xlate_stb_at:
        stb     r4, 0(r3)
        DATA_OFF
        blr

/* void xlate_dcbz(u64 ea): dcbz, a store-class access to a whole block */
FUNC xlate_dcbz
        DATA_ON
        .globl  xlate_dcbz_at
xlate_dcbz_at:
        dcbz    0, r3
        DATA_OFF
        blr

/*
 * u64 xlate_call(u64 ea): calls the code at ea with MSR[IR] = 1 (data
 * accesses stay untranslated) and returns its r3, or -1 if it could not be
 * fetched. The code must return with blr and change nothing but r3.
 */
FUNC xlate_call
        mflr    r0
        std     r0, 16(r1)
        mtctr   r3
        li      r3, -1
        mfmsr   r5
        ori     r6, r5, MSR_IR
        mtmsrd  r6                      /* from here on fetched through  */
        isync                           /* the image's own mapping       */
        bctrl
        mtmsrd  r5
        isync
        ld      r0, 16(r1)
        mtlr    r0
        blr

/*
 * u64 xlate_user_ld(u64 ea) and void xlate_user_std(u64 ea, u64 value): the
 * access in problem state (MSR[PR] = 1, so the SLB's Kp key applies) with
 * IR and DR on: rfid to the access, then sc back to privileged state
 * (vectors.S's 0xC00 path turns PR, IR and DR off after the sc).
 */
FUNC xlate_user_ld
        mr      r4, r3
        li      r3, -1
        mfmsr   r5
        ori     r6, r5, MSR_PR | MSR_IR | MSR_DR
        mtspr   SPR_SRR1, r6
        lis     r6, xlate_user_ld_at@ha
        addi    r6, r6, xlate_user_ld_at@l
        mtspr   SPR_SRR0, r6
        rfid
        .globl  xlate_user_ld_at
xlate_user_ld_at:
        ld      r3, 0(r4)
        sc
        blr

FUNC xlate_user_std
        mfmsr   r5
        ori     r6, r5, MSR_PR | MSR_IR | MSR_DR
        mtspr   SPR_SRR1, r6
        lis     r6, xlate_user_std_at@ha
        addi    r6, r6, xlate_user_std_at@l
        mtspr   SPR_SRR0, r6
        rfid
        .globl  xlate_user_std_at
xlate_user_std_at:
        std     r4, 0(r3)
        sc
        blr
