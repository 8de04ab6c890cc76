package vn.partyledger.command.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.MemberReleased;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;

/** A member leaves a roll when the home moves (transfer): only someone on the roll can leave it. */
class RollReleaseTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate MOVED = LocalDate.of(2025, 9, 10);
    private static final OrganisationEstablished BRANCH = new OrganisationEstablished("kp1", "Chi bộ Khu phố 1",
            OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5,
            false, FOUNDED);

    private final AggregateTestFixture<Organisation> fixture = new AggregateTestFixture<>(Organisation.class);

    @Test
    @DisplayName("a member on the roll is released from it when their home moves")
    void aMemberOnTheRollIsReleasedFromItWhenTheirHomeMoves() {
        fixture.given(BRANCH, new MemberEnrolled("kp1", "m1", MemberStatus.PROBATIONARY, FOUNDED.plusYears(1)))
                .whenInvoking("kp1", branch -> branch.release("m1", MOVED))
                .expectEvents(new MemberReleased("kp1", "m1", MOVED));
    }

    @Test
    @DisplayName("I2: a member who is not on the roll cannot be released from it")
    void aMemberWhoIsNotOnTheRollCannotBeReleasedFromIt() {
        fixture.given(BRANCH)
                .whenInvoking("kp1", branch -> branch.release("m1", MOVED))
                .expectNoEvents()
                .expectException(Violation.of("I2", "onlyAMemberOnTheRollIsReleased"));
    }
}
