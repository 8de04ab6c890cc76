package vn.partyledger.query.recruitment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.partyledger.query.batch.BatchedUpdates;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.person.PersonProfiles;
import vn.partyledger.domain.recruitment.BreakdownDimension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The breakdowns of the members admitted (ADR 0039), kept as counts: {@code recruitment_breakdowns} holds one document
 * per branch, year and way of counting (by decision or by ceremony) and, in each cell, the admissions counted there as
 * keys — so the count is the number of keys, and an event delivered again sets the same key. Every change is an update
 * by {@code _id} alone, held for the processor batch (ADR 0038): setting or unsetting a key is idempotent, and the
 * admissions of members that several segments handle at once change different keys of a branch's document. The
 * register is read when the admission is projected, and only the cells are kept of it.
 */
final class AdmissionBreakdowns {

    /** How an admission is dated: by its decision, or by its ceremony (ADR 0035). */
    enum Basis {
        DECISION,
        CEREMONY
    }

    /** Where an admission was counted: its branch's document and its cells, so taking it back takes back the same. */
    record Counted(String documentId, List<String> cells) {
    }

    static final String COLLECTION = "recruitment_breakdowns";
    private static final String CELLS = "cells";
    private static final Base64.Encoder KEY = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder VALUE = Base64.getUrlDecoder();

    private final MongoCollection<Document> breakdowns;
    private final BatchedUpdates changes;
    private final PersonProfiles profiles;

    AdmissionBreakdowns(MongoDatabase database, PersonProfiles profiles) {
        this.breakdowns = database.getCollection(COLLECTION);
        this.changes = new BatchedUpdates(breakdowns);
        this.profiles = profiles;
    }

    /**
     * Counts {@code admission} (a member's admission decided on a day) in the cells its person's register entry of
     * {@code decidedOn} falls in, as the log had recorded the entry by {@code knownAt} (the time of the event counted,
     * so a rebuild counts as the live projection did), under the branch and the year of {@code countedOn}.
     */
    Counted count(Basis basis, String admission, String personId, String branchId, LocalDate countedOn,
                  LocalDate decidedOn, Instant knownAt) {
        String id = basis + ":" + branchId + ":" + countedOn.getYear();
        List<String> cells = cellsOf(personId, decidedOn, knownAt);
        List<Bson> updates = new ArrayList<>();
        cells.forEach(cell -> updates.add(Updates.set(path(cell, admission), true)));
        updates.add(Updates.setOnInsert("basis", basis.name()));
        updates.add(Updates.setOnInsert("branchId", branchId));
        updates.add(Updates.setOnInsert("year", countedOn.getYear()));
        changes.updateOne(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
        return new Counted(id, cells);
    }

    /** Takes {@code admission} back from where it was counted (its date corrected, I30). */
    void uncount(Counted counted, String admission) {
        List<Bson> updates = new ArrayList<>();
        counted.cells().forEach(cell -> updates.add(Updates.unset(path(cell, admission))));
        changes.updateOne(Filters.eq("_id", counted.documentId()), Updates.combine(updates), new UpdateOptions());
    }

    private static String path(String cell, String admission) {
        return CELLS + "." + cell + "." + key(admission);
    }

    /** The cell, dimension by dimension, the person's register entry of {@code decidedOn} falls in. */
    private List<String> cellsOf(String personId, LocalDate decidedOn, Instant knownAt) {
        Optional<PersonProfile> profile = personId == null ? Optional.empty()
                : profiles.profileOn(personId, decidedOn, knownAt);
        List<String> cells = new ArrayList<>();
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            cells.add(dimension.name() + "." + key(dimension.cellOf(profile, decidedOn)));
        }
        return cells;
    }

    /** The admissions counted in the branches in the year, each dimension's counts by cell. */
    Map<BreakdownDimension, Map<String, Integer>> counts(Basis basis, Collection<String> branchIds, int year) {
        Map<BreakdownDimension, Map<String, Integer>> counts = new EnumMap<>(BreakdownDimension.class);
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            counts.put(dimension, new HashMap<>());
        }
        breakdowns.find(Filters.and(Filters.eq("basis", basis.name()), Filters.in("branchId", branchIds),
                Filters.eq("year", year))).forEach(branch -> {
            Document cells = branch.get(CELLS, Document.class);
            counts.forEach((dimension, byCell) -> {
                Document inDimension = cells == null ? null : cells.get(dimension.name(), Document.class);
                if (inDimension != null) {
                    inDimension.forEach((key, admissions) -> {
                        int admitted = ((Document) admissions).size();
                        if (admitted > 0) {
                            byCell.merge(value(key), admitted, Integer::sum);
                        }
                    });
                }
            });
        });
        return counts;
    }

    /** A value as a field name: occupations are free text, and a field name may hold no dot. */
    private static String key(String value) {
        return KEY.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(String key) {
        return new String(VALUE.decode(key), StandardCharsets.UTF_8);
    }
}
