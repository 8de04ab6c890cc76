package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * docs/rules.md#s20 for badges: {@code BADGE_LEVELS}, {@code BADGE_OCCASIONS} (month-day, e.g. 02-03) and
 * {@code BADGE_EARLY_MAX_MONTHS} (for serious illness below and from {@code longEarlyFromLevel}, and posthumous) and
 * {@code BADGE_DISCIPLINE_DEFERRAL_MONTHS} (after a reprimand, a warning, a dismissal from a post), and how long before
 * its occasion a badge may be decided ({@code decisionLeadMonths}; see {@code BadgePolicy} for the default's reason).
 */
@ConfigurationProperties("partyledger.rules.badges")
public record BadgeRulesProperties(@DefaultValue({"30", "40", "45", "50", "55", "60", "65", "70", "75", "80", "85",
                                           "90"}) List<Integer> levels,
                                   @DefaultValue({"02-03", "05-19", "09-02", "11-07"}) List<String> occasions,
                                   @DefaultValue("12") int illnessEarlyMonths,
                                   @DefaultValue("70") int longEarlyFromLevel,
                                   @DefaultValue("24") int illnessEarlyMonthsFromLongLevel,
                                   @DefaultValue("12") int posthumousEarlyMonths,
                                   @DefaultValue("6") int reprimandDeferralMonths,
                                   @DefaultValue("9") int warningDeferralMonths,
                                   @DefaultValue("12") int dismissalDeferralMonths,
                                   @DefaultValue("6") int decisionLeadMonths) {
}
