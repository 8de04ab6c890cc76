package vn.partyledger.infra.security;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.shared.MetadataKeys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Checks every command sent on the command bus before it reaches a handler, so a refusal appends nothing. The check's
 * look-ups run in a unit of work of their own: had they shared the command's, a command founding a record the check
 * had just loaded would find it already taken by the look-up. The actor and business date checked are the metadata the
 * HTTP API's dispatcher put on the command from the authenticated caller, and so exactly what its events will record.
 */
public class CommandAuthorisation implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Authorisation authorisation;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public CommandAuthorisation(Authorisation authorisation) {
        this.authorisation = authorisation;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            MetaData metaData = command.getMetaData();
            if (!(metaData.get(MetadataKeys.ACTOR) instanceof Map<?, ?> actor)
                    || !(metaData.get(MetadataKeys.BUSINESS_DATE) instanceof String businessDate)) {
                throw AccessRefused.noActor(command.getPayloadType().getSimpleName());
            }
            Actor recorded = new Actor(String.valueOf(actor.get("userId")), String.valueOf(actor.get("role")),
                    (String) actor.get("actingForOrgId"));
            DefaultUnitOfWork.startAndGet(command).execute(() -> authorisation.check(recorded, command.getPayload(),
                    targets.resolveTarget(command).getIdentifier(), LocalDate.parse(businessDate)));
            return command;
        };
    }
}
