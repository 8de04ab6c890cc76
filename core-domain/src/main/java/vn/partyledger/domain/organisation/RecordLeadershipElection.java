package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;

/** Record the branch's election of its secretary, deputies and committee for the term starting {@code termStart}. */
public record RecordLeadershipElection(@TargetAggregateIdentifier String orgId,
                                       LocalDate termStart,
                                       String secretaryMemberId,
                                       List<String> deputyMemberIds,
                                       List<String> committeeMemberIds,
                                       DecisionRef decision) {
}
