package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The branch's leaders for the term starting {@code termStart}: member ids only. */
@Revision("1")
public record BranchLeadershipElected(String orgId,
                                      LocalDate termStart,
                                      String secretaryMemberId,
                                      List<String> deputyMemberIds,
                                      List<String> committeeMemberIds) {
}
