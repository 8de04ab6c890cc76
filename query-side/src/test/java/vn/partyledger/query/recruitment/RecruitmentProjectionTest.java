package vn.partyledger.query.recruitment;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
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
import vn.partyledger.domain.person.Gender;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.person.Religion;
import vn.partyledger.domain.recruitment.Breakdown;
import vn.partyledger.domain.recruitment.BreakdownDimension;
import vn.partyledger.domain.recruitment.SmallCellSuppression;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentStep;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.tree.OrganisationTree;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private static final Instant RECORDED = Instant.parse("2025-02-01T03:00:00Z");

    private RecruitmentProjection projection;
    /** The breakdowns' raw counts, before suppression, read from the projection's collection. */
    private AdmissionBreakdowns breakdowns;
    /** The register's entries the breakdowns read, by person. */
    private final Map<String, PersonProfile> profiles = new HashMap<>();

    private static OrganisationTree branch(String orgId) {
        return new OrganisationTree(orgId, "Chi bộ " + orgId, OrganisationKind.SUBORDINATE_BRANCH, "ward-15", FOUNDED,
                null, List.of(), List.of(), List.of());
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        breakdowns = new AdmissionBreakdowns(client.getDatabase("test"),
                (personId, date, knownAt) -> Optional.ofNullable(profiles.get(personId)));
        projection = new RecruitmentProjection(client.getDatabase("test"),
                query -> Optional.ofNullable(query.orgId().equals("ward-15") ? WARD
                        : WARD.children().stream().filter(child -> child.orgId().equals(query.orgId())).findFirst()
                        .orElse(null)),
                query -> Optional.of(new BranchRoster(query.orgId(), query.orgId(), "ward-15", query.asOf(),
                        OPENING.getOrDefault(query.orgId(), 0), 0, List.of())),
                (personId, date, knownAt) -> Optional.ofNullable(profiles.get(personId)), new SmallCellSuppression(5),
                SimpleQueryUpdateEmitter.builder().build());
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
        projection.on(new AdmissionApproved(memberId, decided, "ward-15", decided.plusDays(2), false), RECORDED);
        projection.on(new MemberAdmitted(memberId, "p-" + memberId, branch, ceremony, ceremony.plusMonths(12), decided,
                false), RECORDED);
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
                false), RECORDED);

        List<RecruitmentDashboard.Figures> branches = dashboard(2024, false).subOrganisations();

        assertThat(branches.get(0).admitted()).as("kp1 keeps m1's admission, delivered again").isEqualTo(1);
        assertThat(branches.get(1).admitted()).isEqualTo(1);
    }

    @Test
    void theYearsNewMembersAreBrokenDownWithCellsUnderFiveSuppressedAndNoneRecoverableFromTheTotal() {
        for (int n = 1; n <= 7; n++) {
            profiles.put("p-w" + n, profile(LocalDate.of(1996, 6, 1), Gender.FEMALE, "01", Religion.NONE));
            candidate("w" + n, "kp1", LocalDate.of(2024, 1, 2));
            admitted("w" + n, "kp1", LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 20));
        }
        for (int n = 1; n <= 6; n++) {
            profiles.put("p-k" + n, profile(LocalDate.of(1980, 3, 1), Gender.MALE, n <= 2 ? "03" : "01",
                    n <= 2 ? Religion.BUDDHISM : Religion.NONE));
            candidate("k" + n, "kp2", LocalDate.of(2024, 1, 2));
            admitted("k" + n, "kp2", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 15));
        }
        admitted("w1", "kp1", LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 20));

        RecruitmentDashboard dashboard = dashboard(2024, false);

        Breakdown ward = dashboard.total().breakdown();
        assertThat(dashboard.total().admitted()).isEqualTo(15);
        assertThat(cell(ward, BreakdownDimension.AGED_18_30, "YES")).as("born 1996: 27 on the decision's day; "
                + "w1 delivered again counts once").isEqualTo(new Breakdown.Cell("YES", 7, false));
        assertThat(cell(ward, BreakdownDimension.WOMEN, "YES").count()).isEqualTo(7);
        assertThat(cell(ward, BreakdownDimension.WOMEN, "UNKNOWN"))
                .as("m1 and m2 are not in the register: 2, shown as suppressed, not as 0")
                .isEqualTo(new Breakdown.Cell("UNKNOWN", null, true));
        assertThat(cell(ward, BreakdownDimension.WOMEN, "NO").suppressed())
                .as("the 6 men shown would give the unknown 2 as 15 less 7 less 6").isTrue();
        assertThat(cell(ward, BreakdownDimension.ETHNIC_MINORITY, "YES").suppressed()).isTrue();
        assertThat(cell(ward, BreakdownDimension.ETHNIC_MINORITY, "UNKNOWN").suppressed()).isTrue();
        assertThat(cell(ward, BreakdownDimension.ETHNIC_MINORITY, "NO").count()).isEqualTo(11);
        Breakdown kp1 = dashboard.subOrganisations().get(0).breakdown();
        Breakdown kp2 = dashboard.subOrganisations().get(1).breakdown();
        assertThat(cell(kp2, BreakdownDimension.AGED_18_30, "NO").count()).isEqualTo(6);
        assertThat(cell(kp2, BreakdownDimension.AGED_18_30, "YES").suppressed()).isTrue();
        assertThat(cell(kp2, BreakdownDimension.AGED_18_30, "UNKNOWN").suppressed())
                .as("one suppressed cell of the two would be the total less the rest").isTrue();
        assertThat(cell(kp1, BreakdownDimension.WOMEN, "NO").suppressed()).isTrue();
        assertThat(cell(kp2, BreakdownDimension.WOMEN, "YES").suppressed())
                .as("the ward shows 7 women: kp1's cell alone suppressed would be 7 less kp2's").isTrue();
    }

    @Test
    void aDecisionDateCorrectedIntoTheNextYearMovesTheAdmissionInTheFunnelAndTheBreakdowns() {
        EntryDateCorrected corrected = new EntryDateCorrected("m1", "e-m1", EntryType.ADMISSION_APPROVED, "kp1",
                LocalDate.of(2024, 6, 3), LocalDate.of(2025, 1, 6), CorrectionReason.WRONG_DATE, "ward-15",
                LocalDate.of(2025, 2, 1));
        projection.on(corrected, RECORDED);
        projection.on(corrected, RECORDED);

        assertThat(dashboard(2024, false).total().admitted()).as("m2 alone").isEqualTo(1);
        assertThat(dashboard(2025, false).total().admitted()).isEqualTo(1);
        assertThat(breakdowns.counts(AdmissionBreakdowns.Basis.DECISION, Set.of("kp1"), 2024)
                .get(BreakdownDimension.WOMEN)).as("no admission left in 2024's cells").isEmpty();
        assertThat(breakdowns.counts(AdmissionBreakdowns.Basis.DECISION, Set.of("kp1"), 2025)
                .get(BreakdownDimension.WOMEN)).as("the correction delivered twice moves it once")
                .containsEntry(BreakdownDimension.UNKNOWN, 1);
        assertThat(breakdowns.counts(AdmissionBreakdowns.Basis.CEREMONY, Set.of("kp1"), 2024)
                .get(BreakdownDimension.WOMEN)).as("the ceremony of June 2024 stays in 2024")
                .containsEntry(BreakdownDimension.UNKNOWN, 1);
    }

    @Test
    void aCorrectedDecisionDateTakesTheAdmissionFromTheCellsItWasCountedInWhateverTheRegisterSaysSince() {
        // m1 was counted when the register held no entry for the person; it holds one now
        profiles.put("p-m1", profile(LocalDate.of(1996, 6, 1), Gender.FEMALE, "01", Religion.NONE));

        projection.on(new EntryDateCorrected("m1", "e-m1", EntryType.ADMISSION_APPROVED, "kp1",
                LocalDate.of(2024, 6, 3), LocalDate.of(2025, 1, 6), CorrectionReason.WRONG_DATE, "ward-15",
                LocalDate.of(2025, 2, 1)), RECORDED);

        assertThat(breakdowns.counts(AdmissionBreakdowns.Basis.DECISION, Set.of("kp1"), 2024)
                .get(BreakdownDimension.WOMEN)).as("taken from the cell it was counted in, none taken from another")
                .isEmpty();
        assertThat(breakdowns.counts(AdmissionBreakdowns.Basis.DECISION, Set.of("kp1"), 2025)
                .get(BreakdownDimension.WOMEN)).containsEntry(BreakdownDimension.YES, 1);
    }

    private static PersonProfile profile(LocalDate born, Gender gender, String ethnicity, Religion religion) {
        return new PersonProfile(born, gender, ethnicity, religion, null, null, "worker", true);
    }

    private static Breakdown.Cell cell(Breakdown breakdown, BreakdownDimension dimension, String value) {
        return breakdown.dimensions().get(dimension).stream().filter(cell -> cell.value().equals(value)).findFirst()
                .orElseThrow();
    }
}
