package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The member presents the letter to the receiving branch; a late presentation names its {@code lateReasonCode} (I18). */
public record PresentTransferLetter(@TargetAggregateIdentifier String transferId,
                                    String receivingOrgId,
                                    LocalDate presentedDate,
                                    String lateReasonCode) {
}
