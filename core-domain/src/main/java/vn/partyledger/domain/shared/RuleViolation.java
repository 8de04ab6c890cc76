package vn.partyledger.domain.shared;

/**
 * A command refused because a domain rule does not allow it. {@code invariant} is the rule's entry in the catalogue
 * ({@link Invariant#anchor()}, {@code docs/rules.md}); {@link #code()} is its stable code (e.g. "I8"); {@code rule}
 * names the rule method that refused (a test checks each name is a method of the class that passes it); the message
 * explains the refusal in one sentence.
 */
public class RuleViolation extends RuntimeException {

    private final Invariant invariant;
    private final String rule;

    public RuleViolation(Invariant invariant, String rule, String message) {
        super(message);
        this.invariant = java.util.Objects.requireNonNull(invariant, "invariant");
        this.rule = rule;
    }

    public Invariant invariant() {
        return invariant;
    }

    public String code() {
        return invariant.code();
    }

    public String rule() {
        return rule;
    }
}
