package vn.partyledger.command.organisation;

import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Resolves the competent authority by walking the organisation tree as it stood on the date (docs/rules.md#s5): find the
 * branch's grassroots organisation (the branch itself when it is a grassroots branch or flagged grassroots on the
 * date, else its nearest ancestor flagged grassroots); if that organisation has delegated admission power it decides,
 * otherwise its nearest ancestor flagged direct superior of grassroots organisations on the date decides. Dates are
 * nowhere in this code: before 1 Jul 2025 the walk finds a district, since then a ward, purely from the recorded
 * re-parenting and flag changes.
 */
public class TreeAuthorityResolver implements AuthorityResolver {

    private final OrganisationRegistry registry;

    public TreeAuthorityResolver(OrganisationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> admissionAuthority(String branchId, LocalDate date) {
        Optional<RegisteredOrganisation> branch = registry.find(branchId).filter(org -> org.activeOn(date));
        Optional<RegisteredOrganisation> grassroots = branch.filter(org -> isGrassroots(org, date))
                .or(() -> branch.flatMap(org -> nearestAncestor(org, date, false)));
        return grassroots.flatMap(org -> org.flagsOn(date).delegatedAdmissionAuthority()
                        ? Optional.of(org)
                        : nearestAncestor(org, date, true))
                .map(RegisteredOrganisation::orgId);
    }

    private static boolean isGrassroots(RegisteredOrganisation org, LocalDate date) {
        return org.kind() == OrganisationKind.GRASSROOTS_BRANCH || org.flagsOn(date).grassroots();
    }

    /** The nearest ancestor on the date flagged grassroots, or direct superior of grassroots organisations. */
    private Optional<RegisteredOrganisation> nearestAncestor(RegisteredOrganisation org, LocalDate date,
                                                             boolean directSuperior) {
        Optional<RegisteredOrganisation> ancestor = parentOf(org, date);
        while (ancestor.isPresent()) {
            RegisteredOrganisation candidate = ancestor.get();
            boolean matches = directSuperior ? candidate.flagsOn(date).directSuperiorOfGrassroots()
                    : candidate.flagsOn(date).grassroots();
            if (matches) {
                return ancestor;
            }
            ancestor = parentOf(candidate, date);
        }
        return Optional.empty();
    }

    private Optional<RegisteredOrganisation> parentOf(RegisteredOrganisation org, LocalDate date) {
        return org.parentOn(date).flatMap(registry::find).filter(parent -> parent.activeOn(date));
    }
}
