package vn.partyledger.command.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.DissolutionReason;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.MemberReleased;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.organisation.OrganisationSplit;
import vn.partyledger.domain.organisation.OrganisationsMerged;

import java.time.LocalDate;
import java.util.List;

/** The organisations' side of merges and splits (I2), as OrganisationRestructuring calls it. */
class RestructuringRulesTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    private final OrganisationEstablished branch = new OrganisationEstablished("kp1", "Chi bộ Khu phố 1",
            OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "ward", null, OrganisationFlags.NONE, 5,
            false, FOUNDED);
    private final OrganisationEstablished ward = new OrganisationEstablished("ward", "Đảng bộ Phường 5",
            OrganisationKind.GRASSROOTS_COMMITTEE, null, "district", null, OrganisationFlags.NONE, 300, false,
            FOUNDED);
    private final MemberEnrolled m1 = new MemberEnrolled("kp1", "m1", MemberStatus.FULL, FOUNDED);
    private final MemberEnrolled m2 = new MemberEnrolled("kp1", "m2", MemberStatus.PROBATIONARY, FOUNDED);

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(FixedToday.today());
    }

    @Test
    @DisplayName("I2: a branch that exists on the date absorbs the merged organisations and their members")
    void aBranchThatExistsOnTheDateAbsorbsTheMergedOrganisations() {
        fixture.given(branch)
                .whenInvoking("kp1", target -> target.absorb(List.of("kp2", "kp3"), 40, MERGER))
                .expectEvents(new OrganisationsMerged("kp1", List.of("kp2", "kp3"), MERGER));
    }

    @Test
    @DisplayName("I2: a merge into an organisation that is not a branch would leave its members homeless")
    void aMergeIntoAnOrganisationThatIsNotABranchWouldLeaveItsMembersHomeless() {
        fixture.given(ward)
                .whenInvoking("ward", target -> target.absorb(List.of("kp2"), 12, MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I2", "everyTransferredMemberFindsAHome"));
    }

    @Test
    @DisplayName("I2: a merge into an organisation dissolved by then would leave its members homeless")
    void aMergeIntoADissolvedOrganisationWouldLeaveItsMembersHomeless() {
        fixture.given(branch, new OrganisationDissolved("kp1", DissolutionReason.ADMINISTRATIVE, null, MERGER))
                .whenInvoking("kp1", target -> target.absorb(List.of("kp2"), 12, MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I2", "everyTransferredMemberFindsAHome"));
    }

    @Test
    @DisplayName("I2: an organisation is not merged into itself")
    void anOrganisationIsNotMergedIntoItself() {
        fixture.given(branch)
                .whenInvoking("kp1", target -> target.absorb(List.of("kp1"), 0, MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I2", "anOrganisationIsNotMergedIntoItself"));
    }

    @Test
    @DisplayName("I2: a split whose allocation gives every member on the roll one new home is recorded")
    void aSplitGivingEveryMemberOneNewHomeIsRecorded() {
        List<MemberAllocation> allocation = List.of(new MemberAllocation("m1", "kp1a"),
                new MemberAllocation("m2", "kp1b"));
        fixture.given(branch, m1, m2)
                .whenInvoking("kp1", source -> source.split(allocation, MERGER))
                .expectEvents(new OrganisationSplit("kp1", allocation, MERGER));
    }

    @Test
    @DisplayName("I2: a split whose allocation leaves a member on the roll without a home is refused")
    void aSplitLeavingAMemberWithoutAHomeIsRefused() {
        fixture.given(branch, m1, m2)
                .whenInvoking("kp1", source -> source.split(List.of(new MemberAllocation("m1", "kp1a")), MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I2", "splitAllocatesEveryMemberOnTheRollExactlyOnce"));
    }

    @Test
    @DisplayName("I2: a split whose allocation names someone not on the roll is refused")
    void aSplitNamingSomeoneNotOnTheRollIsRefused() {
        fixture.given(branch, m1)
                .whenInvoking("kp1", source -> source.split(List.of(new MemberAllocation("m1", "kp1a"),
                        new MemberAllocation("stranger", "kp1b")), MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I2", "splitAllocatesEveryMemberOnTheRollExactlyOnce"));
    }

    @Test
    @DisplayName("I2: a split that allocates a member twice is refused")
    void aSplitAllocatingAMemberTwiceIsRefused() {
        fixture.given(branch, m1)
                .whenInvoking("kp1", source -> source.split(List.of(new MemberAllocation("m1", "kp1a"),
                        new MemberAllocation("m1", "kp1b")), MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I2", "splitAllocatesEveryMemberOnTheRollExactlyOnce"));
    }

    @Test
    @DisplayName("I2: a member on the roll is released when collectively transferred")
    void aMemberOnTheRollIsReleasedWhenCollectivelyTransferred() {
        fixture.given(branch, m1)
                .whenInvoking("kp1", source -> source.release("m1", MERGER))
                .expectEvents(new MemberReleased("kp1", "m1", MERGER));
    }

    @Test
    @DisplayName("I2: someone not on the roll cannot be released from it")
    void someoneNotOnTheRollCannotBeReleasedFromIt() {
        fixture.given(branch)
                .whenInvoking("kp1", source -> source.release("m1", MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I2", "onlyAMemberOnTheRollIsReleased"));
    }

    @Test
    @DisplayName("I2: a restructured organisation is closed once its roll is empty, naming its successor")
    void aRestructuredOrganisationIsClosedOnceItsRollIsEmpty() {
        fixture.given(branch, m1, new MemberReleased("kp1", "m1", MERGER))
                .whenInvoking("kp1", source -> source.closeAfterRestructuring("kp9", MERGER))
                .expectEvents(new OrganisationDissolved("kp1", DissolutionReason.ADMINISTRATIVE, "kp9", MERGER));
    }
}
