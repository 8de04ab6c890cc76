package vn.partyledger.domain.member;

/** What the provincial standing committee consented to in writing (docs/rules.md#s5-1 steps 7 and re-admission). */
public enum ConsentKind {
    READMISSION,
    OVER_AGE_LIMIT,
    EDUCATION_EXCEPTION
}
