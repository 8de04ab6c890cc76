package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.partyledger.domain.member.RecruitmentPolicy;

/**
 * The recruitment and recognition numbers of docs/rules.md#s20 ({@code partyledger.rules.recruitment.*}), defaulting to
 * its values. The awareness-certificate validity is uncertain after 2025 [U], so every number is configuration.
 */
@ConfigurationProperties("partyledger.rules.recruitment")
public record RecruitmentRulesProperties(@DefaultValue("60") int awarenessCertificateValidityMonths,
                                         @DefaultValue("12") int fileStaleMonths,
                                         @DefaultValue("12") int introducerMinAcquaintanceMonths,
                                         @DefaultValue("216") int admissionAgeMinMonths,
                                         @DefaultValue("720") int admissionAgeMaxMonths,
                                         @DefaultValue("60") int admissionDecisionDeadlineWorkingDays,
                                         @DefaultValue("30") int recognitionReviewDeadlineWorkingDays,
                                         @DefaultValue("30") int recognitionDecisionDeadlineWorkingDays,
                                         @DefaultValue("30") int decisionExtensionWorkingDays) {

    RecruitmentPolicy toPolicy() {
        return new RecruitmentPolicy(awarenessCertificateValidityMonths, fileStaleMonths,
                introducerMinAcquaintanceMonths, admissionAgeMinMonths, admissionAgeMaxMonths,
                admissionDecisionDeadlineWorkingDays, recognitionReviewDeadlineWorkingDays,
                recognitionDecisionDeadlineWorkingDays,
                decisionExtensionWorkingDays);
    }
}
