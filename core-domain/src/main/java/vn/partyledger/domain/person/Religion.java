package vn.partyledger.domain.person;

/** The religions recognised in Vietnam, grouped; the register keeps the code, statistics count it (§14). */
public enum Religion {
    NONE,
    BUDDHISM,
    CATHOLICISM,
    PROTESTANTISM,
    CAO_DAI,
    HOA_HAO,
    ISLAM,
    OTHER_RECOGNISED
}
