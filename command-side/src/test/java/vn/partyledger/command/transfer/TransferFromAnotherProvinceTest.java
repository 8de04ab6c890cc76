package vn.partyledger.command.transfer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.process.Records;
import vn.partyledger.command.process.TransferFromAnotherProvince;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.SideRecords;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.person.MemberRecordOpened;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.transfer.IncomingTransferOverdue;
import vn.partyledger.domain.transfer.IncomingTransferPresented;
import vn.partyledger.domain.transfer.IncomingTransferRecorded;
import vn.partyledger.domain.transfer.IncomingTransferRefused;
import vn.partyledger.domain.transfer.MarkIncomingTransferOverdue;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.PresentIncomingTransfer;
import vn.partyledger.domain.transfer.RefusalReason;
import vn.partyledger.domain.transfer.RefuseIncomingTransfer;
import vn.partyledger.domain.transfer.TransferPresentedLate;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member presents a letter from another province at its addressee (ADR 0050): the letter is answered, the member's
 * record here opens with what it carried (or takes back a member who left this province), the person registered here
 * takes it as their live record, and the member goes onto the branch's roll — all in one unit of work.
 */
class TransferFromAnotherProvinceTest {

    private static final String HA_NOI = "urn:partyledger:province:hn";
    private static final LocalDate LETTER = IncomingTransferTest.LETTER;
    private static final LocalDate PRESENT_BY = IncomingTransferTest.PRESENT_BY;
    private static final LocalDate PRESENTED = LocalDate.of(2026, 9, 21);
    private static final TransferableRecord RECORD = IncomingTransferTest.RECORD;
    private static final IncomingTransferRecorded RECORDED = IncomingTransferTest.RECORDED;

