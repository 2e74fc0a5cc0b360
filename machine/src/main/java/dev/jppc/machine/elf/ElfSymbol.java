package dev.jppc.machine.elf;

/**
 * One defined symbol of {@code .symtab}. Values are 64-bit addresses compared unsigned (kernel addresses
 * have the top bit set).
 *
 * @param name    symbol name, never empty
 * @param value   st_value: the symbol's address (for ELFv1 functions, the address of the descriptor or of
 *                the dot-symbol code, whichever the symbol names)
 * @param size    st_size, 0 when unknown (typical for assembly labels)
 * @param type    STT_* (low 4 bits of st_info)
 * @param binding STB_* (high 4 bits of st_info)
 */
public record ElfSymbol(String name, long value, long size, int type, int binding) {

    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;

    public boolean isFunction() {
        return type == STT_FUNC;
    }

    public boolean isGlobal() {
        return binding == STB_GLOBAL || binding == STB_WEAK;
    }
}
