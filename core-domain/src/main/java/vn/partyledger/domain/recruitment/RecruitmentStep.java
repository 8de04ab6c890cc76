package vn.partyledger.domain.recruitment;

/** The steps of the recruitment funnel, in order, each counted on the date it was taken. */
public enum RecruitmentStep {
    CANDIDATE_REGISTERED,
    AWARENESS_COURSE,
    APPLICATION,
    BRANCH_VOTE_PASSED,
    ADMISSION_DECIDED,
    CEREMONY,
    RECOGNISED
}
