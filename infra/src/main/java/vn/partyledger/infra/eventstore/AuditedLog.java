package vn.partyledger.infra.eventstore;

import java.util.List;

/**
 * What an audit of the whole log found ({@link MongoEventStorageEngine#auditLog}).
 *
 * @param commitsChecked commits read (tombstones not counted)
 * @param eventsChecked  events read, each handed to the leaf sink
 * @param lastPosition   the highest position the log holds (allocated)
 * @param damages        what is wrong, in log order, at most the limit asked for
 */
public record AuditedLog(long commitsChecked, long eventsChecked, long lastPosition, List<Damage> damages) {
}
