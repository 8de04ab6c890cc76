package vn.partyledger.domain.organisation;

/** Why an organisation ceased to exist (docs/rules.md#s3-5, §17.3). */
public enum DissolutionReason {
    /** Giải thể: an administrative decision, e.g. after a merge or split. */
    ADMINISTRATIVE,
    /** Giải tán: the disciplinary disbandment of an organisation (QĐ 22 Art. 10). */
    DISBANDED_AS_DISCIPLINE,
    /** Fewer than three full members remained (Charter Art. 21.2). */
    BELOW_MINIMUM
}
