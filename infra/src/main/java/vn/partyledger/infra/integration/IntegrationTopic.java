package vn.partyledger.infra.integration;

/** The two topics this service publishes to; their names come from {@link IntegrationProperties}. */
public enum IntegrationTopic {
    /** Keyed by member id: one member's messages stay in order on one partition. */
    MEMBER,
    /** Keyed by organisation id. */
    ORGANISATION;

    String name(IntegrationProperties properties) {
        return this == MEMBER ? properties.memberEventsTopic() : properties.organisationEventsTopic();
    }
}
