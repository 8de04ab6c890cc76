package vn.partyledger.infra.api;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.partyledger.infra.axon.OtherNodesProgress;

import java.time.Duration;
import java.util.function.Supplier;

/** Starts the live reads (ADR 0033, 0053): each client follows one read until it goes away or the timeout passes. */
@Component
public class LiveReads {

    private final QueryGateway queryGateway;
    private final OtherNodesProgress otherNodes;
    private final Duration timeout;

    public LiveReads(QueryGateway queryGateway, OtherNodesProgress otherNodes,
                     @Value("${partyledger.read.live-timeout:30m}") Duration timeout) {
        this.queryGateway = queryGateway;
        this.otherNodes = otherNodes;
        this.timeout = timeout;
    }

    /** The stream of the read's answers; {@code notFound} is thrown before any stream when there is no answer. */
    <Q, R> SseEmitter follow(LiveRead.Followed<Q, R> followed, Supplier<? extends RuntimeException> notFound) {
        return LiveRead.follow(queryGateway, followed, notFound, timeout,
                otherNodes.advances(followed.processingGroup()));
    }
}
