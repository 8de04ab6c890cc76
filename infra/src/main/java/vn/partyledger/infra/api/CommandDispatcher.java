package vn.partyledger.infra.api;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.shared.RuleSet;
import vn.partyledger.infra.axon.CommandOutcome;
import vn.partyledger.infra.axon.CommandOutcomeInterceptor;
import vn.partyledger.infra.axon.ExpectedVersionTargetResolver;
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
    private final IdempotencyStore idempotency;
    private final TransientFailureRetry retry = new TransientFailureRetry(5, 25);

    public CommandDispatcher(CommandGateway commandGateway, CurrentActor currentActor, IdempotencyStore idempotency) {
        this.commandGateway = commandGateway;
        this.currentActor = currentActor;
        this.idempotency = idempotency;
    }

    public Dispatched dispatch(CommandRequest request, RequestContext context) {
        Actor actor = currentActor.get();
        String key = context.idempotencyKey();
        if (key == null) {
            return new Dispatched(send(request, context, actor, UUID.randomUUID().toString()), false);
        }
        Optional<CommandOutcome> earlier = idempotency.claim(actor.userId(), key, request.fingerprint());
        if (earlier.isPresent()) {
            return new Dispatched(earlier.get(), true);
        }
        try {
            CommandOutcome outcome = send(request, context, actor, key);
            idempotency.complete(actor.userId(), key, outcome);
            return new Dispatched(outcome, false);
        } catch (RuntimeException refused) {
            idempotency.release(actor.userId(), key);
            throw refused;
        }
    }

    private CommandOutcome send(CommandRequest request, RequestContext context, Actor actor, String requestId) {
        Map<String, Object> metadata = new HashMap<>();
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
