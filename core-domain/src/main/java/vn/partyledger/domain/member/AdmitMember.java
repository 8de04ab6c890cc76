package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * Hold the admission ceremony: the candidate becomes a probationary member of the branch.
 * {@code superiorConsent} is the direct superior committee's consent for a ceremony later than the deadline (I8).
 */
public record AdmitMember(@TargetAggregateIdentifier String memberId,
                          LocalDate ceremonyDate,
                          DecisionRef superiorConsent) {
}
