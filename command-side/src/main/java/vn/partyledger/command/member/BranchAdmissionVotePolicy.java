package vn.partyledger.command.member;

import vn.partyledger.domain.member.EducationLevel;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.VerificationConclusion;
import vn.partyledger.domain.shared.CompletedMonths;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks before a branch votes on an admission (docs/rules.md#I5): the file is complete and current, the candidate
 * eligible. Each check is a method returning its refusal or nothing; the constructor lists them in the order they
 * are made, so the first refusal is the one thrown. The numbers come from {@link RecruitmentPolicy}.
 *
 * <p>Left to {@code Member}: that the file is open and the application filed (PIPELINE_ORDER, checked before this
 * list), and the vote count against the branch roll and the electorate (checked after it, shared with I10 and I11).
 */
final class BranchAdmissionVotePolicy {

    /**
     * What the checks read: the vote as stated, the candidate file as it stands, and the date of birth and education
     * from the person register as it stood on the vote date.
     *
     * @param passedBranchVoteOn           the date of a branch vote that already passed, if any
     * @param awarenessCertificateIssuedOn the awareness-course certificate on file, if any
     * @param verification                 the conclusion of the background verification, if concluded
     * @param requiredIntroducers          the introducers the rules ask for, in words
     * @param documentsOnFile              the introductions, verification and comments on file, by name, with dates
     */
    record Facts(LocalDate voteDate,
                 LocalDate dateOfBirth,
                 EducationLevel education,
                 Optional<LocalDate> passedBranchVoteOn,
                 Optional<LocalDate> awarenessCertificateIssuedOn,
                 Optional<VerificationConclusion> verification,
                 boolean introducersComplete,
                 String requiredIntroducers,
                 boolean commentsFiled,
                 LocalDate applicationDate,
                 boolean overAgeConsented,
                 boolean educationExceptionConsented,
                 Map<String, LocalDate> documentsOnFile) {
    }

    private final RecruitmentPolicy numbers;
    private final List<RuleCheck<Facts>> checks;

    BranchAdmissionVotePolicy(RecruitmentPolicy numbers) {
        this.numbers = numbers;
        this.checks = List.of(
                this::theBranchVotesAgainOnlyAfterAFailedVote,
                this::awarenessCertificateIsValidOnTheVoteDate,
                this::backgroundVerificationConcludedWithoutBlockingIssues,
                this::requiredIntroducersArePresent,
                this::commentsSummaryIsFiled,
                BranchAdmissionVotePolicy::documentsOnFileAreDatedNoLaterThanTheVote,
                this::fileIsNotStaleOnTheVoteDate,
                this::ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented,
                this::educationIsAtLeastLowerSecondaryUnlessTheProvinceConsented);
    }

    /** The first refusal, in the order of the list, or nothing when the branch may vote. */
    Optional<RuleViolation> firstRefusal(Facts facts) {
        return RuleCheck.firstRefusal(checks, facts);
    }

    /** Throws the first refusal, if any. */
    void enforce(Facts facts) {
        RuleCheck.enforce(checks, facts);
    }

    Optional<RuleViolation> theBranchVotesAgainOnlyAfterAFailedVote(Facts facts) {
        return facts.passedBranchVoteOn().map(passedOn -> new RuleViolation(Invariant.I5,
                "theBranchVotesAgainOnlyAfterAFailedVote",
                "The branch already passed the admission on " + passedOn + "."));
    }

    /** Valid on the vote date: already issued by then, and not older than the validity period. */
    Optional<RuleViolation> awarenessCertificateIsValidOnTheVoteDate(Facts facts) {
        Optional<LocalDate> issuedOn = facts.awarenessCertificateIssuedOn();
        if (issuedOn.isEmpty() || issuedOn.get().isAfter(facts.voteDate()) || facts.voteDate().isAfter(
                issuedOn.get().plusMonths(numbers.awarenessCertificateValidityMonths()))) {
            return Optional.of(new RuleViolation(Invariant.I5, "awarenessCertificateIsValidOnTheVoteDate",
                    "The branch votes on " + facts.voteDate() + " only on a candidate whose awareness-course "
                            + "certificate was issued by then and is at most "
                            + numbers.awarenessCertificateValidityMonths() + " months old; "
                            + (issuedOn.isEmpty() ? "none is on file." : "this one was issued on "
                            + issuedOn.get() + ".")));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> backgroundVerificationConcludedWithoutBlockingIssues(Facts facts) {
        Optional<VerificationConclusion> verification = facts.verification();
        if (verification.isEmpty() || verification.get() == VerificationConclusion.BLOCKING) {
            return Optional.of(new RuleViolation(Invariant.I5, "backgroundVerificationConcludedWithoutBlockingIssues",
                    "The branch votes only once background verification has concluded without blocking issues; it is "
                            + (verification.isEmpty() ? "not concluded." : "BLOCKING.")));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> requiredIntroducersArePresent(Facts facts) {
        if (!facts.introducersComplete()) {
            return Optional.of(new RuleViolation(Invariant.I5, "requiredIntroducersArePresent",
                    "The branch votes only on a file with its introducers complete: " + facts.requiredIntroducers()
                            + "."));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> commentsSummaryIsFiled(Facts facts) {
        if (!facts.commentsFiled()) {
            return Optional.of(new RuleViolation(Invariant.I5, "commentsSummaryIsFiled",
                    "The branch votes only once the summary of comments from mass organisations and the residence "
                            + "branch is on file."));
        }
        return Optional.empty();
    }

    /** The branch voted on the file as it stood that day: nothing it rests on is dated after the vote. */
    static Optional<RuleViolation> documentsOnFileAreDatedNoLaterThanTheVote(Facts facts) {
        return facts.documentsOnFile().entrySet().stream()
                .filter(document -> document.getValue() != null && document.getValue().isAfter(facts.voteDate()))
                .findFirst()
                .map(document -> new RuleViolation(Invariant.I5, "documentsOnFileAreDatedNoLaterThanTheVote",
                        "The branch votes on " + facts.voteDate() + " on the file as it stands that day, but the "
                                + document.getKey() + " on file is dated " + document.getValue() + "."));
    }

    Optional<RuleViolation> fileIsNotStaleOnTheVoteDate(Facts facts) {
        LocalDate staleAfter = facts.applicationDate().plusMonths(numbers.fileStaleMonths());
        if (facts.voteDate().isAfter(staleAfter)) {
            return Optional.of(new RuleViolation(Invariant.I5, "fileIsNotStaleOnTheVoteDate",
                    "The file was compiled on " + facts.applicationDate() + " and is stale after "
                            + numbers.fileStaleMonths() + " months (" + staleAfter
                            + "): its letters and summaries must be redone before a vote."));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented(Facts facts) {
        int age = CompletedMonths.between(facts.dateOfBirth(), facts.voteDate());
        boolean overAgeConsented = age > numbers.admissionAgeMaxMonths() && facts.overAgeConsented();
        if ((age < numbers.admissionAgeMinMonths() || age > numbers.admissionAgeMaxMonths()) && !overAgeConsented) {
            return Optional.of(new RuleViolation(Invariant.I5, "ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented",
                    "A candidate is " + numbers.admissionAgeMinMonths() + " to " + numbers.admissionAgeMaxMonths()
                            + " completed months old on the vote date (older only with the province's consent); "
                            + "born " + facts.dateOfBirth() + ", the candidate is " + age + " months old."));
        }
        return Optional.empty();
    }

    Optional<RuleViolation> educationIsAtLeastLowerSecondaryUnlessTheProvinceConsented(Facts facts) {
        if (!facts.education().atLeast(EducationLevel.LOWER_SECONDARY) && !facts.educationExceptionConsented()) {
            return Optional.of(new RuleViolation(Invariant.I5,
                    "educationIsAtLeastLowerSecondaryUnlessTheProvinceConsented",
                    "A candidate needs at least lower-secondary education, or an exception consented for the area; "
                            + "the person register records " + facts.education() + "."));
        }
        return Optional.empty();
    }
}
