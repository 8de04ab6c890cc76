package vn.partyledger.infra.api;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientFailureRetryTest {

    private final TransientFailureRetry retry = new TransientFailureRetry(3, 1);
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aCommandStoppedByTheDeadlockDetectorRunsAgainAndItsResultIsReturned() {
        String result = retry.call(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new DeadlockException("two decisions locked the branch and a member in opposite orders");
            }
            return "recorded";
        });

        assertThat(result).isEqualTo("recorded");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCommandThatKeepsMeetingAnotherWriterFailsAfterTheLastAttempt() {
        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("another node appended first");
        })).isInstanceOf(ConcurrencyException.class);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRefusedCommandIsNotRunAgain() {
        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            throw new RuleViolation(Invariant.I8, "ceremonyWithinThirtyWorkingDays", "too late");
        })).isInstanceOf(RuleViolation.class);

        assertThat(attempts).hasValue(1);
    }
}
