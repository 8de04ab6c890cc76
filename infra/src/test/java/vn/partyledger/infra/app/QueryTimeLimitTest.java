package vn.partyledger.infra.app;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.partyledger.infra.axon.TimeLimitProperties;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read is given 30 s by our own time limit, and Axon's limits, which walk the calling stack whenever one starts,
 * are off (ADR 0072). How the limit stops a read: UnitOfWorkTimeLimitTest; the 503 it is answered with:
 * ProblemHandlingTest.
 */
class QueryTimeLimitTest extends RunningApplication {

    @Autowired
    TimeLimitProperties limits;

    @Autowired
    ApplicationContext context;

    @Test
    void aReadIsGivenThirtySecondsByOurLimitAndAxonsOwnLimitsAreOff() {
        assertThat(limits.queries()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.warnEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(context.getBeanNamesForType(TimeoutProperties.class)).isEmpty();
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }
}
