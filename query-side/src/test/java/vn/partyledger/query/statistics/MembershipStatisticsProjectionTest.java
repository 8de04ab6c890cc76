package vn.partyledger.query.statistics;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.statistics.CountedMembership;
import vn.partyledger.domain.statistics.FindMembershipLosses;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.statistics.LossKind;
import vn.partyledger.domain.statistics.MembershipLosses;
import vn.partyledger.domain.statistics.MembershipStatistics;
import vn.partyledger.domain.statistics.TransferDestination;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.tree.OrganisationTree;
import vn.partyledger.query.roster.RosterTotalsQueries;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ward of two branches in a province, and a branch of another province: the ward's losses of 2025 by kind, and its
 * members on a date by status and age group.
 */
class MembershipStatisticsProjectionTest {

    private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 3);
    private static final OrganisationTree WARD = node("ward-15", OrganisationKind.GRASSROOTS_COMMITTEE, "hcmc",
            List.of(node("kp1", OrganisationKind.SUBORDINATE_BRANCH, "ward-15", List.of()),
                    node("kp2", OrganisationKind.SUBORDINATE_BRANCH, "ward-15", List.of())));
    private static final Map<String, OrganisationTree> TREE = Map.of("ward-15", WARD,
            "kp1", WARD.children().get(0), "kp2", WARD.children().get(1),
            "hcmc", node("hcmc", OrganisationKind.PROVINCIAL, "central", List.of(WARD)),
            "ward-3", node("ward-3", OrganisationKind.GRASSROOTS_COMMITTEE, "hcmc", List.of()),
            "hanoi", node("hanoi", OrganisationKind.PROVINCIAL, "central", List.of()),
            "hn-kp", node("hn-kp", OrganisationKind.SUBORDINATE_BRANCH, "hanoi", List.of()));
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private MongoServer server;
    private MongoClient client;
    private MembershipStatisticsProjection projection;
    private MembershipLossesQueries losses;
    private MembershipOnDateQueries membership;

    private static OrganisationTree node(String orgId, OrganisationKind kind, String parent,
                                        List<OrganisationTree> children) {
        return new OrganisationTree(orgId, orgId, kind, parent, FOUNDED, null, List.of(), List.of(), children);
    }

    private static BranchRoster.Entry member(String memberId, MemberStatus status, BranchRoster.Transit transit) {
        return new BranchRoster.Entry(memberId, "p-" + memberId, status, FOUNDED, null, null, null, false, null,
                null, transit, null, null);
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("test");
        projection = new MembershipStatisticsProjection(database);
        losses = new MembershipLossesQueries(database, query -> Optional.ofNullable(TREE.get(query.orgId())));
        Map<String, LocalDate> born = Map.of("p-a", LocalDate.of(1995, 7, 1), "p-b", LocalDate.of(1994, 6, 30),
                "p-c", LocalDate.of(1950, 1, 1));
        Function<String, Optional<BranchRoster>> rosters = branchId -> branchId.startsWith("kp")
                ? Optional.of(new BranchRoster(branchId, branchId, "ward-15", AS_OF, 2, 0, branchId.equals("kp1")
                ? List.of(member("a", MemberStatus.FULL, null), member("b", MemberStatus.PROBATIONARY, null))
                : List.of(member("c", MemberStatus.FULL, new BranchRoster.Transit("hn-kp", LocalDate.of(2025, 6, 1))),
                        member("d", MemberStatus.FULL, null))))
                : Optional.empty();
        // worked out at each read: what is kept of the rolls is AgeGroupsKeptTest's
        membership = new MembershipOnDateQueries(query -> Optional.ofNullable(TREE.get(query.orgId())),
                (branchIds, date) -> branchIds.stream().flatMap(branchId -> rosters.apply(branchId).stream())
                        .collect(Collectors.toMap(BranchRoster::orgId, RosterTotalsQueries::counts)),
                (branchIds, date, key, workOut) -> branchIds.stream()
                        .flatMap(branchId -> rosters.apply(branchId).stream())
                        .collect(Collectors.toMap(BranchRoster::orgId, roster -> workOut.apply(roster).figures())),
                (personId, date, knownAt) -> Optional.ofNullable(born.get(personId))
                        .map(dob -> new PersonProfile(dob, null, null, null, null, null, null, null)),
                List.of(18, 31, 41, 51, 61, 71));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theYearsLossesByKindGroundAndDestinationLeavingOutTransfersWithinAndAnnulledEntries() {
        projection.on(new MemberDeceased("d1", "kp1", LocalDate.of(2025, 3, 1)), "e1");
        projection.on(new MemberDeceased("d1", "kp1", LocalDate.of(2025, 3, 1)), "e1");
        projection.on(new MemberDeceased("d2", "kp2", LocalDate.of(2025, 4, 1)), "e2");
        projection.on(new EntryAnnulled("d2", "e2", EntryType.MEMBER_DECEASED, "kp2", LocalDate.of(2025, 4, 1),
                MemberStatus.FULL, CorrectionReason.WRONG_MEMBER, "ward-15", LocalDate.of(2025, 4, 20)));
        projection.on(new MemberDeceased("d3", "kp2", LocalDate.of(2025, 12, 30)), "e3");
        projection.on(new EntryDateCorrected("d3", "e3", EntryType.MEMBER_DECEASED, "kp2",
                LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2), CorrectionReason.WRONG_DATE, "ward-15",
                LocalDate.of(2026, 1, 10)));
        projection.on(new MemberStruckOff("s1", "kp1", StrikeOffGround.ABSENCE_OR_DUES_3M, "ward-15",
                LocalDate.of(2025, 5, 2)), "e4");
        projection.on(new MemberStruckOff("s2", "kp1", StrikeOffGround.VOLUNTARY_EXIT, "ward-15",
                LocalDate.of(2025, 5, 2)), "e5");
        projection.on(new ProbationaryMemberStruckOff("s3", "kp2", LocalDate.of(2025, 7, 1), "ward-15",
                Sensitive.of("p-s3", "absent")), "e6");
        projection.on(new DisciplineImposed("x1", DisciplineForm.EXPULSION, "kp2", "hcmc", LocalDate.of(2025, 8, 1),
                null), "e7");
        projection.on(new DisciplineImposed("x2", DisciplineForm.WARNING, "kp2", "ward-15", LocalDate.of(2025, 8, 1),
                null), "e8");
        projection.on(new MemberHomeChanged("t1", "tr1", "kp1", "kp2", LocalDate.of(2025, 9, 1)), "e9");
        projection.on(new MemberHomeChanged("t2", "tr2", "kp1", "ward-3", LocalDate.of(2025, 9, 1)), "e10");
        projection.on(new MemberHomeChanged("t3", "tr3", "kp2", "hn-kp", LocalDate.of(2025, 9, 1)), "e11");

        MembershipLosses lost = losses.handle(new FindMembershipLosses("ward-15", 2025)).orElseThrow();

        assertThat(lost.total().byKind()).containsEntry(LossKind.DEATH, 1)
                .containsEntry(LossKind.STRIKE_OFF, 1).containsEntry(LossKind.VOLUNTARY_EXIT, 1)
                .containsEntry(LossKind.PROBATIONARY_STRIKE_OFF, 1).containsEntry(LossKind.EXPULSION, 1)
                .as("kp1 to kp2 is within the ward").containsEntry(LossKind.TRANSFER_OUT, 2);
        assertThat(lost.total().strikeOffsByGround()).containsEntry(StrikeOffGround.ABSENCE_OR_DUES_3M, 1)
                .containsEntry(StrikeOffGround.VOLUNTARY_EXIT, 1);
        assertThat(lost.total().transfersOutByDestination()).containsEntry(TransferDestination.SAME_PROVINCE, 1)
                .containsEntry(TransferDestination.OTHER_PROVINCE, 1);
        MembershipLosses.Figures kp1 = lost.subOrganisations().get(0);
        assertThat(kp1.byKind()).as("kp1 lost t1 to kp2, outside it").containsEntry(LossKind.TRANSFER_OUT, 2);
        assertThat(losses.handle(new FindMembershipLosses("ward-15", 2026)).orElseThrow().total().byKind())
                .as("d3's death corrected into 2026").containsEntry(LossKind.DEATH, 1);
    }

    @Test
    void theMembersByStatusAndAgeGroupOnTheDateAndWhoseDatesOfBirthWereRead() {
        CountedMembership counted = membership.handle(new FindMembershipStatistics("ward-15", AS_OF)).orElseThrow();

        MembershipStatistics statistics = counted.statistics();
        MembershipStatistics.Figures ward = statistics.total();
        assertThat(ward.byStatus().headcount()).isEqualTo(4);
        assertThat(ward.byStatus().probationary()).isEqualTo(1);
        assertThat(ward.byStatus().inTransit()).as("c's letter is out").isEqualTo(1);
        assertThat(counted.datesOfBirthRead()).containsExactlyInAnyOrder("p-a", "p-b", "p-c", "p-d");
        assertThat(ward.byAgeGroup()).extracting(MembershipStatistics.AgeGroup::members)
                .as("b turned 31 that day, a is 29, c 75; d is not in the register")
                .containsExactly(1, 1, 0, 0, 0, 1);
        assertThat(ward.byAgeGroup().get(0)).isEqualTo(new MembershipStatistics.AgeGroup(18, 30, 1));
        assertThat(ward.byAgeGroup().get(5)).isEqualTo(new MembershipStatistics.AgeGroup(71, null, 1));
        assertThat(ward.ageUnknown()).isEqualTo(1);
        assertThat(statistics.subOrganisations()).extracting(figures -> figures.byStatus().headcount())
                .containsExactly(2, 2);
        assertThat(statistics.subOrganisations().get(1).byStatus().inTransit()).isEqualTo(1);
        MembershipStatistics branch = membership.handle(new FindMembershipStatistics("kp1", AS_OF)).orElseThrow()
                .statistics();
        assertThat(branch.total().byStatus().headcount()).as("a branch asked about: its own roster").isEqualTo(2);
        assertThat(branch.subOrganisations()).isEmpty();
    }
}
