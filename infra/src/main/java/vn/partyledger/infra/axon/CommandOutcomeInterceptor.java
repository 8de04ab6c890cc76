package vn.partyledger.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import vn.partyledger.infra.eventstore.AppendedThrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String target = targets.resolveTarget(unitOfWork.getMessage()).getIdentifier();
        AppliedEvents applied = unitOfWork.root().getOrComputeResource(APPLIED_EVENTS,
                key -> new AppliedEvents(target, unitOfWork.root().resources()));
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

    /**
     * The events a command applied, complete once its unit of work has committed. A command may also change other
     * aggregates (an admission puts the member on the branch's roll): the version is the target aggregate's, the
     * event ids are all of them, in the order they were appended.
     */
    public static final class AppliedEvents {

        private final String target;
        private final List<EventMessage<?>> events = new ArrayList<>();
        private final Map<String, Object> unitOfWork;

        private AppliedEvents(String target, Map<String, Object> unitOfWork) {
            this.target = target;
            this.unitOfWork = unitOfWork;
        }

        /** The outcome, or null when the command applied no event to its target. */
        public CommandOutcome toOutcome() {
            return events.stream()
                    .filter(DomainEventMessage.class::isInstance)
                    .map(event -> (DomainEventMessage<?>) event)
                    .filter(event -> target.equals(event.getAggregateIdentifier()))
                    .reduce((first, second) -> second)
                    .map(last -> new CommandOutcome(target, last.getSequenceNumber(),
                            events.stream().map(EventMessage::getIdentifier).toList(),
                            AppendedThrough.in(unitOfWork).orElseThrow(() -> new IllegalStateException(
                                    "the events of " + target + " were applied but no append was recorded"))))
                    .orElse(null);
        }
    }
}
