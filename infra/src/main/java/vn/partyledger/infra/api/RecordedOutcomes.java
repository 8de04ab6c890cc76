package vn.partyledger.infra.api;

import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.stereotype.Component;
import vn.partyledger.infra.axon.CommandOutcome;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.eventstore.RecordedRequest;

import java.util.Optional;

/**
 * The first outcome of a request sent with an {@code Idempotency-Key}, read from the log itself: the key is stored
 * as the unique request key of the commit that holds the request's events (ADR 0019), so it is written atomically
 * with them. A retry after a crash at any point either finds that commit or runs the command, at most once.
 */
@Component
public class RecordedOutcomes {

    private final MongoEventStorageEngine log;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public RecordedOutcomes(MongoEventStorageEngine log) {
        this.log = log;
    }

    /** The key under which the log records this user's request. */
    static String requestKey(String userId, String idempotencyKey) {
        return userId + "|" + idempotencyKey;
    }

    /** The outcome recorded for the request, if its commit is stored; refuses a key reused for another request. */
    Optional<CommandOutcome> find(String requestKey, CommandRequest request) {
        Optional<RecordedRequest> recorded = log.findRequest(requestKey);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        if (!request.fingerprint().equals(recorded.get().fingerprint())) {
            throw new IdempotencyConflict("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }
        String target = targets.resolveTarget(GenericCommandMessage.asCommandMessage(request.command()))
                               .getIdentifier();
        long version = recorded.get().events().stream()
                .filter(event -> target.equals(event.aggregateIdentifier()))
                .mapToLong(RecordedRequest.RecordedEvent::sequenceNumber)
                .max()
                .orElseThrow(() -> new IllegalStateException("the commit of request " + requestKey
                        + " holds no event of its target " + target));
        return Optional.of(new CommandOutcome(target, version,
                recorded.get().events().stream().map(RecordedRequest.RecordedEvent::eventIdentifier).toList(),
                recorded.get().position()));
    }
}
