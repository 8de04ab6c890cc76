package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionRefused;
import vn.partyledger.domain.member.ApplicationFileExpired;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.AssignIntroducer;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BackgroundVerificationCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CommentsSummaryRecorded;
import vn.partyledger.domain.member.CommitteeAdmissionVoteRecorded;
import vn.partyledger.domain.member.ExpireApplication;
import vn.partyledger.domain.member.IntroducerAssigned;
import vn.partyledger.domain.member.IntroducerReplaced;
import vn.partyledger.domain.member.IntroducerType;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProvincialConsentRecorded;
import vn.partyledger.domain.member.RecordAwarenessCourse;
import vn.partyledger.domain.member.RecordBackgroundVerification;
import vn.partyledger.domain.member.RecordCommentsSummary;
import vn.partyledger.domain.member.RecordProvincialConsent;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.member.ReplaceIntroducer;
import vn.partyledger.domain.member.SubmitApplication;
import vn.partyledger.domain.member.WithdrawApplication;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A candidacy (docs/rules.md#s5-1): registration, the awareness course, the application, introducers, verification,
 * comments and consents, until the file closes (refused, withdrawn, expired) or the member is admitted. Owns the
 * candidate file; the votes and the decision on it are {@link AdmissionDecision}'s.
 */
final class Candidacy {

    private final Standing standing;
    private final MemberReadmission readmission;
    private LocalDate registeredOn;
    private CandidateFile file;
    private AdmissionApproved admission;
    /** Ceremonies held on this record: a second one was a re-admission, and re-admission happens once (I3). */
    private int admissions;

    Candidacy(Standing standing, MemberReadmission readmission) {
        this.standing = standing;
        this.readmission = readmission;
    }

    /** Opens the record, or a new candidacy on a record whose earlier file was closed or whose member left (I3). */
    void register(RegisterOutstandingCandidate command, OrganisationRegistry registry, Today today) {
        today.businessDateIsNotInTheFuture("registration of the candidate", command.registeredOn());
        memberBelongsToABranchThatExistsOnTheBusinessDate(command, registry);
        aMemberRecordBelongsToOnePerson(command);
        candidateIsNotAlreadyAMemberOrInTheRecruitmentPipeline();
        readmissionHappensOnlyOnceInALifetime();
        readmission.exitOnRecordDoesNotBarReadmission();
        apply(new OutstandingCandidateRegistered(command.memberId(), command.personId(), command.branchId(),
                Sensitive.of(command.personId(), command.source()), command.mentorMemberId(), command.registeredOn()));
    }

    @CommandHandler
    void handle(RecordAwarenessCourse command, Today today) {
        today.businessDateIsNotInTheFuture("awareness-course certificate", command.issueDate());
        candidateFileIsOpen();
        apply(new AwarenessCourseCompleted(standing.memberId(), command.certificateNo(), command.issuerOrgId(),
                command.issueDate()));
    }

    @CommandHandler
    void handle(SubmitApplication command, Today today) {
        today.businessDateIsNotInTheFuture("application", command.applicationDate());
        candidateFileIsOpen();
        anApplicationIsSubmittedOncePerCandidacy();
        applicationDeclaresAReadmissionExactlyForAFormerMember(command);
        if (command.readmission()) {
            readmission.applicationShowsTheExitDoesNotBarReadmission(command.readmissionGrounds());
        }
        apply(new ApplicationSubmitted(standing.memberId(), command.applicationDate(), command.readmission(),
                command.biographyDocRef(), command.youthUnionAge(), command.unitHasYouthUnion(),
                command.readmission() ? Sensitive.of(standing.personId(), command.readmissionGrounds()) : null));
    }

    @CommandHandler
    void handle(AssignIntroducer command, MemberRegistry members, RecruitmentPolicy policy, Today today) {
        today.businessDateIsNotInTheFuture("introducer's assignment", command.assignedOn());
        recruitmentStepsFollowTheApplication("introducer's assignment", command.assignedOn());
        introducersFollowTheRequiredComposition(command.introducerType());
        if (command.introducerType() == IntroducerType.FULL_MEMBER) {
            MemberStanding introducer = introducerIsAFullMemberOnTheBranchRoll(command.introducerMemberId(),
                    command.assignedOn(), members);
            introducerHasKnownTheCandidateForTwelveMonths(command, introducer, policy);
        } else {
            aCommitteeIntroducesByResolution(command);
        }
        apply(new IntroducerAssigned(standing.memberId(), command.introducerType(), command.introducerMemberId(),
                command.resolutionRef(), command.knownSince(), command.assignedOn()));
    }

    @CommandHandler
    void handle(ReplaceIntroducer command, MemberRegistry members, Today today) {
        today.businessDateIsNotInTheFuture("introducer's replacement", command.replacedOn());
        recruitmentStepsFollowTheApplication("introducer's replacement", command.replacedOn());
        onlyAnAssignedIntroducerIsReplaced(command);
        introducerIsAFullMemberOnTheBranchRoll(command.newIntroducerId(), command.replacedOn(), members);
        apply(new IntroducerReplaced(standing.memberId(), command.oldIntroducerId(), command.newIntroducerId(),
                command.reason(), command.replacedOn()));
    }

    @CommandHandler
    void handle(RecordBackgroundVerification command, Today today) {
        today.businessDateIsNotInTheFuture("background verification's conclusion", command.concludedOn());
        recruitmentStepsFollowTheApplication("background verification's conclusion", command.concludedOn());
        apply(new BackgroundVerificationCompleted(standing.memberId(), command.subjects(), command.conclusion(),
                command.verifyingOrgId(), command.concludedOn()));
    }

    @CommandHandler
    void handle(RecordCommentsSummary command, Today today) {
        today.businessDateIsNotInTheFuture("comments summary", command.filedOn());
        recruitmentStepsFollowTheApplication("comments summary", command.filedOn());
        apply(new CommentsSummaryRecorded(standing.memberId(), command.docRef(), command.filedOn()));
    }

    @CommandHandler
    void handle(RecordProvincialConsent command, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        candidateFileIsOpen();
        apply(new ProvincialConsentRecorded(standing.memberId(), command.kind(), command.decision().docDate(),
                command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(WithdrawApplication command, Today today) {
        today.businessDateIsNotInTheFuture("withdrawal", command.withdrawnOn());
        candidateFileIsOpen();
        apply(new ApplicationWithdrawn(standing.memberId(), command.withdrawnOn(),
                Sensitive.ofNullable(standing.personId(), command.reason())));
    }

    @CommandHandler
    void handle(ExpireApplication command, RecruitmentPolicy policy, Today today) {
        today.businessDateIsNotInTheFuture("file's expiry", command.expiredOn());
        recruitmentStepsFollowTheApplication("file's expiry", command.expiredOn());
        onlyAFileThatWentStaleBeforeTheBranchVoteExpires(command, policy);
        apply(new ApplicationFileExpired(standing.memberId(), command.expiredOn(),
                file.application().applicationDate()));
    }

    /** The file of the current (or last) candidacy. */
    CandidateFile file() {
        return file;
    }

    LocalDate registeredOn() {
        return registeredOn;
    }

    /** The approved admission decision (with its date as corrected, I30), or null before one. */
    AdmissionApproved admission() {
        return admission;
    }

    /** Whether this record was admitted before: the next admission is a re-admission. */
    boolean admittedBefore() {
        return admissions > 0;
    }

    void candidateFileIsOpen() {
        if (standing.status() != MemberStatus.CANDIDATE || file.closed() || admission != null) {
            throw new RuleViolation(Invariant.PIPELINE_ORDER, "candidateFileIsOpen",
                    "Recruitment steps are recorded only on an open candidate file awaiting its decision; record "
                            + standing.memberId() + " is " + standing.status()
                            + (file != null && file.closed() ? " with a closed file." : "."));
        }
    }

    /** A step after the application is recorded after it, and dated no earlier than it ({@code step} names it). */
    void recruitmentStepsFollowTheApplication(String step, LocalDate on) {
        candidateFileIsOpen();
        if (file.application() == null) {
            throw new RuleViolation(Invariant.PIPELINE_ORDER, "recruitmentStepsFollowTheApplication",
                    "Introducers, verification, comments and votes come after the candidate's application, which "
                            + "has not been submitted yet.");
        }
        LocalDate appliedOn = file.application().applicationDate();
        if (on.isBefore(appliedOn)) {
            throw new RuleViolation(Invariant.PIPELINE_ORDER, "recruitmentStepsFollowTheApplication",
                    "The " + step + " is dated " + on + ", before the candidate's application of " + appliedOn
                            + " that it follows.");
        }
    }

    private static void memberBelongsToABranchThatExistsOnTheBusinessDate(RegisterOutstandingCandidate command,
                                                                         OrganisationRegistry registry) {
        boolean branchActive = registry.find(command.branchId())
                .filter(org -> org.kind().isBranch() && org.activeOn(command.registeredOn()))
                .isPresent();
        if (!branchActive) {
            throw new RuleViolation(Invariant.I27, "memberBelongsToABranchThatExistsOnTheBusinessDate",
                    "Branch " + command.branchId() + " is not a branch that exists on " + command.registeredOn()
                            + ", so it cannot take a candidate.");
        }
    }

    /** A probationary or full member, or a candidate whose file is open: the person's one live record (I3). */
    boolean open() {
        MemberStatus status = standing.status();
        return status != null && (standing.onRoll() || status == MemberStatus.CANDIDATE && !file.closed());
    }

    private void aMemberRecordBelongsToOnePerson(RegisterOutstandingCandidate command) {
        if (standing.personId() != null && !standing.personId().equals(command.personId())) {
            throw new RuleViolation(Invariant.I3, "aMemberRecordBelongsToOnePerson",
                    "Member record " + standing.memberId() + " is another person's; a candidacy of person "
                            + command.personId() + " is registered on that person's own record.");
        }
    }

    private void candidateIsNotAlreadyAMemberOrInTheRecruitmentPipeline() {
        MemberStatus status = standing.status();
        if (open()) {
            throw new RuleViolation(Invariant.I3, "candidateIsNotAlreadyAMemberOrInTheRecruitmentPipeline",
                    "Member record " + standing.memberId() + " is " + status
                            + (status.isOnRoll() ? " on a roll" : " with an open candidate file")
                            + ", so the person cannot be registered as a candidate again.");
        }
    }

    private void readmissionHappensOnlyOnceInALifetime() {
        if (admissions >= 2) {
            throw new RuleViolation(Invariant.I3, "readmissionHappensOnlyOnceInALifetime",
                    "Member record " + standing.memberId() + " was admitted " + admissions
                            + " times already; a person is re-admitted at most once (QĐ 294 §3.5).");
        }
    }

    private void anApplicationIsSubmittedOncePerCandidacy() {
        if (file.application() != null) {
            throw new RuleViolation(Invariant.PIPELINE_ORDER, "anApplicationIsSubmittedOncePerCandidacy",
                    "The candidate already applied on " + file.application().applicationDate() + ".");
        }
    }

    private void applicationDeclaresAReadmissionExactlyForAFormerMember(SubmitApplication command) {
        boolean formerMember = admittedBefore();
        if (command.readmission() != formerMember) {
            throw new RuleViolation(Invariant.I3, "applicationDeclaresAReadmissionExactlyForAFormerMember",
                    "An application is a re-admission exactly when the person was a member before; record "
                            + standing.memberId() + (formerMember ? " was admitted before." : " was never admitted."));
        }
    }

    private void introducersFollowTheRequiredComposition(IntroducerType type) {
        if (!file.admitsAnother(type)) {
            throw new RuleViolation(Invariant.I4, "introducersFollowTheRequiredComposition",
                    "Another " + type + " introducer does not fit this file, which needs "
                            + file.requiredIntroducers() + ".");
        }
    }

    private MemberStanding introducerIsAFullMemberOnTheBranchRoll(String introducerId, LocalDate date,
                                                                  MemberRegistry members) {
        if (introducerId == null) {
            throw new RuleViolation(Invariant.I4, "introducerIsAFullMemberOnTheBranchRoll",
                    "A full-member introducer must be named by their member id.");
        }
        return FullMemberOnTheDate.required(Invariant.I4, "introducerIsAFullMemberOnTheBranchRoll", "introducer",
                introducerId, standing.homeOrgId(), date, members);
    }

    /**
     * Twelve months in the same unit: the acquaintance the introducer states, and what the ledger knows of it — the
     * introducer's own time on the branch's roll. A replacement is exempt from both (Charter Art. 4).
     */
    private static void introducerHasKnownTheCandidateForTwelveMonths(AssignIntroducer command,
                                                                      MemberStanding introducer,
                                                                      RecruitmentPolicy policy) {
        LocalDate latest = command.assignedOn().minusMonths(policy.introducerMinAcquaintanceMonths());
        if (command.knownSince() == null || command.knownSince().isAfter(latest)) {
            throw new RuleViolation(Invariant.I4, "introducerHasKnownTheCandidateForTwelveMonths",
                    "An introducer must have worked, studied or lived with the candidate for at least "
                            + policy.introducerMinAcquaintanceMonths() + " months, that is since " + latest
                            + " or earlier; stated: " + command.knownSince() + ".");
        }
        if (introducer.homeSince().isAfter(latest)) {
            throw new RuleViolation(Invariant.I4, "introducerHasKnownTheCandidateForTwelveMonths",
                    "The introducer " + introducer.memberId() + " has been on the roll of branch "
                            + introducer.homeOrgId() + " only since " + introducer.homeSince() + ", less than "
                            + policy.introducerMinAcquaintanceMonths() + " months before " + command.assignedOn()
                            + "; an introducer has been in the candidate's unit for at least that long.");
        }
    }

    private static void aCommitteeIntroducesByResolution(AssignIntroducer command) {
        if (command.resolutionRef() == null || command.resolutionRef().isBlank()) {
            throw new RuleViolation(Invariant.I4, "aCommitteeIntroducesByResolution",
                    "A " + command.introducerType() + " introduces a candidate by a resolution, whose reference "
                            + "is missing.");
        }
    }

    private void onlyAnAssignedIntroducerIsReplaced(ReplaceIntroducer command) {
        if (!file.introducedBy(command.oldIntroducerId())) {
            throw new RuleViolation(Invariant.I4, "onlyAnAssignedIntroducerIsReplaced",
                    command.oldIntroducerId() + " is not an introducer of this candidate, so cannot be replaced.");
        }
    }

    private void onlyAFileThatWentStaleBeforeTheBranchVoteExpires(ExpireApplication command,
                                                                  RecruitmentPolicy policy) {
        LocalDate appliedOn = file.application().applicationDate();
        LocalDate staleAfter = appliedOn.plusMonths(policy.fileStaleMonths());
        if (file.branchVotePassed() || !command.expiredOn().isAfter(staleAfter)) {
            throw new RuleViolation(Invariant.FILE_STALE, "onlyAFileThatWentStaleBeforeTheBranchVoteExpires",
                    "A file expires only when " + policy.fileStaleMonths() + " months pass after " + appliedOn
                            + " without a passed branch vote, that is after " + staleAfter + ".");
        }
    }

    @EventSourcingHandler
    private void on(OutstandingCandidateRegistered event) {
        registeredOn = event.registeredOn();
        file = new CandidateFile();
        admission = null;
    }

    /** The file shows one admission, or two for a member re-admitted after leaving (I3's once in a lifetime). */
    @EventSourcingHandler
    private void on(MemberImported event) {
        admissions = event.readmitted() ? 2 : 1;
    }

    /**
     * A member from another province was admitted there; the letter does not say whether twice, so a record opened
     * here by it counts one admission, and a record coming back keeps its own count.
     */
    @EventSourcingHandler
    private void on(MemberJoinedFromProvince event) {
        admissions = Math.max(admissions, 1);
    }

    @EventSourcingHandler
    private void on(AwarenessCourseCompleted event) {
        file.on(event);
    }

    @EventSourcingHandler
    private void on(ApplicationSubmitted event) {
        file.on(event);
    }

    @EventSourcingHandler
    private void on(IntroducerAssigned event) {
        file.addIntroducer(new CandidateFile.Introducer(event.introducerType(), event.introducerMemberId(),
                event.assignedOn()));
    }

    @EventSourcingHandler
    private void on(IntroducerReplaced event) {
        file.replaceIntroducer(event.oldIntroducerId(), event.newIntroducerId(), event.replacedOn());
    }

    @EventSourcingHandler
    private void on(BackgroundVerificationCompleted event) {
        file.concludeVerification(event.conclusion(), event.concludedOn());
    }

    @EventSourcingHandler
    private void on(CommentsSummaryRecorded event) {
        file.fileComments(event.filedOn());
    }

    @EventSourcingHandler
    private void on(ProvincialConsentRecorded event) {
        file.consent(event.kind(), event.consentDate());
    }

    @EventSourcingHandler
    private void on(BranchAdmissionVoteRecorded event) {
        file.on(event);
    }

    @EventSourcingHandler
    private void on(CommitteeAdmissionVoteRecorded event) {
        file.on(event);
    }

    @EventSourcingHandler
    private void on(AdmissionApproved event) {
        admission = event;
    }

    @EventSourcingHandler
    private void on(AdmissionRefused event) {
        file.close();
    }

    @EventSourcingHandler
    private void on(ApplicationWithdrawn event) {
        file.close();
    }

    @EventSourcingHandler
    private void on(ApplicationFileExpired event) {
        file.close();
    }

    @EventSourcingHandler
    private void on(MemberAdmitted event) {
        admissions++;
    }

    /** The ceremony's deadline and order are checked against the corrected decision date from now on. */
    @EventSourcingHandler
    private void on(EntryDateCorrected event) {
        if (event.correctedEventType() == EntryType.ADMISSION_APPROVED) {
            admission = new AdmissionApproved(admission.memberId(), event.correctedDate(), admission.decidedByOrgId(),
                    admission.receivedByBranchOn(), admission.lateDecision());
        }
    }
}
