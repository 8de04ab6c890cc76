package vn.partyledger.infra.rebuild;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log as a rebuild reads it, every event counted as it is read. A processor asks its stream to skip the types of
 * event its handlers ignore; this stream does not, so the count is of the log, not of the events the projection
 * handles, and a rebuild's progress reaches the total the log holds. An event of an ignored type costs the processor
 * a look at its type, not its deserialisation.
 */
final class CountedLog implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> log;
    private final AtomicLong read;

    CountedLog(StreamableMessageSource<TrackedEventMessage<?>> log, AtomicLong read) {
        this.log = log;
        this.read = read;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = log.openStream(trackingToken);
        return new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return stream.peek();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                return stream.hasNextAvailable(timeout, unit);
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                TrackedEventMessage<?> event = stream.nextAvailable();
                read.incrementAndGet();
                return event;
            }

            @Override
            public void close() {
                stream.close();
            }

            @Override
            public boolean setOnAvailableCallback(Runnable callback) {
                return stream.setOnAvailableCallback(callback);
            }
        };
    }

    @Override
    public TrackingToken createTailToken() {
        return log.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return log.createHeadToken();
    }
}
