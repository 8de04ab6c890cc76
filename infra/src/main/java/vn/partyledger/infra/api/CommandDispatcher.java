package vn.partyledger.infra.api;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.shared.RuleSet;
import vn.partyledger.infra.axon.CommandOutcome;
import vn.partyledger.infra.axon.CommandOutcomeInterceptor;
import vn.partyledger.infra.axon.ExpectedVersionTargetResolver;
import vn.partyledger.infra.eventstore.DuplicateRequestException;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.security.CurrentActor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a command with the metadata every event must carry (actor, decision, business date, rule set, request and
 * correlation ids), honouring Idempotency-Key and If-Match.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;
    private final CurrentActor currentActor;
    private final RecordedOutcomes recorded;
    private static final int RACE_LOOKS = 40;
    private static final long RACE_PAUSE_MILLIS = 50;

    private final TransientFailureRetry retry = new TransientFailureRetry(5, 25);

    public CommandDispatcher(CommandGateway commandGateway, CurrentActor currentActor, RecordedOutcomes recorded) {
        this.commandGateway = commandGateway;
        this.currentActor = currentActor;
        this.recorded = recorded;
    }

    /**
     * With an Idempotency-Key the log is asked first; otherwise the command runs with the key as the request key of
     * its commit. Two deliveries of one request that race both run, and the log keeps only the first commit: the
     * second learns of it (a conflict, a refusal, or {@link DuplicateRequestException}) and answers the first outcome.
     */
    public Dispatched dispatch(CommandRequest request, RequestContext context) {
        Actor actor = currentActor.get();
        String key = context.idempotencyKey();
        if (key == null) {
            return new Dispatched(send(request, context, actor, UUID.randomUUID().toString(), null), false);
        }
        String requestKey = RecordedOutcomes.requestKey(actor.userId(), key);
        Optional<CommandOutcome> earlier = recorded.find(requestKey, request);
        if (earlier.isPresent()) {
            return new Dispatched(earlier.get(), true);
        }
        try {
            return new Dispatched(send(request, context, actor, key, requestKey), false);
        } catch (RuntimeException failed) {
            Optional<CommandOutcome> first = metAnotherWriter(failed)
                    ? firstOutcomeOfRace(requestKey, request)
                    : recorded.find(requestKey, request);
            return new Dispatched(first.orElseThrow(() -> failed), true);
        }
    }

    /**
     * A refusal may also come from the first delivery of this very request having been recorded meanwhile (the
     * candidate is already registered); a conflict may come from its commit still being on its way.
     */
    private static boolean metAnotherWriter(RuntimeException failure) {
        return failure instanceof DuplicateRequestException || failure instanceof ConcurrencyException
                || failure instanceof AggregateStreamCreationException;
    }

    /**
     * A delivery of the same request that ran at the same moment meets this one on the records it writes, usually
     * before the log has refused the second commit for its request key; its commit may still be on its way. Wait a
     * little for it: if it lands, answer its outcome; if not, the conflict stands and a later retry will find it.
     */
    private Optional<CommandOutcome> firstOutcomeOfRace(String requestKey, CommandRequest request) {
        for (int look = 0; look < RACE_LOOKS; look++) {
            Optional<CommandOutcome> first = recorded.find(requestKey, request);
            if (first.isPresent()) {
                return first;
            }
            try {
                Thread.sleep(RACE_PAUSE_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private CommandOutcome send(CommandRequest request, RequestContext context, Actor actor, String requestId,
                                String requestKey) {
        Map<String, Object> metadata = new HashMap<>();
        if (requestKey != null) {
            metadata.put(MongoEventStorageEngine.REQUEST_KEY, requestKey);
            metadata.put(MongoEventStorageEngine.REQUEST_FINGERPRINT, request.fingerprint());
        }
        metadata.put(MetadataKeys.ACTOR, actorMetadata(actor));
        if (request.decision() != null) {
            metadata.put(MetadataKeys.DECISION, decisionMetadata(request.decision()));
        }
        metadata.put(MetadataKeys.BUSINESS_DATE, request.businessDate().toString());
        metadata.put(MetadataKeys.RULE_SET, RuleSet.inForceOn(request.businessDate()).name());
        metadata.put(MetadataKeys.REQUEST_ID, requestId);
        metadata.put(MetadataKeys.CORRELATION_ID,
                context.correlationId() != null ? context.correlationId() : UUID.randomUUID().toString());
        if (context.expectedVersion() != null) {
            metadata.put(ExpectedVersionTargetResolver.EXPECTED_VERSION, context.expectedVersion());
        }
        Object result = retry.call(() -> commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(request.command()).andMetaData(MetaData.from(metadata))));
        CommandOutcome outcome = result instanceof CommandOutcomeInterceptor.AppliedEvents applied
                ? applied.toOutcome() : null;
        if (outcome == null) {
            throw new IllegalStateException("command " + request.command().getClass().getSimpleName()
                    + " applied no event; every accepted command must record one");
        }
        return outcome;
    }

    private static Map<String, String> actorMetadata(Actor actor) {
        Map<String, String> map = new HashMap<>();
        map.put("userId", actor.userId());
        map.put("role", actor.role());
        if (actor.actingForOrgId() != null) {
            map.put("actingForOrgId", actor.actingForOrgId());
        }
        return map;
    }

    private static Map<String, String> decisionMetadata(DecisionRef decision) {
        return Map.of("docNumber", decision.docNumber(),
                "docDate", decision.docDate().toString(),
                "issuingOrgId", decision.issuingOrgId());
    }

    /** The outcome, and whether it is the remembered answer to an earlier identical request. */
    public record Dispatched(CommandOutcome outcome, boolean replayed) {
    }
}
