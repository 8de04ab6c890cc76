package vn.partyledger.command.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.command.support.Processes;
import vn.partyledger.command.support.SideRecords;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.person.MemberRecordOpened;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person, one live member record (I3), whatever member id a registration names: the person's other records are
 * loaded as they stand, so an exit or a withdrawn file counts the moment the record holds it.
 */
class OneLiveRecordTest {

    private static final String BRANCH = "kp1";
    private static final LocalDate REGISTERED = LocalDate.of(2018, 1, 8);
    private static final LocalDate CEREMONY = LocalDate.of(2019, 6, 19);
    private static final LocalDate LEFT = LocalDate.of(2020, 9, 7);
    private static final LocalDate AGAIN = LocalDate.of(2024, 3, 4);
    private static final PersonRegistered PERSON = new PersonRegistered("p1", Set.of(PersonalDataField.FULL_NAME),
            "kp1", "v1");

    private final SideRecords<Member> members = new SideRecords<>(Member.class);
    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(new InMemoryOrganisationRegistry()
                .with(BRANCH, OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 1), 30));
        Processes.ofPersons(fixture, members);
    }

    private static OutstandingCandidateRegistered registered(String memberId, String personId) {
        return new OutstandingCandidateRegistered(memberId, personId, BRANCH,
                Sensitive.of(personId, CandidateSource.RESIDENT), null,
                REGISTERED);
    }

    private static MemberAdmitted admitted(String memberId) {
        return new MemberAdmitted(memberId, "p1", BRANCH, CEREMONY, CEREMONY.plusMonths(12), CEREMONY.minusDays(20),
                false);
    }

    private static RegisterOutstandingCandidate candidacy(String memberId) {
        return new RegisterOutstandingCandidate(memberId, "p1", BRANCH, CandidateSource.RESIDENT, null, AGAIN);
    }

    @Test
    @DisplayName("I3: a registered person's first candidacy opens a member record for the person")
    void aRegisteredPersonsFirstCandidacyOpensAMemberRecord() {
        fixture.given(PERSON)
                .when(candidacy("m1"))
                .expectEvents(new MemberRecordOpened("p1", "m1", AGAIN));
        assertThat(members.events("m1")).containsExactly(new OutstandingCandidateRegistered("m1", "p1", BRANCH,
                Sensitive.of("p1", CandidateSource.RESIDENT), null, AGAIN));
    }

    @Test
    @DisplayName("I3: a person not in the person register cannot be registered as a candidate")
    void aPersonNotInTheRegisterCannotBeACandidate() {
        fixture.givenNoPriorActivity()
                .when(candidacy("m1"))
                .expectNoEvents()
                .expectException(Violation.of("I3", "aCandidateIsARegisteredPerson"));
        assertThat(members.events("m1")).isEmpty();
    }

    @Test
    @DisplayName("I3: a person with an open member record cannot be registered as a candidate again")
    void aPersonWithAnOpenMemberRecordCannotBeRegisteredAgain() {
        members.given("m1", registered("m1", "p1"));
        fixture.given(PERSON, new MemberRecordOpened("p1", "m1", REGISTERED))
                .when(candidacy("m2"))
                .expectNoEvents()
                .expectException(Violation.of("I3", "aPersonHasOneLiveMemberRecord"));
        assertThat(members.events("m2")).isEmpty();
    }

    @Test
    @DisplayName("I3: a probationary member cannot be registered as a candidate under another member id")
    void aProbationaryMemberCannotBeRegisteredUnderAnotherMemberId() {
        members.given("m1", registered("m1", "p1"), admitted("m1"));
        fixture.given(PERSON, new MemberRecordOpened("p1", "m1", REGISTERED))
                .when(candidacy("m2"))
                .expectNoEvents()
                .expectException(Violation.of("I3", "aPersonHasOneLiveMemberRecord"));
    }

    @Test
    @DisplayName("I3: after a withdrawn candidacy the person may be registered as a candidate on a new record")
    void afterAWithdrawnCandidacyANewRecordMayBeOpened() {
        members.given("m1", registered("m1", "p1"), new ApplicationWithdrawn("m1", REGISTERED.plusMonths(2),
                Sensitive.of("p1", "moved")));
        fixture.given(PERSON, new MemberRecordOpened("p1", "m1", REGISTERED))
                .when(candidacy("m2"))
                .expectEvents(new MemberRecordOpened("p1", "m2", AGAIN));
    }

    @Test
    @DisplayName("I3: a former member comes back on the record they were admitted on, not under a new member id")
    void aFormerMemberComesBackOnTheirOwnRecord() {
        members.given("m1", registered("m1", "p1"), admitted("m1"),
                new MemberStruckOff("m1", BRANCH, StrikeOffGround.VOLUNTARY_EXIT, "ward", LEFT));
        fixture.given(PERSON, new MemberRecordOpened("p1", "m1", REGISTERED))
                .when(candidacy("m2"))
                .expectNoEvents()
                .expectException(Violation.of("I3", "aFormerMemberComesBackOnTheirOwnRecord"));
    }

    @Test
    @DisplayName("I3: a former member is registered again on their own record, which the person already knows")
    void aFormerMemberIsRegisteredAgainOnTheirOwnRecord() {
        members.given("m1", registered("m1", "p1"), admitted("m1"),
                new MemberStruckOff("m1", BRANCH, StrikeOffGround.VOLUNTARY_EXIT, "ward", LEFT));
        fixture.given(PERSON, new MemberRecordOpened("p1", "m1", REGISTERED))
                .when(candidacy("m1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(members.events("m1")).last().isEqualTo(new OutstandingCandidateRegistered("m1", "p1", BRANCH,
                Sensitive.of("p1", CandidateSource.RESIDENT), null, AGAIN));
    }

    @Test
    @DisplayName("I3: a barred exit follows the person: neither a new member id nor the old record takes them back")
    void aBarredExitFollowsThePerson() {
        members.given("m1", registered("m1", "p1"), admitted("m1"),
                new MemberStruckOff("m1", BRANCH, StrikeOffGround.ABSENCE_OR_DUES_3M, "ward", LEFT));
        fixture.given(PERSON, new MemberRecordOpened("p1", "m1", REGISTERED))
                .when(candidacy("m2"))
                .expectException(Violation.of("I3", "aFormerMemberComesBackOnTheirOwnRecord"));
        fixture.given(PERSON, new MemberRecordOpened("p1", "m1", REGISTERED))
                .when(candidacy("m1"))
                .expectException(Violation.of("I3", "anExitForAbandoningPartyActivityBarsReadmission"));
    }

    @Test
    @DisplayName("I3: another person's member record cannot take this person's candidacy")
    void anotherPersonsRecordCannotTakeThisPersonsCandidacy() {
        members.given("m1", registered("m1", "p2"), new ApplicationWithdrawn("m1", REGISTERED.plusMonths(2),
                Sensitive.of("p2", "moved")));
        fixture.given(PERSON)
                .when(candidacy("m1"))
                .expectNoEvents()
                .expectException(Violation.of("I3", "aMemberRecordBelongsToOnePerson"));
    }
}
