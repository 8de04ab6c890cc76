package vn.partyledger.query.batch;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.partyledger.query.batch.PooledReplay.TokenProbe;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every projection that writes in processor batches keeps (ADR 0038), checked behind a real pooled processor
 * (PooledReplay): a log handled again gives the same documents, and a crash between a batch's writes and its token
 * loses nothing. Each projection's test says how it replays, reads back and handles the log one by one.
 */
public abstract class BatchedWritesTest {

    /** A token store that notes each token stored and, if asked, fails the first as a crash before it would. */
    protected abstract TokenProbe tokens(boolean failFirst);

    /** Every event of the log through the projection behind a pooled processor, until its token is at the head. */
    protected abstract void replay(TokenProbe tokens) throws InterruptedException;

    /** The projection's documents, sorted. */
    protected abstract List<Document> documents();

    /** The documents of the same log handled one event at a time, into a database of their own. */
    protected abstract List<Document> handledOneByOne();

    @Test
    void aLogHandledAgainGivesTheSameDocuments() throws Exception {
        replay(tokens(false));
        List<Document> once = documents();

        replay(tokens(false));

        assertThat(documents()).isEqualTo(once);
    }

    @Test
    void aCrashBeforeTheTokenIsStoredLosesNothing() throws Exception {
        TokenProbe tokens = tokens(true);

        replay(tokens);

        assertThat(tokens.failed()).as("the first token was never stored").isTrue();
        assertThat(documents()).isEqualTo(handledOneByOne());
    }
}
