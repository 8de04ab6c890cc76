package vn.partyledger.domain.due;

/** What falls due, and the rule (docs/rules.md) and policy key (§20) that set its date. */
public enum DueKind {
    /** The competent committee decides within the working days after the branch's passed vote (I7). */
    ADMISSION_DECISION("ADMISSION_DECISION_DEADLINE_WD (I7)"),
    /** The ceremony within the working days after the branch received the decision (I8). */
    CEREMONY("CEREMONY_DEADLINE_WD (I8)"),
    /** Probation ends twelve months after the ceremony: the branch considers recognition (I9). */
    PROBATION_END("PROBATION_MONTHS (I9)"),
    /** The branch votes on recognition within the working days after probation ended (I10). */
    RECOGNITION_REVIEW("RECOGNITION_REVIEW_DEADLINE_WD (I10)"),
    /** The member presents the transfer letter by the date it states (I16, I18). */
    TRANSFER_LETTER("PRESENT_LETTER_WD (I16, I18)"),
    /** A temporary exemption reaches its planned end (I15). */
    EXEMPTION_END("TEMP_EXEMPTION_MAX_MONTHS (I15)"),
    /** A temporary attachment reaches the return it expects, as extended: the member returns or it is extended (I17). */
    ATTACHMENT_END("TEMP_TRANSFER_RANGE (I17)"),
    /** A candidate's awareness-course certificate is valid for the branch vote until this day (I5). */
    CERTIFICATE_STALE("AWARENESS_CERT_VALIDITY_MONTHS (I5)"),
    /** A candidate's file goes stale after this day without a passed branch vote, and may then expire (I5). */
    FILE_STALE("FILE_STALE_MONTHS (I5, FILE_STALE)"),
    /**
     * A branch has fewer full members on its roll than the Charter asks of a party organisation: its superior decides
     * to merge it or attach its members (Charter Art. 21.2, I1).
     */
    BRANCH_BELOW_MINIMUM("Charter Art. 21.2 (I1): at least 3 full members");

    private final String rule;

    DueKind(String rule) {
        this.rule = rule;
    }

    /** The policy key or rule the due date comes from, as docs/rules.md names it. */
    public String rule() {
        return rule;
    }
}
