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
 * Makes a command's result the events it applied. Axon hands events to the event bus's dispatch interceptors only when
 * the unit of work prepares to commit, after the handler has returned; so the handler's result is replaced by an
 * {@link AppliedEvents} holder that the dispatch interceptor fills during that same commit, on the same thread, before
 * the result reaches the sender.
 */
public class CommandOutcomeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>>,
        MessageDispatchInterceptor<EventMessage<?>> {

    private static final String APPLIED_EVENTS = CommandOutcomeInterceptor.class.getName() + ".appliedEvents";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        AppliedEvents applied = unitOfWork.root().getOrComputeResource(APPLIED_EVENTS, key -> new AppliedEvents());
        chain.proceed();
        return applied;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> {
            AppliedEvents applied = unitOfWork.root().getResource(APPLIED_EVENTS);
            if (applied != null) {
                applied.events.addAll(messages);
            }
        });
        return (index, message) -> message;
    }

    /** The events a command applied, complete once its unit of work has committed. */
    public static final class AppliedEvents {

        private final List<EventMessage<?>> events = new ArrayList<>();

        /** The outcome, or null when the command applied no event. */
        public CommandOutcome toOutcome() {
            if (events.isEmpty()) {
                return null;
            }
            DomainEventMessage<?> last = (DomainEventMessage<?>) events.get(events.size() - 1);
            return new CommandOutcome(last.getAggregateIdentifier(), last.getSequenceNumber(),
                    events.stream().map(EventMessage::getIdentifier).toList());
        }
    }
}
