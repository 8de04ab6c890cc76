package vn.partyledger.infra.axon;

import java.util.List;

/** What a successful command answers: the aggregate, its version after the command and the events it appended. */
public record CommandOutcome(String aggregateId, long version, List<String> eventIds) {
}
