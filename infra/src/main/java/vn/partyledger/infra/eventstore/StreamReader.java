package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregate loads: the {@code $in} of the stream's next entry keys, then the {@code $in} of the commits they point at.
 * A load of one aggregate asks each commit only for its first event of that aggregate (ADR 0071): most commits hold one
 * event of it, and an import's commit holds fifty members' events, each decoded, sent and decoded again to take one.
 * A commit that holds more of the batch's events, or whose first one is not the one wanted, is read whole.
 * A batch ends at the first sequence number without an entry or whose commit is not stored (in flight or sealed):
 * a load sees exactly the events a processor can see, never one of an append that is not yet, or never, visible.
 */
final class StreamReader {

    private final LogStore store;

    StreamReader(LogStore store) {
        this.store = store;
    }

    List<DomainEventData<?>> fetch(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        Map<String, Document> entries = store.findEntries(keys(aggregateIdentifier, firstSequenceNumber, batchSize));
        Map<Long, Long> firstWanted = new HashMap<>();
        Set<Long> whole = new HashSet<>();
        for (long seq = firstSequenceNumber; seq < firstSequenceNumber + batchSize; seq++) {
            Document entry = entries.get(StreamEntry.key(aggregateIdentifier, seq));
            if (entry == null) {
                break;
            }
            long position = StreamEntry.positionOf(entry);
            if (firstWanted.putIfAbsent(position, seq) != null) {
                whole.add(position);
            }
        }
        firstWanted.keySet().removeAll(whole);
        Map<Long, Document> commits = new HashMap<>(
                store.findCommitsWithFirstEventOf(firstWanted.keySet(), aggregateIdentifier));
        firstWanted.forEach((position, seq) -> {
            Document commit = commits.get(position);
            if (commit != null && !CommitDocument.isTombstone(commit)
                    && CommitDocument.eventOf(commit, aggregateIdentifier, seq) == null) {
                whole.add(position);
            }
        });
        commits.putAll(store.findCommits(whole));
        return located(aggregateIdentifier, firstSequenceNumber, batchSize, entries, commits).stream()
                .<DomainEventData<?>>map(found -> CommitDocument.eventData(found.event())).toList();
    }

    /**
     * The batches {@link #fetch} gives of each aggregate from its first sequence number, read together: the entries of
     * them all in one {@code $in}, their commits in another.
     */
    Map<String, List<DomainEventData<?>>> fetchAll(Map<String, Long> firstSequenceNumbers, int batchSize) {
        Map<String, List<DomainEventData<?>>> batches = new HashMap<>();
        locatedAll(firstSequenceNumbers, batchSize).forEach((aggregate, located) -> batches.put(aggregate,
                located.stream().<DomainEventData<?>>map(found -> CommitDocument.eventData(found.event())).toList()));
        return batches;
    }

    /** The same batch as {@link #fetch}, each event as stored with its place in the log. */
    List<StoredEvent> stored(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        return located(aggregateIdentifier, firstSequenceNumber, batchSize).stream()
                .map(found -> StoredEvent.of(found.event(), StreamEntry.positionOf(found.entry()),
                                             CommitDocument.events(found.commit()).indexOf(found.event())))
                .toList();
    }

    private record Located(Document entry, Document commit, Document event) {
    }

    private List<Located> located(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        return locatedAll(Map.of(aggregateIdentifier, firstSequenceNumber), batchSize).get(aggregateIdentifier);
    }

    private Map<String, List<Located>> locatedAll(Map<String, Long> firstSequenceNumbers, int batchSize) {
        List<String> keys = new ArrayList<>();
        firstSequenceNumbers.forEach((aggregate, first) -> keys.addAll(keys(aggregate, first, batchSize)));
        Map<String, Document> entries = store.findEntries(keys);
        Set<Long> positions = new LinkedHashSet<>();
        firstSequenceNumbers.forEach((aggregate, first) -> {
            for (long seq = first; seq < first + batchSize; seq++) {
                Document entry = entries.get(StreamEntry.key(aggregate, seq));
                if (entry == null) {
                    break;
                }
                positions.add(StreamEntry.positionOf(entry));
            }
        });
        Map<Long, Document> commits = store.findCommits(positions);
        Map<String, List<Located>> batches = new HashMap<>();
        firstSequenceNumbers.forEach((aggregate, first) ->
                batches.put(aggregate, located(aggregate, first, batchSize, entries, commits)));
        return batches;
    }

    /** The aggregate's events from {@code first}, up to the first without an entry or a stored commit holding it. */
    private static List<Located> located(String aggregate, long first, int batchSize, Map<String, Document> entries,
                                         Map<Long, Document> commits) {
        List<Located> batch = new ArrayList<>();
        for (long seq = first; seq < first + batchSize; seq++) {
            Document entry = entries.get(StreamEntry.key(aggregate, seq));
            Document commit = entry == null ? null : commits.get(StreamEntry.positionOf(entry));
            Document event = commit == null ? null : CommitDocument.eventOf(commit, aggregate, seq);
            if (event == null) {
                break;
            }
            batch.add(new Located(entry, commit, event));
        }
        return batch;
    }

    /** The highest sequence number a load would return, found batch by batch from the start of the stream. */
    Optional<Long> lastSequenceNumber(String aggregateIdentifier, int batchSize) {
        long next = 0;
        while (true) {
            Map<String, Document> entries = store.findEntries(keys(aggregateIdentifier, next, batchSize));
            List<Long> positions = entries.values().stream().map(StreamEntry::positionOf).distinct().toList();
            Map<Long, Document> commits = store.findCommitHeaders(positions);
            long end = next;
            while (end < next + batchSize && stored(entries.get(StreamEntry.key(aggregateIdentifier, end)), commits)) {
                end++;
            }
            if (end < next + batchSize) {
                return end == 0 ? Optional.empty() : Optional.of(end - 1);
            }
            next = end;
        }
    }

    /**
     * Of the aggregates given with a sequence number each, those whose event of that number a load would return: its
     * entry is there and its commit stored. Two reads, however many aggregates.
     */
    Set<String> holding(Map<String, Long> sequenceNumbers) {
        Map<String, String> keys = new HashMap<>();
        sequenceNumbers.forEach((aggregate, sequence) -> keys.put(StreamEntry.key(aggregate, sequence), aggregate));
        Map<String, Document> entries = store.findEntries(keys.keySet());
        Map<Long, Document> commits = store.findCommitHeaders(entries.values().stream().map(StreamEntry::positionOf)
                .distinct().toList());
        Set<String> holding = new HashSet<>();
        entries.forEach((key, entry) -> {
            if (stored(entry, commits)) {
                holding.add(keys.get(key));
            }
        });
        return holding;
    }

    private static boolean stored(Document entry, Map<Long, Document> commits) {
        if (entry == null) {
            return false;
        }
        Document commit = commits.get(StreamEntry.positionOf(entry));
        return commit != null && !CommitDocument.isTombstone(commit);
    }

    /** The stream entry keys of {@code count} sequence numbers from {@code from}. */
    static List<String> keys(String aggregateIdentifier, long from, int count) {
        List<String> keys = new ArrayList<>(count);
        for (long seq = from; seq < from + count; seq++) {
            keys.add(StreamEntry.key(aggregateIdentifier, seq));
        }
        return keys;
    }
}
