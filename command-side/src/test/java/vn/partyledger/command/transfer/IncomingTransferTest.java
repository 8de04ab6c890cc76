package vn.partyledger.command.transfer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.transfer.IncomingTransferRecorded;
import vn.partyledger.domain.transfer.IncomingTransferOverdue;
import vn.partyledger.domain.transfer.IncomingTransferRefused;
import vn.partyledger.domain.transfer.MarkIncomingTransferOverdue;
import vn.partyledger.domain.transfer.RecordIncomingTransfer;
import vn.partyledger.domain.transfer.RefuseIncomingTransfer;
import vn.partyledger.domain.transfer.RefusalReason;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;
import java.util.List;

/** A letter from another province recorded at its addressee with the member's transferable record (ADR 0045). */
class IncomingTransferTest {

    static final LocalDate LETTER = LocalDate.of(2026, 9, 2);
    static final LocalDate PRESENT_BY = LocalDate.of(2026, 10, 14);
    /** The record Hà Nội's letter carries, which the fixtures of the receiving side share. */
    static final TransferableRecord RECORD = new TransferableRecord(MemberStatus.FULL,
            LocalDate.of(2001, 5, 19), LocalDate.of(2002, 5, 19), null,
            List.of(new TransferableRecord.PartyAgeGap(LocalDate.of(2010, 1, 4), LocalDate.of(2011, 3, 1))),
            List.of(new TransferableRecord.Badge(30, "H-2021-0042", LocalDate.of(2021, 9, 2))), "PC-123456",
            List.of(new TransferableRecord.Discipline(DisciplineForm.REPRIMAND, LocalDate.of(2026, 3, 1))));

