package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.util.List;

/**
 * The configurable numbers of docs/rules.md#s20 and the working-day calendar. Public holidays and compensatory days off
 * are announced every year (Tết and Hùng Kings' day follow the lunar calendar), so they are listed here, not computed.
 */
@ConfigurationProperties("partyledger.rules")
public record RulesProperties(@DefaultValue("30") int ceremonyDeadlineWorkingDays,
                              @DefaultValue("12") int probationMonths,
                              @DefaultValue List<LocalDate> daysOff) {
}
