package vn.partyledger.command.transfer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.Calendars;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.InMemoryGrassrootsOrganisations;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.command.support.Processes;
import vn.partyledger.command.support.RecordingMembersInTransfer;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.transfer.IssueTransferLetterToProvince;
import vn.partyledger.domain.transfer.MarkTransferOverdue;
import vn.partyledger.domain.transfer.PresentTransferLetter;
import vn.partyledger.domain.transfer.RecordTransferRefusal;
import vn.partyledger.domain.transfer.RefusalReason;
import vn.partyledger.domain.transfer.TransferRefusedByProvince;
import vn.partyledger.domain.transfer.TransferLetterSentToProvince;
import vn.partyledger.domain.transfer.CancelTransfer;
import vn.partyledger.domain.transfer.CancellationReason;
import vn.partyledger.domain.transfer.RecordTransferPresentation;
import vn.partyledger.domain.transfer.TransferOverdue;
import vn.partyledger.domain.transfer.TransferPresentedInProvince;
import vn.partyledger.domain.transfer.TransferPolicy;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An official letter from a branch here to a branch of another province, with the member's record (ADR 0046). */
class TransferToAnotherProvinceTest {

    private static final String HA_NOI = "urn:partyledger:province:hn";
    private static final LocalDate TRIGGER = LocalDate.of(2025, 8, 1);
    private static final LocalDate LETTER = LocalDate.of(2025, 9, 2);
    /** 30 working days after 2 Sep 2025, with no holiday in the test calendar. */
    private static final LocalDate PRESENT_BY = LocalDate.of(2025, 10, 14);
    private static final DecisionRef LETTER_BY_WARD = new DecisionRef("31-GGT/ĐU", LETTER, "ward-15");
    private static final TransferableRecord RECORD = new TransferableRecord(MemberStatus.FULL,
            LocalDate.of(2001, 5, 19), LocalDate.of(2002, 5, 19), null, List.of(), List.of(), "PC-123456",
            List.of());
    private static final TransferLetterSentToProvince SENT = new TransferLetterSentToProvince("t1", "m1", "kp1",
            HA_NOI, "hn-kp7", "ward-15", "31-GGT/ĐU", LETTER, PRESENT_BY, TransferTrigger.RESIDENCE_CHANGE, TRIGGER,
            false, RECORD);

    private AggregateTestFixture<TransferCase> fixture;
    private RecordingMembersInTransfer members;

    @BeforeEach
    void setUp() {
        members = new RecordingMembersInTransfer().withRecord(RECORD);
        fixture = new AggregateTestFixture<>(TransferCase.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(new InMemoryOrganisationRegistry()
                .with("kp1", OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 4))
                .with("ward-15", OrganisationKind.GRASSROOTS_COMMITTEE, LocalDate.of(2000, 1, 3)));
        fixture.registerInjectableResource(new InMemoryGrassrootsOrganisations().with("kp1", "ward-15"));
        fixture.registerInjectableResource(Calendars.weekendsOnly());
        fixture.registerInjectableResource(TransferPolicy.DEFAULTS);
        fixture.registerInjectableResource(DisciplinePolicy.DEFAULTS);
        Processes.ofTransfers(fixture, members);
    }

    private static IssueTransferLetterToProvince letter(String fromOrgId, DecisionRef letter) {
        return new IssueTransferLetterToProvince("t1", "m1", fromOrgId, HA_NOI, "hn-kp7",
                TransferTrigger.RESIDENCE_CHANGE, TRIGGER, LETTER, letter);
    }

    @Test
    @DisplayName("I16: the sending authority issues a letter to a branch of another province, carrying the member's record")
    void theSendingAuthorityIssuesALetterToABranchOfAnotherProvinceCarryingTheMembersRecord() {
        fixture.givenNoPriorActivity()
                .when(letter("kp1", LETTER_BY_WARD))
                .expectEvents(SENT);
        assertThat(members.steps()).containsExactly("open m1 t1 OFFICIAL kp1→hn-kp7", "transferableRecord m1 " + LETTER);
    }

    @Test
    @DisplayName("I16: a letter to another province from what is not a branch here is refused")
    void aLetterToAnotherProvinceFromWhatIsNotABranchHereIsRefused() {
        fixture.givenNoPriorActivity()
                .when(letter("ward-15", LETTER_BY_WARD))
                .expectNoEvents()
                .expectException(Violation.of("I16", "aTransferToAnotherProvinceLeavesFromABranchHere"));
    }

