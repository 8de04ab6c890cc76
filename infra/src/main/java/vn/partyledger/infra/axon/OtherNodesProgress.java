package vn.partyledger.infra.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells this node's live reads that a processor's segments held by another node have moved on: those segments'
 * projections report their changes on that node's query bus only, so a client following a roster here would not hear
 * of them. Every {@link #POLL} while someone follows, the stored tokens of the processors followed are read, and a
 * processor whose segments elsewhere have stored further is named once (ADR 0053).
 */
public class OtherNodesProgress implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(OtherNodesProgress.class);

    private final StoredTokens tokens;
    private final String nodeId;
    /** Each processor followed, with the sum of the positions its segments held elsewhere stored when last read. */
    private final Map<String, Long> followed = new ConcurrentHashMap<>();
    private final Sinks.Many<String> advanced = Sinks.many().multicast().directBestEffort();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "other-nodes-progress");
        thread.setDaemon(true);
        return thread;
    });

    public OtherNodesProgress(StoredTokens tokens, ProcessingNodes nodes) {
        this.tokens = tokens;
        this.nodeId = nodes.nodeId();
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A signal each time the processor's segments held by other nodes have stored further. */
    public Flux<String> advances(String processingGroup) {
        followed.computeIfAbsent(processingGroup, group -> tokens.progressElsewhere(group, nodeId));
        return advanced.asFlux().filter(processingGroup::equals);
    }

    private void poll() {
        if (advanced.currentSubscriberCount() == 0) {
            return;
        }
        try {
            followed.replaceAll((group, before) -> {
                long now = tokens.progressElsewhere(group, nodeId);
                if (now != before) {
                    advanced.tryEmitNext(group);
                }
                return now;
            });
        } catch (RuntimeException e) {
            // the next poll reads again; meanwhile the followers hear only of this node's changes
            log.warn("Progress of other nodes not read: {}", e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        advanced.tryEmitComplete();
    }
}
