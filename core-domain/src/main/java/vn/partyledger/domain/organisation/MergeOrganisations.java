package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;

/**
 * Merge the source organisations into {@code targetOrgId} from {@code effectiveDate}: every member on a source's roll
 * is collectively transferred to the target and the sources are dissolved, in one decision (I2).
 */
public record MergeOrganisations(@TargetAggregateIdentifier String targetOrgId,
                                 List<String> sourceOrgIds,
                                 LocalDate effectiveDate,
                                 DecisionRef decision) {
}
