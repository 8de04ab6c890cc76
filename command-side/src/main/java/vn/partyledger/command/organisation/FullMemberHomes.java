package vn.partyledger.command.organisation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a full member stands: a committee is elected from the full members of the branches under it, whose rolls are
 * not its own (docs/rules.md#LEADERSHIP). The application answers it from the Member aggregates.
 */
public interface FullMemberHomes {

    /** The branch whose roll holds the member as a full member on {@code date}; empty for anyone else. */
    Optional<String> branchOfFullMember(String memberId, LocalDate date);
}
