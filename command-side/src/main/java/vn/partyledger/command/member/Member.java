package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.organisation.MembershipLedger;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.correction.CorrectionOfTheRecord;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.AdmissionRefused;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.ApplicationFileExpired;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.AssignIntroducer;
import vn.partyledger.domain.member.AssignProbationMentor;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BackgroundVerificationCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CommentsSummaryRecorded;
import vn.partyledger.domain.member.CommitteeAdmissionVoteRecorded;
import vn.partyledger.domain.member.ConsentKind;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.ExpireApplication;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.IntroducerAssigned;
import vn.partyledger.domain.member.IntroducerReplaced;
import vn.partyledger.domain.member.IntroducerType;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationMentorAssigned;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.ProvincialConsentRecorded;
import vn.partyledger.domain.member.ReadmissionGrounds;
import vn.partyledger.domain.member.ReadmissionPolicy;
import vn.partyledger.domain.member.RecognitionReviewedLate;
import vn.partyledger.domain.member.RecognitionVoteRecorded;
import vn.partyledger.domain.member.RecognizeFullMember;
import vn.partyledger.domain.member.RecordAwarenessCourse;
import vn.partyledger.domain.member.RecordBackgroundVerification;
import vn.partyledger.domain.member.RecordBranchAdmissionVote;
import vn.partyledger.domain.member.RecordCommentsSummary;
import vn.partyledger.domain.member.RecordCommitteeAdmissionVote;
import vn.partyledger.domain.member.RecordProvincialConsent;
import vn.partyledger.domain.member.RecordRecognitionVote;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.RefuseAdmission;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.member.ReplaceIntroducer;
import vn.partyledger.domain.member.StrikeOffProbationaryMember;
import vn.partyledger.domain.member.SubmitApplication;
import vn.partyledger.domain.member.VoteLevel;
import vn.partyledger.domain.member.VotePolicy;
import vn.partyledger.domain.member.WithdrawApplication;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.MemberHomeChanged;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person's membership record. Guards the rules of docs/rules.md#s5–§10, then applies events. */
public class Member {

    @AggregateIdentifier
    private String memberId;
    private MemberStatus status;
    private String personId;
    private String branchId;
    private LocalDate registeredOn;
    private CandidateFile file;
    private AdmissionApproved admission;
    /** Ceremonies held on this record: a second one was a re-admission, and re-admission happens once (I3). */
    private int admissions;
    private Probation probation;
    private LocalDate fullSince;
    private MemberStatus statusAtDeath;
    private LocalDate dateOfDeath;

    protected Member() {
        // required by Axon to rebuild the aggregate from its events
    }

