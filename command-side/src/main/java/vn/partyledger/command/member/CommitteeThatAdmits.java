package vn.partyledger.command.member;

import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * The committee that admits a branch's members (docs/rules.md#s5-1) decides their admission and recognition, and also
 * strikes them off, dismisses and expels them (docs/rules.md#s10-1, {@code DISCIPLINE_AUTHORITY_RESOLVER}'s default,
 * ADR 0013): the checks that a decision bears its signature, and the deadline it decides by.
 */
final class CommitteeThatAdmits {

    private CommitteeThatAdmits() {
    }

    static void mustSign(Invariant code, String rule, String act, String homeOrgId, DecisionRef decision,
                         AuthorityResolver authority) {
        String competent = authority.admissionAuthority(homeOrgId, decision.docDate()).orElse(null);
        if (!decision.issuingOrgId().equals(competent)) {
            throw new RuleViolation(code, rule, "On " + decision.docDate() + " " + act + " of a member of " + homeOrgId
                    + " is decided by " + (competent == null ? "a committee not known" : competent)
                    + ", the level that admits, not by " + decision.issuingOrgId() + ".");
        }
    }

    /** Admission (I7), recognition (I9) and strike-off from the probationary list (I11) carry its signature. */
    static void decisionIsSignedByTheCompetentAuthority(Invariant code, String branchId, DecisionRef decision,
                                                        AuthorityResolver authority) {
        String competent = authority.admissionAuthority(branchId, decision.docDate()).orElse(null);
        if (!decision.issuingOrgId().equals(competent)) {
            throw new RuleViolation(code, "decisionIsSignedByTheCompetentAuthority",
                    "On " + decision.docDate() + " the competent committee for branch " + branchId + " is "
                            + (competent == null ? "not known" : competent) + ", not " + decision.issuingOrgId() + ".");
        }
    }

    /** Decisions past their deadline are recorded, as on paper, and flagged for the committee's accountability. */
    static boolean decidedAfterTheDeadline(LocalDate resolution, LocalDate decided, int deadlineWorkingDays,
                                           String extensionReason, WorkingDayCalendar calendar,
                                           RecruitmentPolicy policy) {
        boolean extended = extensionReason != null && !extensionReason.isBlank();
        int allowed = deadlineWorkingDays + (extended ? policy.decisionExtensionWorkingDays() : 0);
        return calendar.missedDeadline(resolution, allowed, decided).isPresent();
    }
}
