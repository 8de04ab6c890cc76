package vn.partyledger.command.support;

import vn.partyledger.command.organisation.GrassrootsOrganisations;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The grassroots look-up as fixture tests need it: branch → grassroots organisation, whatever the date. */
public final class InMemoryGrassrootsOrganisations implements GrassrootsOrganisations {

    private final Map<String, String> grassrootsOfBranch = new HashMap<>();

    public InMemoryGrassrootsOrganisations with(String branchId, String grassrootsOrgId) {
        grassrootsOfBranch.put(branchId, grassrootsOrgId);
        return this;
    }

    @Override
    public Optional<String> of(String branchId, LocalDate date) {
        return Optional.ofNullable(grassrootsOfBranch.get(branchId));
    }
}
