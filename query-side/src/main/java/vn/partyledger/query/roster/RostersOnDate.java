package vn.partyledger.query.roster;

import vn.partyledger.domain.roster.BranchRoster;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** The rosters of many organisations on one date, read together: what the roll-ups over a ward or province need. */
@FunctionalInterface
public interface RostersOnDate {

    /** By id, the rosters of those of {@code orgIds} that are branches with a roster; the others are left out. */
    Map<String, BranchRoster> of(Collection<String> orgIds, LocalDate date);
}
