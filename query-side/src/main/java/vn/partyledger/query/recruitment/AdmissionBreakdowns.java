package vn.partyledger.query.recruitment;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
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
 * The breakdowns of the members admitted (ADR 0039), kept as counts only: {@code recruitment_breakdowns} holds one
 * document per branch, year and way of counting (by decision or by ceremony) with how many admitted members fall in
 * each cell, and the admissions already counted, so that an event delivered again counts once. No document says which
 * member falls in which cell: the register is read when the admission is projected, and only a count is kept of it.
 */
final class AdmissionBreakdowns {

    /** How an admission is dated: by its decision, or by its ceremony (ADR 0035). */
    enum Basis {
        DECISION,
        CEREMONY
    }

    private static final String COUNTED = "counted";
    private static final String CELLS = "cells";
    /** By admission, the cells it was counted in. */
    private static final String COUNTED_IN = "countedIn";
    private static final Base64.Encoder KEY = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder VALUE = Base64.getUrlDecoder();

    private final MongoCollection<Document> breakdowns;
    private final PersonProfiles profiles;

    AdmissionBreakdowns(MongoDatabase database, PersonProfiles profiles) {
        this.breakdowns = database.getCollection("recruitment_breakdowns");
        this.profiles = profiles;
    }

    /**
     * Counts the admission of {@code memberId} decided on {@code decidedOn} in the cells its person's register entry
     * of that day falls in, as the log had recorded the entry by {@code knownAt} (the time of the event counted, so a
     * rebuild counts as the live projection did), under the branch and the year of {@code countedOn}; once, however
     * often it is delivered. The cells are kept with the admission, so that taking it back takes back the same cells.
     */
    void count(Basis basis, String memberId, String personId, String branchId, LocalDate countedOn,
               LocalDate decidedOn, Instant knownAt) {
        String admission = memberId + ":" + decidedOn;
        String id = basis + ":" + branchId + ":" + countedOn.getYear();
        List<String> cells = cellsOf(personId, decidedOn, knownAt);
        List<Bson> updates = new ArrayList<>();
        cells.forEach(cell -> updates.add(Updates.inc(CELLS + "." + cell, 1)));
        updates.add(Updates.push(COUNTED, admission));
        updates.add(Updates.set(COUNTED_IN + "." + key(admission), cells));
        updates.add(Updates.setOnInsert("basis", basis.name()));
        updates.add(Updates.setOnInsert("branchId", branchId));
        updates.add(Updates.setOnInsert("year", countedOn.getYear()));
        try {
            breakdowns.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne(COUNTED, admission)),
                    Updates.combine(updates), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The branch's document holds the admission already: the filter missed it, and the upsert met its id.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Takes back an admission counted as decided on {@code decidedOn} (its date corrected, I30) from the cells it was
     * counted in; nothing when it was never counted.
     */
    void uncount(Basis basis, String memberId, String branchId, LocalDate countedOn, LocalDate decidedOn) {
        String admission = memberId + ":" + decidedOn;
        Bson counted = Filters.and(Filters.eq("_id", basis + ":" + branchId + ":" + countedOn.getYear()),
                Filters.eq(COUNTED, admission));
        Document branch = breakdowns.find(counted).first();
        if (branch == null) {
            return;
        }
        List<Bson> updates = new ArrayList<>();
        branch.get(COUNTED_IN, Document.class).getList(key(admission), String.class)
                .forEach(cell -> updates.add(Updates.inc(CELLS + "." + cell, -1)));
        updates.add(Updates.pull(COUNTED, admission));
        updates.add(Updates.unset(COUNTED_IN + "." + key(admission)));
        breakdowns.updateOne(counted, Updates.combine(updates));
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
                Document counted = cells.get(dimension.name(), Document.class);
                if (counted != null) {
                    counted.forEach((key, count) -> byCell.merge(value(key), ((Number) count).intValue(),
                            Integer::sum));
                }
            });
        });
        return counts;
    }

    /** A cell's value as a field name: occupations are free text, and a field name may hold no dot. */
    private static String key(String value) {
        return KEY.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(String key) {
        return new String(VALUE.decode(key), StandardCharsets.UTF_8);
    }
}
