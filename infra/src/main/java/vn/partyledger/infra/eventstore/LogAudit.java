package vn.partyledger.infra.eventstore;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

import static vn.partyledger.infra.eventstore.Damage.Kind.ALTERED;
import static vn.partyledger.infra.eventstore.Damage.Kind.DELETED;
import static vn.partyledger.infra.eventstore.Damage.Kind.INSERTED;
import static vn.partyledger.infra.eventstore.Damage.Kind.REORDERED;
import static vn.partyledger.infra.eventstore.Damage.Kind.TRUNCATED;

/**
 * Reads the whole log position by position, a window at a time, and names what is wrong and where (docs/log-proofs.md
 * §6). Memory is the window and one link per aggregate (its last event's hash and place), never the log.
 * <ul>
 *     <li>An event whose hash recomputes at its own place is intact. One whose hash recomputes at another index of
 *     its commit, or in the commit before or after, was <b>reordered</b> (two events swapped) — or, when every event
 *     after an index moved up by one, one was <b>deleted</b> there, and when they moved down, one was
 *     <b>inserted</b>. One whose hash recomputes nowhere was <b>altered</b>.</li>
 *     <li>An intact commit whose own hash fails had its fields or event list altered.</li>
 *     <li>Each aggregate's events must follow on: a sequence number skipped is a <b>deleted</b> event, one seen again
 *     an <b>inserted</b> one, a broken link to the previous hash an <b>altered</b> previous event (its hash was
 *     recomputed), an event without its stream entry <b>inserted</b>, one whose entry points elsewhere moved.</li>
 *     <li>An allocated position holding nothing had its commit <b>deleted</b>; empty positions up to the last one
 *     allocated are a <b>truncated</b> tail (verify a quiet log: an append in flight holds its position empty for up
 *     to the append time limit).</li>
 * </ul>
 */
final class LogAudit {

    private record Link(String hash, long sequence, long position, int index) {
    }

    private final LogStore store;
    private final int batchSize;
    private final int limit;
    private final Map<String, Link> streams = new HashMap<>();
    private final List<Damage> damages = new ArrayList<>();
    private long commitsChecked;
    private long eventsChecked;
    /** The first of the empty positions just read, 0 after a filled one. */
    private long emptySince;

    LogAudit(LogStore store, int batchSize, int limit) {
        this.store = store;
        this.batchSize = batchSize;
        this.limit = limit;
    }

    AuditedLog run(LeafSink leaves, LongConsumer progress) {
        long allocated = store.allocated();
        for (long from = 1; from <= allocated && damages.size() < limit; from += batchSize) {
            long to = Math.min(allocated, from + batchSize - 1);
            List<Long> window = new ArrayList<>();
            for (long position = Math.max(1, from - 1); position <= to + 1; position++) {
                window.add(position);
            }
            Map<Long, Document> commits = store.findCommits(window);
            Map<String, Document> entries = store.findEntries(ChainVerifier.entryKeys(commits.values()));
            for (long position = from; position <= to; position++) {
                Document commit = commits.get(position);
                if (commit == null) {
                    emptySince = emptySince == 0 ? position : emptySince;
                    report(Damage.at(DELETED, position, "position " + position + " is allocated but holds nothing: "
                            + "its commit was removed"));
                } else {
                    emptySince = 0;
                    if (!CommitDocument.isTombstone(commit)) {
                        examine(commit, commits, entries, leaves);
                    }
                }
            }
            progress.accept(to);
        }
        if (emptySince > 0) {
            cutTail(emptySince, allocated);
        }
        return new AuditedLog(commitsChecked, eventsChecked, allocated, List.copyOf(damages));
    }

    /** Positions empty from {@code from} to the end are one cut tail, not as many deleted commits. */
    private void cutTail(long from, long allocated) {
        damages.removeIf(damage -> damage.kind() == DELETED && damage.index() == null && damage.position() >= from);
        report(Damage.at(TRUNCATED, from, "positions " + from + " to " + allocated + " hold nothing: the log's "
                + "tail was cut"));
    }

