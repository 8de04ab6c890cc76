package vn.partyledger.infra.api;

import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import vn.partyledger.domain.shared.Today;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's {@code @PastOrPresent} dates are judged on the application's clock, in Vietnam. */
class RequestDatesOnTheApplicationsClockTest {

    /** 1 a.m. on 30 Nov 2026 in Hà Nội, still 29 Nov on a server in UTC. */
    private static final Instant EARLY_MORNING_IN_HANOI = Instant.parse("2026-11-29T18:00:00Z");

    private static Validator validatorOn(Clock clock) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setConfigurationInitializer(configuration ->
                WebConfiguration.requestDatesOnTheApplicationsClock(clock).customize(configuration));
        validator.afterPropertiesSet();
        return validator;
    }

    private static DecisionDocument signedOn(LocalDate date) {
        return new DecisionDocument("12-QĐ/ĐU", date, "ward-15");
    }

    @Test
    void aDecisionSignedTodayInVietnamIsNotInTheFutureBeforeMidnightReachesTheServer() {
        Validator validator = validatorOn(Clock.fixed(EARLY_MORNING_IN_HANOI, Today.BUSINESS_ZONE));

        assertThat(validator.validate(signedOn(LocalDate.of(2026, 11, 30)))).isEmpty();
        assertThat(validator.validate(signedOn(LocalDate.of(2026, 12, 1))))
                .extracting(violation -> violation.getPropertyPath().toString()).containsExactly("docDate");
    }
}
