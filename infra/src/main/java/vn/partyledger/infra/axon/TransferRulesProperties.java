package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * docs/rules.md#s20 for transfers: {@code OFFICIAL_TRANSFER_START_WD}, {@code PRESENT_LETTER_WD} and
 * {@code TEMP_TRANSFER_RANGE} (from the minimum to under the work maximum, or up to the study maximum, in months).
 */
@ConfigurationProperties("partyledger.rules.transfers")
public record TransferRulesProperties(@DefaultValue("60") int startWorkingDays,
                                      @DefaultValue("30") int presentLetterWorkingDays,
                                      @DefaultValue("3") int temporaryMinMonths,
                                      @DefaultValue("12") int temporaryWorkMonthsBelow,
                                      @DefaultValue("24") int temporaryStudyMaxMonths) {
}
