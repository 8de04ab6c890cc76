package vn.partyledger.domain.person;

/** Political-theory training (lý luận chính trị). */
public enum PoliticalTheoryLevel {
    NONE,
    ELEMENTARY,
    INTERMEDIATE,
    ADVANCED,
    SENIOR
}
