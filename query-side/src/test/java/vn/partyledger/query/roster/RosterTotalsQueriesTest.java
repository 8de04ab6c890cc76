package vn.partyledger.query.roster;

import org.junit.jupiter.api.Test;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindRosterTotals;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's branch of 67 (8 fully and 12 temporarily exempt) and a second branch with probationers, a member attached
 * out to the first, one suspended and one out of contact, rolled up to their ward.
 */
class RosterTotalsQueriesTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 2);
    private static final LocalDate SINCE = LocalDate.of(2010, 1, 4);

    private static OrganisationTree organisation(String orgId, OrganisationKind kind, List<OrganisationTree> children) {
        return new OrganisationTree(orgId, orgId, kind, null, SINCE, null, List.of(), List.of(), children);
    }

    private static BranchRoster.Entry member(String memberId, MemberStatus status, BranchRoster.Exemption exemption,
                                             boolean suspended, LocalDate lostContactSince,
                                             BranchRoster.Attachment attachment) {
        return new BranchRoster.Entry(memberId, "p-" + memberId, status, SINCE, null, null, exemption, suspended,
                lostContactSince, attachment, null, null, null);
    }

    private static BranchRoster.Entry full(String memberId) {
        return member(memberId, MemberStatus.FULL, null, false, null, null);
    }

    private static BranchRoster roster(String orgId, List<BranchRoster.Entry> members) {
        int headcount = (int) members.stream().filter(BranchRoster.Entry::counted).count();
        int exempt = (int) members.stream().filter(entry -> entry.counted() && entry.exemption() != null).count();
        return new BranchRoster(orgId, orgId, "ward-15", ON, headcount, exempt, members);
    }

    @Test
    void aWardsRollIsTheSumOfItsBranchesWithEachOverlayCountedAndGuestsOutsideTheHeadcount() {
        List<BranchRoster.Entry> kp1 = new ArrayList<>();
        for (int n = 0; n < 67; n++) {
            BranchRoster.Exemption exemption = n < 8 ? new BranchRoster.Exemption(ExemptionKind.FULL, SINCE, null)
                    : n < 20 ? new BranchRoster.Exemption(ExemptionKind.TEMPORARY, SINCE, ON.plusMonths(6)) : null;
            kp1.add(member("kp1-" + n, MemberStatus.FULL, exemption, false, null, null));
        }
        BranchRoster.Attachment out = new BranchRoster.Attachment(BranchRoster.Attachment.Direction.OUT, "kp1", SINCE);
        BranchRoster.Attachment in = new BranchRoster.Attachment(BranchRoster.Attachment.Direction.IN, "kp2", SINCE);
        kp1.add(member("kp2-guest", MemberStatus.FULL, null, false, null, in));
        List<BranchRoster.Entry> kp2 = List.of(full("kp2-0"), full("kp2-1"),
                member("kp2-2", MemberStatus.PROBATIONARY, null, false, null, null),
                member("kp2-3", MemberStatus.PROBATIONARY, null, false, null, null),
                member("kp2-guest", MemberStatus.FULL, null, false, null, out),
                member("kp2-5", MemberStatus.FULL, null, true, null, null),
                member("kp2-6", MemberStatus.FULL, null, false, SINCE, null));
        Map<String, BranchRoster> rosters = Map.of("kp1", roster("kp1", kp1), "kp2", roster("kp2", kp2));
        OrganisationTree ward = organisation("ward-15", OrganisationKind.GRASSROOTS_COMMITTEE,
                List.of(organisation("kp1", OrganisationKind.SUBORDINATE_BRANCH, List.of()),
                        organisation("kp2", OrganisationKind.SUBORDINATE_BRANCH, List.of())));
        RosterTotalsQueries queries = new RosterTotalsQueries(query -> Optional.of(ward),
                query -> Optional.ofNullable(rosters.get(query.orgId())),
                (branchIds, date) -> branchIds.stream().filter(rosters::containsKey)
                        .collect(Collectors.toMap(id -> id, id -> RosterTotalsQueries.counts(rosters.get(id)))));

        RosterTotals totals = queries.handle(new FindRosterTotals("ward-15", ON)).orElseThrow();

        assertThat(totals.branches()).extracting(RosterTotals.BranchCounts::branchId).containsExactly("kp1", "kp2");
        assertThat(totals.branches().get(0).counts())
                .isEqualTo(new RosterTotals.Counts(67, 68, 67, 0, 8, 12, 0, 1, 0, 0, 0));
        assertThat(totals.branches().get(1).counts())
                .isEqualTo(new RosterTotals.Counts(7, 6, 5, 2, 0, 0, 1, 0, 0, 1, 1));
        assertThat(totals.total()).isEqualTo(new RosterTotals.Counts(74, 74, 72, 2, 8, 12, 1, 1, 0, 1, 1));
    }
}
