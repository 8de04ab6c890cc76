package vn.partyledger.infra.api;

import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

/**
 * A command endpoint's request body, which knows what it asks for: the command on the record its path names, the
 * business date that command takes effect (the log records it and the rule set in force is chosen by it) and the
 * signed decision behind it, if any. The record's components are the JSON body; these methods are not properties
 * (no {@code get} prefix), so neither the OpenAPI document nor the request's fingerprint sees them.
 *
 * @param <C> the command
 */
public interface CommandBody<C> {

    /** The command on the record whose id the path names. */
    C toCommand(String id);

    LocalDate businessDate();

    /** The signed decision the log records with the command; none by default. */
    default DecisionRef decisionRef() {
        return null;
    }

    /** A body that carries a signed decision as {@code decision}; by default the command takes effect on its date. */
    interface Signed<C> extends CommandBody<C> {

        DecisionDocument decision();

        @Override
        default LocalDate businessDate() {
            return decision().docDate();
        }

        @Override
        default DecisionRef decisionRef() {
            return decision().toDecisionRef();
        }
    }

    /**
     * A body with a signed decision that takes effect on the {@code effectiveDate} the body states, which may differ
     * from the decision's own date: the command takes effect then.
     */
    interface Effective<C> extends Signed<C> {

        LocalDate effectiveDate();

        @Override
        default LocalDate businessDate() {
            return effectiveDate();
        }
    }
}
