package vn.partyledger.command.member;

import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

/**
 * The committee that admits a branch's members also strikes them off, dismisses and expels them (docs/rules.md#s10-1,
 * {@code DISCIPLINE_AUTHORITY_RESOLVER}'s default, ADR 0013): one check that the decision bears its signature.
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
}
