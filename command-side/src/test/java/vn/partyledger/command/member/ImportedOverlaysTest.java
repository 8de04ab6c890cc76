package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.SideRecords;
import vn.partyledger.command.support.Violation;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.discipline.AppealFiled;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImported;
import vn.partyledger.domain.discipline.FileAppeal;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.exemption.EndExemption;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionImported;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportMembers;
import vn.partyledger.domain.onboarding.ImportedAttachment;
import vn.partyledger.domain.onboarding.ImportedDiscipline;
import vn.partyledger.domain.onboarding.ImportedExemption;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.TemporaryAttachmentImported;
import vn.partyledger.domain.transfer.TransferEndedByDeath;
import vn.partyledger.domain.transfer.TransferTrigger;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.PaperFile.BRANCH;
import static vn.partyledger.command.member.PaperFile.FILE;
import static vn.partyledger.command.member.PaperFile.IMPORTED;
import static vn.partyledger.command.member.PaperFile.ON_ROLL;
import static vn.partyledger.command.member.PaperFile.fullMember;
import static vn.partyledger.command.member.PaperFile.imported;
import static vn.partyledger.command.member.PaperFile.probationaryMember;

/**
 * What the paper file shows in force on an imported record (ADR 0028): an exemption, a discipline, a temporary
 * attachment. Each is imported with the record, in its append, held to the rules its live command meets where they
 * apply and to the history it lies in; afterwards it weighs on the record as one recorded live.
 */
class ImportedOverlaysTest {

    private static final LocalDate AWAY_FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate AWAY_UNTIL = LocalDate.of(2026, 12, 31);
    private static final LocalDate WARNED_ON = LocalDate.of(2026, 6, 1);
    private static final String HOST = "grassroots-branch";
    private static final LocalDate ATTACHED_SINCE = LocalDate.of(2026, 9, 1);
    private static final LocalDate BACK_ON = LocalDate.of(2027, 3, 1);

