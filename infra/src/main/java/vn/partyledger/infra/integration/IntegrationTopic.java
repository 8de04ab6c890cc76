package vn.partyledger.infra.integration;

import vn.partyledger.infra.integration.inbound.InboundProperties;

/** The topics this service publishes to; their names come from the properties. */
public enum IntegrationTopic {
    /** Keyed by member id: one member's messages stay in order on one partition. */
    MEMBER,
    /** Keyed by organisation id. */
    ORGANISATION,
    /** The exchange between provinces (ADR 0045, 0046), keyed by member id; each message names its destination. */
    EXCHANGE;

    String name(IntegrationProperties properties, InboundProperties inbound) {
        return switch (this) {
            case MEMBER -> properties.memberEventsTopic();
            case ORGANISATION -> properties.organisationEventsTopic();
            case EXCHANGE -> inbound.topic();
        };
    }
}
