package vn.partyledger.infra.eventstore;

import java.util.List;

/**
 * What an audit of one aggregate's stream found ({@link MongoEventStorageEngine#auditStream}).
 *
 * @param events  the stream's events found, in sequence order, each with the hash its stored fields give now
 * @param damages what is wrong, in sequence order
 */
public record AuditedStream(List<HashedEvent> events, List<Damage> damages) {
}
