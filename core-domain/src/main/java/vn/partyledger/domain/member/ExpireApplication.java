package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close a file that went stale before the branch voted (FILE_STALE_MONTHS). */
public record ExpireApplication(@TargetAggregateIdentifier String memberId,
                                LocalDate expiredOn) {
}
