package vn.partyledger.command.member;

import vn.partyledger.domain.shared.RuleViolation;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One check of a named policy (in the manner of ddd-by-examples/library's {@code PlacingOnHoldPolicy}): given the facts
 * it needs, the refusal it makes, or nothing. A policy lists its checks in order; the first refusal is the one thrown.
 *
 * @param <F> the facts the check reads: a record, never the aggregate
 */
@FunctionalInterface
interface RuleCheck<F> {

    Optional<RuleViolation> refusal(F facts);

    /** The first refusal of {@code checks}, made in order, or nothing when every check passes. */
    static <F> Optional<RuleViolation> firstRefusal(List<RuleCheck<F>> checks, F facts) {
        for (RuleCheck<F> check : checks) {
            Optional<RuleViolation> refusal = check.refusal(facts);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Throws the first refusal of {@code checks}, if any. */
    static <F> void enforce(List<RuleCheck<F>> checks, F facts) {
        Optional<RuleViolation> refusal = firstRefusal(checks, facts);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** {@code ifTrue} when the facts match {@code condition}, {@code otherwise} when they do not. */
    static <F> RuleCheck<F> either(Predicate<F> condition, RuleCheck<F> ifTrue, RuleCheck<F> otherwise) {
        return facts -> condition.test(facts) ? ifTrue.refusal(facts) : otherwise.refusal(facts);
    }
}
