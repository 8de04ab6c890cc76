package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a unit of work may run before it is stopped (ADR 0072): a read (then answered 503, to be tried again), a
 * command, a batch of an event processor. A warning with the thread's stack is logged every {@code warnEvery} while
 * it runs on.
 */
@ConfigurationProperties("partyledger.time-limits")
public record TimeLimitProperties(@DefaultValue("30s") Duration queries,
                                  @DefaultValue("60s") Duration commands,
                                  @DefaultValue("60s") Duration eventBatches,
                                  @DefaultValue("10s") Duration warnEvery) {

    public TimeLimitProperties {
        for (Duration limit : new Duration[]{queries, commands, eventBatches, warnEvery}) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("partyledger.time-limits must all be positive: " + limit);
            }
        }
    }
}
