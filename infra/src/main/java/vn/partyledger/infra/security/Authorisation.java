package vn.partyledger.infra.security;

import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.shared.Actor;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Least privilege by role and organisation subtree (docs/permissions.md, ADR 0021): the actor's role must be one the
 * {@link PermissionTable} names for the message, and the organisation it acts for must be each organisation concerned
 * or one of its ancestors in the tree as it stood on the business date. Look-ups load aggregates, so the caller runs
 * this inside a unit of work.
 */
public class Authorisation {

    private final PermissionTable table;
    private final OrganisationRegistry organisations;
    private final RecordHolders holders;

    public Authorisation(PermissionTable table, OrganisationRegistry organisations, RecordHolders holders) {
        this.table = table;
        this.organisations = organisations;
        this.holders = holders;
    }

    /**
     * Returns normally when permitted, else throws {@link AccessRefused}.
     *
     * @param recordId the record a command is addressed to (its target aggregate), or null for a query
     */
    public void check(Actor actor, Object message, String recordId, LocalDate date) {
        String name = message.getClass().getSimpleName();
        PermissionTable.Permission permission = table.of(message.getClass())
                .orElseThrow(() -> AccessRefused.roleNotPermitted(actor, name, Set.of()));
        Role role = Role.named(actor.role()).filter(permission.roles()::contains)
                .orElseThrow(() -> AccessRefused.roleNotPermitted(actor, name, permission.roles()));
        if (role.readsEveryOrganisation()) {
            return;
        }
        String actingFor = actor.actingForOrgId();
        List<String> concerned = actingFor == null ? List.of()
                : permission.concern().organisations(message, recordId, holders, actingFor);
        boolean inScope = !concerned.isEmpty()
                && concerned.stream().allMatch(org -> organisations.isSelfOrAncestor(actingFor, org, date));
        if (!inScope) {
            throw AccessRefused.outOfScope(actor, name, date);
        }
    }
}
