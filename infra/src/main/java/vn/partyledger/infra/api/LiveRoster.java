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
import reactor.core.scheduler.Schedulers;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.RosterChanged;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One client following one branch's roster as Server-Sent Events (ADR 0033): the roster at once, then again after each
 * change the projection reports on the subscription query. The stream's end, whichever way it comes, cancels the
 * subscription.
 */
final class LiveRoster {

    private static final String EVENT = "roster";
    private static final Logger log = LoggerFactory.getLogger(LiveRoster.class);

    private final QueryGateway queryGateway;
    private final FindBranchRoster query;
    private final SubscriptionQueryResult<Optional<BranchRoster>, RosterChanged> subscription;
    private final SecurityContext caller;
    private final SseEmitter stream;
    /** Axon's subscription refuses a second cancel, and every way the stream ends asks for one. */
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private LiveRoster(QueryGateway queryGateway, FindBranchRoster query,
                       SubscriptionQueryResult<Optional<BranchRoster>, RosterChanged> subscription, Duration timeout) {
        this.queryGateway = queryGateway;
        this.query = query;
        this.subscription = subscription;
        this.caller = SecurityContextHolder.createEmptyContext();
        this.caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        this.stream = new SseEmitter(timeout.toMillis());
    }

    /**
     * Subscribes through the query bus, whose authorisation checks the caller as for the plain roster; a refusal or an
     * unknown branch is thrown here, before any stream, and leaves no subscription behind.
     */
    static SseEmitter follow(QueryGateway queryGateway, FindBranchRoster query, Duration timeout) {
        SubscriptionQueryResult<Optional<BranchRoster>, RosterChanged> subscription = queryGateway.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(BranchRoster.class),
                ResponseTypes.instanceOf(RosterChanged.class));
        BranchRoster first;
        try {
            first = subscription.initialResult().blockOptional().flatMap(Function.identity())
                    .orElseThrow(() -> new RosterNotFound(query.orgId()));
        } catch (RuntimeException refusedOrUnknown) {
            subscription.cancel();
            throw refusedOrUnknown;
        }
        return new LiveRoster(queryGateway, query, subscription, timeout).start(first);
    }

    private SseEmitter start(BranchRoster first) {
        stream.onCompletion(this::cancel);
        stream.onTimeout(this::end);
        stream.onError(error -> cancel());
        send(first);
        // Off the event processor's thread, one re-read at a time; changes arriving meanwhile make one more re-read.
        subscription.updates()
                .onBackpressureLatest()
                .publishOn(Schedulers.boundedElastic(), 1)
                .subscribe(change -> readAgain(), this::failed, stream::complete);
        return stream;
    }

    /**
     * The re-read runs where no request's caller is known: it runs as the caller who subscribed, so the query bus
     * checks that caller again like any other read, and a caller whose access ended meanwhile is refused.
     */
    private void readAgain() {
        DelegatingSecurityContextRunnable.create(() -> queryGateway.query(query,
                        ResponseTypes.optionalInstanceOf(BranchRoster.class)).join()
                .ifPresentOrElse(this::send, this::end), caller).run();
    }

    private void send(BranchRoster roster) {
        try {
            stream.send(SseEmitter.event().name(EVENT).data(roster, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            // A write is how the server learns that the client went away, or that the stream ended meanwhile.
            cancel();
        }
    }

    /** A re-read was refused (the caller's access ended) or failed: the client reconnects and is checked afresh. */
    private void failed(Throwable failure) {
        log.warn("Live roster of {} ended: {}", query.orgId(), failure.toString());
        end();
    }

    private void end() {
        cancel();
        stream.complete();
    }

    private void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            subscription.cancel();
        }
    }
}
