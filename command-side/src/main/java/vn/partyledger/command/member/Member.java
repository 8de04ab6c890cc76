package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.correction.AnnulEntry;
import vn.partyledger.domain.correction.CorrectionOfTheRecord;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.ImposeDiscipline;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.discipline.RestoreMembership;
import vn.partyledger.domain.discipline.StrikeOffMember;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.RecognizeFullMember;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.member.StrikeOffProbationaryMember;
import vn.partyledger.domain.member.VotePolicy;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.TransferType;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.OnboardingPolicies;

import vn.partyledger.domain.transfer.IncomingTransferPresented;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.TransferableRecord;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.discipline.DisciplinePolicy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiConsumer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's membership record, from candidacy to exit and re-admission (docs/rules.md#s5–§10). The root says what the
 * record is made of and routes: each part below owns its state and its rules, and handles its own commands; a decision
 * that also changes another record (an organisation's roll, a transfer case) comes through a process
 * ({@code vn.partyledger.command.process}) calling the public methods here, in one unit of work (ADR 0004).
 */
public class Member {

    @AggregateIdentifier
    private String memberId;

    /** Who, where and in what status: every part reads it, only events change it. */
    @AggregateMember
    final Standing standing = new Standing();

    @AggregateMember
    final MemberPartyAge partyAge = new MemberPartyAge();

    /** The latest exit, which re-admission reads (I3, I25; ADR 0014). */
    @AggregateMember
    final MemberReadmission readmission = new MemberReadmission();

    @AggregateMember
    final Candidacy candidacy = new Candidacy(standing, readmission);

    @AggregateMember
    final AdmissionDecision admission = new AdmissionDecision(standing, candidacy, partyAge, readmission);

    @AggregateMember
    final Probation probation = new Probation(standing);

    @AggregateMember
    final MemberExemptions exemptions = new MemberExemptions(standing);

    @AggregateMember
    final MemberTransfers transfers = new MemberTransfers(standing);

    @AggregateMember
    final MemberContact contact = new MemberContact(standing, partyAge);

    @AggregateMember
    final MemberPartyCard partyCard = new MemberPartyCard(standing);

    @AggregateMember
    final MemberDiscipline discipline = new MemberDiscipline(standing);

    @AggregateMember
    final MemberLeaving leaving = new MemberLeaving(standing, discipline);

    @AggregateMember
    final MemberCorrections corrections = new MemberCorrections(standing);

    @AggregateMember
    final MemberBadges badges = new MemberBadges(standing, partyAge, corrections);

    private final ImportedHistory importedHistory = new ImportedHistory(standing);

    /** An empty record: Axon rebuilds one from its events, and a registration opens a new one with its first event. */
    public Member() {
        // the parts above are the whole state; the first event fills them
    }

    @EventSourcingHandler
    private void on(OutstandingCandidateRegistered event) {
        memberId = event.memberId();
    }

    @EventSourcingHandler
    private void on(MemberImported event) {
        memberId = event.memberId();
    }

    @EventSourcingHandler
    private void on(MemberJoinedFromProvince event) {
        memberId = event.memberId();
    }

    // Decisions that change another record too: a process calls these in its unit of work and writes the other side.

    /**
     * Opens the record, or a new candidacy on a record whose earlier file was closed or whose member left (I3); the
     * person's other records are the process's to check.
     */
    public void registerCandidate(RegisterOutstandingCandidate command, OrganisationRegistry registry, Today today) {
        takenHere(command);
        candidacy.register(command, registry, today);
    }

    /**
     * Checks a history and the overlays a file states before anything is imported (ONBOARDING and the overlays' own
     * rules), so that a file with a refused line writes nothing: {@code refused} hears each refusal with the field of
     * the line it concerns (null for the history). The same checks run again when the record is opened.
     */
    public static void checkImportedLine(ImportMember command, OnboardingPolicies policies,
                                         BiConsumer<String, RuleViolation> refused) {
        ImportedHistory.checkStated(command, policies, refused);
    }

    /** A new record opened from the paper file, for a batch whose records are new (ONBOARDING, ADR 0024). */
    public static Member importedFrom(ImportMember command, OnboardingPolicies policies, Today today) {
        Member member = new Member();
        member.importRecord(command, policies, today);
        return member;
    }

    /**
     * Opens the record from the paper file with the exemption and discipline it shows in force (ONBOARDING); the
     * process puts the member on the roll, checks I3 and opens an attachment's case.
     */
    public MemberImported importRecord(ImportMember command, OnboardingPolicies policies, Today today) {
        return importedHistory.importRecord(command, policies, today);
    }

    /** Whether this is the person's live record: a candidate with an open file, a probationary or a full member. */
    public boolean open() {
        return candidacy.open();
    }

    /** Whether the person was admitted on this record, so that coming back is a re-admission on it (I3, I25). */
    public boolean admittedBefore() {
        return candidacy.admittedBefore();
    }

    /** The day the member left the Party by death or an exit still in force, which the archive policy counts from. */
    public Optional<LocalDate> leftOn() {
        return Optional.ofNullable(standing.dateOfDeath()).or(readmission::latestExit);
    }

    public MemberAdmitted admit(AdmitMember command, WorkingDayCalendar calendar, AdmissionPolicy policy,
                                Today today) {
        takenHere(command);
        return admission.admit(command, calendar, policy, today);
    }

    public FullMembershipRecognized recognise(RecognizeFullMember command, OrganisationRegistry registry,
                                              AuthorityResolver authority, WorkingDayCalendar calendar,
                                              RecruitmentPolicy policy, Today today) {
        takenHere(command);
        return probation.recognise(command, registry, authority, calendar, policy, today);
    }

    public ProbationaryMemberStruckOff strikeOffTheProbationaryList(StrikeOffProbationaryMember command,
                                                                    OrganisationRegistry registry,
                                                                    AuthorityResolver authority, VotePolicy votes,
                                                                    Today today) {
        takenHere(command);
        return probation.strikeOff(command, registry, authority, votes, today);
    }

    public MemberStruckOff strikeOff(StrikeOffMember command, AuthorityResolver authority, Today today) {
        takenHere(command);
        return leaving.strikeOff(command, authority, today);
    }

    public DisciplineImposed impose(ImposeDiscipline command, AuthorityResolver authority, Today today) {
        takenHere(command);
        return discipline.impose(command, authority, today);
    }

    public MembershipRestored restore(RestoreMembership command, Today today) {
        takenHere(command);
        return leaving.restore(command, today);
    }

    public MemberDeceased recordDeath(RecordDeath command, Today today) {
        takenHere(command);
        return leaving.recordDeath(command, today);
    }

    public EntryAnnulled annul(AnnulEntry command, AuthorityResolver authority, Today today) {
        takenHere(command);
        return corrections.annul(command, authority, today);
    }

    // A transfer case's steps (I16): the case checks its letter, the member its status, home and other transfers.
    // None is taken after death, whatever its date (I29): the death ended the transfer.

    public void openTransfer(String transferId, TransferType type, String fromOrgId, String toOrgId,
                             LocalDate letterDate) {
        stepTakenHere("a letter for transfer " + transferId);
        transfers.open(transferId, type, fromOrgId, toOrgId, letterDate);
    }

    public MemberHomeChanged changeHome(String transferId, String toOrgId, LocalDate effectiveDate) {
        stepTakenHere("a new home by transfer " + transferId);
        return transfers.changeHome(transferId, toOrgId, effectiveDate);
    }

    public void attach(String transferId, String hostOrgId, LocalDate from, LocalDate expectedReturn) {
        stepTakenHere("an attachment to " + hostOrgId + " by transfer " + transferId);
        transfers.attach(transferId, hostOrgId, from, expectedReturn);
    }

    public void transferPresentedLate(String transferId, LocalDate presentBy, LocalDate presentedDate) {
        stepTakenHere("a late presentation of transfer " + transferId);
        transfers.presentedLate(transferId, presentBy, presentedDate);
    }

    public void closeTransfer(String transferId, LocalDate closedOn) {
        stepTakenHere("the close of transfer " + transferId);
        transfers.close(transferId, closedOn);
    }

    /**
     * The letter to another province was presented there (ADR 0050): the member leaves this roll, and the record here
     * takes no further decision until a letter brings the member back.
     */
    public MemberLeftForProvince leaveForProvince(String transferId, String toProvince, String toOrgId,
                                                  LocalDate leftOn) {
        stepTakenHere("the departure by transfer " + transferId + " to " + toProvince);
        return transfers.leaveForProvince(transferId, toProvince, toOrgId, leftOn);
    }

    /**
     * A letter from another province was presented here (ADR 0050): the record opens with what the letter carried, or
     * the record of a member who once left this province for another takes them back. A late presentation's days are
     * a gap in party age, as for a letter within the province.
     */
    public MemberJoinedFromProvince joinFromProvince(IncomingTransferPresented presented, String personId,
                                                     String fromProvince, TransferableRecord record) {
        aRecordHereTakesBackOnlyAMemberWhoLeftForAnotherProvince(presented);
        aMemberComingBackIsTheSamePerson(personId);
        MemberJoinedFromProvince joined = new MemberJoinedFromProvince(presented.memberId(), personId,
                presented.toOrgId(), presented.transferId(), fromProvince, record.status(), record.admissionDate(),
                record.probationEndDate(), record.recognitionDate(),
                record.partyAgeGaps().stream().map(gap -> new PartyAge.Gap(gap.from(), gap.until())).toList(),
                record.cardNumber(), record.badges(), record.disciplineInEffect(), presented.presentedOn());
        apply(joined);
        if (presented.late()) {
            transfers.presentedLate(presented.transferId(), presented.presentBy(), presented.presentedOn());
        }
        return joined;
    }

    private void aRecordHereTakesBackOnlyAMemberWhoLeftForAnotherProvince(IncomingTransferPresented presented) {
        if (standing.status() != null && standing.leftForProvince().isEmpty()) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER,
                    "aRecordHereTakesBackOnlyAMemberWhoLeftForAnotherProvince",
                    "Member record " + presented.memberId() + " is " + standing.status() + " here, at "
                            + standing.homeOrgId() + "; a letter from another province opens a new record or brings "
                            + "back a member who left this province, nothing else.");
        }
    }

    private void aMemberComingBackIsTheSamePerson(String personId) {
        if (standing.personId() != null && !standing.personId().equals(personId)) {
            throw new RuleViolation(Invariant.INCOMING_TRANSFER, "aMemberComingBackIsTheSamePerson",
                    "Member record " + memberId + " is another person's here; the person presenting the letter must "
                            + "be the one who left with it.");
        }
    }

    /** The transfer case open for the member (letter in transit or attachment in force), which a death ends. */
    public Optional<String> transferInProgress() {
        return transfers.inProgress();
    }

    /** A merge or split moves the member's home (I2), in the organisations' unit of work. */
    public void transferCollectively(String fromOrgId, String toOrgId, LocalDate effectiveDate) {
        stepTakenHere("a collective transfer from " + fromOrgId + " to " + toOrgId);
        transfers.transferCollectively(fromOrgId, toOrgId, effectiveDate);
    }

    /**
     * What the member's file carries to another province with an official letter (domain.md §9.1, ADR 0046): status,
     * the start of party age and its gaps, recognition, badges held, the card and the disciplines in effect on
     * {@code asOf}.
     */
    public TransferableRecord transferableRecord(LocalDate asOf, DisciplinePolicy policy) {
        PartyAge age = partyAge.partyAge().orElseThrow(() -> new IllegalStateException(
                "member " + memberId + " has no admission decision, so no party age to transfer"));
        return new TransferableRecord(standing.status(), age.admissionDecisionDate(), standing.snapshot().fullSince(),
                probation.endForAProbationaryMember(),
                age.gaps().stream().map(gap -> new TransferableRecord.PartyAgeGap(gap.from(), gap.until())).toList(),
                badges.held(), partyCard.cardNumber(), badges.inEffectOn(asOf, policy));
    }

    /** The day the member's current home and status on its roll began: a change on that roll is dated no earlier. */
    public LocalDate standingSince() {
        return standing.standingSince();
    }

    /** The status now: a process enrols the member on a new roll in it. */
    public MemberStatus status() {
        return standing.status();
    }

    /**
     * The branch whose roll holds the record (or whose candidate it is): the organisation a command on this record
     * concerns when the actor's scope is checked (ADR 0021).
     */
    public String homeOrgId() {
        return standing.homeOrgId();
    }

    /** What other members' rules may know of this one (e.g. whether it may introduce a candidate). */
    MemberStanding standing() {
        return standing.snapshot();
    }

    /**
     * Intercepts every command to this record, the parts' included, so no handler needs its own check; only what
     * {@link #stillTakenAfterDeath} names gets through. The decisions a process brings check it themselves, above.
     */
    @CommandHandlerInterceptor
    void takenHere(CommandMessage<?> command) {
        takenHere(command.getPayload());
    }

    /** A command on this record: refused after death (I29) or while the member is on another province's roll. */
    private void takenHere(Object command) {
        if (!(command instanceof CorrectionOfTheRecord)) {
            aMemberOnAnotherProvincesRollIsDecidedThere(command.getClass().getSimpleName());
        }
        aDeceasedMemberTakesNoFurtherCommands(command);
    }

    /** A step another record asks of this one: the same two refusals. */
    private void stepTakenHere(String what) {
        aMemberOnAnotherProvincesRollIsDecidedThere(what);
        refusedAfterDeath(what);
    }

    /**
     * The province whose roll the member is on decides for them (ADR 0050): the record here keeps the history to the
     * day they left, and takes a correction of that history, nothing else.
     */
    private void aMemberOnAnotherProvincesRollIsDecidedThere(String what) {
        standing.leftForProvince().ifPresent(province -> {
            throw new RuleViolation(Invariant.I18, "aMemberOnAnotherProvincesRollIsDecidedThere",
                    "Member " + memberId + " is on the roll of " + province + " since a transfer letter was presented "
                            + "there; the record here takes nothing further (" + what + ") but a correction of its "
                            + "history.");
        });
    }

    private void aDeceasedMemberTakesNoFurtherCommands(Object command) {
        if (!stillTakenAfterDeath(command)) {
            refusedAfterDeath(command.getClass().getSimpleName());
        }
    }

    /** The refusal of I29's rule above, for a command or for a step another record asks of this one. */
    private void refusedAfterDeath(String what) {
        if (standing.status() == MemberStatus.DECEASED) {
            throw new RuleViolation(Invariant.I29, "aDeceasedMemberTakesNoFurtherCommands",
                    "Member " + memberId + " died on " + standing.dateOfDeath() + "; the record takes nothing further ("
                            + what + ") except a posthumous badge award or a correction of the record.");
        }
    }

    /**
     * I29's allow-list, the one place that says what a deceased member's record still takes: docs/rules.md allows only
     * a posthumous badge, filing, archiving and corrections after death. Each entry is a command by name (and, for the
     * badge, its posthumous flag), so a new command stays refused until it is added here on purpose.
     */
    private static boolean stillTakenAfterDeath(Object command) {
        return command instanceof AwardPartyBadge award && award.posthumous()
                || command instanceof CorrectionOfTheRecord;
    }
}
