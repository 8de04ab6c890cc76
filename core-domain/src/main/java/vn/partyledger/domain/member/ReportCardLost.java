package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The member reported their party card lost (or damaged beyond use) on {@code reportedOn}. */
public record ReportCardLost(@TargetAggregateIdentifier String memberId, LocalDate reportedOn) {
}
