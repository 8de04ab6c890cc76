package vn.partyledger.command.member;

import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.ReadmissionGrounds;
import vn.partyledger.domain.member.ReadmissionPolicy;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The member's latest exit from the Party and the re-admission rules that read it (docs/rules.md#s5-1, QĐ 294 §3.5; I3
 * when the former member is registered again, I25 when the application states the exit's circumstances and when the
 * committee decides). ADR 0014 says what counts as an exit and where each rule is checked. Once-in-a-lifetime and the
 * province's consent stay with the rest of the pipeline on {@link Member}.
 */
class MemberReadmission {

    /** Grounds of leaving of one's own will: asking to leave, or returning or destroying the party card (ADR 0014). */
    private static final Set<StrikeOffGround> VOLUNTARY = EnumSet.of(StrikeOffGround.VOLUNTARY_EXIT,
            StrikeOffGround.CARD_RETURNED_OR_DESTROYED);

    /**
     * An exit: its effective date, the strike-off ground or the expulsion's violation category (the other null). The
     * category stays sealed until a re-admission rule reads it.
     */
    private record Exit(LocalDate date, StrikeOffGround ground, Sensitive<ViolationCategory> sealedCategory) {

        ViolationCategory category() {
            return sealedCategory == null ? null : sealedCategory.value();
        }

        /** Exits whose category only the paper file tells: unrecorded expulsions, strike-offs for political standards. */
        boolean categoryUnknown() {
            return category() == ViolationCategory.NOT_RECORDED || ground == StrikeOffGround.POLITICAL_STANDARD;
        }
    }

    private Exit exit;

    /** The day of the latest exit still in force (an annulled one is gone), if any. */
    Optional<LocalDate> latestExit() {
        return Optional.ofNullable(exit).map(Exit::date);
    }

    /** I3: a former member whose exit the ledger already knows to be barred is not registered as a candidate. */
    void exitOnRecordDoesNotBarReadmission() {
        if (exit == null) {
            return;
        }
        anExitForAbandoningPartyActivityBarsReadmission(Invariant.I3);
        if (!exit.categoryUnknown()) {
            anExitForDisunityCorruptionOrSeriousCrimeBarsReadmission(Invariant.I3, exit.category());
        }
    }

    /** I25: the re-admission application states what the exit requires, and the exit does not bar re-admission. */
    void applicationShowsTheExitDoesNotBarReadmission(ReadmissionGrounds grounds) {
        if (exit == null) {
            return;
        }
        anExitForAbandoningPartyActivityBarsReadmission(Invariant.I25);
        aVoluntaryExitIsReadmittedOnlyForEspeciallyDifficultFamilyCircumstances(grounds);
        anExitOfUnrecordedCategoryStatesTheCategoryFromThePaperFile(grounds);
        anExitForDisunityCorruptionOrSeriousCrimeBarsReadmission(Invariant.I25, categoryOf(grounds));
        aLessSeriousConvictionStatesWhenItWasExpunged(grounds);
    }

    /** I25: the committee decides a re-admission only after the waiting periods since the exit and the expungement. */
    void formerMemberWaitedLongEnough(LocalDate decisionDate, ReadmissionGrounds grounds, ReadmissionPolicy policy) {
        if (exit == null) {
            return;
        }
        readmissionComesAtLeastThirtySixMonthsAfterTheExit(decisionDate, policy);
        if (categoryOf(grounds) == ViolationCategory.LESS_SERIOUS_CRIME_CONVICTION) {
            readmissionComesSixtyMonthsAfterTheConvictionWasExpunged(decisionDate, grounds, policy);
        }
    }

    /** The ledger's category if it has one, else the one the application found in the paper file. */
    private ViolationCategory categoryOf(ReadmissionGrounds grounds) {
        return exit.categoryUnknown() ? grounds.exitCategoryOnFile() : exit.category();
    }

    private void anExitForAbandoningPartyActivityBarsReadmission(Invariant code) {
        if (exit.ground() == StrikeOffGround.ABSENCE_OR_DUES_3M) {
            throw new RuleViolation(code, "anExitForAbandoningPartyActivityBarsReadmission",
                    "The member was struck off on " + exit.date() + " for abandoning party activity or dues ("
                            + exit.ground() + "), and such a former member is never re-admitted (QĐ 294 §3.5).");
        }
    }

