package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Full membership, effective on {@code effectiveDate} = the end of probation even when {@code decisionDate} came
 * later; {@code lateDecision} flags a decision past its deadline.
 */
@Revision("1")
public record FullMembershipRecognized(String memberId,
                                       String homeOrgId,
                                       LocalDate decisionDate,
                                       LocalDate effectiveDate,
                                       String decidedByOrgId,
                                       boolean lateDecision) implements HomeBranchEvent {
}
