package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
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
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.discipline.ViolationCategory;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.AssignIntroducer;
import vn.partyledger.domain.member.AssignProbationMentor;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.ConsentKind;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.EducationLevel;
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

    private final CommandEndpoint endpoint;

    public MemberCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    private ResponseEntity<CommandOutcome> execute(HttpServletRequest http, Object body, Object command,
                                                   LocalDate businessDate, DecisionRef decision,
                                                   RequestContext context) {
        return endpoint.execute(http, body, command, businessDate, decision, context, HttpStatus.OK);
    }

    @PostMapping("/{memberId}/register-candidate")
    @Operation(summary = "Register an outstanding candidate in a branch; again after a closed file or an exit (I3)")
    public ResponseEntity<CommandOutcome> registerCandidate(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody RegisterCandidate body, RequestContext context, HttpServletRequest http) {
        return endpoint.execute(http, body, new RegisterOutstandingCandidate(memberId, body.personId(),
                        body.branchId(), body.source(), body.mentorMemberId(), body.registeredOn()),
                body.registeredOn(), null, context, HttpStatus.CREATED);
    }

    @PostMapping("/{memberId}/record-awareness-course")
    @Operation(summary = "Record the candidate's awareness-course certificate (valid on the vote date: I5)")
    public ResponseEntity<CommandOutcome> recordAwarenessCourse(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody AwarenessCourse body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new RecordAwarenessCourse(memberId, body.certificateNo(), body.issuerOrgId(),
                body.issueDate()), body.issueDate(), null, context);
    }

    @PostMapping("/{memberId}/submit-application")
    @Operation(summary = "File the candidate's application; its date starts the file's freshness (I3, I5); a "
            + "re-admission states what its earlier exit requires (I25)")
    public ResponseEntity<CommandOutcome> submitApplication(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Application body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new SubmitApplication(memberId, body.applicationDate(), body.readmission(),
                        body.biographyDocRef(), body.youthUnionAge(), body.unitHasYouthUnion(),
                        body.readmissionGrounds() == null ? null : body.readmissionGrounds().toGrounds()),
                body.applicationDate(), null, context);
    }

    @PostMapping("/{memberId}/assign-introducer")
    @Operation(summary = "Assign an introducer: a full member known for 12 months, or a committee's resolution (I4)")
    public ResponseEntity<CommandOutcome> assignIntroducer(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Introducer body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new AssignIntroducer(memberId, body.introducerType(), body.introducerMemberId(),
                        body.resolutionRef(), body.knownSince(), body.assignedOn()),
                body.assignedOn(), null, context);
    }

    @PostMapping("/{memberId}/replace-introducer")
    @Operation(summary = "Replace an introducer who cannot continue by another full member (I4)")
    public ResponseEntity<CommandOutcome> replaceIntroducer(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody IntroducerReplacement body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new ReplaceIntroducer(memberId, body.oldIntroducerId(), body.newIntroducerId(),
                body.reason(), body.replacedOn()), body.replacedOn(), null, context);
    }

    @PostMapping("/{memberId}/record-background-verification")
    @Operation(summary = "Record the background verification's conclusion (non-blocking before the vote: I5)")
    public ResponseEntity<CommandOutcome> recordBackgroundVerification(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody BackgroundVerification body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new RecordBackgroundVerification(memberId, body.subjects(), body.conclusion(),
                body.verifyingOrgId(), body.concludedOn()), body.concludedOn(), null, context);
    }

    @PostMapping("/{memberId}/record-comments-summary")
    @Operation(summary = "File the summary of comments from mass organisations and the residence branch (I5)")
    public ResponseEntity<CommandOutcome> recordCommentsSummary(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody CommentsSummary body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new RecordCommentsSummary(memberId, body.docRef(), body.filedOn()),
                body.filedOn(), null, context);
    }

    @PostMapping("/{memberId}/record-provincial-consent")
    @Operation(summary = "Record the province's written consent: re-admission (I7), over the age limit or education (I5)")
    public ResponseEntity<CommandOutcome> recordProvincialConsent(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody ProvincialConsent body, RequestContext context, HttpServletRequest http) {
        DecisionRef decision = body.decision().toDecisionRef();
        return execute(http, body, new RecordProvincialConsent(memberId, body.kind(), decision), decision.docDate(),
                decision, context);
    }

    @PostMapping("/{memberId}/record-branch-admission-vote")
    @Operation(summary = "Record the branch's admission vote: eligibility and two thirds of all full members (I5)")
    public ResponseEntity<CommandOutcome> recordBranchAdmissionVote(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody BranchAdmissionVote body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new RecordBranchAdmissionVote(memberId, body.meetingId(), body.voteDate(),
                        body.fullMembersOnRoll(), body.inFavour(), body.against(), body.ageInMonthsAtVote(),
                        body.education()),
                body.voteDate(), null, context);
    }

    @PostMapping("/{memberId}/record-committee-admission-vote")
    @Operation(summary = "Record the grassroots committee's vote above a subordinate branch (I6)")
    public ResponseEntity<CommandOutcome> recordCommitteeAdmissionVote(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody CommitteeAdmissionVote body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new RecordCommitteeAdmissionVote(memberId, body.committeeOrgId(), body.voteDate(),
                body.membersInOffice(), body.inFavour()), body.voteDate(), null, context);
    }

    @PostMapping("/{memberId}/decide-admission")
    @Operation(summary = "Record the competent committee's admission decision after the passed votes (I7); a "
            + "re-admission 36 months after the exit, 60 after a less-serious conviction was expunged (I25)")
    public ResponseEntity<CommandOutcome> decideAdmission(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody DecideAdmissionBody body, RequestContext context, HttpServletRequest http) {
        DecisionRef decision = body.decision().toDecisionRef();
        return execute(http, body, new DecideAdmission(memberId, decision, body.receivedByBranchOn(),
                body.extensionReason()), decision.docDate(), decision, context);
    }

    @PostMapping("/{memberId}/refuse-admission")
    @Operation(summary = "Record the competent committee's refusal to admit; the file closes (I7)")
    public ResponseEntity<CommandOutcome> refuseAdmission(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody RefuseAdmissionBody body, RequestContext context, HttpServletRequest http) {
        DecisionRef decision = body.decision().toDecisionRef();
        return execute(http, body, new RefuseAdmission(memberId, decision, body.reason()), decision.docDate(),
                decision, context);
    }

    @PostMapping("/{memberId}/withdraw-application")
    @Operation(summary = "The candidate withdraws; the file closes")
    public ResponseEntity<CommandOutcome> withdrawApplication(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Withdrawal body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new WithdrawApplication(memberId, body.withdrawnOn(), body.reason()),
                body.withdrawnOn(), null, context);
    }

    @PostMapping("/{memberId}/expire-application")
    @Operation(summary = "Close a file that went stale before the branch passed it (FILE_STALE_MONTHS)")
    public ResponseEntity<CommandOutcome> expireApplication(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Expiry body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new ExpireApplication(memberId, body.expiredOn()), body.expiredOn(), null,
                context);
    }

    @PostMapping("/{memberId}/admit")
    @Operation(summary = "Record the admission ceremony: the candidate becomes a probationary member (I8)")
    public ResponseEntity<CommandOutcome> admit(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Admit body, RequestContext context, HttpServletRequest http) {
        DecisionRef consent = body.superiorConsent() == null ? null : body.superiorConsent().toDecisionRef();
        return execute(http, body, new AdmitMember(memberId, body.ceremonyDate(), consent), body.ceremonyDate(),
                consent, context);
    }

    @PostMapping("/{memberId}/assign-probation-mentor")
    @Operation(summary = "Assign a full member to help the probationary member")
    public ResponseEntity<CommandOutcome> assignProbationMentor(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody ProbationMentor body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new AssignProbationMentor(memberId, body.mentorMemberId(), body.assignedOn()),
                body.assignedOn(), null, context);
    }

    @PostMapping("/{memberId}/record-recognition-vote")
    @Operation(summary = "Record a recognition vote (I10: at most three at the branch, then escalation to the committee; "
            + "the committee votes after the branch; a first branch vote past 30 working days after probation is "
            + "recorded and flagged RecognitionReviewedLate; passes by the configured two thirds; a COMMITTEE vote "
            + "names its grassroots committee in committeeOrgId, a BRANCH vote none)")
    public ResponseEntity<CommandOutcome> recordRecognitionVote(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody RecognitionVote body, RequestContext context, HttpServletRequest http) {
        return execute(http, body, new RecordRecognitionVote(memberId, body.level(), body.committeeOrgId(),
                        body.voteDate(), body.electorate(), body.inFavour(), body.against(), body.attemptNo()),
                body.voteDate(), null, context);
    }

    @PostMapping("/{memberId}/recognize-full-member")
    @Operation(summary = "Recognise a full member, effective at the end of probation even when decided late (I9)")
    public ResponseEntity<CommandOutcome> recognizeFullMember(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody Recognition body, RequestContext context, HttpServletRequest http) {
        DecisionRef decision = body.decision().toDecisionRef();
        return execute(http, body, new RecognizeFullMember(memberId, decision, body.extensionReason()),
                decision.docDate(), decision, context);
    }

    @PostMapping("/{memberId}/strike-off-probationary-member")
    @Operation(summary = "Strike an unqualified member off the probationary list (I11: two thirds of the branch's full "
            + "members and, above a subordinate branch, of the grassroots committee, unless three branch votes "
            + "deadlocked; more than half of the deciding standing committee)")
    public ResponseEntity<CommandOutcome> strikeOffProbationaryMember(
            @PathVariable @RecordId String memberId,
            @Valid @RequestBody ProbationaryStrikeOff body, RequestContext context, HttpServletRequest http) {
        DecisionRef decision = body.decision().toDecisionRef();
        return execute(http, body, new StrikeOffProbationaryMember(memberId, decision, body.reason(),
                        body.branchFullMembersOnRoll(), body.branchInFavour(), body.grassrootsCommitteeMembers(),
                        body.grassrootsCommitteeInFavour(), body.standingCommitteeMembers(),
                        body.standingCommitteeInFavour()),
                decision.docDate(), decision, context);
    }

    public record RegisterCandidate(@NotNull @RecordId String personId,
                                    @NotNull @RecordId String branchId,
                                    @NotNull CandidateSource source,
                                    @RecordId String mentorMemberId,
                                    @NotNull @PastOrPresent LocalDate registeredOn) {
    }

    public record AwarenessCourse(@NotBlank @Size(max = 64) String certificateNo,
                                  @NotNull @RecordId String issuerOrgId,
                                  @NotNull @PastOrPresent LocalDate issueDate) {
    }

    public record Application(@NotNull @PastOrPresent LocalDate applicationDate,
                              boolean readmission,
                              @NotBlank @Size(max = 64) String biographyDocRef,
                              boolean youthUnionAge,
                              boolean unitHasYouthUnion,
                              @Valid ReadmissionFacts readmissionGrounds) {
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
                             @NotNull @PastOrPresent LocalDate assignedOn) {
    }

    public record IntroducerReplacement(
            @NotNull @RecordId String oldIntroducerId,
            @NotNull @RecordId String newIntroducerId,
            @NotNull IntroducerReplacementReason reason,
            @NotNull @PastOrPresent LocalDate replacedOn) {
    }

    public record BackgroundVerification(@NotEmpty List<@NotNull VerificationSubject> subjects,
                                         @NotNull VerificationConclusion conclusion,
                                         @NotNull @RecordId
                                         String verifyingOrgId,
                                         @NotNull @PastOrPresent LocalDate concludedOn) {
    }

    public record CommentsSummary(@NotBlank @Size(max = 64) String docRef,
                                  @NotNull @PastOrPresent LocalDate filedOn) {
    }

    public record ProvincialConsent(@NotNull ConsentKind kind,
                                    @NotNull @Valid DecisionDocument decision) {
    }

    public record BranchAdmissionVote(@NotNull @RecordId String meetingId,
                                      @NotNull @PastOrPresent LocalDate voteDate,
                                      @Min(0) int fullMembersOnRoll,
                                      @Min(0) int inFavour,
                                      @Min(0) int against,
                                      @Min(0) @Max(1_500) int ageInMonthsAtVote,
                                      @NotNull EducationLevel education) {
    }

    public record CommitteeAdmissionVote(
            @NotNull @RecordId String committeeOrgId,
            @NotNull @PastOrPresent LocalDate voteDate,
            @Min(1) int membersInOffice,
            @Min(0) int inFavour) {
    }

    public record DecideAdmissionBody(@NotNull @Valid DecisionDocument decision,
                                      @NotNull @PastOrPresent LocalDate receivedByBranchOn,
                                      @Size(max = 200) String extensionReason) {
    }

    public record RefuseAdmissionBody(@NotNull @Valid DecisionDocument decision,
                                      @NotBlank @Size(max = 200) String reason) {
    }

    public record Withdrawal(@NotNull @PastOrPresent LocalDate withdrawnOn,
                             @NotBlank @Size(max = 200) String reason) {
    }

    public record Expiry(@NotNull @PastOrPresent LocalDate expiredOn) {
    }

    public record Admit(@NotNull @PastOrPresent LocalDate ceremonyDate,
                        @Valid DecisionDocument superiorConsent) {
    }

    public record ProbationMentor(@NotNull @RecordId String mentorMemberId,
                                  @NotNull @PastOrPresent LocalDate assignedOn) {
    }

    public record RecognitionVote(@NotNull VoteLevel level,
                                  @RecordId String committeeOrgId,
                                  @NotNull @PastOrPresent LocalDate voteDate,
                                  @Min(0) int electorate,
                                  @Min(0) int inFavour,
                                  @Min(0) int against,
                                  @Min(1) int attemptNo) {
    }

    public record Recognition(@NotNull @Valid DecisionDocument decision,
                              @Size(max = 200) String extensionReason) {
    }

    public record ProbationaryStrikeOff(@NotNull @Valid DecisionDocument decision,
                                        @NotBlank @Size(max = 200) String reason,
                                        @Min(0) int branchFullMembersOnRoll,
                                        @Min(0) int branchInFavour,
                                        @Min(0) int grassrootsCommitteeMembers,
                                        @Min(0) int grassrootsCommitteeInFavour,
                                        @Min(1) int standingCommitteeMembers,
                                        @Min(0) int standingCommitteeInFavour) {
    }
}
