package vn.partyledger.infra.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * The database could not be reached to learn whether the commit was stored, nor to seal its position. The command is
 * neither acknowledged nor refused: a retry with the same idempotency key returns the first outcome if it was stored,
 * or records the decision once if it was not.
 */
public class AppendOutcomeUnknownException extends EventStoreException {

    AppendOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
