package dev.jppc.machine.elf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The defined symbols of an image's {@code .symtab}: lookup by name, and address to nearest symbol for
 * traces. Addresses are compared unsigned. Immutable.
 */
public final class ElfSymbolTable {

    /** The table of an image without {@code .symtab} (stripped). */
    public static final ElfSymbolTable EMPTY = new ElfSymbolTable(List.of());

    /**
     * Sorted by unsigned value; among symbols at the same address the most telling one (a global function
     * beats a local label) sorts last, which is the one an address search lands on.
     */
    private final ElfSymbol[] byAddress;
    private final long[] addresses;
    private final Map<String, ElfSymbol> byName;

    ElfSymbolTable(final List<ElfSymbol> symbols) {
        byAddress = symbols.toArray(new ElfSymbol[0]);
        Arrays.sort(byAddress, (a, b) -> {
            final int byValue = Long.compareUnsigned(a.value(), b.value());
            return byValue != 0 ? byValue : Integer.compare(rank(a), rank(b));
        });
        addresses = new long[byAddress.length];
        for (int i = 0; i < byAddress.length; i++) {
            addresses[i] = byAddress[i].value();
        }
        final Map<String, ElfSymbol> names = new HashMap<>();
        for (final ElfSymbol symbol : symbols) {
            final ElfSymbol seen = names.get(symbol.name());
            if (seen == null || (symbol.isGlobal() && !seen.isGlobal())) {
                names.put(symbol.name(), symbol);
            }
        }
        byName = Collections.unmodifiableMap(names);
    }

    private static int rank(final ElfSymbol symbol) {
        return (symbol.isFunction() ? 2 : 0) + (symbol.isGlobal() ? 1 : 0);
    }

    public int size() {
        return byAddress.length;
    }

    public boolean isEmpty() {
        return byAddress.length == 0;
    }

    /** All symbols in address order. */
    public List<ElfSymbol> symbols() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(byAddress)));
    }

    /** The symbol with this name; a global one wins over a local one of the same name. */
    public Optional<ElfSymbol> byName(final String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The value of the named symbol. */
    public OptionalLong valueOf(final String name) {
        final ElfSymbol symbol = byName.get(name);
        return symbol == null ? OptionalLong.empty() : OptionalLong.of(symbol.value());
    }

    /** The symbol with the highest address at or below {@code address} (unsigned), if any. */
    public Optional<ElfSymbol> nearestAtOrBelow(final long address) {
        int low = 0;
        int high = addresses.length - 1;
        int found = -1;
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(addresses[mid], address) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(byAddress[found]);
    }

    /** {@code name+0x1c} (or just {@code name}) for the nearest symbol, else the address in hex. */
    public String describe(final long address) {
        final Optional<ElfSymbol> symbol = nearestAtOrBelow(address);
        if (symbol.isEmpty()) {
            return String.format("0x%x", address);
        }
        final long delta = address - symbol.get().value();
        return delta == 0 ? symbol.get().name() : String.format("%s+0x%x", symbol.get().name(), delta);
    }
}
