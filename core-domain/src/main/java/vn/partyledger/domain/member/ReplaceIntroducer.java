package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The branch assigns another full member when an introducer cannot continue; the 12-month acquaintance rule does not
 * apply (I4).
 */
public record ReplaceIntroducer(@TargetAggregateIdentifier String memberId,
                                String oldIntroducerId,
                                String newIntroducerId,
                                IntroducerReplacementReason reason,
                                LocalDate replacedOn) {
}