    private void examine(Document commit, Map<Long, Document> commits, Map<String, Document> entries,
                         LeafSink leaves) {
        long position = CommitDocument.positionOf(commit);
        List<Document> events = CommitDocument.events(commit);
        int[] places = new int[events.size()];
        boolean shifted = false;
        for (int index = 0; index < events.size(); index++) {
            places[index] = placeIn(events.get(index), position, events.size());
        }
        for (int index = 0; index < events.size(); index++) {
            int place = places[index];
            boolean nextMovedUp = index + 1 < events.size() && places[index + 1] == index;
            if (place == index) {
                continue;
            }
            if (place == index + 1 && nextMovedUp) {
                report(Damage.at(REORDERED, position, index, "events " + index + " and " + (index + 1)
                        + " of commit " + position + " changed places"));
                index++;
            } else if (place == index + 1 && !shifted) {
                shifted = true;
                report(Damage.at(DELETED, position, index, "the event at index " + index + " of commit " + position
                        + " is gone: those after it moved up"));
            } else if (place == -1 && nextMovedUp && !shifted) {
                shifted = true;
                report(Damage.at(INSERTED, position, index, "event " + id(events.get(index)) + " at index " + index
                        + " of commit " + position + " was never appended: those after it moved down"));
            } else if (place == -1) {
                elsewhere(events.get(index), position, index, commits);
            } else if (!shifted) {
                report(Damage.at(REORDERED, position, index, "event " + id(events.get(index)) + " at index "
                        + index + " of commit " + position + " belongs at index " + place));
            }
        }
        List<String> storedHashes = events.stream().map(event -> event.getString(CommitDocument.HASH)).toList();
        boolean eventsInPlace = IntStream.range(0, places.length).allMatch(i -> places[i] == i);
        if (eventsInPlace && !ChainVerifier.commitHashMatches(commit, storedHashes)) {
            report(Damage.at(ALTERED, position, "commit " + position + "'s own fields or its list of events were "
                    + "changed: its hash no longer matches"));
        }
        // every event follows on in its stream, in the order appended where its hash tells it, so that one damage
        // is named once and not again at each later event of the stream
        IntStream.range(0, places.length).boxed()
                 .sorted(Comparator.comparingInt(i -> places[i] >= 0 ? places[i] : i))
                 .forEach(i -> follow(events.get(i), position, i, entries));
        for (int index = 0; index < events.size(); index++) {
            leaves.leaf(position, index, ChainVerifier.eventHash(events.get(index), position, index));
            eventsChecked++;
        }
        commitsChecked++;
    }

    /** The index of the commit at which the event's stored hash recomputes, up to one past its end; -1 if none. */
    static int placeIn(Document event, long position, int size) {
        String stored = event.getString(CommitDocument.HASH);
        for (int index = 0; index <= size; index++) {
            if (ChainVerifier.eventHash(event, position, index).equals(stored)) {
                return index;
            }
        }
        return -1;
    }

    /** An event whose hash recomputes nowhere in its commit: moved from the commit before or after, or altered. */
    private void elsewhere(Document event, long position, int index, Map<Long, Document> commits) {
        for (long other : new long[]{position - 1, position + 1}) {
            Document neighbour = commits.get(other);
            if (neighbour != null && !CommitDocument.isTombstone(neighbour)) {
                int place = placeIn(event, other, CommitDocument.events(neighbour).size());
                if (place >= 0) {
                    report(Damage.at(REORDERED, position, index, "event " + id(event) + " at index " + index
                            + " of commit " + position + " belongs at index " + place + " of commit " + other));
                    return;
                }
            }
        }
        report(Damage.at(ALTERED, position, index, "event " + id(event) + " at index " + index + " of commit "
                + position + " no longer gives its hash: its payload, metadata or another field was changed"));
    }

    private void follow(Document event, long position, int index, Map<String, Document> entries) {
        String aggregate = event.getString(CommitDocument.AGGREGATE_IDENTIFIER);
        if (aggregate == null) {
            return;
        }
        long sequence = ((Number) event.get(CommitDocument.SEQUENCE_NUMBER)).longValue();
        Link last = streams.get(aggregate);
        long expected = last == null ? 0 : last.sequence() + 1;
        Document entry = entries.get(StreamEntry.key(aggregate, sequence));
        String name = "event " + sequence + " of " + aggregate;
        if (sequence < expected) {
            report(Damage.at(INSERTED, position, index, name + " appears again (first at position "
                    + last.position() + ")"));
            return;
        }
        if (sequence > expected) {
            report(Damage.at(DELETED, position, index, "events " + expected + " to " + (sequence - 1) + " of "
                    + aggregate + " are missing before " + name));
        } else if (!Objects.equals(event.getString(CommitDocument.PREVIOUS_HASH), last == null ? null : last.hash())) {
            report(last == null
                    ? Damage.at(ALTERED, position, index, name + " links to a previous event it cannot have")
                    : Damage.at(ALTERED, last.position(), last.index(), "event " + last.sequence() + " of "
                            + aggregate + " was rewritten with a new hash: " + name + " at position " + position
                            + " still links to the old one"));
        } else if (entry == null) {
            report(Damage.at(INSERTED, position, index, name + " has no stream entry: it was never appended"));
        } else if (StreamEntry.positionOf(entry) != position) {
            report(Damage.at(REORDERED, position, index, name + " was appended at position "
                    + StreamEntry.positionOf(entry) + ", not here"));
        }
        streams.put(aggregate, new Link(event.getString(CommitDocument.HASH), sequence, position, index));
    }

    private void report(Damage damage) {
        if (damages.size() < limit) {
            damages.add(damage);
        }
    }

    private static String id(Document event) {
        return event.getString(CommitDocument.EVENT_IDENTIFIER);
    }
}
