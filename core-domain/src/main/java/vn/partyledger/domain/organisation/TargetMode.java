package vn.partyledger.domain.organisation;

/** How an admission target is stated (seed 001): a number of admissions, or a percentage of the opening membership. */
public enum TargetMode {
    ABSOLUTE,
    PERCENT_OF_OPENING
}
