package vn.partyledger.query.roster;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.query.batch.BatchedChangeCounts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The counts of branch rolls, worked out from a roster once and kept (ADR 0055), so that the totals of a province read
 * one small document per branch rather than every member's. {@value #COLLECTION} holds one document per branch: the
 * number of changes made to its roster ({@code changes}), which the projection counts after writing each change
 * (BatchedChangeCounts), and the counts kept at a number of changes, each for the days between two changes of the
 * roll, when its counts cannot differ. Counts kept at an older number of changes are stale and worked out again; a
 * roster read while a change is being written is kept at the number before it, so it is stale as soon as it is kept.
 */
final class KeptRosterCounts {

    static final String COLLECTION = "roster_counts";
    private static final String CHANGES = "changes";
    private static final String KEPT = "kept";
    private static final String PERIODS = "periods";
    /** The periods kept per branch: the dates asked of late, today and the start of the year among them. */
    private static final int PERIODS_KEPT = 8;
    /**
     * The branches read with one {@code $in}: the embedded server matches a {@code $in} by comparing each document with
     * each id, so 3,000 at once took 230 ms where 30 queries of 100 took 25 ms.
     */
    private static final int READ_AT_ONCE = 100;

    /**
     * A roll's counts at the end of a day, and the days they hold for: from the last day the roll changed, on or
     * before it, up to (not including) the next; null where the roll never changed before, or does not after.
     */
    record CountedRoll(RosterTotals.Counts counts, LocalDate from, LocalDate until) {

        boolean holdsOn(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
        }

        /** The counts on {@code date} of a roll that changes on {@code changeDays}. */
        static CountedRoll on(LocalDate date, RosterTotals.Counts counts, Collection<LocalDate> changeDays) {
            LocalDate from = changeDays.stream().filter(day -> !day.isAfter(date)).max(LocalDate::compareTo)
                    .orElse(null);
            LocalDate until = changeDays.stream().filter(day -> day.isAfter(date)).min(LocalDate::compareTo)
                    .orElse(null);
            return new CountedRoll(counts, from, until);
        }
    }

    private final MongoCollection<Document> kept;
    private final BatchedChangeCounts changes;
    private final boolean countsChanges;

    /** {@code countsChanges}: false for an instance filling a generation nobody reads yet. */
    KeptRosterCounts(MongoDatabase database, boolean countsChanges) {
        this.kept = database.getCollection(COLLECTION);
        this.changes = new BatchedChangeCounts(kept, CHANGES);
        this.countsChanges = countsChanges;
    }

    /** The branch's roster has changed: what was kept of it is stale. Called after the change is written. */
    void changed(String branchId) {
        if (countsChanges) {
            changes.count(branchId);
        }
    }

    /**
     * The counts at the end of {@code date} of each branch that has a roll, kept where they are current, else worked
     * out by {@code countNow} (empty for a branch without a roll) and kept.
     */
    Map<String, RosterTotals.Counts> on(Collection<String> branchIds, LocalDate date,
                                        Function<String, Optional<CountedRoll>> countNow) {
        Map<String, Document> stored = new HashMap<>();
        List<String> ids = List.copyOf(branchIds);
        for (int first = 0; first < ids.size(); first += READ_AT_ONCE) {
            List<String> some = ids.subList(first, Math.min(ids.size(), first + READ_AT_ONCE));
            kept.find(Filters.in("_id", some)).batchSize(some.size())
                    .forEach(document -> stored.put(document.getString("_id"), document));
        }
        Map<String, RosterTotals.Counts> counts = new LinkedHashMap<>();
        List<WriteModel<Document>> keeps = new ArrayList<>();
        for (String branchId : branchIds) {
            Document document = stored.get(branchId);
            List<Document> current = currentPeriods(document);
            Optional<RosterTotals.Counts> found = current.stream().map(KeptRosterCounts::counted)
                    .filter(counted -> counted.holdsOn(date)).findFirst().map(CountedRoll::counts);
            if (found.isPresent()) {
                counts.put(branchId, found.get());
            } else {
                countNow.apply(branchId).ifPresent(counted -> {
                    keeps.add(keep(branchId, document, current, counted));
                    counts.put(branchId, counted.counts());
                });
            }
        }
        send(keeps);
        return counts;
    }

    /** The periods kept at the branch's current number of changes. */
    private static List<Document> currentPeriods(Document document) {
        if (document == null) {
            return List.of();
        }
        Document keptAt = document.get(KEPT, Document.class);
        return keptAt != null && keptAt.getLong(CHANGES).equals(changesOf(document))
                ? keptAt.getList(PERIODS, Document.class) : List.of();
    }

    /**
     * The write keeping the counts at the number of changes the branch had when they were read, which keeps nothing if
     * it has changed since: then they may be stale.
     */
    private static WriteModel<Document> keep(String branchId, Document document, List<Document> current,
                                             CountedRoll counted) {
        List<Document> periods = new ArrayList<>(current.subList(Math.max(0, current.size() - PERIODS_KEPT + 1),
                current.size()));
        periods.add(stored(counted));
        long changesNow = changesOf(document);
        Document keptAt = new Document(CHANGES, changesNow).append(PERIODS, periods);
        return document == null
               ? new InsertOneModel<>(new Document("_id", branchId).append(CHANGES, changesNow).append(KEPT, keptAt))
               : new UpdateOneModel<>(Filters.and(Filters.eq("_id", branchId), Filters.eq(CHANGES, changesNow)),
                                      Updates.set(KEPT, keptAt));
    }

    /**
     * Sends the keeps in one unordered bulk write: an insert refused as a duplicate is a branch whose first change was
     * counted meanwhile, and keeps nothing, as it should.
     */
    private void send(List<WriteModel<Document>> keeps) {
        if (keeps.isEmpty()) {
            return;
        }
        try {
            kept.bulkWrite(keeps, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException changedMeanwhile) {
            if (changedMeanwhile.getWriteConcernError() != null || changedMeanwhile.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw changedMeanwhile;
            }
        }
    }

    private static long changesOf(Document document) {
        return document == null ? 0L : document.get(CHANGES, 0L);
    }

    private static Document stored(CountedRoll counted) {
        RosterTotals.Counts counts = counted.counts();
        return new Document("from", iso(counted.from())).append("until", iso(counted.until()))
                .append("counts", new Document("headcount", counts.headcount()).append("present", counts.present())
                        .append("full", counts.full()).append("probationary", counts.probationary())
                        .append("fullyExempt", counts.fullyExempt())
                        .append("temporarilyExempt", counts.temporarilyExempt())
                        .append("attachedOut", counts.attachedOut()).append("attachedIn", counts.attachedIn())
                        .append("inTransit", counts.inTransit()).append("suspended", counts.suspended())
                        .append("lostContact", counts.lostContact()));
    }

    private static CountedRoll counted(Document period) {
        Document counts = period.get("counts", Document.class);
        return new CountedRoll(new RosterTotals.Counts(counts.getInteger("headcount"), counts.getInteger("present"),
                counts.getInteger("full"), counts.getInteger("probationary"), counts.getInteger("fullyExempt"),
                counts.getInteger("temporarilyExempt"), counts.getInteger("attachedOut"),
                counts.getInteger("attachedIn"), counts.getInteger("inTransit"), counts.getInteger("suspended"),
                counts.getInteger("lostContact")),
                RosterEntry.date(period.getString("from")), RosterEntry.date(period.getString("until")));
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
