package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** docs/rules.md#s20 for exemptions: {@code EXEMPTION_ALLOW_PROBATIONARY} and {@code TEMP_EXEMPTION_MAX_MONTHS}. */
@ConfigurationProperties("partyledger.rules.exemptions")
public record ExemptionRulesProperties(@DefaultValue("false") boolean allowProbationary,
                                       @DefaultValue("12") int temporaryMaxMonths) {
}
