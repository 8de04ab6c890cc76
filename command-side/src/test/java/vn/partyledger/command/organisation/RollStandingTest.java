package vn.partyledger.command.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.MemberEnrolled;
import vn.partyledger.domain.organisation.MemberReleased;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What recognition and the probationary strike-off change on a branch's roll (I9, I11), and the roll over time (I5). */
class RollStandingTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate CEREMONY = LocalDate.of(2020, 6, 19);
    private static final LocalDate PROBATION_END = LocalDate.of(2021, 6, 19);

    private final OrganisationEstablished established = new OrganisationEstablished("kp1", "Chi bộ Khu phố 1",
            OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 30,
            false, FOUNDED);
    private final MemberEnrolled probationer = new MemberEnrolled("kp1", "m1", MemberStatus.PROBATIONARY, CEREMONY);

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(FixedToday.today());
    }

    @Test
    @DisplayName("I9: a recognised member stands on the roll as full from the end of probation")
    void aRecognisedMemberStandsOnTheRollAsFullFromTheEndOfProbation() {
        fixture.given(established, probationer)
                .whenInvoking("kp1", branch -> branch.enrol("m1", MemberStatus.FULL, PROBATION_END))
                .expectEvents(new MemberEnrolled("kp1", "m1", MemberStatus.FULL, PROBATION_END));
    }

    @Test
    @DisplayName("I11: a member struck off the probationary list leaves the roll")
    void aMemberStruckOffTheProbationaryListLeavesTheRoll() {
        LocalDate decided = LocalDate.of(2021, 7, 12);
        fixture.given(established, probationer)
                .whenInvoking("kp1", branch -> branch.release("m1", decided))
                .expectEvents(new MemberReleased("kp1", "m1", decided));
    }

    @Test
    @DisplayName("I5: a vote keyed in late is counted against the full members on the roll on the day of the vote")
    void aVoteKeyedInLateIsCountedAgainstTheFullMembersOnTheRollOnTheDayOfTheVote() {
        Map<LocalDate, Integer> counted = new TreeMap<>();
        fixture.given(established, probationer,
                        new MemberEnrolled("kp1", "m2", MemberStatus.FULL, FOUNDED),
                        new MemberEnrolled("kp1", "m1", MemberStatus.FULL, PROBATION_END),
                        new MemberReleased("kp1", "m2", LocalDate.of(2023, 3, 1)))
                .whenInvoking("kp1", branch -> Stream.of(FOUNDED.minusDays(1), CEREMONY, PROBATION_END,
                                LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 1))
                        .forEach(day -> counted.put(day, branch.registration().fullMembersOnRollOn(day))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        assertThat(counted).containsExactly(entry(FOUNDED.minusDays(1), 0), entry(CEREMONY, 1),
                entry(PROBATION_END, 2), entry(LocalDate.of(2023, 2, 28), 2), entry(LocalDate.of(2023, 3, 1), 1));
    }
}
