package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.AssignIntroducer;
import vn.partyledger.domain.member.AssignProbationMentor;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.ConsentKind;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.ExpireApplication;
import vn.partyledger.domain.member.IntroducerReplacementReason;
import vn.partyledger.domain.member.IntroducerType;
import vn.partyledger.domain.member.RecognizeFullMember;
import vn.partyledger.domain.member.RecordAwarenessCourse;
import vn.partyledger.domain.member.RecordBackgroundVerification;
import vn.partyledger.domain.member.RecordBranchAdmissionVote;
import vn.partyledger.domain.member.RecordCommentsSummary;
import vn.partyledger.domain.member.RecordCommitteeAdmissionVote;
import vn.partyledger.domain.member.RecordProvincialConsent;
import vn.partyledger.domain.member.ReadmissionGrounds;
import vn.partyledger.domain.member.RecordRecognitionVote;
import vn.partyledger.domain.member.RefuseAdmission;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.member.ReplaceIntroducer;
import vn.partyledger.domain.member.StrikeOffProbationaryMember;
import vn.partyledger.domain.member.SubmitApplication;
import vn.partyledger.domain.member.VerificationConclusion;
import vn.partyledger.domain.member.VerificationSubject;
import vn.partyledger.domain.member.VoteLevel;
import vn.partyledger.domain.member.WithdrawApplication;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.infra.axon.CommandOutcome;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "Decisions about a member, from candidacy on")
public class MemberCommands {

    /** How a vote's stated electorate is documented: optional, as the ledger knows it (ADR 0029). */
    static final String OPTIONAL_COUNT = "Optional: the count the minutes state. The ledger takes the electorate from "
            + "the branch's roll or the committee's recorded election on the vote date, and refuses a stated count "
            + "that differs.";

    private final CommandEndpoint endpoint;

