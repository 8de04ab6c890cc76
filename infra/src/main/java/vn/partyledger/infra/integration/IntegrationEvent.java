package vn.partyledger.infra.integration;

/**
 * One message to publish: the topic it goes to, its key (the member's or organisation's id, which is also the
 * CloudEvents subject), its CloudEvents type and its payload, a record of the {@code v1} contract; for a message to
 * another province, that province ({@code ce_destination}), else null.
 */
public record IntegrationEvent(IntegrationTopic topic, String key, String type, Object data, String destination) {

    private static final String TYPE_PREFIX = "vn.partyledger.";

    /**
     * A message of the member topic; {@code name} is the contract's type without the prefix, e.g.
     * {@code member.admitted.v1}.
     */
    static IntegrationEvent aboutMember(String memberId, String name, Object data) {
        return new IntegrationEvent(IntegrationTopic.MEMBER, memberId, TYPE_PREFIX + name, data, null);
    }

    /** A message about a member addressed to another province, on the exchange between provinces (ADR 0046). */
    static IntegrationEvent toProvince(String province, String memberId, String name, Object data) {
        return new IntegrationEvent(IntegrationTopic.EXCHANGE, memberId, TYPE_PREFIX + name, data, province);
    }

    static IntegrationEvent aboutOrganisation(String orgId, String name, Object data) {
        return new IntegrationEvent(IntegrationTopic.ORGANISATION, orgId, TYPE_PREFIX + name, data, null);
    }

    /** The type without its prefix: the base name of its JSON Schema under docs/integration. */
    public String schemaName() {
        return type.substring(TYPE_PREFIX.length());
    }
}
