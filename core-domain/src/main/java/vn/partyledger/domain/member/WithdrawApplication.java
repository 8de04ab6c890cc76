package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The candidate withdraws the application; the file is closed. */
public record WithdrawApplication(@TargetAggregateIdentifier String memberId,
                                  LocalDate withdrawnOn,
                                  String reason) {
}
