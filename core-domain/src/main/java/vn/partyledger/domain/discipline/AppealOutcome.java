package vn.partyledger.domain.discipline;

/** How a higher committee resolves an appeal; only ANNULLED opens the way to restoration (I26). */
public enum AppealOutcome {
    UPHELD,
    REDUCED,
    ANNULLED
}
