package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The member presents a letter from another province at the branch it is addressed to (domain.md §9.1, ADR 0050):
 * {@code receivingOrgId} names that branch, {@code personId} the person as this province's register holds them (the
 * letter carries no personal data). The member goes onto the branch's roll with the record the letter carried, and
 * the sending province is told, which closes its case. {@code lateReasonCode} is required after the present-by day,
 * as within the province (null otherwise).
 */
public record PresentIncomingTransfer(@TargetAggregateIdentifier String transferId,
                                      String receivingOrgId,
                                      String personId,
                                      LocalDate presentedOn,
                                      String lateReasonCode) {
}
