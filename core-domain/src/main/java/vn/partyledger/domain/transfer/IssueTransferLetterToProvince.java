package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * The sending authority issues an official transfer letter to a branch of another province (domain.md §9.1, ADR 0046):
 * {@code toProvince} is that province's deployment (its CloudEvents source), {@code toOrgId} the branch there. The
 * case opens here as for any official letter; the member's transferable record goes with the letter.
 */
public record IssueTransferLetterToProvince(@TargetAggregateIdentifier String transferId,
                                            String memberId,
                                            String fromOrgId,
                                            String toProvince,
                                            String toOrgId,
                                            TransferTrigger trigger,
                                            LocalDate triggerDate,
                                            LocalDate requestedOn,
                                            DecisionRef letter) {
}
