package vn.partyledger.command.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.BranchLeadershipElected;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.ChangeOrganisationFlags;
import vn.partyledger.domain.organisation.DissolutionReason;
import vn.partyledger.domain.organisation.DissolveOrganisation;
import vn.partyledger.domain.organisation.GradeOrganisation;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationGrade;
import vn.partyledger.domain.organisation.OrganisationGraded;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.organisation.OrganisationRenamed;
import vn.partyledger.domain.organisation.OrganisationReparented;
import vn.partyledger.domain.organisation.OrganisationRoleChanged;
import vn.partyledger.domain.organisation.RecordLeadershipElection;
import vn.partyledger.domain.organisation.RecruitmentTargetSet;
import vn.partyledger.domain.organisation.RenameOrganisation;
import vn.partyledger.domain.organisation.ReparentOrganisation;
import vn.partyledger.domain.organisation.SetRecruitmentTarget;
import vn.partyledger.domain.organisation.TargetMode;
import vn.partyledger.domain.shared.DecisionRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Names, parents, flags, leadership, targets and grades change by decisions effective on dates (docs/rules.md#s3-5). */
class OrganisationOverTimeTest {

    private static final LocalDate WARD_FOUNDED = LocalDate.of(2000, 1, 3);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final DecisionRef DECISION = new DecisionRef("1-QĐ/TU", REFORM, "da-nang");
    private static final OrganisationFlags GRASSROOTS = new OrganisationFlags(true, false, false, false);
    private static final OrganisationFlags DIRECT_SUPERIOR = new OrganisationFlags(false, true, false, true);

    private final OrganisationEstablished wardEstablished = new OrganisationEstablished("phuoc-my", "Đảng bộ phường Phước Mỹ",
            OrganisationKind.GRASSROOTS_COMMITTEE, null, "son-tra", "20281", GRASSROOTS, 300, false, WARD_FOUNDED);
    private final OrganisationEstablished branchEstablished = new OrganisationEstablished("kp1", "Chi bộ Khu phố 1",
            OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "phuoc-my", null, OrganisationFlags.NONE, 9,
            false, WARD_FOUNDED);

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(new InMemoryOrganisationRegistry()
                .with("son-tra", OrganisationKind.COMMUNE_LEVEL, LocalDate.of(1997, 1, 1))
                .with("da-nang", OrganisationKind.PROVINCIAL, LocalDate.of(1997, 1, 1))
                .with("phuoc-my-new", OrganisationKind.COMMUNE_LEVEL, REFORM)
                .with("kp1", OrganisationKind.SUBORDINATE_BRANCH, WARD_FOUNDED, "phuoc-my", 2, 0)
                .with("an-hai-1", OrganisationKind.SUBORDINATE_BRANCH, WARD_FOUNDED, "son-tra", 5, 0));
        Map<String, String> fullMembersHomes = Map.of("m1", "kp1", "m2", "kp1", "m3", "kp1", "m9", "an-hai-1");
        fixture.registerInjectableResource((FullMemberHomes) (memberId, date) ->
                Optional.ofNullable(fullMembersHomes.get(memberId)));
    }

    @Test
    @DisplayName("DECISION, ORGANISATION_LIFETIME: a renamed organisation keeps its old name for the dates before the renaming")
    void aRenamedOrganisationKeepsItsOldNameForTheDatesBeforeTheRenaming() {
        fixture.given(wardEstablished)
                .when(new RenameOrganisation("phuoc-my", "Đảng bộ phường Sơn Trà", REFORM, DECISION))
                .expectEvents(new OrganisationRenamed("phuoc-my", "Đảng bộ phường Sơn Trà", REFORM))
                .expectState(ward -> {
                    assertThat(ward.registration().nameOn(REFORM.minusDays(1))).contains("Đảng bộ phường Phước Mỹ");
                    assertThat(ward.registration().nameOn(REFORM)).contains("Đảng bộ phường Sơn Trà");
                });
    }

    @Test
    @DisplayName("no change takes effect before the organisation was established")
    void noChangeTakesEffectBeforeTheOrganisationWasEstablished() {
        fixture.given(wardEstablished)
                .when(new RenameOrganisation("phuoc-my", "Phường Phước Mỹ", WARD_FOUNDED.minusDays(1), DECISION))
                .expectNoEvents()
                .expectException(Violation.of("ORGANISATION_LIFETIME", "anOrganisationChangesOnlyWhileItExists"));
    }

    @Test
    @DisplayName("no change takes effect on or after the organisation's dissolution")
    void noChangeTakesEffectOnOrAfterTheOrganisationsDissolution() {
        fixture.given(wardEstablished, new OrganisationDissolved("phuoc-my", DissolutionReason.ADMINISTRATIVE,
                        "phuoc-my-new", REFORM))
                .when(new ChangeOrganisationFlags("phuoc-my", DIRECT_SUPERIOR, REFORM, DECISION))
                .expectNoEvents()
                .expectException(Violation.of("ORGANISATION_LIFETIME", "anOrganisationChangesOnlyWhileItExists"));
    }

    @Test
    @DisplayName("a change without the decision that made it is refused")
    void aChangeWithoutTheDecisionThatMadeItIsRefused() {
        fixture.given(wardEstablished)
                .when(new RenameOrganisation("phuoc-my", "Phường Phước Mỹ", REFORM, null))
                .expectNoEvents()
                .expectException(Violation.of("DECISION", "everyChangeIsADecision"));
    }

    @Test
    @DisplayName("I1: on 1 Jul 2025 a ward moves from its district to the province and keeps the old parent before")
    void aWardMovesFromItsDistrictToTheProvinceAndKeepsTheOldParentBefore() {
        fixture.given(wardEstablished)
                .when(new ReparentOrganisation("phuoc-my", "da-nang", REFORM, DECISION))
                .expectEvents(new OrganisationReparented("phuoc-my", "son-tra", "da-nang", REFORM))
                .expectState(ward -> {
                    assertThat(ward.registration().parentOn(REFORM.minusDays(1))).contains("son-tra");
                    assertThat(ward.registration().parentOn(REFORM)).contains("da-nang");
                });
    }

    @Test
    @DisplayName("I1: an organisation cannot be placed under a parent that does not exist on the date")
    void anOrganisationCannotBePlacedUnderAParentThatDoesNotExistOnTheDate() {
        fixture.given(wardEstablished)
                .when(new ReparentOrganisation("phuoc-my", "phuoc-my-new", REFORM.minusDays(1), DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I1", "parentMustExistOnTheEffectiveDate"));
    }

    @Test
    @DisplayName("I1: an organisation cannot be placed under one of its own descendants")
    void anOrganisationCannotBePlacedUnderOneOfItsOwnDescendants() {
        RegisteredOrganisation branch = new RegisteredOrganisation("kp1", OrganisationKind.SUBORDINATE_BRANCH,
                WARD_FOUNDED, null, Timeline.<Integer>empty().with(WARD_FOUNDED, 9), Timeline.empty(), Timeline.empty(),
                Timeline.<String>empty().with(WARD_FOUNDED, "phuoc-my"), Timeline.empty());
        AggregateTestFixture<Organisation> fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource((OrganisationRegistry) orgId -> Optional.ofNullable(
                Map.of("kp1", branch).get(orgId)));
        fixture.given(wardEstablished)
                .when(new ReparentOrganisation("phuoc-my", "kp1", REFORM, DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I1", "anOrganisationIsNeverItsOwnAncestor"));
    }

    @Test
    @DisplayName("flags change from the effective date and look-ups before it read the old flags")
    void flagsChangeFromTheEffectiveDateAndLookUpsBeforeItReadTheOldFlags() {
        fixture.given(wardEstablished)
                .when(new ChangeOrganisationFlags("phuoc-my", DIRECT_SUPERIOR, REFORM, DECISION))
                .expectEvents(new OrganisationRoleChanged("phuoc-my", DIRECT_SUPERIOR, REFORM))
                .expectState(ward -> {
                    assertThat(ward.registration().flagsOn(REFORM.minusDays(1))).isEqualTo(GRASSROOTS);
                    assertThat(ward.registration().flagsOn(REFORM)).isEqualTo(DIRECT_SUPERIOR);
                });
    }

    @Test
    @DisplayName("I2: an organisation without members on its roll is dissolved and no longer exists from that date")
    void anOrganisationWithoutMembersIsDissolvedAndNoLongerExistsFromThatDate() {
        fixture.given(wardEstablished)
                .when(new DissolveOrganisation("phuoc-my", DissolutionReason.ADMINISTRATIVE, "phuoc-my-new", REFORM,
                        DECISION))
                .expectEvents(new OrganisationDissolved("phuoc-my", DissolutionReason.ADMINISTRATIVE,
                        "phuoc-my-new", REFORM))
                .expectState(ward -> {
                    assertThat(ward.registration().activeOn(REFORM.minusDays(1))).isTrue();
                    assertThat(ward.registration().activeOn(REFORM)).isFalse();
                });
    }

    @Test
    @DisplayName("I2: an organisation with members on its roll cannot simply be dissolved")
    void anOrganisationWithMembersOnItsRollCannotSimplyBeDissolved() {
        fixture.given(branchEstablished, new MemberEnrolled("kp1", "m1", MemberStatus.FULL, WARD_FOUNDED))
                .when(new DissolveOrganisation("kp1", DissolutionReason.BELOW_MINIMUM, null, REFORM, DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I2", "dissolutionLeavesNoMemberWithoutAHome"));
    }

    @Test
    @DisplayName("I2: a dissolution names a successor that exists on the date, if any")
    void aDissolutionNamesASuccessorThatExistsOnTheDate() {
        fixture.given(wardEstablished)
                .when(new DissolveOrganisation("phuoc-my", DissolutionReason.ADMINISTRATIVE, "phuoc-my-new",
                        REFORM.minusDays(1), DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I2", "successorMustExistOnTheEffectiveDate"));
    }

    @Test
    @DisplayName("LEADERSHIP: a branch elects its secretary, deputies and committee among full members on its roll")
    void aBranchElectsItsLeadersAmongFullMembersOnItsRoll() {
        LocalDate term = LocalDate.of(2025, 5, 10);
        fixture.given(branchEstablished, new MemberEnrolled("kp1", "m1", MemberStatus.FULL, WARD_FOUNDED),
                        new MemberEnrolled("kp1", "m2", MemberStatus.FULL, WARD_FOUNDED))
                .when(new RecordLeadershipElection("kp1", term, "m1", List.of("m2"), List.of(), DECISION))
                .expectEvents(new BranchLeadershipElected("kp1", term, "m1", List.of("m2"), List.of()));
    }

    @Test
    @DisplayName("LEADERSHIP: a grassroots committee elects its leaders among the full members of the branches under it, and they are its members in office")
    void aGrassrootsCommitteeElectsItsLeadersAmongTheFullMembersOfTheBranchesUnderIt() {
        LocalDate term = LocalDate.of(2025, 5, 10);
        fixture.given(wardEstablished)
                .when(new RecordLeadershipElection("phuoc-my", term, "m1", List.of("m2"), List.of("m3", "m1"),
                        DECISION))
                .expectEvents(new BranchLeadershipElected("phuoc-my", term, "m1", List.of("m2"), List.of("m3", "m1")))
                .expectState(ward -> {
                    assertThat(ward.registration().leadersInOfficeOn(term.minusDays(1))).isZero();
                    assertThat(ward.registration().leadersInOfficeOn(term)).isEqualTo(3);
                });
    }

    @Test
    @DisplayName("a committee's leaders are full members of the branches under it, not of another ward's nor strangers")
    void aCommitteesLeadersAreFullMembersOfTheBranchesUnderIt() {
        fixture.given(wardEstablished)
                .when(new RecordLeadershipElection("phuoc-my", REFORM, "m1", List.of("m9"), List.of("stranger"),
                        DECISION))
                .expectNoEvents()
                .expectException(Violation.of("LEADERSHIP", "aCommitteesLeadersAreFullMembersOfTheBranchesUnderIt"));
    }

    @Test
    @DisplayName("a probationary member or someone not on the roll cannot be elected to the branch's leadership")
    void aProbationaryMemberOrSomeoneNotOnTheRollCannotBeElected() {
        fixture.given(branchEstablished, new MemberEnrolled("kp1", "m1", MemberStatus.FULL, WARD_FOUNDED),
                        new MemberEnrolled("kp1", "m2", MemberStatus.PROBATIONARY, WARD_FOUNDED))
                .when(new RecordLeadershipElection("kp1", REFORM, "m1", List.of("m2"), List.of("stranger"),
                        DECISION))
                .expectNoEvents()
                .expectException(Violation.of("LEADERSHIP", "leadersAreFullMembersOnTheBranchRoll"));
    }

    @Test
    @DisplayName("RECRUITMENT_TARGET: the district sets the ward's admission target as 4 % of its opening membership (seed 001)")
    void theSuperiorSetsAPercentageTarget() {
        DecisionRef setByDistrict = new DecisionRef("5-QĐ/QU", LocalDate.of(2024, 1, 15), "son-tra");
        fixture.given(wardEstablished)
                .when(new SetRecruitmentTarget("phuoc-my", 2024, TargetMode.PERCENT_OF_OPENING, new BigDecimal("4"),
                        "son-tra", setByDistrict))
                .expectEvents(new RecruitmentTargetSet("phuoc-my", 2024, TargetMode.PERCENT_OF_OPENING,
                        new BigDecimal("4"), "son-tra", setByDistrict.docDate()));
    }

    @Test
    @DisplayName("an admission target is set by the organisation's superior on the date, not by anyone else")
    void anAdmissionTargetIsSetByTheSuperiorOnlyNotByAnyoneElse() {
        DecisionRef setByCity = new DecisionRef("5-QĐ/TU", LocalDate.of(2024, 1, 15), "da-nang");
        fixture.given(wardEstablished)
                .when(new SetRecruitmentTarget("phuoc-my", 2024, TargetMode.ABSOLUTE, new BigDecimal("22"),
                        "da-nang", setByCity))
                .expectNoEvents()
                .expectException(Violation.of("RECRUITMENT_TARGET", "recruitmentTargetIsSetByTheDirectSuperior"));
    }

    @Test
    @DisplayName("an absolute admission target is a whole number of admissions")
    void anAbsoluteAdmissionTargetIsAWholeNumber() {
        DecisionRef setByDistrict = new DecisionRef("5-QĐ/QU", LocalDate.of(2024, 1, 15), "son-tra");
        fixture.given(wardEstablished)
                .when(new SetRecruitmentTarget("phuoc-my", 2024, TargetMode.ABSOLUTE, new BigDecimal("22.5"),
                        "son-tra", setByDistrict))
                .expectNoEvents()
                .expectException(Violation.of("RECRUITMENT_TARGET", "targetValueFitsItsMode"));
    }

    @Test
    @DisplayName("ORGANISATION_GRADE, ORGANISATION_LIFETIME: an organisation is graded once for a year it existed")
    void anOrganisationIsGradedOnceForAYearItExisted() {
        fixture.given(branchEstablished)
                .when(new GradeOrganisation("kp1", 2022, OrganisationGrade.EXCELLENT, DECISION))
                .expectEvents(new OrganisationGraded("kp1", 2022, OrganisationGrade.EXCELLENT));
    }

    @Test
    @DisplayName("an organisation is not graded twice for the same year")
    void anOrganisationIsNotGradedTwiceForTheSameYear() {
        fixture.given(branchEstablished, new OrganisationGraded("kp1", 2022, OrganisationGrade.GOOD))
                .when(new GradeOrganisation("kp1", 2022, OrganisationGrade.EXCELLENT, DECISION))
                .expectNoEvents()
                .expectException(Violation.of("ORGANISATION_GRADE", "anOrganisationIsGradedOncePerYear"));
    }

    @Test
    @DisplayName("an organisation is not graded for a year before it existed")
    void anOrganisationIsNotGradedForAYearBeforeItExisted() {
        fixture.given(branchEstablished)
                .when(new GradeOrganisation("kp1", 1999, OrganisationGrade.GOOD, DECISION))
                .expectNoEvents()
                .expectException(Violation.of("ORGANISATION_LIFETIME", "anOrganisationIsGradedOnlyForAYearItExisted"));
    }
}
