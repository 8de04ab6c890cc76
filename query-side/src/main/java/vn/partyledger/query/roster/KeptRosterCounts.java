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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The counts of branch rolls, worked out from a roster once and kept (ADR 0055), so that the totals of a province read
 * one small document per branch rather than every member's. {@value #COLLECTION} holds one document per branch: the
 * number of changes made to its roster ({@code changes}), which the projection counts after writing each change
 * (BatchedChangeCounts), and the counts kept at a number of changes, each for the days between two changes of the
 * roll, when its counts cannot differ. Counts kept at an older number of changes are stale and worked out again; a
 * roster read while a change is being written is kept at the number before it, so it is stale as soon as it is kept.
 * The same document keeps figures a reader works out from the members' dates of birth (the statistics' age groups,
 * ADR 0057), for the days between the roll's changes and the days the reader names: a correction of a member's date of
 * birth, or an erasure, counts as a change of the member's rolls.
 */
final class KeptRosterCounts {

    static final String COLLECTION = "roster_counts";
    private static final String CHANGES = "changes";
    private static final String PERIODS = "periods";
    /** The periods kept per branch: the dates asked of late, today and the start of the year among them. */
    private static final int PERIODS_KEPT = 8;
    /**
     * The branches read with one {@code $in}: the embedded server matches a {@code $in} by comparing each document with
     * each id, so 3,000 at once took 230 ms where 30 queries of 100 took 25 ms.
     */
    private static final int READ_AT_ONCE = 100;

    /** The counts of each roll as its roster shows them. */
    static final Figures<RosterTotals.Counts> COUNTS = new Figures<>("kept", "counts",
            period -> counts(period.get("counts", Document.class)), KeptRosterCounts::stored);
    /** Figures worked out from the members' dates of birth. */
    static final Figures<List<Integer>> BIRTH_DATE_FIGURES = new Figures<>("birthDateFigures", "values",
            period -> period.getList("values", Integer.class), values -> values);

    /**
     * Where in a branch's document a kind of figures is kept ({@code field}), and in each period ({@code value}), how
     * they are read from a period and stored.
     */
    record Figures<T>(String field, String value, Function<Document, T> read, Function<T, Object> stored) {
    }

    /**
     * Figures of a roll at the end of a day, and the days they hold for: from the last day they may have changed, on
     * or before it, up to (not including) the next; null where they never changed before, or do not after.
     */
    record Kept<T>(T figures, LocalDate from, LocalDate until) {

        boolean holdsOn(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
        }

