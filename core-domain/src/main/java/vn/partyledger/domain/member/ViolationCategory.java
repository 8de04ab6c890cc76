package vn.partyledger.domain.member;

/**
 * What a discipline decision punished, as far as re-admission must know it (docs/rules.md#s5-1, QĐ 294 §3.5): three
 * categories bar re-admission for ever, a conviction for a less-serious offence delays it until 60 months after the
 * conviction was expunged. {@code NOT_RECORDED} marks decisions recorded before the category was (revision 1 of
 * {@link vn.partyledger.domain.discipline.DisciplineImposed}) or imposed without stating it; the paper file then tells (ADR 0014).
 */
public enum ViolationCategory {
    SERIOUS_DISUNITY,
    CORRUPTION_CONVICTION,
    SERIOUS_CRIME_CONVICTION,
    LESS_SERIOUS_CRIME_CONVICTION,
    OTHER,
    NOT_RECORDED;

    /** Causing serious internal disunity, a conviction for corruption or for a serious crime or worse. */
    public boolean barsReadmission() {
        return this == SERIOUS_DISUNITY || this == CORRUPTION_CONVICTION || this == SERIOUS_CRIME_CONVICTION;
    }
}
