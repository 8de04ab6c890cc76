package vn.partyledger.infra.axon;

import java.util.List;

/**
 * What a successful command answers: the aggregate, its version after the command, the events it appended, and the
 * log position of the last of them — a query given it as {@code minPosition} answers only once its projection has read
 * that far, so the caller reads its own write.
 */
public record CommandOutcome(String aggregateId, long version, List<String> eventIds, long position) {
}