    private AggregateTestFixture<IncomingTransfer> fixture;
    private SideRecords<Member> members;
    private SideRecords<Person> persons;
    private RecordingMembershipLedger ledger;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IncomingTransfer.class);
        fixture.registerInjectableResource(FixedToday.today());
        members = new SideRecords<>(Member.class);
        persons = new SideRecords<>(Person.class)
                .given("p9", new PersonRegistered("p9", Set.of(PersonalDataField.FULL_NAME), "kp1", "v1"));
        ledger = new RecordingMembershipLedger();
        fixture.registerAnnotatedCommandHandler(new TransferFromAnotherProvince(new Records<>(fixture::getRepository),
                members.records(), persons.records(), ledger));
    }

    private static MemberJoinedFromProvince joined(String personId, LocalDate on) {
        return new MemberJoinedFromProvince("m1", personId, "kp1", "t1", HA_NOI, MemberStatus.FULL,
                LocalDate.of(2001, 5, 19), null, LocalDate.of(2002, 5, 19),
                List.of(new PartyAge.Gap(LocalDate.of(2010, 1, 4), LocalDate.of(2011, 3, 1))), "PC-123456",
                RECORD.badges(), RECORD.disciplineInEffect(), on);
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: the member presents a letter from another province at its addressee and goes onto its roll with the record the letter carried")
    void theMemberPresentsALetterFromAnotherProvinceAndGoesOntoTheRollWithItsRecord() {
        fixture.given(RECORDED)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", PRESENTED, null))
                .expectEvents(new IncomingTransferPresented("t1", "m1", HA_NOI, "kp1", PRESENT_BY, PRESENTED, false));

        assertThat(members.events("m1")).containsExactly(joined("p9", PRESENTED));
        assertThat(persons.events("p9")).endsWith(new MemberRecordOpened("p9", "m1", PRESENTED));
        assertThat(ledger.enrolments()).containsExactly(
                new RecordingMembershipLedger.Enrolment("kp1", "m1", MemberStatus.FULL, PRESENTED));
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter presented after its present-by day needs the overdue mark and a late reason, and its late days are a gap in party age")
    void aLatePresentationNeedsTheOverdueMarkAndAReasonAndItsDaysAreAGap() {
        LocalDate late = PRESENT_BY.plusDays(6);
        fixture.given(RECORDED)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", late, "ILLNESS"))
                .expectNoEvents()
                .expectException(Violation.of("INCOMING_TRANSFER",
                        "aLateIncomingLetterIsPresentedAfterTheOverdueMarkWithItsReason"));
        IncomingTransferOverdue overdue = new IncomingTransferOverdue("t1", "m1", "kp1", PRESENT_BY,
                PRESENT_BY.plusDays(1));
        fixture.given(RECORDED, overdue)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", late, " "))
                .expectException(Violation.of("INCOMING_TRANSFER",
                        "aLateIncomingLetterIsPresentedAfterTheOverdueMarkWithItsReason"));
        assertThat(members.events("m1")).isEmpty();

        fixture.given(RECORDED, overdue)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", late, "ILLNESS"))
                .expectEvents(new IncomingTransferPresented("t1", "m1", HA_NOI, "kp1", PRESENT_BY, late, true));
        assertThat(members.events("m1")).containsExactly(joined("p9", late),
                new TransferPresentedLate("m1", "t1", PRESENT_BY, late));
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter is answered once, at its addressee, no earlier than it is dated: a presented letter is not refused, presented again nor marked overdue")
    void aLetterIsAnsweredOnceAtItsAddresseeNoEarlierThanItIsDated() {
        IncomingTransferPresented presented = new IncomingTransferPresented("t1", "m1", HA_NOI, "kp1", PRESENT_BY,
                PRESENTED, false);
        fixture.given(RECORDED, presented)
                .when(new RefuseIncomingTransfer("t1", "kp1", RefusalReason.NOT_PRESENTED, PRESENTED))
                .expectException(Violation.of("INCOMING_TRANSFER", "onlyAnOpenIncomingLetterIsAnswered"));
        fixture.given(RECORDED, presented)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", PRESENTED, null))
                .expectException(Violation.of("INCOMING_TRANSFER", "onlyAnOpenIncomingLetterIsAnswered"));
        fixture.given(RECORDED, presented)
                .when(new MarkIncomingTransferOverdue("t1", "kp1", PRESENT_BY.plusDays(1)))
                .expectException(Violation.of("INCOMING_TRANSFER", "anOpenIncomingLetterIsMarkedOverdueOnce"));
        fixture.given(RECORDED, new IncomingTransferRefused("t1", "m1", HA_NOI, "kp1", RefusalReason.NOT_PRESENTED,
                        PRESENTED))
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", PRESENTED, null))
                .expectException(Violation.of("INCOMING_TRANSFER", "onlyAnOpenIncomingLetterIsAnswered"));
        fixture.given(RECORDED)
                .when(new PresentIncomingTransfer("t1", "kp2", "p9", PRESENTED, null))
                .expectException(Violation.of("INCOMING_TRANSFER", "anIncomingLetterIsHandledByItsAddressee"));
        fixture.given(RECORDED)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", LETTER.minusDays(1), null))
                .expectException(Violation.of("INCOMING_TRANSFER", "anIncomingLetterIsAnsweredNoEarlierThanItIsDated"));
        assertThat(members.events("m1")).isEmpty();
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a member who once left this province for another comes back on the record they left")
    void aMemberWhoLeftThisProvinceComesBackOnTheRecordTheyLeft() {
        LocalDate earlier = LocalDate.of(2020, 3, 2);
        members.given("m1", joined("p9", earlier),
                new MemberLeftForProvince("m1", "t0", "kp1", HA_NOI, "hn-kp7", LocalDate.of(2023, 4, 3)));
        fixture.given(RECORDED)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", PRESENTED, null))
                .expectEvents(new IncomingTransferPresented("t1", "m1", HA_NOI, "kp1", PRESENT_BY, PRESENTED, false));
        assertThat(members.events("m1")).endsWith(joined("p9", PRESENTED));
        assertThat(ledger.enrolments()).hasSize(1);
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter does not take over a record here of a member still on this province's roll")
    void aLetterDoesNotTakeOverARecordOfAMemberStillHere() {
        members.given("m1", joined("p9", LocalDate.of(2020, 3, 2)));
        fixture.given(RECORDED)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", PRESENTED, null))
                .expectException(Violation.of("INCOMING_TRANSFER",
                        "aRecordHereTakesBackOnlyAMemberWhoLeftForAnotherProvince"));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: the person presenting a letter for a member who left is the person who left")
    void thePersonPresentingALetterForAMemberWhoLeftIsThePersonWhoLeft() {
        members.given("m1", joined("p1", LocalDate.of(2020, 3, 2)),
                new MemberLeftForProvince("m1", "t0", "kp1", HA_NOI, "hn-kp7", LocalDate.of(2023, 4, 3)));
        fixture.given(RECORDED)
                .when(new PresentIncomingTransfer("t1", "kp1", "p9", PRESENTED, null))
                .expectException(Violation.of("INCOMING_TRANSFER", "aMemberComingBackIsTheSamePerson"));
    }

    @Test
    @DisplayName("I3: the member presenting a letter is registered in this province's person register first")
    void theMemberPresentingALetterIsRegisteredHereFirst() {
        fixture.given(RECORDED)
                .when(new PresentIncomingTransfer("t1", "kp1", "p404", PRESENTED, null))
                .expectNoEvents()
                .expectException(Violation.of("I3", "theMemberPresentingALetterIsARegisteredPerson"));
        assertThat(members.events("m1")).isEmpty();
    }
}