    public MemberCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping("/{memberId}/register-candidate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a person from the person register as an outstanding candidate in a branch; again "
            + "after a closed file or an exit, on the person's own record (I3)")
    public ResponseEntity<CommandOutcome> registerCandidate(@PathVariable @RecordId String memberId,
            @Valid @RequestBody RegisterCandidate body, RequestContext context, HttpServletRequest http) {
        return endpoint.create(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/record-awareness-course")
    @Operation(summary = "Record the candidate's awareness-course certificate (valid on the vote date: I5)")
    public ResponseEntity<CommandOutcome> recordAwarenessCourse(@PathVariable @RecordId String memberId,
            @Valid @RequestBody AwarenessCourse body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/submit-application")
    @Operation(summary = "File the candidate's application; its date starts the file's freshness (I3, I5); a "
            + "re-admission states what its earlier exit requires (I25)")
    public ResponseEntity<CommandOutcome> submitApplication(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Application body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/assign-introducer")
    @Operation(summary = "Assign an introducer: a full member known for 12 months, or a committee's resolution (I4)")
    public ResponseEntity<CommandOutcome> assignIntroducer(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Introducer body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/replace-introducer")
    @Operation(summary = "Replace an introducer who cannot continue by another full member (I4)")
    public ResponseEntity<CommandOutcome> replaceIntroducer(@PathVariable @RecordId String memberId,
            @Valid @RequestBody IntroducerReplacement body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/record-background-verification")
    @Operation(summary = "Record the background verification's conclusion (non-blocking before the vote: I5)")
    public ResponseEntity<CommandOutcome> recordBackgroundVerification(@PathVariable @RecordId String memberId,
            @Valid @RequestBody BackgroundVerification body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/record-comments-summary")
    @Operation(summary = "File the summary of comments from mass organisations and the residence branch (I5)")
    public ResponseEntity<CommandOutcome> recordCommentsSummary(@PathVariable @RecordId String memberId,
            @Valid @RequestBody CommentsSummary body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/record-provincial-consent")
    @Operation(summary = "Record the province's written consent: re-admission (I7), over the age limit or education (I5)")
    public ResponseEntity<CommandOutcome> recordProvincialConsent(@PathVariable @RecordId String memberId,
            @Valid @RequestBody ProvincialConsent body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/record-branch-admission-vote")
    @Operation(summary = "Record the branch's admission vote: eligibility (age and education from the person register on "
            + "the vote date) and two thirds of all full members (I5)")
    public ResponseEntity<CommandOutcome> recordBranchAdmissionVote(@PathVariable @RecordId String memberId,
            @Valid @RequestBody BranchAdmissionVote body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/record-committee-admission-vote")
    @Operation(summary = "Record the grassroots committee's vote above a subordinate branch (I6)")
    public ResponseEntity<CommandOutcome> recordCommitteeAdmissionVote(@PathVariable @RecordId String memberId,
            @Valid @RequestBody CommitteeAdmissionVote body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/decide-admission")
    @Operation(summary = "Record the competent committee's admission decision after the passed votes (I7); a "
            + "re-admission 36 months after the exit, 60 after a less-serious conviction was expunged (I25)")
    public ResponseEntity<CommandOutcome> decideAdmission(@PathVariable @RecordId String memberId,
            @Valid @RequestBody DecideAdmissionBody body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/refuse-admission")
    @Operation(summary = "Record the competent committee's refusal to admit; the file closes (I7)")
    public ResponseEntity<CommandOutcome> refuseAdmission(@PathVariable @RecordId String memberId,
            @Valid @RequestBody RefuseAdmissionBody body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/withdraw-application")
    @Operation(summary = "The candidate withdraws; the file closes")
    public ResponseEntity<CommandOutcome> withdrawApplication(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Withdrawal body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/expire-application")
    @Operation(summary = "Close a file that went stale before the branch passed it (FILE_STALE_MONTHS)")
    public ResponseEntity<CommandOutcome> expireApplication(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Expiry body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/admit")
    @Operation(summary = "Record the admission ceremony: the candidate becomes a probationary member (I8)")
    public ResponseEntity<CommandOutcome> admit(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Admit body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/assign-probation-mentor")
    @Operation(summary = "Assign a full member to help the probationary member")
    public ResponseEntity<CommandOutcome> assignProbationMentor(@PathVariable @RecordId String memberId,
            @Valid @RequestBody ProbationMentor body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/record-recognition-vote")
    @Operation(summary = "Record a recognition vote (I10: at most three at the branch, then escalation to the committee; "
            + "the committee votes after the branch; a first branch vote past 30 working days after probation is "
            + "recorded and flagged RecognitionReviewedLate; passes by the configured two thirds; a COMMITTEE vote "
            + "names its grassroots committee in committeeOrgId, a BRANCH vote none)")
    public ResponseEntity<CommandOutcome> recordRecognitionVote(@PathVariable @RecordId String memberId,
            @Valid @RequestBody RecognitionVote body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/recognize-full-member")
    @Operation(summary = "Recognise a full member, effective at the end of probation even when decided late (I9)")
    public ResponseEntity<CommandOutcome> recognizeFullMember(@PathVariable @RecordId String memberId,
            @Valid @RequestBody Recognition body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    @PostMapping("/{memberId}/strike-off-probationary-member")
    @Operation(summary = "Strike an unqualified member off the probationary list (I11: two thirds of the branch's full "
            + "members and, above a subordinate branch, of the grassroots committee, unless three branch votes "
            + "deadlocked; more than half of the deciding standing committee)")
    public ResponseEntity<CommandOutcome> strikeOffProbationaryMember(@PathVariable @RecordId String memberId,
            @Valid @RequestBody ProbationaryStrikeOff body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, memberId, body, context);
    }

    public record RegisterCandidate(@NotNull @RecordId String personId,
                                    @NotNull @RecordId String branchId,
                                    @NotNull CandidateSource source,
                                    @RecordId String mentorMemberId,
                                    @NotNull @PastOrPresent LocalDate registeredOn)
            implements CommandBody<RegisterOutstandingCandidate> {

        @Override
        public RegisterOutstandingCandidate toCommand(String memberId) {
            return new RegisterOutstandingCandidate(memberId, personId, branchId, source, mentorMemberId,
                    registeredOn);
        }

        @Override
        public LocalDate businessDate() {
            return registeredOn;
        }
    }

    public record AwarenessCourse(@NotBlank @Size(max = 64) String certificateNo,
                                  @NotNull @RecordId String issuerOrgId,
                                  @NotNull @PastOrPresent LocalDate issueDate)
            implements CommandBody<RecordAwarenessCourse> {

        @Override
        public RecordAwarenessCourse toCommand(String memberId) {
            return new RecordAwarenessCourse(memberId, certificateNo, issuerOrgId, issueDate);
        }

        @Override
        public LocalDate businessDate() {
            return issueDate;
        }
    }

    public record Application(@NotNull @PastOrPresent LocalDate applicationDate,
                              boolean readmission,
                              @NotBlank @Size(max = 64) String biographyDocRef,
                              boolean youthUnionAge,
                              boolean unitHasYouthUnion,
                              @Valid ReadmissionFacts readmissionGrounds)
            implements CommandBody<SubmitApplication> {

        @Override
        public SubmitApplication toCommand(String memberId) {
            return new SubmitApplication(memberId, applicationDate, readmission, biographyDocRef, youthUnionAge,
                    unitHasYouthUnion, readmissionGrounds == null ? null : readmissionGrounds.toGrounds());
        }

        @Override
        public LocalDate businessDate() {
            return applicationDate;
        }
    }

    /** The earlier exit's circumstances a re-admission states (I25); each is needed only for some exits. */
    public record ReadmissionFacts(ViolationCategory exitCategoryOnFile,
                                   @Size(max = 64) String exitFileRef,
                                   @PastOrPresent LocalDate convictionExpungedOn,
                                   @Size(max = 64) String familyHardshipRef) {

        ReadmissionGrounds toGrounds() {
            return new ReadmissionGrounds(exitCategoryOnFile, exitFileRef, convictionExpungedOn, familyHardshipRef);
        }
    }

    public record Introducer(@NotNull IntroducerType introducerType,
                             @RecordId String introducerMemberId,
                             @Size(max = 64) String resolutionRef,
                             @PastOrPresent LocalDate knownSince,
                             @NotNull @PastOrPresent LocalDate assignedOn)
            implements CommandBody<AssignIntroducer> {

        @Override
        public AssignIntroducer toCommand(String memberId) {
            return new AssignIntroducer(memberId, introducerType, introducerMemberId, resolutionRef, knownSince,
                    assignedOn);
        }

        @Override
        public LocalDate businessDate() {
            return assignedOn;
        }
    }

    public record IntroducerReplacement(
            @NotNull @RecordId String oldIntroducerId,
            @NotNull @RecordId String newIntroducerId,
            @NotNull IntroducerReplacementReason reason,
            @NotNull @PastOrPresent LocalDate replacedOn)
            implements CommandBody<ReplaceIntroducer> {

        @Override
        public ReplaceIntroducer toCommand(String memberId) {
            return new ReplaceIntroducer(memberId, oldIntroducerId, newIntroducerId, reason, replacedOn);
        }

        @Override
        public LocalDate businessDate() {
            return replacedOn;
        }
    }

    public record BackgroundVerification(@NotEmpty List<@NotNull VerificationSubject> subjects,
                                         @NotNull VerificationConclusion conclusion,
                                         @NotNull @RecordId
                                         String verifyingOrgId,
                                         @NotNull @PastOrPresent LocalDate concludedOn)
            implements CommandBody<RecordBackgroundVerification> {

        @Override
        public RecordBackgroundVerification toCommand(String memberId) {
            return new RecordBackgroundVerification(memberId, subjects, conclusion, verifyingOrgId,
                    concludedOn);
        }

        @Override
        public LocalDate businessDate() {
            return concludedOn;
        }
    }

    public record CommentsSummary(@NotBlank @Size(max = 64) String docRef,
                                  @NotNull @PastOrPresent LocalDate filedOn)
            implements CommandBody<RecordCommentsSummary> {

        @Override
        public RecordCommentsSummary toCommand(String memberId) {
            return new RecordCommentsSummary(memberId, docRef, filedOn);
        }

        @Override
        public LocalDate businessDate() {
            return filedOn;
        }
    }

    public record ProvincialConsent(@NotNull ConsentKind kind,
                                    @NotNull @Valid DecisionDocument decision)
            implements CommandBody.Signed<RecordProvincialConsent> {

        @Override
        public RecordProvincialConsent toCommand(String memberId) {
            return new RecordProvincialConsent(memberId, kind, decision.toDecisionRef());
        }
    }

    public record BranchAdmissionVote(@NotNull @RecordId String meetingId,
                                      @NotNull @PastOrPresent LocalDate voteDate,
                                      @Min(1) @Schema(description = OPTIONAL_COUNT) Integer fullMembersOnRoll,
                                      @Min(0) int inFavour,
                                      @Min(0) int against)
            implements CommandBody<RecordBranchAdmissionVote> {

        @Override
        public RecordBranchAdmissionVote toCommand(String memberId) {
            return new RecordBranchAdmissionVote(memberId, meetingId, voteDate, fullMembersOnRoll, inFavour,
                    against);
        }

        @Override
        public LocalDate businessDate() {
            return voteDate;
        }
    }

    public record CommitteeAdmissionVote(
            @NotNull @RecordId String committeeOrgId,
            @NotNull @PastOrPresent LocalDate voteDate,
            @Min(1) @Schema(description = OPTIONAL_COUNT) Integer membersInOffice,
            @Min(0) int inFavour)
            implements CommandBody<RecordCommitteeAdmissionVote> {

        @Override
        public RecordCommitteeAdmissionVote toCommand(String memberId) {
            return new RecordCommitteeAdmissionVote(memberId, committeeOrgId, voteDate, membersInOffice,
                    inFavour);
        }

        @Override
        public LocalDate businessDate() {
            return voteDate;
        }
    }

    public record DecideAdmissionBody(@NotNull @Valid DecisionDocument decision,
                                      @NotNull @PastOrPresent LocalDate receivedByBranchOn,
                                      @Size(max = 200) String extensionReason)
            implements CommandBody.Signed<DecideAdmission> {

        @Override
        public DecideAdmission toCommand(String memberId) {
            return new DecideAdmission(memberId, decision.toDecisionRef(), receivedByBranchOn, extensionReason);
        }
    }

    public record RefuseAdmissionBody(@NotNull @Valid DecisionDocument decision,
                                      @NotBlank @Size(max = 200) String reason)
            implements CommandBody.Signed<RefuseAdmission> {

        @Override
        public RefuseAdmission toCommand(String memberId) {
            return new RefuseAdmission(memberId, decision.toDecisionRef(), reason);
        }
    }

    public record Withdrawal(@NotNull @PastOrPresent LocalDate withdrawnOn,
                             @NotBlank @Size(max = 200) String reason)
            implements CommandBody<WithdrawApplication> {

        @Override
        public WithdrawApplication toCommand(String memberId) {
            return new WithdrawApplication(memberId, withdrawnOn, reason);
        }

        @Override
        public LocalDate businessDate() {
            return withdrawnOn;
        }
    }

    public record Expiry(@NotNull @PastOrPresent LocalDate expiredOn)
            implements CommandBody<ExpireApplication> {

        @Override
        public ExpireApplication toCommand(String memberId) {
            return new ExpireApplication(memberId, expiredOn);
        }

        @Override
        public LocalDate businessDate() {
            return expiredOn;
        }
    }

    public record Admit(@NotNull @PastOrPresent LocalDate ceremonyDate,
                        @Valid DecisionDocument superiorConsent)
            implements CommandBody<AdmitMember> {

        @Override
        public AdmitMember toCommand(String memberId) {
            return new AdmitMember(memberId, ceremonyDate, decisionRef());
        }

        @Override
        public LocalDate businessDate() {
            return ceremonyDate;
        }

        @Override
        public DecisionRef decisionRef() {
            return DecisionDocument.toDecisionRef(superiorConsent);
        }
    }

    public record ProbationMentor(@NotNull @RecordId String mentorMemberId,
                                  @NotNull @PastOrPresent LocalDate assignedOn)
            implements CommandBody<AssignProbationMentor> {

        @Override
        public AssignProbationMentor toCommand(String memberId) {
            return new AssignProbationMentor(memberId, mentorMemberId, assignedOn);
        }

        @Override
        public LocalDate businessDate() {
            return assignedOn;
        }
    }

    public record RecognitionVote(@NotNull VoteLevel level,
                                  @RecordId String committeeOrgId,
                                  @NotNull @PastOrPresent LocalDate voteDate,
                                  @Min(1) @Schema(description = OPTIONAL_COUNT) Integer electorate,
                                  @Min(0) int inFavour,
                                  @Min(0) int against,
                                  @Min(1) int attemptNo)
            implements CommandBody<RecordRecognitionVote> {

        @Override
        public RecordRecognitionVote toCommand(String memberId) {
            return new RecordRecognitionVote(memberId, level, committeeOrgId, voteDate, electorate, inFavour,
                    against, attemptNo);
        }

        @Override
        public LocalDate businessDate() {
            return voteDate;
        }
    }

    public record Recognition(@NotNull @Valid DecisionDocument decision,
                              @Size(max = 200) String extensionReason)
            implements CommandBody.Signed<RecognizeFullMember> {

        @Override
        public RecognizeFullMember toCommand(String memberId) {
            return new RecognizeFullMember(memberId, decision.toDecisionRef(), extensionReason);
        }
    }

    public record ProbationaryStrikeOff(@NotNull @Valid DecisionDocument decision,
                                        @NotBlank @Size(max = 200) String reason,
                                        @Min(1) @Schema(description = OPTIONAL_COUNT) Integer branchFullMembersOnRoll,
                                        @Min(0) int branchInFavour,
                                        @Min(1) @Schema(description = OPTIONAL_COUNT) Integer grassrootsCommitteeMembers,
                                        @Min(0) int grassrootsCommitteeInFavour,
                                        @Min(1) int standingCommitteeMembers,
                                        @Min(0) int standingCommitteeInFavour)
            implements CommandBody.Signed<StrikeOffProbationaryMember> {

        @Override
        public StrikeOffProbationaryMember toCommand(String memberId) {
            return new StrikeOffProbationaryMember(memberId, decision.toDecisionRef(), reason,
                    branchFullMembersOnRoll, branchInFavour, grassrootsCommitteeMembers, grassrootsCommitteeInFavour,
                    standingCommitteeMembers, standingCommitteeInFavour);
        }
    }
}
