package vn.partyledger.command.violating;

import vn.partyledger.query.roster.BranchRosterProjection;

/** Breaks the dependency rule on purpose: ArchitectureTest shows its rules reject it. Test code only. */
public class CommandClassReadingAProjection {

    private final BranchRosterProjection projection;

    public CommandClassReadingAProjection(BranchRosterProjection projection) {
        this.projection = projection;
    }

    public BranchRosterProjection projection() {
        return projection;
    }
}
