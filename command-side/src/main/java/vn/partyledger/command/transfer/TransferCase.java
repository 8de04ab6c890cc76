package vn.partyledger.command.transfer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.partyledger.command.organisation.GrassrootsOrganisations;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.onboarding.ImportedAttachment;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.CancelTransfer;
import vn.partyledger.domain.transfer.EndTemporaryAttachment;
import vn.partyledger.domain.transfer.ExtendTemporaryAttachment;
import vn.partyledger.domain.transfer.IssueTransferLetter;
import vn.partyledger.domain.transfer.IssueTransferLetterToProvince;
import vn.partyledger.domain.transfer.MarkTransferOverdue;
import vn.partyledger.domain.transfer.PresentTransferLetter;
import vn.partyledger.domain.transfer.RecordTransferPresentation;
import vn.partyledger.domain.transfer.RecordTransferRefusal;
import vn.partyledger.domain.transfer.ReissueTransferLetter;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TemporaryAttachmentExtended;
import vn.partyledger.domain.transfer.TemporaryAttachmentImported;
import vn.partyledger.domain.transfer.TransferCancelled;
import vn.partyledger.domain.transfer.TransferEndedByDeath;
import vn.partyledger.domain.transfer.TransferLetterIssued;
import vn.partyledger.domain.transfer.TransferLetterPresented;
import vn.partyledger.domain.transfer.TransferLetterReissued;
import vn.partyledger.domain.transfer.TransferOverdue;
import vn.partyledger.domain.transfer.TransferPolicy;
import vn.partyledger.domain.transfer.TransferPresentedInProvince;
import vn.partyledger.domain.transfer.TransferRefusedByProvince;
import vn.partyledger.domain.transfer.TransferLetterSentToProvince;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.domain.transfer.TransferableRecord;
import vn.partyledger.domain.transfer.TransferType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One transfer of one member between two organisations of this deployment (docs/rules.md#s9, I16–I18), from the letter to
 * its presentation, or from an official letter to a branch of another province (ADR 0046). The member's own side (status, other open transfers, home) follows in the same unit of work:
 * issuing, presenting, cancelling and ending an attachment come through {@code process.TransferOfAMember} (ADR 0009).
 * The member's death ends the case, in the death's unit of work; from then on it takes no step (I29, ADR 0026). An
 * attachment imported from the paper file opens its case presented, with the member's record (ADR 0028).
 */
public class TransferCase {

    @AggregateIdentifier
    private String transferId;
    private String memberId;
    private TransferType type;
    private String fromOrgId;
    private String toOrgId;
    private TransferTrigger trigger;
    private String letterNo;
    private final Set<String> letterNumbers = new HashSet<>();
    private LocalDate letterDate;
    private LocalDate presentBy;
    private LocalDate expectedReturn;
    private LocalDate presentedDate;
    private LocalDate dateOfDeath;
    /** The other province a letter is addressed to (ADR 0046); null for a transfer within this deployment. */
    private String toProvince;
    private TransferState state;

    protected TransferCase() {
        // required by Axon to rebuild the aggregate from its events
    }

    /** Opens the case with its letter; the member's side is opened next, in the same unit of work. */
    public TransferCase(IssueTransferLetter command, OrganisationRegistry registry,
                        GrassrootsOrganisations grassroots, WorkingDayCalendar calendar, TransferPolicy policy,
                        Today today) {
        aLetterIsIssuedOnceRequestedAndDecided(command.triggerDate(), command.requestedOn(), command.letter(), today);
        aTransferIsBetweenTwoBranchesOfThisDeployment(command.fromOrgId(), command.toOrgId(),
                command.letter().docDate(), registry);
        theLetterIsIssuedByTheSendingAuthority(command.fromOrgId(), command.letter(), grassroots);
        if (command.type() == TransferType.TEMPORARY) {
            aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy(command.trigger(),
                    command.letter().docDate(), command.expectedReturn(), policy);
        }
        boolean lateRequest = command.type() == TransferType.OFFICIAL
                && requestedLate(command.triggerDate(), command.requestedOn(), calendar, policy);
        apply(new TransferLetterIssued(command.transferId(), command.memberId(), command.type(), command.fromOrgId(),
                command.toOrgId(), command.letter().issuingOrgId(), command.letter().docNumber(),
                command.letter().docDate(), presentBy(command.letter(), calendar, policy),
                command.trigger(), command.triggerDate(),
                command.type() == TransferType.TEMPORARY ? command.expectedReturn() : null, lateRequest));
    }

    /**
     * Opens the case of an official letter to a branch of another province (ADR 0046), with the member's transferable
     * record: the sending side's rules are those of any official letter; the addressee is the other province's to
     * check when the letter reaches it. The member's side is opened next, in the same unit of work.
     */
    public static TransferCase sentToProvince(IssueTransferLetterToProvince command, TransferableRecord record,
                                              OrganisationRegistry registry, GrassrootsOrganisations grassroots,
                                              WorkingDayCalendar calendar, TransferPolicy policy, Today today) {
        aLetterIsIssuedOnceRequestedAndDecided(command.triggerDate(), command.requestedOn(), command.letter(), today);
        aTransferToAnotherProvinceLeavesFromABranchHere(command, registry);
        theLetterIsIssuedByTheSendingAuthority(command.fromOrgId(), command.letter(), grassroots);
        TransferCase sent = new TransferCase();
        apply(new TransferLetterSentToProvince(command.transferId(), command.memberId(), command.fromOrgId(),
                command.toProvince(), command.toOrgId(), command.letter().issuingOrgId(),
                command.letter().docNumber(), command.letter().docDate(), presentBy(command.letter(), calendar, policy),
                command.trigger(), command.triggerDate(),
                requestedLate(command.triggerDate(), command.requestedOn(), calendar, policy), record));
        return sent;
    }

    private static void aLetterIsIssuedOnceRequestedAndDecided(LocalDate triggerDate, LocalDate requestedOn,
                                                               DecisionRef letter, Today today) {
        today.businessDateIsNotInTheFuture("transfer's trigger", triggerDate);
        today.businessDateIsNotInTheFuture("transfer request", requestedOn);
        today.decisionIsNotInTheFuture(letter);
        aLetterIsIssuedNoEarlierThanItWasRequested(letter, requestedOn);
    }

    private static boolean requestedLate(LocalDate triggerDate, LocalDate requestedOn, WorkingDayCalendar calendar,
                                         TransferPolicy policy) {
        return calendar.missedDeadline(triggerDate, policy.startWorkingDays(), requestedOn).isPresent();
    }

    private static LocalDate presentBy(DecisionRef letter, WorkingDayCalendar calendar, TransferPolicy policy) {
        return calendar.plusWorkingDays(letter.docDate(), policy.presentLetterWorkingDays());
    }

    /**
     * The case of a temporary attachment the paper file shows in force (ADR 0028), opened with the member's record:
     * between two branches of this deployment on the day it began, for as long as a temporary transfer may last. The
     * member's side follows in the same unit of work.
     */
    public static TransferCase importedAttachment(String memberId, String homeOrgId, ImportedAttachment attachment,
                                                  String paperFileRef, LocalDate importedOn,
                                                  OrganisationRegistry registry, TransferPolicy policy) {
        aTransferIsBetweenTwoBranchesOfThisDeployment(homeOrgId, attachment.hostOrgId(), attachment.since(),
                registry);
        checkStated(attachment, policy);
        TransferCase imported = new TransferCase();
        apply(new TemporaryAttachmentImported(attachment.transferId(), memberId, homeOrgId, attachment.hostOrgId(),
                attachment.trigger(), attachment.since(), attachment.until(), paperFileRef, importedOn));
        return imported;
    }

    /**
     * The rule of a temporary letter that holds for an attachment the paper file states (I17), whatever the ledger
     * holds: a file is checked with it first. Its length counts from the day the attachment began, the file holding
     * no letter.
     */
    public static void checkStated(ImportedAttachment attachment, TransferPolicy policy) {
        aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy(attachment.trigger(),
                attachment.since(), attachment.until(), policy);
    }

    /** The letter presented to its addressee: what the member's side needs to follow (home, attachment, lateness). */
    public Presentation present(PresentTransferLetter command, Today today) {
        today.businessDateIsNotInTheFuture("letter's presentation", command.presentedDate());
        aDeceasedMembersTransferTakesNoFurtherSteps();
        theLetterIsStillOpen();
        aLetterToAnotherProvinceIsPresentedThere();
        theLetterIsPresentedToItsAddressee(command);
        aLetterIsPresentedNoEarlierThanItIsDated(command);
        aLatePresentationFollowsTheOverdueMarkAndNamesItsReason(command);
        apply(new TransferLetterPresented(transferId, memberId, type, command.receivingOrgId(),
                command.presentedDate(), command.lateReasonCode()));
        return new Presentation(memberId, transferId, type, toOrgId, command.presentedDate(), expectedReturn,
                presentBy);
    }

    /** The branch the member leaves: its side issues, reissues, cancels and extends (ADR 0021). */
    public String sendingOrgId() {
        return fromOrgId;
    }

    /** The branch the letter is addressed to: its side ends a temporary attachment (ADR 0021). */
    public String receivingOrgId() {
        return toOrgId;
    }

    @CommandHandler
    public void handle(MarkTransferOverdue command, Today today) {
        today.businessDateIsNotInTheFuture("overdue mark", command.asOf());
        aDeceasedMembersTransferTakesNoFurtherSteps();
        onlyALetterInTransitIsMarkedOverdueOnce();
        aLetterIsOverdueOnlyAfterItsPresentByDate(command);
        apply(new TransferOverdue(transferId, memberId, presentBy, command.asOf(),
                ChronoUnit.DAYS.between(presentBy, command.asOf())));
    }

    public TransferCancelled cancel(CancelTransfer command, Today today) {
        today.businessDateIsNotInTheFuture("cancellation", command.cancelledOn());
        aDeceasedMembersTransferTakesNoFurtherSteps();
        onlyATransferInTransitChanges("cancelled", command.cancelledOn());
        aLetterToAnotherProvinceEndsWithThatProvincesAnswer();
        TransferCancelled cancelled = new TransferCancelled(transferId, memberId, command.reason(),
                command.cancelledOn());
        apply(cancelled);
        return cancelled;
    }

    /** The province the letter was sent to refused it: the member's side closes the transfer next (ADR 0046). */
    public TransferRefusedByProvince refuse(RecordTransferRefusal command, Today today) {
        today.businessDateIsNotInTheFuture("refusal", command.refusedOn());
        aDeceasedMembersTransferTakesNoFurtherSteps();
        onlyTheProvinceALetterWasSentToAnswersIt(command.refusingProvince(), "refuse");
        onlyATransferInTransitChanges("refused", command.refusedOn());
        TransferRefusedByProvince refused = new TransferRefusedByProvince(transferId, memberId,
                command.refusingProvince(), command.reason(), command.refusedOn());
        apply(refused);
        return refused;
    }

    /**
     * The province the letter was sent to confirms its presentation there (ADR 0050): the case is completed, and the
     * member's side leaves this roll next. Late or not, it is that province's to judge: it took the member.
     */
    public TransferPresentedInProvince presentedInProvince(RecordTransferPresentation command, Today today) {
        today.businessDateIsNotInTheFuture("presentation", command.presentedOn());
        aDeceasedMembersTransferTakesNoFurtherSteps();
        onlyTheProvinceALetterWasSentToAnswersIt(command.presentingProvince(), "confirm");
        onlyATransferInTransitChanges("presented", command.presentedOn());
        TransferPresentedInProvince presented = new TransferPresentedInProvince(transferId, memberId, fromOrgId,
                toProvince, toOrgId, command.presentedOn());
        apply(presented);
        return presented;
    }

    @CommandHandler
    public void handle(ReissueTransferLetter command, GrassrootsOrganisations grassroots,
                       WorkingDayCalendar calendar, TransferPolicy policy, Today today) {
        today.decisionIsNotInTheFuture(command.letter());
        aDeceasedMembersTransferTakesNoFurtherSteps();
        onlyATransferInTransitChanges("given a new letter", command.letter().docDate());
        theLetterIsIssuedByTheSendingAuthority(fromOrgId, command.letter(), grassroots);
        aReissuedLetterHasANewNumber(command);
        apply(new TransferLetterReissued(transferId, memberId, letterNo, command.letter().docNumber(),
                command.letter().docDate(),
                calendar.plusWorkingDays(command.letter().docDate(), policy.presentLetterWorkingDays())));
    }

    @CommandHandler
    public void handle(ExtendTemporaryAttachment command, TransferPolicy policy, Today today) {
        today.businessDateIsNotInTheFuture("extension", command.extendedOn());
        aDeceasedMembersTransferTakesNoFurtherSteps();
        aTemporaryAttachmentIsInForce("extended");
        anAttachmentIsExtendedOnceItHasBegun(command);
        anExtensionMovesTheReturnLater(command);
        aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy(trigger, letterDate,
                command.newUntil(), policy);
        apply(new TemporaryAttachmentExtended(transferId, memberId, expectedReturn, command.newUntil(),
                command.extendedOn()));
    }

    public TemporaryAttachmentEnded endAttachment(EndTemporaryAttachment command, Today today) {
        today.businessDateIsNotInTheFuture("member's return", command.returnDate());
        aDeceasedMembersTransferTakesNoFurtherSteps();
        aTemporaryAttachmentIsInForce("ended");
        theMemberReturnsNoEarlierThanTheAttachmentBegan(command);
        TemporaryAttachmentEnded ended = new TemporaryAttachmentEnded(transferId, memberId, toOrgId,
                command.returnDate(), command.hostFeedbackRef());
        apply(ended);
        return ended;
    }

    /**
     * The member died with this transfer open (letter in transit or attachment in force): death ends it, so neither
     * a cancellation nor a return is needed, and nothing later can present, extend or end it. Called by the process
     * that records the death, in its unit of work.
     */
    public void endByDeath(LocalDate dateOfDeath) {
        aDeathIsNotDatedBeforeTheAttachmentBegan(dateOfDeath);
        apply(new TransferEndedByDeath(transferId, memberId, toOrgId, dateOfDeath));
    }

    private static void aTransferIsBetweenTwoBranchesOfThisDeployment(String fromOrgId, String toOrgId,
                                                                      LocalDate date, OrganisationRegistry registry) {
        boolean bothBranches = !fromOrgId.equals(toOrgId)
                && isBranchOn(fromOrgId, date, registry) && isBranchOn(toOrgId, date, registry);
        if (!bothBranches) {
            throw new RuleViolation(Invariant.I16, "aTransferIsBetweenTwoBranchesOfThisDeployment",
                    "A transfer moves a member between two different branches of this deployment that exist on "
                            + date + "; " + fromOrgId + " → " + toOrgId + " is not such a move.");
        }
    }

    private static void aLetterIsIssuedNoEarlierThanItWasRequested(DecisionRef letter, LocalDate requestedOn) {
        if (letter.docDate().isBefore(requestedOn)) {
            throw new RuleViolation(Invariant.I16, "aLetterIsIssuedNoEarlierThanItWasRequested",
                    "Transfer letter " + letter.docNumber() + " is dated " + letter.docDate()
                            + ", before the member asked for the transfer on " + requestedOn + ".");
        }
    }

    private static void aTransferToAnotherProvinceLeavesFromABranchHere(IssueTransferLetterToProvince command,
                                                                        OrganisationRegistry registry) {
        if (!isBranchOn(command.fromOrgId(), command.letter().docDate(), registry)) {
            throw new RuleViolation(Invariant.I16, "aTransferToAnotherProvinceLeavesFromABranchHere",
                    "A letter to " + command.toProvince() + " sends a member from a branch of this deployment that "
                            + "exists on " + command.letter().docDate() + "; " + command.fromOrgId() + " is not one.");
        }
    }

    private static boolean isBranchOn(String orgId, LocalDate date, OrganisationRegistry registry) {
        return registry.find(orgId).filter(org -> org.kind().isBranch() && org.activeOn(date)).isPresent();
    }

    private static void theLetterIsIssuedByTheSendingAuthority(String fromOrgId, DecisionRef letter,
                                                               GrassrootsOrganisations grassroots) {
        String sendingAuthority = grassroots.of(fromOrgId, letter.docDate()).orElse(null);
        if (!letter.issuingOrgId().equals(sendingAuthority)) {
            throw new RuleViolation(Invariant.I16, "theLetterIsIssuedByTheSendingAuthority",
                    "A transfer letter for a member of " + fromOrgId + " is issued by its grassroots committee ("
                            + sendingAuthority + "), not by " + letter.issuingOrgId() + ".");
        }
    }

    private static void aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy(
            TransferTrigger trigger, LocalDate start, LocalDate expectedReturn, TransferPolicy policy) {
        LocalDate earliest = start.plusMonths(policy.temporaryMinMonths());
        boolean study = trigger == TransferTrigger.STUDY;
        LocalDate limit = study ? start.plusMonths(policy.temporaryStudyMaxMonths())
                : start.plusMonths(policy.temporaryWorkMonthsBelow());
        boolean withinRange = expectedReturn != null && !expectedReturn.isBefore(earliest)
                && (study ? !expectedReturn.isAfter(limit) : expectedReturn.isBefore(limit));
        if (!withinRange) {
            throw new RuleViolation(Invariant.I17, "aTemporaryTransferLastsFromThreeMonthsToUnderAYearOrTwoYearsForStudy",
                    "A temporary transfer for " + trigger + " from " + start + " must expect the return between "
                            + earliest + (study ? " and " + limit : " and before " + limit) + "; it was "
                            + expectedReturn + ".");
        }
    }

    private void aDeceasedMembersTransferTakesNoFurtherSteps() {
        if (state == TransferState.ENDED_BY_DEATH) {
            throw new RuleViolation(Invariant.I29, "aDeceasedMembersTransferTakesNoFurtherSteps",
                    "Member " + memberId + " died on " + dateOfDeath + ", which ended transfer " + transferId
                            + "; it takes no further step (no presentation, new letter, overdue mark, cancellation,"
                            + " extension or return).");
        }
    }

    /** A member presents a temporary letter in person, so an attachment that began after the death cannot be. */
    private void aDeathIsNotDatedBeforeTheAttachmentBegan(LocalDate dateOfDeath) {
        if (state == TransferState.PRESENTED && dateOfDeath.isBefore(presentedDate)) {
            throw new RuleViolation(Invariant.I29, "aDeathIsNotDatedBeforeTheAttachmentBegan",
                    "Member " + memberId + " was attached to " + toOrgId + " on " + presentedDate
                            + " by transfer " + transferId + ", so they cannot have died before, on " + dateOfDeath
                            + "; check the date of death or of the presentation.");
        }
    }

    private void theLetterIsStillOpen() {
        if (!state.inTransit()) {
            throw new RuleViolation(Invariant.I18, "theLetterIsStillOpen",
                    "Transfer letter " + letterNo + " is " + state + ", so it can no longer be presented.");
        }
    }

    private void aLetterToAnotherProvinceIsPresentedThere() {
        if (toProvince != null) {
            throw new RuleViolation(Invariant.I18, "aLetterToAnotherProvinceIsPresentedThere",
                    "Transfer letter " + letterNo + " is addressed to " + toOrgId + " of " + toProvince
                            + "; it is presented there, and that province confirms it.");
        }
    }

    /**
     * That province is never told of a cancellation here, so a member who presented the letter there would be on both
     * rolls: the letter ends with that province's answer (ADR 0050) — presented there, or refused there once overdue.
     */
    private void aLetterToAnotherProvinceEndsWithThatProvincesAnswer() {
        if (toProvince != null) {
            throw new RuleViolation(Invariant.I18, "aLetterToAnotherProvinceEndsWithThatProvincesAnswer",
                    "Transfer letter " + letterNo + " was sent to " + toOrgId + " of " + toProvince + "; it ends "
                            + "when that province takes the member or refuses the letter, not by a cancellation here.");
        }
    }

    /** Refused or confirmed: only by the province the letter was sent to. */
    private void onlyTheProvinceALetterWasSentToAnswersIt(String answeringProvince, String answer) {
        if (toProvince == null || !toProvince.equals(answeringProvince)) {
            throw new RuleViolation(Invariant.I18, "onlyTheProvinceALetterWasSentToAnswersIt",
                    "Transfer letter " + letterNo + " is addressed to " + toOrgId
                            + (toProvince == null ? " of this deployment" : " of " + toProvince)
                            + ", so " + answeringProvince + " cannot " + answer + " it.");
        }
    }

    private void theLetterIsPresentedToItsAddressee(PresentTransferLetter command) {
        if (!command.receivingOrgId().equals(toOrgId)) {
            throw new RuleViolation(Invariant.I18, "theLetterIsPresentedToItsAddressee",
                    "Transfer letter " + letterNo + " is addressed to " + toOrgId + ", not to "
                            + command.receivingOrgId() + ".");
        }
    }

    private void aLetterIsPresentedNoEarlierThanItIsDated(PresentTransferLetter command) {
        if (command.presentedDate().isBefore(letterDate)) {
            throw new RuleViolation(Invariant.I18, "aLetterIsPresentedNoEarlierThanItIsDated",
                    "Transfer letter " + letterNo + " is dated " + letterDate + ", so it cannot be presented on "
                            + command.presentedDate() + ".");
        }
    }

    private void aLatePresentationFollowsTheOverdueMarkAndNamesItsReason(PresentTransferLetter command) {
        if (!command.presentedDate().isAfter(presentBy)) {
            return;
        }
        if (state != TransferState.OVERDUE || command.lateReasonCode() == null || command.lateReasonCode().isBlank()) {
            throw new RuleViolation(Invariant.I18, "aLatePresentationFollowsTheOverdueMarkAndNamesItsReason",
                    "Transfer letter " + letterNo + " had to be presented within 30 working days, by " + presentBy
                            + "; a later presentation needs the overdue mark and a late reason.");
        }
    }

    private void onlyALetterInTransitIsMarkedOverdueOnce() {
        if (state != TransferState.LETTER_ISSUED) {
            throw new RuleViolation(Invariant.TRANSFER_NOT_IN_TRANSIT, "onlyALetterInTransitIsMarkedOverdueOnce",
                    "Transfer " + transferId + " is " + state + "; only a letter in transit is marked overdue, once.");
        }
    }

    private void aLetterIsOverdueOnlyAfterItsPresentByDate(MarkTransferOverdue command) {
        if (!command.asOf().isAfter(presentBy)) {
            throw new RuleViolation(Invariant.TRANSFER_NOT_YET_OVERDUE, "aLetterIsOverdueOnlyAfterItsPresentByDate",
                    "Transfer letter " + letterNo + " may be presented until " + presentBy + ", so it is not overdue on "
                            + command.asOf() + ".");
        }
    }

    /** In transit on the day of the change, too: the letter in transit was issued by then. */
    private void onlyATransferInTransitChanges(String change, LocalDate on) {
        if (!state.inTransit()) {
            throw new RuleViolation(Invariant.TRANSFER_NOT_IN_TRANSIT, "onlyATransferInTransitChanges",
                    "Transfer " + transferId + " is " + state + ", so it can no longer be " + change + ".");
        }
        if (on.isBefore(letterDate)) {
            throw new RuleViolation(Invariant.TRANSFER_NOT_IN_TRANSIT, "onlyATransferInTransitChanges",
                    "Transfer letter " + letterNo + " was issued on " + letterDate + ", so the transfer was not in "
                            + "transit on " + on + " to be " + change + ".");
        }
    }

    private void aReissuedLetterHasANewNumber(ReissueTransferLetter command) {
        if (letterNumbers.contains(command.letter().docNumber())) {
            throw new RuleViolation(Invariant.LETTER_NUMBER_REUSED, "aReissuedLetterHasANewNumber",
                    "Letter number " + command.letter().docNumber()
                            + " was already used for this transfer; a reissued letter has a new number.");
        }
    }

    private void aTemporaryAttachmentIsInForce(String change) {
        if (type != TransferType.TEMPORARY || state != TransferState.PRESENTED) {
            throw new RuleViolation(Invariant.ATTACHMENT_NOT_IN_FORCE, "aTemporaryAttachmentIsInForce",
                    "Transfer " + transferId + " is a " + type + " transfer in state " + state
                            + ", not a temporary attachment in force, so nothing can be " + change + ".");
        }
    }

    private void anAttachmentIsExtendedOnceItHasBegun(ExtendTemporaryAttachment command) {
        if (command.extendedOn().isBefore(presentedDate)) {
            throw new RuleViolation(Invariant.ATTACHMENT_NOT_IN_FORCE, "anAttachmentIsExtendedOnceItHasBegun",
                    "The attachment began on " + presentedDate + ", so it cannot have been extended on "
                            + command.extendedOn() + ".");
        }
    }

    private void anExtensionMovesTheReturnLater(ExtendTemporaryAttachment command) {
        if (!command.newUntil().isAfter(expectedReturn)) {
            throw new RuleViolation(Invariant.I17, "anExtensionMovesTheReturnLater",
                    "The attachment already runs until " + expectedReturn + "; an extension must end later than that.");
        }
    }

    private void theMemberReturnsNoEarlierThanTheAttachmentBegan(EndTemporaryAttachment command) {
        if (command.returnDate().isBefore(presentedDate)) {
            throw new RuleViolation(Invariant.ATTACHMENT_RETURN_DATE, "theMemberReturnsNoEarlierThanTheAttachmentBegan",
                    "The attachment began on " + presentedDate + ", so the member cannot return on "
                            + command.returnDate() + ".");
        }
    }

    @EventSourcingHandler
    void on(TransferLetterIssued event) {
        letterIssued(event.transferId(), event.memberId(), event.type(), event.fromOrgId(), event.toOrgId(),
                event.trigger(), event.letterNo(), event.letterDate(), event.presentBy());
        expectedReturn = event.expectedReturn();
    }

    @EventSourcingHandler
    void on(TransferLetterSentToProvince event) {
        letterIssued(event.transferId(), event.memberId(), TransferType.OFFICIAL, event.fromOrgId(), event.toOrgId(),
                event.trigger(), event.letterNo(), event.letterDate(), event.presentBy());
        toProvince = event.toProvince();
    }

    private void letterIssued(String transferId, String memberId, TransferType type, String fromOrgId,
                              String toOrgId, TransferTrigger trigger, String letterNo, LocalDate letterDate,
                              LocalDate presentBy) {
        this.transferId = transferId;
        this.memberId = memberId;
        this.type = type;
        this.fromOrgId = fromOrgId;
        this.toOrgId = toOrgId;
        this.trigger = trigger;
        this.letterNo = letterNo;
        letterNumbers.add(letterNo);
        this.letterDate = letterDate;
        this.presentBy = presentBy;
        state = TransferState.LETTER_ISSUED;
    }

    /**
     * A case the paper file opened is a temporary attachment presented on the day it began; that day stands for the
     * letter's date, from which an extension's length counts (I17).
     */
    @EventSourcingHandler
    void on(TemporaryAttachmentImported event) {
        transferId = event.transferId();
        memberId = event.memberId();
        type = TransferType.TEMPORARY;
        fromOrgId = event.homeOrgId();
        toOrgId = event.hostOrgId();
        trigger = event.trigger();
        letterDate = event.since();
        presentedDate = event.since();
        expectedReturn = event.expectedReturn();
        state = TransferState.PRESENTED;
    }

    @EventSourcingHandler
    void on(TransferLetterReissued event) {
        letterNo = event.letterNo();
        letterNumbers.add(event.letterNo());
        letterDate = event.letterDate();
        presentBy = event.presentBy();
        state = TransferState.LETTER_ISSUED;
    }

    @EventSourcingHandler
    void on(TransferOverdue event) {
        state = TransferState.OVERDUE;
    }

    @EventSourcingHandler
    void on(TransferLetterPresented event) {
        presentedDate = event.presentedDate();
        state = TransferState.PRESENTED;
    }

    @EventSourcingHandler
    void on(TemporaryAttachmentExtended event) {
        expectedReturn = event.newUntil();
    }

    @EventSourcingHandler
    void on(TransferPresentedInProvince event) {
        presentedDate = event.presentedOn();
        state = TransferState.PRESENTED;
    }

    @EventSourcingHandler
    void on(TransferRefusedByProvince event) {
        state = TransferState.REFUSED;
    }

    @EventSourcingHandler
    void on(TransferCancelled event) {
        state = TransferState.CANCELLED;
    }

    @EventSourcingHandler
    void on(TemporaryAttachmentEnded event) {
        state = TransferState.ATTACHMENT_ENDED;
    }

    @EventSourcingHandler
    void on(TransferEndedByDeath event) {
        dateOfDeath = event.dateOfDeath();
        state = TransferState.ENDED_BY_DEATH;
    }
}
