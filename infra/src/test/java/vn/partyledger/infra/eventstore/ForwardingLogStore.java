package vn.partyledger.infra.eventstore;

import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Hands every call to another store; tests override the one step they change. */
abstract class ForwardingLogStore implements LogStore {

    private final LogStore delegate;

    ForwardingLogStore(LogStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Allocation allocate(Instant latestEventTime) {
        return delegate.allocate(latestEventTime);
    }

    @Override
    public long allocated() {
        return delegate.allocated();
    }

    @Override
    public long filledThrough() {
        return delegate.filledThrough();
    }

    @Override
    public long storedEvents() {
        return delegate.storedEvents();
    }

    @Override
    public void raiseFilledThrough(long position) {
        delegate.raiseFilledThrough(position);
    }

    @Override
    public Map<String, Document> findEntries(Collection<String> keys) {
        return delegate.findEntries(keys);
    }

    @Override
    public void insertEntries(List<Document> entries) {
        delegate.insertEntries(entries);
    }

    @Override
    public boolean replaceVoidEntry(String key, long sealedPosition, Document entry) {
        return delegate.replaceVoidEntry(key, sealedPosition, entry);
    }

    @Override
    public Map<Long, Document> findCommits(Collection<Long> positions) {
        return delegate.findCommits(positions);
    }

    @Override
    public Map<Long, Document> findCommitsWithFirstEventOf(Collection<Long> positions, String aggregateIdentifier) {
        return delegate.findCommitsWithFirstEventOf(positions, aggregateIdentifier);
    }

    @Override
    public Map<Long, Document> findCommitHeaders(Collection<Long> positions) {
        return delegate.findCommitHeaders(positions);
    }

    @Override
    public void insertCommit(Document commit) {
        delegate.insertCommit(commit);
    }

    @Override
    public void insertTombstone(Document tombstone) {
        delegate.insertTombstone(tombstone);
    }

    @Override
    public Document findCommitByRequest(String requestKey) {
        return delegate.findCommitByRequest(requestKey);
    }
}
