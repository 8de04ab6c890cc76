package vn.partyledger.infra.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.partyledger.infra.axon.StoredTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How far a projection has read the log. A command answers with the log position of its last event; a query given that
 * position as {@code minPosition} waits here, for a bounded time, until the projection has read that far, so a client
 * reads its own write (issue 11 item 8). Every segment counts, those other nodes hold by their stored tokens, so a read
 * on one node waits for a segment another node is behind on.
 */
@Component
public class ProjectionProgress {

    private static final long POLL_MILLIS = 10;

    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final Duration wait;

    public ProjectionProgress(EventProcessingConfiguration processing, StoredTokens storedTokens,
                              @Value("${partyledger.read.min-position-wait:5s}") Duration wait) {
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.wait = wait;
    }

    /**
     * Returns once the processing group has read through the position the caller asked for, at once when none was
     * asked; refuses with 503 after the wait.
     */
    public void awaitIfAsked(String processingGroup, Long position) {
        if (position != null) {
            awaitPosition(processingGroup, position);
        }
    }

    private void awaitPosition(String processingGroup, long position) {
        long deadline = System.nanoTime() + wait.toNanos();
        long reached = reached(processingGroup);
        while (reached < position) {
            if (System.nanoTime() >= deadline) {
                throw new ProjectionBehind(processingGroup, position, reached);
            }
            pause();
            reached = reached(processingGroup);
        }
    }

    /**
     * The position every segment has read through, on whichever node holds it: each segment's stored token, or this
     * node's progress on a segment it holds where that is further; the least of them, -1 before any has read.
     */
    private long reached(String processingGroup) {
        Map<Integer, EventTrackerStatus> held = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + processingGroup));
        Map<Integer, Long> heldPositions = new HashMap<>();
        held.forEach((segment, status) -> heldPositions.put(segment, position(status.getTrackingToken())));
        return leastOf(storedTokens.positions(processingGroup), heldPositions);
    }

    /** The least position over every segment, each at the further of its stored and held positions. */
    static long leastOf(Map<Integer, Long> stored, Map<Integer, Long> held) {
        Map<Integer, Long> segments = new HashMap<>(stored);
        held.forEach((segment, position) -> segments.merge(segment, position, Math::max));
        return segments.values().stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a projection", interrupted);
        }
    }

    /** The projection has not read as far as the caller asked within the wait: answered 503 with Retry-After. */
    public static final class ProjectionBehind extends RuntimeException {

        ProjectionBehind(String processingGroup, long asked, long reached) {
            super("The " + processingGroup + " projection has read the log through position " + reached
                    + ", not yet through " + asked + ". Ask again shortly.");
        }
    }
}
