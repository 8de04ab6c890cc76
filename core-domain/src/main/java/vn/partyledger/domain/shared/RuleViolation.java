package vn.partyledger.domain.shared;

/**
 * A command refused because a domain rule does not allow it. {@code code} is the invariant's stable identifier from
 * domain.md (e.g. "I8"), {@code rule} names the rule, and the message explains it in one sentence.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final String rule;

    public RuleViolation(String code, String rule, String message) {
        super(message);
        this.code = code;
        this.rule = rule;
    }

    public String code() {
        return code;
    }

    public String rule() {
        return rule;
    }
}
