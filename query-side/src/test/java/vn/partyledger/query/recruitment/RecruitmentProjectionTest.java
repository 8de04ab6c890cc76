package vn.partyledger.query.recruitment;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.organisation.RecruitmentTargetSet;
import vn.partyledger.domain.organisation.TargetMode;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentStep;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.tree.OrganisationTree;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001's targets (the district gives the ward an absolute 22; the city asks 4 % of the opening membership) against
 * a year's admissions in ward 15's two branches, counted by decision date or by ceremony, with the funnel.
 */
class RecruitmentProjectionTest {

    private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 3);
    private static final OrganisationTree WARD = new OrganisationTree("ward-15", "Đảng bộ Phường 15",
            OrganisationKind.GRASSROOTS_COMMITTEE, null, FOUNDED, null, List.of(), List.of(),
            List.of(branch("kp1"), branch("kp2")));
    /** The members on each branch's roll on 1 January 2024. */
    private static final Map<String, Integer> OPENING = Map.of("kp1", 50, "kp2", 25);

    private MongoServer server;
    private MongoClient client;
    private RecruitmentProjection projection;

    private static OrganisationTree branch(String orgId) {
        return new OrganisationTree(orgId, "Chi bộ " + orgId, OrganisationKind.SUBORDINATE_BRANCH, "ward-15", FOUNDED,
                null, List.of(), List.of(), List.of());
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new RecruitmentProjection(client.getDatabase("test"),
                query -> Optional.ofNullable(query.orgId().equals("ward-15") ? WARD
                        : WARD.children().stream().filter(child -> child.orgId().equals(query.orgId())).findFirst()
                        .orElse(null)),
                query -> Optional.of(new BranchRoster(query.orgId(), query.orgId(), "ward-15", query.asOf(),
                        OPENING.getOrDefault(query.orgId(), 0), 0, List.of())));
        projection.on(new RecruitmentTargetSet("ward-15", 2024, TargetMode.ABSOLUTE, BigDecimal.valueOf(22),
                "district", LocalDate.of(2024, 1, 15)));
        projection.on(new RecruitmentTargetSet("kp1", 2024, TargetMode.PERCENT_OF_OPENING, BigDecimal.valueOf(4),
                "ward-15", LocalDate.of(2024, 1, 20)));
        candidate("m1", "kp1", LocalDate.of(2023, 11, 6));
        projection.on(new AwarenessCourseCompleted("m1", "GCN-1", "ward-15", LocalDate.of(2024, 1, 10)));
        projection.on(new ApplicationSubmitted("m1", LocalDate.of(2024, 2, 5), false, "LL-1", false, false, null));
        projection.on(new BranchAdmissionVoteRecorded("m1", "kp1-04", LocalDate.of(2024, 4, 1), 50, 40, 2, true));
        admitted("m1", "kp1", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 20));
        candidate("m2", "kp2", LocalDate.of(2024, 2, 1));
        admitted("m2", "kp2", LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 8));
        candidate("m3", "kp1", LocalDate.of(2022, 5, 2));
        admitted("m3", "kp1", LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 20));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void candidate(String memberId, String branch, LocalDate registered) {
        projection.on(new OutstandingCandidateRegistered(memberId, "p-" + memberId, branch,
                Sensitive.of("p-" + memberId, CandidateSource.YOUTH_UNION), null, registered));
    }

    private void admitted(String memberId, String branch, LocalDate decided, LocalDate ceremony) {
        projection.on(new AdmissionApproved(memberId, decided, "ward-15", decided.plusDays(2), false));
        projection.on(new MemberAdmitted(memberId, "p-" + memberId, branch, ceremony, ceremony.plusMonths(12), decided,
                false));
    }

    private RecruitmentDashboard dashboard(int year, boolean byCeremony) {
        return projection.handle(new FindRecruitmentDashboard("ward-15", year, byCeremony)).orElseThrow();
    }

    @Test
    void theWardsAbsoluteTargetIsMetByTheYearsDecisionsInAllItsBranches() {
        RecruitmentDashboard.Figures ward = dashboard(2024, false).total();

        assertThat(ward.targetMode()).isEqualTo(TargetMode.ABSOLUTE);
        assertThat(ward.target()).isEqualTo(22);
        assertThat(ward.admitted()).isEqualTo(2);
        assertThat(ward.percentAchieved()).isEqualByComparingTo("9.1");
        assertThat(ward.openingMembers()).isEqualTo(75);
        assertThat(ward.funnel()).containsEntry(RecruitmentStep.CANDIDATE_REGISTERED, 1)
                .containsEntry(RecruitmentStep.AWARENESS_COURSE, 1)
                .containsEntry(RecruitmentStep.APPLICATION, 1)
                .containsEntry(RecruitmentStep.BRANCH_VOTE_PASSED, 1)
                .containsEntry(RecruitmentStep.ADMISSION_DECIDED, 2)
                .containsEntry(RecruitmentStep.CEREMONY, 1)
                .containsEntry(RecruitmentStep.RECOGNISED, 0);
    }

    @Test
    void aBranchsPercentageTargetIsOfItsOpeningMembershipAndABranchWithoutTargetShowsNone() {
        List<RecruitmentDashboard.Figures> branches = dashboard(2024, false).subOrganisations();

        assertThat(branches).extracting(RecruitmentDashboard.Figures::orgId).containsExactly("kp1", "kp2");
        RecruitmentDashboard.Figures kp1 = branches.get(0);
        assertThat(kp1.target()).as("4 % of 50").isEqualTo(2);
        assertThat(kp1.admitted()).isEqualTo(1);
        assertThat(kp1.percentAchieved()).isEqualByComparingTo("50.0");
        RecruitmentDashboard.Figures kp2 = branches.get(1);
        assertThat(kp2.target()).isNull();
        assertThat(kp2.percentAchieved()).isNull();
        assertThat(kp2.admitted()).isEqualTo(1);
    }

    @Test
    void countedByCeremonyAnAdmissionDecidedInDecemberFallsInTheNextYear() {
        assertThat(dashboard(2024, true).total().admitted()).isEqualTo(1);
        assertThat(dashboard(2025, true).total().admitted()).isEqualTo(1);
        assertThat(dashboard(2025, false).total().admitted()).isZero();
        assertThat(dashboard(2023, false).total().admitted()).isEqualTo(1);
    }

    @Test
    void aMemberWhoMovesLaterLeavesTheYearsFiguresWhereTheyWereEarned() {
        projection.on(new MemberHomeChanged("m1", "t1", "kp1", "kp2", LocalDate.of(2025, 3, 2)));
        projection.on(new AdmissionApproved("m1", LocalDate.of(2024, 6, 3), "ward-15", LocalDate.of(2024, 6, 5),
                false));

        List<RecruitmentDashboard.Figures> branches = dashboard(2024, false).subOrganisations();

        assertThat(branches.get(0).admitted()).as("kp1 keeps m1's admission, delivered again").isEqualTo(1);
        assertThat(branches.get(1).admitted()).isEqualTo(1);
    }
}
