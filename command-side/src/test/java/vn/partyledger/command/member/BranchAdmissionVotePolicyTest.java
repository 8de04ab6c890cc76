package vn.partyledger.command.member;

import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.EducationLevel;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.VerificationConclusion;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks before a branch votes on an admission (I5), each on its own, without an aggregate. */
class BranchAdmissionVotePolicyTest {

    private static final LocalDate VOTE = LocalDate.of(2025, 6, 10);
    private static final BranchAdmissionVotePolicy POLICY = new BranchAdmissionVotePolicy(RecruitmentPolicy.DEFAULTS);

    /** A file ready for the vote; each test changes one fact. */
    private static final class Given {
        Optional<LocalDate> passedBranchVoteOn = Optional.empty();
        Optional<LocalDate> certificateIssuedOn = Optional.of(LocalDate.of(2024, 1, 15));
        Optional<VerificationConclusion> verification = Optional.of(VerificationConclusion.CLEAR);
        boolean introducersComplete = true;
        boolean commentsFiled = true;
        LocalDate applicationDate = LocalDate.of(2025, 1, 20);
        int ageInMonths = 300;
        EducationLevel education = EducationLevel.UPPER_SECONDARY;
        boolean overAgeConsented;
        boolean educationExceptionConsented;
        Map<String, LocalDate> documentsOnFile = new LinkedHashMap<>(Map.of(
                "introduction by m-intro1", LocalDate.of(2025, 2, 3),
                "background verification", LocalDate.of(2025, 4, 1),
                "comments summary", LocalDate.of(2025, 5, 5)));

        BranchAdmissionVotePolicy.Facts facts() {
            return new BranchAdmissionVotePolicy.Facts(VOTE, VOTE.minusMonths(ageInMonths), education,
                    passedBranchVoteOn, certificateIssuedOn, verification, introducersComplete, "two full members",
                    commentsFiled, applicationDate, overAgeConsented, educationExceptionConsented, documentsOnFile);
        }
    }

    private static void refuses(Optional<RuleViolation> refusal, String rule) {
        assertThat(refusal).isPresent();
        MatcherAssert.assertThat(refusal.get(), Violation.of("I5", rule));
    }

