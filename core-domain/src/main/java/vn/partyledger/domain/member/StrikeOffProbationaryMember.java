package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

/**
 * Strike an unqualified member off the probationary list (I11): the branch's vote, the grassroots committee's vote
 * (only above a subordinate branch; 0 in favour otherwise) and the deciding standing committee's vote are stated with
 * the decision. The branch's full members and the grassroots committee's members in office are optional: the ledger
 * knows them, and holds a stated count against them.
 */
public record StrikeOffProbationaryMember(@TargetAggregateIdentifier String memberId,
                                          DecisionRef decision,
                                          String reason,
                                          Integer branchFullMembersOnRoll,
                                          int branchInFavour,
                                          Integer grassrootsCommitteeMembers,
                                          int grassrootsCommitteeInFavour,
                                          int standingCommitteeMembers,
                                          int standingCommitteeInFavour) {
}
