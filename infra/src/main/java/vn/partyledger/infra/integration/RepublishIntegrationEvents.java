package vn.partyledger.infra.integration;

/**
 * An administrator's request to publish again, as they were first published, the messages of every event from
 * {@code fromPosition} in the log to its end: for a provincial system that lost data (it drops the copies it still has
 * by {@code ce_id}).
 */
public record RepublishIntegrationEvents(long fromPosition) {
}
