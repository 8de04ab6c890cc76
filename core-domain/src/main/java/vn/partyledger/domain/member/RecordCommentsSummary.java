package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** File the branch committee's summary of the mass organisations' and residence branch's comments. */
public record RecordCommentsSummary(@TargetAggregateIdentifier String memberId,
                                    String docRef,
                                    LocalDate filedOn) {
}
