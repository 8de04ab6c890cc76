package vn.partyledger.infra.axon;

import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our time limit on a unit of work (ADR 0072), on Axon's own query bus and units of work: work past its limit is
 * interrupted and ends in a time-out even when it swallows the interrupt, and no interrupt outlives the work on its
 * thread.
 */
class UnitOfWorkTimeLimitTest {

    private static final Duration LIMIT = Duration.ofMillis(200);
    private static final Duration LONG_WORK = Duration.ofSeconds(20);

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
        Thread.interrupted();
    }

    @Test
    void aReadPastItsLimitIsInterruptedAndEndsAsTimedOutLeavingNoInterruptOnItsThread() {
        QueryGateway reads = readsLimitedTo(LIMIT, query -> {
            Thread.sleep(LONG_WORK.toMillis());
            return "too late";
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> reads.query("slow", "any", String.class).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(AxonTimeoutException.class).hasMessageContaining("200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG_WORK.dividedBy(4));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aReadThatSwallowsTheInterruptIsStillTimedOutAndItsAnswerNotGiven() {
        QueryGateway reads = readsLimitedTo(LIMIT, query -> {
            try {
                Thread.sleep(LONG_WORK.toMillis());
            } catch (InterruptedException swallowed) {
                return "an answer after the limit";
            }
            return "too late";
        });

        assertThatThrownBy(() -> reads.query("slow", "any", String.class).join())
                .cause().isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aReadThatRunsPastItsLimitWithoutEverWaitingIsTimedOutAndItsThreadNotLeftInterrupted() {
        QueryGateway reads = readsLimitedTo(LIMIT, query -> {
            long until = System.nanoTime() + LIMIT.multipliedBy(3).toNanos();
            long spins = 0;
            while (System.nanoTime() < until) {
                spins++; // never blocks, so the interrupt is not consumed by a wait: the flag stays set
            }
            return "spun " + spins;
        });

        assertThatThrownBy(() -> reads.query("slow", "any", String.class).join())
                .cause().isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aReadThatEndsInTimeIsAnsweredAndItsThreadNeverInterruptedLater() throws InterruptedException {
        QueryGateway reads = readsLimitedTo(LIMIT, query -> "in time");

        assertThat(reads.query("quick", "any", String.class).join()).isEqualTo("in time");
        Thread.sleep(LIMIT.multipliedBy(3).toMillis()); // would throw if the limit's interrupt came after all
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(timer.getQueue()).as("the ended limit is off the timer's queue").isEmpty();
    }

    @Test
    void aNestedUnitOfWorkRunsInItsRootsTime() throws Exception {
        Duration rootLimit = Duration.ofSeconds(1);
        UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("test", rootLimit, Duration.ofSeconds(10), timer);
        DefaultUnitOfWork<Message<?>> root = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("root"));
        try {
            limit.handle(root, chain(root, () -> Thread.sleep(rootLimit.toMillis() * 6 / 10)));
            DefaultUnitOfWork<Message<?>> nested = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("nested"));
            long nestedStart = System.nanoTime();
            try {
                assertThatThrownBy(() -> limit.handle(nested, chain(nested, () -> Thread.sleep(LONG_WORK.toMillis()))))
                        .isInstanceOf(AxonTimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - nestedStart))
                        .as("stopped when the root's limit passed, not after a limit of its own").isLessThan(rootLimit);
            } finally {
                nested.rollback();
            }
        } finally {
            root.rollback();
        }
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    private QueryGateway readsLimitedTo(Duration limit, MessageHandler<? super QueryMessage<?, String>> handler) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.registerHandlerInterceptor(new UnitOfWorkTimeLimit("query bus", limit, Duration.ofSeconds(10), timer));
        bus.subscribe("slow", String.class, handler);
        bus.subscribe("quick", String.class, handler);
        return DefaultQueryGateway.builder().queryBus(bus).build();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static DefaultInterceptorChain<Message<?>> chain(UnitOfWork<Message<?>> unitOfWork, Work work) {
        return new DefaultInterceptorChain<>(unitOfWork, List.of(), message -> {
            work.run();
            return null;
        });
    }
}
