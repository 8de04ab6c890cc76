package vn.partyledger.infra.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.partyledger.infra.api.OrganisationCommands;
import vn.partyledger.infra.api.RecordId;

/**
 * An organisation line of an import file: the id and the founding decision, as the establish endpoint takes it, and
 * the leadership in office, as the record-leadership-election endpoint takes it (null when the file states none),
 * recorded once the organisation's members are imported.
 */
public record OrganisationLine(@NotNull @RecordId String orgId,
                               @NotNull @Valid OrganisationCommands.Establish establishment,
                               @Valid OrganisationCommands.LeadershipElection leadership) {
}
