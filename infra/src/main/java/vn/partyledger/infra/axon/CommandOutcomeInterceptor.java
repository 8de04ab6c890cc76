package vn.partyledger.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Turns a command's result into a {@link CommandOutcome}: the events it applied are noted as they are published inside
 * the command's unit of work, and the handler's own return value (an id or nothing) is replaced by the outcome.
 */
public class CommandOutcomeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>>,
        MessageDispatchInterceptor<EventMessage<?>> {

    private static final String APPLIED_EVENTS = CommandOutcomeInterceptor.class.getName() + ".appliedEvents";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        List<EventMessage<?>> applied = unitOfWork.root().getOrComputeResource(APPLIED_EVENTS, key -> new ArrayList<>());
        Object result = chain.proceed();
        if (applied.isEmpty()) {
            return result;
        }
        DomainEventMessage<?> last = (DomainEventMessage<?>) applied.get(applied.size() - 1);
        return new CommandOutcome(last.getAggregateIdentifier(), last.getSequenceNumber(),
                applied.stream().map(EventMessage::getIdentifier).toList());
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> {
            List<EventMessage<?>> applied = unitOfWork.root().getResource(APPLIED_EVENTS);
            if (applied != null) {
                applied.addAll(messages);
            }
        });
        return (index, message) -> message;
    }
}
