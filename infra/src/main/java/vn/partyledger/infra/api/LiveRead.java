package vn.partyledger.infra.api;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One client following one read as Server-Sent Events — the branch roster (ADR 0033), the due list (ADR 0041): the
 * answer at once, then again after each change the projections report on the subscription query, when it differs from
 * the one sent last. The stream's end, whichever way it comes, cancels the subscription.
 *
 * @param <Q> the query, answered with an optional {@code R}
 * @param <R> the answer each event carries whole
 */
final class LiveRead<Q, R> {

    private static final Logger log = LoggerFactory.getLogger(LiveRead.class);

    /**
     * What is followed: the query, its answer's type, the updates' type, the name of the events sent and the processing
     * group of the projection that answers it.
     */
    record Followed<Q, R>(Q query, Class<R> answer, Class<?> update, String event, String processingGroup) {
    }

    private final QueryGateway queryGateway;
    private final Followed<Q, R> followed;
    private final SubscriptionQueryResult<Optional<R>, ?> subscription;
    private final SecurityContext caller;
    private final SseEmitter stream;
    /** Axon's subscription refuses a second cancel, and every way the stream ends asks for one. */
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** A projection may report a change that leaves this answer as it was: it is not sent again. */
    private final AtomicReference<R> sent = new AtomicReference<>();
    /** Ends the signals from other nodes when the stream ends. */
    private final Sinks.One<Boolean> ended = Sinks.one();

    private LiveRead(QueryGateway queryGateway, Followed<Q, R> followed,
                     SubscriptionQueryResult<Optional<R>, ?> subscription, Duration timeout) {
        this.queryGateway = queryGateway;
        this.followed = followed;
        this.subscription = subscription;
        this.caller = SecurityContextHolder.createEmptyContext();
        this.caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        this.stream = new SseEmitter(timeout.toMillis());
    }

    /**
     * Subscribes through the query bus, whose authorisation checks the caller as for the plain read; a refusal or an
     * empty answer ({@code notFound}) is thrown here, before any stream, and leaves no subscription behind.
     */
    static <Q, R> SseEmitter follow(QueryGateway queryGateway, Followed<Q, R> followed,
                                    Supplier<? extends RuntimeException> notFound, Duration timeout,
                                    Flux<?> elsewhere) {
        SubscriptionQueryResult<Optional<R>, ?> subscription = queryGateway.subscriptionQuery(followed.query(),
                ResponseTypes.optionalInstanceOf(followed.answer()), ResponseTypes.instanceOf(followed.update()));
        R first;
        try {
            first = subscription.initialResult().blockOptional().flatMap(Function.identity()).orElseThrow(notFound);
        } catch (RuntimeException refusedOrUnknown) {
            subscription.cancel();
            throw refusedOrUnknown;
        }
        return new LiveRead<>(queryGateway, followed, subscription, timeout).start(first, elsewhere);
    }

    /**
     * Changes come from this node's projections on the subscription, and from other nodes as their segments of the
     * projection move on ({@code elsewhere}): either makes a re-read.
     */
    private SseEmitter start(R first, Flux<?> elsewhere) {
        stream.onCompletion(this::cancel);
        stream.onTimeout(this::end);
        stream.onError(error -> cancel());
        send(first);
        // Off the event processor's thread, one re-read at a time; changes arriving meanwhile make one more re-read.
        Flux.merge(subscription.updates().doOnComplete(stream::complete),
                        elsewhere.takeUntilOther(ended.asMono()))
                .onBackpressureLatest()
                .publishOn(Schedulers.boundedElastic(), 1)
                .subscribe(change -> readAgain(), this::failed);
        return stream;
    }

    /**
     * The re-read runs where no request's caller is known: it runs as the caller who subscribed, so the query bus
     * checks that caller again like any other read, and a caller whose access ended meanwhile is refused.
     */
    private void readAgain() {
        DelegatingSecurityContextRunnable.create(() -> queryGateway.query(followed.query(),
                        ResponseTypes.optionalInstanceOf(followed.answer())).join()
                .ifPresentOrElse(this::sendIfChanged, this::end), caller).run();
    }

    private void sendIfChanged(R answer) {
        if (!Objects.equals(sent.get(), answer)) {
            send(answer);
        }
    }

    private void send(R answer) {
        try {
            stream.send(SseEmitter.event().name(followed.event()).data(answer, MediaType.APPLICATION_JSON));
            sent.set(answer);
        } catch (IOException | IllegalStateException gone) {
            // A write is how the server learns that the client went away, or that the stream ended meanwhile.
            cancel();
        }
    }

    /** A re-read was refused (the caller's access ended) or failed: the client reconnects and is checked afresh. */
    private void failed(Throwable failure) {
        log.warn("Live {} of {} ended: {}", followed.event(), followed.query(), failure.toString());
        end();
    }

    private void end() {
        cancel();
        stream.complete();
    }

    private void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            subscription.cancel();
            ended.tryEmitValue(true);
        }
    }
}