    private final RecordingMembershipLedger ledger = new RecordingMembershipLedger();
    private final SideRecords<TransferCase> transfers = new SideRecords<>(TransferCase.class);
    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = RecruitmentHistory.fixture(ledger, transfers);
    }

    private static ImportedExemption workingAway(LocalDate from, LocalDate until) {
        return new ImportedExemption(ExemptionKind.TEMPORARY, ExemptionReason.WORKING_AWAY, from, until);
    }

    private static ImportedDiscipline warning(LocalDate decidedOn) {
        return new ImportedDiscipline(DisciplineForm.WARNING, decidedOn, "12-QĐ/ĐU", ViolationCategory.OTHER);
    }

    private static ImportedAttachment attachment(LocalDate since, LocalDate until, String host) {
        return new ImportedAttachment("t-0417", host, since, until, TransferTrigger.WORKPLACE_CHANGE);
    }

    private static ExemptionImported exemptionImported(ImportedExemption exemption) {
        return new ExemptionImported("m1", exemption.kind(), Sensitive.of("p1", exemption.reason()), exemption.from(),
                exemption.until(), FILE, IMPORTED);
    }

    private static DisciplineImported disciplineImported(ImportedDiscipline discipline) {
        return new DisciplineImported("m1", discipline.form(), BRANCH, discipline.decidedOn(), discipline.decisionRef(),
                Sensitive.of("p1", discipline.violationCategory()), FILE, IMPORTED);
    }

    private void refuses(ImportMember command, String code, String rule) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(Violation.of(code, rule));
        assertThat(ledger.enrolments()).isEmpty();
    }

    // Exemptions (docs/rules.md#s8)

    @Test
    @DisplayName("ONBOARDING: a temporary exemption the file shows in force is imported with the record, its reason sealed")
    void aTemporaryExemptionInForceIsImportedWithTheRecord() {
        ImportMember command = fullMember(workingAway(AWAY_FROM, AWAY_UNTIL), null, null);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(imported(command), exemptionImported(command.exemption()));
    }

    @Test
    @DisplayName("I14: a full exemption for advanced age and poor health is imported for a full member, open-ended")
    void aFullExemptionForAdvancedAgeAndPoorHealthIsImportedForAFullMember() {
        ImportMember command = fullMember(new ImportedExemption(ExemptionKind.FULL,
                ExemptionReason.ADVANCED_AGE_POOR_HEALTH, LocalDate.of(2024, 1, 8), null), null, null);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(imported(command), exemptionImported(command.exemption()));
    }

    @Test
    @DisplayName("EXEMPTION_NOT_IN_FORCE: an imported exemption is the one in force, and ends as one granted live")
    void anImportedExemptionEndsAsOneGrantedLive() {
        ImportMember command = fullMember(workingAway(AWAY_FROM, AWAY_UNTIL), null, null);

        fixture.given(imported(command), exemptionImported(command.exemption()))
                .when(new EndExemption("m1", ExemptionEndReason.MEMBER_RESUMED, LocalDate.of(2026, 11, 20), "nx-3"))
                .expectEvents(new ExemptionEnded("m1", ExemptionKind.TEMPORARY, ExemptionEndReason.MEMBER_RESUMED,
                        LocalDate.of(2026, 11, 20), "nx-3"));
    }

    @Test
    @DisplayName("I15: an imported temporary exemption ends on a date after it starts")
    void aTemporaryExemptionEndsOnADateAfterItStarts() {
        refuses(fullMember(workingAway(AWAY_FROM, AWAY_FROM), null, null), "I15",
                "temporaryExemptionEndsOnADateAfterItStarts");
    }

    @Test
    @DisplayName("I15: an imported exemption for working away runs less than a year")
    void anAbsenceOfLessThanAYearIsExemptedForLessThanAYear() {
        refuses(fullMember(workingAway(AWAY_FROM, AWAY_FROM.plusMonths(12)), null, null), "I15",
                "anAbsenceOfLessThanAYearIsExemptedForLessThanAYear");
    }

    @Test
    @DisplayName("I14: a full exemption is for a member who was full on the day it began")
    void fullExemptionIsForAFullMember() {
        refuses(probationaryMember(new ImportedExemption(ExemptionKind.FULL, ExemptionReason.ADVANCED_AGE_POOR_HEALTH,
                LocalDate.of(2026, 4, 1), null), null), "I14", "fullExemptionIsForAFullMember");
    }

    @Test
    @DisplayName("I14: a full exemption is for advanced age and poor health, whatever the file says")
    void fullExemptionIsForAdvancedAgeAndPoorHealth() {
        refuses(fullMember(new ImportedExemption(ExemptionKind.FULL, ExemptionReason.WORKING_AWAY, AWAY_FROM, null),
                null, null), "I14", "fullExemptionIsForAdvancedAgeAndPoorHealth");
    }

    @Test
    @DisplayName("ONBOARDING: an exemption in force began once the member was on the branch's roll")
    void anExemptionBeganOnceTheMemberWasOnTheRoll() {
        refuses(fullMember(workingAway(ON_ROLL.minusDays(1), ON_ROLL.plusMonths(6)), null, null), "ONBOARDING",
                "overlaysAreStatedWithinTheImportedHistory");
    }

    @Test
    @DisplayName("ONBOARDING: an exemption in force began no later than the import")
    void anExemptionBeganNoLaterThanTheImport() {
        refuses(fullMember(workingAway(IMPORTED.plusDays(1), IMPORTED.plusMonths(6)), null, null), "ONBOARDING",
                "overlaysAreStatedWithinTheImportedHistory");
    }

    // Discipline (docs/rules.md#s10-3)

    @Test
    @DisplayName("ONBOARDING: a discipline the file shows in effect is imported with the record, its category sealed")
    void aDisciplineInEffectIsImportedWithTheRecord() {
        ImportMember command = fullMember(null, warning(WARNED_ON), null);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(imported(command), disciplineImported(command.discipline()));
    }

    @Test
    @DisplayName("I12: a warning decided while the member was probationary is imported in effect")
    void aWarningDecidedWhileProbationaryIsImported() {
        ImportMember warned = probationaryMember(null, warning(LocalDate.of(2026, 5, 4)));

        fixture.givenNoPriorActivity()
                .when(warned)
                .expectEvents(imported(warned), disciplineImported(warned.discipline()));
    }

    @Test
    @DisplayName("I12: a probationary member's discipline in effect is a reprimand or a warning")
    void aProbationaryMemberIsOnlyReprimandedOrWarned() {
        refuses(probationaryMember(null, new ImportedDiscipline(DisciplineForm.DISMISSAL, LocalDate.of(2026, 5, 4),
                "13-QĐ/QU", null)), "I12", "aProbationaryMemberIsOnlyReprimandedOrWarned");
    }

    @Test
    @DisplayName("ONBOARDING: a member the file puts on a roll has no expulsion in effect")
    void aMemberOnTheRollHasNoExpulsionInEffect() {
        refuses(fullMember(null, new ImportedDiscipline(DisciplineForm.EXPULSION, WARNED_ON, "14-QĐ/QU", null), null),
                "ONBOARDING", "aMemberOnTheRollHasNoExpulsionInEffect");
    }

    @Test
    @DisplayName("ONBOARDING: a discipline in effect was decided once the member was admitted")
    void aDisciplineWasDecidedOnceTheMemberWasAdmitted() {
        refuses(fullMember(null, warning(PaperFile.DECIDED.minusDays(1)), null), "ONBOARDING",
                "overlaysAreStatedWithinTheImportedHistory");
    }

    @Test
    @DisplayName("I24: an imported discipline defers a badge as one imposed live")
    void anImportedDisciplineDefersABadge() {
        ImportMember command = fullMember(null, warning(WARNED_ON), null);

        fixture.given(imported(command), disciplineImported(command.discipline()))
                .when(new AwardPartyBadge("m1", 30, "HH-30-0417", LocalDate.of(2026, 9, 2), null, false, false, null,
                        new DecisionRef("600-QĐ/TU", LocalDate.of(2026, 8, 20), "province")))
                .expectNoEvents()
                .expectException(Violation.of("I24", "aDisciplinedMemberIsNotConsideredWithinTheDeferral"));
    }

    @Test
    @DisplayName("I21: an imported discipline is a decision on record, appealed against as one imposed live")
    void anImportedDisciplineIsAppealedAgainstAsOneImposedLive() {
        ImportMember command = fullMember(null, warning(LocalDate.of(2026, 11, 10)), null);

        fixture.given(imported(command), disciplineImported(command.discipline()))
                .when(new FileAppeal("m1", AppealSubject.DISCIPLINE, LocalDate.of(2026, 11, 12),
                        LocalDate.of(2026, 11, 20)))
                .expectEvents(new AppealFiled("m1", AppealSubject.DISCIPLINE, LocalDate.of(2026, 11, 12),
                        LocalDate.of(2026, 11, 20)));
    }

    // Temporary attachment (docs/rules.md#s9-2)

    @Test
    @DisplayName("ONBOARDING: a temporary attachment in force opens its case presented and attaches the member")
    void aTemporaryAttachmentInForceOpensItsCaseAndAttachesTheMember() {
        ImportMember command = fullMember(null, null, attachment(ATTACHED_SINCE, BACK_ON, HOST));

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(imported(command), new MemberTemporarilyAttached("m1", "t-0417", BRANCH, HOST,
                        ATTACHED_SINCE, BACK_ON));
        assertThat(transfers.events("t-0417")).containsExactly(new TemporaryAttachmentImported("t-0417", "m1",
                BRANCH, HOST, TransferTrigger.WORKPLACE_CHANGE, ATTACHED_SINCE, BACK_ON, FILE, IMPORTED));
    }

    @Test
    @DisplayName("I29: a death ends an imported attachment's case as it ends a live one")
    void aDeathEndsAnImportedAttachmentsCase() {
        ImportMember command = fullMember(null, null, attachment(ATTACHED_SINCE, BACK_ON, HOST));
        transfers.given("t-0417", new TemporaryAttachmentImported("t-0417", "m1", BRANCH, HOST,
                TransferTrigger.WORKPLACE_CHANGE, ATTACHED_SINCE, BACK_ON, FILE, IMPORTED));
        LocalDate died = LocalDate.of(2026, 11, 25);

        fixture.given(imported(command), new MemberTemporarilyAttached("m1", "t-0417", BRANCH, HOST, ATTACHED_SINCE,
                        BACK_ON))
                .when(new RecordDeath("m1", died))
                .expectEvents(new MemberDeceased("m1", BRANCH, died));
        assertThat(transfers.events("t-0417")).last()
                .isEqualTo(new TransferEndedByDeath("t-0417", "m1", HOST, died));
    }

    @Test
    @DisplayName("I17: an imported attachment lasts as a temporary transfer may, counted from the day it began")
    void anImportedAttachmentLastsAsATemporaryTransferMay() {
        refuses(fullMember(null, null, attachment(ATTACHED_SINCE, ATTACHED_SINCE.plusMonths(12), HOST)), "I17",
                "aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy");
    }

    @Test
    @DisplayName("I16: an imported attachment is to another branch of this deployment")
    void anImportedAttachmentIsToAnotherBranchOfThisDeployment() {
        refuses(fullMember(null, null, attachment(ATTACHED_SINCE, BACK_ON, BRANCH)), "I16",
                "aTransferIsBetweenTwoBranchesOfThisDeployment");
        assertThat(transfers.events("t-0417")).isEmpty();
    }

    @Test
    @DisplayName("ONBOARDING: a temporary attachment in force began once the member was on the branch's roll")
    void anAttachmentBeganOnceTheMemberWasOnTheRoll() {
        refuses(fullMember(null, null, attachment(ON_ROLL.minusMonths(1), ON_ROLL.plusMonths(5), HOST)),
                "ONBOARDING", "overlaysAreStatedWithinTheImportedHistory");
    }

    @Test
    @DisplayName("ONBOARDING: a batch imports each member's overlays with the member, as one by one")
    void aBatchImportsEachMembersOverlaysWithTheMember() {
        ImportMember command = fullMember(workingAway(AWAY_FROM, AWAY_UNTIL), warning(WARNED_ON),
                attachment(ATTACHED_SINCE, BACK_ON, HOST));

        fixture.givenNoPriorActivity()
                .when(new ImportMembers(BRANCH, List.of(), java.util.List.of(command)))
                .expectEvents(imported(command), exemptionImported(command.exemption()),
                        disciplineImported(command.discipline()), new MemberTemporarilyAttached("m1", "t-0417",
                                BRANCH, HOST, ATTACHED_SINCE, BACK_ON));
        assertThat(ledger.enrolments()).extracting(RecordingMembershipLedger.Enrolment::status)
                .containsExactly(MemberStatus.FULL);
    }
}
