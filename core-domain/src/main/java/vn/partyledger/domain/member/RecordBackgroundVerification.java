package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record the conclusion of the background verification (HD 01 §3.4); subjects are role codes only. */
public record RecordBackgroundVerification(@TargetAggregateIdentifier String memberId,
                                           List<VerificationSubject> subjects,
                                           VerificationConclusion conclusion,
                                           String verifyingOrgId,
                                           LocalDate concludedOn) {
}
