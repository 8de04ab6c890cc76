package vn.partyledger.domain.discipline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.shared.DecisionRef;

/**
 * Discipline a member (docs/rules.md#s10-3, I12). {@code postHeld} states that the member holds a party post, which a
 * dismissal needs (ADR 0013). {@code violationCategory} says what was punished, which decides a later re-admission
 * (I25); when not stated it is recorded as {@link ViolationCategory#NOT_RECORDED}.
 */
public record ImposeDiscipline(@TargetAggregateIdentifier String memberId,
                               DisciplineForm form,
                               boolean postHeld,
                               DecisionRef decision,
                               ViolationCategory violationCategory) {

    public ImposeDiscipline {
        violationCategory = violationCategory == null ? ViolationCategory.NOT_RECORDED : violationCategory;
    }

    /** A decision whose category is not stated. */
    public ImposeDiscipline(String memberId, DisciplineForm form, boolean postHeld, DecisionRef decision) {
        this(memberId, form, postHeld, decision, ViolationCategory.NOT_RECORDED);
    }
}
