package vn.partyledger.domain.tree;

import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.List;

/**
 * An organisation as the tree stood on {@code asOf}: its name and parent that day, its lifetime, the organisations it
 * came from and went into (merges, splits, a dissolution's successor — on whatever date they happened, so a branch
 * dissolved in the 1 Jul 2025 reform leads to its successor), and the organisations under it that day.
 */
public record OrganisationTree(String orgId, String name, OrganisationKind kind, String parentOrgId,
                               LocalDate establishedOn, LocalDate dissolvedOn, List<Link> predecessors,
                               List<Link> successors, List<OrganisationTree> children) {

    /** Another organisation this one is linked to by a restructuring effective {@code on}. */
    public record Link(String orgId, LocalDate on) {
    }
}
