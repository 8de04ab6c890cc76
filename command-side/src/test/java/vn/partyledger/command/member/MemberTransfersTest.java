package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.process.AggregateMembersInTransfer;
import vn.partyledger.command.process.Records;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.PartyCardIssued;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.transfer.TransferableRecord;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ReportCardLost;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.MemberTransferClosed;
import vn.partyledger.domain.transfer.MemberTransferOpened;
import vn.partyledger.domain.transfer.TransferPresentedLate;
import vn.partyledger.domain.transfer.TransferType;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The member's side of a transfer (I16): only a member on the roll, from their home, one transfer at a time. */
class MemberTransfersTest {

    private static final LocalDate LETTER = LocalDate.of(2025, 9, 2);
    private static final LocalDate PRESENTED = LocalDate.of(2025, 9, 10);
    /** The member dies while the letter is in transit. */
    private static final LocalDate DIED = LocalDate.of(2025, 9, 20);

    private final OutstandingCandidateRegistered registered = new OutstandingCandidateRegistered("m1", "p1", "kp1",
            Sensitive.of("p1", CandidateSource.RESIDENT), null, LocalDate.of(2019, 1, 7));
    private final MemberAdmitted admitted = new MemberAdmitted("m1", "p1", "kp1", LocalDate.of(2020, 6, 19),
            LocalDate.of(2021, 6, 19), LocalDate.of(2020, 6, 1), false);
    private final MemberTransferOpened opened = new MemberTransferOpened("m1", "t1", TransferType.OFFICIAL, "kp1",
            "kp2", LETTER);
    private final MemberDeceased deceased = new MemberDeceased("m1", "kp1", DIED);

