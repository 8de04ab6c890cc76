package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/**
 * Strike an unqualified member off the probationary list (I11): the branch's vote, the grassroots committee's vote
 * (only above a subordinate branch; 0 and 0 otherwise) and the deciding standing committee's vote are stated with the
 * decision.
 */
public record StrikeOffProbationaryMember(@TargetAggregateIdentifier String memberId,
                                          DecisionRef decision,
                                          String reason,
                                          int branchFullMembersOnRoll,
                                          int branchInFavour,
                                          int grassrootsCommitteeMembers,
                                          int grassrootsCommitteeInFavour,
                                          int standingCommitteeMembers,
                                          int standingCommitteeInFavour) {
}
