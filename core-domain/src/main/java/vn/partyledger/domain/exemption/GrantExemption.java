package vn.partyledger.domain.exemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * Exempt a member from party work and meetings from {@code from} ({@code until} is required for a temporary
 * exemption). {@code applicationRef} names the member's own written application on file (I14); {@code resolution} is
 * the deciding body's resolution: the branch for a full exemption, the grassroots committee for a temporary one.
 */
public record GrantExemption(@TargetAggregateIdentifier String memberId,
                             ExemptionKind kind,
                             ExemptionReason reason,
                             LocalDate from,
                             LocalDate until,
                             String applicationRef,
                             DecisionRef resolution) {
}