    private AggregateTestFixture<Member> fixture;
    private RecordingMembershipLedger ledger;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(FixedToday.today());
        ledger = new RecordingMembershipLedger();
    }

    @Test
    @DisplayName("a letter to another province carries the member's standing, party age and its gaps, badges, card and discipline in effect")
    void aLetterToAnotherProvinceCarriesTheMembersTransferableRecord() {
        LocalDate decided = LocalDate.of(2020, 6, 1);
        LocalDate recognised = LocalDate.of(2021, 6, 19);
        LocalDate reprimanded = LocalDate.of(2025, 3, 3);
        fixture.given(registered, new AdmissionApproved("m1", decided, "ward-15", LocalDate.of(2020, 6, 5)), admitted,
                        new FullMembershipRecognized("m1", "kp1", recognised, recognised, "ward-15", false),
                        new MemberLostContact("m1", "kp1", LocalDate.of(2023, 1, 2), "kp1"),
                        new MemberContactRestored("m1", "kp1", LocalDate.of(2023, 1, 2), LocalDate.of(2023, 4, 3),
                                "kp1"),
                        new PartyBadgeAwarded("m1", 30, "H-0007", LocalDate.of(2024, 9, 2),
                                Sensitive.recordedBeforeSealing(false), false, "city"),
                        new PartyCardIssued("m1", "PC-0042", LocalDate.of(2021, 9, 2), "district-1", null),
                        new DisciplineImposed("m1", DisciplineForm.REPRIMAND, "kp1", "kp1", reprimanded,
                                Sensitive.recordedBeforeSealing(ViolationCategory.NOT_RECORDED)))
                .whenInvoking("m1", m -> assertThat(m.transferableRecord(LETTER, DisciplinePolicy.DEFAULTS))
                        .isEqualTo(new TransferableRecord(MemberStatus.FULL, decided, recognised, null,
                                List.of(new TransferableRecord.PartyAgeGap(LocalDate.of(2023, 1, 2),
                                        LocalDate.of(2023, 4, 3))),
                                List.of(new TransferableRecord.Badge(30, "H-0007", LocalDate.of(2024, 9, 2))),
                                "PC-0042",
                                List.of(new TransferableRecord.Discipline(DisciplineForm.REPRIMAND, reprimanded)))))
                .expectNoEvents();
    }

    @Test
    @DisplayName("I16: a transfer is opened for a probationary member from their home branch")
    void aTransferIsOpenedForAProbationaryMemberFromTheirHomeBranch() {
        fixture.given(registered, admitted)
                .whenInvoking("m1", member -> member.transfers.open("t1", TransferType.OFFICIAL, "kp1", "kp2", LETTER))
                .expectEvents(opened);
    }

    @Test
    @DisplayName("I16: a candidate cannot be transferred")
    void aCandidateCannotBeTransferred() {
        fixture.given(registered)
                .whenInvoking("m1", member -> member.transfers.open("t1", TransferType.OFFICIAL, "kp1", "kp2", LETTER))
                .expectNoEvents()
                .expectException(Violation.of("I16", "onlyAProbationaryOrFullMemberIsTransferred"));
    }

    @Test
    @DisplayName("I16: a transfer leaves from the member's home, not from another branch")
    void aTransferLeavesFromTheMembersHome() {
        fixture.given(registered, admitted)
                .whenInvoking("m1", member -> member.transfers.open("t1", TransferType.OFFICIAL, "kp3", "kp2", LETTER))
                .expectNoEvents()
                .expectException(Violation.of("I16", "aTransferLeavesFromTheMembersHome"));
    }

    @Test
    @DisplayName("I16: no second transfer is opened while another is open for the member")
    void noSecondTransferIsOpenedWhileAnotherIsOpen() {
        fixture.given(registered, admitted, opened)
                .whenInvoking("m1", member -> member.transfers.open("t2", TransferType.TEMPORARY, "kp1", "kp3", LETTER))
                .expectNoEvents()
                .expectException(Violation.of("I16", "noOtherOpenTransfer"));
    }

    @Test
    @DisplayName("I16: once the transfer is closed another can be opened")
    void onceTheTransferIsClosedAnotherCanBeOpened() {
        fixture.given(registered, admitted, opened, new MemberTransferClosed("m1", "t1", LETTER.plusDays(3)))
                .whenInvoking("m1", member -> member.transfers.open("t2", TransferType.TEMPORARY, "kp1", "kp3", LETTER))
                .expectEvents(new MemberTransferOpened("m1", "t2", TransferType.TEMPORARY, "kp1", "kp3", LETTER));
    }

    @Test
    @DisplayName("I18: an official transfer moves the home and the rolls: released at the sender, enrolled at the receiver")
    void anOfficialTransferMovesTheHomeAndTheRolls() {
        fixture.given(registered, admitted, opened)
                .whenInvoking("m1", member -> new AggregateMembersInTransfer(new Records<>(fixture::getRepository), ledger)
                        .changeHome("m1", "t1", "kp2", PRESENTED))
                .expectEvents(new MemberHomeChanged("m1", "t1", "kp1", "kp2", PRESENTED));
        assertThat(ledger.releases()).containsExactly(new RecordingMembershipLedger.Release("kp1", "m1", PRESENTED));
        assertThat(ledger.enrolments()).containsExactly(
                new RecordingMembershipLedger.Enrolment("kp2", "m1", MemberStatus.PROBATIONARY, PRESENTED));
    }

    @Test
    @DisplayName("I18: a letter presented in the province it was sent to takes the member off this roll")
    void aLetterPresentedInTheProvinceItWasSentToTakesTheMemberOffThisRoll() {
        fixture.given(registered, admitted, opened)
                .whenInvoking("m1", member -> new AggregateMembersInTransfer(new Records<>(fixture::getRepository), ledger)
                        .leaveForProvince("m1", "t1", "urn:partyledger:province:hn", "hn-kp7", PRESENTED))
                .expectEvents(new MemberLeftForProvince("m1", "t1", "kp1", "urn:partyledger:province:hn", "hn-kp7",
                        PRESENTED));
        assertThat(ledger.releases()).containsExactly(new RecordingMembershipLedger.Release("kp1", "m1", PRESENTED));
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I18: a member on another province's roll takes no further decision here, nor a new letter")
    void aMemberOnAnotherProvincesRollTakesNoFurtherDecisionHere() {
        MemberLeftForProvince left = new MemberLeftForProvince("m1", "t1", "kp1", "urn:partyledger:province:hn",
                "hn-kp7", PRESENTED);
        fixture.given(registered, admitted, opened, left)
                .when(new ReportCardLost("m1", PRESENTED.plusDays(5)))
                .expectNoEvents()
                .expectException(Violation.of("I18", "aMemberOnAnotherProvincesRollIsDecidedThere"));
        fixture.given(registered, admitted, opened, left)
                .whenInvoking("m1", member -> member.openTransfer("t2", TransferType.OFFICIAL, "kp1", "kp3",
                        PRESENTED.plusDays(5)))
                .expectNoEvents()
                .expectException(Violation.of("I18", "aMemberOnAnotherProvincesRollIsDecidedThere"));
        fixture.given(registered, admitted, opened, left)
                .whenInvoking("m1", member -> {
                    assertThat(member.standing().fullOn(PRESENTED.plusDays(5))).as("no introducer here").isFalse();
                    assertThat(member.standing().onTheRollOf("kp1", LETTER)).isFalse();
                })
                .expectNoEvents();
    }

    @Test
    @DisplayName("I16: after an official transfer the member's home is the receiving branch")
    void afterAnOfficialTransferTheMembersHomeIsTheReceivingBranch() {
        fixture.given(registered, admitted, opened, new MemberHomeChanged("m1", "t1", "kp1", "kp2", PRESENTED))
                .whenInvoking("m1", member -> member.transfers.open("t2", TransferType.OFFICIAL, "kp2", "kp3", LETTER))
                .expectEvents(new MemberTransferOpened("m1", "t2", TransferType.OFFICIAL, "kp2", "kp3", LETTER));
    }

    @Test
    @DisplayName("I17: a temporary attachment keeps the home and leaves the rolls alone")
    void aTemporaryAttachmentKeepsTheHomeAndLeavesTheRollsAlone() {
        LocalDate expectedReturn = PRESENTED.plusMonths(6);
        fixture.given(registered, admitted, opened)
                .whenInvoking("m1", member -> member.transfers.attach("t1", "kp2", PRESENTED, expectedReturn))
                .expectEvents(new MemberTemporarilyAttached("m1", "t1", "kp1", "kp2", PRESENTED, expectedReturn));
        assertThat(ledger.releases()).isEmpty();
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I18: a letter presented after its present-by date leaves the days it was late on the member's record")
    void aLetterPresentedAfterItsPresentByDateLeavesTheDaysItWasLateOnTheMembersRecord() {
        LocalDate presentBy = LocalDate.of(2025, 10, 14);
        fixture.given(registered, admitted, opened)
                .whenInvoking("m1", member -> member.transfers.presentedLate("t1", presentBy, PRESENTED.plusMonths(2)))
                .expectEvents(new TransferPresentedLate("m1", "t1", presentBy, PRESENTED.plusMonths(2)));
    }

    // I29: a transfer step another record asks of a deceased member is refused, whatever its business date.

    @Test
    @DisplayName("I29: a deceased member is not sent a transfer letter")
    void aDeceasedMemberIsNotSentATransferLetter() {
        fixture.given(registered, admitted, deceased)
                .whenInvoking("m1", member -> member.openTransfer("t1", TransferType.OFFICIAL, "kp1", "kp2",
                        DIED.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I29: an official letter presented after the member died moves neither their home nor the rolls")
    void anOfficialLetterPresentedAfterTheMemberDiedMovesNeitherTheirHomeNorTheRolls() {
        AggregateMembersInTransfer members = new AggregateMembersInTransfer(new Records<>(fixture::getRepository),
                ledger);
        fixture.given(registered, admitted, opened, deceased)
                .whenInvoking("m1", member -> members.changeHome("m1", "t1", "kp2", DIED.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
        assertThat(ledger.releases()).isEmpty();
        assertThat(ledger.enrolments()).isEmpty();
    }

    @Test
    @DisplayName("I29: a temporary letter presented after the member died does not attach them to the host")
    void aTemporaryLetterPresentedAfterTheMemberDiedDoesNotAttachThem() {
        fixture.given(registered, admitted, opened, deceased)
                .whenInvoking("m1", member -> member.attach("t1", "kp2", DIED.plusDays(1), DIED.plusMonths(6)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I29: a late presentation leaves no party-age gap on a deceased member's record")
    void aLatePresentationLeavesNoGapOnADeceasedMembersRecord() {
        fixture.given(registered, admitted, opened, deceased)
                .whenInvoking("m1", member -> member.transferPresentedLate("t1", LocalDate.of(2025, 10, 14),
                        DIED.plusMonths(1)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I29: a deceased member's transfer is not closed by a cancellation or a return: the death ended it")
    void aDeceasedMembersTransferIsNotClosedByACancellationOrAReturn() {
        fixture.given(registered, admitted, opened, deceased)
                .whenInvoking("m1", member -> member.closeTransfer("t1", DIED.minusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }

    @Test
    @DisplayName("I29: a letter presented the day before the member dies still attaches the living member")
    void aLetterPresentedTheDayBeforeTheMemberDiesStillAttachesTheLivingMember() {
        fixture.given(registered, admitted, opened)
                .whenInvoking("m1", member -> member.attach("t1", "kp2", DIED.minusDays(1), DIED.plusMonths(6)))
                .expectEvents(new MemberTemporarilyAttached("m1", "t1", "kp1", "kp2", DIED.minusDays(1),
                        DIED.plusMonths(6)));
    }
}
