package vn.partyledger.domain.shared;

/** Keys of the metadata every event carries (DESIGN.md "Events are a stored, public contract"). */
public final class MetadataKeys {

    public static final String ACTOR = "actor";
    public static final String DECISION = "decision";
    public static final String BUSINESS_DATE = "businessDate";
    public static final String RULE_SET = "ruleSet";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";

    private MetadataKeys() {
    }
}
