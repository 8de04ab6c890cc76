package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Assign an introducer: a full member ({@code introducerMemberId}, known since {@code knownSince}) or a mass
 * organisation's committee by resolution ({@code resolutionRef}).
 */
public record AssignIntroducer(@TargetAggregateIdentifier String memberId,
                               IntroducerType introducerType,
                               String introducerMemberId,
                               String resolutionRef,
                               LocalDate knownSince,
                               LocalDate assignedOn) {
}
