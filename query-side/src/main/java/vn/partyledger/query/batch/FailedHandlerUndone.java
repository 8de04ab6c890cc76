package vn.partyledger.query.batch;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Wraps every event handler so that, when it fails, what it queued in its unit of work's {@link ProjectionBatch} is
 * taken back: the dead-letter queue catches the failure inside the batch and parks the event, and the batch's other
 * events go on and are written — without any part of the parked event's effect. Registered through
 * {@code META-INF/services}, so Axon applies it to every handler it finds, in the application and in tests alike.
 */
public final class FailedHandlerUndone implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.canHandleMessageType(EventMessage.class) ? new Undone<>(original) : original;
    }

    private static final class Undone<T> extends WrappedMessageHandlingMember<T> {

        private Undone(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            ProjectionBatch.handlerStarted();
            try {
                return super.handle(message, target);
            } catch (Exception | Error failure) {
                ProjectionBatch.handlerFailed();
                throw failure;
            }
        }
    }
}
