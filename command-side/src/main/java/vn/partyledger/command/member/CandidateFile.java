package vn.partyledger.command.member;

import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CommitteeAdmissionVoteRecorded;
import vn.partyledger.domain.member.ConsentKind;
import vn.partyledger.domain.member.IntroducerType;
import vn.partyledger.domain.member.RecordBranchAdmissionVote;
import vn.partyledger.domain.member.VerificationConclusion;
import vn.partyledger.domain.person.CandidateParticulars;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pre-membership file of one candidacy (docs/rules.md#s5-1): what has been filed so far. State only — the Member
 * aggregate guards the rules and changes it from its event-sourcing handlers.
 */
final class CandidateFile {

    /** An introducer named on the file on {@code namedOn}, assigned or as a replacement. */
    record Introducer(IntroducerType type, String memberId, LocalDate namedOn) {
    }

    private AwarenessCourseCompleted course;
    private ApplicationSubmitted application;
    private final List<Introducer> introducers = new ArrayList<>();
    private VerificationConclusion verification;
    private LocalDate verificationConcludedOn;
    private LocalDate commentsFiledOn;
    /** The date of each consent's decision. */
    private final Map<ConsentKind, LocalDate> consents = new EnumMap<>(ConsentKind.class);
    private BranchAdmissionVoteRecorded branchVote;
    private CommitteeAdmissionVoteRecorded committeeVote;
    private boolean closed;

    AwarenessCourseCompleted course() {
        return course;
    }

    ApplicationSubmitted application() {
        return application;
    }

    VerificationConclusion verification() {
        return verification;
    }

    boolean commentsFiled() {
        return commentsFiledOn != null;
    }

    boolean consented(ConsentKind kind) {
        return consents.containsKey(kind);
    }

    /** The date of the consent's decision, if the province consented. */
    Optional<LocalDate> consentedOn(ConsentKind kind) {
        return Optional.ofNullable(consents.get(kind));
    }

    BranchAdmissionVoteRecorded branchVote() {
        return branchVote;
    }

    boolean branchVotePassed() {
        return branchVote != null && branchVote.passed();
    }

    boolean committeeVotePassed() {
        return committeeVote != null && committeeVote.passed();
    }

    /** The date of the last admission vote, which the decision cannot precede. */
    LocalDate lastVoteDate() {
        return committeeVote != null ? committeeVote.voteDate() : branchVote.voteDate();
    }

    boolean closed() {
        return closed;
    }

    boolean introducedBy(String memberId) {
        return introducers.stream().anyMatch(introducer -> memberId.equals(introducer.memberId()));
    }

    /** Youth of Youth-Union age in a unit with a Youth Union are introduced by its committee (QĐ 24 §3.2). */
    boolean needsTheYouthUnionCommittee() {
        return application.youthUnionAge() && application.unitHasYouthUnion();
    }

    /** Whether one more introducer of this type still fits a composition the rules allow (I4). */
    boolean admitsAnother(IntroducerType type) {
        long members = count(IntroducerType.FULL_MEMBER) + (type == IntroducerType.FULL_MEMBER ? 1 : 0);
        long youthUnion = count(IntroducerType.YOUTH_UNION_COMMITTEE) + (type == IntroducerType.YOUTH_UNION_COMMITTEE ? 1 : 0);
        long tradeUnion = count(IntroducerType.TRADE_UNION_COMMITTEE) + (type == IntroducerType.TRADE_UNION_COMMITTEE ? 1 : 0);
        if (needsTheYouthUnionCommittee()) {
            return tradeUnion == 0 && youthUnion <= 1 && members <= 1;
        }
        boolean tradeUnionAllowed = !application.unitHasYouthUnion();
        return youthUnion == 0 && (tradeUnionAllowed || tradeUnion == 0) && tradeUnion <= 1
                && members <= 2 - tradeUnion;
    }

    /** What the checks before a branch vote read from this file and the register (I5); the application is on file. */
    BranchAdmissionVotePolicy.Facts beforeBranchVote(RecordBranchAdmissionVote vote, CandidateParticulars particulars) {
        return new BranchAdmissionVotePolicy.Facts(vote.voteDate(), particulars.dateOfBirth(), particulars.education(),
                Optional.ofNullable(branchVotePassed() ? branchVote.voteDate() : null),
                Optional.ofNullable(course).map(AwarenessCourseCompleted::issueDate),
                Optional.ofNullable(verification), introducersComplete(), requiredIntroducers(), commentsFiled(),
                application.applicationDate(), consented(ConsentKind.OVER_AGE_LIMIT),
                consented(ConsentKind.EDUCATION_EXCEPTION), documentsTheVoteRestsOn());
    }

    /** The file's documents a branch vote rests on, each with its date, in the order they are filed (I5). */
    private Map<String, LocalDate> documentsTheVoteRestsOn() {
        Map<String, LocalDate> documents = new LinkedHashMap<>();
        introducers.forEach(introducer -> documents.put("introduction by " + (introducer.memberId() != null
                ? introducer.memberId() : "the " + introducer.type()), introducer.namedOn()));
        if (verificationConcludedOn != null) {
            documents.put("background verification", verificationConcludedOn);
        }
        if (commentsFiledOn != null) {
            documents.put("comments summary", commentsFiledOn);
        }
        return documents;
    }

    /** The file holds exactly the introducers the rules ask for (I4, checked again at the vote by I5). */
    boolean introducersComplete() {
        long members = count(IntroducerType.FULL_MEMBER);
        long committees = count(IntroducerType.YOUTH_UNION_COMMITTEE) + count(IntroducerType.TRADE_UNION_COMMITTEE);
        return needsTheYouthUnionCommittee()
                ? count(IntroducerType.YOUTH_UNION_COMMITTEE) == 1 && members == 1
                : (committees == 1 && members == 1) || (committees == 0 && members == 2);
    }

    String requiredIntroducers() {
        return needsTheYouthUnionCommittee()
                ? "the Youth Union committee's resolution and exactly one full member"
                : "two full members" + (application.unitHasYouthUnion() ? "" : ", or the trade-union committee and one");
    }

    private long count(IntroducerType type) {
        return introducers.stream().filter(introducer -> introducer.type() == type).count();
    }

    void on(AwarenessCourseCompleted event) {
        course = event;
    }

    void on(ApplicationSubmitted event) {
        application = event;
    }

    void addIntroducer(Introducer introducer) {
        introducers.add(introducer);
    }

    void replaceIntroducer(String oldMemberId, String newMemberId, LocalDate replacedOn) {
        introducers.replaceAll(introducer -> oldMemberId.equals(introducer.memberId())
                ? new Introducer(IntroducerType.FULL_MEMBER, newMemberId, replacedOn) : introducer);
    }

    void concludeVerification(VerificationConclusion conclusion, LocalDate concludedOn) {
        verification = conclusion;
        verificationConcludedOn = concludedOn;
    }

    void fileComments(LocalDate filedOn) {
        commentsFiledOn = filedOn;
    }

    void consent(ConsentKind kind, LocalDate decidedOn) {
        consents.put(kind, decidedOn);
    }

    void on(BranchAdmissionVoteRecorded event) {
        branchVote = event;
    }

    void on(CommitteeAdmissionVoteRecorded event) {
        committeeVote = event;
    }

    void close() {
        closed = true;
    }
}