    @Test
    @DisplayName("I16: a letter to another province issued by another committee than the sending authority is refused")
    void aLetterToAnotherProvinceIssuedByAnotherCommitteeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(letter("kp1", new DecisionRef("31-GGT/ĐU", LETTER, "city")))
                .expectNoEvents()
                .expectException(Violation.of("I16", "theLetterIsIssuedByTheSendingAuthority"));
    }

    @Test
    @DisplayName("I18: a letter to another province is not presented here")
    void aLetterToAnotherProvinceIsNotPresentedHere() {
        fixture.given(SENT)
                .when(new PresentTransferLetter("t1", "hn-kp7", LETTER.plusDays(3), null))
                .expectNoEvents()
                .expectException(Violation.of("I18", "aLetterToAnotherProvinceIsPresentedThere"));
    }

    @Test
    @DisplayName("I18: the province a letter was sent to refuses it, and the member's transfer closes with the reason")
    void theProvinceALetterWasSentToRefusesItAndTheMembersTransferCloses() {
        LocalDate refusedOn = LETTER.plusDays(20);
        fixture.given(SENT)
                .when(new RecordTransferRefusal("t1", HA_NOI, RefusalReason.WRONG_ADDRESSEE, refusedOn))
                .expectEvents(new TransferRefusedByProvince("t1", "m1", HA_NOI, RefusalReason.WRONG_ADDRESSEE,
                        refusedOn));
        assertThat(members.steps()).containsExactly("close m1 " + refusedOn);
    }

    @Test
    @DisplayName("I18: a province a letter was not sent to cannot refuse it")
    void aProvinceALetterWasNotSentToCannotRefuseIt() {
        fixture.given(SENT)
                .when(new RecordTransferRefusal("t1", "urn:partyledger:province:dn", RefusalReason.NOT_PRESENTED,
                        LETTER.plusDays(20)))
                .expectNoEvents()
                .expectException(Violation.of("I18", "onlyTheProvinceALetterWasSentToAnswersIt"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("I18: the province a letter was sent to confirms its presentation, and the member leaves this roll")
    void theProvinceALetterWasSentToConfirmsItsPresentationAndTheMemberLeavesThisRoll() {
        LocalDate presentedOn = LETTER.plusDays(10);
        fixture.given(SENT)
                .when(new RecordTransferPresentation("t1", HA_NOI, presentedOn))
                .expectEvents(new TransferPresentedInProvince("t1", "m1", "kp1", HA_NOI, "hn-kp7", presentedOn));
        assertThat(members.steps()).containsExactly("leaveForProvince m1 " + HA_NOI + " hn-kp7 " + presentedOn);
    }

    @Test
    @DisplayName("I18: only the province a letter was sent to confirms it, once, while it is in transit")
    void onlyTheProvinceALetterWasSentToConfirmsItOnceWhileInTransit() {
        LocalDate presentedOn = LETTER.plusDays(10);
        fixture.given(SENT)
                .when(new RecordTransferPresentation("t1", "urn:partyledger:province:dn", presentedOn))
                .expectNoEvents()
                .expectException(Violation.of("I18", "onlyTheProvinceALetterWasSentToAnswersIt"));
        fixture.given(SENT, new TransferPresentedInProvince("t1", "m1", "kp1", HA_NOI, "hn-kp7", presentedOn))
                .when(new RecordTransferPresentation("t1", HA_NOI, presentedOn))
                .expectException(Violation.of("TRANSFER_NOT_IN_TRANSIT", "onlyATransferInTransitChanges"));
        fixture.given(SENT)
                .when(new RecordTransferPresentation("t1", HA_NOI, LETTER.minusDays(1)))
                .expectException(Violation.of("TRANSFER_NOT_IN_TRANSIT", "onlyATransferInTransitChanges"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("I18: a letter to another province is not cancelled here: it ends with that province's answer")
    void aLetterToAnotherProvinceIsNotCancelledHere() {
        fixture.given(SENT)
                .when(new CancelTransfer("t1", CancellationReason.MEMBER_STAYS, LETTER.plusDays(5)))
                .expectNoEvents()
                .expectException(Violation.of("I18", "aLetterToAnotherProvinceEndsWithThatProvincesAnswer"));
        assertThat(members.steps()).isEmpty();
    }

    @Test
    @DisplayName("TRANSFER_NOT_IN_TRANSIT: a refused letter is not refused again, nor marked overdue")
    void aRefusedLetterIsNotRefusedAgainNorMarkedOverdue() {
        TransferRefusedByProvince refused = new TransferRefusedByProvince("t1", "m1", HA_NOI,
                RefusalReason.NOT_PRESENTED, LETTER.plusDays(20));
        fixture.given(SENT, refused)
                .when(new RecordTransferRefusal("t1", HA_NOI, RefusalReason.NOT_PRESENTED, LETTER.plusDays(21)))
                .expectException(Violation.of("TRANSFER_NOT_IN_TRANSIT", "onlyATransferInTransitChanges"));
        fixture.given(SENT, refused)
                .when(new MarkTransferOverdue("t1", PRESENT_BY.plusDays(1)))
                .expectException(Violation.of("TRANSFER_NOT_IN_TRANSIT", "onlyALetterInTransitIsMarkedOverdueOnce"));
    }

    @Test
    @DisplayName("TRANSFER_NOT_YET_OVERDUE: a letter to another province not presented in 30 working days is overdue here")
    void aLetterToAnotherProvinceNotPresentedInThirtyWorkingDaysIsOverdueHere() {
        fixture.given(SENT)
                .when(new MarkTransferOverdue("t1", PRESENT_BY.plusDays(1)))
                .expectEvents(new TransferOverdue("t1", "m1", PRESENT_BY, PRESENT_BY.plusDays(1), 1));
    }
}
