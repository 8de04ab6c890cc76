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

import java.time.LocalDate;
import java.util.Optional;

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

    /** An empty record: Axon rebuilds one from its events, and a registration opens a new one with its first event. */
    public Member() {
        // the parts above are the whole state; the first event fills them
    }

    @EventSourcingHandler
    private void on(OutstandingCandidateRegistered event) {
        memberId = event.memberId();
    }

    // Decisions that change another record too: a process calls these in its unit of work and writes the other side.

    /**
     * Opens the record, or a new candidacy on a record whose earlier file was closed or whose member left (I3); the
     * person's other records are the process's to check.
     */
    public void registerCandidate(RegisterOutstandingCandidate command, OrganisationRegistry registry, Today today) {
        aDeceasedMemberTakesNoFurtherCommands(command);
        candidacy.register(command, registry, today);
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
        aDeceasedMemberTakesNoFurtherCommands(command);
        return admission.admit(command, calendar, policy, today);
    }

    public FullMembershipRecognized recognise(RecognizeFullMember command, OrganisationRegistry registry,
                                              AuthorityResolver authority, WorkingDayCalendar calendar,
                                              RecruitmentPolicy policy, Today today) {
        aDeceasedMemberTakesNoFurtherCommands(command);
        return probation.recognise(command, registry, authority, calendar, policy, today);
    }

    public ProbationaryMemberStruckOff strikeOffTheProbationaryList(StrikeOffProbationaryMember command,
                                                                    OrganisationRegistry registry,
                                                                    AuthorityResolver authority, VotePolicy votes,
                                                                    Today today) {
        aDeceasedMemberTakesNoFurtherCommands(command);
        return probation.strikeOff(command, registry, authority, votes, today);
    }

    public MemberStruckOff strikeOff(StrikeOffMember command, AuthorityResolver authority, Today today) {
        aDeceasedMemberTakesNoFurtherCommands(command);
        return leaving.strikeOff(command, authority, today);
    }

    public DisciplineImposed impose(ImposeDiscipline command, AuthorityResolver authority, Today today) {
        aDeceasedMemberTakesNoFurtherCommands(command);
        return discipline.impose(command, authority, today);
    }

    public MembershipRestored restore(RestoreMembership command, Today today) {
        aDeceasedMemberTakesNoFurtherCommands(command);
        return leaving.restore(command, today);
    }

    public MemberDeceased recordDeath(RecordDeath command, Today today) {
        aDeceasedMemberTakesNoFurtherCommands(command);
        return leaving.recordDeath(command, today);
    }

    public EntryAnnulled annul(AnnulEntry command, AuthorityResolver authority, Today today) {
        aDeceasedMemberTakesNoFurtherCommands(command);
        return corrections.annul(command, authority, today);
    }

    // A transfer case's steps (I16): the case checks its letter, the member its status, home and other transfers.

    public void openTransfer(String transferId, TransferType type, String fromOrgId, String toOrgId,
                             LocalDate letterDate) {
        transfers.open(transferId, type, fromOrgId, toOrgId, letterDate);
    }

    public MemberHomeChanged changeHome(String transferId, String toOrgId, LocalDate effectiveDate) {
        return transfers.changeHome(transferId, toOrgId, effectiveDate);
    }

    public void attach(String transferId, String hostOrgId, LocalDate from, LocalDate expectedReturn) {
        transfers.attach(transferId, hostOrgId, from, expectedReturn);
    }

    public void transferPresentedLate(String transferId, LocalDate presentBy, LocalDate presentedDate) {
        transfers.presentedLate(transferId, presentBy, presentedDate);
    }

    public void closeTransfer(String transferId, LocalDate closedOn) {
        transfers.close(transferId, closedOn);
    }

    /** A merge or split moves the member's home (I2), in the organisations' unit of work. */
    public void transferCollectively(String fromOrgId, String toOrgId, LocalDate effectiveDate) {
        transfers.transferCollectively(fromOrgId, toOrgId, effectiveDate);
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
    void aDeceasedMemberTakesNoFurtherCommands(CommandMessage<?> command) {
        aDeceasedMemberTakesNoFurtherCommands(command.getPayload());
    }

    private void aDeceasedMemberTakesNoFurtherCommands(Object command) {
        if (standing.status() == MemberStatus.DECEASED && !stillTakenAfterDeath(command)) {
            throw new RuleViolation(Invariant.I29, "aDeceasedMemberTakesNoFurtherCommands",
                    "Member " + memberId + " has died; the record takes no further member commands ("
                            + command.getClass().getSimpleName()
                            + ") except a posthumous badge award or a correction of the record.");
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
