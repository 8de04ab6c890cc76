package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The branch proposes striking a full member off (docs/rules.md#s10-1): the ground, the evidence on file (for
 * ABSENCE_OR_DUES_3M the months in breach, I19) and the branch's vote on the proposal. The branch's full members come
 * from its roll on the vote date; {@code branchFullMembersOnRoll} is optional, held against the roll when given.
 */
public record ProposeStrikeOff(@TargetAggregateIdentifier String memberId,
                               StrikeOffGround ground,
                               List<String> evidenceRefs,
                               List<YearMonth> monthsInBreach,
                               LocalDate voteDate,
                               Integer branchFullMembersOnRoll,
                               int branchInFavour) {
}
