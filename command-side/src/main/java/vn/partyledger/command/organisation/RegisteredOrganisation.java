package vn.partyledger.command.organisation;

import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What other aggregates may know of an organisation: its kind, the period it exists, and as they were on any date its
 * name, parent, flags, how many full members were on its roll (the denominator of a branch's 2/3 votes, I5) and how
 * many leaders it had in office (the denominator of a committee's, I6) — authority
 * look-ups walk the tree as it stood on the decision's date (docs/rules.md#s3-1), and a vote keyed in late is counted
 * against the roll of its own day.
 */
public record RegisteredOrganisation(String orgId, OrganisationKind kind, LocalDate establishedOn, LocalDate dissolvedOn,
                                     Timeline<Integer> fullMembersOnRoll, Timeline<Integer> leadersInOffice,
                                     Timeline<String> names, Timeline<String> parents,
                                     Timeline<OrganisationFlags> flags) {

    /** An organisation known only by its kind, lifetime and a roll of that many full members all along. */
    public RegisteredOrganisation(String orgId, OrganisationKind kind, LocalDate establishedOn, LocalDate dissolvedOn,
                                  int fullMembersOnRoll) {
        this(orgId, kind, establishedOn, dissolvedOn, Timeline.<Integer>empty().with(establishedOn, fullMembersOnRoll),
                Timeline.empty(), Timeline.empty(), Timeline.empty(), Timeline.empty());
    }

    /** How many full members were on the roll at the end of {@code date}. */
    public int fullMembersOnRollOn(LocalDate date) {
        return fullMembersOnRoll.on(date).orElse(0);
    }

    /** How many leaders (secretary, deputies, committee) the organisation had in office at the end of {@code date}. */
    public int leadersInOfficeOn(LocalDate date) {
        return leadersInOffice.on(date).orElse(0);
    }

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(establishedOn) && (dissolvedOn == null || date.isBefore(dissolvedOn));
    }

    public Optional<String> nameOn(LocalDate date) {
        return names.on(date);
    }

    /** The parent on the date; empty at the top of the tree or outside the organisation's lifetime. */
    public Optional<String> parentOn(LocalDate date) {
        return activeOn(date) ? parents.on(date) : Optional.empty();
    }

    /** The flags on the date; none outside the organisation's lifetime. */
    public OrganisationFlags flagsOn(LocalDate date) {
        return activeOn(date) ? flags.on(date).orElse(OrganisationFlags.NONE) : OrganisationFlags.NONE;
    }
}
