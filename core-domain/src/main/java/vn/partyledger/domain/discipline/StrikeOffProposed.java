package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The branch voted on a proposal to strike the member off; {@code passed} when more than half of its full members were
 * in favour.
 */
@Revision("1")
public record StrikeOffProposed(String memberId,
                                StrikeOffGround ground,
                                List<String> evidenceRefs,
                                List<YearMonth> monthsInBreach,
                                LocalDate voteDate,
                                int branchFullMembersOnRoll,
                                int branchInFavour,
                                boolean passed) {
}
