# Runs one instruction (patched into harness_slot) on register and FPSCR state taken from a struct, and
# stores the state after it. r3 = struct fpcase (see fpgen.c): in[8][2] at 0 (vs1-vs4, vs33-vs36),
# fpscr_in at 128, fpscr_out at 136, cr at 144, mem[2] at 152, out[8][2] at 168.
# Loads and stores in the instruction use r5 = &mem and r6 = 0 as base and index.
    .section .harness,"awx",@progbits
    .globl harness
    .globl harness_slot
    .p2align 4
harness:
    addi 5,3,152
    li 6,0
    li 7,0
    lxvd2x 1,7,3
    li 7,16
    lxvd2x 2,7,3
    li 7,32
    lxvd2x 3,7,3
    li 7,48
    lxvd2x 4,7,3
    li 7,64
    lxvd2x 33,7,3
    li 7,80
    lxvd2x 34,7,3
    li 7,96
    lxvd2x 35,7,3
    li 7,112
    lxvd2x 36,7,3
    lfd 0,128(3)
    mtfsf 255,0,1,0
    li 7,0
    mtcrf 255,7
harness_slot:
    nop
    mfcr 7
    std 7,144(3)
    mffs 0
    stfd 0,136(3)
    li 7,168
    stxvd2x 1,7,3
    li 7,184
    stxvd2x 2,7,3
    li 7,200
    stxvd2x 3,7,3
    li 7,216
    stxvd2x 4,7,3
    li 7,232
    stxvd2x 33,7,3
    li 7,248
    stxvd2x 34,7,3
    li 7,264
    stxvd2x 35,7,3
    li 7,280
    stxvd2x 36,7,3
    blr
