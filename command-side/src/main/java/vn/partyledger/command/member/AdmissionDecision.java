package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.AdmissionRefused;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CommitteeAdmissionVoteRecorded;
import vn.partyledger.domain.member.ConsentKind;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ReadmissionPolicy;
import vn.partyledger.domain.member.RecordBranchAdmissionVote;
import vn.partyledger.domain.member.RecordCommitteeAdmissionVote;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.RefuseAdmission;
import vn.partyledger.domain.member.VotePolicy;
import vn.partyledger.domain.person.CandidateParticulars;
import vn.partyledger.domain.person.PersonRegister;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.member.ReadmissionGrounds;

import java.time.LocalDate;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The votes and the decision on a candidacy, and the ceremony that makes the candidate a probationary member
 * (docs/rules.md#s5-2, I5–I8). Holds no state of its own: it reads the candidate file ({@link Candidacy}), the standing,
 * the party age and the latest exit, and its events change those.
 */
final class AdmissionDecision {

    private final Standing standing;
    private final Candidacy candidacy;
    private final MemberPartyAge partyAge;
    private final MemberReadmission readmission;

    AdmissionDecision(Standing standing, Candidacy candidacy, MemberPartyAge partyAge, MemberReadmission readmission) {
        this.standing = standing;
        this.candidacy = candidacy;
        this.partyAge = partyAge;
        this.readmission = readmission;
    }

    @CommandHandler
    void handle(RecordBranchAdmissionVote command, OrganisationRegistry registry, RecruitmentPolicy policy,
                VotePolicy votes, PersonRegister register, Today today) {
        today.businessDateIsNotInTheFuture("branch's admission vote", command.voteDate());
        candidacy.recruitmentStepsFollowTheApplication("branch's admission vote", command.voteDate());
        CandidateParticulars particulars = candidateIsInThePersonRegister(command, register);
        new BranchAdmissionVotePolicy(policy).enforce(file().beforeBranchVote(command, particulars));
        int electorate = Electorate.theElectorateIsTheBranchRollOfTheDay(Invariant.I5, standing.homeOrgId(),
                command.fullMembersOnRoll(), command.voteDate(), registry);
        Electorate.votesCannotExceedTheElectorate(Invariant.I5, electorate, command.inFavour() + command.against());
        apply(new BranchAdmissionVoteRecorded(standing.memberId(), command.meetingId(), command.voteDate(),
                electorate, command.inFavour(), command.against(),
                command.inFavour() >= votes.admissionPassMark(electorate)));
    }

    /** Age and education on the vote date come from the register as it stood then, never from the caller (I5). */
    private CandidateParticulars candidateIsInThePersonRegister(RecordBranchAdmissionVote command,
                                                                PersonRegister register) {
        return register.particularsOn(standing.personId(), command.voteDate()).orElseThrow(() -> new RuleViolation(
                Invariant.I5, "candidateIsInThePersonRegister",
                "Person " + standing.personId() + " of record " + standing.memberId() + " is not in the person "
                        + "register on " + command.voteDate() + ", so the age and education on the vote date are "
                        + "unknown."));
    }

    @CommandHandler
    void handle(RecordCommitteeAdmissionVote command, OrganisationRegistry registry, VotePolicy votes, Today today) {
        today.businessDateIsNotInTheFuture("grassroots committee's admission vote", command.voteDate());
        candidacy.candidateFileIsOpen();
        committeeVotesOnlyForASubordinateBranchOfAGrassrootsCommittee(command, registry);
        committeeVotesAfterThePassedBranchVote(command);
        int inOffice = Electorate.theElectorateIsTheCommitteeInOfficeOnTheDay(Invariant.I6, command.committeeOrgId(),
                command.membersInOffice(), command.voteDate(), registry);
        Electorate.votesCannotExceedTheElectorate(Invariant.I6, inOffice, command.inFavour());
        apply(new CommitteeAdmissionVoteRecorded(standing.memberId(), command.committeeOrgId(), command.voteDate(),
                inOffice, command.inFavour(), command.inFavour() >= votes.admissionPassMark(inOffice)));
    }

    @CommandHandler
    void handle(DecideAdmission command, OrganisationRegistry registry, AuthorityResolver authority,
                WorkingDayCalendar calendar, RecruitmentPolicy policy, ReadmissionPolicy readmissionPolicy,
                Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        today.businessDateIsNotInTheFuture("branch's receipt of the admission decision", command.receivedByBranchOn());
        admissionIsDecidedOnlyForACandidate();
        admissionDecisionCannotPrecedeCandidacy(command);
        branchCannotReceiveTheDecisionBeforeItIsSigned(command);
        admissionFollowsThePassedVotes(command.decision(),
                Electorate.branchIsSubordinate(standing.homeOrgId(), registry));
        readmissionNeedsTheProvincesConsent(command.decision());
        if (file().application().readmission()) {
            readmission.formerMemberWaitedLongEnough(command.decision().docDate(),
                    groundsStatedInTheApplication(), readmissionPolicy);
        }
        CommitteeThatAdmits.decisionIsSignedByTheCompetentAuthority(Invariant.I7, standing.homeOrgId(),
                command.decision(), authority);
        boolean late = CommitteeThatAdmits.decidedAfterTheDeadline(file().branchVote().voteDate(),
                command.decision().docDate(), policy.admissionDecisionDeadlineWorkingDays(),
                command.extensionReason(), calendar, policy);
        apply(new AdmissionApproved(standing.memberId(), command.decision().docDate(),
                command.decision().issuingOrgId(), command.receivedByBranchOn(), late));
    }

    @CommandHandler
    void handle(RefuseAdmission command, AuthorityResolver authority, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        admissionIsDecidedOnlyForACandidate();
        admissionFollowsThePassedVotes(command.decision(), false);
        CommitteeThatAdmits.decisionIsSignedByTheCompetentAuthority(Invariant.I7, standing.homeOrgId(),
                command.decision(), authority);
        apply(new AdmissionRefused(standing.memberId(), command.decision().docDate(),
                command.decision().issuingOrgId(), Sensitive.ofNullable(standing.personId(), command.reason())));
    }

    /** A re-admission recorded before grounds were stated (revision 1, ADR 0014) stated none. */
    private ReadmissionGrounds groundsStatedInTheApplication() {
        Sensitive<ReadmissionGrounds> grounds = file().application().readmissionGrounds();
        return grounds == null ? ReadmissionGrounds.NONE : grounds.value();
    }

    /** The ceremony (I8); the branch's roll follows in the same unit of work (process.AdmissionCeremony). */
    MemberAdmitted admit(AdmitMember command, WorkingDayCalendar calendar, AdmissionPolicy policy, Today today) {
        today.businessDateIsNotInTheFuture("admission ceremony", command.ceremonyDate());
        if (command.superiorConsent() != null) {
            today.decisionIsNotInTheFuture(command.superiorConsent());
        }
        ceremonyRequiresAnApprovedAdmission();
        ceremonyFollowsTheReceiptOfTheDecision(command);
        boolean late = ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision(command, calendar, policy);
        MemberAdmitted admitted = new MemberAdmitted(standing.memberId(), standing.personId(), standing.homeOrgId(),
                command.ceremonyDate(), command.ceremonyDate().plusMonths(policy.probationMonths()),
                candidacy.admission().decisionDate(), late, candidacy.admittedBefore(),
                partyAge.firstAdmissionDecision());
        apply(admitted);
        return admitted;
    }

    private CandidateFile file() {
        return candidacy.file();
    }

    private void committeeVotesOnlyForASubordinateBranchOfAGrassrootsCommittee(RecordCommitteeAdmissionVote command,
                                                                               OrganisationRegistry registry) {
        if (!Electorate.branchIsSubordinate(standing.homeOrgId(), registry)
                || !Electorate.isTheBranchsGrassrootsCommittee(command.committeeOrgId(), standing.homeOrgId(),
                command.voteDate(), registry)) {
            throw new RuleViolation(Invariant.I6, "committeeVotesOnlyForASubordinateBranchOfAGrassrootsCommittee",
                    "Only the grassroots committee directly above a subordinate branch votes on its admissions; "
                            + command.committeeOrgId() + " and branch " + standing.homeOrgId() + " are not such a "
                            + "pair on " + command.voteDate() + ".");
        }
    }

    private void committeeVotesAfterThePassedBranchVote(RecordCommitteeAdmissionVote command) {
        CandidateFile file = file();
        if (!file.branchVotePassed() || command.voteDate().isBefore(file.branchVote().voteDate())
                || file.committeeVotePassed()) {
            throw new RuleViolation(Invariant.I6, "committeeVotesAfterThePassedBranchVote",
                    "The grassroots committee votes once, after the branch has passed the admission"
                            + (file.branchVotePassed() ? " on " + file.branchVote().voteDate() : "") + ".");
        }
    }

    private void admissionIsDecidedOnlyForACandidate() {
        AdmissionApproved admission = candidacy.admission();
        if (standing.status() != MemberStatus.CANDIDATE || admission != null || file().closed()) {
            throw new RuleViolation(Invariant.I7, "admissionIsDecidedOnlyForACandidate",
                    "An admission can be decided only once, for a candidate with an open file; this record is "
                            + standing.status() + (admission != null ? " with an admission already approved." : "."));
        }
    }

    private void admissionDecisionCannotPrecedeCandidacy(DecideAdmission command) {
        LocalDate registeredOn = candidacy.registeredOn();
        if (command.decision().docDate().isBefore(registeredOn)) {
            throw new RuleViolation(Invariant.I7, "admissionDecisionCannotPrecedeCandidacy",
                    "The admission decision is dated " + command.decision().docDate()
                            + ", before the candidate was registered on " + registeredOn + ".");
        }
    }

    private static void branchCannotReceiveTheDecisionBeforeItIsSigned(DecideAdmission command) {
        if (command.receivedByBranchOn().isBefore(command.decision().docDate())) {
            throw new RuleViolation(Invariant.I7, "branchCannotReceiveTheDecisionBeforeItIsSigned",
                    "The branch cannot have received the decision on " + command.receivedByBranchOn()
                            + ", before it was signed on " + command.decision().docDate() + ".");
        }
    }

    private void admissionFollowsThePassedVotes(DecisionRef decision, boolean committeeVoteNeeded) {
        CandidateFile file = file();
        boolean passed = file.branchVotePassed() && (!committeeVoteNeeded || file.committeeVotePassed());
        if (!passed || decision.docDate().isBefore(file.lastVoteDate())) {
            throw new RuleViolation(Invariant.I7, "admissionFollowsThePassedVotes",
                    "An admission is decided after the branch" + (committeeVoteNeeded ? " and the grassroots committee"
                            : "") + " passed it by two thirds, and not before those votes.");
        }
    }

    /** The consent comes first: one dated after the decision cannot be what the decision rested on. */
    private void readmissionNeedsTheProvincesConsent(DecisionRef decision) {
        if (!file().application().readmission()) {
            return;
        }
        LocalDate consentedOn = file().consentedOn(ConsentKind.READMISSION).orElse(null);
        if (consentedOn == null || consentedOn.isAfter(decision.docDate())) {
            throw new RuleViolation(Invariant.I7, "readmissionNeedsTheProvincesConsent",
                    "A re-admission is decided only after the provincial standing committee consented in writing; "
                            + (consentedOn == null ? "there is no consent on file."
                            : "the consent of " + consentedOn + " comes after the decision of " + decision.docDate()
                            + "."));
        }
    }

    private void ceremonyRequiresAnApprovedAdmission() {
        if (standing.status() != MemberStatus.CANDIDATE || candidacy.admission() == null) {
            throw new RuleViolation(Invariant.I8, "ceremonyRequiresAnApprovedAdmission",
                    "An admission ceremony needs an approved admission decision for a candidate; this record is "
                            + standing.status()
                            + (candidacy.admission() == null ? " without an approved admission." : "."));
        }
    }

    /** The decision is read out at the ceremony: the branch holds it once it has the decision, signed before. */
    private void ceremonyFollowsTheReceiptOfTheDecision(AdmitMember command) {
        AdmissionApproved admission = candidacy.admission();
        if (command.ceremonyDate().isBefore(admission.receivedByBranchOn())) {
            throw new RuleViolation(Invariant.I8, "ceremonyFollowsTheReceiptOfTheDecision",
                    "The ceremony on " + command.ceremonyDate() + " cannot precede the branch's receipt on "
                            + admission.receivedByBranchOn() + " of the admission decision of "
                            + admission.decisionDate() + ".");
        }
    }

    /** Returns true when the ceremony is late but the superior committee consented. */
    private boolean ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision(AdmitMember command,
                                                                          WorkingDayCalendar calendar,
                                                                          AdmissionPolicy policy) {
        Optional<LocalDate> missed = calendar.missedDeadline(candidacy.admission().receivedByBranchOn(),
                policy.ceremonyDeadlineWorkingDays(), command.ceremonyDate());
        if (missed.isEmpty()) {
            return false;
        }
        if (command.superiorConsent() == null) {
            throw new RuleViolation(Invariant.I8, "ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision",
                    "The ceremony must be held within " + policy.ceremonyDeadlineWorkingDays()
                            + " working days of receiving the decision (by " + missed.get()
                            + "); a later ceremony needs the direct superior committee's consent.");
        }
        return true;
    }
}
