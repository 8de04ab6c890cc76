package vn.partyledger.infra.eventstore;

import java.util.List;

/**
 * Whole commits read in log order ({@link MongoEventStorageEngine#readAfter(long, int)}).
 *
 * @param events        their events in log order, with their stored hashes
 * @param lastPosition  the last position read (a commit or a tombstone); the next read starts after it. Equal to the
 *                      position asked after when nothing more is stored yet.
 * @param damaged       positions of the commits read whose stored hashes no longer match their content
 */
public record LogSlice(List<HashedEvent> events, long lastPosition, List<Long> damaged) {
}
