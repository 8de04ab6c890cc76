package vn.partyledger.infra.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * Another commit already recorded the request with this idempotency key (two deliveries of one request raced, or a
 * retry ran after the first attempt's commit was stored). Nothing of this append is visible; the caller answers with
 * the stored commit's outcome instead.
 */
public class DuplicateRequestException extends EventStoreException {

    private final String requestKey;

    DuplicateRequestException(String requestKey) {
        super("request " + requestKey + " is already recorded by another commit");
        this.requestKey = requestKey;
    }

    public String requestKey() {
        return requestKey;
    }
}