    private static void anExitForDisunityCorruptionOrSeriousCrimeBarsReadmission(Invariant code,
                                                                                ViolationCategory category) {
        if (category != null && category.barsReadmission()) {
            throw new RuleViolation(code, "anExitForDisunityCorruptionOrSeriousCrimeBarsReadmission",
                    "The member left the Party for " + category + "; causing serious disunity and convictions for "
                            + "corruption or a serious crime bar re-admission for ever (QĐ 294 §3.5).");
        }
    }

    private void aVoluntaryExitIsReadmittedOnlyForEspeciallyDifficultFamilyCircumstances(ReadmissionGrounds grounds) {
        if (VOLUNTARY.contains(exit.ground()) && isBlank(grounds.familyHardshipRef())) {
            throw new RuleViolation(Invariant.I25, "aVoluntaryExitIsReadmittedOnlyForEspeciallyDifficultFamilyCircumstances",
                    "The member left of their own will (" + exit.ground() + ") on " + exit.date() + "; re-admission "
                            + "then needs the decision that found especially difficult family circumstances, and the "
                            + "application names none.");
        }
    }

    private void anExitOfUnrecordedCategoryStatesTheCategoryFromThePaperFile(ReadmissionGrounds grounds) {
        boolean stated = grounds.exitCategoryOnFile() != null
                && grounds.exitCategoryOnFile() != ViolationCategory.NOT_RECORDED && !isBlank(grounds.exitFileRef());
        if (exit.categoryUnknown() && !stated) {
            throw new RuleViolation(Invariant.I25, "anExitOfUnrecordedCategoryStatesTheCategoryFromThePaperFile",
                    "The ledger does not know what the exit of " + exit.date() + " was for; the application must "
                            + "state the violation category found in the paper file and the document that shows it.");
        }
    }

    private void aLessSeriousConvictionStatesWhenItWasExpunged(ReadmissionGrounds grounds) {
        if (categoryOf(grounds) == ViolationCategory.LESS_SERIOUS_CRIME_CONVICTION
                && grounds.convictionExpungedOn() == null) {
            throw new RuleViolation(Invariant.I25, "aLessSeriousConvictionStatesWhenItWasExpunged",
                    "The member left after a conviction for a less-serious offence; the application must state "
                            + "when the court expunged it, from which the waiting period runs.");
        }
    }

    private void readmissionComesAtLeastThirtySixMonthsAfterTheExit(LocalDate decisionDate, ReadmissionPolicy policy) {
        LocalDate earliest = exit.date().plusMonths(policy.minMonthsOut());
        if (decisionDate.isBefore(earliest)) {
            throw new RuleViolation(Invariant.I25, "readmissionComesAtLeastThirtySixMonthsAfterTheExit",
                    "A former member is re-admitted after at least " + policy.minMonthsOut() + " months out of the "
                            + "Party: having left on " + exit.date() + ", not before " + earliest + "; the decision "
                            + "is dated " + decisionDate + ".");
        }
    }

    private static void readmissionComesSixtyMonthsAfterTheConvictionWasExpunged(LocalDate decisionDate,
                                                                               ReadmissionGrounds grounds,
                                                                               ReadmissionPolicy policy) {
        LocalDate earliest = grounds.convictionExpungedOn().plusMonths(policy.monthsAfterExpungement());
        if (decisionDate.isBefore(earliest)) {
            throw new RuleViolation(Invariant.I25, "readmissionComesSixtyMonthsAfterTheConvictionWasExpunged",
                    "After a conviction for a less-serious offence, re-admission comes at least "
                            + policy.monthsAfterExpungement() + " months after it was expunged on "
                            + grounds.convictionExpungedOn() + ", so not before " + earliest + "; the decision is "
                            + "dated " + decisionDate + ".");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** A probationary member struck off the list has left the Party too (ADR 0014); the reason is free text. */
    @EventSourcingHandler
    void on(ProbationaryMemberStruckOff event) {
        exit = new Exit(event.decisionDate(), null, null);
    }

    @EventSourcingHandler
    void on(MemberStruckOff event) {
        exit = new Exit(event.effectiveDate(), event.ground(), null);
    }

    @EventSourcingHandler
    void on(DisciplineImposed event) {
        if (event.form() == DisciplineForm.EXPULSION) {
            exit = new Exit(event.effectiveDate(), null, event.violationCategory());
        }
    }

    /** An annulled exit never happened: it neither bars nor delays anything. */
    @EventSourcingHandler
    void on(MembershipRestored event) {
        exit = null;
    }
}
