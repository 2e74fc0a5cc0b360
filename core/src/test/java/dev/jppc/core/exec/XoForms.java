package dev.jppc.core.exec;

import java.util.Map;

import dev.jppc.core.asm.PpcAsm;

/**
 * The XO-form arithmetic instructions by mnemonic, each with its four encodings (plain, {@code o}, {@code .},
 * {@code o.}), so that one table row can be checked in every form.
 */
final class XoForms {

    /** Builds the word for RT, RA, RB (RB is ignored by the two-operand instructions). */
    @FunctionalInterface
    interface Encoder {
        int word(int rt, int ra, int rb);
    }

    /** The four forms of one mnemonic; {@code carries} tells whether it writes XER[CA] and XER[CA32]. */
    record Forms(Encoder plain, Encoder o, Encoder rc, Encoder oRc, boolean carries) {

        Encoder form(final boolean overflow, final boolean record) {
            return overflow ? (record ? oRc : o) : (record ? rc : plain);
        }
    }

    private static final Map<String, Forms> FORMS = Map.ofEntries(
        Map.entry("add", new Forms(PpcAsm::add, PpcAsm::addo, PpcAsm::add_, PpcAsm::addo_, false)),
        Map.entry("addc", new Forms(PpcAsm::addc, PpcAsm::addco, PpcAsm::addc_, PpcAsm::addco_, true)),
        Map.entry("adde", new Forms(PpcAsm::adde, PpcAsm::addeo, PpcAsm::adde_, PpcAsm::addeo_, true)),
        Map.entry("addme", new Forms((t, a, b) -> PpcAsm.addme(t, a), (t, a, b) -> PpcAsm.addmeo(t, a),
            (t, a, b) -> PpcAsm.addme_(t, a), (t, a, b) -> PpcAsm.addmeo_(t, a), true)),
        Map.entry("addze", new Forms((t, a, b) -> PpcAsm.addze(t, a), (t, a, b) -> PpcAsm.addzeo(t, a),
            (t, a, b) -> PpcAsm.addze_(t, a), (t, a, b) -> PpcAsm.addzeo_(t, a), true)),
        Map.entry("subf", new Forms(PpcAsm::subf, PpcAsm::subfo, PpcAsm::subf_, PpcAsm::subfo_, false)),
        Map.entry("subfc", new Forms(PpcAsm::subfc, PpcAsm::subfco, PpcAsm::subfc_, PpcAsm::subfco_, true)),
        Map.entry("subfe", new Forms(PpcAsm::subfe, PpcAsm::subfeo, PpcAsm::subfe_, PpcAsm::subfeo_, true)),
        Map.entry("subfme", new Forms((t, a, b) -> PpcAsm.subfme(t, a), (t, a, b) -> PpcAsm.subfmeo(t, a),
            (t, a, b) -> PpcAsm.subfme_(t, a), (t, a, b) -> PpcAsm.subfmeo_(t, a), true)),
        Map.entry("subfze", new Forms((t, a, b) -> PpcAsm.subfze(t, a), (t, a, b) -> PpcAsm.subfzeo(t, a),
            (t, a, b) -> PpcAsm.subfze_(t, a), (t, a, b) -> PpcAsm.subfzeo_(t, a), true)),
        Map.entry("neg", new Forms((t, a, b) -> PpcAsm.neg(t, a), (t, a, b) -> PpcAsm.nego(t, a),
            (t, a, b) -> PpcAsm.neg_(t, a), (t, a, b) -> PpcAsm.nego_(t, a), false)),
        Map.entry("mullw", new Forms(PpcAsm::mullw, PpcAsm::mullwo, PpcAsm::mullw_, PpcAsm::mullwo_, false)),
        Map.entry("mulld", new Forms(PpcAsm::mulld, PpcAsm::mulldo, PpcAsm::mulld_, PpcAsm::mulldo_, false)),
        Map.entry("divw", new Forms(PpcAsm::divw, PpcAsm::divwo, PpcAsm::divw_, PpcAsm::divwo_, false)),
        Map.entry("divwu", new Forms(PpcAsm::divwu, PpcAsm::divwuo, PpcAsm::divwu_, PpcAsm::divwuo_, false)),
        Map.entry("divd", new Forms(PpcAsm::divd, PpcAsm::divdo, PpcAsm::divd_, PpcAsm::divdo_, false)),
        Map.entry("divdu", new Forms(PpcAsm::divdu, PpcAsm::divduo, PpcAsm::divdu_, PpcAsm::divduo_, false)),
        Map.entry("divwe", new Forms(PpcAsm::divwe, PpcAsm::divweo, PpcAsm::divwe_, PpcAsm::divweo_, false)),
        Map.entry("divweu", new Forms(PpcAsm::divweu, PpcAsm::divweuo, PpcAsm::divweu_, PpcAsm::divweuo_, false)),
        Map.entry("divde", new Forms(PpcAsm::divde, PpcAsm::divdeo, PpcAsm::divde_, PpcAsm::divdeo_, false)),
        Map.entry("divdeu", new Forms(PpcAsm::divdeu, PpcAsm::divdeuo, PpcAsm::divdeu_, PpcAsm::divdeuo_, false)));

    private XoForms() {
    }

    static Forms of(final String mnemonic) {
        final Forms forms = FORMS.get(mnemonic.trim());
        if (forms == null) {
            throw new IllegalArgumentException("no XO-form table entry for " + mnemonic);
        }
        return forms;
    }
}
