package vn.partyledger.domain.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.shared.DecisionRef;

import java.math.BigDecimal;

/**
 * The superior committee sets an organisation's admission target for a year (seed 001: the city's 4 % of the opening
 * membership; Phước Mỹ ward's absolute 22). The decision's date is when it was set.
 */
public record SetRecruitmentTarget(@TargetAggregateIdentifier String orgId,
                                   int year,
                                   TargetMode mode,
                                   BigDecimal value,
                                   String setByOrgId,
                                   DecisionRef decision) {
}