    private AggregateTestFixture<IncomingTransfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IncomingTransfer.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(new InMemoryOrganisationRegistry()
                .with("kp1", OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 4))
                .with("ward-15", OrganisationKind.GRASSROOTS_COMMITTEE, LocalDate.of(2000, 1, 3)));
    }

    private static RecordIncomingTransfer letterTo(String toOrgId, LocalDate presentBy) {
        return new RecordIncomingTransfer("t1", "m1", "urn:partyledger:province:hn", "hn-kp7", toOrgId,
                "12-GGT/ĐU", LETTER, presentBy, RECORD);
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter from another province to a branch here is recorded with the member's record")
    void aLetterFromAnotherProvinceToABranchHereIsRecordedWithTheMembersRecord() {
        fixture.givenNoPriorActivity()
                .when(letterTo("kp1", PRESENT_BY))
                .expectEvents(new IncomingTransferRecorded("t1", "m1", "urn:partyledger:province:hn", "hn-kp7", "kp1",
                        "12-GGT/ĐU", LETTER, PRESENT_BY, RECORD));
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter addressed to a committee or to no organisation here is refused")
    void aLetterAddressedToACommitteeOrToNoOrganisationHereIsRefused() {
        fixture.givenNoPriorActivity()
                .when(letterTo("ward-15", PRESENT_BY))
                .expectException(Violation.of("INCOMING_TRANSFER", "anIncomingLetterIsAddressedToABranchOfThisProvince"));
        fixture.givenNoPriorActivity()
                .when(letterTo("kp9", PRESENT_BY))
                .expectException(Violation.of("INCOMING_TRANSFER", "anIncomingLetterIsAddressedToABranchOfThisProvince"));
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter to be presented no later than it is dated is refused")
    void aLetterToBePresentedNoLaterThanItIsDatedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(letterTo("kp1", LETTER))
                .expectException(Violation.of("INCOMING_TRANSFER", "anIncomingLetterLeavesTimeToPresentIt"));
    }

    @Test
    @DisplayName("BUSINESS_DATE_NOT_IN_THE_FUTURE: an incoming letter dated after today is refused")
    void anIncomingLetterDatedAfterTodayIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordIncomingTransfer("t1", "m1", "urn:partyledger:province:hn", "hn-kp7", "kp1",
                        "12-GGT/ĐU", FixedToday.DATE.plusDays(1), FixedToday.DATE.plusDays(40), RECORD))
                .expectException(Violation.of("BUSINESS_DATE_NOT_IN_THE_FUTURE", "businessDateIsNotInTheFuture"));
    }

    static final IncomingTransferRecorded RECORDED = new IncomingTransferRecorded("t1", "m1",
            "urn:partyledger:province:hn", "hn-kp7", "kp1", "12-GGT/ĐU", LETTER, PRESENT_BY, RECORD);
    private static final LocalDate REFUSED_ON = LETTER.plusDays(45);

    @Test
    @DisplayName("INCOMING_TRANSFER: the addressee refuses a letter from another province, and that province is told")
    void theAddresseeRefusesALetterFromAnotherProvince() {
        fixture.given(RECORDED)
                .when(new RefuseIncomingTransfer("t1", "kp1", RefusalReason.NOT_PRESENTED, REFUSED_ON))
                .expectEvents(new IncomingTransferRefused("t1", "m1", "urn:partyledger:province:hn", "kp1",
                        RefusalReason.NOT_PRESENTED, REFUSED_ON));
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter is refused by its addressee only, once, and no earlier than it is dated")
    void aLetterIsRefusedByItsAddresseeOnlyOnceAndNoEarlierThanItIsDated() {
        fixture.given(RECORDED)
                .when(new RefuseIncomingTransfer("t1", "kp2", RefusalReason.NOT_PRESENTED, REFUSED_ON))
                .expectException(Violation.of("INCOMING_TRANSFER", "anIncomingLetterIsHandledByItsAddressee"));
        fixture.given(RECORDED, new IncomingTransferRefused("t1", "m1", "urn:partyledger:province:hn", "kp1",
                        RefusalReason.NOT_PRESENTED, REFUSED_ON))
                .when(new RefuseIncomingTransfer("t1", "kp1", RefusalReason.WRONG_ADDRESSEE, REFUSED_ON))
                .expectException(Violation.of("INCOMING_TRANSFER", "onlyAnOpenIncomingLetterIsAnswered"));
        fixture.given(RECORDED)
                .when(new RefuseIncomingTransfer("t1", "kp1", RefusalReason.NOT_PRESENTED, LETTER.minusDays(1)))
                .expectException(Violation.of("INCOMING_TRANSFER", "anIncomingLetterIsAnsweredNoEarlierThanItIsDated"));
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter from another province not presented by its present-by day is overdue here")
    void aLetterNotPresentedByItsPresentByDayIsOverdueHere() {
        fixture.given(RECORDED)
                .when(new MarkIncomingTransferOverdue("t1", "kp1", PRESENT_BY.plusDays(1)))
                .expectEvents(new IncomingTransferOverdue("t1", "m1", "kp1", PRESENT_BY, PRESENT_BY.plusDays(1)));
    }

    @Test
    @DisplayName("INCOMING_TRANSFER: a letter is overdue only after its present-by day, once, while open, at its addressee")
    void aLetterIsOverdueOnlyAfterItsPresentByDayOnceWhileOpenAtItsAddressee() {
        fixture.given(RECORDED)
                .when(new MarkIncomingTransferOverdue("t1", "kp1", PRESENT_BY))
                .expectException(Violation.of("INCOMING_TRANSFER",
                        "anIncomingLetterIsOverdueOnlyAfterItsPresentByDate"));
        fixture.given(RECORDED, new IncomingTransferOverdue("t1", "m1", "kp1", PRESENT_BY, PRESENT_BY.plusDays(1)))
                .when(new MarkIncomingTransferOverdue("t1", "kp1", PRESENT_BY.plusDays(2)))
                .expectException(Violation.of("INCOMING_TRANSFER", "anOpenIncomingLetterIsMarkedOverdueOnce"));
        fixture.given(RECORDED)
                .when(new MarkIncomingTransferOverdue("t1", "kp2", PRESENT_BY.plusDays(1)))
                .expectException(Violation.of("INCOMING_TRANSFER", "anIncomingLetterIsHandledByItsAddressee"));
    }
}
