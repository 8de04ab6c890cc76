package vn.partyledger.domain.member;

/**
 * Numbers of the recruitment, admission-decision and recognition rules that docs/rules.md#s20 makes configurable, with its
 * defaults: {@code AWARENESS_CERT_VALIDITY_MONTHS} = 60, {@code FILE_STALE_MONTHS} = 12,
 * {@code INTRODUCER_MIN_ACQUAINTANCE_MONTHS} = 12, {@code ADMISSION_AGE_MIN_MONTHS} / {@code MAX_MONTHS} = 216 / 720,
 * {@code ADMISSION_DECISION_DEADLINE_WD} = 60 (+30) and {@code RECOGNITION_REVIEW_DEADLINE_WD} / decision = 30 / 30
 * (+30) working days.
 */
public record RecruitmentPolicy(int awarenessCertificateValidityMonths,
                                int fileStaleMonths,
                                int introducerMinAcquaintanceMonths,
                                int admissionAgeMinMonths,
                                int admissionAgeMaxMonths,
                                int admissionDecisionDeadlineWorkingDays,
                                int recognitionReviewDeadlineWorkingDays,
                                int recognitionDecisionDeadlineWorkingDays,
                                int decisionExtensionWorkingDays) {

    public static final RecruitmentPolicy DEFAULTS = new RecruitmentPolicy(60, 12, 12, 216, 720, 60, 30, 30, 30);

    public RecruitmentPolicy {
        if (awarenessCertificateValidityMonths < 1 || fileStaleMonths < 1 || introducerMinAcquaintanceMonths < 0
                || admissionAgeMinMonths < 0 || admissionAgeMaxMonths < admissionAgeMinMonths
                || admissionDecisionDeadlineWorkingDays < 1 || recognitionReviewDeadlineWorkingDays < 1
                || recognitionDecisionDeadlineWorkingDays < 1
                || decisionExtensionWorkingDays < 0) {
            throw new IllegalArgumentException("recruitment policy numbers must be positive and the age range ordered");
        }
    }
}
