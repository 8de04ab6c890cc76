package vn.partyledger.query.roster;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How many full members a branch had on its roll day by day, read from the roster's entries (ADR 0041): the full
 * periods of the members whose home the branch was. As the roster does, it reads each day from the periods covering
 * it, so what the log records later never changes an earlier day.
 */
public class FullMembersOverTime {

    private final MongoCollection<Document> rosters;
    private final MongoCollection<Document> entries;

    public FullMembersOverTime(MongoDatabase database) {
        this.rosters = database.getCollection(BranchRosterProjection.COLLECTION);
        this.entries = database.getCollection(BranchRosterProjection.ENTRIES);
    }

    /**
     * The day since which the branch has had fewer than {@code minimum} full members on its roll without a break, as
     * of the end of {@code date}; empty when it had enough that day, or has no roster.
     */
    public Optional<LocalDate> belowSince(String branchId, LocalDate date, int minimum) {
        Document roster = rosters.find(Filters.eq("_id", branchId)).first();
        if (roster == null || !roster.containsKey("name")) {
            return Optional.empty();
        }
        List<Document> fullPeriods = new ArrayList<>();
        entries.find(RosterEntry.ofBranch(branchId))
                .forEach(entry -> entry.getList("periods", Document.class).stream()
                        .filter(period -> MemberStatus.FULL.name().equals(period.getString("status")))
                        .forEach(fullPeriods::add));
        if (fullOn(fullPeriods, date) >= minimum) {
            return Optional.empty();
        }
        LocalDate founded = LocalDate.parse(roster.getString("establishedOn"));
        // the count changes only where a full period begins or ends: the latest such day after a day with enough
        TreeSet<LocalDate> changes = new TreeSet<>(Comparator.reverseOrder());
        fullPeriods.forEach(period -> {
            changes.add(LocalDate.parse(period.getString("from")));
            Optional.ofNullable(RosterEntry.date(period.getString("to"))).ifPresent(changes::add);
        });
        return Optional.of(changes.stream()
                .filter(day -> !day.isAfter(date) && day.isAfter(founded))
                .filter(day -> fullOn(fullPeriods, day.minusDays(1)) >= minimum)
                .findFirst()
                .orElse(founded));
    }

    private static long fullOn(List<Document> fullPeriods, LocalDate date) {
        return fullPeriods.stream().filter(period -> RosterEntry.covers(period, date)).count();
    }
}
