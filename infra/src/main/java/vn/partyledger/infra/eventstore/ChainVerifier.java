package vn.partyledger.infra.eventstore;

import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recomputes the hashes of what is stored (docs/event-hash.md). An aggregate's chain is checked from its first event
 * to the last one whose commit is stored, not to any head document; the whole log is checked commit by commit up to
 * the highest allocated position, every stream's links followed across commits, and every event's stream entry must
 * point at the commit that holds it.
 */
final class ChainVerifier {

    private final LogStore store;
    private final int batchSize;

    ChainVerifier(LogStore store, int batchSize) {
        this.store = store;
        this.batchSize = batchSize;
    }

    ChainVerification verifyStream(String aggregateIdentifier) {
        String previousHash = null;
        long checked = 0;
        boolean ended = false;
        for (long from = 0; ; from += batchSize) {
            List<String> keys = new ArrayList<>();
            for (long seq = from; seq < from + batchSize; seq++) {
                keys.add(StreamEntry.key(aggregateIdentifier, seq));
            }
            Map<String, Document> entries = store.findEntries(keys);
            Map<Long, Document> commits = store.findCommits(
                    entries.values().stream().map(StreamEntry::positionOf).distinct().toList());
            for (long seq = from; seq < from + batchSize; seq++) {
                Document entry = entries.get(StreamEntry.key(aggregateIdentifier, seq));
                if (entry == null) {
                    return ChainVerification.intact(checked);
                }
                Document commit = commits.get(StreamEntry.positionOf(entry));
                if (commit == null || CommitDocument.isTombstone(commit)) {
                    ended = true;
                    continue;
                }
                Document event = CommitDocument.eventOf(commit, aggregateIdentifier, seq);
                if (ended || event == null || !commitIntact(commit)
                        || !Objects.equals(previousHash, event.getString(CommitDocument.PREVIOUS_HASH))
                        || !event.getString(CommitDocument.HASH).equals(entry.getString(StreamEntry.HASH))) {
                    return ChainVerification.brokenAt(checked, seq);
                }
                previousHash = event.getString(CommitDocument.HASH);
                checked++;
            }
        }
    }

    LogVerification verifyLog() {
        long allocated = store.allocated();
        Map<String, String> lastHash = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        long commitsChecked = 0;
        long eventsChecked = 0;
        for (long from = 1; from <= allocated; from += batchSize) {
            List<Long> window = new ArrayList<>();
            for (long position = from; position < from + batchSize && position <= allocated; position++) {
                window.add(position);
            }
            Map<Long, Document> commits = store.findCommits(window);
            Map<String, Document> entries = store.findEntries(entryKeys(commits.values()));
            for (long position : window) {
                Document commit = commits.get(position);
                if (commit == null || CommitDocument.isTombstone(commit)) {
                    continue;
                }
                if (!commitIntact(commit)) {
                    return broken(commitsChecked, eventsChecked, position,
                                  "a hash does not match the commit's content");
                }
                for (Document event : CommitDocument.events(commit)) {
                    String aggregate = event.getString(CommitDocument.AGGREGATE_IDENTIFIER);
                    if (aggregate != null) {
                        long seq = ((Number) event.get(CommitDocument.SEQUENCE_NUMBER)).longValue();
                        Document entry = entries.get(StreamEntry.key(aggregate, seq));
                        if (seq != lastSequence.getOrDefault(aggregate, -1L) + 1
                                || !Objects.equals(lastHash.get(aggregate),
                                                   event.getString(CommitDocument.PREVIOUS_HASH))
                                || entry == null || StreamEntry.positionOf(entry) != position) {
                            return broken(commitsChecked, eventsChecked, position,
                                          "event " + seq + " of " + aggregate + " does not follow its stream");
                        }
                        lastSequence.put(aggregate, seq);
                        lastHash.put(aggregate, event.getString(CommitDocument.HASH));
                    }
                    eventsChecked++;
                }
                commitsChecked++;
            }
        }
        return new LogVerification(true, commitsChecked, eventsChecked, null, null);
    }

    private static LogVerification broken(long commits, long events, long position, String problem) {
        return new LogVerification(false, commits, events, position, problem);
    }

    static List<String> entryKeys(Iterable<Document> commits) {
        List<String> keys = new ArrayList<>();
        for (Document commit : commits) {
            for (Document event : CommitDocument.events(commit)) {
                String aggregate = event.getString(CommitDocument.AGGREGATE_IDENTIFIER);
                if (aggregate != null) {
                    keys.add(StreamEntry.key(aggregate, ((Number) event.get(CommitDocument.SEQUENCE_NUMBER))
                            .longValue()));
                }
            }
        }
        return keys;
    }

    /** Every event hash and the commit hash recomputed from the stored fields. */
    static boolean commitIntact(Document commit) {
        long position = CommitDocument.positionOf(commit);
        List<Document> events = CommitDocument.events(commit);
        List<String> hashes = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            String recomputed = eventHash(events.get(index), position, index);
            if (!recomputed.equals(events.get(index).getString(CommitDocument.HASH))) {
                return false;
            }
            hashes.add(recomputed);
        }
        return commitHashMatches(commit, hashes);
    }

    /** The commit's stored hash is that of its fields and these event hashes. */
    static boolean commitHashMatches(Document commit, List<String> eventHashes) {
        String commitHash = EventHash.ofCommit(CommitDocument.positionOf(commit),
                                               commit.getString(CommitDocument.COMMIT_ID),
                                               commit.getString(CommitDocument.REQUEST),
                                               commit.getDate(CommitDocument.COMMITTED_AT),
                                               commit.getDate(CommitDocument.TIME_HIGH_WATER), eventHashes);
        return commitHash.equals(commit.getString(CommitDocument.HASH));
    }

    /** The hash of the stored event as if it stood at {@code index} of the commit at {@code position}. */
    static String eventHash(Document event, long position, int index) {
        Number seq = (Number) event.get(CommitDocument.SEQUENCE_NUMBER);
        return EventHash.ofEvent(position, index, event.getString(CommitDocument.EVENT_IDENTIFIER),
                                 event.getString(CommitDocument.AGGREGATE_TYPE),
                                 event.getString(CommitDocument.AGGREGATE_IDENTIFIER),
                                 seq == null ? null : seq.longValue(), event.getDate(CommitDocument.TIMESTAMP),
                                 event.getString(CommitDocument.PAYLOAD_TYPE),
                                 event.getString(CommitDocument.PAYLOAD_REVISION), event.get(CommitDocument.PAYLOAD),
                                 event.get(CommitDocument.META_DATA), event.getString(CommitDocument.PREVIOUS_HASH));
    }
}
