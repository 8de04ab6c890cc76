package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The branch a letter from another province is addressed to marks it overdue: the member has not presented it by its
 * present-by day (ADR 0046). {@code receivingOrgId} names that branch, which must be the letter's addressee.
 */
public record MarkIncomingTransferOverdue(@TargetAggregateIdentifier String transferId,
                                          String receivingOrgId,
                                          LocalDate asOf) {
}
