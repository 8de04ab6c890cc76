package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The branch a letter from another province is addressed to refuses it (ADR 0046): {@code receivingOrgId} names that
 * branch, which must be the letter's addressee. The sending province is told, and its member returns there.
 */
public record RefuseIncomingTransfer(@TargetAggregateIdentifier String transferId,
                                     String receivingOrgId,
                                     RefusalReason reason,
                                     LocalDate refusedOn) {
}
