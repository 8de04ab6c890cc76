package vn.partyledger.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.domain.badge.BadgePolicy;

import java.time.MonthDay;
import java.util.stream.Collectors;

/** The badge policy the Member's badges entity is given (ADR 0012). */
@Configuration(proxyBeanMethods = false)
public class BadgesConfiguration {

    @Bean
    public BadgePolicy badgePolicy(BadgeRulesProperties rules) {
        return new BadgePolicy(rules.levels(),
                rules.occasions().stream().map(monthDay -> MonthDay.parse("--" + monthDay)).collect(Collectors.toSet()),
                rules.illnessEarlyMonths(), rules.longEarlyFromLevel(), rules.illnessEarlyMonthsFromLongLevel(),
                rules.posthumousEarlyMonths(), rules.reprimandDeferralMonths(), rules.warningDeferralMonths(),
                rules.dismissalDeferralMonths(), rules.decisionLeadMonths());
    }
}
