package vn.partyledger.infra.eventstore;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static vn.partyledger.infra.eventstore.Damage.Kind.ALTERED;
import static vn.partyledger.infra.eventstore.Damage.Kind.DELETED;
import static vn.partyledger.infra.eventstore.Damage.Kind.REORDERED;

/**
 * One aggregate's stream checked event by event from sequence number 0 until a batch of sequence numbers ends without
 * a stream entry (docs/log-proofs.md §6): a gap followed by more entries is named deleted; each event's commit must
 * hold it, its hash recompute at its place (else it moved or was altered), link to the event before, and match its
 * stream entry. Where the stream ends is checked by the caller against the events the log's tree holds for it.
 */
final class StreamAudit {

    private final LogStore store;
    private final int batchSize;
    private final int limit;
    private final List<HashedEvent> events = new ArrayList<>();
    private final List<Damage> damages = new ArrayList<>();
    private String lastHash;
    /** False after a gap: the next event's link cannot be checked against an event that is gone. */
    private boolean linkKnown = true;
    private long lastPosition;
    private int lastIndex;

    StreamAudit(LogStore store, int batchSize, int limit) {
        this.store = store;
        this.batchSize = batchSize;
        this.limit = limit;
    }

    AuditedStream run(String aggregate) {
        for (long from = 0; ; from += batchSize) {
            Map<String, Document> entries = store.findEntries(StreamReader.keys(aggregate, from, batchSize));
            Map<Long, Document> commits = store.findCommits(
                    entries.values().stream().map(StreamEntry::positionOf).distinct().toList());
            long missingSince = -1;
            for (long seq = from; seq < from + batchSize; seq++) {
                Document entry = entries.get(StreamEntry.key(aggregate, seq));
                if (entry == null) {
                    missingSince = missingSince < 0 ? seq : missingSince;
                    continue;
                }
                if (missingSince >= 0) {
                    report(Damage.at(DELETED, StreamEntry.positionOf(entry), "events " + missingSince + " to "
                            + (seq - 1) + " of " + aggregate + " are gone with their stream entries, before event "
                            + seq));
                    missingSince = -1;
                    lastHash = null;
                    linkKnown = false;
                }
                check(aggregate, seq, entry, commits.get(StreamEntry.positionOf(entry)));
            }
            if (missingSince >= 0) {
                return new AuditedStream(List.copyOf(events), List.copyOf(damages));
            }
        }
    }

    private void check(String aggregate, long seq, Document entry, Document commit) {
        long position = StreamEntry.positionOf(entry);
        String name = "event " + seq + " of " + aggregate;
        Document event = commit == null ? null : CommitDocument.eventOf(commit, aggregate, seq);
        if (event == null) {
            report(Damage.at(DELETED, position, name + " is gone: " + (commit == null || CommitDocument.isTombstone(
                    commit) ? "its commit at position " + position + " was removed" : "commit " + position
                    + " no longer holds it")));
            lastHash = entry.getString(StreamEntry.HASH);
            return;
        }
        List<Document> inCommit = CommitDocument.events(commit);
        int index = inCommit.indexOf(event);
        String recomputed = ChainVerifier.eventHash(event, position, index);
        if (!recomputed.equals(event.getString(CommitDocument.HASH))) {
            int place = LogAudit.placeIn(event, position, inCommit.size());
            report(place >= 0
                    ? Damage.at(REORDERED, position, index, name + " belongs at index " + place + " of its commit")
                    : Damage.at(ALTERED, position, index, name + " no longer gives its hash: its payload, metadata "
                            + "or another field was changed"));
        } else if (linkKnown && !Objects.equals(event.getString(CommitDocument.PREVIOUS_HASH), lastHash)) {
            report(seq == 0 || lastHash == null
                    ? Damage.at(ALTERED, position, index, name + " links to a previous event it cannot have")
                    : Damage.at(ALTERED, lastPosition, lastIndex, "event " + (seq - 1) + " of " + aggregate
                            + " was rewritten with a new hash: " + name + " still links to the old one"));
        } else if (!event.getString(CommitDocument.HASH).equals(entry.getString(StreamEntry.HASH))) {
            report(Damage.at(ALTERED, position, index, name + "'s stream entry holds another hash"));
        }
        events.add(new HashedEvent(position, index, event.getString(CommitDocument.EVENT_IDENTIFIER), aggregate, seq,
                                   recomputed));
        lastHash = event.getString(CommitDocument.HASH);
        linkKnown = true;
        lastPosition = position;
        lastIndex = index;
    }

    private void report(Damage damage) {
        if (damages.size() < limit) {
            damages.add(damage);
        }
    }
}
