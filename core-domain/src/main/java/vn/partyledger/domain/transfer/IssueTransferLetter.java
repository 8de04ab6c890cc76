package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * The sending authority issues a transfer letter (giấy giới thiệu sinh hoạt đảng) and opens a transfer case.
 * {@code triggerDate} is the effective date of what made the member move (I16's 60-working-day clock),
 * {@code requestedOn} the day the member asked; {@code expectedReturn} is required for a temporary transfer (I17).
 * {@code letter} is the signed letter itself: its number, date and issuing organisation.
 */
public record IssueTransferLetter(@TargetAggregateIdentifier String transferId,
                                  String memberId,
                                  TransferType type,
                                  String fromOrgId,
                                  String toOrgId,
                                  TransferTrigger trigger,
                                  LocalDate triggerDate,
                                  LocalDate requestedOn,
                                  LocalDate expectedReturn,
                                  DecisionRef letter) {
}