    @Test
    @DisplayName("I5: a file ready for the vote passes every check")
    void aReadyFilePasses() {
        assertThat(POLICY.firstRefusal(new Given().facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: the branch votes again after a failed vote")
    void votesAgainAfterAFailedVote() {
        assertThat(POLICY.theBranchVotesAgainOnlyAfterAFailedVote(new Given().facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: the branch does not vote again once its vote passed")
    void notAgainAfterAPassedVote() {
        Given given = new Given();
        given.passedBranchVoteOn = Optional.of(LocalDate.of(2025, 5, 2));
        Optional<RuleViolation> refusal = POLICY.theBranchVotesAgainOnlyAfterAFailedVote(given.facts());
        refuses(refusal, "theBranchVotesAgainOnlyAfterAFailedVote");
        assertThat(refusal.get()).hasMessage("The branch already passed the admission on 2025-05-02.");
    }

    @Test
    @DisplayName("I5: an awareness certificate at most sixty months old on the vote date is valid")
    void certificateValidOnTheLastDay() {
        Given given = new Given();
        given.certificateIssuedOn = Optional.of(VOTE.minusMonths(60));
        assertThat(POLICY.awarenessCertificateIsValidOnTheVoteDate(given.facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: an awareness certificate older than sixty months on the vote date is not valid")
    void certificateExpired() {
        Given given = new Given();
        given.certificateIssuedOn = Optional.of(VOTE.minusMonths(60).minusDays(1));
        refuses(POLICY.awarenessCertificateIsValidOnTheVoteDate(given.facts()),
                "awarenessCertificateIsValidOnTheVoteDate");
    }

    @Test
    @DisplayName("I5: an awareness certificate issued on the day of the vote is valid")
    void certificateIssuedOnTheVoteDate() {
        Given given = new Given();
        given.certificateIssuedOn = Optional.of(VOTE);
        assertThat(POLICY.awarenessCertificateIsValidOnTheVoteDate(given.facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: an awareness certificate issued the day after the vote was not valid on the vote date")
    void certificateIssuedAfterTheVote() {
        Given given = new Given();
        given.certificateIssuedOn = Optional.of(VOTE.plusDays(1));
        Optional<RuleViolation> refusal = POLICY.awarenessCertificateIsValidOnTheVoteDate(given.facts());
        refuses(refusal, "awarenessCertificateIsValidOnTheVoteDate");
        assertThat(refusal.get()).hasMessage("The branch votes on 2025-06-10 only on a candidate whose "
                + "awareness-course certificate was issued by then and is at most 60 months old; this one was issued "
                + "on 2025-06-11.");
    }

    @Test
    @DisplayName("I5: a document of the file dated the day of the vote is one the vote rests on")
    void documentDatedOnTheVoteDate() {
        Given given = new Given();
        given.documentsOnFile.put("comments summary", VOTE);
        assertThat(BranchAdmissionVotePolicy.documentsOnFileAreDatedNoLaterThanTheVote(given.facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: a document of the file dated the day after the vote is not one the vote rested on")
    void documentDatedAfterTheVote() {
        Given given = new Given();
        given.documentsOnFile.put("background verification", VOTE.plusDays(1));
        Optional<RuleViolation> refusal = BranchAdmissionVotePolicy.documentsOnFileAreDatedNoLaterThanTheVote(
                given.facts());
        refuses(refusal, "documentsOnFileAreDatedNoLaterThanTheVote");
        assertThat(refusal.get()).hasMessage("The branch votes on 2025-06-10 on the file as it stands that day, "
                + "but the background verification on file is dated 2025-06-11.");
    }

    @Test
    @DisplayName("I5: without an awareness certificate on file the branch does not vote")
    void noCertificate() {
        Given given = new Given();
        given.certificateIssuedOn = Optional.empty();
        Optional<RuleViolation> refusal = POLICY.awarenessCertificateIsValidOnTheVoteDate(given.facts());
        refuses(refusal, "awarenessCertificateIsValidOnTheVoteDate");
        assertThat(refusal.get().getMessage()).endsWith("none is on file.");
    }

    @Test
    @DisplayName("I5: a background verification concluded without blocking issues allows the vote")
    void verificationClear() {
        assertThat(POLICY.backgroundVerificationConcludedWithoutBlockingIssues(new Given().facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: a blocking or unconcluded background verification bars the vote")
    void verificationBlockingOrMissing() {
        Given blocking = new Given();
        blocking.verification = Optional.of(VerificationConclusion.BLOCKING);
        refuses(POLICY.backgroundVerificationConcludedWithoutBlockingIssues(blocking.facts()),
                "backgroundVerificationConcludedWithoutBlockingIssues");
        Given missing = new Given();
        missing.verification = Optional.empty();
        refuses(POLICY.backgroundVerificationConcludedWithoutBlockingIssues(missing.facts()),
                "backgroundVerificationConcludedWithoutBlockingIssues");
    }

    @Test
    @DisplayName("I5: a file with its required introducers present allows the vote")
    void introducersPresent() {
        assertThat(POLICY.requiredIntroducersArePresent(new Given().facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: a file without its required introducers bars the vote")
    void introducersMissing() {
        Given given = new Given();
        given.introducersComplete = false;
        Optional<RuleViolation> refusal = POLICY.requiredIntroducersArePresent(given.facts());
        refuses(refusal, "requiredIntroducersArePresent");
        assertThat(refusal.get()).hasMessage("The branch votes only on a file with its introducers complete: "
                + "two full members.");
    }

    @Test
    @DisplayName("I5: a file with its comments summary allows the vote")
    void commentsFiled() {
        assertThat(POLICY.commentsSummaryIsFiled(new Given().facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: a file without its comments summary bars the vote")
    void commentsMissing() {
        Given given = new Given();
        given.commentsFiled = false;
        refuses(POLICY.commentsSummaryIsFiled(given.facts()), "commentsSummaryIsFiled");
    }

    @Test
    @DisplayName("I5: a file compiled twelve months before the vote is not stale")
    void fileCurrentOnTheLastDay() {
        Given given = new Given();
        given.applicationDate = VOTE.minusMonths(12);
        assertThat(POLICY.fileIsNotStaleOnTheVoteDate(given.facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: a file compiled more than twelve months before the vote is stale")
    void fileStale() {
        Given given = new Given();
        given.applicationDate = VOTE.minusMonths(12).minusDays(1);
        refuses(POLICY.fileIsNotStaleOnTheVoteDate(given.facts()), "fileIsNotStaleOnTheVoteDate");
    }

    @Test
    @DisplayName("I5: a candidate of 216 to 720 months, or older with the province's consent, is within the age limits")
    void ageWithinLimits() {
        Given youngest = new Given();
        youngest.ageInMonths = 216;
        assertThat(POLICY.ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented(youngest.facts())).isEmpty();
        Given oldest = new Given();
        oldest.ageInMonths = 720;
        assertThat(POLICY.ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented(oldest.facts())).isEmpty();
        Given consented = new Given();
        consented.ageInMonths = 721;
        consented.overAgeConsented = true;
        assertThat(POLICY.ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented(consented.facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: a candidate too young, or too old without the province's consent, is outside the age limits")
    void ageOutsideLimits() {
        Given tooYoung = new Given();
        tooYoung.ageInMonths = 215;
        tooYoung.overAgeConsented = true;
        refuses(POLICY.ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented(tooYoung.facts()),
                "ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented");
        Given tooOld = new Given();
        tooOld.ageInMonths = 721;
        refuses(POLICY.ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented(tooOld.facts()),
                "ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented");
    }

    @Test
    @DisplayName("I5: lower-secondary education, or less with the province's consented exception, is enough")
    void educationEnough() {
        Given lowerSecondary = new Given();
        lowerSecondary.education = EducationLevel.LOWER_SECONDARY;
        assertThat(POLICY.educationIsAtLeastLowerSecondaryUnlessTheProvinceConsented(lowerSecondary.facts()))
                .isEmpty();
        Given excepted = new Given();
        excepted.education = EducationLevel.PRIMARY;
        excepted.educationExceptionConsented = true;
        assertThat(POLICY.educationIsAtLeastLowerSecondaryUnlessTheProvinceConsented(excepted.facts())).isEmpty();
    }

    @Test
    @DisplayName("I5: less than lower-secondary education without an exception bars the vote")
    void educationTooLow() {
        Given given = new Given();
        given.education = EducationLevel.PRIMARY;
        refuses(POLICY.educationIsAtLeastLowerSecondaryUnlessTheProvinceConsented(given.facts()),
                "educationIsAtLeastLowerSecondaryUnlessTheProvinceConsented");
    }

    @Test
    @DisplayName("I5: the checks are made in order, so the first failing one refuses")
    void firstRefusalInOrder() {
        Given given = new Given();
        given.commentsFiled = false;
        given.education = EducationLevel.PRIMARY;
        refuses(POLICY.firstRefusal(given.facts()), "commentsSummaryIsFiled");
        RuleViolation thrown = org.junit.jupiter.api.Assertions.assertThrows(RuleViolation.class,
                () -> POLICY.enforce(given.facts()));
        MatcherAssert.assertThat(thrown, Violation.of("I5", "commentsSummaryIsFiled"));
    }
}
