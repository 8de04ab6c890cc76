package vn.partyledger.infra.integration;

/** What a republish did: the log positions it read from and to (-1: none), and how many messages it sent. */
public record Republished(long fromPosition, long toPosition, int published) {
}
