package vn.partyledger.domain.person;

/** Why the Party may process a person's data (domain.md §15.1: consent or a legal basis, for counsel to settle [U]). */
public enum ProcessingBasis {
    /** The person consented, informed of the data, purpose and controller (PDP Law 91/2025 Art. 9). */
    CONSENT,
    /** Party organisations keep their own members' records under Party rules. */
    PARTY_RULES,
    /** A law requires the processing. */
    LEGAL_OBLIGATION
}
