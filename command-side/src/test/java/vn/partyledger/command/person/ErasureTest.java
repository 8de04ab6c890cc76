package vn.partyledger.command.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Processes;
import vn.partyledger.command.support.SideRecords;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.person.CorrectPersonalData;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.ErasurePolicy;
import vn.partyledger.domain.person.ErasureRefused;
import vn.partyledger.domain.person.ErasureRequested;
import vn.partyledger.domain.person.MemberRecordOpened;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataCorrectionReason;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.person.ProcessingBasis;
import vn.partyledger.domain.person.ProcessingBasisRecorded;
import vn.partyledger.domain.person.RecordProcessingBasis;
import vn.partyledger.domain.person.RequestErasure;
import vn.partyledger.domain.person.RetentionBasis;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Erasure by crypto-shredding (domain.md §15.2 rule 3): refused on a retention basis the refusal names — a live
 * member record, or the archive kept after a member's exit — and otherwise executed, after which the register takes
 * nothing more for the person.
 */
class ErasureTest {

    private static final String BRANCH = "kp1";
    private static final LocalDate REGISTERED = LocalDate.of(2018, 1, 8);
    private static final LocalDate CEREMONY = LocalDate.of(2019, 6, 19);
    private static final LocalDate LEFT = LocalDate.of(2020, 9, 7);
    private static final LocalDate ASKED = LocalDate.of(2026, 11, 2);
    private static final PersonRegistered PERSON = new PersonRegistered("p1", Set.of(PersonalDataField.FULL_NAME),
            "kp1", "v1");
    private static final MemberRecordOpened RECORD = new MemberRecordOpened("p1", "m1", REGISTERED);
    private static final OutstandingCandidateRegistered CANDIDATE = new OutstandingCandidateRegistered("m1", "p1",
            BRANCH, Sensitive.of("p1", CandidateSource.RESIDENT), null, REGISTERED);
    private static final MemberAdmitted ADMITTED = new MemberAdmitted("m1", "p1", BRANCH, CEREMONY,
            CEREMONY.plusMonths(12), CEREMONY.minusDays(20), false);
    private static final MemberStruckOff STRUCK_OFF = new MemberStruckOff("m1", BRANCH,
            StrikeOffGround.ABSENCE_OR_DUES_3M, "ward-15", LEFT);

    private final SideRecords<Member> members = new SideRecords<>(Member.class);

    private AggregateTestFixture<Person> fixtureWith(ErasurePolicy policy) {
        AggregateTestFixture<Person> fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(policy);
        return Processes.ofErasure(fixture, members);
    }

    private static RequestErasure erasure() {
        return new RequestErasure("p1", ASKED);
    }

    @Test
    @DisplayName("ERASURE: a person on no member record is erased at once")
    void aPersonOnNoMemberRecordIsErasedAtOnce() {
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON)
                .when(erasure())
                .expectEvents(new ErasureRequested("p1", ASKED), new ErasureExecuted("p1", ASKED));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: an erasure asked for today is decided today")
    void anErasureAskedForTodayIsDecidedToday() {
        LocalDate today = FixedToday.DATE;
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON)
                .when(new RequestErasure("p1", today))
                .expectEvents(new ErasureRequested("p1", today), new ErasureExecuted("p1", today));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: an erasure request dated tomorrow is not recorded")
    void anErasureRequestDatedTomorrowIsNotRecorded() {
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON)
                .when(new RequestErasure("p1", FixedToday.DATE.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    @Test
    @DisplayName("ERASURE: a candidate whose file closed without an admission is erased")
    void aCandidateWhoseFileClosedIsErased() {
        members.given("m1", CANDIDATE, new ApplicationWithdrawn("m1", REGISTERED.plusMonths(2),
                Sensitive.of("p1", "moved away")));
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON, RECORD)
                .when(erasure())
                .expectEvents(new ErasureRequested("p1", ASKED), new ErasureExecuted("p1", ASKED));
    }

    @Test
    @DisplayName("an erasure is refused, naming the basis, while a member record of the person is live")
    void anErasureIsRefusedWhileAMemberRecordIsLive() {
        members.given("m1", CANDIDATE, ADMITTED);
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON, RECORD)
                .when(erasure())
                .expectEvents(new ErasureRequested("p1", ASKED),
                        new ErasureRefused("p1", RetentionBasis.MEMBER_RECORD_LIVE, "m1", null, ASKED));
    }

    @Test
    @DisplayName("a former member's record is archived for good by default, so an erasure is refused")
    void aFormerMembersRecordIsArchivedForGoodByDefault() {
        members.given("m1", CANDIDATE, ADMITTED, STRUCK_OFF);
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON, RECORD)
                .when(erasure())
                .expectEvents(new ErasureRequested("p1", ASKED),
                        new ErasureRefused("p1", RetentionBasis.ARCHIVE_AFTER_EXIT, "m1", null, ASKED));
    }

    @Test
    @DisplayName("with an archive period, a former member's record is kept until it ends, and erased after it")
    void withAnArchivePeriodTheRecordIsKeptUntilItEnds() {
        members.given("m1", CANDIDATE, ADMITTED, STRUCK_OFF);
        fixtureWith(new ErasurePolicy(Optional.of(10))).given(PERSON, RECORD)
                .when(erasure())
                .expectEvents(new ErasureRequested("p1", ASKED), new ErasureRefused("p1",
                        RetentionBasis.ARCHIVE_AFTER_EXIT, "m1", LEFT.plusYears(10), ASKED));
        fixtureWith(new ErasurePolicy(Optional.of(5))).given(PERSON, RECORD)
                .when(erasure())
                .expectEvents(new ErasureRequested("p1", ASKED), new ErasureExecuted("p1", ASKED));
    }

    @Test
    @DisplayName("ERASURE: an erased person's entry takes no correction, basis or second erasure")
    void anErasedPersonsEntryTakesNothingMore() {
        ErasureExecuted erased = new ErasureExecuted("p1", ASKED);
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON, erased)
                .when(new CorrectPersonalData("p1", Set.of(PersonalDataField.FULL_NAME),
                        PersonalDataCorrectionReason.ENTRY_ERROR, ASKED, "v2"))
                .expectNoEvents()
                .expectException(Violation.of("ERASURE", "anErasedPersonsEntryIsGoneForGood"));
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON, erased)
                .when(new RecordProcessingBasis("p1", ProcessingBasis.CONSENT, ASKED))
                .expectNoEvents()
                .expectException(Violation.of("ERASURE", "anErasedPersonsEntryIsGoneForGood"));
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON, erased)
                .when(erasure())
                .expectNoEvents()
                .expectException(Violation.of("ERASURE", "anErasedPersonsEntryIsGoneForGood"));
    }

    @Test
    @DisplayName("the basis on which a person's data is processed is recorded")
    void theProcessingBasisIsRecorded() {
        fixtureWith(ErasurePolicy.DEFAULTS).given(PERSON)
                .when(new RecordProcessingBasis("p1", ProcessingBasis.PARTY_RULES, ASKED))
                .expectEvents(new ProcessingBasisRecorded("p1", ProcessingBasis.PARTY_RULES, ASKED));
    }
}
