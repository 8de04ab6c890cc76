package vn.partyledger.infra.integration.inbound;

/**
 * Why a message cannot be applied, as the dead-letter topic's headers state it: what kind of fault, in words, and
 * for a domain rule's refusal the rule's name and code (docs/rules.md).
 */
public class DeadLetter extends Exception {

    /** What is wrong; only {@link #FAILED} may pass once the service is repaired, the others need a fix. */
    public enum Kind {
        /** Not a readable CloudEvent: a missing header, a value that is not JSON. */
        MALFORMED,
        /** A type this province does not take in. */
        UNSUPPORTED_TYPE,
        /** JSON that breaks the type's published schema. */
        SCHEMA_INVALID,
        /** A domain rule refused the command. */
        RULE_BROKEN,
        /** The record the message would open is already on file from another message. */
        CONFLICT,
        /** The command failed for another reason, after every attempt. */
        FAILED
    }

    private final Kind kind;
    private final String rule;
    private final String code;

    public DeadLetter(Kind kind, String reason) {
        this(kind, reason, null, null);
    }

    public DeadLetter(Kind kind, String reason, String rule, String code) {
        super(reason);
        this.kind = kind;
        this.rule = rule;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The refusing rule's name, or null. */
    public String rule() {
        return rule;
    }

    /** The refusing rule's code (e.g. {@code INCOMING_TRANSFER}), or null. */
    public String code() {
        return code;
    }
}
