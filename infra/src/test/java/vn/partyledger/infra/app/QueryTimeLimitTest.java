package vn.partyledger.infra.app;

import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read is given 30 s, timed once, in its unit of work: Axon's own limit on each query handler, which would time it
 * a second time and walk the calling stack again, is off (ADR 0070). Past the limit a read answers 503
 * (ProblemHandlingTest).
 */
class QueryTimeLimitTest extends RunningApplication {

    @Autowired
    TimeoutProperties timeouts;

    @Test
    void aReadIsGivenThirtySecondsInItsUnitOfWorkAndNoSecondLimitInItsHandler() {
        assertThat(timeouts.getTransaction().getQueryBus().getTimeoutMs()).isEqualTo(30_000);
        assertThat(timeouts.getTransaction().getQueryBus().getWarningThresholdMs()).isEqualTo(10_000);
        assertThat(timeouts.getHandler().getQueries().getTimeoutMs()).isNegative();
        assertThat(timeouts.getHandler().getQueries().getWarningThresholdMs()).isNegative();
    }
}
