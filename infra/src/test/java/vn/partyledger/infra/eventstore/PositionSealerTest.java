package vn.partyledger.infra.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PositionSealerTest {

    private static final Duration SEAL_AFTER = Duration.ofSeconds(30);

    private EmbeddedMongo mongo;
    private MongoLogStore store;
    private final AtomicLong nanos = new AtomicLong();
    private PositionSealer sealer;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        store = new MongoLogStore(mongo.newNodeDatabase());
        sealer = new PositionSealer(store, SEAL_AFTER, Clock.systemUTC(), nanos::get);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void anEmptyPositionIsWaitedForUntilItHasStayedEmptyForTheSealTimeoutAsSeenHere() {
        long position = store.allocate(Instant.now()).position();
        assertThat(sealer.empty(position)).isEqualTo(PositionSealer.State.IN_FLIGHT);
        nanos.addAndGet(SEAL_AFTER.toNanos() - 1);
        assertThat(sealer.empty(position)).isEqualTo(PositionSealer.State.IN_FLIGHT);
        nanos.addAndGet(1);
        assertThat(sealer.empty(position)).isEqualTo(PositionSealer.State.SEALED);
        assertThat(CommitDocument.isTombstone(store.findCommits(List.of(position)).get(position))).isTrue();
    }

    @Test
    void aPositionFilledByItsWriterBeforeTheSealIsReportedCommittedAndKept() {
        long position = store.allocate(Instant.now()).position();
        sealer.empty(position);
        nanos.addAndGet(SEAL_AFTER.toNanos());
        Document commit = CommitDocument.commit(position, "c-1", "commit:c-1", new Date(), new Date(), List.of());
        store.insertCommit(commit);

        assertThat(sealer.empty(position)).isEqualTo(PositionSealer.State.COMMITTED);
        assertThat(store.findCommits(List.of(position)).get(position).getString(CommitDocument.COMMIT_ID))
                .isEqualTo("c-1");
    }

    @Test
    void theTimeoutRestartsWhenAPositionIsSeenFilledAndForgotten() {
        long position = store.allocate(Instant.now()).position();
        sealer.empty(position);
        nanos.addAndGet(SEAL_AFTER.toNanos());
        sealer.filled(position);
        assertThat(sealer.empty(position)).isEqualTo(PositionSealer.State.IN_FLIGHT);
    }

    @Test
    void sealingAPositionTwiceKeepsOneTombstone() {
        long position = store.allocate(Instant.now()).position();
        assertThat(sealer.seal(position)).isEqualTo(PositionSealer.State.SEALED);
        assertThat(new PositionSealer(store, SEAL_AFTER, Clock.systemUTC(), nanos::get).seal(position))
                .isEqualTo(PositionSealer.State.SEALED);
        assertThat(store.findCommits(List.of(position))).hasSize(1);
    }
}