        /** The figures on {@code date} of a roll whose figures change only on {@code changeDays}. */
        static <T> Kept<T> on(LocalDate date, T figures, Collection<LocalDate> changeDays) {
            LocalDate from = changeDays.stream().filter(day -> !day.isAfter(date)).max(LocalDate::compareTo)
                    .orElse(null);
            LocalDate until = changeDays.stream().filter(day -> day.isAfter(date)).min(LocalDate::compareTo)
                    .orElse(null);
            return new Kept<>(figures, from, until);
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

    /** Whether changes are counted: not by an instance filling a generation nobody reads yet. */
    boolean countsChanges() {
        return countsChanges;
    }

    /**
     * The counts at the end of {@code date} of each branch that has a roll, kept where they are current, else worked
     * out by {@code countNow} (empty for a branch without a roll) and kept.
     */
    Map<String, RosterTotals.Counts> on(Collection<String> branchIds, LocalDate date,
                                        Function<String, Optional<Kept<RosterTotals.Counts>>> countNow) {
        return on(branchIds, date, COUNTS, null, countNow);
    }

    /**
     * Figures worked out from the members' dates of birth, as {@link #on(Collection, LocalDate, Function)} keeps the
     * counts; {@code key} names how they were worked out (the age groups), and figures kept under another key are
     * stale.
     */
    Map<String, List<Integer>> birthDateFiguresOn(Collection<String> branchIds, LocalDate date, String key,
                                                  Function<String, Optional<Kept<List<Integer>>>> workOut) {
        return on(branchIds, date, BIRTH_DATE_FIGURES, key, workOut);
    }

    /**
     * Reads and keeps 100 branches at a time, those with nothing kept for the date worked out a few at once (ADR
     * 0068): a read that works out a province's rolls for the first time, and is stopped at the query's time limit,
     * leaves what it worked out kept for the next.
     */
    private <T> Map<String, T> on(Collection<String> branchIds, LocalDate date, Figures<T> figures, String key,
                                  Function<String, Optional<Kept<T>>> workOut) {
        Map<String, T> found = new LinkedHashMap<>();
        List<String> ids = List.copyOf(branchIds);
        for (int first = 0; first < ids.size(); first += READ_AT_ONCE) {
            List<String> some = ids.subList(first, Math.min(ids.size(), first + READ_AT_ONCE));
            Map<String, Document> stored = new HashMap<>();
            kept.find(Filters.in("_id", some)).batchSize(some.size())
                    .forEach(document -> stored.put(document.getString("_id"), document));
            Map<String, T> held = new HashMap<>();
            for (String branchId : some) {
                currentPeriods(stored.get(branchId), figures, key).stream().map(period -> kept(period, figures))
                        .filter(period -> period.holdsOn(date)).findFirst().map(Kept::figures)
                        .ifPresent(figuresKept -> held.put(branchId, figuresKept));
            }
            Map<String, Optional<Kept<T>>> worked = RollWorkers.workOut(
                    some.stream().filter(branchId -> !held.containsKey(branchId)).toList(), workOut);
            List<WriteModel<Document>> keeps = new ArrayList<>();
            for (String branchId : some) {
                if (held.containsKey(branchId)) {
                    found.put(branchId, held.get(branchId));
                } else {
                    Document document = stored.get(branchId);
                    worked.get(branchId).ifPresent(figuresNow -> {
                        keeps.add(keep(branchId, document, currentPeriods(document, figures, key), figures, key,
                                figuresNow));
                        found.put(branchId, figuresNow.figures());
                    });
                }
            }
            send(keeps);
        }
        return found;
    }

    /** The periods kept at the branch's current number of changes, under the key asked. */
    private static List<Document> currentPeriods(Document document, Figures<?> figures, String key) {
        if (document == null) {
            return List.of();
        }
        Document keptAt = document.get(figures.field(), Document.class);
        return keptAt != null && keptAt.getLong(CHANGES).equals(changesOf(document))
                && Objects.equals(keptAt.getString("key"), key)
                ? keptAt.getList(PERIODS, Document.class) : List.of();
    }

    /**
     * The write keeping the figures at the number of changes the branch had when they were read, which keeps nothing
     * if it has changed since: then they may be stale.
     */
    private static <T> WriteModel<Document> keep(String branchId, Document document, List<Document> current,
                                                 Figures<T> figures, String key, Kept<T> worked) {
        List<Document> periods = new ArrayList<>(current.subList(Math.max(0, current.size() - PERIODS_KEPT + 1),
                current.size()));
        periods.add(new Document("from", iso(worked.from())).append("until", iso(worked.until()))
                .append(figures.value(), figures.stored().apply(worked.figures())));
        long changesNow = changesOf(document);
        Document keptAt = new Document(CHANGES, changesNow).append(PERIODS, periods);
        if (key != null) {
            keptAt.append("key", key);
        }
        return document == null
               ? new InsertOneModel<>(new Document("_id", branchId).append(CHANGES, changesNow)
                                              .append(figures.field(), keptAt))
               : new UpdateOneModel<>(Filters.and(Filters.eq("_id", branchId), Filters.eq(CHANGES, changesNow)),
                                      Updates.set(figures.field(), keptAt));
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

    private static Document stored(RosterTotals.Counts counts) {
        return new Document("headcount", counts.headcount()).append("present", counts.present())
                .append("full", counts.full()).append("probationary", counts.probationary())
                .append("fullyExempt", counts.fullyExempt())
                .append("temporarilyExempt", counts.temporarilyExempt())
                .append("attachedOut", counts.attachedOut()).append("attachedIn", counts.attachedIn())
                .append("inTransit", counts.inTransit()).append("suspended", counts.suspended())
                .append("lostContact", counts.lostContact());
    }

    private static RosterTotals.Counts counts(Document counts) {
        return new RosterTotals.Counts(counts.getInteger("headcount"), counts.getInteger("present"),
                counts.getInteger("full"), counts.getInteger("probationary"), counts.getInteger("fullyExempt"),
                counts.getInteger("temporarilyExempt"), counts.getInteger("attachedOut"),
                counts.getInteger("attachedIn"), counts.getInteger("inTransit"), counts.getInteger("suspended"),
                counts.getInteger("lostContact"));
    }

    private static <T> Kept<T> kept(Document period, Figures<T> figures) {
        return new Kept<>(figures.read().apply(period),
                RosterEntry.date(period.getString("from")), RosterEntry.date(period.getString("until")));
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