    /** Opens the record, or a new candidacy on a record whose earlier file was closed or whose member left (I3). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterOutstandingCandidate command, OrganisationRegistry registry) {
        memberBelongsToABranchThatExistsOnTheBusinessDate(command, registry);
        candidateIsNotAlreadyAMemberOrInTheRecruitmentPipeline();
        readmissionHappensOnlyOnceInALifetime();
        readmission.exitOnRecordDoesNotBarReadmission();
        apply(new OutstandingCandidateRegistered(command.memberId(), command.personId(), command.branchId(),
                command.source(), command.mentorMemberId(), command.registeredOn()));
    }

    @CommandHandler
    public void handle(RecordAwarenessCourse command) {
        candidateFileIsOpen();
        apply(new AwarenessCourseCompleted(memberId, command.certificateNo(), command.issuerOrgId(),
                command.issueDate()));
    }

    @CommandHandler
    public void handle(SubmitApplication command) {
        candidateFileIsOpen();
        anApplicationIsSubmittedOncePerCandidacy();
        applicationDeclaresAReadmissionExactlyForAFormerMember(command);
        if (command.readmission()) {
            readmission.applicationShowsTheExitDoesNotBarReadmission(command.readmissionGrounds());
        }
        apply(new ApplicationSubmitted(memberId, command.applicationDate(), command.readmission(),
                command.biographyDocRef(), command.youthUnionAge(), command.unitHasYouthUnion(),
                command.readmission() ? command.readmissionGrounds() : ReadmissionGrounds.NONE));
    }

    @CommandHandler
    public void handle(AssignIntroducer command, MemberRegistry members, RecruitmentPolicy policy) {
        recruitmentStepsFollowTheApplication();
        introducersFollowTheRequiredComposition(command.introducerType());
        if (command.introducerType() == IntroducerType.FULL_MEMBER) {
            introducerIsAFullMemberOnTheDate(command.introducerMemberId(), command.assignedOn(), members);
            introducerHasKnownTheCandidateForTwelveMonths(command, policy);
        } else {
            aCommitteeIntroducesByResolution(command);
        }
        apply(new IntroducerAssigned(memberId, command.introducerType(), command.introducerMemberId(),
                command.resolutionRef(), command.knownSince(), command.assignedOn()));
    }

    @CommandHandler
    public void handle(ReplaceIntroducer command, MemberRegistry members) {
        recruitmentStepsFollowTheApplication();
        onlyAnAssignedIntroducerIsReplaced(command);
        introducerIsAFullMemberOnTheDate(command.newIntroducerId(), command.replacedOn(), members);
        apply(new IntroducerReplaced(memberId, command.oldIntroducerId(), command.newIntroducerId(), command.reason(),
                command.replacedOn()));
    }

    @CommandHandler
    public void handle(RecordBackgroundVerification command) {
        recruitmentStepsFollowTheApplication();
        apply(new BackgroundVerificationCompleted(memberId, command.subjects(), command.conclusion(),
                command.verifyingOrgId(), command.concludedOn()));
    }

    @CommandHandler
    public void handle(RecordCommentsSummary command) {
        recruitmentStepsFollowTheApplication();
        apply(new CommentsSummaryRecorded(memberId, command.docRef(), command.filedOn()));
    }

    @CommandHandler
    public void handle(RecordProvincialConsent command) {
        candidateFileIsOpen();
        apply(new ProvincialConsentRecorded(memberId, command.kind(), command.decision().docDate(),
                command.decision().issuingOrgId()));
    }

    @CommandHandler
    public void handle(RecordBranchAdmissionVote command, OrganisationRegistry registry, RecruitmentPolicy policy,
                       VotePolicy votes) {
        recruitmentStepsFollowTheApplication();
        new BranchAdmissionVotePolicy(policy).enforce(file.beforeBranchVote(command));
        statedFullMembersMatchTheBranchRoll(Invariant.I5, command.fullMembersOnRoll(), command.voteDate(), registry);
        votesCannotExceedTheElectorate(Invariant.I5, command.fullMembersOnRoll(), command.inFavour() + command.against());
        apply(new BranchAdmissionVoteRecorded(memberId, command.meetingId(), command.voteDate(),
                command.fullMembersOnRoll(), command.inFavour(), command.against(),
                command.inFavour() >= votes.admissionPassMark(command.fullMembersOnRoll())));
    }

    @CommandHandler
    public void handle(RecordCommitteeAdmissionVote command, OrganisationRegistry registry, VotePolicy votes) {
        candidateFileIsOpen();
        committeeVotesOnlyForASubordinateBranchOfAGrassrootsCommittee(command, registry);
        committeeVotesAfterThePassedBranchVote(command);
        votesCannotExceedTheElectorate(Invariant.I6, command.membersInOffice(), command.inFavour());
        apply(new CommitteeAdmissionVoteRecorded(memberId, command.committeeOrgId(), command.voteDate(),
                command.membersInOffice(), command.inFavour(),
                command.inFavour() >= votes.admissionPassMark(command.membersInOffice())));
    }

    @CommandHandler
    public void handle(DecideAdmission command, OrganisationRegistry registry, AuthorityResolver authority,
                       WorkingDayCalendar calendar, RecruitmentPolicy policy, ReadmissionPolicy readmissionPolicy) {
        admissionIsDecidedOnlyForACandidate();
        admissionDecisionCannotPrecedeCandidacy(command);
        branchCannotReceiveTheDecisionBeforeItIsSigned(command);
        admissionFollowsThePassedVotes(command.decision(), branchIsSubordinate(registry));
        readmissionNeedsTheProvincesConsent();
        if (file.application().readmission()) {
            readmission.formerMemberWaitedLongEnough(command.decision().docDate(),
                    file.application().readmissionGrounds(), readmissionPolicy);
        }
        decisionIsSignedByTheCompetentAuthority(Invariant.I7, command.decision(), authority);
        boolean late = decidedAfterTheDeadline(file.branchVote().voteDate(), command.decision().docDate(),
                policy.admissionDecisionDeadlineWorkingDays(), command.extensionReason(), calendar, policy);
        apply(new AdmissionApproved(memberId, command.decision().docDate(), command.decision().issuingOrgId(),
                command.receivedByBranchOn(), late));
    }

    @CommandHandler
    public void handle(RefuseAdmission command, AuthorityResolver authority) {
        admissionIsDecidedOnlyForACandidate();
        admissionFollowsThePassedVotes(command.decision(), false);
        decisionIsSignedByTheCompetentAuthority(Invariant.I7, command.decision(), authority);
        apply(new AdmissionRefused(memberId, command.decision().docDate(), command.decision().issuingOrgId(),
                command.reason()));
    }

    @CommandHandler
    public void handle(WithdrawApplication command) {
        candidateFileIsOpen();
        apply(new ApplicationWithdrawn(memberId, command.withdrawnOn(), command.reason()));
    }

    @CommandHandler
    public void handle(ExpireApplication command, RecruitmentPolicy policy) {
        recruitmentStepsFollowTheApplication();
        onlyAFileThatWentStaleBeforeTheBranchVoteExpires(command, policy);
        apply(new ApplicationFileExpired(memberId, command.expiredOn(), file.application().applicationDate()));
    }

    @CommandHandler
    public void handle(AdmitMember command, WorkingDayCalendar calendar, AdmissionPolicy policy,
                       MembershipLedger ledger) {
        ceremonyRequiresAnApprovedAdmission();
        ceremonyCannotPrecedeTheAdmissionDecision(command);
        boolean late = ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision(command, calendar, policy);
        apply(new MemberAdmitted(memberId, personId, branchId, command.ceremonyDate(),
                command.ceremonyDate().plusMonths(policy.probationMonths()), admission.decisionDate(), late,
                admissions > 0, partyAge.firstAdmissionDecision()));
        ledger.enrol(branchId, memberId, MemberStatus.PROBATIONARY, command.ceremonyDate());
    }

    @CommandHandler
    public void handle(AssignProbationMentor command, MemberRegistry members) {
        aMentorHelpsOnlyAProbationaryMember();
        theMentorIsAFullMemberOnTheDate(command, members);
        apply(new ProbationMentorAssigned(memberId, command.mentorMemberId(), command.assignedOn()));
    }

    @CommandHandler
    public void handle(RecordRecognitionVote command, OrganisationRegistry registry, VotePolicy votes,
                       WorkingDayCalendar calendar, RecruitmentPolicy policy) {
        recognitionIsVotedOnlyForAProbationaryMember();
        recognitionIsConsideredOnceProbationEnds(command);
        aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee(command, registry);
        if (command.level() == VoteLevel.BRANCH) {
            theBranchVotesAtMostThreeTimesInTurn(command);
            statedFullMembersMatchTheBranchRoll(Invariant.I10, command.electorate(), command.voteDate(), registry);
        } else {
            theCommitteeVotesAfterAPassedBranchVoteOrADeadlock(command, registry);
        }
        votesCannotExceedTheElectorate(Invariant.I10, command.electorate(), command.inFavour() + command.against());
        if (command.level() == VoteLevel.BRANCH && command.attemptNo() == 1) {
            flagAReviewAfterTheDeadline(command.voteDate(), calendar, policy);
        }
        boolean passed = command.inFavour() >= votes.admissionPassMark(command.electorate());
        apply(new RecognitionVoteRecorded(memberId, command.level(), command.committeeOrgId(), command.voteDate(),
                command.electorate(), command.inFavour(), command.against(), passed, command.attemptNo()));
    }

    @CommandHandler
    public void handle(RecognizeFullMember command, OrganisationRegistry registry, AuthorityResolver authority,
                       WorkingDayCalendar calendar, RecruitmentPolicy policy, MembershipLedger ledger) {
        onlyAProbationaryMemberIsRecognised();
        recognitionFollowsThePassedVotes(registry);
        decisionIsSignedByTheCompetentAuthority(Invariant.I9, command.decision(), authority);
        boolean late = decidedAfterTheDeadline(probation.resolutionDate(), command.decision().docDate(),
                policy.recognitionDecisionDeadlineWorkingDays(), command.extensionReason(), calendar, policy);
        apply(new FullMembershipRecognized(memberId, branchId, command.decision().docDate(), probation.end(),
                command.decision().issuingOrgId(), late));
        ledger.enrol(branchId, memberId, MemberStatus.FULL, probation.end());
    }

    @CommandHandler
    public void handle(StrikeOffProbationaryMember command, OrganisationRegistry registry, AuthorityResolver authority,
                       VotePolicy votes, MembershipLedger ledger) {
        onlyAProbationaryMemberIsStruckOffTheProbationaryList();
        statedFullMembersMatchTheBranchRoll(Invariant.I11, command.branchFullMembersOnRoll(), command.decision().docDate(),
                registry);
        strikeOffNeedsTwoThirdsOfTheBranchUnlessDeadlocked(command, votes);
        strikeOffFromASubordinateBranchNeedsTwoThirdsOfTheGrassrootsCommittee(command, registry, votes);
        strikeOffNeedsMoreThanHalfOfTheStandingCommittee(command, votes);
        decisionIsSignedByTheCompetentAuthority(Invariant.I11, command.decision(), authority);
        apply(new ProbationaryMemberStruckOff(memberId, branchId, command.decision().docDate(),
                command.decision().issuingOrgId(), command.reason()));
        ledger.release(branchId, memberId, command.decision().docDate());
    }

    /** What other members' rules may know of this one (e.g. whether it may introduce a candidate). */
    MemberStanding standing() {
        return new MemberStanding(memberId, status, fullSince);
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

    private void candidateIsNotAlreadyAMemberOrInTheRecruitmentPipeline() {
        if (status != null && (status.isOnRoll() || status == MemberStatus.CANDIDATE && !file.closed())) {
            throw new RuleViolation(Invariant.I3, "candidateIsNotAlreadyAMemberOrInTheRecruitmentPipeline",
                    "Member record " + memberId + " is " + status
                            + (status.isOnRoll() ? " on a roll" : " with an open candidate file")
                            + ", so the person cannot be registered as a candidate again.");
        }
    }

    private void readmissionHappensOnlyOnceInALifetime() {
        if (admissions >= 2) {
            throw new RuleViolation(Invariant.I3, "readmissionHappensOnlyOnceInALifetime",
                    "Member record " + memberId + " was admitted " + admissions
                            + " times already; a person is re-admitted at most once (QĐ 294 §3.5).");
        }
    }

    private void candidateFileIsOpen() {
        if (status != MemberStatus.CANDIDATE || file.closed() || admission != null) {
            throw new RuleViolation(Invariant.PIPELINE_ORDER, "candidateFileIsOpen",
                    "Recruitment steps are recorded only on an open candidate file awaiting its decision; record "
                            + memberId + " is " + status + (file != null && file.closed() ? " with a closed file." : "."));
        }
    }

    private void recruitmentStepsFollowTheApplication() {
        candidateFileIsOpen();
        if (file.application() == null) {
            throw new RuleViolation(Invariant.PIPELINE_ORDER, "recruitmentStepsFollowTheApplication",
                    "Introducers, verification, comments and votes come after the candidate's application, which "
                            + "has not been submitted yet.");
        }
    }

    private void anApplicationIsSubmittedOncePerCandidacy() {
        if (file.application() != null) {
            throw new RuleViolation(Invariant.PIPELINE_ORDER, "anApplicationIsSubmittedOncePerCandidacy",
                    "The candidate already applied on " + file.application().applicationDate() + ".");
        }
    }

    private void applicationDeclaresAReadmissionExactlyForAFormerMember(SubmitApplication command) {
        boolean formerMember = admissions > 0;
        if (command.readmission() != formerMember) {
            throw new RuleViolation(Invariant.I3, "applicationDeclaresAReadmissionExactlyForAFormerMember",
                    "An application is a re-admission exactly when the person was a member before; record " + memberId
                            + (formerMember ? " was admitted before." : " was never admitted."));
        }
    }

    private void introducersFollowTheRequiredComposition(IntroducerType type) {
        if (!file.admitsAnother(type)) {
            throw new RuleViolation(Invariant.I4, "introducersFollowTheRequiredComposition",
                    "Another " + type + " introducer does not fit this file, which needs "
                            + file.requiredIntroducers() + ".");
        }
    }

    private static void introducerIsAFullMemberOnTheDate(String introducerId, LocalDate date, MemberRegistry members) {
        if (introducerId == null) {
            throw new RuleViolation(Invariant.I4, "introducerIsAFullMemberOnTheDate",
                    "A full-member introducer must be named by their member id.");
        }
        mustBeAFullMemberOn(Invariant.I4, "introducerIsAFullMemberOnTheDate", "introducer", introducerId, date, members);
    }

    /**
     * A member on record in this ledger must be FULL on the date. A member not yet on record (kept on paper until
     * existing members are migrated) cannot be checked here and is accepted (ADR 0008).
     */
    private static void mustBeAFullMemberOn(Invariant code, String rule, String role, String otherMemberId,
                                            LocalDate date, MemberRegistry members) {
        members.find(otherMemberId)
                .filter(standing -> !standing.fullOn(date))
                .ifPresent(standing -> {
                    throw new RuleViolation(code, rule, "The " + role + " " + otherMemberId
                            + " is not a full member on " + date + " (now " + standing.status()
                            + "); only a full member may be a " + role + ".");
                });
    }

    private static void introducerHasKnownTheCandidateForTwelveMonths(AssignIntroducer command,
                                                                       RecruitmentPolicy policy) {
        LocalDate latest = command.assignedOn().minusMonths(policy.introducerMinAcquaintanceMonths());
        if (command.knownSince() == null || command.knownSince().isAfter(latest)) {
            throw new RuleViolation(Invariant.I4, "introducerHasKnownTheCandidateForTwelveMonths",
                    "An introducer must have worked, studied or lived with the candidate for at least "
                            + policy.introducerMinAcquaintanceMonths() + " months, that is since " + latest
                            + " or earlier; stated: " + command.knownSince() + ".");
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

    /**
     * The 2/3 denominator is every full member on the branch's roll on the day of the vote, as the branch's own roll
     * counts them: a vote keyed in late is counted against the roll of its day, not of the day it is keyed.
     */
    private void statedFullMembersMatchTheBranchRoll(Invariant code, int stated, LocalDate votedOn,
                                                     OrganisationRegistry registry) {
        int onRoll = registry.find(branchId).map(org -> org.fullMembersOnRollOn(votedOn)).orElse(0);
        if (stated != onRoll) {
            throw new RuleViolation(code, "statedFullMembersMatchTheBranchRoll",
                    "The vote states " + stated + " full members, but branch " + branchId + " had " + onRoll
                            + " full members on its roll on " + votedOn + ", and two thirds of them are needed.");
        }
    }

    private static void votesCannotExceedTheElectorate(Invariant code, int electorate, int votesCast) {
        if (votesCast > electorate) {
            throw new RuleViolation(code, "votesCannotExceedTheElectorate",
                    votesCast + " votes were counted but only " + electorate + " may vote.");
        }
    }

    private void committeeVotesOnlyForASubordinateBranchOfAGrassrootsCommittee(RecordCommitteeAdmissionVote command,
                                                                               OrganisationRegistry registry) {
        boolean committee = registry.find(command.committeeOrgId())
                .filter(org -> org.kind() == OrganisationKind.GRASSROOTS_COMMITTEE).isPresent();
        if (!branchIsSubordinate(registry) || !committee) {
            throw new RuleViolation(Invariant.I6, "committeeVotesOnlyForASubordinateBranchOfAGrassrootsCommittee",
                    "Only a grassroots committee votes on admissions, and only for a subordinate branch; "
                            + command.committeeOrgId() + " and branch " + branchId + " are not such a pair.");
        }
    }

    private void committeeVotesAfterThePassedBranchVote(RecordCommitteeAdmissionVote command) {
        if (!file.branchVotePassed() || command.voteDate().isBefore(file.branchVote().voteDate())
                || file.committeeVotePassed()) {
            throw new RuleViolation(Invariant.I6, "committeeVotesAfterThePassedBranchVote",
                    "The grassroots committee votes once, after the branch has passed the admission"
                            + (file.branchVotePassed() ? " on " + file.branchVote().voteDate() : "") + ".");
        }
    }

    private boolean branchIsSubordinate(OrganisationRegistry registry) {
        return registry.find(branchId).filter(org -> org.kind() == OrganisationKind.SUBORDINATE_BRANCH).isPresent();
    }

    private void admissionIsDecidedOnlyForACandidate() {
        if (status != MemberStatus.CANDIDATE || admission != null || file.closed()) {
            throw new RuleViolation(Invariant.I7, "admissionIsDecidedOnlyForACandidate",
                    "An admission can be decided only once, for a candidate with an open file; this record is "
                            + status + (admission != null ? " with an admission already approved." : "."));
        }
    }

    private void admissionDecisionCannotPrecedeCandidacy(DecideAdmission command) {
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
        boolean passed = file.branchVotePassed() && (!committeeVoteNeeded || file.committeeVotePassed());
        if (!passed || decision.docDate().isBefore(file.lastVoteDate())) {
            throw new RuleViolation(Invariant.I7, "admissionFollowsThePassedVotes",
                    "An admission is decided after the branch" + (committeeVoteNeeded ? " and the grassroots committee"
                            : "") + " passed it by two thirds, and not before those votes.");
        }
    }

    private void readmissionNeedsTheProvincesConsent() {
        if (file.application().readmission() && !file.consented(ConsentKind.READMISSION)) {
            throw new RuleViolation(Invariant.I7, "readmissionNeedsTheProvincesConsent",
                    "A re-admission is decided only after the provincial standing committee consented in writing.");
        }
    }

    private void decisionIsSignedByTheCompetentAuthority(Invariant code, DecisionRef decision,
                                                         AuthorityResolver authority) {
        String competent = authority.admissionAuthority(branchId, decision.docDate()).orElse(null);
        if (!decision.issuingOrgId().equals(competent)) {
            throw new RuleViolation(code, "decisionIsSignedByTheCompetentAuthority",
                    "On " + decision.docDate() + " the competent committee for branch " + branchId + " is "
                            + (competent == null ? "not known" : competent) + ", not " + decision.issuingOrgId() + ".");
        }
    }

    /** Decisions past their deadline are recorded, as on paper, and flagged for the committee's accountability. */
    private static boolean decidedAfterTheDeadline(LocalDate resolution, LocalDate decided, int deadlineWorkingDays,
                                                   String extensionReason, WorkingDayCalendar calendar,
                                                   RecruitmentPolicy policy) {
        boolean extended = extensionReason != null && !extensionReason.isBlank();
        int allowed = deadlineWorkingDays + (extended ? policy.decisionExtensionWorkingDays() : 0);
        return decided.isAfter(calendar.plusWorkingDays(resolution, allowed));
    }

    private void onlyAFileThatWentStaleBeforeTheBranchVoteExpires(ExpireApplication command,
                                                                  RecruitmentPolicy policy) {
        LocalDate staleAfter = file.application().applicationDate().plusMonths(policy.fileStaleMonths());
        if (file.branchVotePassed() || !command.expiredOn().isAfter(staleAfter)) {
            throw new RuleViolation(Invariant.FILE_STALE, "onlyAFileThatWentStaleBeforeTheBranchVoteExpires",
                    "A file expires only when " + policy.fileStaleMonths() + " months pass after " + staleAfter
                            .minusMonths(policy.fileStaleMonths()) + " without a passed branch vote, that is after "
                            + staleAfter + ".");
        }
    }

    private void ceremonyRequiresAnApprovedAdmission() {
        if (status != MemberStatus.CANDIDATE || admission == null) {
            throw new RuleViolation(Invariant.I8, "ceremonyRequiresAnApprovedAdmission",
                    "An admission ceremony needs an approved admission decision for a candidate; this record is "
                            + status + (admission == null ? " without an approved admission." : "."));
        }
    }

    private void ceremonyCannotPrecedeTheAdmissionDecision(AdmitMember command) {
        if (command.ceremonyDate().isBefore(admission.decisionDate())) {
            throw new RuleViolation(Invariant.I8, "ceremonyCannotPrecedeTheAdmissionDecision",
                    "The ceremony on " + command.ceremonyDate() + " cannot precede the admission decision of "
                            + admission.decisionDate() + ".");
        }
    }

    /** Returns true when the ceremony is late but the superior committee consented. */
    private boolean ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision(AdmitMember command, WorkingDayCalendar calendar,
                                                                 AdmissionPolicy policy) {
        LocalDate deadline = calendar.plusWorkingDays(admission.receivedByBranchOn(),
                policy.ceremonyDeadlineWorkingDays());
        if (!command.ceremonyDate().isAfter(deadline)) {
            return false;
        }
        if (command.superiorConsent() == null) {
            throw new RuleViolation(Invariant.I8, "ceremonyWithinThirtyWorkingDaysOfReceivingTheDecision",
                    "The ceremony must be held within " + policy.ceremonyDeadlineWorkingDays()
                            + " working days of receiving the decision (by " + deadline
                            + "); a later ceremony needs the direct superior committee's consent.");
        }
        return true;
    }

    private void aMentorHelpsOnlyAProbationaryMember() {
        onlyAProbationaryMember(Invariant.PROBATION, "aMentorHelpsOnlyAProbationaryMember");
    }

    private static void theMentorIsAFullMemberOnTheDate(AssignProbationMentor command, MemberRegistry members) {
        mustBeAFullMemberOn(Invariant.PROBATION, "theMentorIsAFullMemberOnTheDate", "mentor", command.mentorMemberId(),
                command.assignedOn(), members);
    }

    private void recognitionIsVotedOnlyForAProbationaryMember() {
        onlyAProbationaryMember(Invariant.I10, "recognitionIsVotedOnlyForAProbationaryMember");
    }

    private void onlyAProbationaryMemberIsRecognised() {
        onlyAProbationaryMember(Invariant.I9, "onlyAProbationaryMemberIsRecognised");
    }

    private void onlyAProbationaryMemberIsStruckOffTheProbationaryList() {
        onlyAProbationaryMember(Invariant.I11, "onlyAProbationaryMemberIsStruckOffTheProbationaryList");
    }

    private void onlyAProbationaryMember(Invariant code, String rule) {
        if (status != MemberStatus.PROBATIONARY) {
            throw new RuleViolation(code, rule, "This applies only to a probationary member; record " + memberId
                    + " is " + status + ".");
        }
    }

    private void recognitionIsConsideredOnceProbationEnds(RecordRecognitionVote command) {
        if (command.voteDate().isBefore(probation.end())) {
            throw new RuleViolation(Invariant.I10, "recognitionIsConsideredOnceProbationEnds",
                    "Recognition is voted on once the 12 months of probation end on " + probation.end()
                            + ", not on " + command.voteDate() + ".");
        }
    }

    private void theBranchVotesAtMostThreeTimesInTurn(RecordRecognitionVote command) {
        int next = probation.branchAttempts() + 1;
        if (probation.branchPassed() || next > Probation.MAX_BRANCH_ATTEMPTS || command.attemptNo() != next) {
            throw new RuleViolation(Invariant.I10, "theBranchVotesAtMostThreeTimesInTurn",
                    "The branch votes on recognition at most " + Probation.MAX_BRANCH_ATTEMPTS
                            + " times until one passes; after three failed votes the competent committee decides. "
                            + "This would be attempt " + command.attemptNo() + " after " + probation.branchAttempts()
                            + (probation.branchPassed() ? " with a passed vote." : "."));
        }
    }

    /** As for the admission (I6), the committee that votes is a grassroots committee, named on the vote. */
    private static void aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee(
            RecordRecognitionVote command, OrganisationRegistry registry) {
        boolean namesAGrassrootsCommittee = command.committeeOrgId() != null && registry.find(command.committeeOrgId())
                .filter(org -> org.kind() == OrganisationKind.GRASSROOTS_COMMITTEE).isPresent();
        boolean committeeVote = command.level() == VoteLevel.COMMITTEE;
        if (committeeVote ? !namesAGrassrootsCommittee : command.committeeOrgId() != null) {
            throw new RuleViolation(Invariant.I10, "aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee",
                    committeeVote
                            ? "A committee's recognition vote names the grassroots committee that voted; "
                                    + command.committeeOrgId() + " is not a grassroots committee."
                            : "A branch's recognition vote is the branch's own and names no committee, but it named "
                                    + command.committeeOrgId() + ".");
        }
    }

    private void theCommitteeVotesAfterAPassedBranchVoteOrADeadlock(RecordRecognitionVote command,
                                                                     OrganisationRegistry registry) {
        boolean afterBranch = probation.branchPassed() && branchIsSubordinate(registry);
        if (probation.committeePassed() || !(afterBranch || probation.deadlocked())
                || command.voteDate().isBefore(probation.lastBranchVoteDate())) {
            throw new RuleViolation(Invariant.I10, "theCommitteeVotesAfterAPassedBranchVoteOrADeadlock",
                    "The grassroots committee votes on a recognition once, and not before the branch's vote: after a "
                            + "subordinate branch passed it, or as escalation after three failed branch votes.");
        }
    }

    /**
     * QĐ 24 §4.2.1: the branch considers recognition within the set working days after probation ends. A later first
     * vote is recorded all the same and flagged, as late decisions are (I7, I9).
     */
    private void flagAReviewAfterTheDeadline(LocalDate reviewedOn, WorkingDayCalendar calendar,
                                             RecruitmentPolicy policy) {
        LocalDate deadline = calendar.plusWorkingDays(probation.end(), policy.recognitionReviewDeadlineWorkingDays());
        if (reviewedOn.isAfter(deadline)) {
            apply(new RecognitionReviewedLate(memberId, branchId, probation.end(), deadline, reviewedOn));
        }
    }

    private void recognitionFollowsThePassedVotes(OrganisationRegistry registry) {
        boolean byBranch = probation.branchPassed() && (!branchIsSubordinate(registry) || probation.committeePassed());
        boolean byEscalation = probation.deadlocked() && probation.committeePassed();
        if (!byBranch && !byEscalation) {
            throw new RuleViolation(Invariant.I9, "recognitionFollowsThePassedVotes",
                    "A member is recognised after the branch (and the grassroots committee above a subordinate branch) "
                            + "passed it by two thirds, or after escalation of three failed branch votes.");
        }
    }

    /**
     * The branch proposes striking off by two thirds of its full members; after three branch votes without two thirds
     * either way the matter went up (QĐ 24 §4.2.3) and the competent committee decides without the branch's majority.
     */
    private void strikeOffNeedsTwoThirdsOfTheBranchUnlessDeadlocked(StrikeOffProbationaryMember command,
                                                                     VotePolicy votes) {
        int needed = votes.admissionPassMark(command.branchFullMembersOnRoll());
        if (!probation.deadlocked() && command.branchInFavour() < needed) {
            throw new RuleViolation(Invariant.I11, "strikeOffNeedsTwoThirdsOfTheBranchUnlessDeadlocked",
                    "Striking off the probationary list needs " + needed + " (" + votes.admission() + ") of the "
                            + "branch's " + command.branchFullMembersOnRoll() + " full members unless three branch "
                            + "votes deadlocked; stated " + command.branchInFavour() + ".");
        }
    }

    /** Above a subordinate branch the grassroots committee votes too (docs/rules.md#s6), unless the branch deadlocked. */
    private void strikeOffFromASubordinateBranchNeedsTwoThirdsOfTheGrassrootsCommittee(
            StrikeOffProbationaryMember command, OrganisationRegistry registry, VotePolicy votes) {
        if (probation.deadlocked() || !branchIsSubordinate(registry)) {
            return;
        }
        int needed = votes.admissionPassMark(command.grassrootsCommitteeMembers());
        if (command.grassrootsCommitteeMembers() < 1 || command.grassrootsCommitteeInFavour() < needed
                || command.grassrootsCommitteeInFavour() > command.grassrootsCommitteeMembers()) {
            throw new RuleViolation(Invariant.I11, "strikeOffFromASubordinateBranchNeedsTwoThirdsOfTheGrassrootsCommittee",
                    "Branch " + branchId + " is a subordinate branch, so striking off its probationary list also "
                            + "needs " + votes.admission() + " of the grassroots committee's members in office; "
                            + "stated " + command.grassrootsCommitteeInFavour() + " of "
                            + command.grassrootsCommitteeMembers() + ".");
        }
    }

    private static void strikeOffNeedsMoreThanHalfOfTheStandingCommittee(StrikeOffProbationaryMember command,
                                                                        VotePolicy votes) {
        int needed = votes.majorityPassMark(command.standingCommitteeMembers());
        if (command.standingCommitteeInFavour() < needed
                || command.standingCommitteeInFavour() > command.standingCommitteeMembers()) {
            throw new RuleViolation(Invariant.I11, "strikeOffNeedsMoreThanHalfOfTheStandingCommittee",
                    "Striking off the probationary list is decided by " + needed + " (more than "
                            + votes.majority() + ") of the " + command.standingCommitteeMembers()
                            + " standing-committee members; stated " + command.standingCommitteeInFavour() + ".");
        }
    }

    @EventSourcingHandler
    void on(OutstandingCandidateRegistered event) {
        memberId = event.memberId();
        status = MemberStatus.CANDIDATE;
        personId = event.personId();
        branchId = event.branchId();
        registeredOn = event.registeredOn();
        file = new CandidateFile();
        admission = null;
        probation = null;
        fullSince = null;
    }

    @EventSourcingHandler
    void on(AwarenessCourseCompleted event) {
        file.on(event);
    }

    @EventSourcingHandler
    void on(ApplicationSubmitted event) {
        file.on(event);
    }

    @EventSourcingHandler
    void on(IntroducerAssigned event) {
        file.addIntroducer(new CandidateFile.Introducer(event.introducerType(), event.introducerMemberId()));
    }

    @EventSourcingHandler
    void on(IntroducerReplaced event) {
        file.replaceIntroducer(event.oldIntroducerId(), event.newIntroducerId());
    }

    @EventSourcingHandler
    void on(BackgroundVerificationCompleted event) {
        file.concludeVerification(event.conclusion());
    }

    @EventSourcingHandler
    void on(CommentsSummaryRecorded event) {
        file.fileComments();
    }

    @EventSourcingHandler
    void on(ProvincialConsentRecorded event) {
        file.consent(event.kind());
    }

    @EventSourcingHandler
    void on(BranchAdmissionVoteRecorded event) {
        file.on(event);
    }

    @EventSourcingHandler
    void on(CommitteeAdmissionVoteRecorded event) {
        file.on(event);
    }

    @EventSourcingHandler
    void on(AdmissionApproved event) {
        admission = event;
    }

    @EventSourcingHandler
    void on(AdmissionRefused event) {
        file.close();
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn event) {
        file.close();
    }

    @EventSourcingHandler
    void on(ApplicationFileExpired event) {
        file.close();
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        status = MemberStatus.PROBATIONARY;
        admissions++;
        probation = new Probation(event.probationEndDate());
    }

    @EventSourcingHandler
    void on(RecognitionVoteRecorded event) {
        probation.on(event);
    }

    @EventSourcingHandler
    void on(FullMembershipRecognized event) {
        status = MemberStatus.FULL;
        fullSince = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(ProbationaryMemberStruckOff event) {
        status = MemberStatus.STRUCK_OFF;
    }

    // Collective transfer: a merge or split moves the member's home (I2).

    /**
     * Moves the member's home to {@code toOrgId} as part of an organisation's merge or split: no letter, no deadline,
     * no gap in party age. Called by the restructuring in the same unit of work as the organisations' events.
     */
    void transferCollectively(String fromOrgId, String toOrgId, LocalDate effectiveDate) {
        collectiveTransferMovesAMemberFromTheirCurrentHome(fromOrgId);
        apply(new MemberCollectivelyTransferred(memberId, fromOrgId, toOrgId, effectiveDate));
    }

    private void collectiveTransferMovesAMemberFromTheirCurrentHome(String fromOrgId) {
        if (status == null || !status.isOnRoll() || !fromOrgId.equals(branchId)) {
            throw new RuleViolation(Invariant.I2, "collectiveTransferMovesAMemberFromTheirCurrentHome",
                    "Only a probationary or full member whose home is " + fromOrgId
                            + " is moved by its merge or split; member " + memberId + " is " + status
                            + " with home " + branchId + ".");
        }
    }

    @EventSourcingHandler
    void on(MemberCollectivelyTransferred event) {
        branchId = event.toOrgId();
    }

    // Transfers and exemptions: their entities and what they read of the member.

    @AggregateMember
    final MemberExemptions exemptions = new MemberExemptions(this);

    @AggregateMember
    final MemberTransfers transfers = new MemberTransfers(this);

    @AggregateMember
    final MemberPartyAge partyAge = new MemberPartyAge();

    @AggregateMember
    final MemberBadges badges = new MemberBadges(this, partyAge);

    @AggregateMember
    final MemberPartyCard partyCard = new MemberPartyCard(this);

    @AggregateMember
    final MemberContact contact = new MemberContact(this, partyAge);

    String memberId() {
        return memberId;
    }

    MemberStatus status() {
        return status;
    }

    String homeOrgId() {
        return branchId;
    }

    @EventSourcingHandler
    void on(MemberHomeChanged event) {
        branchId = event.toOrgId();
    }

    // Leaving, discipline and death (ADR 0013): their entities, the status their events set, and the I29 guard.

    @AggregateMember
    final MemberDiscipline discipline = new MemberDiscipline(this);

    @AggregateMember
    final MemberLeaving leaving = new MemberLeaving(this);

    /** The latest exit, which re-admission reads (I3, I25; ADR 0014). */
    @AggregateMember
    final MemberReadmission readmission = new MemberReadmission();

    /**
     * Intercepts every command to this record, the entities' included, so no handler needs its own check; only what
     * {@link #stillTakenAfterDeath} names gets through.
     */
    @CommandHandlerInterceptor
    void aDeceasedMemberTakesNoFurtherCommands(CommandMessage<?> command) {
        if (status == MemberStatus.DECEASED && !stillTakenAfterDeath(command.getPayload())) {
            throw new RuleViolation(Invariant.I29, "aDeceasedMemberTakesNoFurtherCommands",
                    "Member " + memberId + " has died; the record takes no further member commands ("
                            + command.getPayloadType().getSimpleName() + ") except a posthumous badge award or a correction of the record.");
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

    /** The status the member died in (FULL or PROBATIONARY), or null while alive. */
    MemberStatus statusAtDeath() {
        return statusAtDeath;
    }

    /** The date of death as recorded (or corrected, I30), or null while alive. */
    LocalDate dateOfDeath() {
        return dateOfDeath;
    }

    @EventSourcingHandler
    void on(MemberStruckOff event) {
        status = event.ground() == StrikeOffGround.VOLUNTARY_EXIT ? MemberStatus.LEFT_VOLUNTARILY
                : MemberStatus.STRUCK_OFF;
    }

    @EventSourcingHandler
    void on(DisciplineImposed event) {
        if (event.form() == DisciplineForm.EXPULSION) {
            status = MemberStatus.EXPELLED;
        }
    }

    @EventSourcingHandler
    void on(MembershipRestored event) {
        status = event.restoredStatus();
    }

    @EventSourcingHandler
    void on(MemberDeceased event) {
        statusAtDeath = status;
        dateOfDeath = event.dateOfDeath();
        status = MemberStatus.DECEASED;
    }

    // Corrections of the record (I30, ADR 0016): their entity, and what an annulment or a corrected date changes here.

    @AggregateMember
    final MemberCorrections corrections = new MemberCorrections(this);

    /** An annulled death or strike-off never happened: the status is what it was before. */
    @EventSourcingHandler
    void on(EntryAnnulled event) {
        if (event.restoredStatus() != null) {
            status = event.restoredStatus();
        }
    }

    /**
     * The ceremony's deadline and order are checked against the corrected decision date from now on; a posthumous badge
     * counts to the corrected date of death.
     */
    @EventSourcingHandler
    void on(EntryDateCorrected event) {
        if (event.correctedEventType() == EntryType.ADMISSION_APPROVED) {
            admission = new AdmissionApproved(memberId, event.correctedDate(), admission.decidedByOrgId(),
                    admission.receivedByBranchOn(), admission.lateDecision());
        } else if (event.correctedEventType() == EntryType.MEMBER_DECEASED) {
            dateOfDeath = event.correctedDate();
        }
    }
}
